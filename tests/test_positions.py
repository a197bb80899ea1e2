"""One line/column calculator (``tffix.syntax.lines``) and the places that
used to count on their own: parse errors, SARIF, the language server, the
text snippet under a finding and ``tffix debug tokens`` must agree on where
a character is, byte order mark and odd line separators included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st

from tffix.engine.module import SourceFile
from tffix.lsp.convert import syntax_diagnostic
from tffix.lsp.positions import LineIndex
from tffix.syntax.errors import ParseError
from tffix.syntax.lines import BOM, UTF8, UTF16, UTF32, Lines

# line breaks, a BOM, characters outside the BMP and the separators str.splitlines knows
_ODD = st.sampled_from(["\n", "\r\n", "\r", BOM, "😀", "é", "\x0c", "\u2028", "\x1c", "\x85", "\t"])
TEXTS = st.lists(st.one_of(st.characters(), _ODD), max_size=60).map("".join)

_CODEC = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2), UTF32: ("utf-32-le", 4)}


def _naive_location(text: str, offset: int, unit: str) -> tuple[int, int]:
    """Counted the slow, obvious way: lines end at \\n; a leading BOM is no column."""
    line_start = text.rfind("\n", 0, offset) + 1
    if line_start == 0 and text.startswith(BOM) and offset > 0:
        line_start = 1
    codec, size = _CODEC[unit]
    return text.count("\n", 0, offset) + 1, len(text[line_start:offset].encode(codec)) // size + 1


@given(TEXTS, st.data())
def test_location_counts_lines_at_newlines_and_columns_in_each_unit(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    lines = Lines(text)
    for unit in (UTF8, UTF16, UTF32):
        assert lines.location(offset, unit) == _naive_location(text, offset, unit)


@given(TEXTS, st.data())
def test_lsp_lines_also_end_at_a_lone_cr_and_positions_round_trip(text: str, data: st.DataObject) -> None:
    lsp_lines = re.split(r"\r\n|\n|\r", text)
    index = LineIndex(text, data.draw(st.sampled_from([UTF8, UTF16, UTF32])))
    assert len(index.lines) == len(lsp_lines)
    assert [index.lines.content(i) for i in range(len(lsp_lines))] == lsp_lines
    offset = data.draw(st.integers(0, len(text)))
    line, character = index.position(offset)
    inside_crlf = 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"
    assert index.offset(line, character) == (offset - 1 if inside_crlf else offset)


# -- the byte order mark: every output agrees with the text output --------------


BOM_CASES = [
    ("\ufeffa = 1\nb = @\n", "@", (2, 5)),  # the lexer
    ("\ufeffa = )\n", ")", (1, 5)),  # the parser
    ("\ufeffa = 1\na = 2\n", "a = 2", (2, 1)),  # the formatter's repeated-argument check
]


def _parse_error(text: str) -> ParseError:
    error = SourceFile.parse(Path("main.tf"), text).error  # the parser's and the formatter's checks
    assert error is not None
    return error


@pytest.mark.parametrize(("text", "bad", "where"), BOM_CASES)
def test_a_parse_error_offset_counts_in_the_text_as_given(text: str, bad: str, where: tuple[int, int]) -> None:
    error = _parse_error(text)
    assert (error.line, error.column) == where
    assert error.offset == text.index(bad)


@pytest.mark.parametrize(("text", "bad", "where"), BOM_CASES)
def test_lsp_puts_a_parse_error_in_a_bom_file_on_the_bad_character(text: str, bad: str, where: tuple[int, int]) -> None:
    error = _parse_error(text)
    index = LineIndex(text)
    diagnostic = syntax_diagnostic(index, error)
    start = diagnostic.range.start
    assert index.offset(start.line, start.character) == text.index(bad)


@pytest.mark.parametrize(("text", "bad", "where"), BOM_CASES)
def test_sarif_puts_a_parse_error_in_a_bom_file_where_the_text_output_does(
    tmp_path: Path, text: str, bad: str, where: tuple[int, int]
) -> None:
    (tmp_path / "main.tf").write_bytes(text.encode())
    plain = run_cli("check", ".", cwd=tmp_path)
    assert f"main.tf:{where[0]}:{where[1]}: " in plain.stderr
    log = json.loads(run_cli("check", ".", "--format", "sarif", cwd=tmp_path).stdout)
    [note] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    region = note["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == where


def test_debug_tokens_does_not_count_a_bom_as_a_column(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_bytes(b"\xef\xbb\xbfa = 1\n")
    result = run_cli("debug", "tokens", str(tmp_path / "a.tf"))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "1:1\tIDENT\t'a'\tlead=''\ttrail=''"


# -- the snippet under a finding ------------------------------------------------

VARIABLES = 'variable "environment" {\n  type = string\n}\n'
TAGGED = 'resource "aws_s3_bucket" "logs" {\n  bucket = "x"\n  tags = {\n    Environment = "production"\n  }\n}\n'


@pytest.mark.parametrize("separator", ["\u2028", "\x0c", "\x1c", "\x85", "\r"])
def test_snippet_shows_the_finding_line_when_a_line_holds_other_separators(tmp_path: Path, separator: str) -> None:
    """Only \\n ends a line: a comment holding a form feed, a Unicode line
    separator or a lone CR does not shift the snippet."""
    (tmp_path / "variables.tf").write_text(VARIABLES)
    (tmp_path / "main.tf").write_bytes(f"# a{separator}b\n{TAGGED}".encode())
    result = run_cli("check", ".", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("main.tf:5:19: TFX101")
    assert lines[2] == '5 |     Environment = "production"'
    assert lines[3] == "  |                   ^^^^^^^^^^^^"


def test_snippet_shows_the_first_line_of_a_bom_file_without_the_bom(tmp_path: Path) -> None:
    (tmp_path / "variables.tf").write_text(VARIABLES)
    line = 'resource "aws_s3_bucket" "x" { tags = { Environment = "production" } }'
    (tmp_path / "main.tf").write_bytes(f"{BOM}{line}\r\n".encode())
    lines = run_cli("check", ".", cwd=tmp_path).stdout.splitlines()
    column = line.index('"production"') + 1
    assert lines[0].startswith(f"main.tf:1:{column}: TFX101")
    assert lines[2] == f"1 | {line}"
    assert lines[3] == "  | " + " " * (column - 1) + "^" * len('"production"')


def test_the_calculator_sits_below_every_layer() -> None:
    """``text.lines`` imports nothing from tffix, so the lexer, the tree,
    the engine, the CLI and the language server can all use it."""
    import ast

    import tffix.text.lines as module

    tree = ast.parse(Path(module.__file__).read_text())
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [name for name in imported if name.startswith("tffix") or name == ""], imported
    levels = [n.level for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not any(levels)
