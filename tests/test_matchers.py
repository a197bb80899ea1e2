"""Matchers: each one on a table of shapes it must and must not match, the
ancestor constraints nested, and ``find`` against a hand-written walk over
the corpus."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from conftest import ROOT, corpus_files, read

from tffix import ParseError, parse_module
from tffix.cst import matchers as m
from tffix.cst import nodes as n
from tffix.cst import parents, walk
from tffix.cst.values import template_text
from tffix.engine.module import TerraformModule

SOURCE = """\
variable "region" {
  default = "eu-west-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-${var.env}"
  acl    = "private"
  tags = {
    Name  = "logs"
    "a b" = 1
  }

  lifecycle {
    ignore_changes = [tags]
  }
}

resource "aws_s3_bucket" "a\\"b" {
  acl    = "public-read"
  policy = <<EOT
{"Version": "2012-10-17"}
EOT
  count  = 2
  force  = true
}

resource "aws_instance" web {
  ami           = data.aws_ami.ubuntu.id
  subnet_ids    = aws_subnet.private[*].id
  first         = aws_subnet.private[0].id
  keyed         = local.map["key"]
  dynamic       = local.map[each.key]
  created       = timestamp()
  name          = format("%s-%s", var.env, "web")
  user_data     = templatefile("${path.module}/init.sh", { region = var.region })
  lifecycle {
    create_before_destroy = true
  }
}

