"""The pattern language (``docs/patterns.md``): metavariables, body
matching in any order, ``not``, ``where``, match/replace as tree edits,
codemods, follow-up comments, and errors in pattern files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tffix.engine.run import run_module
from tffix.patterns import PatternError, compile_pattern, pattern_classes
from tffix.rule import RuleSet
from tffix.syntax.parser import parse_module
from tffix.testing import CaseResult, run_case

CODEMOD = 'codemod "c" {{\n  match {{\n{m}\n  }}\n  replace {{\n{r}\n  }}\n}}\n'


def run(pattern: str, before: str, after: str | None = None, *, finding: bool | None = None) -> CaseResult:
    rules, codemods = pattern_classes(pattern)
    cls = [*rules, *codemods][0]
    return run_case(
        cls, {"main.tf": before}, {"main.tf": after} if after is not None else None, unsafe=True, finding=finding
    )


def codemod(match: str, replace: str, before: str, after: str) -> None:
    result = run(CODEMOD.format(m=match, r=replace), before, after)
    assert result.passed, "\n".join(result.problems)


def rule(body: str, code: str = "ACME001", message: str = "found $N") -> str:
    return f'rule "r" {{\n  code    = "{code}"\n  message = "{message}"\n  safety  = "safe"\n{body}\n}}\n'


def messages(pattern: str, text: str) -> list[str]:
    """``line:col message`` of every finding of the pattern file's first rule."""
    rules, _ = pattern_classes(pattern)
    ran = run_module(Path("m"), {Path("m/main.tf"): text}, RuleSet((rules[0](),)), fix=False)
    return [f"{d.start[0]}:{d.start[1]} {d.message}" for d in ran.remaining]


# -- metavariables --------------------------------------------------------------


def test_label_metavariable_and_capture_in_message() -> None:
    pattern = rule('  match {\n    resource "aws_instance" "$N" {\n      instance_type = "t2.micro"\n    }\n  }')
    text = 'resource "aws_instance" "web" {\n  instance_type = "t2.micro"\n}\nresource "aws_instance" "db" {\n  instance_type = "m5.large"\n}\n'
    assert messages(pattern, text) == ["2:3 found web"]  # at the first attribute the pattern names


def test_expression_metavariable_keeps_the_captured_code() -> None:
    where = '  where {\n    R = regex("^aws_iam_role[.][a-z]+.0.$")\n  }'
    pattern = rule(f"  match {{\n    role = $R\n  }}\n  replace {{\n    role = $R.arn\n  }}\n{where}", message="$R")
    before = 'resource "aws_lambda_function" "f" {\n  role = aws_iam_role.x[0] # exec\n}\n'
    after = 'resource "aws_lambda_function" "f" {\n  role = aws_iam_role.x[0].arn # exec\n}\n'
    result = run(pattern, before, after)
    assert result.passed, result.problems


def test_wildcard_binds_nothing_and_many_takes_arguments() -> None:
    pattern = 'codemod "c" {\n  match   = coalesce($_, $...REST)\n  replace = coalesce($...REST)\n}\n'
    result = run(
        pattern, "locals {\n  a = coalesce(var.a, var.b, var.c)\n}\n", "locals {\n  a = coalesce(var.b, var.c)\n}\n"
    )
    assert not [p for p in result.problems if "differs" in p]


def test_many_in_a_tuple() -> None:
    pattern = 'codemod "c" {\n  match   = [$...A, "*"]\n  replace = [$...A]\n}\n'
    result = run(
        pattern, 'locals {\n  a = ["x", "y", "*"]\n  b = ["*"]\n}\n', 'locals {\n  a = ["x", "y"]\n  b = []\n}\n'
    )
    assert result.passed, result.problems


def test_repeated_metavariable_must_match_equal_code_ignoring_trivia() -> None:
    pattern = rule("  match   = $X == $X\n  replace = true", message="compares $X with itself")
    text = "locals {\n  a = var.a == var.a\n  b = var.a == var.b\n  c = var.a ==  var.a\n}\n"
    assert messages(pattern, text) == ["2:7 compares var.a with itself", "4:7 compares var.a with itself"]
    result = run(pattern, text, "locals {\n  a = true\n  b = var.a == var.b\n  c = true\n}\n")
    assert result.passed, result.problems


