"""Every HCL native-syntax construct parses to the right CST nodes and fields.

Round-tripping alone cannot tell ``a || b && c`` parsed as ``(a || b) && c``
from the right tree; these tests check node types, fields and token texts.
Every snippet here is valid HCL (checked with ``terraform fmt`` v1.0.3; the
provider-function ones use syntax newer than that release).
"""

from __future__ import annotations

import itertools

import pytest

import tffix
from tffix.cst import (
    Attribute,
    BinaryOp,
    Block,
    Body,
    Conditional,
    Element,
    ElseClause,
    EmptyLine,
    ForDirective,
    ForExpr,
    FunctionCall,
    GetAttr,
    Heredoc,
    IfDirective,
    Index,
    Interpolation,
    Literal,
    Module,
    Node,
    Object,
    ObjectItem,
    Parens,
    Splat,
    Template,
    TemplateLiteral,
    Token,
    Tuple,
    UnaryOp,
    Variable,
    literal_value,
    template_text,
)

# ---------------------------------------------------------------- helpers


def mod(text: str) -> Module:
    """Parse a module and check it prints back unchanged."""
    module = tffix.parse_module(text)
    assert module.code == text
    return module


def expr(text: str):
    """Parse one expression (and check the surrounding attribute round-trips)."""
    mod(f"x = {text}\n")
    return tffix.parse_expression(text)


def shape(x: object) -> object:
    """Structure without trivia: node types and token kinds/texts."""
    if type(x) is Token:
        return (x.kind, x.text)
    if isinstance(x, Node):
        return (type(x).__name__, tuple(shape(getattr(x, name)) for name in x.__match_args__))
    if type(x) is tuple:
        return tuple(shape(item) for item in x)
    return x


def trivia(node: Node) -> str:
    return "".join(tok.lead + tok.trail for tok in node.tokens())


def is_var(node: object, name: str) -> bool:
    return type(node) is Variable and node.name.text == name


def is_op(node: object, op: str) -> bool:
    return type(node) is BinaryOp and node.op.text == op


def only(body: Body) -> object:
    items = [item for item in body.items if type(item) is not EmptyLine]
    assert len(items) == 1, items
    return items[0]


# ---------------------------------------------------------------- bodies


def test_body_holds_attributes_blocks_and_empty_lines_in_order() -> None:
    module = mod("a = 1\n\nb {\n  c = 2\n}\n# note\nd = 3\n")
    kinds = [type(item).__name__ for item in module.body.items]
    assert kinds == ["Attribute", "EmptyLine", "Block", "Attribute"]
    assert [a.name.text for a in module.body.attributes()] == ["a", "d"]
    # "# note" sits directly above d: d owns it
    assert module.attribute("d").leading[0].comment == "# note"
    inner = module.block("b").body
    assert inner.attribute("c").value.token.text == "2"


def test_attribute_fields() -> None:
    attr = only(mod("name = var.x\n").body)
    assert type(attr) is Attribute
    assert attr.name.kind == "IDENT" and attr.name.text == "name"
    assert attr.equals.text == "="
    assert type(attr.value) is GetAttr and is_var(attr.value.obj, "var") and attr.value.name.text == "x"
    assert attr.newline.kind == "NEWLINE" and attr.newline.text == "\n"
    assert attr.leading == ()


def test_attribute_at_end_of_file_without_newline() -> None:
    attr = only(mod("a = 1").body)
    assert type(attr) is Attribute and attr.newline is None


def test_attribute_crlf_newline() -> None:
    attr = only(mod("a = 1\r\n").body)
    assert attr.newline.text == "\r\n"


@pytest.mark.parametrize(
    "source",
    ["a=b\n", "a   =    b\n", "a\t=\tb\n", "a =b\n", "a= b\n"],
    ids=["tight", "wide", "tabs", "left", "right"],
)
def test_attribute_odd_spacing(source: str) -> None:
    attr = only(mod(source).body)
    assert attr.name.text == "a" and is_var(attr.value, "b")


@pytest.mark.parametrize("name", ["for", "if", "in", "true", "null", "endif", "with-dash", "_u", "café", "日本語"])
def test_any_identifier_can_name_an_attribute(name: str) -> None:
    attr = only(mod(f"{name} = 1\n").body)
    assert attr.name.text == name and attr.name.kind == "IDENT"


def test_module_bom_and_eof_trivia() -> None:
    module = mod("\ufeffa = 1\n# the end")
    assert module.bom == "\ufeff"
    assert module.attribute("a") is not None
    assert module.eof.kind == "EOF" and module.eof.lead == "# the end"


# ---------------------------------------------------------------- blocks

LABEL_CASES = [
    ((), ()),
    (('"b"',), ("b",)),
    (("b",), ("b",)),
    (('"b"', '"c"'), ("b", "c")),
    (("b", '"c"'), ("b", "c")),
    (('"b"', "c"), ("b", "c")),
    (("b", '"c"', "d", '"e"'), ("b", "c", "d", "e")),
    (('"with space"', '"é\\u00e9"', "dash-ed"), ("with space", "éé", "dash-ed")),
]


@pytest.mark.parametrize(("raw", "labels"), LABEL_CASES)
@pytest.mark.parametrize("sep", [" ", "", "\t", " /* c */ "], ids=["space", "none", "tab", "comment"])
def test_block_labels_quoted_and_bare(raw: tuple[str, ...], labels: tuple[str, ...], sep: str) -> None:
    # bare labels need a separator from the type and from each other
    sep = sep or ("" if all(r.startswith('"') for r in raw) else " ")
    source = "a" + "".join(sep + r for r in raw) + sep + "{\n}\n"
    block = only(mod(source).body)
    assert type(block) is Block and block.type.text == "a"
    assert block.label_values == labels
    assert len(block.labels) == len(raw)
    for label, text in zip(block.labels, raw):
        if text.startswith('"'):
            assert type(label) is Template and all(type(p) is TemplateLiteral for p in label.parts)
        else:
            assert type(label) is Token and label.kind == "IDENT" and label.text == text


