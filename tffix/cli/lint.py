"""``tffix check`` and ``tffix apply``: run the rules, report, fix."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from ..config import ConfigError
from ..engine.batch import Job, run_jobs, run_source
from ..engine.discover import ModuleSource, discover, load_directory
from ..engine.run import ModuleRun, run_module
from ..files import read_error, read_stdin
from ..rules.base import Applicability
from ..rules.profiles import PROFILES
from ..settings import Settings
from ..writeback import Change, refusals, write_unit
from .diff import unified_diff
from .report import LINT_EXIT_CODES_HELP, OUTPUT_FORMATS, LintReport
from .resolve import Resolver

__all__ = ["apply", "check"]

STDIN_DEFAULT_NAME = "<stdin>.tf"


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part for value in values for part in value.split(",") if part.strip())


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1),
        click.option("--select", multiple=True, metavar="CODES", help="Only these rules: codes, names, code prefixes (TFX1) or ALL, comma-separated."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (as --select)."),
        click.option("--profile", type=click.Choice(sorted(PROFILES)), default=None,
                     help="default: production-safe; ephemeral: QA/test stacks that must be self-contained and "
                          "destroyable. [default: from the config file, else default]"),
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this config file instead of the nearest .tffix.toml / pyproject.toml."),
        click.option("--isolated", is_flag=True, help="Ignore all config files."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Modules processed in parallel. [default: all cores]"),
        click.option("--no-cache", is_flag=True, help="Do not read or write the result cache."),
        click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that are correct but may change the plan."),
        click.option("--emit-import-blocks", is_flag=True,
                     help="With iam-role-managed-policy-arns: add import {} blocks so the plan stays a no-op (root modules)."),
        click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True,
                     help="text: `path:line:col: CODE message` and a snippet, coloured on a terminal (not with NO_COLOR); "
                          "json: one document; sarif: a SARIF 2.1.0 log whose fixes carry the edits; "
                          "github: GitHub Actions annotations."),
        click.option("--stdin-filename", metavar="PATH", help="The path of the buffer read from `-` (its folder is the module)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _settings(
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: str | None,
    unsafe_fixes: bool,
    emit_import_blocks: bool,
    config_path: Path | None,
    isolated: bool,
    jobs: int | None,
    no_cache: bool,
) -> Resolver:
    options = {"iam-role-managed-policy-arns": {"emit_import_blocks": True}} if emit_import_blocks else {}
    flags = Settings(_codes(select), _codes(ignore), profile or "default", unsafe_fixes, options)
    try:
        flags.rules()
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    try:
        resolver = Resolver(flags, profile_given=profile is not None, config_path=config_path, isolated=isolated)
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    resolver.jobs = jobs or os.cpu_count() or 1
    resolver.use_cache = not no_cache
    return resolver


@click.command("check", epilog=LINT_EXIT_CODES_HELP)
@_common
def check(paths: tuple[str, ...], output_format: str, stdin_filename: str | None, **flags: Any) -> None:
    """Report findings in Terraform modules (PATHS: files or directories,
    recursively; default the current directory; `-` reads standard input).

    Each directory of .tf files is one module: rules see all its files.
    Findings print as `path:line:col: CODE message`, `[*]` marking those
    `tffix apply` fixes with the given options.
    """
    resolver = _settings(**flags)
    report = LintReport(output_format=output_format)
    _run(paths, resolver, report, fix=False, dry_run=False, stdin_filename=stdin_filename)


@click.command("apply", epilog=LINT_EXIT_CODES_HELP)
@_common
@click.option("--dry-run", "--diff", "dry_run", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
def apply(paths: tuple[str, ...], output_format: str, stdin_filename: str | None, dry_run: bool, **flags: Any) -> None:
    """Fix findings in place: safe fixes, and unsafe ones with --unsafe-fixes
    (or when the profile intends them). Only the lines of the fixed items
    change; new code is formatted as `terraform fmt` would.

    A module's files are written together or not at all: a file that must
    not be written (read-only, a symlink out of the module, changed since it
    was read) stops the whole module. Named files are the only ones written
    (their folder is read for context); a fix that needs another file is
    reported, not applied.

    With `-`, the fixed buffer goes to standard output and findings to
    standard error; --stdin-filename names the file, whose folder gives the
    module context (fixes that would edit other files are not applied).
    """
    resolver = _settings(**flags)
    report = LintReport(output_format=output_format, dry_run=dry_run)
    _run(paths, resolver, report, fix=True, dry_run=dry_run, stdin_filename=stdin_filename)


def _run(
    paths: tuple[str, ...],
    resolver: Resolver,
    report: LintReport,
    *,
    fix: bool,
    dry_run: bool,
    stdin_filename: str | None,
) -> None:
    if "-" in paths:
        if len(paths) > 1:
            raise click.UsageError("`-` (standard input) cannot be combined with other paths")
        report.out = sys.stderr
        folder = Path(stdin_filename).parent if stdin_filename else Path(".")
        settings = _resolve(resolver, folder, report)
        if settings is not None:
            _stdin(settings, report, fix=fix, dry_run=dry_run, name=stdin_filename)
    else:
        modules, errors = discover(paths or (".",), action="fixed" if fix else "checked")
        for error in errors:
            report.failure(error)
        jobs = []
        folder_settings: list[Settings] = []  # each job's, as the CLI (not the engine) reads them
        for source in modules:
            settings = _resolve(resolver, source.directory, report)
            if settings is None:
                continue
            for error in source.errors:
                report.failure(error)
            config = resolver.config_for(source.directory)
            source.targets = {p for p in source.targets if not config.excludes(p)}
            if source.targets:
                jobs.append(Job(source, settings, fix))
                folder_settings.append(settings)
        runs = _with_progress(run_jobs(jobs, workers=resolver.jobs, use_cache=resolver.use_cache), len(jobs))
        for job, job_settings, run in zip(jobs, folder_settings, runs):
            _module(job.source, run, job_settings, report, fix=fix, dry_run=dry_run)
    report.finish(applying=fix)
    sys.exit(report.exit_code)


#: below this many modules a run is quick enough to need no progress bar
PROGRESS_MIN_MODULES = 20


def _with_progress(runs: Iterable[ModuleRun], total: int) -> Iterable[ModuleRun]:
    """A progress bar on standard error while modules run, for long runs on a
    terminal; the results are reported after it, so findings and the bar
    never interleave."""
    if (
        total < PROGRESS_MIN_MODULES
        or not sys.stderr.isatty()
        or os.environ.get("NO_COLOR")
        or os.environ.get("TERM") == "dumb"
    ):
        return runs
    from rich.console import Console
    from rich.progress import track

    return list(track(runs, total=total, description="tffix", console=Console(stderr=True), transient=True))


def _resolve(resolver: Resolver, directory: Path, report: LintReport) -> Settings | None:
    """The folder's settings, or None after reporting a bad config file."""
    try:
        return resolver.for_directory(directory)
    except (ConfigError, ValueError) as e:
        report.failure(f"config error: {e}")
        return None