module "net" {
  source = "./net"
  cidr   = -1
}
"""

TREE = parse_module(SOURCE)


def found(matcher: m.BaseMatcher, tree: n.Node = TREE) -> list[str]:
    return [node.code.strip().splitlines()[0] for node in m.find(matcher, tree)]


@pytest.mark.parametrize(
    ("matcher", "expected"),
    [
        (m.Block("variable"), ['variable "region" {']),
        (
            m.Block("resource", "aws_s3_bucket"),
            ['resource "aws_s3_bucket" "logs" {', 'resource "aws_s3_bucket" "a\\"b" {'],
        ),
        (m.Block("resource", "aws_s3_bucket", 'a"b'), ['resource "aws_s3_bucket" "a\\"b" {']),  # label decoded
        (m.Block("resource", "aws_s3_bucket", "a\\b"), []),
        (m.Block("resource", m.ANY, "web"), ['resource "aws_instance" web {']),  # a bare label
        (m.Block("resource", m.OneOf("aws_instance", "nope")), ['resource "aws_instance" web {']),
        (
            m.Block("resource", m.MatchRegex("^aws_s3")),
            ['resource "aws_s3_bucket" "logs" {', 'resource "aws_s3_bucket" "a\\"b" {'],
        ),
        (m.Block("resource", m.Not("aws_s3_bucket")), ['resource "aws_instance" web {']),
        (m.Block("lifecycle"), ["lifecycle {", "lifecycle {"]),
        (m.Block("lifecycle", m.ANY), []),  # more labels than the block has
        (m.Block("module", label_count=1), ['module "net" {']),
        (m.Block("module", label_count=2), []),
        (m.Block(m.ANY, "net"), ['module "net" {']),
        (
            m.Block("resource", body=[m.Attribute("acl", value=m.Literal("public-read"))]),
            ['resource "aws_s3_bucket" "a\\"b" {'],
        ),
        (m.Block("resource", body=[m.Attribute("acl"), m.Attribute("count")]), ['resource "aws_s3_bucket" "a\\"b" {']),
        (m.Block("resource", lacks=[m.Attribute("acl")]), ['resource "aws_instance" web {']),
        (
            m.Block("resource", body=[m.Block("lifecycle")], lacks=[m.Attribute("ami")]),
            ['resource "aws_s3_bucket" "logs" {'],
        ),
        (m.Block("resource", body=[m.Attribute("ignore_changes")]), []),  # body items are direct children only
    ],
)
def test_block(matcher: m.Block, expected: list[str]) -> None:
    assert found(matcher) == expected


@pytest.mark.parametrize(
    ("matcher", "expected"),
    [
        (m.Attribute("acl"), ['acl    = "private"', 'acl    = "public-read"']),
        (m.Attribute("acl", value=m.Literal("private")), ['acl    = "private"']),
        (m.Attribute("bucket", value=m.Literal()), []),  # interpolates: not a literal
        (m.Attribute("bucket", value=m.String()), []),
        (m.Attribute(m.OneOf("count", "force"), value=m.Literal(m.ANY)), ["count  = 2", "force  = true"]),
        (m.Attribute("count", value=m.Literal(2.0)), ["count  = 2"]),  # numbers compare across int/float
        (m.Attribute("force", value=m.Literal(1)), []),  # but true is not 1
        (m.Attribute("count", value=m.Literal(True)), []),
        (m.Attribute("cidr", value=m.Literal(-1)), ["cidr   = -1"]),
        (m.Attribute("policy", value=m.Literal('{"Version": "2012-10-17"}\n')), ["policy = <<EOT"]),  # heredoc
        (m.Attribute("policy", value=m.String(m.MatchRegex("Version"))), ["policy = <<EOT"]),
        (m.Attribute("ignore_changes", value=m.Literal()), []),  # [tags] refers to something
        (m.Attribute(value=m.Call("timestamp")), ["created       = timestamp()"]),
        (
            m.Attribute(m.MatchIf(lambda name: str(name).startswith("first"))),
            ["first         = aws_subnet.private[0].id"],
        ),
    ],
)
def test_attribute_and_literal(matcher: m.Attribute, expected: list[str]) -> None:
    assert found(matcher) == expected


def test_literal_tables_and_objects() -> None:
    tree = parse_module('a = [1, "x", null]\nb = { k = "v", "q r" = [true] }\nc = [var.x]\n')
    assert found(m.Attribute(value=m.Literal([1, "x", None])), tree) == ['a = [1, "x", null]']
    assert found(m.Attribute(value=m.Literal({"k": "v", "q r": [True]})), tree) == ['b = { k = "v", "q r" = [true] }']
    assert found(m.Attribute(value=m.Literal([1, "x"])), tree) == []
    assert found(m.Attribute(value=m.Literal()), tree) == ['a = [1, "x", null]', 'b = { k = "v", "q r" = [true] }']
    assert found(m.ObjectItem("q r"), tree) == ['"q r" = [true]']
    assert found(m.ObjectItem(m.ANY, value=m.Literal("v")), tree) == ['k = "v",']  # the item owns its comma


def test_template_and_heredoc_literals_decode_escapes() -> None:
    tree = parse_module('a = "x\\"y $${z}"\nb = <<-EOT\n    x"y $${z}\n    EOT\nc = "${d}"\n')
    assert found(m.String('x"y ${z}'), tree) == ['"x\\"y $${z}"']
    assert found(m.Literal('x"y ${z}\n'), tree) == ["<<-EOT"]
    assert found(m.String(), tree) == ['"x\\"y $${z}"', "<<-EOT"]


@pytest.mark.parametrize(
    ("matcher", "expected"),
    [
        (m.Call("timestamp"), ["timestamp()"]),
        (m.Call("timestamp", args=[]), ["timestamp()"]),
        (
            m.Call("format", args=[m.Literal("%s-%s"), m.Traversal("var", "env"), m.ANY]),
            ['format("%s-%s", var.env, "web")'],
        ),
        (m.Call("format", args=[m.ANY]), []),  # exactly that many arguments
        (
            m.Call(m.OneOf("format", "templatefile")),
            ['format("%s-%s", var.env, "web")', 'templatefile("${path.module}/init.sh", { region = var.region })'],
        ),
        (m.Call("timestamp", inside=m.Block("resource", "aws_instance")), ["timestamp()"]),
        (m.Call("timestamp", not_inside=m.Block("resource", "aws_instance")), []),
        (m.Call("timestamp", inside=m.Attribute("created")), ["timestamp()"]),
    ],
)
def test_call(matcher: m.Call, expected: list[str]) -> None:
    assert found(matcher) == expected


@pytest.mark.parametrize(
    ("matcher", "expected"),
    [
        (m.Traversal("var", "env"), ["var.env", "var.env"]),
        (m.Traversal("var", m.ANY), ["var.env", "var.env", "var.region"]),
        (m.Traversal("var"), []),  # the whole traversal only
        (m.Traversal("data", "aws_ami", "ubuntu"), []),
        (m.Traversal("data", "aws_ami", "ubuntu", prefix=True), ["data.aws_ami.ubuntu.id"]),
        (m.Traversal("aws_subnet", "private", m.SPLAT, "id"), ["aws_subnet.private[*].id"]),
        (m.Traversal("aws_subnet", "private", 0, "id"), ["aws_subnet.private[0].id"]),
        (m.Traversal("local", "map", "key"), ['local.map["key"]']),  # ["key"] is the step "key"
        (m.Traversal("local", "map", m.DYNAMIC), ["local.map[each.key]"]),
        (m.Traversal("each", "key"), ["each.key"]),  # an index's key is a traversal of its own
        (m.Traversal("path", "module", inside=m.Call("templatefile")), ["path.module"]),
        (m.Traversal("var", m.ANY, not_inside=m.Call()), ["var.env"]),
        (m.Traversal("tags"), ["tags"]),
    ],
)
def test_traversal(matcher: m.Traversal, expected: list[str]) -> None:
    assert found(matcher) == expected


def test_nested_ancestor_constraints() -> None:
    in_instance = m.Block("resource", "aws_instance")
    # a lifecycle block inside a resource that is itself inside nothing but the file
    assert found(m.Block("lifecycle", inside=in_instance)) == ["lifecycle {"]
    assert found(m.Block("lifecycle", not_inside=in_instance)) == ["lifecycle {"]
    outside = next(m.find(m.Block("lifecycle", not_inside=in_instance), TREE))
    assert "ignore_changes" in outside.code
    # inside an attribute that is inside a lifecycle block that is inside a bucket
    deep = m.Traversal(
        "tags",
        inside=m.Attribute("ignore_changes", inside=m.Block("lifecycle", inside=m.Block("resource", "aws_s3_bucket"))),
    )
    assert found(deep) == ["tags"]
    assert found(m.Traversal("tags", inside=m.Attribute("ignore_changes", inside=in_instance))) == []
    # constraints on the ancestors of ancestors are checked with their own ancestors
    assert found(m.Traversal("var", "region", inside=m.ObjectItem("region", inside=m.Call("templatefile")))) == [
        "var.region"
    ]
    assert found(m.Attribute("acl", inside=m.Block("resource", not_inside=m.Block()))) == [
        'acl    = "private"',
        'acl    = "public-read"',
    ]
    assert found(m.Attribute("acl", inside=m.Block("resource", inside=m.Block()))) == []


def test_combinators() -> None:
    either = m.Attribute("acl") | m.Attribute("count")
    assert found(either) == ['acl    = "private"', 'acl    = "public-read"', "count  = 2"]
    both = m.Attribute("acl") & m.Attribute(value=m.Literal("private"))
    assert found(both) == ['acl    = "private"']
    assert found(m.AllOf(m.Attribute("acl"), ~m.Attribute(value=m.Literal("private")))) == ['acl    = "public-read"']
    assert found(m.OneOf(m.Block("module"), m.Call("timestamp"))) == ["timestamp()", 'module "net" {']
    # a Not at the top can match any node: find then walks everything
    everything = list(m.find(m.Not(m.Block()), TREE))
    assert not any(type(node) is n.Block for node in everything) and len(everything) > 100
    assert m.OneOf(m.Block(), m.Attribute()).kinds == frozenset([n.Block, n.Attribute])
    assert m.AllOf(m.Block(), m.MatchIf(bool)).kinds == frozenset([n.Block])
    assert m.Not(m.Block()).kinds is None


def test_matches_and_roots() -> None:
    block = next(TREE.blocks("resource", "aws_instance"))
    assert m.matches(block, m.Block("resource", "aws_instance", "web"))
    assert not m.matches(block, m.Block("resource", "aws_instance", "db"))
    timestamp = next(node for node in walk(block) if type(node) is n.FunctionCall)
    with pytest.raises(m.AncestorsUnknown):
        m.matches(timestamp, m.Call("timestamp", inside=m.Block()))
    assert m.matches(timestamp, m.Call("timestamp", inside=m.Block("resource")), root=TREE)
    assert not m.matches(timestamp, m.Call("timestamp", inside=m.Block("module")), root=TREE)
    with pytest.raises(ValueError, match="not in the tree"):
        m.matches(timestamp, m.Call(), root=parse_module("a = 1\n"))


def test_find_over_files_in_order() -> None:
    class File:
        def __init__(self, text: str | None) -> None:
            self.tree = None if text is None else parse_module(text)

    files = [File('module "a" {}\n'), File(None), File('module "b" {}\nmodule "c" {}\n')]
    assert [node.code.strip() for node in m.find(m.Block("module"), files)] == [
        'module "a" {}',
        'module "b" {}',
        'module "c" {}',
    ]
    assert [node.code.strip() for node in m.find(m.Block("module"), files[2])] == ['module "b" {}', 'module "c" {}']
    pairs = list(m.find_by_file(m.Block("module"), files))
    assert [(files.index(f), node.code.strip()) for f, node in pairs] == [
        (0, 'module "a" {}'),
        (2, 'module "b" {}'),
        (2, 'module "c" {}'),
    ]
    with pytest.raises(TypeError):
        list(m.find(m.Block(), [1]))  # type: ignore[list-item]


def test_find_over_a_modules_files(tmp_path: Path) -> None:
    module = TerraformModule.from_texts(
        tmp_path,
        {
            tmp_path / "b.tf": 'variable "y" {}\n',
            tmp_path / "a.tf": 'variable "x" {}\n',
            tmp_path / "bad.tf": "variable {\n",  # does not parse: skipped
        },
    )
    found_in = [
        (file.path.name, node.code.strip()) for file, node in m.find_by_file(m.Block("variable"), module.parsed())
    ]
    assert found_in == [("a.tf", 'variable "x" {}'), ("b.tf", 'variable "y" {}')]
    assert len(list(m.find(m.Block("variable"), module.files.values()))) == 2


def test_matchers_are_frozen_values() -> None:
    a = m.Block("resource", "aws_s3_bucket", body=[m.Attribute("acl")])
    b = m.Block("resource", "aws_s3_bucket", body=(m.Attribute("acl"),))
    assert a == b and hash(a) == hash(b) and a.key == ("resource", "aws_s3_bucket")
    assert m.Block(m.ANY, m.ANY).key == (None, None)
    assert m.Block("resource", "x") != m.Block("resource", "y")
    assert m.Traversal("var", "a") != m.Traversal("var", "a", prefix=True)
    with pytest.raises(FrozenInstanceError):
        a.type = "data"  # type: ignore[misc]
    assert repr(m.ANY) == "ANY"
    assert repr(a) == "Block(type='resource', labels=('aws_s3_bucket',), body=(Attribute(name='acl'),))"
    assert repr(m.Literal(None, inside=m.Block())) == "Literal(value=None, inside=Block())"
    with pytest.raises(ValueError):
        m.OneOf()


# ---------------------------------------------------------------- the corpus


def _ancestors(tree: n.Node) -> Callable[[n.Node], Iterator[n.Node]]:
    up = parents(tree)

    def chain(node: n.Node) -> Iterator[n.Node]:
        current = up.get(id(node))
        while current is not None:
            yield current
            current = up.get(id(current))

    return chain


def _label(label: n.Label) -> str | None:
    return label.text if type(label) is n.Token else template_text(label)  # type: ignore[arg-type]


def _hand_walk(tree: n.Node) -> dict[str, list[n.Node]]:
    """What each matcher of ``CORPUS_MATCHERS`` finds, written out by hand."""
    ancestors = _ancestors(tree)
    up = parents(tree)
    out: dict[str, list[n.Node]] = {name: [] for name in CORPUS_MATCHERS}
    for node in walk(tree):
        kind = type(node)
        if (
            kind is n.Block
            and node.type.text == "resource"
            and node.labels
            and _label(node.labels[0]) == "aws_iam_role"
        ):
            out["iam_roles"].append(node)
        if (
            kind is n.Attribute
            and node.name.text == "tags"
            and any(type(a) is n.Block and a.type.text == "resource" for a in ancestors(node))
        ):
            out["resource_tags"].append(node)
        if kind is n.FunctionCall and node.function_name == "jsonencode" and len(node.args) == 1:
            out["jsonencode"].append(node)
        if kind is n.GetAttr and type(node.obj) is n.Variable and node.obj.name.text == "var":
            parent = up.get(id(node))
            if not (type(parent) in (n.GetAttr, n.Index, n.Splat) and parent.obj is node):  # type: ignore[union-attr]
                out["var_refs"].append(node)
        body = node.body if kind is n.Block and node.type.text == "variable" else None
        if body is not None and body.attribute("type") is not None and body.attribute("default") is None:
            out["required_variables"].append(node)
        if (
            kind in (n.Template, n.Heredoc)
            and template_text(node) is not None
            and not any(type(a) is n.Block and a.type.text in ("variable", "output") for a in ancestors(node))
        ):
            out["strings_outside_io"].append(node)
    return out


CORPUS_MATCHERS: dict[str, m.BaseMatcher] = {
    "iam_roles": m.Block("resource", "aws_iam_role"),
    "resource_tags": m.Attribute("tags", inside=m.Block("resource")),
    "jsonencode": m.Call("jsonencode", args=[m.ANY]),
    "var_refs": m.Traversal("var", m.ANY),
    "required_variables": m.Block("variable", body=[m.Attribute("type")], lacks=[m.Attribute("default")]),
    "strings_outside_io": m.String(not_inside=m.Block(m.OneOf("variable", "output"))),
}


@pytest.mark.corpus
def test_find_agrees_with_a_hand_written_walk_on_the_corpus() -> None:
    files = corpus_files("dev")
    trees = []
    for path in files:
        try:
            trees.append(parse_module(read(path)))
        except ParseError:
            continue
    assert len(trees) > 300
    totals = dict.fromkeys(CORPUS_MATCHERS, 0)
    for tree in trees:
        expected = _hand_walk(tree)
        for name, matcher in CORPUS_MATCHERS.items():
            got = list(m.find(matcher, tree))
            assert [id(node) for node in got] == [id(node) for node in expected[name]], name
            totals[name] += len(got)
    # every matcher found something, so the agreement says something
    assert all(totals.values()), totals


@pytest.mark.parametrize("module", ["matchers", "quoting"])
def test_builds_on_nodes_values_and_visitor_only(module: str) -> None:
    """The parser is moving out from under ``tffix.cst``: matchers and quoting
    must not need it (nor the snippet builders, which call it)."""
    tree = ast.parse((ROOT / "tffix" / "cst" / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported |= {f"{'.' * node.level}{node.module or ''}:{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    local = {name for name in imported if name.startswith(".")}
    assert local <= {
        ".:nodes",
        ".values:NotLiteral",
        ".values:literal_value",
        ".values:template_text",
        ".visitor:parents",
    }
    assert not any(name.startswith("tffix") for name in imported)
