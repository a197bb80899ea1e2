"""``tffix fmt``: a drop-in for ``terraform fmt``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from ..config import ConfigError
from ..engine.fmt_batch import FileOutcome, format_files, format_text
from ..files import iter_fmt_files, read_error, read_stdin
from ..plugins import PluginError
from ..settings import Settings
from ..writeback import Change, write_unit
from .diff import TERRAFORM_LABELS, unified_diff
from .report import EXIT_CHANGES, EXIT_CODES_HELP, Report
from .resolve import PluginFailure, Resolver
from .terraform_args import TerraformFmtCommand

__all__ = ["EXIT_TERRAFORM_CHECK", "fmt"]

#: what ``terraform fmt -check`` exits with when files would change
EXIT_TERRAFORM_CHECK = 3

_EPILOG = (
    EXIT_CODES_HELP
    + """
  3  instead of 1, with --terraform-exit-codes (as terraform fmt -check)

Terraform's spellings work too: -check, -diff, -recursive, -list=false,
-write=false, -no-color (Go's flag forms, such as -check=true)."""
)


@click.command("fmt", cls=TerraformFmtCommand, epilog=_EPILOG)
@click.argument("paths", nargs=-1)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when any file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of each change (old/ new/ paths).")
@click.option("--list/--no-list", "list_files", default=True, help="List the files that change (not with stdin).")
@click.option(
    "--write/--no-write",
    default=True,
    help="Write changes back (never with --check or stdin). With --no-list and no --diff, "
    "--no-write prints every file's result instead, as terraform fmt does.",
)
@click.option("--recursive", "-r", is_flag=True, help="Also format files in subdirectories.")
@click.option("--no-color", is_flag=True, help="Accepted for terraform fmt's scripts: fmt never prints colour.")
@click.option(
    "--terraform-exit-codes/--no-terraform-exit-codes",
    default=None,
    help="Exit 3 where terraform fmt -check does (files would change), not 1. "
    "[default: [fmt] terraform-exit-codes of the config file over the current folder, else off]",
)
@click.option("--stdin-filename", metavar="PATH", help="The name of the buffer read from `-` (picks its rules).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this config file instead of the nearest .tffix.toml / pyproject.toml.",
)
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files formatted in parallel (default: one per core).")  # fmt: skip
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache of formatting verdicts.")
def fmt(
    paths: tuple[str, ...],
    check: bool,
    show_diff: bool,
    list_files: bool,
    write: bool,
    recursive: bool,
    no_color: bool,
    terraform_exit_codes: bool | None,
    stdin_filename: str | None,
    config_path: Path | None,
    isolated: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Rewrite Terraform files (.tf, .tfvars, .tftest.hcl, .tfmock.hcl,
    .tfquery.hcl) in the canonical format, exactly as `terraform fmt` does,
    and other .hcl files (terragrunt.hcl, .pkr.hcl, .nomad.hcl) as
    `terragrunt hclfmt`, `packer fmt` and `nomad fmt` do: hclwrite's layout
    without Terraform's rewrites.

    PATHS are files or directories (default: the current directory); `-`
    reads standard input and writes the result to standard output. In
    folders, JSON files, hidden files and hidden directories (such as
    .terraform/) are skipped, and so is whatever the config file's
    `exclude` names; a named file of another kind is an error.
    """
    del no_color  # nothing fmt prints is coloured
    try:
        resolver = Resolver(Settings(), profile_given=False, config_path=config_path, isolated=isolated, plugins=False)
        if terraform_exit_codes is None:
            terraform_exit_codes = resolver.config_for(Path.cwd()).fmt_terraform_exit_codes
    except PluginError as e:
        raise PluginFailure(e) from None
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    report = Report(check_only=check)
    # Everything to do, in order: a file to format, or a message or stdin to
    # handle in place; files are formatted in parallel, reported in this order.
    steps: list[Path | Callable[[], None]] = []

    def unlisted(folder: Path, error: OSError) -> None:
        steps.append(partial(report.failure, read_error(folder, error)))

    for raw in paths or (".",):
        if raw == "-":
            steps.append(partial(_format_stdin, report, check=check, show_diff=show_diff, name=stdin_filename))
        elif not Path(raw).exists() and not Path(raw).is_symlink():  # a broken symlink is reported when read
            steps.append(partial(report.failure, f"{raw}: no such file or directory"))
        else:
            # one at a time: `unlisted` appends to `steps` between two files
            for path in iter_fmt_files([raw], recursive=recursive, on_error=unlisted):
                excluded, problem = _excluded(resolver, path)
                if problem is not None:
                    steps.append(partial(report.failure, problem))
                elif not excluded:
                    steps.append(path)
    print_all = not (check or show_diff or list_files or write)
    outcomes = format_files(
        [step for step in steps if isinstance(step, Path)],
        workers=jobs or os.cpu_count() or 1,
        use_cache=not no_cache,
        need_output=show_diff or (write and not check) or print_all,
    )
    for step in steps:
        if isinstance(step, Path):
            _report_file(report, next(outcomes), check=check, show_diff=show_diff, list_files=list_files, write=write)
        else:
            step()
    for _ in outcomes:  # none left: this saves the cache
        pass
    code = report.exit_code
    sys.exit(EXIT_TERRAFORM_CHECK if terraform_exit_codes and code == EXIT_CHANGES else code)


def _excluded(resolver: Resolver, path: Path) -> tuple[bool, str | None]:
    """Whether the config file over ``path`` excludes it (the same test as
    ``tffix check`` makes), and the problem to report when that config file
    is bad (the file is then skipped)."""
    try:
        return resolver.config_for(path.parent).excludes(path), None
    except ConfigError as e:
        return True, f"config error: {e}"


def _format_text(report: Report, text: str, name: str) -> str | None:
    result, failure = format_text(text, name)
    if failure is not None:
        report.failure(failure)
    return result


def _format_stdin(report: Report, *, check: bool, show_diff: bool, name: str | None) -> None:
    name = name or "<stdin>"
    try:
        text = read_stdin()
    except (OSError, UnicodeDecodeError) as e:
        report.failure(read_error(name, e))
        return
    result = _format_text(report, text, name)
    if result is None:
        return
    if result != text:
        report.file_changed(name, listed=False)
    else:
        report.file_unchanged()
    if show_diff:
        report.emit(unified_diff(name, text, result, labels=TERRAFORM_LABELS))
    elif not check:
        report.emit(_ending_a_line(result))


def _ending_a_line(result: str) -> str:
    """The text as ``terraform fmt`` prints a result: ending a line (the check
    and the diff still compare without that line break)."""
    return result if result.endswith("\n") else result + "\n"


def _report_file(report: Report, outcome: FileOutcome, *, check: bool, show_diff: bool, list_files: bool, write: bool) -> None:  # fmt: skip
    if outcome.failure is not None:
        report.failure(outcome.failure)
        return
    path, text = outcome.path, outcome.text
    # a verdict from the cache carries no result; an unchanged file's is its text
    result = outcome.result if outcome.result is not None else (None if outcome.changed else text)
    if not (check or show_diff or list_files or write) and result is not None:
        # with nothing else asked for, each file's result is printed, changed
        # or not, as `terraform fmt -list=false -write=false` does
        report.emit(_ending_a_line(result))
    if not outcome.changed:
        report.file_unchanged()
        return
    report.file_changed(str(path), listed=list_files)
    if text is None or result is None:  # a verdict only: neither a diff nor a write was asked for
        return
    if show_diff:
        report.emit(unified_diff(str(path), text, result, labels=TERRAFORM_LABELS))
    if write and not check:  # each file is a unit of its own: one that cannot be written stops only itself
        for failed, reason in write_unit([Change(path, result, text)]).items():
            report.failure(f"{failed}: not written: {reason}")
