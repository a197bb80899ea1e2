"""``tffix edit`` writes as ``tffix apply`` does: every changed file of the
run or none, file modes kept, symlinks never followed out of their module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tffix.cli import main

BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "old"\n}\n'


def _edit(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["edit", *args], input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_mode_is_kept(tmp_path: Path) -> None:
    tf = tmp_path / "main.tf"
    tf.write_text(BUCKET)
    tf.chmod(0o640)
    code, _, err = _edit("set", "aws_s3_bucket.b.bucket", '"new"', str(tmp_path))
    assert (code, err) == (0, "")
    assert tf.read_text() == BUCKET.replace('"old"', '"new"')
    assert tf.stat().st_mode & 0o777 == 0o640


def test_all_or_nothing_across_modules(tmp_path: Path) -> None:
    """A file that may not be written stops the whole run, including the
    other module's file that could be."""
    outside = tmp_path / "outside.tf"
    outside.write_text(BUCKET)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "main.tf").write_text(BUCKET)
    os.symlink(outside, tmp_path / "b" / "main.tf")  # leads out of its module's folder
    code, _, err = _edit("set", "aws_s3_bucket.*.bucket", '"new"', str(tmp_path / "a"), str(tmp_path / "b"))
    assert code == 2
    assert "not written" in err and "Traceback" not in err
    assert (tmp_path / "a" / "main.tf").read_text() == BUCKET
    assert outside.read_text() == BUCKET


def test_edits_in_several_modules_are_written_together(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(BUCKET)
    code, _, err = _edit("set", "aws_s3_bucket.b.bucket", '"new"', str(tmp_path))
    assert (code, err) == (0, "")
    for name in ("a", "b"):
        assert '"new"' in (tmp_path / name / "main.tf").read_text()


def test_a_module_without_the_item_is_skipped_when_another_has_it(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "main.tf").write_text(BUCKET)
    (tmp_path / "b" / "main.tf").write_text('variable "x" {}\n')
    code, _, err = _edit("rm", "aws_s3_bucket.b", str(tmp_path))
    assert (code, err) == (0, "")
    assert (tmp_path / "a" / "main.tf").read_text() == ""
    assert (tmp_path / "b" / "main.tf").read_text() == 'variable "x" {}\n'


def test_a_file_that_does_not_parse_stops_the_edit(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET)
    (tmp_path / "broken.tf").write_text('resource "x" {\n')
    code, _, err = _edit("set", "aws_s3_bucket.b.bucket", '"new"', str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'broken.tf'}:1:14: Unclosed configuration block" in err and "nothing was edited" in err
    assert (tmp_path / "main.tf").read_text() == BUCKET


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set", "aws_s3_bucket.b.bucket"), "`set` needs a VALUE"),
        (("get", "aws_s3_bucket.b", "-", "."), "cannot be mixed"),
        (("get", "aws_s3_bucket.b", "missing-folder"), "no such file or directory"),
    ],
)
def test_usage_errors(args: tuple[str, ...], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text(BUCKET)
    code, out, err = _edit(*args)
    assert (code, out) == (2, "")
    assert message in err


def test_stdin_dry_run_prints_the_diff_only() -> None:
    code, out, err = _edit("set", "--dry-run", "aws_s3_bucket.b.bucket", '"new"', "-", stdin=BUCKET)
    assert (code, err) == (1, "")
    assert out.startswith("--- a/<stdin>.tf\n+++ b/<stdin>.tf\n") and '+  bucket = "new"\n' in out
