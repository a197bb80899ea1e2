"""Bad input raises ParseError with hclsyntax's wording and the right
position (item 5); the real Terraform binary agrees on the summary."""

from __future__ import annotations

import pytest
from oracles import terraform_fmt

from tffix import ParseError, parse_module

# (source, summary, line, column). Positions are 1-based; columns count characters.
BAD = [
    ("a = \n", "Invalid expression", 1, 5),
    ("a = 1 +\n  2\n", "Invalid expression", 1, 8),
    ("a = 1 b = 2\n", "Missing newline after argument", 1, 7),
    ("a = 1,\n", "Unexpected comma after argument", 1, 6),
    ('a = "x" "y"\n', "Missing newline after argument", 1, 9),
    ("a {\n  b = 1 }\n", "Missing newline after argument", 2, 9),
    ("a {} b {}\n", "Missing newline after block definition", 1, 6),
    ('a "b" = 1\n', "Invalid block definition", 1, 7),
    ('a "b"\n{\n}\n', "Invalid block definition", 1, 6),
    ("a b c\n", "Invalid block definition", 1, 6),
    ("a\n", "Argument or block definition required", 1, 2),
    ("= 1\n", "Argument or block definition required", 1, 1),
    ('{\n  "terraform": {}\n}\n', "Argument or block definition required", 1, 1),
    ("x { a = 1, b = 2 }\n", "Invalid single-argument block definition", 1, 10),
    ("x { a = 1\n}\n", "Invalid single-argument block definition", 1, 10),
    ("x { a {} }\n", "Argument definition required", 1, 7),
    ("a = [1 2]\n", "Missing item separator", 1, 8),
    ("a = f(1 2)\n", "Missing argument separator", 1, 9),
    ("a = f(x..., y)\n", "Missing closing parenthesis", 1, 11),
    ("a = (1 2)\n", "Unbalanced parentheses", 1, 8),
    ("a = (1\n", "Unbalanced parentheses", 1, 5),
    ("a = b[1 2]\n", "Missing close bracket on index", 1, 9),
    ("a = {b = 1 c = 2}\n", "Missing attribute separator", 1, 12),
    ("a = {b 1}\n", "Missing key/value separator", 1, 8),
    ("a = {b\n}\n", "Missing attribute value", 1, 7),
    ("a = b ? c\n", "Missing false expression in conditional", 1, 10),
    ("a = [for : x]\n", "Invalid 'for' expression", 1, 10),
    ("a = [for x y: x]\n", "Invalid 'for' expression", 1, 13),
    ("a = [for x in y x]\n", "Invalid 'for' expression", 1, 17),
    ("a = [for x in y : x z]\n", "Invalid 'for' expression", 1, 22),
    ("a = {for x in y : x}\n", "Invalid 'for' expression", 1, 20),
    ('a = "${b c}"\n', "Extra characters after interpolation expression", 1, 10),
    ('a = "x\nb = 1\n', "Unterminated template string", 1, 7),
    ("a = <<EOT\nx\n", "Unterminated template string", 3, 1),
    ("a = <<EOT\nx\nEOT", "Unterminated template string", 3, 4),
    ('a = "%{ if x }"\n', "Unexpected end of template", 1, 6),
    ('a = "%{ endif }"\n', "Unexpected endif directive", 1, 9),
    ('a = "%{if a}%{else}%{else}%{endif}"\n', "Unexpected else directive", 1, 22),
    ('a = "%{ for x in y }%{ endif }"\n', "Unexpected endif directive", 1, 24),
    ('a = "%{ foo }"\n', "Invalid template control keyword", 1, 9),
    ('a = "\\q"\n', "Invalid escape sequence", 1, 6),
    ('a = "\\u12"\n', "Invalid escape sequence", 1, 6),
    ('a = "x\\uD83D"\n', "Invalid escape sequence", 1, 7),
    ("a = 1.2.3\n", "Invalid number literal", 1, 5),
    ("a = b.*.*\n", "Nested splat expression not allowed", 1, 9),
    ("a = b.*.c.*\n", "Nested splat expression not allowed", 1, 11),
    ("a = b.0.1\n", "Invalid legacy index syntax", 1, 7),
    ('resource "a_${b}" "c" {\n}\n', "Invalid string literal", 1, 13),
    ("a = $b\n", "Invalid character", 1, 5),
    ("a = 1 & 2\n", "Unsupported operator", 1, 7),
    ("a = 'x'\n", "Invalid character", 1, 5),
    ("a = 1;\n", "Invalid character", 1, 6),
    ("a = b.\n", "Invalid attribute name", 1, 7),
    ('a = "${}"\n', "Invalid expression", 1, 8),
    # hclsyntax reads the * and ] of a splat before it stops minding line breaks
    ("a = b[\n*]\n", "Invalid expression", 2, 1),
    ("a = b[ # c\n*].d\n", "Invalid expression", 2, 1),
    ("a = { x = b[*\n] }\n", "Missing close bracket on splat index", 2, 1),
    ("a = b[ # x\r/*\n/* */*]\n", "Invalid expression", 2, 6),  # the /* is the # comment's
    # a carriage return alone is no line break, and no text either
    ("a = <<EOT\nx\ry\nEOT\n", "Invalid character", 2, 2),
    ("a = <<EOT\nx\n\rEOT\n", "Invalid character", 3, 1),
    # << that opens no heredoc is two less-thans
    ("a = <<<EOT\nhi\nEOT\n", "Invalid expression", 1, 5),
    ("x <<<EOT\nhi\nEOT\n", "Argument or block definition required", 1, 3),
]

