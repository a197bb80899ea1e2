"""Running many modules: across processes, with a cache of results.

Modules are independent (each is one folder), so they run in a process pool
and the results come back in input order: the output is the same as a serial
run's. A result is cached under a key made of everything it depends on (the
module's files and the names beside them, the settings, fix or check, and
tffix's own code), so re-running over an unchanged tree reads results back
instead of parsing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..settings import Settings
from .discover import ModuleSource
from .run import ModuleRun, run_module

__all__ = ["Job", "cache_dir", "run_jobs", "run_source"]


@dataclass
class Job:
    source: ModuleSource
    settings: Settings
    fix: bool


def _work(job: Job) -> ModuleRun:
    return run_source(job.source, job.settings, fix=job.fix)


def run_source(source: ModuleSource, settings: Settings, *, fix: bool) -> ModuleRun:
    """Run the module; when only some of its files were named, fixes may
    edit only those and add no file."""
    return run_module(
        source.directory,
        source.texts,
        settings,
        fix=fix,
        targets=source.targets,
        writable=None if source.whole else source.targets,
        may_create=source.whole,
        existing=source.existing,
        unreadable=source.unreadable,
    )


def cache_dir() -> Path:
    """``$TFFIX_CACHE_DIR``, else the user's cache folder."""
    root = os.environ.get("TFFIX_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "tffix"
    )
    return Path(root) / "results"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """tffix's own source: a changed rule must not reuse old results."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(job: Job) -> str:
    s = job.source
    payload = {
        "code": _code_hash(),
        "fix": job.fix,
        "settings": asdict(job.settings),
        "directory": str(s.directory),
        "texts": sorted((str(p), t) for p, t in s.texts.items()),
        "targets": sorted(map(str, s.targets)),
        "whole": s.whole,
        "existing": sorted(map(str, s.existing)),
        "unreadable": sorted(map(str, s.unreadable)),
        "disk": _disk_state(s),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _disk_state(source: ModuleSource) -> list[object]:
    """What rules read from disk besides the .tf files: auto-loaded .tfvars
    (their text) and whether files exist in subfolders (a folder's mtime
    changes when entries come and go)."""
    state: list[object] = []
    for path in sorted(source.existing):
        try:
            if path.name == "terraform.tfvars" or path.name.endswith(".auto.tfvars"):
                state.append((str(path), path.read_bytes().hex()))
            elif path.is_dir():
                state.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            state.append((str(path), None))
    return state


def _cached(job: Job, use_cache: bool) -> tuple[str | None, ModuleRun | None]:
    if not use_cache:
        return None, None
    key = _key(job)
    try:
        with open(cache_dir() / key[:2] / key, "rb") as f:
            return key, pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing or unreadable entry is a miss
        return key, None


def _store(key: str, run: ModuleRun) -> None:
    folder = cache_dir() / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}"
        tmp.write_bytes(pickle.dumps(run))
        os.replace(tmp, folder / key)
    except OSError:
        pass  # a read-only cache only costs speed


def run_jobs(jobs: Sequence[Job], *, workers: int, use_cache: bool = True) -> Iterator[ModuleRun]:
    """Results in the order of ``jobs``."""
    keys: list[str | None] = []
    results: list[ModuleRun | None] = []
    for job in jobs:
        key, hit = _cached(job, use_cache)
        keys.append(key)
        results.append(hit)
    missing = [job for job, result in zip(jobs, results) if result is None]
    with contextlib.ExitStack() as stack:
        if workers > 1 and len(missing) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=min(workers, len(missing))))
            computed = pool.map(_work, missing, chunksize=max(1, len(missing) // (workers * 8)))
        else:
            computed = map(_work, missing)
        for i, key in enumerate(keys):
            if results[i] is None:
                results[i] = next(computed)
                if key:
                    _store(key, results[i])  # type: ignore[arg-type]
            yield results[i]  # type: ignore[misc]