def test_attribute_name_and_function_name_metavariables() -> None:
    pattern = rule('  match {\n    $K = $F("x")\n  }', message="$K calls $F")
    assert messages(pattern, 'locals {\n  a = upper("x")\n  b = lower("y")\n}\n') == ["2:3 a calls upper"]


def test_object_items_exact_unless_many() -> None:
    exact = rule("  match {\n    tags = { Name = $N }\n  }")
    loose = rule("  match {\n    tags = {\n      Name = $N\n      $...OTHER\n    }\n  }")
    text = 'locals {\n  tags = { Name = "a", Team = "b" }\n}\n'
    assert messages(exact, text) == []
    assert messages(loose, text) == ["2:3 found a"]


def test_interpolation_only_string_is_the_expression_it_wraps() -> None:
    pattern = rule("  match {\n    user_data = base64encode($N)\n  }")
    assert messages(pattern, 'resource "a" "b" {\n  user_data = "${base64encode(var.s)}"\n}\n') == ["2:3 found var.s"]


# -- bodies ---------------------------------------------------------------------


def test_body_items_match_in_any_order_and_others_are_left_alone() -> None:
    codemod(
        '    resource "aws_s3_bucket" "$N" {\n      acl    = "private"\n      bucket = $B\n    }',
        '    resource "aws_s3_bucket" "$N" {\n      bucket = $B\n    }',
        'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  # why private\n  acl = "private" # old\n  tags = {}\n}\n',
        # the input is not fmt-clean, so the line the removal leaves beside
        # `bucket` keeps its bytes (no collateral lines)
        'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = {}\n}\n',
    )


def test_insert_goes_after_the_last_argument_before_nested_blocks() -> None:
    codemod(
        '    resource "aws_s3_bucket" "$N" {\n    }',
        '    resource "aws_s3_bucket" "$N" {\n      force_destroy = false\n    }',
        'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "private"\n\n  versioning {\n    enabled = true\n  }\n}\n',
        'resource "aws_s3_bucket" "b" {\n  bucket        = "x"\n  acl           = "private"\n  force_destroy = false\n\n  versioning {\n    enabled = true\n  }\n}\n',
    )


def test_insert_follows_the_files_indentation() -> None:
    codemod(
        '    resource "aws_s3_bucket" "$N" {\n    }',
        '    resource "aws_s3_bucket" "$N" {\n      force_destroy = false\n    }',
        'resource "aws_s3_bucket" "b" {\n\tbucket = "x"\n}\n',
        'resource "aws_s3_bucket" "b" {\n\tbucket        = "x"\n\tforce_destroy = false\n}\n',
    )


def test_an_inserted_block_goes_at_the_end() -> None:
    codemod(
        '    resource "aws_s3_bucket" "$N" {\n      acl = "private"\n    }',
        '    resource "aws_s3_bucket" "$N" {\n      acl = "private"\n      lifecycle {\n        prevent_destroy = true\n      }\n    }',
        'resource "aws_s3_bucket" "b" {\n  acl = "private"\n}\n',
        'resource "aws_s3_bucket" "b" {\n  acl = "private"\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n',
    )


def test_rename_keeps_value_and_comment_and_realigns() -> None:
    codemod(
        '    resource "aws_instance" "$N" {\n      user_data = base64encode($X)\n    }',
        '    resource "aws_instance" "$N" {\n      user_data_base64 = base64encode($X)\n    }',
        'resource "aws_instance" "a" {\n  ami       = "ami-1"\n  user_data = base64encode("echo hi") # boot\n}\n',
        'resource "aws_instance" "a" {\n  ami              = "ami-1"\n  user_data_base64 = base64encode("echo hi") # boot\n}\n',
    )


def test_label_change() -> None:
    codemod(
        '    resource "aws_alb" "$N" {\n      $...BODY\n    }',
        '    resource "aws_lb" "$N" {\n      $...BODY\n    }',
        'resource "aws_alb" "front" {\n  name = "x" # keep\n}\n',
        'resource "aws_lb" "front" {\n  name = "x" # keep\n}\n',
    )


def test_not_requires_that_no_item_matches() -> None:
    pattern = rule("  match {\n    rule {\n      id = $N\n      not {\n        filter { $...F }\n      }\n    }\n  }")
    text = 'resource "x" "y" {\n  rule {\n    id = "a"\n  }\n  rule {\n    id = "b"\n    filter {}\n  }\n}\n'
    assert messages(pattern, text) == ["3:5 found a"]


