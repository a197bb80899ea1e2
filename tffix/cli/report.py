"""One object owns what a run prints and the exit code it ends with."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

import click

__all__ = ["Report", "EXIT_OK", "EXIT_CHANGES", "EXIT_ERROR", "EXIT_CODES_HELP"]

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
