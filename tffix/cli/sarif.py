"""Findings as a SARIF 2.1.0 log (``--format sarif``).

Choices this module makes (the README's "Output formats" repeats them):

- Columns are UTF-16 code units, SARIF's default ``columnKind``, which the
  log also states (``run.columnKind``): a character outside the Basic
  Multilingual Plane counts two. Lines are separated by ``\\n`` or ``\\r\\n``
  (SARIF's default ``newlineSequences``); a UTF-8 byte order mark is not part
  of line 1.
- Paths below the current directory are relative URIs with the base
  ``%SRCROOT%`` (given in ``originalUriBaseIds``); others are absolute
  ``file:`` URIs.
- Every rule is described in ``tool.driver.rules`` (id = code, name,
  summary, the "What it does" section, the full docs as help, the default
  level, the strongest fix it offers).
- Each fix of a finding is a SARIF ``fix``: one ``artifactChange`` per file,
  its ``replacements`` giving the region to delete and the text to insert
  (an insertion has an empty region). Applied alone, they give exactly
  what ``tffix apply`` writes for that fix: new text in the file's line
  break style, and when formatting the touched lines changes more than the
  edits, the changed lines replaced whole. A fix that creates a file is an
  insertion at line 1, column 1 of the new file, marked
  ``properties.create``. ``properties.applicability`` is safe, unsafe or
  display-only; ``result.properties.fixable`` says whether ``tffix apply``
  with the options of this run applies it.
- Files that could not be read or parsed and internal errors are not results
  (no rule found them): they are ``toolExecutionNotifications`` of the
  invocation (descriptor ``tffix/parse-error`` with the error's location,
  or ``tffix/error``), and ``executionSuccessful`` is false.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..rules.base import Diagnostic, Edit, Fix, Rule, Severity
from ..syntax.errors import ParseError
from ..text.lines import UTF16, Lines
from .render import masked_data

__all__ = ["SCHEMA_URI", "SarifLog", "utf16_position"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

NOTIFICATIONS = (
    ("tffix/parse-error", "parse-error", "A file is not valid HCL native syntax; no rule checked it."),
    ("tffix/error", "error", "A file could not be read or written, or tffix failed internally."),
)


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> Lines:
    return Lines(text)  # findings come file by file: keep the last few texts' line starts


def utf16_position(text: str, offset: int) -> tuple[int, int]:
    """1-based SARIF line and column (UTF-16 code units) of ``offset``."""
    return _lines(text).location(offset, UTF16)


def _region(text: str, start: int, end: int) -> dict[str, int]:
    start_line, start_column = utf16_position(text, start)
    end_line, end_column = utf16_position(text, end)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def _replacement(text: str, start: int, end: int, inserted: str) -> dict[str, Any]:
    replacement: dict[str, Any] = {"deletedRegion": _region(text, start, end)}
    if inserted:
        replacement["insertedContent"] = {"text": inserted}
    return replacement


def _replacements(text: str, edits: list[Edit]) -> list[dict[str, Any]]:
    """SARIF replacements for edits on ``text`` (``written_edits``: what
    ``tffix apply`` writes)."""
    return [_replacement(text, e.start, e.end, e.text) for e in edits]


def _section(docs: str, heading: str) -> str:
    """The text of a ``## heading`` section of a rule's docs."""
    marker = f"## {heading}\n"
    if marker not in docs:
        return ""
    body = docs.split(marker, 1)[1]
    return body.split("\n## ", 1)[0].strip()


def _rule_descriptor(cls: type[Rule]) -> dict[str, Any]:
    docs = cls.docs()
    help_text = docs.split("\n", 1)[1].strip() if "\n" in docs else docs
    summary = cls.summary()
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _section(docs, "What it does") or summary},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[cls.severity]},
        "properties": {
            "fix": cls.fixable.value if cls.fixable else "none",
            "tags": ["terraform"],
        },
    }


