"""One object owns what a run prints and the exit code it ends with."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import click

from ..diagnostics import mask
from ..files import FileError
from ..rules.base import Diagnostic, Severity
from ..syntax.errors import ParseError
from .render import (
    diagnostic_json,
    github_annotation,
    github_path,
    masked_data,
    render_github,
    render_text,
    withhold_edits,
)

__all__ = [
    "EXIT_CHANGES",
    "EXIT_CODES_HELP",
    "EXIT_ERROR",
    "EXIT_OK",
    "LINT_EXIT_CODES_HELP",
    "OUTPUT_FORMATS",
    "TEXT_FORMATS",
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
OUTPUT_FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "checkstyle")

#: formats printed as one document at the end, from the findings' JSON form
DOCUMENT_FORMATS = ("json", "junit", "checkstyle")

#: formats a person reads, which leave standard output to a fixed stdin buffer
TEXT_FORMATS = ("text", "concise", "github")

LINT_EXIT_CODES_HELP = """\b
Exit codes:
  0  no findings left (everything clean, or all fixed; info findings never fail)
     or --exit-zero
  1  error or warning findings remain (see --minimum-failure-severity), a dry
     run would change files, or --exit-non-zero-on-fix and a fix was applied
  2  a file could not be read or parsed, bad option or config, or internal error
  130  interrupted (Ctrl-C)"""


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
    #: ``tffix check --fix``: fixes were applied, and the summary reads as check's
    check_fix: bool = False
    colour: str = "auto"  # --color: auto, always or never
    statistics: bool = False
    show_fixes: bool = False
    quiet: bool = False
    exit_zero: bool = False
    exit_non_zero_on_fix: bool = False
    #: findings of this severity or a worse one fail the run
    minimum_failure_severity: Severity = Severity.WARNING
    out: TextIO = field(default_factory=lambda: sys.stdout)
    #: where dry-run diffs go: standard output even in stdin mode (``out`` is
    #: then stderr), or the --output-file
    diff_out: TextIO | None = None
    findings: int = 0
    #: findings of error or warning severity: only these fail the run
    failing: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    #: findings whose fix would edit a file that was not named (so not applied)
    needs_unnamed: int = 0
    #: findings earlier fixes of the run made appear, whose unsafe fixes were held back
    held_back: int = 0
    fixes_applied: int = 0
    files_fixed: int = 0
    files_would_change: int = 0
    failed: int = 0
    documents: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, str]] = field(default_factory=list)
    #: what could not be read, parsed, written or configured, for JSON output
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: the secrets findings are about (``Diagnostic.secrets``): masked in
    #: every snippet, message, fix and diff this report prints
    secrets: set[str] = field(default_factory=set)
    #: (code, name) -> [count, fixable count] of the findings reported
    per_rule: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    #: the fixes applied (or, in a dry run, that would be)
    applied: list[Diagnostic] = field(default_factory=list)
    _sarif: Any = field(default=None, repr=False)
    _colour: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.output_format == "sarif":
            from .sarif import SarifLog

            self._sarif = SarifLog()

    def know_rules(self, classes: Sequence[type[Any]]) -> None:
        """Rules beyond the built-in ones (a plugin's) that findings may come
        from: the SARIF log describes them as it does tffix's own."""
        if self._sarif is not None:
            self._sarif.know(classes)

    def hide(self, diagnostics: Iterable[Diagnostic], secrets: Iterable[str] = ()) -> None:
        """Mask these findings' secrets (and ``secrets``: those of findings a
        run's later passes no longer showed) in everything printed from now
        on (called with a module's findings before its diffs and findings)."""
        self.secrets.update(secrets)
        for diag in diagnostics:
            self.secrets.update(diag.secrets)

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
        self.failing += _RANK[diag.severity] >= _RANK[self.minimum_failure_severity]
        self.fixable += fixable
        self.unsafe_fixable += unsafe_fixable
        self.needs_unnamed += needs_unnamed
        counts = self.per_rule.setdefault((diag.code, diag.name), [0, 0])
        counts[0] += 1
        counts[1] += fixable
        if self.statistics and self.output_format in ("text", "concise", "json"):
            return  # counted, and printed as a table at the end
        self.secrets.update(diag.secrets)
        secrets = self.secrets
        if self.output_format in DOCUMENT_FORMATS:
            self.documents.append(diagnostic_json(diag, fixable=fixable, secrets=secrets, texts=texts))
        elif self.output_format == "sarif":
            self._sarif.finding(diag, texts, fixable=fixable)
        elif self.output_format == "github":
            click.echo(render_github(diag, fixable=fixable, secrets=secrets), file=self.out, nl=False)
        else:
            text = None if self.output_format == "concise" else texts.get(diag.path)
            if self._colour_writer() is not None:
                self._colour.finding(diag, text, fixable=fixable, secrets=secrets)
            else:
                click.echo(render_text(diag, text, fixable=fixable, secrets=secrets), file=self.out, nl=False)
            if self.show_fixes and diag.fix is not None:
                how = "" if fixable else f" ({diag.fix.applicability.value}; not applied with these options)"
                click.echo(f"  fix: {mask(diag.fix.message, secrets)}{how}", file=self.out)

    def _colour_writer(self) -> Any:
        if self._colour is None:
            from .style import ColourWriter, colour_enabled

            on = {"always": True, "never": False}.get(self.colour)
            if on is None:
                on = colour_enabled(self.out)
            self._colour = ColourWriter(self.out) if on else False
        return self._colour or None

    def failure(self, problem: str | FileError, error: ParseError | None = None, text: str | None = None) -> None:
        """A file that could not be read, parsed or written, a bad config
        file, or an internal error; ``error`` and ``text`` locate a parse
        error, a ``FileError`` names its file (and place)."""
        self.failed += 1
        message = str(problem)
        self.errors.append(_error_json(problem, error))
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

    def fixed(self, files: int, fixes: Sequence[Diagnostic]) -> None:
        self.files_fixed += files
        self.fixes_applied += len(fixes)
        self.applied.extend(fixes)

    def stdin_fixed(self, path: str, diff: str, text: str) -> None:
        """The fixed buffer of standard input, when the output is a document
        that owns standard output: JSON carries it (and its diff); a SARIF
        log has no place for it, and its results are what is left."""
        if self.output_format == "json":
            # the fixed buffer is the file itself: only its diff is masked
            self.changes.append({"path": path, "diff": mask(diff, self.secrets), "text": text})

    def would_change(self, path: str, diff: str) -> None:
        self.files_would_change += 1
        diff = mask(diff, self.secrets)
        if self.output_format == "json":
            self.changes.append({"path": path, "diff": diff})
        elif self.output_format not in ("sarif", "junit", "checkstyle"):  # the log's fixes carry the edits
            click.echo(diff, file=self.diff_out or sys.stdout, nl=False)

    def finish(self, *, applying: bool) -> None:
        if self.output_format == "json":
            document: dict[str, Any] = {
                "findings": masked_data([withhold_edits(d, self.secrets) for d in self.documents], self.secrets),
                "changes": self.changes,
                "errors": self.errors,
                "summary": self._summary_json(),
            }
            if self.statistics:
                document["statistics"] = self._statistics_json()
            click.echo(json.dumps(document, indent=2), file=self.out)
            return
        if self.output_format in ("junit", "checkstyle"):
            self.documents = masked_data(self.documents, self.secrets)
            from .xml_reports import checkstyle_report, junit_report

            write = junit_report if self.output_format == "junit" else checkstyle_report
            click.echo(write(self.documents, self.errors), file=self.out, nl=False)
            return
        if self.output_format == "sarif":
            self._sarif.withhold_fixes(self.secrets)
            document = masked_data(
                self._sarif.document(exit_code=self.exit_code, summary=self._summary_json()), self.secrets
            )
            click.echo(json.dumps(document, indent=2), file=self.out)
            return
        if self.statistics and self.output_format != "github":
            for line in self._statistics_lines():
                click.echo(line, file=self.out)
        if self.show_fixes and applying:
            for line in self._fixes_lines():
                click.echo(line, file=self.out)
        if not self.quiet:
            for line in self._summary_lines(applying):
                click.echo(line, file=self.out)

    def _statistics_rows(self) -> list[tuple[int, str, str, bool]]:
        """(count, code, name, any fixable), most frequent first, as ruff orders them."""
        rows = [(n, code, name, fixable > 0) for (code, name), (n, fixable) in self.per_rule.items()]
        return sorted(rows, key=lambda row: (-row[0], row[1]))

    def _statistics_lines(self) -> list[str]:
        """ruff's layout: count, code and name in tab-separated columns, the
        count right-aligned, ``[*]`` before the rules with fixable findings."""
        rows = self._statistics_rows()
        if not rows:
            return []
        width = max(len(str(n)) for n, *_ in rows)
        code_width = max(len(code) for _, code, _, _ in rows)
        any_fixable = any(fixable for *_, fixable in rows)
        lines = []
        for n, code, name, fixable in rows:
            mark = ("[*] " if fixable else "    ") if any_fixable else ""
            lines.append(f"{n:>{width}}\t{code:<{code_width}}\t{mark}{name}")
        if any_fixable:
            lines.append(f"[*] fixable with `{self._fix_command()}`")
        return lines

    def _statistics_json(self) -> list[dict[str, Any]]:
        return [
            {"code": code, "name": name, "count": n, "fixable": fixable}
            for n, code, name, fixable in self._statistics_rows()
        ]

    def _fixes_lines(self) -> list[str]:
        """ruff's --show-fixes list: per file, how many of each rule were fixed."""
        if not self.applied:
            return ["No fixes would be applied." if self.dry_run else "No fixes applied."]
        per_file: dict[str, Counter[tuple[str, str]]] = {}
        for diag in self.applied:
            per_file.setdefault(str(diag.path), Counter())[diag.code, diag.name] += 1
        verb = "Would fix" if self.dry_run else "Fixed"
        lines = [f"{verb} {_count(len(self.applied), 'finding')}:"]
        for path in sorted(per_file):
            lines.append(f"- {path}:")
            for (code, name), n in sorted(per_file[path].items()):
                lines.append(f"    {n} × {code} ({name})")
        return lines

    def _fix_command(self) -> str:
        return "tffix check --fix" if self.check_fix else "tffix apply"

    def _summary_json(self) -> dict[str, int]:
        return {
            "findings": self.findings,
            "fixable": self.fixable,
            "fixes_applied": self.fixes_applied,
            "files_fixed": self.files_fixed,
            "files_would_change": self.files_would_change,
            "fixes_needing_unnamed_files": self.needs_unnamed,
            "unsafe_fixes_held_back": self.held_back,
            "errors": self.failed,
        }

    def _summary_lines(self, applying: bool) -> list[str]:
        """The counts, and the errors on a line of their own. With errors and
        nothing else to count, no "Found 0 findings.": what could not be read
        was not checked, so the count would mislead."""
        lines = []
        if not self.failed or self.findings or self.fixes_applied or self.files_would_change:
            lines.append(self._summary_line(applying))
        if self.failed:
            what = "it concerns was" if self.failed == 1 else "they concern was"
            done = "fixed" if applying else "checked"
            lines.append(f"{_count(self.failed, 'error')} (reported above): what {what} not {done}.")
        return lines

    def _summary_line(self, applying: bool) -> str:
        if self.check_fix and self.fixes_applied:
            total = self.findings + self.fixes_applied
            return f"Found {_count(total, 'finding')} ({self.fixes_applied} fixed, {self.findings} remaining)."
        if applying and not self.check_fix:
            files, verb = (self.files_would_change, "would be fixed") if self.dry_run else (self.files_fixed, "fixed")
            fixes = _count(self.fixes_applied, "fix", "fixes")
            line = f"{_count(files, 'file')} {verb} ({fixes}), {_count(self.findings, 'finding')} left"
            if self.needs_unnamed:
                held = _count(self.needs_unnamed, "fix", "fixes")
                line += f"; {held} not applied: {'it edits' if self.needs_unnamed == 1 else 'they edit'} files that were not named"
            if self.held_back:
                held = _count(self.held_back, "unsafe fix", "unsafe fixes")
                line += f"; {held} held back: other fixes made {'its finding' if self.held_back == 1 else 'their findings'} appear (run again to apply)"
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
        if self.exit_zero:
            return EXIT_OK
        if self.failing or (self.dry_run and self.files_would_change):
            return EXIT_CHANGES
        if self.exit_non_zero_on_fix and self.fixes_applied:
            return EXIT_CHANGES
        return EXIT_OK


def _error_json(problem: str | FileError, error: ParseError | None) -> dict[str, Any]:
    """``path``, ``line``, ``column`` (null where unknown) and ``message``."""
    if error is not None:
        detail = f"{error.summary}: {error.detail}" if error.detail else error.summary
        return {"path": error.path, "line": error.line, "column": error.column, "message": detail}
    if isinstance(problem, FileError):
        return {"path": problem.path, "line": problem.line, "column": problem.column, "message": problem.message}
    return {"path": None, "line": None, "column": None, "message": problem}


#: severities from the least to the worst
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