def test_an_insert_that_is_there_already_changes_nothing() -> None:
    pattern = CODEMOD.format(
        m='    resource "aws_s3_bucket" "$N" {\n    }',
        r='    resource "aws_s3_bucket" "$N" {\n      force_destroy = false\n    }',
    )
    text = 'resource "aws_s3_bucket" "b" {\n  force_destroy = false\n}\n'
    assert run(pattern, text).passed


# -- where ------------------------------------------------------------------------


WHERE = """  match {
    resource "$T" "$N" {
      acl = $A
    }
  }
  where {
    T = ["aws_s3_bucket", "aws_s3_bucket_acl"]
    A = %s
  }"""


@pytest.mark.parametrize(
    ("check", "found"),
    [
        ('regex("^public")', ["2:3 found b"]),
        ('not_regex("^public")', ["5:3 found c", "8:3 found d"]),  # a reference is matched by its code
        ("literal", ["2:3 found b", "5:3 found c"]),
        ("reference", ["8:3 found d"]),
        ('"private"', ["5:3 found c"]),
        ('one_of(["private", "public-read"])', ["2:3 found b", "5:3 found c"]),
        ('all(literal, not("private"))', ["2:3 found b"]),
    ],
)
def test_where(check: str, found: list[str]) -> None:
    text = (
        'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n'
        'resource "aws_s3_bucket" "c" {\n  acl = "private"\n}\n'
        'resource "aws_s3_bucket" "d" {\n  acl = var.acl\n}\n'
        'resource "other" "e" {\n  acl = "public-read"\n}\n'
    )
    assert messages(rule(WHERE % check), text) == found


def test_todo_comment_where_a_literal_is_needed() -> None:
    body = WHERE % '"public-read"' + '\n  todo = "check that $A is not public-read"'
    text = 'resource "aws_s3_bucket" "d" {\n  acl = var.acl\n}\n'
    assert messages(rule(body), text) == ['1:1 found d (undecided: A = "public-read")']
    after = (
        '# TODO(tffix:r): check that var.acl is not public-read\nresource "aws_s3_bucket" "d" {\n  acl = var.acl\n}\n'
    )
    result = run(rule(body), text, after)
    assert result.passed, result.problems


# -- grep-style patterns -----------------------------------------------------------


def test_compile_pattern_finds_expressions_and_items() -> None:
    tree = parse_module('resource "a" "b" {\n  x = base64encode(var.s)\n  y = base64encode("z")\n}\n')
    found = list(compile_pattern("base64encode($X)").find(tree))
    assert [f.captures["X"].text for f in found] == ["var.s", "z"]
    items = list(compile_pattern('resource "a" "$N" {\n  x = $V\n}').find(tree))
    assert [(f.captures["N"].text, f.captures["V"].text) for f in items] == [("b", "base64encode(var.s)")]


# -- errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (rule("  match {\n    a = $X\n  }\n  replace {\n    a = $Y\n  }"), "9:9: unknown metavariable $Y in replace"),
        (rule("  match {\n    a = $...X\n  }"), "6:9: $...X stands for several items"),
        (rule("  match {\n    a = $X\n  }\n  replace {\n    a = $_\n  }"), "9:9: $_ matches anything"),
        (rule("  match {\n    a = f($...X)\n  }\n  replace {\n    a = $X\n  }"), "9:9: $X is bound as $...X in match"),
        (rule("  match {\n    a = 1\n  }\n  colour = 1"), "8:3: unknown key 'colour'"),
        (rule("  match {\n    a = 1\n  }\n  where {\n    Q = literal\n  }"), "where: $Q is not a metavariable"),
        (rule("  match {\n    a = $X\n  }\n  where {\n    X = shiny\n  }"), "9:9: unknown check 'shiny'"),
        (rule("  match {\n    a = 1\n  }", message="uses $Z"), "unknown metavariable $Z in message"),
        ('rule "r" {\n  code = "TFX001"\n}\n', "has no match"),
        ('variable "x" {}\n', "1:1: unknown top-level 'variable'"),
        ('rule "r" {\n  code = \n}\n', "<pattern>:2:"),
    ],
)
def test_errors_name_file_line_and_column(text: str, error: str) -> None:
    with pytest.raises(PatternError) as raised:
        pattern_classes(text)
    assert error in str(raised.value)
    assert str(raised.value).startswith("<pattern>:")


