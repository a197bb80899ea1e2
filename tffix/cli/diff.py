"""Unified diffs as git prints them (``a/`` and ``b/`` paths), or as
``terraform fmt -diff`` does (``old/`` and ``new/``)."""

from __future__ import annotations

import difflib

__all__ = ["GIT_LABELS", "TERRAFORM_LABELS", "unified_diff"]

#: the prefixes of the two file names in a diff's header
GIT_LABELS = ("a/", "b/")
TERRAFORM_LABELS = ("old/", "new/")

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


def unified_diff(
    path: str, before: str, after: str, *, new_file: bool = False, labels: tuple[str, str] = GIT_LABELS
) -> str:
    """The diff from ``before`` to ``after`` for ``path``; empty if equal.
    ``new_file`` diffs from ``/dev/null``, as git shows an added file.
    Either label style applies with ``git apply`` or ``patch -p1``."""
    name = path.lstrip("/")  # an absolute path still reads a/tmp/x.tf, as with git
    old, new = labels
    source = "/dev/null" if new_file else f"{old}{name}"
    return "".join(difflib.unified_diff(_lines(before), _lines(after), source, f"{new}{name}"))
