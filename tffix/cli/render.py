"""Diagnostics as text (``path:line:col: CODE message`` and a snippet) and
as JSON documents."""

from __future__ import annotations

from typing import Any

from ..rules.base import Diagnostic

__all__ = ["render_text", "diagnostic_json"]


def render_text(diag: Diagnostic, text: str | None, *, fixable: bool) -> str:
    """One finding with the source line under it and carets below the range."""
    mark = " [*]" if fixable else ""
    head = f"{diag.path}:{diag.start[0]}:{diag.start[1]}: {diag.code}{mark} {diag.message}"
    if text is None:
        return head + "\n"
    lines = text.splitlines()
    number = diag.start[0]
    if number > len(lines):
        return head + "\n"
    line = lines[number - 1].lstrip("\ufeff").replace("\t", " ")
    start = diag.start[1] - 1
    stop = diag.end[1] - 1 if diag.end[0] == number else len(line)
    gutter = " " * len(str(number))
    caret = " " * start + "^" * max(1, stop - start)
    return f"{head}\n{gutter} |\n{number} | {line}\n{gutter} | {caret}\n"


def diagnostic_json(diag: Diagnostic, *, fixable: bool) -> dict[str, Any]:
    fix = diag.fix
    return {
        "code": diag.code,
        "name": diag.name,
        "severity": diag.severity.value,
        "message": diag.message,
        "path": str(diag.path),
        "start": {"line": diag.start[0], "column": diag.start[1]},
        "end": {"line": diag.end[0], "column": diag.end[1]},
        "fixable": fixable,
        "fix": None
        if fix is None
        else {
            "message": fix.message,
            "applicability": fix.applicability.value,
            "edits": [
                {"path": str(e.path), "start": e.start, "end": e.end, "text": e.text, "create": e.create}
                for e in fix.edits
            ],
        },
    }
