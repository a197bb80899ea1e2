"""Unified diffs as git prints them (``a/`` and ``b/`` paths)."""

from __future__ import annotations

import difflib

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    # only \n ends a line (str.splitlines would also split at \x1c, \u2028...)
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n" + _NO_NEWLINE  # marked the way diff and git mark it
    return lines


def unified_diff(path: str, before: str, after: str, *, new_file: bool = False) -> str:
    """The diff from ``before`` to ``after`` for ``path``; empty if equal.
    ``new_file`` diffs from ``/dev/null``, as git shows an added file."""
    name = path.lstrip("/")  # an absolute path still reads a/tmp/x.tf, as with git
    source = "/dev/null" if new_file else f"a/{name}"
    return "".join(difflib.unified_diff(_lines(before), _lines(after), source, f"b/{name}"))
