"""Summaries that never mislead, errors in JSON, stdin documents on stdout,
and encoding errors that say where and what (issue 19)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli

TAGGED = """\
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Environment = "production"
  }
}
"""
TAGGED_FIXED = TAGGED.replace('"production"', "var.environment")

VARIABLES = """\
variable "environment" {
  type    = string
  default = "production"
}
"""

BROKEN = 'resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n'


def _module(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name.replace("_tf", ".tf")).write_text(text)
    return directory


# -- summaries ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "verb"), [("check", "checked"), ("apply", "fixed"), ("check --fix", "fixed")], ids=str
)
def test_a_missing_path_gets_an_error_line_not_found_0(tmp_path: Path, command: str, verb: str) -> None:
    result = run_cli(*command.split(), str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stdout == f"1 error (reported above): what it concerns was not {verb}.\n"
    assert "Found 0" not in result.stdout and "0 files fixed" not in result.stdout


def test_a_config_error_gets_an_error_line(tmp_path: Path) -> None:
    _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    (tmp_path / ".tffix.toml").write_text('select = ["NOPE999"]\n')
    result = run_cli("check", str(tmp_path / "m"))
    assert result.exit_code == 2
    assert "config error" in result.stderr
    assert result.stdout == "1 error (reported above): what it concerns was not checked.\n"


def test_an_unreadable_file_gets_an_error_line_beside_the_findings(tmp_path: Path) -> None:
    _module(tmp_path / "good", main_tf=TAGGED, variables_tf=VARIABLES)
    bad = _module(tmp_path / "bad")
    (bad / "main.tf").write_bytes(b"# caf\xe9\n")
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-2:] == [
        "Found 1 finding (1 fixable with `tffix apply`).",
        "1 error (reported above): what it concerns was not checked.",
    ]
    alone = run_cli("check", str(bad))
    assert alone.stdout == "1 error (reported above): what it concerns was not checked.\n"


def test_a_partial_write_with_a_failing_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the second module's write fails (as a read-only file would, for anyone but root)
    written = _module(tmp_path / "a", main_tf=TAGGED, variables_tf=VARIABLES)
    refused = _module(tmp_path / "b", main_tf=TAGGED, variables_tf=VARIABLES)
    real = os.replace

    def replace(src: str, dst: str) -> None:
        if Path(dst).parent.name == "b":
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run_cli("apply", "--jobs", "1", str(tmp_path))
    assert (written / "main.tf").read_text() == TAGGED_FIXED
    assert (refused / "main.tf").read_text() == TAGGED
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-2:] == [
        "1 file fixed (1 fix), 1 finding left",
        "1 error (reported above): what it concerns was not fixed.",
    ]
    doc_errors = run_cli("apply", "--format", "json", str(tmp_path / "b")).stdout
    [error] = json.loads(doc_errors)["errors"]
    assert error["path"] == str(refused / "main.tf") and error["message"].startswith("not written: ")


# -- JSON errors -------------------------------------------------------------------


def test_json_lists_parse_read_and_path_errors(tmp_path: Path) -> None:
    _module(tmp_path / "good", main_tf=TAGGED, variables_tf=VARIABLES)
    _module(tmp_path / "broken", main_tf=BROKEN)
    latin = _module(tmp_path / "latin")
    (latin / "main.tf").write_bytes(b'a = "\xff"\n')
    result = run_cli("check", "--format", "json", str(tmp_path), str(tmp_path / "missing"))
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    by_path = {e["path"]: e for e in doc["errors"]}
    assert set(by_path) == {
        str(tmp_path / "broken" / "main.tf"),
        str(latin / "main.tf"),
        str(tmp_path / "missing"),
    }
    parse = by_path[str(tmp_path / "broken" / "main.tf")]
    assert (parse["line"], parse["column"]) == (2, 12) and parse["message"].startswith("Invalid expression")
    read = by_path[str(latin / "main.tf")]
    assert (read["line"], read["column"]) == (1, 6) and read["message"].startswith("not UTF-8")
    missing = by_path[str(tmp_path / "missing")]
    assert missing == {
        "path": str(tmp_path / "missing"),
        "line": None,
        "column": None,
        "message": "no such file or directory",
    }
    assert doc["summary"]["errors"] == 3
    assert [f["code"] for f in doc["findings"]] == ["TFX101"]


# -- stdin with JSON ------------------------------------------------------------------


def test_stdin_json_goes_to_stdout_for_check_and_apply(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES)
    name = str(tmp_path / "main.tf")
    checked = run_cli("check", "-", "--stdin-filename", name, "--format", "json", stdin=TAGGED)
    assert checked.exit_code == 1 and checked.stderr == ""
    assert [f["code"] for f in json.loads(checked.stdout)["findings"]] == ["TFX101"]

    applied = run_cli("apply", "-", "--stdin-filename", name, "--format", "json", stdin=TAGGED)
    assert applied.exit_code == 0 and applied.stderr == ""
    doc = json.loads(applied.stdout)  # the document alone: no fixed text around it
    assert doc["findings"] == []
    [change] = doc["changes"]
    assert change["path"] == name and change["text"] == TAGGED_FIXED
    assert "+    Environment = var.environment" in change["diff"]
    assert doc["summary"]["fixes_applied"] == 1
    assert not Path(name).exists()

    text = run_cli("apply", "-", "--stdin-filename", name, stdin=TAGGED)
    assert text.stdout == TAGGED_FIXED  # text output: the fixed buffer owns stdout


# -- encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where", "guess"),
    [
        ('a = 1\nb = "x"\n'.encode("utf-16"), "1:1", "UTF-16 LE (BOM FF FE)"),
        (b"\xfe\xff" + "a = 1\n".encode("utf-16-be"), "1:1", "UTF-16 BE (BOM FE FF)"),
        ("a = 1\n".encode("utf-32"), "1:1", "UTF-32 LE (BOM FF FE 00 00)"),
        (b"a = 1\n# caf\xe9\n", "2:6", "Windows-1252 or Latin-1"),
        (b'a = 1\nb = "\xc3\xa9\xe9"\n', "2:7", "Windows-1252 or Latin-1"),
    ],
    ids=["utf16le", "utf16be", "utf32le", "latin1", "after-utf8"],
)
def test_encoding_errors_name_line_column_and_likely_encoding(
    tmp_path: Path, data: bytes, where: str, guess: str
) -> None:
    path = _module(tmp_path) / "main.tf"
    path.write_bytes(data)
    for command in (("check",), ("apply",), ("fmt", "--check")):
        result = run_cli(*command, str(path))
        assert result.exit_code == 2
        line = next(line for line in result.stderr.splitlines() if "not UTF-8" in line)
        assert line.startswith(f"{path}:{where}: not UTF-8 (")
        assert line.endswith(f"; it looks like {guess}: save it as UTF-8")


def test_utf16_without_bom_is_named() -> None:
    from tffix.files import likely_encoding

    assert likely_encoding("é = 1\n".encode("utf-16-le")) == "UTF-16 LE (no BOM)"
    assert likely_encoding("é = 1\n".encode("utf-16-be")) == "UTF-16 BE (no BOM)"
    assert likely_encoding(b"\x81\x8d\x8f\x90\x9d") is None  # bytes cp1252 leaves undefined


def test_a_tfvars_file_that_does_not_parse_is_an_error_as_a_tf_file_is(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    (module / "terraform.tfvars").write_text('environment = "prod"\nregion = \n')
    (module / "dir.tfvars").mkdir()  # a folder so named is no input file: nothing to say
    result = run_cli("check", str(module))
    assert result.exit_code == 2
    assert f"{module / 'terraform.tfvars'}:2:10: Invalid expression" in result.stderr
    assert result.stdout.splitlines()[-1] == "1 error (reported above): what it concerns was not checked."
    # the result cache keeps what it read: mending the file is seen at once
    (module / "terraform.tfvars").write_text('environment = "prod"\nregion = "eu-west-1"\n')
    mended = run_cli("check", str(module))
    assert mended.exit_code == 1 and mended.stderr == ""
    # a named .tf file is checked with its folder as context only: its .tfvars are not its to report
    (module / "terraform.tfvars").write_text("region = \n")
    named = run_cli("check", str(module / "main.tf"))
    assert named.exit_code == 1 and "terraform.tfvars" not in named.stderr