def test_block_structure() -> None:
    source = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n\n  versioning {\n    enabled = true\n  }\n}\n'
    block = only(mod(source).body)
    assert block.open.text == "{" and block.close.text == "}"
    assert block.open_newline.text == "\n"
    assert block.newline.text == "\n"
    assert block.matches("resource", "aws_s3_bucket", "b")
    assert block.body.attribute("bucket").value.parts[0].token.text == "x"
    nested = block.body.block("versioning")
    assert type(nested) is Block and literal_value(nested.body.attribute("enabled").value) is True


@pytest.mark.parametrize(
    ("source", "labels", "attr"),
    [
        ('a "b" { c = 1 }\n', ("b",), "c"),
        ("a { c = 1 }\n", (), "c"),
        ('a b "c" { d = "x" }\n', ("b", "c"), "d"),
        ("a { c = { d = 1 } }\n", (), "c"),
    ],
)
def test_one_line_block(source: str, labels: tuple[str, ...], attr: str) -> None:
    block = only(mod(source).body)
    assert type(block) is Block
    assert block.label_values == labels
    assert block.open_newline is None
    inner = only(block.body)
    assert type(inner) is Attribute and inner.name.text == attr
    assert inner.newline is None
    assert block.newline.text == "\n"


@pytest.mark.parametrize(
    ("source", "has_open_newline"),
    [("a {}\n", False), ("a {\n}\n", True), ('a "b" {}\n', False), ("a { }\n", False), ("a {\n\n}\n", True)],
)
def test_empty_blocks(source: str, has_open_newline: bool) -> None:
    block = only(mod(source).body)
    assert type(block) is Block
    assert (block.open_newline is not None) == has_open_newline
    assert all(type(i) is EmptyLine for i in block.body.items)
    assert len(block.body.items) == (1 if "\n\n" in source else 0)


def test_nested_one_line_blocks_inside_block() -> None:
    block = only(mod("outer {\n  inner { x = 1 }\n  empty {}\n}\n").body)
    inner, empty = block.body.blocks()
    assert inner.type.text == "inner" and inner.body.attribute("x") is not None
    assert empty.type.text == "empty" and empty.body.items == ()


# ---------------------------------------------------------------- literals


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("0", 0),
        ("42", 42),
        ("007", 7),
        ("3.14", 3.14),
        ("1e3", 1e3),
        ("1E3", 1e3),
        ("1.5E-2", 1.5e-2),
        ("2e+10", 2e10),
        ("6.02e23", 6.02e23),
    ],
)
def test_numbers(source: str, value: float) -> None:
    node = expr(source)
    assert type(node) is Literal
    assert node.token.kind == "NUMBER_LIT" and node.token.text == source
    assert literal_value(node) == value


def test_number_with_dot_before_exponent() -> None:
    node = expr("1.e5")
    assert type(node) is Literal and literal_value(node) == 1e5


def test_negative_number_is_unary_minus() -> None:
    node = expr("-1.5")
    assert type(node) is UnaryOp and node.op.text == "-"
    assert type(node.operand) is Literal and literal_value(node) == -1.5


@pytest.mark.parametrize(("source", "value"), [("true", True), ("false", False), ("null", None)])
def test_keyword_literals_are_literal_not_variable(source: str, value: object) -> None:
    node = expr(source)
    assert type(node) is Literal
    assert node.token.kind == "IDENT" and node.token.text == source
    assert literal_value(node) is value


@pytest.mark.parametrize("source", ["True", "nullx", "true_", "falsey"])
def test_words_like_keywords_are_variables(source: str) -> None:
    assert is_var(expr(source), source)


# ---------------------------------------------------------------- quoted templates


def test_quoted_template_with_interpolation() -> None:
    node = expr('"a${b}c"')
    assert type(node) is Template
    assert node.open.text == '"' and node.close.text == '"'
    assert [type(p) for p in node.parts] == [TemplateLiteral, Interpolation, TemplateLiteral]
    interp = node.parts[1]
    assert interp.open.text == "${" and interp.close.text == "}"
    assert is_var(interp.expr, "b")
    assert node.parts[0].token.text == "a" and node.parts[2].token.text == "c"
    assert template_text(node) is None
    assert template_text(node, interpolation="?") == "a?c"
    assert template_text(expr('"a\\n${b}%{if c}d%{endif}"'), interpolation="?") is None  # a directive


def test_empty_template() -> None:
    node = expr('""')
    assert type(node) is Template and node.parts == () and literal_value(node) == ""


def test_if_else_directive() -> None:
    node = expr('"%{ if c }yes%{ else }no%{ endif }"')
    (directive,) = node.parts
    assert type(directive) is IfDirective
    assert directive.open.text == "%{" and directive.keyword.text == "if"
    assert is_var(directive.condition, "c")
    assert [p.token.text for p in directive.parts] == ["yes"]
    assert type(directive.else_clause) is ElseClause
    assert directive.else_clause.keyword.text == "else"
    assert [p.token.text for p in directive.else_clause.parts] == ["no"]
    assert directive.end.keyword.text == "endif"


def test_if_directive_without_else() -> None:
    node = expr('"x%{if a == 1}one%{endif}y"')
    assert [type(p) for p in node.parts] == [TemplateLiteral, IfDirective, TemplateLiteral]
    directive = node.parts[1]
    assert is_op(directive.condition, "==")
    assert directive.else_clause is None
    assert directive.end.keyword.kind == "ENDIF"