# -- alternatives, surroundings, the module -------------------------------------------


ROLE = """  pattern "plain" {
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    replace {
      resource "$T" "$N" {
        role = $REF.name
      }
    }
    where {
      REF = match(aws_iam_role.$R)
    }
    unless {
      resource "aws_iam_role" "$R" {
        count = $_
      }
    }
  }
  pattern "counted" {
    message = "pick an instance of $R"
    at      = $REF
    match {
      resource "$T" "$N" {
        role = $REF
      }
    }
    where {
      REF = match(aws_iam_role.$R)
    }
    requires {
      resource "aws_iam_role" "$R" {
        count = $_
      }
    }
  }"""

ROLES = (
    'resource "aws_iam_role" "x" {\n  count = 2\n}\n'
    'resource "aws_iam_role_policy" "a" {\n  role = aws_iam_role.x\n}\n'
    'resource "aws_iam_role_policy" "b" {\n  role = aws_iam_role.y\n}\n'
)


def test_where_match_binds_and_unless_requires_look_at_the_module() -> None:
    pattern = rule(ROLE, message="use the name of $R")
    assert messages(pattern, ROLES) == ["5:10 pick an instance of x", "8:10 use the name of y"]
    result = run(pattern, ROLES, ROLES.replace("aws_iam_role.y", "aws_iam_role.y.name"))
    assert [p for p in result.problems if "differs" in p] == []


def test_inside_binds_and_not_inside_excludes() -> None:
    body = """  match {
    $K = $V
  }
  inside {
    resource "$T" "$N" {}
  }
  not_inside {
    lifecycle {}
  }
  where {
    K = regex("_arn$")
  }"""
    text = (
        'resource "a" "b" {\n  role_arn = var.x\n  nested {\n    exec_arn = var.y\n  }\n'
        "  lifecycle {\n    ignore_arn = []\n  }\n}\n"
        'module "m" {\n  role_arn = var.z\n}\n'
    )
    assert messages(rule(body, message="$K in $T.$N"), text) == ["2:3 role_arn in a.b", "4:5 exec_arn in a.b"]


def test_follow_locals() -> None:
    body = "  follow_locals = true\n  match {\n    user_data = base64encode($X)\n  }"
    text = 'locals {\n  boot = base64encode("x")\n}\nresource "a" "b" {\n  user_data = local.boot\n}\n'
    assert messages(rule(body, message="$X"), text) == ["5:3 x"]
    assert messages(rule(body.replace("true", "false"), message="$X"), text) == []


def test_add_declares_a_variable_once() -> None:
    pattern = CODEMOD.format(
        m='    resource "aws_instance" "$N" {\n      instance_type = "t2.micro"\n    }',
        r='    resource "aws_instance" "$N" {\n      instance_type = var.instance_type\n    }',
    ).replace(
        "\n}\n",
        '\n  add {\n    variable "instance_type" {\n      type        = string\n      description = "EC2 instance type"\n'
        '      default     = "t2.micro"\n    }\n  }\n}\n',
    )
    text = 'resource "aws_instance" "a" {\n  instance_type = "t2.micro"\n}\n\nresource "aws_instance" "b" {\n  instance_type = "t2.micro"\n}\n'
    _, codemods = pattern_classes(pattern)
    result = run_case(codemods[0], {"main.tf": text}, None)
    assert result.outputs["main.tf"] == text.replace('"t2.micro"', "var.instance_type")
    assert result.outputs["variables.tf"] == (
        'variable "instance_type" {\n  description = "EC2 instance type"\n  type        = string\n  default     = "t2.micro"\n}\n'
    )


def test_every_whole_rule_in_the_docs_loads() -> None:
    import re

    from conftest import ROOT

    text = (ROOT / "docs" / "patterns.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```hcl\n(.*?)```", text, re.DOTALL) if b.startswith(("rule ", "codemod "))]
    assert len(blocks) >= 5
    for block in blocks:
        rules, codemods = pattern_classes(block)
        assert len(rules) + len(codemods) == 1
