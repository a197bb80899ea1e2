"""Parallel runs give a serial run's output; the result cache gives the same
output again and notices every change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CORPUS, run_cli

from tffix.engine import batch


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.corpus
def test_parallel_output_equals_serial_over_the_corpus(fresh_cache: Path) -> None:
    tree = str(CORPUS / "rough")
    serial = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", tree)
    parallel = run_cli("check", "--no-cache", "--jobs", "4", "--format", "json", tree)
    assert serial.output == parallel.output and serial.exit_code == parallel.exit_code
    assert '"code": "TFX113"' in serial.output  # the rough set has findings to compare


@pytest.mark.corpus
def test_warm_cache_gives_the_same_output_and_is_used(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = str(CORPUS / "dev")
    cold = run_cli("check", "--jobs", "1", "--format", "json", tree)
    assert any(fresh_cache.rglob("*")), "nothing was cached"
    calls = []
    monkeypatch.setattr(batch, "_work", lambda job: calls.append(job) or pytest.fail("a cached module was run again"))
    warm = run_cli("check", "--jobs", "1", "--format", "json", tree)
    assert warm.output == cold.output and not calls


def test_cache_notices_changes(tmp_path: Path, fresh_cache: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "prod"\n  }\n}\n')
    assert "TFX101" in run_cli("check", str(tmp_path)).output
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "a" {}\n')
    assert "TFX101" not in run_cli("check", str(tmp_path)).output
    assert "TFX101" not in run_cli("check", "--ignore", "TFX101", str(tmp_path)).output


def test_no_cache_writes_nothing(tmp_path: Path, fresh_cache: Path) -> None:
    (tmp_path / "main.tf").write_text("locals {}\n")
    run_cli("check", "--no-cache", str(tmp_path))
    assert not fresh_cache.exists() or not any((fresh_cache / "results").rglob("*"))


def test_unwritable_cache_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(blocker))  # a file: no folder can be made under it
    (tmp_path / "main.tf").write_text("locals {}\n")
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 0 and os.path.isfile(blocker)


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped (as under the test runner): the results pass straight through;
    on a terminal they are collected under a progress bar first."""
    from tffix.cli import lint

    runs = iter(range(30))
    assert lint._with_progress(runs, 30) is runs  # stderr is not a terminal here
    monkeypatch.setattr(lint.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert lint._with_progress(iter(range(30)), 30) == list(range(30))
    short = iter(range(3))
    assert lint._with_progress(short, 3) is short  # short runs: no bar, the results pass straight through