def test_nested_directives() -> None:
    node = expr('"%{ for x in l }%{ if x }[${x}]%{ else }-%{ endif }%{ endfor }"')
    (loop,) = node.parts
    assert type(loop) is ForDirective
    (cond,) = loop.parts
    assert type(cond) is IfDirective and is_var(cond.condition, "x")
    assert [type(p) for p in cond.parts] == [TemplateLiteral, Interpolation, TemplateLiteral]
    assert cond.else_clause.parts[0].token.text == "-"


def test_for_directive_with_key_var() -> None:
    node = expr('"%{ for k, v in m }${k}=${v};%{ endfor }"')
    (loop,) = node.parts
    assert type(loop) is ForDirective
    assert loop.keyword.text == "for"
    assert loop.key_var.text == "k" and loop.comma.text == ","
    assert loop.value_var.text == "v"
    assert loop.in_keyword.text == "in"
    assert is_var(loop.collection, "m")
    assert [type(p) for p in loop.parts] == [Interpolation, TemplateLiteral, Interpolation, TemplateLiteral]
    assert loop.end.keyword.text == "endfor"


def test_for_directive_without_key_var() -> None:
    node = expr('"%{for v in var.list}${v}%{endfor}"')
    (loop,) = node.parts
    assert loop.key_var is None and loop.comma is None
    assert loop.value_var.text == "v"
    assert type(loop.collection) is GetAttr


def test_strip_markers_stay_in_token_text() -> None:
    node = expr('"${~ a ~}|%{~ if b ~}t%{~ else ~}f%{~ endif ~}|%{~ for x in y ~}.%{~ endfor ~}"')
    interp, _, cond, _, loop = node.parts
    assert interp.open.text == "${~" and interp.close.text == "~}"
    assert cond.open.text == "%{~" and cond.close.text == "~}"
    assert cond.else_clause.open.text == "%{~" and cond.else_clause.close.text == "~}"
    assert cond.end.open.text == "%{~" and cond.end.close.text == "~}"
    assert loop.open.text == "%{~" and loop.close.text == "~}"
    assert loop.end.open.text == "%{~" and loop.end.close.text == "~}"


def test_strip_marker_on_one_side_only() -> None:
    node = expr('"${a ~} ${~ b}"')
    first, _, second = node.parts
    assert first.open.text == "${" and first.close.text == "~}"
    assert second.open.text == "${~" and second.close.text == "}"


@pytest.mark.parametrize(
    ("source", "value"),
    [
        (r'"a\nb"', "a\nb"),
        (r'"a\tb\rc"', "a\tb\rc"),
        (r'"say \"hi\""', 'say "hi"'),
        (r'"back\\slash"', "back\\slash"),
        (r'"\u00e9t\u00E9"', "été"),
        (r'"\U0001F600"', "\U0001f600"),
        ('"$${not_interp}"', "${not_interp}"),
        ('"%%{not_directive}"', "%{not_directive}"),
        ('"$ and % and $$ and %%"', "$ and % and $$ and %%"),
        ('"naïve ☕ 日本"', "naïve ☕ 日本"),
    ],
)
def test_escapes_are_kept_in_tokens_and_decoded_by_literal_value(source: str, value: str) -> None:
    node = expr(source)
    assert type(node) is Template
    assert all(type(p) is TemplateLiteral for p in node.parts)
    assert "".join(p.token.text for p in node.parts) == source[1:-1]  # verbatim
    assert literal_value(node) == value


def test_escaped_dollar_brace_then_real_interpolation() -> None:
    node = expr('"$${a}${b}"')
    assert [type(p) for p in node.parts] == [TemplateLiteral, Interpolation]
    assert node.parts[0].token.text == "$${a}"
    assert is_var(node.parts[1].expr, "b")


def test_nested_quotes_inside_interpolations() -> None:
    node = expr('"${"a${"b"}"}"')
    (outer,) = node.parts
    inner = outer.expr
    assert type(inner) is Template
    assert [type(p) for p in inner.parts] == [TemplateLiteral, Interpolation]
    assert inner.parts[0].token.text == "a"
    innermost = inner.parts[1].expr
    assert type(innermost) is Template and literal_value(innermost) == "b"


def test_interpolation_holds_any_expression() -> None:
    node = expr('"${ {a = 1}.a } ${ [1, 2][0] } ${ c ? "x" : "y" }"')
    first, _, second, _, third = node.parts
    assert type(first.expr) is GetAttr and type(first.expr.obj) is Object
    assert type(second.expr) is Index and type(second.expr.obj) is Tuple
    assert type(third.expr) is Conditional


# ---------------------------------------------------------------- heredocs


def test_heredoc_plain() -> None:
    node = expr("<<EOT\nhello\nworld\nEOT\n")
    assert type(node) is Heredoc
    assert node.open.text == "<<EOT\n" and node.close.text == "EOT"
    assert node.marker == "EOT" and not node.strips_indent
    assert literal_value(node) == "hello\nworld\n"


def test_heredoc_flush_strips_indentation() -> None:
    node = expr("<<-EOT\n    a\n      b\n    c\n  EOT\n")
    assert type(node) is Heredoc and node.strips_indent and node.marker == "EOT"
    assert node.close.text == "  EOT"
    assert literal_value(node) == "a\n  b\nc\n"


def test_heredoc_flush_counts_tabs_as_one_column() -> None:
    node = expr("<<-EOT\n\t\tx\n\t  y\n\tEOT\n")
    assert literal_value(node) == "x\n y\n"


def test_heredoc_flush_leaves_whitespace_only_lines_alone() -> None:
    # terraform console: "a\n\n          \n  b\n  \n"
    node = expr("<<-EOT\n    a\n\n          \n      b\n  \n    EOT\n")
    assert literal_value(node) == "a\n\n          \n  b\n  \n"


