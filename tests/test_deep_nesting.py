"""Nesting as deep as Terraform reads (issue 11, item 8).

Terraform 1.0.3 formats 10,000 levels of nested templates, lists, calls,
objects, parentheses, conditionals, for-expressions and blocks; Python stops
at about 1,000 frames. Every test here runs with the recursion limit lowered
to a little above the test's own depth (``shallow_stack``), so a walk, a rule
or a command that recursed once per level of the input fails, while depth
2,000 keeps the inputs cheap.
"""

from __future__ import annotations

import re
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from oracles import terraform_fmt

from tffix.cli import main
from tffix.cst import (
    deep_equals,
    literal_value,
    positions,
    remove,
    replace,
    spans,
    visit,
    walk,
    with_first_token,
)
from tffix.cst import nodes as n
from tffix.cst.visitor import Transformer, Visitor
from tffix.fmt import format_source
from tffix.fmt.rewrites import unwrap_interpolation
from tffix.fmt.tokens import FmtToken, fmt_tokens
from tffix.syntax import parse_expression
from tffix.syntax.parser import parse_module, parse_with_tokens

DEPTH = 2000
#: for whole runs of every rule (each pass parses, checks and formats again)
RULE_DEPTH = 300
#: frames a test may use beyond those below it: enough for the engine, the
#: CLI and the formatter, far too few for one frame per level of nesting
HEADROOM = 150


def _frames() -> int:
    frame, count = sys._getframe(), 0
    while frame is not None:
        frame, count = frame.f_back, count + 1  # type: ignore[assignment]
    return count


@pytest.fixture
def shallow_stack() -> Iterator[None]:
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(_frames() + HEADROOM)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


# -- the shapes ---------------------------------------------------------------

#: shape -> a function making ``depth`` levels of it around an expression
WRAP: dict[str, Callable[[str, int], str]] = {
    "templates": lambda e, d: '"${' * d + e + '}"' * d,
    "templates-with-text": lambda e, d: '"a${' * d + e + '}"' * d,
    "heredocs": lambda e, d: "<<EOT\n${" * d + e + "}\nEOT\n" * d,
    "if-directives": lambda e, d: '"' + "%{ if a }" * d + "${" + e + "}" + "%{ endif }" * d + '"',
    "for-directives": lambda e, d: '"' + "%{ for a in b }" * d + "${" + e + "}" + "%{ endfor }" * d + '"',
    "lists": lambda e, d: "[" * d + e + "]" * d,
    "calls": lambda e, d: "f(" * d + e + ")" * d,
    "merge-calls": lambda e, d: "merge(" * d + e + ")" * d,
    "objects": lambda e, d: "{ a = " * d + e + " }" * d,
    "parentheses": lambda e, d: "(" * d + e + ")" * d,
    "binary-chain": lambda e, d: e + " + 1" * d,
    "nested-binary": lambda e, d: "(1 + " * d + e + ")" * d,
    "conditionals": lambda e, d: "a ? b : " * d + e,
    "nested-conditionals": lambda e, d: "(a ? " * d + e + " : c)" * d,
    "for-expressions": lambda e, d: "[for a in " * d + e + " : a]" * d,
    "object-for-expressions": lambda e, d: "{ for a in x : a => " * d + e + " }" * d,
    "unary": lambda e, d: "-" * d + "(" + e + ")",
    "index-chain": lambda e, d: "(" + e + ")" + "[0]" * d,
    "attribute-chain": lambda e, d: "(" + e + ")" + ".a" * d,
    "splat-chain": lambda e, d: "(" + e + ")" + "[*].a" * d,
}


def _blocks(d: int) -> str:
    return 'resource "aws_instance" "x" {\n' + "a {\n" * d + "b = 1\n" + "}\n" * d + "}\n"


def shape_text(shape: str, depth: int = DEPTH) -> str:
    """A file with one attribute (or block) nested ``depth`` levels."""
    if shape == "blocks":
        return _blocks(depth)
    return f"x = {WRAP[shape]('1', depth)}\n"


SHAPES = [*WRAP, "blocks"]

