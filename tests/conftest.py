"""Shared test helpers: where the corpus is, and which files Terraform rejects.

Tests that read ../shared/corpus or ../shared/seeds are marked ``corpus`` or
``seeds``. Without the folder they are skipped with the reason, so the suite
runs from a plain clone; under CI (the ``CI`` variable, as CI services set
it) a missing folder fails them instead. ``TFFIX_CORPUS`` and ``TFFIX_SEEDS``
point at the folders elsewhere.
"""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]

# Speed is measured in scripts/bench.py, never asserted: hypothesis's per-example
# deadline is a wall-clock assert that fails on a loaded machine (CI runs one
# worker per core), so no test has one.
settings.register_profile("tffix", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tffix")


def _shared(variable: str, name: str) -> Path:
    return Path(os.environ.get(variable) or ROOT.parent / "shared" / name)


CORPUS = _shared("TFFIX_CORPUS", "corpus")
SEED_DIR = _shared("TFFIX_SEEDS", "seeds")
#: marker -> the folder its tests read, and the variable that moves it
SHARED_DATA = {"corpus": (CORPUS, "TFFIX_CORPUS"), "seeds": (SEED_DIR, "TFFIX_SEEDS")}


def in_ci() -> bool:
    """Whether the suite runs under CI (GitHub Actions and most services set CI=true)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.hookimpl(tryfirst=True)  # before the skip pytest adds to a parametrize over an empty corpus list
def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, (folder, variable) in SHARED_DATA.items():
        if item.get_closest_marker(marker) is not None and not folder.is_dir():
            _unavailable(f"{marker} missing at {folder} (put ../shared beside the checkout, or set {variable})")
    if item.get_closest_marker("hcl_tools") is not None:
        from oracles import hcl_tools_missing

        why = hcl_tools_missing()
        if why is not None:
            _unavailable(why)


def _unavailable(why: str) -> None:
    """Skip a test whose oracle or data is missing, saying why; under CI, fail it."""
    if in_ci():
        pytest.fail(f"{why}: under CI this is a failure, never a skip", pytrace=False)
    pytest.skip(why)


def golden_update_requested() -> bool:
    """Whether TFFIX_UPDATE_GOLDEN=1 asks the golden tests to rewrite their
    expected files (for review with `git diff`). Under CI that would make
    every golden test pass by rewriting what it checks, so it fails instead."""
    value = os.environ.get("TFFIX_UPDATE_GOLDEN", "")
    if not value:
        return False
    if in_ci():
        pytest.fail(
            "TFFIX_UPDATE_GOLDEN is refused under CI: golden files are rewritten and reviewed by hand", pytrace=False
        )
    if value != "1":
        pytest.fail(
            f"TFFIX_UPDATE_GOLDEN={value!r}: set it to 1 to rewrite the golden files, or unset it", pytrace=False
        )
    return True


@pytest.fixture()
def update_golden() -> bool:
    return golden_update_requested()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Result and table caches in a folder of this test session, never the user's."""
    import os

    os.environ["TFFIX_CACHE_DIR"] = str(tmp_path_factory.mktemp("tffix-cache"))


CORPUS_SETS = ("dev", "dev-unformatted", "rough")


def corpus_files(name: str) -> list[Path]:
    """Every source file of a corpus set (not the .fmt expected outputs);
    none without the corpus, whose tests are marked ``corpus``."""
    if not CORPUS.is_dir():
        return []
    base = CORPUS / name
    assert base.is_dir(), f"corpus set {name!r} missing in {CORPUS}"
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix != ".fmt")


@functools.cache
def rejected_by_terraform(name: str) -> dict[str, str]:
    """``relative path -> first error line`` for files `terraform fmt` rejects
    (none without the corpus)."""
    out: dict[str, str] = {}
    if not CORPUS.is_dir():
        return out
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