def test_heredoc_flush_strips_unicode_space_indentation() -> None:
    # terraform console: "x\n  y\n"
    node = expr("<<-EOT\n\u00a0\u00a0x\n\u00a0\u00a0  y\n  EOT\n")
    assert literal_value(node) == "x\n  y\n"


def test_heredoc_line_with_control_char_before_marker_is_text() -> None:
    node = expr("<<EOT\n\x1cEOT\nEOT\n")
    assert type(node) is Heredoc and node.close.text == "EOT"
    assert literal_value(node) == "\x1cEOT\n"


def test_heredoc_crlf() -> None:
    node = expr("<<EOT\r\nx\r\nEOT\r\n")
    assert node.open.text == "<<EOT\r\n" and node.close.text == "EOT"
    assert node.marker == "EOT"
    assert literal_value(node) == "x\r\n"


@pytest.mark.parametrize("marker", ["END_OF_POLICY", "eot", "X", "SCRIPT-WITH-DASH", "FIN_é", "_x1"])
@pytest.mark.parametrize("dash", ["", "-"])
def test_heredoc_any_identifier_delimiter(marker: str, dash: str) -> None:
    node = expr(f"<<{dash}{marker}\n  EOT\n  {marker}x\n  {marker}\n")
    assert type(node) is Heredoc
    assert node.marker == marker and node.strips_indent == bool(dash)
    assert node.close.text == f"  {marker}"
    text = literal_value(node)
    assert text == (f"EOT\n{marker}x\n" if dash else f"  EOT\n  {marker}x\n")


def test_heredoc_closing_marker_with_surrounding_spaces() -> None:
    node = expr("<<EOT\nx\n  EOT \t\n")
    assert node.close.text.strip() == "EOT"
    assert literal_value(node) == "x\n"


def test_heredoc_with_interpolation_and_directives() -> None:
    node = expr(
        "<<-EOT\n"
        "  name: ${var.name}\n"
        "  %{ if a }on%{ else }off%{ endif }\n"
        "  %{ for k, v in m ~}\n"
        "  ${k}\n"
        "  %{ endfor ~}\n"
        "  EOT\n"
    )
    kinds = [type(p) for p in node.parts]
    assert Interpolation in kinds and IfDirective in kinds and ForDirective in kinds
    interp = next(p for p in node.parts if type(p) is Interpolation)
    assert type(interp.expr) is GetAttr and interp.expr.name.text == "name"
    cond = next(p for p in node.parts if type(p) is IfDirective)
    assert cond.else_clause is not None
    loop = next(p for p in node.parts if type(p) is ForDirective)
    assert loop.key_var.text == "k" and loop.close.text == "~}"
    assert template_text(node) is None


def test_heredoc_escapes() -> None:
    node = expr('<<EOT\n$${a} %%{b} \\n "q"\nEOT\n')
    assert all(type(p) is TemplateLiteral for p in node.parts)
    # only $${ and %%{ are escapes in a heredoc; backslashes are literal
    assert literal_value(node) == '${a} %{b} \\n "q"\n'


def test_heredoc_nested_in_interpolation_of_heredoc() -> None:
    node = expr("<<OUTER\nbefore ${trimspace(<<-INNER\n    inner ${x}\n  INNER\n)} after\nOUTER\n")
    interp = next(p for p in node.parts if type(p) is Interpolation)
    call = interp.expr
    assert type(call) is FunctionCall and call.function_name == "trimspace"
    inner = call.args[0].value
    assert type(inner) is Heredoc and inner.marker == "INNER" and inner.strips_indent
    assert any(type(p) is Interpolation and is_var(p.expr, "x") for p in inner.parts)


def test_heredocs_in_call_tuple_and_object() -> None:
    module = mod("a = f(<<EOT\nx\nEOT\n, 1)\nb = [<<EOT\ny\nEOT\n, 2]\nc = {\n  k = <<EOT\nz\nEOT\n  l = 3\n}\n")
    call = module.attribute("a").value
    assert type(call.args[0].value) is Heredoc and literal_value(call.args[1].value) == 1
    tup = module.attribute("b").value
    assert literal_value(tup.elements[0].value) == "y\n" and len(tup.elements) == 2
    obj = module.attribute("c").value
    assert literal_value(obj.item("k").value) == "z\n" and literal_value(obj.item("l").value) == 3


# ---------------------------------------------------------------- tuples


@pytest.mark.parametrize(
    ("source", "values", "last_comma"),
    [
        ("[]", [], None),
        ("[\n]", [], None),
        ("[1]", [1], False),
        ("[1, 2]", [1, 2], False),
        ("[1, 2,]", [1, 2], True),
        ("[\n  1,\n  2,\n]", [1, 2], True),
        ("[\n  1,\n  2\n]", [1, 2], False),
        ('[ 1 , "a" , true , null ]', [1, "a", True, None], False),
    ],
)
def test_tuples(source: str, values: list, last_comma: bool | None) -> None:
    node = expr(source)
    assert type(node) is Tuple
    assert node.open.text == "[" and node.close.text == "]"
    assert all(type(e) is Element for e in node.elements)
    assert literal_value(node) == values
    if last_comma is not None:
        assert (node.elements[-1].comma is not None) == last_comma
        assert all(e.comma.text == "," for e in node.elements[:-1])


def test_nested_tuples() -> None:
    node = expr("[[1, [2]], [], x]")
    first, second, third = (e.value for e in node.elements)
    assert type(first) is Tuple and type(first.elements[1].value) is Tuple
    assert type(second) is Tuple and second.elements == ()
    assert is_var(third, "x")


# ---------------------------------------------------------------- objects


def test_object_equals_and_colon() -> None:
    node = expr("{a = 1, b: 2}")
    assert type(node) is Object
    a, b = node.items
    assert type(a) is ObjectItem and type(b) is ObjectItem
    assert a.separator.kind == "EQUAL" and b.separator.kind == "COLON"
    assert a.key_name == "a" and b.key_name == "b"
    assert a.comma.text == "," and b.comma is None
    assert literal_value(node) == {"a": 1, "b": 2}