#: Where rules look, each holding a deep value built around something the
#: rule reports: every rule's walk meets the nesting.
RULE_CONTEXTS = """\
variable "v" {
  type = @list@
}

locals {
  common_tags = @merge_env@
}

resource "aws_iam_role" "r" {
@open@  name                = "r"
  managed_policy_arns = @arns@
  tags                = @env_map@
@close@}

resource "aws_instance" "i" {
@open@  ami       = @ami@
  user_data = @user_data@
  tags      = @merge_env@
@close@}

resource "aws_db_instance" "d" {
@open@  deletion_protection       = @true@
  skip_final_snapshot       = @false@
  final_snapshot_identifier = @timestamp@
  password                  = @password@
@close@}

resource "aws_lambda_function" "l" {
  role     = @role@
  filename = @filename@
}

resource "aws_iam_policy" "p" {
  policy = @policy@
}

terraform {
  backend "s3" {
@open@    bucket = @bucket@
@close@  }
}
"""

_RULE_BASES = {
    "list": "list",
    "merge_env": '{ Environment = "prod" }',
    "arns": '"arn:aws:iam::aws:policy/ReadOnlyAccess"',
    "env_map": '{ Environment = "prod" }',
    "ami": '"${var.ami}"',
    "user_data": 'base64encode("echo")',
    "true": "true",
    "false": "false",
    "timestamp": "timestamp()",
    "password": "random_password.p.result",
    "role": "aws_iam_role.r",
    "filename": '"build/fn.zip"',
    "policy": 'jsonencode({ Statement = [{ Action = "logs:PutLogEvents", Resource = "*" }] })',
    "bucket": "var.bucket",
}


def rule_text(shape: str, depth: int) -> str:
    """``RULE_CONTEXTS`` with every value nested ``depth`` levels of ``shape``
    (blocks: the bodies of the resources and the backend sit in nested blocks)."""
    blocks = shape == "blocks"

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in ("open", "close"):
            return ("nested {\n" if key == "open" else "}\n") * depth if blocks else ""
        return _RULE_BASES[key] if blocks else WRAP[shape](_RULE_BASES[key], depth)

    return re.sub(r"@(\w+)@", fill, RULE_CONTEXTS)


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


# -- parse and print ------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_deep_input_parses_and_prints_back(shape: str, shallow_stack: None) -> None:
    text = shape_text(shape)
    module, tokens = parse_with_tokens(text)
    assert module.code == text
    assert list(module.tokens()) == tokens
    everything = list(walk(module))
    assert len(everything) > DEPTH
    where = positions(module)
    offsets = spans(module)
    lines = text.splitlines()
    literals = [node for node in everything if type(node) is n.Literal]
    assert literals
    for literal in literals:  # at every depth
        start, end = offsets.text[id(literal)]
        assert text[start:end] == literal.token.text
        line, column = where[id(literal)].start
        assert lines[line - 1][column - 1 :].startswith(literal.token.text)
    assert deep_equals(module, parse_module(text))
    assert visit(module, Transformer()) is module
    assert repr(module).count("Token(kind=") == len(tokens)
    assert module.body.items[0].first_token() is tokens[0]
    assert module.body.items[-1].last_token() is tokens[-2]


def test_tree_api_on_deep_values(shallow_stack: None) -> None:
    text = "x = " + "[" * DEPTH + "-(7)" + "]" * DEPTH + "\n"
    module = parse_module(text)
    attr = module.body.items[0]
    value = literal_value(attr.value)
    for _ in range(DEPTH):
        assert type(value) is list and len(value) == 1
        value = value[0]
    assert value == -7

    innermost = next(node for node in walk(module) if type(node) is n.Literal)
    swapped = replace(module, innermost, parse_expression("8"))
    assert swapped.code == text.replace("-(7)", "-(8)")
    assert not deep_equals(swapped, module)

    tuples = [node for node in walk(module) if type(node) is n.Tuple]
    gone = remove(module, tuples[-1].elements[0])
    assert gone.code == text.replace("[-(7)]", "[]")

    marked = with_first_token(attr.value, lambda tok: tok._replace(lead="  "))
    assert marked.code == "  " + attr.value.code.lstrip(" ")
    assert attr.value.last_token().text == "]"

    class Count(Visitor):
        def __init__(self) -> None:
            self.left = 0

        def leave_Tuple(self, node: n.Tuple) -> None:
            self.left += 1

    counter = Count()
    visit(module, counter)
    assert counter.left == DEPTH


def test_trampoline_runs_deep_calls_and_passes_exceptions_up(shallow_stack: None) -> None:
    from tffix.cst.trampoline import Nested, trampoline

    def count(k: int) -> Nested[int]:
        if k == 0:
            raise KeyError("bottom")
        try:
            return 1 + (yield count(k - 1))
        except KeyError:
            if k == DEPTH // 2:
                return 0  # caught half way up, as a call would be
            raise

    assert trampoline(count(DEPTH)) == DEPTH - DEPTH // 2
    with pytest.raises(KeyError):
        trampoline(count(DEPTH // 2 - 1))


# -- fmt -----------------------------------------------------------------------


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "templates"])
def test_fmt_of_deep_input_is_terraforms(shape: str, shallow_stack: None) -> None:
    text = shape_text(shape)
    ours = format_source(text)
    theirs = terraform_fmt(text)
    assert theirs.rc == 0, theirs.errors
    assert ours == theirs.output


