"""tffix's findings, parse errors and text changes as LSP values."""

from __future__ import annotations

from lsprotocol import types as lsp

from ..diagnostics import mask
from ..rules.base import Diagnostic, Severity
from ..syntax.errors import ParseError
from ..text.diff import text_edits
from .positions import LineIndex

__all__ = ["SOURCE", "SYNTAX_ERROR_CODE", "lsp_diagnostic", "lsp_range", "lsp_text_edits", "syntax_diagnostic"]

SOURCE = "tffix"
#: the ``code`` of a parse error's diagnostic
SYNTAX_ERROR_CODE = "syntax-error"

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def lsp_range(index: LineIndex, start: int, end: int) -> lsp.Range:
    (sl, sc), (el, ec) = index.position(start), index.position(end)
    return lsp.Range(start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec))


def lsp_diagnostic(index: LineIndex, diag: Diagnostic, *, fixable: bool) -> lsp.Diagnostic:
    """``data`` carries the rule's name and what its fix would do, so a
    client can tell which findings have a quick-fix. The finding's secrets
    are masked in its message."""
    data: dict[str, object] = {"name": diag.name, "fixable": fixable}
    if diag.fix is not None:
        data["fix"] = {"message": mask(diag.fix.message, diag.secrets), "applicability": diag.fix.applicability.value}
    return lsp.Diagnostic(
        range=lsp_range(index, *diag.offsets),
        message=mask(diag.message, diag.secrets),
        severity=_SEVERITY[diag.severity],
        code=diag.code,
        source=SOURCE,
        data=data,
    )


def syntax_diagnostic(index: LineIndex, error: ParseError) -> lsp.Diagnostic:
    """A parse error as one diagnostic on the character where parsing
    stopped (empty at the end of a line or of the text)."""
    start = max(0, min(error.offset, len(index.text)))
    end = start + (start < len(index.text) and index.text[start] not in "\r\n")
    message = f"{error.summary}: {error.detail}" if error.detail else error.summary
    return lsp.Diagnostic(
        range=lsp_range(index, start, end),
        message=message,
        severity=lsp.DiagnosticSeverity.Error,
        code=SYNTAX_ERROR_CODE,
        source=SOURCE,
    )


def lsp_text_edits(old: str, new: str, encoding: str) -> list[lsp.TextEdit]:
    """Small edits turning ``old`` into ``new``, positioned in ``old``."""
    index = LineIndex(old, encoding)
    return [lsp.TextEdit(range=lsp_range(index, s, e), new_text=text) for s, e, text in text_edits(old, new)]