def test_object_newlines_instead_of_commas() -> None:
    node = expr("{\n  a = 1\n  b = 2\n}")
    assert node.open_newline is not None
    a, b = node.items
    assert a.comma is None and a.newline.text == "\n"
    assert b.comma is None and b.newline.text == "\n"
    assert literal_value(node) == {"a": 1, "b": 2}


def test_object_trailing_and_mixed_commas() -> None:
    node = expr("{\n  a = 1, b = 2\n  c = 3,\n  d: 4,\n}")
    items = [i for i in node.items if type(i) is ObjectItem]
    assert [i.key_name for i in items] == ["a", "b", "c", "d"]
    assert [i.comma is not None for i in items] == [True, False, True, True]
    assert [i.newline is not None for i in items] == [False, True, True, True]
    single = expr("{ a = 1, }")
    (item,) = single.items
    assert item.comma.text == "," and item.newline is None


def test_object_blank_lines_are_empty_lines() -> None:
    node = expr("{\n\n  a = 1\n\n\n  b = 2\n\n}")
    assert [i.key_name for i in node.items if type(i) is ObjectItem] == ["a", "b"]
    assert sum(type(i) is EmptyLine for i in node.items) >= 3
    assert all(i.comment is None for i in node.items if type(i) is EmptyLine)


@pytest.mark.parametrize(("source", "open_newline"), [("{}", False), ("{\n}", True), ("{ }", False)])
def test_empty_objects(source: str, open_newline: bool) -> None:
    node = expr(source)
    assert type(node) is Object and node.items == ()
    assert (node.open_newline is not None) == open_newline
    assert literal_value(node) == {}


def test_object_parenthesised_and_template_keys() -> None:
    node = expr('{\n  (var.k) = 1\n  "${var.p}-x" = 2\n  "plain key" = 3\n  (local.a): 4\n}')
    paren, tmpl, plain, colon = node.items
    assert type(paren.key) is Parens and type(paren.key.expr) is GetAttr and paren.key_name is None
    assert type(tmpl.key) is Template and type(tmpl.key.parts[0]) is Interpolation and tmpl.key_name is None
    assert type(plain.key) is Template and plain.key_name == "plain key"
    assert type(colon.key) is Parens and colon.separator.text == ":"


def test_object_expression_keys() -> None:
    node = expr('{ upper("a") = 1, var.b = 2 }')
    call, attr = node.items
    assert type(call.key) is FunctionCall and call.key.function_name == "upper"
    assert type(attr.key) is GetAttr


def test_nested_objects() -> None:
    node = expr("{ a = { b = { c = {} } } }")
    assert literal_value(node) == {"a": {"b": {"c": {}}}}
    assert type(node.item("a").value.item("b").value) is Object


# ---------------------------------------------------------------- function calls


def test_function_call_no_args() -> None:
    node = expr("timestamp()")
    assert type(node) is FunctionCall
    assert node.function_name == "timestamp" and node.args == () and node.ellipsis is None
    assert node.open.text == "(" and node.close.text == ")"


def test_function_call_args_and_trailing_comma() -> None:
    node = expr("merge(a, b, )")
    assert [e.value.name.text for e in node.args] == ["a", "b"]
    assert [e.comma is not None for e in node.args] == [True, True]
    node = expr("f(1,\n  2\n)")
    assert [literal_value(e.value) for e in node.args] == [1, 2] and node.args[-1].comma is None


@pytest.mark.parametrize("source", ["min(xs...)", "concat([1], rest...)", "f(\n  1,\n  more...\n)", "f(a, b ...)"])
def test_function_call_argument_expansion(source: str) -> None:
    node = expr(source)
    assert type(node) is FunctionCall
    assert node.ellipsis is not None and node.ellipsis.text == "..."
    assert node.args[-1].comma is None
    assert type(node.args[-1].value) is Variable


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("provider::aws::arn_parse(x)", "provider::aws::arn_parse"),
        ("provider :: aws :: arn_parse (x)", "provider::aws::arn_parse"),
        ("a::b(x)", "a::b"),
        ("my-func(x)", "my-func"),
    ],
)
def test_namespaced_function_call(source: str, name: str) -> None:
    node = expr(source)
    assert type(node) is FunctionCall
    assert node.function_name == name
    assert [t.kind for t in node.name if t.kind != "DOUBLE_COLON"] == ["IDENT"] * (name.count("::") + 1)
    assert is_var(node.args[0].value, "x")


def test_provider_function_inside_object_and_call() -> None:
    node = expr("provider::terraform::encode_tfvars({ a = provider::aws::arn_build(x) })")
    assert node.function_name == "provider::terraform::encode_tfvars"
    inner = node.args[0].value.item("a").value
    assert type(inner) is FunctionCall and inner.function_name == "provider::aws::arn_build"


# ---------------------------------------------------------------- traversals


def test_attribute_access_chain() -> None:
    node = expr("a.b.c")
    assert type(node) is GetAttr and node.name.text == "c" and node.dot.text == "."
    assert type(node.obj) is GetAttr and node.obj.name.text == "b" and is_var(node.obj.obj, "a")


def test_index() -> None:
    node = expr('a["k"][0]')
    assert type(node) is Index and literal_value(node.key) == 0
    assert node.open.text == "[" and node.close.text == "]"
    assert type(node.obj) is Index and literal_value(node.obj.key) == "k"
    node = expr("a[length(a) - 1]")
    assert is_op(node.key, "-")


def test_legacy_index() -> None:
    node = expr("a.0.b")
    assert type(node) is GetAttr and node.name.text == "b"
    legacy = node.obj
    assert type(legacy) is GetAttr and legacy.name.kind == "NUMBER_LIT" and legacy.name.text == "0"


