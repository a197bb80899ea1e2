"""``tffix fmt``: a drop-in for ``terraform fmt``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..files import FMT_SUFFIXES, iter_fmt_files, read_error, read_source, read_stdin, unsupported_file
from ..fmt import SelfCheckError, format_source
from ..syntax import ParseError
from ..writeback import Change, write_unit
from .diff import unified_diff
from .report import EXIT_CODES_HELP, Report

__all__ = ["fmt"]


@click.command("fmt", epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when any file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of each change.")
@click.option("--list/--no-list", "list_files", default=True, help="List the files that change (not with stdin).")
@click.option("--write/--no-write", default=True, help="Write changes back (never with --check or stdin).")
@click.option("--recursive", "-r", is_flag=True, help="Also format files in subdirectories.")
def fmt(paths: tuple[str, ...], check: bool, show_diff: bool, list_files: bool, write: bool, recursive: bool) -> None:
    """Rewrite Terraform files (.tf, .tfvars, .tftest.hcl, .tfmock.hcl,
    .tfquery.hcl) in the canonical format, exactly as `terraform fmt` does.

    PATHS are files or directories (default: the current directory); `-`
    reads standard input and writes the result to standard output. In
    folders, JSON files, hidden files and hidden directories (such as
    .terraform/) are skipped; a named file of another kind is an error.
    """
    report = Report(check_only=check)

    def unlisted(folder: Path, error: OSError) -> None:
        report.failure(read_error(folder, error))

    for raw in paths or (".",):
        if raw == "-":
            _format_stdin(report, check=check, show_diff=show_diff)
        elif not Path(raw).exists() and not Path(raw).is_symlink():  # a broken symlink is reported when read
            report.failure(f"{raw}: no such file or directory")
        else:
            for path in iter_fmt_files([raw], recursive=recursive, on_error=unlisted):
                _format_file(report, path, check=check, show_diff=show_diff, list_files=list_files, write=write)
    sys.exit(report.exit_code)


def _format_text(report: Report, text: str, name: str) -> str | None:
    try:
        return format_source(text, filename=name)
    except ParseError as e:
        report.failure(str(e))
    except SelfCheckError as e:
        report.failure(f"internal error: {e}; nothing was written. Please report this.")
    return None


def _format_stdin(report: Report, *, check: bool, show_diff: bool) -> None:
    try:
        text = read_stdin()
    except (OSError, UnicodeDecodeError) as e:
        report.failure(read_error("<stdin>", e))
        return
    result = _format_text(report, text, "<stdin>")
    if result is None:
        return
    if result != text:
        report.file_changed("<stdin>", listed=False)
    else:
        report.file_unchanged()
    if show_diff:
        report.emit(unified_diff("<stdin>", text, result))
    elif not check:
        # as `terraform fmt -` does: what it prints ends a line (the check
        # and the diff still compare without that line break)
        report.emit(result if result.endswith("\n") else result + "\n")


def _format_file(report: Report, path: Path, *, check: bool, show_diff: bool, list_files: bool, write: bool) -> None:
    refusal = unsupported_file(path, FMT_SUFFIXES, "formatted")
    if refusal:
        report.failure(refusal)
        return
    try:
        text = read_source(path)
    except (OSError, UnicodeDecodeError) as e:
        report.failure(read_error(path, e))
        return
    result = _format_text(report, text, str(path))
    if result is None:
        return
    if result == text:
        report.file_unchanged()
        return
    report.file_changed(str(path), listed=list_files)
    if show_diff:
        report.emit(unified_diff(str(path), text, result))
    if write and not check:  # each file is a unit of its own: one that cannot be written stops only itself
        for failed, reason in write_unit([Change(path, result, text)]).items():
            report.failure(f"{failed}: not written: {reason}")
