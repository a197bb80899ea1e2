"""One cache folder (`tffix/caches.py`) for the parse table and the results,
following each platform's rule."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from tffix import caches
from tffix.engine import result_cache


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No override, a home folder of the test's own."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("TFFIX_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    return home


def _no_home(cls: type[Path]) -> Path:
    raise RuntimeError("Could not determine home directory.")


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_the_override_wins_everywhere(home: Path, monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setenv("TFFIX_CACHE_DIR", "/somewhere/else")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    monkeypatch.setenv("LOCALAPPDATA", "/local")
    assert caches.cache_dir() == Path("/somewhere/else")


def test_linux_uses_xdg_cache_home_when_absolute(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert caches.cache_dir() == home / ".cache" / "tffix"
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert caches.cache_dir() == Path("/xdg/tffix")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: ignored
    assert caches.cache_dir() == home / ".cache" / "tffix"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert caches.cache_dir() == home / ".cache" / "tffix"


def test_macos_uses_library_caches(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")  # not a macOS convention
    assert caches.cache_dir() == home / "Library" / "Caches" / "tffix"


def test_windows_uses_local_app_data(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert caches.cache_dir() is None  # no LOCALAPPDATA: nowhere sensible, so no cache
    monkeypatch.setenv("LOCALAPPDATA", "/local")
    assert caches.cache_dir() == Path("/local/tffix/Cache")


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_no_home_means_no_cache(home: Path, monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "home", classmethod(_no_home))
    assert caches.cache_dir() is None


@pytest.mark.parametrize(
    ("platform", "folder"),
    [("linux", ".cache/tffix"), ("darwin", "Library/Caches/tffix"), ("win32", "AppData/Local/tffix/Cache")],
)
def test_results_live_in_the_platforms_cache_folder(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch, platform: str, folder: str
) -> None:
    """The result cache follows the same rule as the table cache."""
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    module = tmp_path / "module"
    module.mkdir()
    (module / "main.tf").write_text("locals {}\n")
    assert run_cli("check", "--jobs", "1", str(module)).exit_code == 0
    assert [p.parent.parent.parent.relative_to(home).as_posix() for p in home.rglob("results/*/*.json")] == [folder]
    assert result_cache.entry_path("ab" * 32) == home / folder / "results" / "ab" / f"{'ab' * 32}.json"


def test_no_cache_folder_still_runs(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Path, "home", classmethod(_no_home))
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "a" {\n  tags = {\n    Env = "prod"\n  }\n}\n')
    for _ in range(2):
        result = run_cli("check", "--jobs", "1", str(tmp_path))
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "TFX101" in result.output and result.exit_code == 1


def test_caches_imports_nothing_from_tffix() -> None:
    """``syntax`` (the lowest layer) and ``engine`` both use it."""
    tree = ast.parse((ROOT / "tffix" / "caches.py").read_text())
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert imported and not [name for name in imported if name.startswith("tffix") or not name or name == "."]
