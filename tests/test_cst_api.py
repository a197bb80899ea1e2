"""The CST API rules build on: queries, visitors, transformers, edits,
builders, positions and literal values."""

from __future__ import annotations

import dataclasses

import pytest

from tffix import ParseError, parse_attribute, parse_block, parse_body, parse_expression, parse_module
from tffix.cst import (
    REMOVE,
    Attribute,
    Block,
    CodeRange,
    FunctionCall,
    GetAttr,
    Literal,
    NotLiteral,
    Transformer,
    Variable,
    Visitor,
    deep_equals,
    literal_value,
    parents,
    positions,
    remove,
    replace,
    walk,
)  # fmt: skip

SRC = """\
terraform {
  backend "s3" {
    bucket = "state-${var.env}"
  }
}

resource "aws_iam_role" "app" {
  name = "app"
  tags = {
    Environment = "production"
  }
}

resource "aws_iam_role" "other" {
  name = upper("x")
}
"""


def test_query_blocks_by_type_and_labels() -> None:
    module = parse_module(SRC)
    roles = list(module.blocks("resource", "aws_iam_role"))
    assert [b.label_values for b in roles] == [("aws_iam_role", "app"), ("aws_iam_role", "other")]
    assert module.block("resource", None, "other") is roles[1]
    assert module.block("resource", "aws_s3_bucket") is None
    assert module.block("terraform").body.block("backend", "s3").body.attribute("bucket") is not None
    assert [a.name.text for a in roles[0].body.attributes()] == ["name", "tags"]


