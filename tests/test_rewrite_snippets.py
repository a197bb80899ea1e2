"""Snippets with holes (`tffix.rewrite.snippets`) and the quoting they use:
what goes into a hole is a node or a value, and reads back as exactly that."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tffix.cst import nodes as n
from tffix.cst.quoting import quote
from tffix.cst.values import template_text
from tffix.rewrite import Name, parse_attribute, parse_block, parse_body, parse_expression, to_node
from tffix.syntax.snippets import parse_expression as parse_snippet


@settings(deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",))))  # UTF-8 cannot hold a lone surrogate
@example("{0}")  # a hole's spelling inside the value
def test_a_quoted_string_reads_back_as_the_value(value: str) -> None:
    # a value goes in through a hole: written into a snippet's text, "{0}"
    # in it would be a hole itself
    for expr in (parse_expression("{0}", value), parse_snippet(quote(value))):
        assert type(expr) is n.Template
        assert template_text(expr) == value


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('say "hi"', r'"say \"hi\""'),
        ("C:\\dir", r'"C:\\dir"'),
        ("${var.x}", '"$${var.x}"'),
        ("%{if x}", '"%%{if x}"'),
        ("a\nb\tc\r", r'"a\nb\tc\r"'),
        ("\x00\x1b", r'"\u0000\u001b"'),
        ("$$", '"$$"'),
    ],
)
def test_quoting_escapes_what_would_end_or_interpolate(value: str, written: str) -> None:
    assert quote(value) == written


def test_a_node_fills_a_hole_and_keeps_its_own_bytes() -> None:
    ref = parse_expression("aws_iam_role.x[ 0 ]")
    new = parse_expression("{0}.{1}", ref, "arn")
    assert new.code == "aws_iam_role.x[ 0 ].arn"
    assert type(new) is n.GetAttr and new.obj is not None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('a"b', '"a\\"b"'),
        (True, "true"),
        (None, "null"),
        (3, "3"),
        (1.5, "1.5"),
        ([1, "x"], '[1, "x"]'),
        ({"Name": "web", "a b": 1}, '{ Name = "web", "a b" = 1 }'),
        ({}, "{}"),
        (Name("each"), "each"),
    ],
)
def test_values_become_literals(value: object, code: str) -> None:
    assert to_node(value).code == code  # type: ignore[arg-type]
    assert parse_expression("f({0})", value).code == f"f({code})"  # type: ignore[arg-type]


def test_holes_by_name_and_position() -> None:
    attr = parse_attribute("{name} = {0}", "x", name="tags")
    assert attr.code == 'tags = "x"\n'


def test_label_and_name_holes() -> None:
    block = parse_block('variable {0} {\n  default = "{1}-suffix"\n}', 'odd"name', "${x}")
    assert block.label_values == ('odd"name',)
    assert block.code == 'variable "odd\\"name" {\n  default = "$${x}-suffix"\n}\n'


def test_hcl_braces_are_not_holes() -> None:
    assert parse_expression('{ a = "${b}" }').code == '{ a = "${b}" }'
    assert parse_body("x = {}\ny = { k = 1 }\n").code == "x = {}\ny = { k = 1 }\n"


def test_bad_fills_are_refused() -> None:
    with pytest.raises(ValueError, match="no value"):
        parse_expression("{0}.{1}", parse_expression("a"))
    with pytest.raises(TypeError, match="identifier"):
        parse_expression("a.{0}", "not an identifier")
    with pytest.raises(TypeError, match="label"):
        parse_block("b {0} {\n}", 1)
    with pytest.raises(ValueError, match="no number"):
        to_node(float("nan"))
    with pytest.raises(ValueError, match="identifier"):
        Name("a b")
