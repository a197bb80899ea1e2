"""The result cache: a module's run, stored as JSON under a key made of
everything the run is given.

The key covers the module's texts and the names beside them, the settings
(rule selection and options, from flags and config files), check or fix, and
tffix itself (its code, its grammar, the Python running it). What a run reads
beyond that (today's date for ``exp:`` suppressions, files on disk such as
auto-loaded ``.tfvars``) is recorded in the run's ``Inputs`` and stored with
it; an entry is used only while every recorded answer is still the same.
Suppressions cannot simply be applied after the cache instead: under ``tffix
apply`` they decide which fixes run, so the fixed texts depend on them too.

Each entry is one file, ``results/<key[:2]>/<key>.json``, holding a format
number, its own key and the run. Anything else found there (unreadable, not
JSON, another format, another key, data of the wrong shape, a run that does
not fit the module) is a miss, and the entry is overwritten with a fresh one.
A cache folder restored from another branch or fork is data, never code.

The folder is bounded (``TFFIX_CACHE_MAX_MB``, 64 MiB by default; a corpus
run writes about 23 MB): after a run that stored entries, the least recently
used ones go until the folder is back under four fifths of the bound. A hit
touches its entry, so its modification time says when it was last used.
`tffix cache clean` empties the folder.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..caches import cache_dir, read_json, write_json
from ..rule import RuleSource
from .discover import ModuleSource
from .run import ModuleRun
from .run_data import BadData, run_from_data, run_to_data

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMAT",
    "code_hash",
    "entry_files",
    "entry_path",
    "key",
    "load",
    "max_bytes",
    "prune",
    "store",
]

FORMAT = 3  # bump when the entry's shape or meaning changes


@lru_cache(maxsize=1)
def code_hash() -> str:
    """tffix's own code and grammar, and the Python running them: a changed
    rule must not reuse old results."""
    from ..syntax.lalr import grammar_text

    digest = hashlib.sha256(__version__.encode())
    digest.update(sys.implementation.cache_tag.encode())
    digest.update(grammar_text().encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key(source: ModuleSource, settings: RuleSource, *, fix: bool) -> str:
    payload = {
        "code": code_hash(),
        "fix": fix,
        "settings": settings.ruleset().cache_key(),
        "directory": str(source.directory),
        "texts": sorted((str(p), t) for p, t in source.texts.items()),
        "targets": sorted(map(str, source.targets)),
        "whole": source.whole,
        "existing": sorted(map(str, source.existing)),
        "unreadable": sorted(map(str, source.unreadable)),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def entry_path(entry_key: str) -> Path | None:
    """Where the entry for ``entry_key`` lives (None: no cache folder)."""
    folder = cache_dir()
    return folder / "results" / entry_key[:2] / f"{entry_key}.json" if folder is not None else None


def load(entry_key: str, source: ModuleSource, today: datetime.date) -> ModuleRun | None:
    """The stored run for ``entry_key`` when there is a sound one for today."""
    path = entry_path(entry_key)
    entry = read_json(path) if path is not None else None
    if type(entry) is not dict or entry.get("format") != FORMAT or entry.get("key") != entry_key:
        return None
    try:
        run = run_from_data(entry.get("run"))
    except BadData:
        return None
    if not _fits(run, source) or not run.inputs.hold(today):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # type: ignore[arg-type]  # used now: the last to be evicted
    return run


def store(entry_key: str, run: ModuleRun) -> None:
    path = entry_path(entry_key)
    if path is not None:
        write_json(path, {"format": FORMAT, "key": entry_key, "run": run_to_data(run)})


def _fits(run: ModuleRun, source: ModuleSource) -> bool:
    """Whether ``run`` could be this module's: well-formed data of the right
    shape can still be a forged or mixed-up entry, and must neither make a
    report fail nor let ``tffix apply`` write outside the module."""
    if run.directory != source.directory or run.original != source.texts:
        return False
    new = set(run.texts) - set(source.texts)
    if any(path.parent != source.directory or path in source.existing for path in new):
        return False
    for diag in run.remaining:
        text = run.texts.get(diag.path)
        if text is None or not 0 <= diag.offsets[0] <= diag.offsets[1] <= len(text):
            return False
        edits = diag.fix.edits if diag.fix is not None else ()
        if any(not 0 <= e.start <= e.end <= len(run.texts.get(e.path, "")) for e in edits):
            return False
    return all(0 <= i < len(run.remaining) for i in run.fixable)


#: the bound on the results folder when ``TFFIX_CACHE_MAX_MB`` does not set one
DEFAULT_MAX_BYTES = 64 * 2**20


def max_bytes() -> int:
    """``TFFIX_CACHE_MAX_MB`` in bytes (a number, fractions allowed), else
    ``DEFAULT_MAX_BYTES``; a value that is no positive number is ignored."""
    raw = os.environ.get("TFFIX_CACHE_MAX_MB", "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_MAX_BYTES
    return int(value * 2**20) if value > 0 else DEFAULT_MAX_BYTES


def entry_files() -> list[tuple[float, int, Path]]:
    """(modification time, size, path) of every stored entry."""
    folder = cache_dir()
    if folder is None:
        return []
    out = []
    try:
        shards = list(os.scandir(folder / "results"))
    except OSError:
        return []
    for shard in shards:
        if not shard.is_dir(follow_symlinks=False):
            continue
        with contextlib.suppress(OSError):
            for entry in os.scandir(shard.path):
                if entry.name.endswith(".json") and entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    out.append((st.st_mtime, st.st_size, Path(entry.path)))
    return out


def prune(limit: int | None = None) -> int:
    """Remove the least recently used entries while the results take more
    than ``limit`` bytes (default ``max_bytes()``), down to four fifths of
    it, so that the next runs do not prune again at once. Returns the
    number of entries removed."""
    limit = max_bytes() if limit is None else limit
    entries = entry_files()
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return 0
    removed = 0
    for _, size, path in sorted(entries, key=lambda e: e[0]):
        if total <= limit * 4 // 5:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            total -= size
            removed += 1
    return removed