def test_nodes_are_immutable_and_with_changes_makes_a_copy() -> None:
    attr = parse_attribute("a = 1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        attr.name = attr.equals  # type: ignore[misc]
    renamed = attr.with_changes(name=attr.name._replace(text="b"))
    assert renamed.code == "b = 1\n" and attr.code == "a = 1\n"


def test_visitor_dispatches_on_node_class_and_can_skip_children() -> None:
    seen: list[str] = []

    class Names(Visitor):
        def visit_Block(self, node: Block) -> bool:
            seen.append("block " + node.type.text)
            return node.type.text != "terraform"  # skip the terraform block's children

        def visit_Attribute(self, node: Attribute) -> None:
            seen.append("attr " + node.name.text)

        def leave_Block(self, node: Block) -> None:
            seen.append("leave " + node.type.text)

    parse_module(SRC).visit(Names())
    assert seen == [
        "block terraform", "leave terraform",
        "block resource", "attr name", "attr tags", "leave resource",
        "block resource", "attr name", "leave resource",
    ]  # fmt: skip


def test_transformer_rewrites_and_removes() -> None:
    class Rewrite(Transformer):
        def leave_FunctionCall(self, original: FunctionCall, updated: FunctionCall):
            return replace(updated, updated, parse_expression('"X"'))

        def leave_Attribute(self, original: Attribute, updated: Attribute):
            return REMOVE if original.name.text == "tags" else updated

    out = parse_module(SRC).visit(Rewrite()).code
    assert 'name = "X"\n' in out
    assert "tags" not in out and "production" not in out
    assert out.count("\n") == SRC.count("\n") - 3


def test_unchanged_transform_returns_the_same_tree() -> None:
    module = parse_module(SRC)
    assert module.visit(Transformer()) is module


def test_replace_keeps_leading_space_and_everything_else() -> None:
    module = parse_module(SRC)
    env = module.block("resource", "aws_iam_role", "app").body.attribute("tags").value.item("Environment")
    fixed = replace(module, env.value, parse_expression("var.environment_suffix"))
    assert fixed.code == SRC.replace('"production"', "var.environment_suffix")


def test_remove_from_a_required_field_is_refused() -> None:
    attr = parse_attribute("a = 1")
    with pytest.raises(ValueError):
        remove(attr, attr.value)


def test_builders_parse_snippets() -> None:
    expr = parse_expression("var.x")
    assert type(expr) is GetAttr and type(expr.obj) is Variable and expr.code == "var.x"
    block = parse_block("filter {}")
    assert type(block) is Block and block.type.text == "filter" and block.code == "filter {}\n"
    body = parse_body("a = 1\nb {\n}\n")
    assert [type(i) for i in body.items] == [Attribute, Block]
    with pytest.raises(ParseError):
        parse_expression("1 +")
    with pytest.raises(ParseError):
        parse_block("a = 1")


def test_positions_are_computed_from_the_text() -> None:
    module = parse_module(SRC)
    app = module.block("resource", "aws_iam_role", "app")
    assert module.position(app) == CodeRange((7, 1), (12, 2))
    tags = app.body.attribute("tags")
    assert module.position(tags) == CodeRange((9, 3), (11, 4))
    assert module.position(tags.value.item("Environment").value) == CodeRange((10, 19), (10, 31))
    with pytest.raises(ValueError):
        module.position(parse_expression("x"))


def test_positions_follow_edits_crlf_and_bom() -> None:
    module = parse_module("\ufeff# c\r\n\r\na = 1\r\nb = 2\r\n")
    b = module.attribute("b")
    assert module.position(b) == CodeRange((4, 1), (4, 6))
    shorter = remove(module, module.attribute("a"))
    assert shorter.position(shorter.attribute("b")) == CodeRange((3, 1), (3, 6))
    table = positions(module)
    assert table[id(b.value)] == CodeRange((4, 5), (4, 6))


def test_positions_count_characters() -> None:
    module = parse_module('a = "é" # ü\nb = 1\n')
    assert module.position(module.attribute("a").value) == CodeRange((1, 5), (1, 8))


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("1", 1), ("1.5", 1.5), ("1e3", 1000.0), ("-2", -2), ("true", True), ("false", False), ("null", None),
        ('"a\\nb\\"\\u00e9"', 'a\nb"é'), ('"$${x} %%{y}"', "${x} %{y}"), ("[1, \"a\", [true]]", [1, "a", [True]]),
        ('{a = 1, "b" = 2, c: [3]}', {"a": 1, "b": 2, "c": [3]}), ("(5)", 5),
        ("<<EOT\nhello\n  world\nEOT\n", "hello\n  world\n"), ("<<-EOT\n    a\n      b\n    EOT\n", "a\n  b\n"),
    ],
)  # fmt: skip
def test_literal_values(source: str, value: object) -> None:
    assert literal_value(parse_expression(source)) == value


@pytest.mark.parametrize("source", ["var.x", '"${a}"', "f(1)", "[for x in y : x]", "a ? 1 : 2", "-var.x"])
def test_non_literals_raise(source: str) -> None:
    with pytest.raises(NotLiteral):
        literal_value(parse_expression(source))


def test_walk_parents_and_deep_equals() -> None:
    module = parse_module(SRC)
    kinds = [type(n).__name__ for n in walk(module)]
    assert kinds[0] == "Module" and kinds.count("Block") == 4
    parent = parents(module)
    bucket = module.block("terraform").body.block("backend").body.attribute("bucket")
    assert type(parent[id(bucket)]).__name__ == "Body"
    assert deep_equals(parse_module(SRC), module) and parse_module(SRC) != module
    assert not deep_equals(parse_expression("1"), parse_expression("2"))
    assert type(parse_expression("true")) is Literal


@pytest.mark.parametrize(
    "source",
    [
        "a = " + "[" * 3000 + "]" * 3000 + "\n",
        "b {\n" * 1500 + "}\n" * 1500,
        "a = x" + ".b" * 5000 + "\n",
        "a = " + "1 + " * 5000 + "1\n",
    ],
    ids=["tuples", "blocks", "traversal", "operators"],
)
def test_nesting_deeper_than_the_python_stack_round_trips(source: str) -> None:
    module = parse_module(source)
    assert module.code == source
    assert "".join(t.code for t in module.tokens()) == source
