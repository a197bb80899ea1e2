"""``tffix apply --interactive`` and ``tffix codemod --interactive``: each fix
shown as a diff, then y / n / a / d / q; only the accepted fixes are
written, and a summary says what was applied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugins"
QUOTED = 'resource "aws_s3_bucket" "{0}" {{\n  bucket        = "acme-{0}"\n  force_destroy = "true"\n}}\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__", "fixtures"))
    for name in ("a", "b"):
        (target / name).mkdir()
        (target / name / "main.tf").write_text(QUOTED.format(name), encoding="utf-8")
    return target


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_yes_no_and_done_with_a_rule(project: Path) -> None:
    # in order: main.tf ACME001, main.tf TFX101, variables.tf ACME001 (root); then a/ and b/
    result = run_cli("apply", "-i", "--no-cache", "-j", "2", ".", stdin="y\nn\nd\n", cwd=project)
    assert result.exit_code == 1, result.output  # findings are left
    assert "main.tf:3:19: ACME001 force_destroy is the string 'true': write the boolean" in result.stderr
    assert '-  force_destroy = "true"\n+  force_destroy = true\n' in result.stderr
    assert result.stderr.count("Apply? [y]es") == 3  # after d, ACME001 is not asked about again
    assert "force_destroy = true\n" in read(project / "main.tf")
    assert 'Env  = "qa"' in read(project / "main.tf")  # TFX101 skipped
    assert 'default = "false"' in read(project / "variables.tf")
    assert read(project / "a" / "main.tf") == QUOTED.format("a")
    assert result.stderr.endswith("Applied 1 fix: ACME001 (quoted-bool) x1 (4 skipped).\n")


def test_all_of_a_rule_and_quit(project: Path) -> None:
    result = run_cli("apply", "-i", "--no-cache", "--select", "ACME001", ".", stdin="a\n", cwd=project)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Apply? [y]es") == 1
    for path in (project / "main.tf", project / "a" / "main.tf", project / "b" / "main.tf"):
        assert "force_destroy = true\n" in read(path)
    assert "default = false" in read(project / "variables.tf")
    assert result.stderr.endswith("Applied 4 fixes: ACME001 (quoted-bool) x4 (0 skipped).\n")
    (project / "c").mkdir()
    (project / "c" / "main.tf").write_text(QUOTED.format("c"), encoding="utf-8")
    (project / "d").mkdir()
    (project / "d" / "main.tf").write_text(QUOTED.format("d"), encoding="utf-8")
    quit_ = run_cli("apply", "-i", "--no-cache", "--select", "ACME001", ".", stdin="q\n", cwd=project)
    assert quit_.stderr.count("Apply? [y]es") == 1 and quit_.stderr.endswith("Applied no fix (2 skipped).\n")
    for name in ("c", "d"):
        assert read(project / name / "main.tf") == QUOTED.format(name)


def test_a_dry_run_asks_and_writes_nothing(project: Path) -> None:
    result = run_cli("apply", "-i", "--diff", "--no-cache", "--select", "ACME001", "a", stdin="y\n", cwd=project)
    assert result.exit_code == 1 and "+  force_destroy = true\n" in result.stdout
    assert read(project / "a" / "main.tf") == QUOTED.format("a")


def test_interactive_codemod(project: Path) -> None:
    result = run_cli("codemod", "-i", "rename-tag", "-o", "old=Team", "-o", "new=Owner", ".", stdin="n\n", cwd=project)
    assert result.exit_code == 0 and "tag Team renamed to Owner" in result.stderr
    assert '+    Owner = "platform" # who to call\n' in result.stderr
    assert read(project / "main.tf") == read(EXAMPLE / "main.tf")
    assert result.stderr.endswith("Applied no fix (1 skipped).\n")
    result = run_cli("codemod", "-i", "rename-tag", "-o", "old=Team", "-o", "new=Owner", ".", stdin="y\n", cwd=project)
    assert result.exit_code == 0 and '    Owner = "platform" # who to call\n' in read(project / "main.tf")
    assert result.stderr.endswith("Applied 1 fix: rename-tag x1 (0 skipped).\n")


def test_interactive_cannot_read_standard_input(project: Path) -> None:
    for args in (("apply", "-i", "-"), ("codemod", "-i", "rename-tag", "-")):
        result = run_cli(*args, stdin="locals {}\n", cwd=project)
        assert result.exit_code == 2 and "--interactive reads its answers from standard input" in result.output
