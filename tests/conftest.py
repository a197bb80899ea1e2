"""Shared test helpers: where the corpus is, and which files Terraform rejects."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Result and table caches in a folder of this test session, never the user's."""
    import os

    os.environ["TFFIX_CACHE_DIR"] = str(tmp_path_factory.mktemp("tffix-cache"))


CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_SETS = ("dev", "dev-unformatted", "rough")


def corpus_files(name: str) -> list[Path]:
    """Every source file of a corpus set (not the .fmt expected outputs)."""
    base = CORPUS / name
    assert base.is_dir(), f"corpus missing at {base}: ../shared must sit beside the checkout"
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix != ".fmt")


@functools.cache
def rejected_by_terraform(name: str) -> dict[str, str]:
    """``relative path -> first error line`` for files `terraform fmt` rejects."""
    out = {}
    with open(CORPUS / f"{name}.fmt.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["rc"] == "2":
                out[row["path"]] = row.get("error") or ""
    return out


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(autouse=True)
def _no_colour_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text output is asserted byte for byte: a FORCE_COLOR or NO_COLOR of
    the shell running the tests must not change it."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"corpus missing at {CORPUS}"
    return CORPUS


def run_cli(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None):
    """``tffix ARGS`` through click's runner, optionally from another folder."""
    import os

    from click.testing import CliRunner

    from tffix.cli import main

    runner = CliRunner()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), input=stdin)
    finally:
        os.chdir(old)