# Close to the bad snippets above, but fine: line breaks inside brackets,
# parentheses or a template sequence, or inside a block comment, do not count.
GOOD = [
    "a = (b[\n*])\n",
    'a = "${b[\n*]}"\n',
    "a = f(b[*\n])\n",
    "a = b[/*\n*/*]\n",
    "a = b[\n0]\n",
    "a = <<EOT\nx\r\nEOT\r\n",
    "a = f() <<<-EOT\n  x\n  EOT\n",  # f() < <<-EOT
]

# Unclosed constructs at the end of the file: we point at the opener with the
# wording of today's hclsyntax; Terraform 1.0.3's older hcl reports a vaguer
# error at the end of the file. Terraform must still reject them.
BAD_AT_EOF = [
    ("a = {\n", "Unterminated object constructor expression", 1, 5),
    ("a = [1,\n", "Unterminated tuple constructor expression", 1, 5),
    ("a {\n", "Unclosed configuration block", 1, 3),
    ('a = "${b\n', "Unclosed template interpolation sequence", 1, 6),
]

# Newer than Terraform 1.0.3 (provider-defined functions), so no oracle.
BAD_NEWER = [
    ("a = provider::x::(1)\n", "Missing function name", 1, 18),
]


ALL_BAD = BAD + BAD_AT_EOF + BAD_NEWER


@pytest.mark.parametrize(("source", "summary", "line", "column"), ALL_BAD, ids=[s for s, *_ in ALL_BAD])
def test_bad_input_raises_parse_error(source: str, summary: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_module(source, path="bad.tf")
    err = info.value
    assert (err.summary, err.line, err.column) == (summary, line, column)
    assert str(err).startswith(f"bad.tf:{line}:{column}: {summary}")
    assert err.detail  # every message explains itself


@pytest.mark.parametrize(("source", "summary"), [(s, m) for s, m, *_ in BAD], ids=[s for s, *_ in BAD])
def test_terraform_rejects_the_same_way(source: str, summary: str) -> None:
    result = terraform_fmt(source)
    assert result.rc == 2, "Terraform accepts this input: it is not a bad snippet"
    assert summary in result.errors[:2], result.errors


@pytest.mark.parametrize("source", GOOD)
def test_near_misses_parse_as_in_terraform(source: str) -> None:
    parse_module(source)
    assert terraform_fmt(source).rc == 0


@pytest.mark.parametrize("source", [s for s, *_ in BAD_AT_EOF])
def test_terraform_rejects_unclosed_constructs(source: str) -> None:
    assert terraform_fmt(source).rc == 2


def test_parse_error_is_a_value_error_with_position_fields() -> None:
    with pytest.raises(ValueError) as info:
        parse_module("a = \n", path="x/main.tf")
    err = info.value
    assert isinstance(err, ParseError)
    assert (err.path, err.line, err.column, err.offset) == ("x/main.tf", 1, 5, 4)


def test_a_copy_sent_between_processes_is_the_same_error() -> None:
    """Parallel runs send parse errors back from worker processes (pickled)."""
    import pickle

    with pytest.raises(ParseError) as info:
        parse_module("a = \n", path="x/main.tf")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is ParseError
    assert (vars(copy), copy.args, str(copy)) == (vars(info.value), info.value.args, str(info.value))


def test_position_counts_characters_not_bytes() -> None:
    with pytest.raises(ParseError) as info:
        parse_module('a = "é" b\n')
    assert info.value.column == 9


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_module(b"a = 1\n")  # type: ignore[arg-type]
