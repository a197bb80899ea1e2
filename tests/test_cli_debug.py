"""`tffix debug tokens|tree|roundtrip` (item 6)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tffix.cli import main


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_tokens_prints_positions_kinds_and_trivia(tmp_path: Path) -> None:
    f = tmp_path / "a.tf"
    f.write_text('a = "x" # c\n')
    result = _run("debug", "tokens", str(f))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "1:1\tIDENT\t'a'\tlead=''\ttrail=''"
    assert "1:12\tNEWLINE\t'\\n'\tlead=' # c'\ttrail=''" in lines
    assert lines[-1].startswith("2:1\tEOF")


def test_tree_prints_nodes_and_reads_stdin() -> None:
    result = _run("debug", "tree", "-", stdin='b "l" {\n  c = 1\n}\n')
    assert result.exit_code == 0
    assert result.output.startswith("Module\n")
    assert "  Block" in result.output and "QUOTED_LIT 'l'" in result.output and "NUMBER_LIT '1'" in result.output


def test_tree_reports_parse_errors_with_position(tmp_path: Path) -> None:
    f = tmp_path / "bad.tf"
    f.write_text("a = \n")
    result = CliRunner().invoke(main, ["debug", "tree", str(f)])
    assert result.exit_code == 2
    assert f"{f}:1:5: Invalid expression" in result.output


def test_roundtrip_summary_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "ok.tf").write_bytes(b"a = 1\r\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "vars.tfvars").write_text('x = "y"')
    (tmp_path / "sub" / "test.tftest.hcl").write_text('run "r" {}\n')
    (tmp_path / ".terraform").mkdir()
    (tmp_path / ".terraform" / "bad.tf").write_text("a = \n")  # hidden: skipped
    (tmp_path / "notes.txt").write_text("a = \n")  # not HCL: skipped
    result = _run("debug", "roundtrip", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "3 files, 3 identical, 0 parse errors, 0 mismatches"

    (tmp_path / "broken.tf").write_text("a = \n")
    result = _run("debug", "roundtrip", str(tmp_path))
    assert result.exit_code == 1
    assert "parse error: " in result.output and "broken.tf:1:5: Invalid expression" in result.output
    assert result.output.splitlines()[-1] == "4 files, 3 identical, 1 parse errors, 0 mismatches"


def test_roundtrip_reports_non_utf8_files(tmp_path: Path) -> None:
    (tmp_path / "latin1.tf").write_bytes(b'a = "\xe9"\n')
    result = _run("debug", "roundtrip", str(tmp_path))
    assert result.exit_code == 1
    assert "not UTF-8" in result.output