def test_legacy_index_with_exponent() -> None:
    node = expr("a.1e0")
    assert type(node) is GetAttr and node.name.text == "1e0"


def test_attribute_splat() -> None:
    node = expr("a.*.id")
    assert type(node) is GetAttr and node.name.text == "id"
    splat = node.obj
    assert type(splat) is Splat and splat.open.text == "." and splat.star.text == "*" and splat.close is None
    assert is_var(splat.obj, "a")


def test_full_splat() -> None:
    node = expr("a[*].b[0]")
    assert type(node) is Index
    get = node.obj
    assert type(get) is GetAttr and get.name.text == "b"
    splat = get.obj
    assert type(splat) is Splat and splat.open.text == "[" and splat.close.text == "]"


@pytest.mark.parametrize(("source", "close"), [("a[*]", "]"), ("a.*", None)])
def test_bare_splats(source: str, close: str | None) -> None:
    node = expr(source)
    assert type(node) is Splat and is_var(node.obj, "a")
    assert (node.close.text if node.close else None) == close


@pytest.mark.parametrize(
    ("source", "outer", "inner"),
    [
        ("f(x)[0]", Index, FunctionCall),
        ('"abc"[0]', Index, Template),
        ("[1, 2][1]", Index, Tuple),
        ("{a = 1}.a", GetAttr, Object),
        ("(x).y", GetAttr, Parens),
        ("f()[*].x", GetAttr, Splat),
    ],
)
def test_traversal_of_any_primary(source: str, outer: type, inner: type) -> None:
    node = expr(source)
    assert type(node) is outer
    assert type(node.obj) is inner


# ---------------------------------------------------------------- for expressions


def test_tuple_for() -> None:
    node = expr("[for v in l : upper(v)]")
    assert type(node) is ForExpr and not node.is_object
    assert node.for_keyword.text == "for" and node.key_var is None and node.comma is None
    assert node.value_var.text == "v" and node.in_keyword.text == "in"
    assert is_var(node.collection, "l") and node.colon.text == ":"
    assert node.key_expr is None and node.arrow is None
    assert type(node.value_expr) is FunctionCall
    assert node.ellipsis is None and node.if_keyword is None and node.condition is None


def test_tuple_for_with_key_and_if() -> None:
    node = expr('[for i, v in l : "${i}" if i > 0]')
    assert node.key_var.text == "i" and node.value_var.text == "v"
    assert node.if_keyword.text == "if"
    assert is_op(node.condition, ">")
    assert type(node.value_expr) is Template


def test_object_for() -> None:
    node = expr("{for k, v in m : k => v}")
    assert type(node) is ForExpr and node.is_object
    assert is_var(node.key_expr, "k") and node.arrow.text == "=>" and is_var(node.value_expr, "v")
    assert node.ellipsis is None and node.condition is None


def test_object_for_grouping_and_if() -> None:
    node = expr("{ for k, v in m : upper(k) => v... if v != null }")
    assert node.is_object
    assert type(node.key_expr) is FunctionCall
    assert node.ellipsis.text == "..."
    assert node.if_keyword.text == "if" and is_op(node.condition, "!=")


def test_for_across_lines() -> None:
    node = expr("[\n  for s in l :\n  s.name\n  if s.enabled\n]")
    assert type(node) is ForExpr
    assert type(node.value_expr) is GetAttr and type(node.condition) is GetAttr


@pytest.mark.parametrize(
    ("source", "var", "cond"),
    [
        ("[for in in l : in]", "in", None),
        ("[for if in l : if if if]", "if", "if"),
        ("[for for in l : for]", "for", None),
    ],
)
def test_for_with_keyword_named_variables(source: str, var: str, cond: str | None) -> None:
    node = expr(source)
    assert type(node) is ForExpr and node.value_var.text == var and is_var(node.value_expr, var)
    if cond:
        assert is_var(node.condition, cond)


def test_nested_for() -> None:
    node = expr("{for a in x : a.k => [for b in a.v : b * 2]}")
    assert node.is_object
    inner = node.value_expr
    assert type(inner) is ForExpr and not inner.is_object and is_op(inner.value_expr, "*")


@pytest.mark.parametrize("source", ["{ for_each = 1 }", "{ for-x = 1 }", '{ "for" = 1 }'])
def test_objects_with_for_like_keys_are_not_for_expressions(source: str) -> None:
    node = expr(source)
    assert type(node) is Object and len(node.items) == 1


# ---------------------------------------------------------------- conditionals


def test_conditional_attribute() -> None:
    attr = only(mod("a = b ? c : d\n").body)
    assert type(attr) is Attribute
    cond = attr.value
    assert type(cond) is Conditional
    assert is_var(cond.condition, "b") and is_var(cond.true_expr, "c") and is_var(cond.false_expr, "d")
    assert cond.question.text == "?" and cond.colon.text == ":"


def test_conditional_is_right_associative() -> None:
    node = expr("a ? 1 : b ? 2 : 3")
    assert type(node) is Conditional and is_var(node.condition, "a")
    assert type(node.false_expr) is Conditional and is_var(node.false_expr.condition, "b")


def test_conditional_in_true_branch() -> None:
    node = expr("a ? b ? 1 : 2 : 3")
    assert type(node.true_expr) is Conditional and literal_value(node.false_expr) == 3


def test_conditional_binds_looser_than_or() -> None:
    node = expr("a || b ? c + 1 : d")
    assert is_op(node.condition, "||") and is_op(node.true_expr, "+")