def test_fmt_unwraps_deep_interpolation_only_strings_in_one_run(shallow_stack: None) -> None:
    """Terraform removes one level of ``"${...}"`` per run (a deliberate
    deviation, golden/fmt/README.md): ours is where its runs end."""
    text = shape_text("templates")
    ours = format_source(text)
    assert ours == "x = 1\n"
    once = terraform_fmt(text)
    assert once.rc == 0 and once.output == shape_text("templates", DEPTH - 1)
    assert format_source(once.output) == ours
    assert terraform_fmt(ours).output == ours


def test_fmt_formats_a_long_flat_chain(tmp_path: Path, shallow_stack: None) -> None:
    """The issue's case: 1,000 terms of ``1 + 1 + ...`` were "Too deeply nested" at 1:1."""
    path = tmp_path / "main.tf"
    path.write_text("x = 1" + "+1" * 999 + "\n")
    code, output = _cli("fmt", str(path))
    assert code == 0, output
    assert path.read_text() == "x = 1" + " + 1" * 999 + "\n"


# -- rules, apply and debug through the CLI --------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_check_and_apply_every_rule_on_deep_input(shape: str, tmp_path: Path, shallow_stack: None) -> None:
    (tmp_path / "main.tf").write_text(rule_text(shape, RULE_DEPTH))
    code, output = _cli("check", "--no-cache", "--select", "ALL", str(tmp_path))
    assert code in (0, 1), output
    assert "internal error" not in output and "Traceback" not in output
    code, output = _cli("apply", "--no-cache", "--unsafe-fixes", "--select", "ALL", str(tmp_path))
    assert code in (0, 1), output
    assert "internal error" not in output and "Traceback" not in output
    parse_module((tmp_path / "main.tf").read_text())  # what apply wrote still parses


@pytest.mark.parametrize(
    ("shape", "depth", "code"),
    [
        ("templates", 300, "TFX113"),
        ("lists", 300, "TFX104"),
        ("calls", 2000, "TFX101"),
        ("calls", 2000, "TFX105"),
        ("calls", 2000, "TFX106"),
        ("calls", 2000, "TFX109"),
    ],
)
def test_the_issues_cases_run_their_rule(
    code: str, shape: str, depth: int, tmp_path: Path, shallow_stack: None
) -> None:
    """The rules the issue saw crash, each on its own, on a file holding the
    deep values and, below them, the same blocks written plainly: a finding
    anywhere in the file needs positions, which walked the whole tree."""
    plain = re.sub(r'(resource "\w+" "\w+|variable "\w+|backend "\w+)" \{', r'\1_plain" {', rule_text(shape, 0))
    (tmp_path / "main.tf").write_text(rule_text(shape, depth) + "\n" + plain)
    status, output = _cli("check", "--no-cache", "--select", code, str(tmp_path))
    assert "internal error" not in output, output
    assert status == 1 and f" {code} " in output, output


def test_a_json_policy_nested_past_the_decoders_limit_is_no_policy(tmp_path: Path, shallow_stack: None) -> None:
    """TFX116 reads JSON policies with Python's decoder, which recurses."""
    document = '{"Statement": ' + "[" * DEPTH + "]" * DEPTH + "}"
    (tmp_path / "main.tf").write_text(f'resource "aws_iam_policy" "p" {{\n  policy = <<EOT\n{document}\nEOT\n}}\n')
    status, output = _cli("check", "--no-cache", "--select", "TFX116", str(tmp_path))
    assert (status, output) == (0, "Found 0 findings.\n")


@pytest.mark.parametrize("shape", SHAPES)
def test_debug_tree_prints_deep_input(shape: str, tmp_path: Path, shallow_stack: None) -> None:
    depth = 400  # the printed tree is indented by its depth: keep it small
    path = tmp_path / "main.tf"
    path.write_text(shape_text(shape, depth))
    code, output = _cli("debug", "tree", str(path))
    assert code == 0, output[-2000:]
    module = parse_module(path.read_text())
    printed = [line.strip().split(":")[-1].strip() for line in output.splitlines()]
    for kind in {type(node).__name__ for node in walk(module)}:
        assert printed.count(kind) == sum(type(node).__name__ == kind for node in walk(module)), kind


