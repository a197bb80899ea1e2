"""One object owns what a run prints and the exit code it ends with."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import click

from ..rules.base import Diagnostic, Severity
from ..syntax.errors import ParseError
from .render import diagnostic_json, github_annotation, github_path, render_github, render_text

__all__ = [
    "EXIT_CHANGES",
    "EXIT_CODES_HELP",
    "EXIT_ERROR",
    "EXIT_OK",
    "LINT_EXIT_CODES_HELP",
    "OUTPUT_FORMATS",
    "LintReport",
    "Report",
]

EXIT_OK = 0  # clean, or everything fixed
EXIT_CHANGES = 1  # findings remain, or --check / --diff found files to change
EXIT_ERROR = 2  # usage, parse or config error, or an internal error

EXIT_CODES_HELP = """\b
Exit codes:
  0  nothing to change, or all changes written
  1  --check or a dry run found files that would change
  2  a file could not be read or parsed, usage error, or internal error"""


@dataclass
class Report:
    """Counts per file outcome, prints messages, and decides the exit code.

    A failure in one file is recorded here and the run goes on."""

    check_only: bool = False
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    out: TextIO = field(default_factory=lambda: sys.stdout)

    def file_changed(self, path: str, *, listed: bool) -> None:
        self.changed += 1
        if listed:
            click.echo(path, file=self.out)

    def file_unchanged(self) -> None:
        self.unchanged += 1

    def failure(self, message: str) -> None:
        self.failed += 1
        click.echo(message, err=True)

    def emit(self, text: str) -> None:
        click.echo(text, file=self.out, nl=False)

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_ERROR
        if self.check_only and self.changed:
            return EXIT_CHANGES
        return EXIT_OK


#: ``--format`` of ``tffix check`` and ``tffix apply``
OUTPUT_FORMATS = ("text", "json", "sarif", "github")

LINT_EXIT_CODES_HELP = """\b
Exit codes:
  0  no findings left (everything clean, or all fixed; info findings never fail)
  1  error or warning findings remain, or a dry run would change files
  2  a file could not be read or parsed, bad option or config, or internal error"""


@dataclass
class LintReport:
    """Output and exit code of ``tffix check`` / ``tffix apply``.

    ``output_format`` is one of ``OUTPUT_FORMATS``: findings go to ``out`` as
    text (coloured on a terminal) or GitHub annotations as they come, or as
    one JSON or SARIF document at the end; in stdin mode (``out`` is then
    stderr) the fixed text owns stdout. Failures go to stderr (as
    ``::error`` annotations in the github format, and also into the SARIF
    log). A failure in one file is counted and the run goes on."""

    output_format: str = "text"
    dry_run: bool = False
    out: TextIO = field(default_factory=lambda: sys.stdout)
    findings: int = 0
    #: findings of error or warning severity: only these fail the run
    failing: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    #: findings whose fix would edit a file that was not named (so not applied)
    needs_unnamed: int = 0
    fixes_applied: int = 0
    files_fixed: int = 0
    files_would_change: int = 0
    failed: int = 0
    documents: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, str]] = field(default_factory=list)
    _sarif: Any = field(default=None, repr=False)
    _colour: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.output_format == "sarif":
            from .sarif import SarifLog

            self._sarif = SarifLog()

    def finding(
        self,
        diag: Diagnostic,
        texts: Mapping[Path, str],
        *,
        fixable: bool,
        unsafe_fixable: bool,
        needs_unnamed: bool = False,
    ) -> None:
        """``texts``: the text of every file of the module the finding's
        offsets (and its fix's) refer to."""
        self.findings += 1
        self.failing += diag.severity is not Severity.INFO
        self.fixable += fixable
        self.unsafe_fixable += unsafe_fixable
        self.needs_unnamed += needs_unnamed
        if self.output_format == "json":
            self.documents.append(diagnostic_json(diag, fixable=fixable))
        elif self.output_format == "sarif":
            self._sarif.finding(diag, texts, fixable=fixable)
        elif self.output_format == "github":
            click.echo(render_github(diag, fixable=fixable), file=self.out, nl=False)
        elif self._colour_writer() is not None:
            self._colour.finding(diag, texts.get(diag.path), fixable=fixable)
        else:
            click.echo(render_text(diag, texts.get(diag.path), fixable=fixable), file=self.out, nl=False)

    def _colour_writer(self) -> Any:
        if self._colour is None:
            from .style import ColourWriter, colour_enabled

            self._colour = ColourWriter(self.out) if colour_enabled(self.out) else False
        return self._colour or None

    def failure(self, message: str, error: ParseError | None = None, text: str | None = None) -> None:
        """A file that could not be read, parsed or written, or an internal
        error; ``error`` and ``text`` locate a parse error."""
        self.failed += 1
        if self.output_format == "github":
            if error is not None and error.path:
                props = {
                    "file": github_path(error.path),
                    "line": error.line,
                    "col": error.column,
                    "title": "tffix: parse error",
                }
                detail = f"{error.summary}: {error.detail}" if error.detail else error.summary
                click.echo(github_annotation("error", detail, **props), err=True, nl=False)
            else:
                click.echo(github_annotation("error", message, title="tffix"), err=True, nl=False)
            return
        click.echo(message, err=True)
        if self._sarif is not None:
            self._sarif.failure(message, error, text)

    def fixed(self, files: int, fixes: int) -> None:
        self.files_fixed += files
        self.fixes_applied += fixes

    def would_change(self, path: str, diff: str) -> None:
        self.files_would_change += 1
        if self.output_format == "json":
            self.changes.append({"path": path, "diff": diff})
        elif self.output_format != "sarif":  # the log's fixes carry the edits
            click.echo(diff, file=sys.stdout, nl=False)

    def finish(self, *, applying: bool) -> None:
        if self.output_format == "json":
            click.echo(
                json.dumps(
                    {"findings": self.documents, "changes": self.changes, "summary": self._summary_json()}, indent=2
                ),
                file=self.out,
            )
            return
        if self.output_format == "sarif":
            document = self._sarif.document(exit_code=self.exit_code, summary=self._summary_json())
            click.echo(json.dumps(document, indent=2), file=self.out)
            return
        click.echo(self._summary_line(applying), file=self.out)

    def _summary_json(self) -> dict[str, int]:
        return {
            "findings": self.findings,
            "fixable": self.fixable,
            "fixes_applied": self.fixes_applied,
            "files_fixed": self.files_fixed,
            "files_would_change": self.files_would_change,
            "fixes_needing_unnamed_files": self.needs_unnamed,
            "errors": self.failed,
        }

    def _summary_line(self, applying: bool) -> str:
        if applying:
            files, verb = (self.files_would_change, "would be fixed") if self.dry_run else (self.files_fixed, "fixed")
            fixes = _count(self.fixes_applied, "fix", "fixes")
            line = f"{_count(files, 'file')} {verb} ({fixes}), {_count(self.findings, 'finding')} left"
            if self.needs_unnamed:
                held = _count(self.needs_unnamed, "fix", "fixes")
                line += f"; {held} not applied: {'it edits' if self.needs_unnamed == 1 else 'they edit'} files that were not named"
            return line
        line = f"Found {_count(self.findings, 'finding')}"
        hints = []
        if self.fixable:
            hints.append(f"{self.fixable} fixable with `tffix apply`")
        if self.unsafe_fixable:
            hints.append(f"{self.unsafe_fixable} more with `--unsafe-fixes`")
        if self.needs_unnamed:
            hints.append(f"{self.needs_unnamed} more when their folder is named, as they edit other files")
        return line + (f" ({'; '.join(hints)})" if hints else "") + "."

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_ERROR
        if self.failing or (self.dry_run and self.files_would_change):
            return EXIT_CHANGES
        return EXIT_OK


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