@pytest.mark.parametrize(
    "source",
    ["(\n  a\n  ? b\n  : c\n)", "(a ?\n  b :\n  c)", "(\n  a ? (\n    b\n  ) : c\n)"],
)
def test_conditional_across_lines_in_parens(source: str) -> None:
    node = expr(source)
    assert type(node) is Parens
    cond = node.expr
    assert type(cond) is Conditional and is_var(cond.condition, "a") and is_var(cond.false_expr, "c")


# ---------------------------------------------------------------- operators

# hclsyntax binary operator levels, loosest first (spec.md "Operations")
LEVELS = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]]
BINARY_OPS = [op for level in LEVELS for op in level]
LEVEL_OF = {op: i for i, level in enumerate(LEVELS) for op in level}


@pytest.mark.parametrize("op", BINARY_OPS)
def test_binary_operator(op: str) -> None:
    node = expr(f"a {op} b")
    assert type(node) is BinaryOp and node.op.text == op
    assert is_var(node.left, "a") and is_var(node.right, "b")
    # without spaces (numbers: `a-b` is one identifier)
    assert shape(expr(f"1{op}2")) == shape(expr(f"1 {op} 2"))


def test_dash_without_spaces_between_names_is_an_identifier() -> None:
    assert is_var(expr("a-b"), "a-b")
    node = expr("a -b")
    assert is_op(node, "-") and is_var(node.right, "b")


PRECEDENCE_PAIRS = [(lo, hi) for lo, hi in itertools.product(BINARY_OPS, BINARY_OPS) if LEVEL_OF[lo] < LEVEL_OF[hi]]


@pytest.mark.parametrize(("low", "high"), PRECEDENCE_PAIRS)
def test_precedence_between_levels(low: str, high: str) -> None:
    right = expr(f"a {low} b {high} c")
    assert is_op(right, low) and is_var(right.left, "a")
    assert is_op(right.right, high) and is_var(right.right.left, "b") and is_var(right.right.right, "c")
    left = expr(f"a {high} b {low} c")
    assert is_op(left, low) and is_var(left.right, "c")
    assert is_op(left.left, high) and is_var(left.left.left, "a") and is_var(left.left.right, "b")


SAME_LEVEL_PAIRS = [(a, b) for level in LEVELS for a in level for b in level]


@pytest.mark.parametrize(("first", "second"), SAME_LEVEL_PAIRS)
def test_same_level_is_left_associative(first: str, second: str) -> None:
    node = expr(f"x {first} y {second} z")
    assert is_op(node, second) and is_var(node.right, "z")
    assert is_op(node.left, first) and is_var(node.left.left, "x") and is_var(node.left.right, "y")


def test_examples_from_the_brief() -> None:
    node = expr("a || b && c")
    assert is_op(node, "||") and is_op(node.right, "&&")
    node = expr("1 + 2 * 3")
    assert is_op(node, "+") and is_op(node.right, "*")
    node = expr("x / y * z")
    assert is_op(node, "*") and is_op(node.left, "/")
    node = expr("a == b != c")
    assert is_op(node, "!=") and is_op(node.left, "==")


def test_full_precedence_ladder() -> None:
    node = expr("1 + 2 * 3 - 4 / 2 % 3 > 0 == true || false && !true")
    assert is_op(node, "||")
    assert is_op(node.right, "&&") and type(node.right.right) is UnaryOp
    eq = node.left
    assert is_op(eq, "==") and is_op(eq.left, ">")
    sub = eq.left.left
    assert is_op(sub, "-") and is_op(sub.left, "+") and is_op(sub.right, "%")
    assert is_op(sub.left.right, "*") and is_op(sub.right.left, "/")


@pytest.mark.parametrize("op", ["-", "!"])
def test_unary_operator(op: str) -> None:
    node = expr(f"{op}a")
    assert type(node) is UnaryOp and node.op.text == op and is_var(node.operand, "a")


def test_traversal_binds_tighter_than_unary() -> None:
    node = expr("-a.b")
    assert type(node) is UnaryOp and type(node.operand) is GetAttr
    node = expr("!a[*].b[0]")
    assert type(node) is UnaryOp and type(node.operand) is Index


def test_not_then_equals() -> None:
    node = expr("!a == b")
    assert is_op(node, "==") and type(node.left) is UnaryOp and node.left.op.text == "!"
    assert is_var(node.right, "b")


@pytest.mark.parametrize("op", BINARY_OPS)
def test_unary_binds_tighter_than_every_binary_operator(op: str) -> None:
    node = expr(f"-a {op} !b")
    assert is_op(node, op)
    assert type(node.left) is UnaryOp and node.left.op.text == "-"
    assert type(node.right) is UnaryOp and node.right.op.text == "!"


def test_stacked_unary() -> None:
    node = expr("!!- -1")
    ops = []
    while type(node) is UnaryOp:
        ops.append(node.op.text)
        node = node.operand
    assert ops == ["!", "!", "-", "-"] and type(node) is Literal


def test_parens_override_precedence() -> None:
    node = expr("(1 + 2) * 3")
    assert is_op(node, "*") and type(node.left) is Parens and is_op(node.left.expr, "+")
    assert literal_value(expr("(((1)))")) == 1


def test_operators_across_lines_in_parens() -> None:
    node = expr("(\n  a\n  && b\n  || c\n)")
    assert is_op(node.expr, "||") and is_op(node.expr.left, "&&")


# ---------------------------------------------------------------- comments

BLOCK_COMMENT = "/* c */"
LINE_COMMENTS = ["# c\n", "// c\n"]
ALL_COMMENTS = [BLOCK_COMMENT, *LINE_COMMENTS]

