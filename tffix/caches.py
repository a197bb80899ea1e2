"""Where tffix keeps its caches, and how an entry is written and read back.

Both caches (the parse table in ``syntax/table.py``, module results in
``engine/result_cache.py``) live under one folder and store JSON: loading an
entry runs no code, so a cache restored from another branch or fork can at
worst be wrong data, which each cache checks and then treats as a miss.

This module imports nothing from tffix, so the lowest layer (``syntax``) can
use it as well as the engine.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "read_json", "write_json"]


def cache_dir() -> Path | None:
    """``$TFFIX_CACHE_DIR``, else the platform's per-user cache folder:
    ``%LOCALAPPDATA%\\tffix\\Cache`` on Windows, ``~/Library/Caches/tffix``
    on macOS, ``$XDG_CACHE_HOME/tffix`` or ``~/.cache/tffix`` elsewhere.
    None when there is nowhere to put it (no home folder)."""
    override = os.environ.get("TFFIX_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "tffix" / "Cache" if base else None
    try:
        home = Path.home()
    except RuntimeError:
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "tffix"
    xdg = os.environ.get("XDG_CACHE_HOME")
    # the XDG spec says to ignore a relative path
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache") / "tffix"


def read_json(path: Path) -> Any:
    """The JSON value stored at ``path``, or None when the file is missing,
    unreadable or not JSON (every such case is a cache miss)."""
    try:
        with open(path, "rb") as f:
            return json.loads(f.read())
    except (OSError, ValueError, RecursionError):  # ValueError covers bad UTF-8 and bad JSON
        return None


def write_json(path: Path, data: Any) -> None:
    """Store ``data`` at ``path`` atomically, or not at all: a cache that
    cannot be written (read-only, full disk) only costs speed."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            json.dump(data, f, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
