"""Diagnostics as text (``path:line:col: CODE message`` and a snippet), as
JSON documents and as GitHub Actions workflow annotations."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..diagnostics import mask
from ..rules.base import Diagnostic, Severity
from ..text.lines import BOM, Lines

__all__ = [
    "diagnostic_json",
    "github_annotation",
    "github_path",
    "masked_data",
    "render_github",
    "render_text",
    "snippet",
    "withhold_edits",
]


def withhold_edits(finding: dict[str, Any], secrets: Iterable[str]) -> dict[str, Any]:
    """A finding's JSON with its fix's edits left out when their text would
    show a secret (masked, they would be wrong edits): ``edits`` is empty and
    ``edits_withheld`` true."""
    fix = finding.get("fix")
    hidden = tuple(secrets)
    if fix is None or not hidden or masked_data(fix["edits"], hidden) == fix["edits"]:
        return finding
    return {**finding, "fix": {**fix, "edits": [], "edits_withheld": True}}


def masked_data(data: Any, secrets: Iterable[str]) -> Any:
    """JSON-like ``data`` (dicts, lists, strings) with every secret masked in its strings."""
    hidden = tuple(secrets)
    if not hidden:
        return data
    if isinstance(data, str):
        return mask(data, hidden)
    if isinstance(data, dict):
        return {key: masked_data(value, hidden) for key, value in data.items()}
    if isinstance(data, list):
        return [masked_data(value, hidden) for value in data]
    return data


def snippet(diag: Diagnostic, text: str | None, secrets: Iterable[str] = ()) -> tuple[int, str, str] | None:
    """The line number, the source line and the carets under the range;
    ``secrets`` (and the finding's own) show as ``****``, the carets still
    under the range."""
    if text is None:
        return None
    lines = Lines.of(text)
    number = diag.start[0]
    if number > len(lines) or lines.start(number - 1) == len(text):
        return None  # no such line, or the empty one after the last line break
    # one column each: a tab as a space, a lone \r (which ends no line) too
    line = lines.content(number - 1).lstrip(BOM).replace("\t", " ").replace("\r", " ")
    start = diag.start[1] - 1
    stop = diag.end[1] - 1 if diag.end[0] == number else len(line)
    hidden = (*diag.secrets, *secrets)
    if hidden:
        # masked piece by piece, so the carets stay under the range
        before, inside, after = (mask(part, hidden) for part in (line[:start], line[start:stop], line[stop:]))
        if mask(before + inside + after, hidden) != before + inside + after:  # a secret across the range's edge
            return number, mask(line, hidden), " " * len(mask(line[:start], hidden)) + "^"
        line, start, stop = before + inside + after, len(before), len(before) + len(inside)
    return number, line, " " * start + "^" * max(1, stop - start)


def render_text(diag: Diagnostic, text: str | None, *, fixable: bool, secrets: Iterable[str] = ()) -> str:
    """One finding with the source line under it and carets below the range;
    ``secrets`` (and the finding's own) are masked."""
    mark = " [*]" if fixable else ""
    hidden = (*diag.secrets, *secrets)
    head = f"{diag.path}:{diag.start[0]}:{diag.start[1]}: {diag.code}{mark} {mask(diag.message, hidden)}"
    shown = snippet(diag, text, hidden)
    if shown is None:
        return head + "\n"
    number, line, caret = shown
    gutter = " " * len(str(number))
    return f"{head}\n{gutter} |\n{number} | {line}\n{gutter} | {caret}\n"


# -- GitHub Actions ---------------------------------------------------------

GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    # what @actions/core does (toCommandValue / escapeData)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_path(path: Path | str) -> str:
    """Paths below the current directory relative (GitHub wants them relative
    to the workspace, where a workflow runs tffix), others as they are."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(os.getcwd())
        except ValueError:
            pass
    return p.as_posix()


def github_annotation(level: str, message: str, **properties: object) -> str:
    """``::level k=v,...::message`` with GitHub's escaping; ``None`` values are left out."""
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level}{' ' + props if props else ''}::{_escape_data(message)}\n"


def render_github(diag: Diagnostic, *, fixable: bool, secrets: Iterable[str] = ()) -> str:
    """One finding as a workflow command; columns count characters, the end is exclusive."""
    message = mask(diag.message, (*diag.secrets, *secrets)) + (" (fixable with `tffix apply`)" if fixable else "")
    return github_annotation(
        GITHUB_LEVELS[diag.severity],
        message,
        file=github_path(diag.path),
        line=diag.start[0],
        col=diag.start[1],
        endLine=diag.end[0],
        endColumn=diag.end[1],
        title=f"{diag.code} {diag.name}",
    )


def diagnostic_json(
    diag: Diagnostic, *, fixable: bool, secrets: Iterable[str] = (), texts: Mapping[Path, str] | None = None
) -> dict[str, Any]:
    """A finding as JSON, its secrets (and ``secrets``) masked. Given the
    module's ``texts``, a fix's edits are what ``tffix apply`` writes
    (``written_edits``), as in SARIF and the language server; else the
    rule's own edits."""
    fix = diag.fix
    edits = list(fix.edits) if fix is not None else []
    if fix is not None and texts is not None and all(e.create or e.path in texts for e in fix.edits):
        from ..engine.edits import written_edits

        edits = written_edits(texts, fix.edits)
    data = {
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
                {"path": str(e.path), "start": e.start, "end": e.end, "text": e.text, "create": e.create} for e in edits
            ],
        },
    }
    hidden = (*diag.secrets, *secrets)
    return masked_data(withhold_edits(data, hidden), hidden)