# Expressions with {C} wherever whitespace may go inside ( ), [ ], ${ }, %{ }
# and for expressions, where newlines (so line comments) are allowed too.
EXPR_POSITIONS = [
    "({C}1 +{C}2{C})",
    "({C}a{C}?{C}b{C}:{C}c{C})",
    "[{C}1,{C}2{C}]",
    "[{C}1,{C}2,{C}]",
    "f({C}a,{C}b{C})",
    "f({C}a{C}...{C})",
    "a[{C}0{C}]",
    "[{C}for{C}k{C},{C}v{C}in{C}m{C}:{C}v{C}if{C}v{C}]",
    "{{{C}for{C}k{C},{C}v{C}in{C}m{C}:{C}k{C}=>{C}v{C}...{C}if{C}v{C}}}",
    '"${{{C}a{C}}}"',
    '"${{{C}a{C}+{C}b{C}}}"',
    '"%{{{C}if{C}a{C}}}y%{{{C}else{C}}}n%{{{C}endif{C}}}"',
    '"%{{{C}for{C}v{C}in{C}l{C}}}.%{{{C}endfor{C}}}"',
    "({C}provider{C}::{C}aws{C}::{C}arn_parse{C}({C}x{C}){C})",
    "({C}-{C}a{C}.{C}b{C})",
    "({C}a{C}[*]{C}.{C}b{C}[{C}0{C}]{C})",
]


@pytest.mark.parametrize("comment", ALL_COMMENTS, ids=["block", "hash", "slash"])
@pytest.mark.parametrize("template", EXPR_POSITIONS)
def test_comments_where_newlines_are_trivia(template: str, comment: str) -> None:
    plain = expr(template.format(C=" "))
    commented = expr(template.format(C=f" {comment} "))
    assert shape(commented) == shape(plain)
    assert trivia(commented).count(comment.strip()) == template.count("{C}")


# Body and object lines: a block comment may go anywhere on the line.
BODY_POSITIONS = [
    "{C}a{C}={C}1{C}\n",
    'r{C}"x"{C}y{C}"z"{C}{{\n}}\n',
    "r{C}{{{C}a = 1{C}}}{C}\n",
    "a = {{{C}k{C}={C}1{C},{C}l{C}:{C}2{C}}}\n",
    "a = {C}b{C}?{C}c{C}:{C}d{C}\n",
    "a = {C}b{C}.{C}*{C}\n",
]


@pytest.mark.parametrize("template", BODY_POSITIONS)
def test_block_comments_on_body_and_object_lines(template: str) -> None:
    plain = mod(template.format(C=" "))
    commented = mod(template.format(C=BLOCK_COMMENT))
    assert shape(commented.body) == shape(plain.body)
    assert trivia(commented).count(BLOCK_COMMENT) == template.count("{C}")


def test_multi_line_block_comment_between_labels() -> None:
    block = only(mod('r /* one\ntwo */ "x" /*\n*/ y {\n}\n').body)
    assert block.label_values == ("x", "y")
    assert "/* one\ntwo */" in trivia(block)


@pytest.mark.parametrize("comment", ["# c", "// c", "/* c */"])
def test_comment_lines_above_items_are_owned_by_them(comment: str) -> None:
    module = mod(f"{comment}\na = 1\n\n{comment}\nb {{\n  {comment}\n  c = {{\n    {comment}\n    d = 1\n  }}\n}}\n")
    a = module.attribute("a")
    assert [line.comment for line in a.leading] == [comment]
    b = module.block("b")
    assert [line.comment for line in b.leading] == [comment]
    c = b.body.attribute("c")
    assert [line.comment for line in c.leading] == [comment]
    d = c.value.item("d")
    assert [line.comment for line in d.leading] == [comment]


@pytest.mark.parametrize("comment", ["# c", "// c", "/* c */"])
def test_trailing_comments(comment: str) -> None:
    module = mod(f"a = 1 {comment}\nb {{ x = 1 }} {comment}\nc = {{\n  d = 1 {comment}\n}}\n")
    assert module.attribute("a").trailing_comment == comment
    assert module.block("b").trailing_comment == comment
    item = module.attribute("c").value.item("d")
    assert item.newline.lead.strip() == comment


def test_dangling_comments_are_empty_lines() -> None:
    module = mod("a = 1\n\n# alone\n\nb = 2\n")
    comments = [item.comment for item in module.body.items if type(item) is EmptyLine]
    assert "# alone" in comments
    assert module.attribute("b").leading == ()


def test_comment_only_file_and_final_comment_without_newline() -> None:
    module = mod("# only\n// comments\n/* here */")
    assert not [i for i in module.body.items if type(i) is not EmptyLine]
    assert module.eof.lead == "/* here */"


def test_comment_like_text_inside_strings_is_not_trivia() -> None:
    node = expr('"http://x/#y /* z */"')
    assert literal_value(node) == "http://x/#y /* z */"
    assert trivia(node) == ""


# ---------------------------------------------------------------- unicode


def test_non_ascii_identifiers_strings_and_comments() -> None:
    module = mod('# été ✓\ncafé = "crème ${var.名前}" // 日本語\n')
    attr = module.attribute("café")
    assert attr is not None and attr.trailing_comment == "// 日本語"
    interp = attr.value.parts[1]
    assert type(interp.expr) is GetAttr and interp.expr.name.text == "名前"


def test_identifier_with_combining_mark() -> None:
    name = "cafe\u0301"
    attr = only(mod(f"{name} = 1\n").body)
    assert attr.name.text == name


def test_identifier_with_middle_dot() -> None:
    attr = only(mod("a\u00b7b = 1\n").body)
    assert attr.name.text == "a\u00b7b"


def test_grammar_declares_exactly_the_lexer_token_kinds() -> None:
    import re

    from tffix.syntax.lalr import grammar_text
    from tffix.syntax.tokens import KINDS

    declared = set()
    for line in grammar_text().splitlines():
        if line.startswith("%declare"):
            declared.update(line.split()[1:])
    assert declared == set(KINDS)
    assert not re.search(r"^\s*[A-Z_]+\s*:", grammar_text(), re.MULTILINE)  # no regex terminals
