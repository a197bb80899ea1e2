"""One cache folder (`tffix/caches.py`) for the parse table and the results,
following each platform's rule."""

from __future__ import annotations

import ast
import os
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


# -- the bound and `tffix cache` (issue 19) --------------------------------------


def _entries(folder: Path, sizes: list[int]) -> list[Path]:
    """Fake entries, oldest first, one second apart."""
    out = []
    for i, size in enumerate(sizes):
        path = folder / "results" / f"{i:02x}" / f"{i:02x}{'0' * 62}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
        out.append(path)
    return out


def test_prune_evicts_the_least_recently_used_down_to_four_fifths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path))
    paths = _entries(tmp_path, [100] * 10)
    assert result_cache.prune(limit=1000) == 0  # at the bound: nothing goes
    os.utime(paths[0], (2_000_000, 2_000_000))  # the oldest was just used
    assert result_cache.prune(limit=900) == 3  # 1000 bytes > 900: down to 720
    assert [p.exists() for p in paths] == [True, False, False, False] + [True] * 6


def test_prune_reads_only_entries_and_may_empty_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path))
    paths = _entries(tmp_path, [100] * 3)
    (tmp_path / "results" / "stray.json").write_bytes(b"x" * 500)  # a file where shards are folders
    (tmp_path / "results" / "00" / "notes.txt").write_bytes(b"x" * 500)  # not an entry
    assert sorted(path for _, _, path in result_cache.entry_files()) == paths
    assert result_cache.prune(limit=1) == 3  # every entry goes, and the strays stay
    assert not any(p.exists() for p in paths)
    assert (tmp_path / "results" / "stray.json").exists() and (tmp_path / "results" / "00" / "notes.txt").exists()


def test_the_bound_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFFIX_CACHE_MAX_MB", "1.5")
    assert result_cache.max_bytes() == 3 * 2**19
    for bad in ("", "lots", "-1", "0"):
        monkeypatch.setenv("TFFIX_CACHE_MAX_MB", bad)
        assert result_cache.max_bytes() == result_cache.DEFAULT_MAX_BYTES


def test_a_run_prunes_the_cache_and_a_hit_survives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(cache))
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(f'locals {{\n  {name} = "{name * 2000}"\n}}\n')

    def check(name: str) -> set[Path]:
        assert run_cli("check", "--jobs", "1", str(tmp_path / name)).exit_code == 0
        return {path for _, _, path in result_cache.entry_files()}

    [a] = check("a")
    [b] = check("b") - {a}
    os.utime(a, (1_000_000, 1_000_000))  # long unused, older than b...
    os.utime(b, (1_500_000, 1_500_000))
    size = a.stat().st_size
    monkeypatch.setenv("TFFIX_CACHE_MAX_MB", str(2.9 * size / 2**20))  # room for two entries
    assert check("a") == {a, b}  # ...until this hit, which stores nothing
    assert a.stat().st_mtime > 1_500_000
    left = check("c")  # three entries are too many: the least recently used goes
    assert a in left and b not in left and len(left) == 2


def test_cache_clean_removes_what_tffix_stored_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(cache))
    (tmp_path / "main.tf").write_text("locals {\n  a = 1\n}\n")
    assert run_cli("check", str(tmp_path / "main.tf")).exit_code == 0
    (cache / "lalr-00000000.json").write_text("{}")  # this process built its table before the folder was set
    assert result_cache.entry_files()
    (cache / "someone-elses.txt").write_text("keep")
    result = run_cli("cache", "clean")
    assert result.exit_code == 0 and result.stdout.startswith("Removed 2 cache files (")
    assert sorted(p.name for p in cache.iterdir()) == ["someone-elses.txt"]
    assert run_cli("cache", "dir").stdout == f"{cache}\n"
    (cache / "someone-elses.txt").unlink()
    assert run_cli("cache", "clean").stdout == f"Removed 0 cache files (0.0 MiB) from {cache}\n"
    assert not cache.exists()
