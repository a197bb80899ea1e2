"""Unified diffs as git prints them (``a/`` and ``b/`` paths)."""

from __future__ import annotations

import difflib

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n" + _NO_NEWLINE  # marked the way diff and git mark it
    return lines


def unified_diff(path: str, before: str, after: str) -> str:
    """The diff from ``before`` to ``after`` for ``path``; empty if equal."""
    name = path.lstrip("/")  # an absolute path still reads a/tmp/x.tf, as with git
    return "".join(difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}"))
