"""``tffix fmt``: a drop-in for ``terraform fmt``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from ..engine.fmt_batch import FileOutcome, format_files, format_text
from ..files import iter_fmt_files, read_error, read_stdin
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
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files formatted in parallel (default: one per core).")  # fmt: skip
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache of formatting verdicts.")
def fmt(
    paths: tuple[str, ...],
    check: bool,
    show_diff: bool,
    list_files: bool,
    write: bool,
    recursive: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Rewrite Terraform files (.tf, .tfvars, .tftest.hcl, .tfmock.hcl,
    .tfquery.hcl) in the canonical format, exactly as `terraform fmt` does.

    PATHS are files or directories (default: the current directory); `-`
    reads standard input and writes the result to standard output. In
    folders, JSON files, hidden files and hidden directories (such as
    .terraform/) are skipped; a named file of another kind is an error.
    """
    report = Report(check_only=check)
    # Everything to do, in order: a file to format, or a message or stdin to
    # handle in place; files are formatted in parallel, reported in this order.
    steps: list[Path | Callable[[], None]] = []

    def unlisted(folder: Path, error: OSError) -> None:
        steps.append(partial(report.failure, read_error(folder, error)))

    for raw in paths or (".",):
        if raw == "-":
            steps.append(partial(_format_stdin, report, check=check, show_diff=show_diff))
        elif not Path(raw).exists() and not Path(raw).is_symlink():  # a broken symlink is reported when read
            steps.append(partial(report.failure, f"{raw}: no such file or directory"))
        else:
            # one at a time: `unlisted` appends to `steps` between two files
            for path in iter_fmt_files([raw], recursive=recursive, on_error=unlisted):
                steps.append(path)  # noqa: PERF402
    files = [step for step in steps if isinstance(step, Path)]
    outcomes = format_files(
        files,
        workers=jobs or os.cpu_count() or 1,
        use_cache=not no_cache,
        need_output=show_diff or (write and not check),
    )
    for step in steps:
        if isinstance(step, Path):
            _report_file(report, next(outcomes), check=check, show_diff=show_diff, list_files=list_files, write=write)
        else:
            step()
    for _ in outcomes:  # none left: this saves the cache
        pass
    sys.exit(report.exit_code)


def _format_text(report: Report, text: str, name: str) -> str | None:
    result, failure = format_text(text, name)
    if failure is not None:
        report.failure(failure)
    return result


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


def _report_file(report: Report, outcome: FileOutcome, *, check: bool, show_diff: bool, list_files: bool, write: bool) -> None:  # fmt: skip
    if outcome.failure is not None:
        report.failure(outcome.failure)
        return
    if not outcome.changed:
        report.file_unchanged()
        return
    path, text, result = outcome.path, outcome.text, outcome.result
    report.file_changed(str(path), listed=list_files)
    if text is None or result is None:  # a verdict only: neither a diff nor a write was asked for
        return
    if show_diff:
        report.emit(unified_diff(str(path), text, result))
    if write and not check:  # each file is a unit of its own: one that cannot be written stops only itself
        for failed, reason in write_unit([Change(path, result, text)]).items():
            report.failure(f"{failed}: not written: {reason}")