def _report_run(run: ModuleRun, settings: Settings, report: LintReport, *, limited: set[Path] | None) -> None:
    """``limited``: the only files fixes could edit (named files, a stdin
    buffer); None when the whole folder could change."""
    for error in run.parse_errors:
        text = run.texts.get(Path(error.path)) if error.path else None
        report.failure(str(error), error, text)
    for message in run.internal_errors:
        report.failure(message)
    for i, diag in enumerate(run.remaining):
        allowed = i in run.fixable
        unsafe = (
            diag.fix is not None
            and not settings.allows(diag.name, diag.fix)
            and diag.fix.applicability is Applicability.UNSAFE
        )
        elsewhere = (
            not allowed
            and limited is not None
            and diag.fix is not None
            and settings.allows(diag.name, diag.fix)
            and any(edit.path not in limited for edit in diag.fix.edits)
        )
        report.finding(diag, run.texts, fixable=allowed, unsafe_fixable=unsafe, needs_unnamed=elsewhere)


def _module(
    source: ModuleSource, run: ModuleRun, settings: Settings, report: LintReport, *, fix: bool, dry_run: bool
) -> None:
    # what this process read is what must still be on disk when writing
    changes = [Change(path, run.texts[path], source.texts.get(path)) for path in run.changed()]
    problems: dict[Path, str] = {}
    if changes:
        problems = (refusals if dry_run else write_unit)(changes, within=source.directory)
        if problems:
            _not_written(problems, changes, report, dry_run=dry_run)
            run = _unfixed(source, run, settings)
        elif dry_run:
            for change in changes:
                new_file = change.original is None
                diff = unified_diff(str(change.path), change.original or "", change.text, new_file=new_file)
                report.would_change(str(change.path), diff)
    if fix:
        report.fixed(0 if dry_run or problems else len(changes), len(run.applied))
    _report_run(run, settings, report, limited=None if source.whole else source.targets)


def _not_written(problems: dict[Path, str], changes: list[Change], report: LintReport, *, dry_run: bool) -> None:
    """One message per file of the module that is not written."""
    verb = "would not be written" if dry_run else "not written"
    for path, reason in problems.items():
        report.failure(f"{path}: {verb}: {reason}")
    blocker = next(iter(problems))
    for change in changes:
        if change.path not in problems:
            report.failure(f"{change.path}: {verb}: a module's files are written together, and {blocker} is not")


def _unfixed(source: ModuleSource, run: ModuleRun, settings: Settings) -> ModuleRun:
    """The module as it stays on disk when its fixes could not be written:
    its findings as `tffix check` reports them, and the errors of the run."""
    checked = run_source(source, settings, fix=False)
    checked.internal_errors = run.internal_errors
    return checked


def _stdin(settings: Settings, report: LintReport, *, fix: bool, dry_run: bool, name: str | None) -> None:
    try:
        text = read_stdin()
    except (OSError, UnicodeDecodeError) as e:
        report.failure(read_error(name or "<stdin>", e))
        return
    path = Path(name) if name else Path(STDIN_DEFAULT_NAME)
    source = load_directory(path.parent) if name else ModuleSource(path.parent)
    texts = {**source.texts, path: text}
    run = run_module(
        path.parent,
        texts,
        settings,
        fix=fix,
        targets={path},
        writable={path},
        may_create=False,
        existing=source.existing,
    )
    result = run.texts[path]
    if fix:
        if dry_run:
            if result != text:
                report.would_change(str(path), unified_diff(str(path), text, result))
        else:
            click.echo(result, nl=False)  # unchanged text on errors too: an editor must never lose its buffer
        report.fixed(int(result != text and not dry_run), len(run.applied))
    _report_run(run, settings, report, limited={path})