class SarifLog:
    """Collects findings and failures of one run; ``document()`` is the log."""

    def __init__(self, cwd: Path | None = None) -> None:
        from ..rules.registry import rule_classes

        self.cwd = Path(os.path.abspath(cwd or Path.cwd()))
        self.rules: list[type[Rule]] = list(rule_classes())
        self.index = {cls.code: i for i, cls in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def know(self, classes: Sequence[type[Rule]]) -> None:
        """Add the rules among ``classes`` not described yet (a plugin's)."""
        for cls in classes:
            if cls.code not in self.index:
                self.index[cls.code] = len(self.rules)
                self.rules.append(cls)

    # -- locations ------------------------------------------------------------

    def location(self, path: Path | str) -> dict[str, Any]:
        """An ``artifactLocation``: relative to %SRCROOT% when below it."""
        full = Path(os.path.normpath(self.cwd / Path(path)))
        try:
            relative = full.relative_to(self.cwd)
        except ValueError:
            return {"uri": full.as_uri()}
        return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}

    # -- what the report feeds in -------------------------------------------

    def finding(self, diag: Diagnostic, texts: Mapping[Path, str], *, fixable: bool) -> None:
        text = texts.get(diag.path)
        if text is not None:
            region = _region(text, *diag.offsets)
        else:  # not expected: fall back on the character columns
            region = {
                "startLine": diag.start[0],
                "startColumn": diag.start[1],
                "endLine": diag.end[0],
                "endColumn": diag.end[1],
            }
        result: dict[str, Any] = {
            "ruleId": diag.code,
            "level": LEVELS[diag.severity],
            "message": {"text": diag.message},
            "locations": [{"physicalLocation": {"artifactLocation": self.location(diag.path), "region": region}}],
            "properties": {"name": diag.name, "fixable": fixable},
        }
        if diag.code in self.index:
            result["ruleIndex"] = self.index[diag.code]
        fix = self._fix(diag.fix, texts) if diag.fix is not None else None
        if fix is not None:
            result["fixes"] = [fix]
        self.results.append(result)

    def _fix(self, fix: Fix, texts: Mapping[Path, str]) -> dict[str, Any] | None:
        from ..engine.edits import edits_by_path, written_edits

        if any(not edit.create and edit.path not in texts for edit in fix.edits):
            return None  # a file this run did not read: no honest regions
        by_path = edits_by_path(written_edits(texts, fix.edits))
        if not by_path:
            return None
        changes = []
        for path, edits in by_path.items():
            change: dict[str, Any] = {
                "artifactLocation": self.location(path),
                "replacements": _replacements(texts.get(path, ""), edits),
            }
            if any(edit.create for edit in edits):
                change["properties"] = {"create": True}
            changes.append(change)
        return {
            "description": {"text": fix.message},
            "artifactChanges": changes,
            "properties": {"applicability": fix.applicability.value},
        }

    def failure(self, message: str, error: ParseError | None = None, text: str | None = None) -> None:
        notification: dict[str, Any] = {"level": "error", "message": {"text": message}}
        if error is not None:
            notification["descriptor"] = {"id": NOTIFICATIONS[0][0], "index": 0}
            if error.path:
                line, column = utf16_position(text, error.offset) if text is not None else (error.line, error.column)
                notification["locations"] = [
                    {
                        "physicalLocation": {
                            "artifactLocation": self.location(error.path),
                            "region": {"startLine": line, "startColumn": column},
                        }
                    }
                ]
        else:
            notification["descriptor"] = {"id": NOTIFICATIONS[1][0], "index": 1}
        self.notifications.append(notification)

    # -- the log ----------------------------------------------------------------

    def withhold_fixes(self, secrets: Iterable[str]) -> None:
        """Drop the fixes whose replacement text would show a secret (a
        neighbour's fix that realigns the secret's line): a fix is never
        worth echoing one, and a masked fix would be a wrong one."""
        hidden = tuple(secrets)
        for result in self.results:
            fixes = result.get("fixes")
            if fixes is not None and masked_data(fixes, hidden) != fixes:
                del result["fixes"]
                result["properties"]["fixWithheld"] = "its text would show a secret"

    def document(self, *, exit_code: int, summary: dict[str, int]) -> dict[str, Any]:
        invocation: dict[str, Any] = {"executionSuccessful": not self.notifications, "exitCode": exit_code}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        driver = {
            "name": "tffix",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_rule_descriptor(cls) for cls in self.rules],
            "notifications": [
                {
                    "id": id_,
                    "name": name,
                    "shortDescription": {"text": text},
                    "defaultConfiguration": {"level": "error"},
                }
                for id_, name, text in NOTIFICATIONS
            ],
        }
        return {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": driver},
                    "invocations": [invocation],
                    "originalUriBaseIds": {SRCROOT: {"uri": self.cwd.as_uri().rstrip("/") + "/"}},
                    "columnKind": "utf16CodeUnits",
                    "results": self.results,
                    "properties": {"summary": summary},
                }
            ],
        }
