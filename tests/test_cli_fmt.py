"""`tffix fmt` as a drop-in for `terraform fmt` (issue: fmt CLI)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import corpus_files, read, run_cli
from oracles import TERRAFORM

from tffix.cli import main

UGLY = 'a=1\nbb = "${var.x}"\n'
PRETTY = "a  = 1\nbb = var.x\n"


_run = run_cli


def test_formats_files_in_place_and_lists_them(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UGLY)
    (tmp_path / "ok.tf").write_text(PRETTY)
    result = _run("fmt", str(tmp_path))
    assert result.exit_code == 0
    assert result.output.splitlines() == [str(tmp_path / "main.tf")]
    assert (tmp_path / "main.tf").read_text() == PRETTY


def test_check_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    f = tmp_path / "main.tf"
    f.write_text(UGLY)
    result = _run("fmt", "--check", str(tmp_path))
    assert result.exit_code == 1
    assert f.read_text() == UGLY
    f.write_text(PRETTY)
    assert _run("fmt", "--check", str(tmp_path)).exit_code == 0


def test_diff_has_terraforms_old_new_paths_and_no_list(tmp_path: Path) -> None:
    f = tmp_path / "main.tf"
    f.write_text(UGLY)
    result = _run("fmt", "--check", "--diff", "--no-list", str(f))
    assert result.exit_code == 1
    name = str(f).lstrip("/")
    assert result.output.startswith(f"--- old/{name}\n+++ new/{name}\n@@ -1,2 +1,2 @@\n")
    assert result.output.endswith('-a=1\n-bb = "${var.x}"\n+a  = 1\n+bb = var.x\n')


def test_stdin_to_stdout() -> None:
    result = _run("fmt", "-", stdin=UGLY)
    assert result.exit_code == 0
    assert result.output == PRETTY
    assert _run("fmt", "--check", "-", stdin=UGLY).exit_code == 1


@pytest.mark.parametrize("text", ["a=1", "a = 1", "a=1\n", "a=1\n  ", "", "# c", "a=1\r\n", "a {\n}"])
def test_stdin_output_is_terraforms(text: str) -> None:
    # `terraform fmt -` ends what it prints with a line break when the
    # result has none; --check and --diff are about the text itself
    theirs = subprocess.run([str(TERRAFORM), "fmt", "-"], input=text.encode(), check=False, capture_output=True)
    assert _run("fmt", "-", stdin=text).stdout_bytes == theirs.stdout
    checked = subprocess.run(
        [str(TERRAFORM), "fmt", "-check", "-"], input=text.encode(), check=False, capture_output=True
    )
    assert (_run("fmt", "--check", "-", stdin=text).exit_code == 0) == (checked.returncode == 0)


def test_syntax_error_is_reported_with_position_and_nothing_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tf"
    bad.write_text("a = \nb=1\n")
    good = tmp_path / "good.tf"
    good.write_text(UGLY)
    result = CliRunner().invoke(main, ["fmt", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{bad}:1:5: Invalid expression" in result.output
    assert bad.read_text() == "a = \nb=1\n"
    assert good.read_text() == PRETTY  # one bad file does not stop the others


def test_recursive_and_skipped_files(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "x.tfvars").write_text("a=1\n")
    (sub / "t.tftest.hcl").write_text("a=1\n")
    (sub / "m.tfmock.hcl").write_text("a=1\n")
    (sub / "q.tfquery.hcl").write_text("a=1\n")
    (sub / "x.tf.json").write_text('{"a":1}')
    (tmp_path / ".terraform").mkdir()
    (tmp_path / ".terraform" / "y.tf").write_text("a=1\n")
    (tmp_path / ".hidden.tf").write_text("a=1\n")
    assert _run("fmt", str(tmp_path)).output == ""  # not recursive by default
    result = _run("fmt", "--recursive", str(tmp_path))
    assert result.exit_code == 0
    assert sorted(Path(p).name for p in result.output.split()) == [
        "m.tfmock.hcl",
        "q.tfquery.hcl",
        "t.tftest.hcl",
        "x.tfvars",
    ]
    assert (sub / "x.tf.json").read_text() == '{"a":1}'
    assert (tmp_path / ".terraform" / "y.tf").read_text() == "a=1\n"
    assert (tmp_path / ".hidden.tf").read_text() == "a=1\n"


def test_default_path_is_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UGLY)
    assert _run("fmt", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "main.tf").read_text() == PRETTY


def test_write_keeps_mode_crlf_and_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.tf"
    real.write_bytes(b"a=1\r\nbb = 2\r\n")
    real.chmod(0o640)
    link = tmp_path / "link.tf"
    link.symlink_to(real)
    assert _run("fmt", str(link)).exit_code == 0
    assert link.is_symlink()
    assert real.read_bytes() == b"a  = 1\r\nbb = 2\r\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_explicit_file_with_other_extension_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("a=1\n")
    result = CliRunner().invoke(main, ["fmt", str(f)])
    assert result.exit_code == 2 and "can be formatted" in result.output
    assert _run("fmt", str(tmp_path / "missing.tf")).exit_code == 2


def test_help_documents_exit_codes() -> None:
    result = _run("fmt", "--help")
    assert "Exit codes:" in result.output and "--check" in result.output


def test_console_script_runs(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UGLY)
    proc = subprocess.run(
        [sys.executable, "-m", "tffix", "fmt", "--check", str(tmp_path)], check=False, capture_output=True, text=True
    )
    assert proc.returncode == 1 and proc.stdout.strip() == str(tmp_path / "main.tf")


def test_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    f = tmp_path / "main.tf"
    f.write_text("a=1")
    result = _run("fmt", "--diff", "--no-list", "--no-write", str(f))
    assert result.output.endswith("-a=1\n\\ No newline at end of file\n+a = 1\n\\ No newline at end of file\n")
    assert f.read_text() == "a=1"


@pytest.mark.corpus
def test_check_lists_what_terraform_check_lists(tmp_path: Path) -> None:
    # a tree of corpus files, some formatted, some not, with the files and
    # folders Terraform skips: both tools list the same files, in the same
    # order, and agree on success
    tree = tmp_path / "t"
    for i, path in enumerate([p for p in corpus_files("dev-unformatted") if p.suffix == ".tf"][:40:4]):
        (tree / f"m{i % 3}").mkdir(parents=True, exist_ok=True)
        (tree / f"m{i % 3}" / f"u{i}.tf").write_bytes(path.read_bytes())
        (tree / f"f{i}.tf").write_bytes(read(path.with_name(path.name + ".fmt")).encode("utf-8"))
    (tree / ".terraform").mkdir()
    (tree / ".terraform" / "skipped.tf").write_text("a=1\n")
    (tree / "x.tf.json").write_text('{"a":1}')
    (tree / "v.tfvars").write_text("a=1\n")
    for recursive in (False, True):
        theirs = subprocess.run(
            [str(TERRAFORM), "fmt", "-check", *(["-recursive"] if recursive else []), "t"],
            cwd=tmp_path, check=False, capture_output=True, text=True,
        )  # fmt: skip
        ours = _run("fmt", "--check", *(["--recursive"] if recursive else []), "t", cwd=tmp_path)
        assert ours.output.splitlines() == theirs.stdout.splitlines()
        assert len(ours.output.splitlines()) > (9 if recursive else 0)
        assert theirs.returncode != 0 and ours.exit_code != 0
    # once tffix has written the tree, both find nothing to do
    assert _run("fmt", "--recursive", "t", cwd=tmp_path).exit_code == 0
    theirs = subprocess.run(
        [str(TERRAFORM), "fmt", "-check", "-recursive", "t"], cwd=tmp_path, check=False, capture_output=True
    )
    assert (theirs.returncode, theirs.stdout) == (0, b"")
    ours = _run("fmt", "--check", "--recursive", "t", cwd=tmp_path)
    assert (ours.exit_code, ours.output) == (0, "")