# -- interpolation unwrapping stays linear ------------------------------------------


def test_unwrapping_deep_interpolation_keeps_memory_linear() -> None:
    """10,000 nested templates took 6.8 s and 618 MB: each level copied the
    tokens below it. Depth 900 stays under the default recursion limit, so
    the old code ran here, holding about 50 MB; now a few hundred KB."""
    text = WRAP["templates"]("var.x", 900)
    tokens = fmt_tokens(parse_module(f"x = {text}\n").body.items[0].value.tokens())
    tracemalloc.start()
    try:
        result = unwrap_interpolation(tokens)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result is not None and [t.text for t in result] == ["var", ".", "x"]
    assert peak < 4_000_000


def _unwrap_one_level_at_a_time(tokens: list[FmtToken]) -> list[FmtToken] | None:
    """The rewrite's plain definition, one level per call (small inputs only)."""
    if len(tokens) < 5 or [t.kind for t in (tokens[0], tokens[1], tokens[-2], tokens[-1])] != [
        "OQUOTE", "TEMPLATE_INTERP", "TEMPLATE_SEQ_END", "CQUOTE",
    ]:  # fmt: skip
        return None
    inside, quotes = tokens[2:-2], 0
    for tok in inside:
        quotes += {"OQUOTE": 1, "CQUOTE": -1}.get(tok.kind, 0)
        if quotes == 0 and tok.kind in ("TEMPLATE_INTERP", "TEMPLATE_SEQ_END", "QUOTED_LIT"):
            return None
    while inside and inside[0].kind == "NEWLINE":
        inside = inside[1:]
    while inside and inside[-1].kind == "NEWLINE":
        inside = inside[:-1]
    if not inside:
        return None
    if any(t.kind == "NEWLINE" or t.line_comment for t in inside[:-1]):
        depth, closes_at_end = 0, False
        if inside[0].kind == "OPAREN" and inside[-1].kind == "CPAREN":
            for i, tok in enumerate(inside):
                depth += {"OPAREN": 1, "OBRACK": 1, "OBRACE": 1, "TEMPLATE_INTERP": 1, "TEMPLATE_CONTROL": 1}.get(
                    tok.kind, 0
                )
                depth -= {"CPAREN": 1, "CBRACK": 1, "CBRACE": 1, "TEMPLATE_SEQ_END": 1}.get(tok.kind, 0)
                if depth == 0 and tok.kind in ("CPAREN", "CBRACK", "CBRACE", "TEMPLATE_SEQ_END"):
                    closes_at_end = i == len(inside) - 1
                    break
        if not closes_at_end:
            inside = [FmtToken("OPAREN", "("), *inside, FmtToken("CPAREN", ")")]
    again = _unwrap_one_level_at_a_time(inside)
    return inside if again is None else again


_KINDS = [
    "OQUOTE",
    "CQUOTE",
    "TEMPLATE_INTERP",
    "TEMPLATE_SEQ_END",
    "QUOTED_LIT",
    "NEWLINE",
    "IDENT",
    "OPAREN",
    "CPAREN",
]


@st.composite
def _interpolations(draw: st.DrawFn, depth: int = 4) -> list[FmtToken]:
    """Token runs shaped like nested ``"${...}"``, with noise at every level."""

    def noise() -> list[FmtToken]:
        kinds = draw(st.lists(st.sampled_from(_KINDS), max_size=3))
        return [FmtToken(kind, kind.lower(), line_comment=draw(st.booleans()) and kind == "IDENT") for kind in kinds]

    if depth == 0 or draw(st.booleans()):
        return noise()
    inner = draw(_interpolations(depth - 1))
    before, after = noise() if draw(st.booleans()) else [], noise() if draw(st.booleans()) else []
    return [
        FmtToken("OQUOTE", '"'), FmtToken("TEMPLATE_INTERP", "${"), *before, *inner, *after,
        FmtToken("TEMPLATE_SEQ_END", "}"), FmtToken("CQUOTE", '"'),
    ]  # fmt: skip


@given(_interpolations())
def test_unwrapping_matches_its_one_level_definition(tokens: list[FmtToken]) -> None:
    def shown(result: list[FmtToken] | None) -> list[tuple[str, str]] | None:
        return None if result is None else [(t.kind, t.text) for t in result]

    assert shown(unwrap_interpolation(tokens)) == shown(_unwrap_one_level_at_a_time(tokens))
