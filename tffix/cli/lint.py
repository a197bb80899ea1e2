"""``tffix check`` and ``tffix apply``: run the rules, report, fix."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import click

from ..config import ConfigError
from ..engine.batch import Job, run_jobs, run_source
from ..engine.discover import ModuleSource, discover, load_directory
from ..engine.run import ModuleRun, run_module
from ..files import FileError, read_problem, read_stdin
from ..plugins import PluginError
from ..rules.base import Applicability, Severity
from ..rules.profiles import PROFILES
from ..settings import Settings, provider_schema_options
from ..writeback import Change, refusals, write_unit
from .diff import unified_diff
from .interactive import Chosen, Review
from .report import LINT_EXIT_CODES_HELP, OUTPUT_FORMATS, TEXT_FORMATS, LintReport
from .resolve import PluginFailure, Resolver
from .rules import plugin_lines

__all__ = ["apply", "check"]

STDIN_DEFAULT_NAME = "<stdin>.tf"

#: what a Terraform module is made of (a rule may read .tfvars beside it)
MODULE_SUFFIXES = (".tf", ".tfvars")


def _codes(values: tuple[str, ...], option: str = "--select") -> tuple[str, ...]:
    """The comma-separated codes of a repeatable option. A value naming no
    rule (``--select ""``) is an error: read as "no choice" it would turn
    every rule on, the opposite of what an empty list seems to say."""
    out = []
    for value in values:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts:
            raise click.UsageError(f"{option} {value!r} names no rule (give codes, names, prefixes or ALL)")
        out.extend(parts)
    return tuple(out)


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1),
        click.option("--select", multiple=True, metavar="CODES", help="Only these rules: codes, names, code prefixes (TFX1) or ALL, comma-separated."),
        click.option("--extend-select", multiple=True, metavar="CODES",
                     help="Add these rules to the selection (of --select, the config file or the profile)."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (as --select)."),
        click.option("--only", multiple=True, metavar="CODES",
                     help="Run only these rules, whatever the config file selects or ignores (tflint's --only)."),
        click.option("--profile", type=click.Choice(sorted(PROFILES)), default=None,
                     help="default: production-safe; ephemeral: QA/test stacks that must be self-contained and "
                          "destroyable; recommended: tflint-ruleset-terraform's recommended preset. "
                          "[default: from the config file, else default]"),
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this config file instead of the nearest .tffix.toml / pyproject.toml."),
        click.option("--isolated", is_flag=True, help="Ignore all config files."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Modules processed in parallel. [default: all cores]"),
        click.option("--no-cache", is_flag=True, help="Do not read or write the result cache."),
        click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that are correct but may change the plan."),
        click.option("--provider-schema", "provider_schema", multiple=True, metavar="FILE",
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="A `terraform providers schema -json` file for the schema rules (wins over the shipped snapshots; repeatable)."),
        click.option("--emit-import-blocks", is_flag=True,
                     help="With iam-role-managed-policy-arns: add import {} blocks so the plan stays a no-op (root modules)."),
        click.option("--format", "--output-format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="text",
                     show_default=True,
                     help="text: `path:line:col: CODE message` and a snippet; concise: that first line alone; "
                          "json: one document; sarif: a SARIF 2.1.0 log whose fixes carry the edits; "
                          "github: GitHub Actions annotations; junit and checkstyle: XML reports for CI."),
        click.option("--color", "colour", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
                     help="Colour text output: auto colours a terminal (not with NO_COLOR or TERM=dumb; FORCE_COLOR colours a pipe)."),
        click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
                     help="Write the findings and summary to this file instead of standard output."),
        click.option("--statistics", is_flag=True, help="Print a count per rule instead of each finding."),
        click.option("--show-fixes", is_flag=True, help="List the fixes applied (or, without fixing, what each fix would do)."),
        click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary line."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain (errors still exit 2)."),
        click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when any fix was applied, even if no findings remain."),
        click.option("--minimum-failure-severity", type=click.Choice(("error", "warning", "info", "notice")),
                     default="warning", show_default=True,
                     help="The least severity of a finding that fails the run (tflint's option; notice = info)."),
        click.option("--stdin-filename", metavar="PATH", help="The path of the buffer read from `-` (its folder is the module)."),
        click.option("--verbose", "-v", is_flag=True, help="Say which plugins were loaded, from where (on standard error)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _settings(
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    only: tuple[str, ...],
    profile: str | None,
    unsafe_fixes: bool,
    emit_import_blocks: bool,
    provider_schema: tuple[Path, ...],
    config_path: Path | None,
    isolated: bool,
    jobs: int | None,
    no_cache: bool,
    verbose: bool = False,
    paths: tuple[str, ...] = (),
) -> Resolver:
    options = {"iam-role-managed-policy-arns": {"emit_import_blocks": True}} if emit_import_blocks else {}
    options.update(provider_schema_options([str(p.resolve()) for p in provider_schema]) if provider_schema else {})
    if only and (select or extend_select):
        raise click.UsageError("--only cannot be combined with --select or --extend-select")
    flags = Settings(
        _codes(only, "--only") or _codes(select),
        _codes(ignore, "--ignore"),
        profile or "default",
        unsafe_fixes,
        options,
        extend_select=_codes(extend_select, "--extend-select"),
    )
    try:
        resolver = Resolver(
            flags, profile_given=profile is not None, config_path=config_path, isolated=isolated, only=bool(only)
        )
    except PluginError as e:
        raise PluginFailure(e) from None
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    try:
        # the command line's rules are checked against those of the first path's plugins
        first = next((Path(p) for p in paths if p != "-"), Path("."))
        flags = replace(flags, plugins=resolver.plugins_for(first if first.is_dir() else first.parent))
        flags.rules()
    except PluginError as e:
        raise PluginFailure(e) from None
    except ConfigError:
        pass  # reported with the modules it concerns
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    resolver.jobs = jobs or os.cpu_count() or 1
    resolver.use_cache = not no_cache
    resolver.verbose = verbose
    return resolver


#: options of both commands that shape the report, not the rules
_REPORT_OPTIONS = (
    "colour",
    "output_file",
    "statistics",
    "show_fixes",
    "quiet",
    "exit_zero",
    "exit_non_zero_on_fix",
    "minimum_failure_severity",
)


def _report(output_format: str, flags: dict[str, Any], **more: Any) -> tuple[Callable[[], LintReport], Path | None]:
    """A maker of the report the options ask for (taking its options out of
    ``flags``; a watch makes one per run), and the --output-file to write it to."""
    given = {key: flags.pop(key) for key in _REPORT_OPTIONS}
    output_file = given.pop("output_file")
    severity = given.pop("minimum_failure_severity")

    def make() -> LintReport:
        return LintReport(
            output_format=output_format,
            minimum_failure_severity=Severity.INFO if severity == "notice" else Severity(severity),
            **given,
            **more,
        )

    return make, output_file


@click.command("check", epilog=LINT_EXIT_CODES_HELP)
@_common
@click.option("--fix", is_flag=True, help="Apply the fixes (as `tffix apply`), then report the findings left.")
@click.option("--watch", "-w", is_flag=True, help="Check again whenever a .tf or config file changes (Ctrl-C stops).")
def check(
    paths: tuple[str, ...], output_format: str, stdin_filename: str | None, fix: bool, watch: bool, **flags: Any
) -> None:
    """Report findings in Terraform modules (PATHS: files or directories,
    recursively; default the current directory; `-` reads standard input).

    Each directory of .tf files is one module: rules see all its files.
    Findings print as `path:line:col: CODE message`, `[*]` marking those
    `tffix apply` (or `tffix check --fix`) fixes with the given options.
    """
    make_report, output_file = _report(output_format, flags, check_fix=fix)
    resolver = _settings(**flags, paths=paths)
    if watch:
        if "-" in paths:
            raise click.UsageError("--watch cannot read standard input (`-`)")
        _watch(paths, flags, make_report, fix=fix, output_file=output_file)
    code = _run(
        paths, resolver, make_report(), fix=fix, dry_run=False, stdin_filename=stdin_filename, output_file=output_file
    )
    sys.exit(code)


#: files whose change starts a new check in --watch
_WATCHED_NAMES = (".tffix.toml", "pyproject.toml")


def _watch(
    paths: tuple[str, ...],
    flags: dict[str, Any],
    make_report: Callable[[], LintReport],
    *,
    fix: bool,
    output_file: Path | None,
) -> NoReturn:
    """Check, then check again after each batch of changes, until Ctrl-C
    (which the command group turns into exit 130). watchfiles waits on the
    system's file events (inotify, FSEvents, ReadDirectoryChangesW) and
    gathers a burst of writes into one batch."""
    import queue
    import threading

    import watchfiles

    roots = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths or (".",)]

    def relevant(change: watchfiles.Change, path: str) -> bool:
        name = os.path.basename(path)
        if not (name.endswith(MODULE_SUFFIXES) or name in _WATCHED_NAMES):
            return False
        # hidden folders below a watched root (.terraform/, .git/) are skipped, as the check skips them
        below = [os.path.relpath(path, root) for root in roots if path.startswith(root + os.sep)]
        return not below or not any(part.startswith(".") for part in Path(min(below, key=len)).parts[:-1])

    # the watcher runs beside the checks, so a change made during a check
    # (or by --fix) is not lost: it starts the next one
    batches: queue.Queue[int] = queue.Queue()
    stop = threading.Event()

    def watcher() -> None:
        for changes in watchfiles.watch(*roots, watch_filter=relevant, stop_event=stop, raise_interrupt=False):
            batches.put(len(changes))

    threading.Thread(target=watcher, name="tffix-watch", daemon=True).start()
    try:
        while True:
            _run(
                paths,
                _settings(**flags, paths=paths),
                make_report(),
                fix=fix,
                dry_run=False,
                stdin_filename=None,
                output_file=output_file,
            )
            sys.stdout.flush()  # a pipe's reader sees each run's findings as it ends
            click.echo("Watching for file changes (Ctrl-C to stop).", err=True)
            count = _next_batch(batches)
            while not batches.empty():  # several batches while checking: one more check
                count += batches.get()
            click.echo(f"{count} {'change' if count == 1 else 'changes'}: checking again.", err=True)
    finally:
        stop.set()


def _next_batch(batches: Any) -> int:
    """Wait for the watcher's next batch, waking now and then so that
    Ctrl-C is seen at once on every platform."""
    import queue

    while True:
        try:
            count: int = batches.get(timeout=0.5)
            return count
        except queue.Empty:
            continue


@click.command("apply", epilog=LINT_EXIT_CODES_HELP)
@_common
@click.option("--dry-run", "--diff", "dry_run", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Show each fix as a diff and ask: y apply, n skip, a all of this rule, d none of this rule, q quit.",
)
def apply(
    paths: tuple[str, ...],
    output_format: str,
    stdin_filename: str | None,
    dry_run: bool,
    interactive: bool,
    **flags: Any,
) -> None:
    """Fix findings in place: safe fixes, and unsafe ones with --unsafe-fixes
    (or when the profile intends them). Only the lines of the fixed items
    change; new code is formatted as `terraform fmt` would.

    A module's files are written together or not at all: a file that must
    not be written (read-only, a symlink out of the module, changed since it
    was read) stops the whole module. Named files are the only ones written
    (their folder is read for context); a fix that needs another file is
    reported, not applied.

    With `-`, the fixed buffer goes to standard output and findings to
    standard error (with --format json or sarif, the document goes to
    standard output instead; JSON carries the fixed text); --stdin-filename names the file, whose folder gives the
    module context (fixes that would edit other files are not applied).
    """
    make_report, output_file = _report(output_format, flags, dry_run=dry_run)
    resolver = _settings(**flags, paths=paths)
    review = None
    if interactive:
        if "-" in paths:
            raise click.UsageError("--interactive reads its answers from standard input, so it cannot read `-`")
        review = Review()
    code = _run(
        paths,
        resolver,
        make_report(),
        fix=True,
        dry_run=dry_run,
        stdin_filename=stdin_filename,
        output_file=output_file,
        review=review,
    )
    if review is not None:
        click.echo(review.summary(), err=True)
    sys.exit(code)


def _run(
    paths: tuple[str, ...],
    resolver: Resolver,
    report: LintReport,
    *,
    fix: bool,
    dry_run: bool,
    stdin_filename: str | None,
    output_file: Path | None = None,
    review: Review | None = None,
) -> int:
    """One run; its exit code. ``review``: ask before each fix (--interactive)."""
    if output_file is None:
        _run_to(paths, resolver, report, fix=fix, dry_run=dry_run, stdin_filename=stdin_filename, review=review)
    else:
        try:
            stream = output_file.open("w", encoding="utf-8")
        except OSError as e:
            raise click.UsageError(f"--output-file: {output_file}: {e.strerror}") from None
        with stream:
            report.out = report.diff_out = stream
            _run_to(paths, resolver, report, fix=fix, dry_run=dry_run, stdin_filename=stdin_filename, review=review)
    return report.exit_code


def _run_to(
    paths: tuple[str, ...],
    resolver: Resolver,
    report: LintReport,
    *,
    fix: bool,
    dry_run: bool,
    stdin_filename: str | None,
    review: Review | None = None,
) -> None:
    if "-" in paths:
        if len(paths) > 1:
            raise click.UsageError("`-` (standard input) cannot be combined with other paths")
        if report.out is sys.stdout and fix and report.output_format in TEXT_FORMATS:
            report.out = sys.stderr  # the fixed buffer (or its diff) owns standard output
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
                # interactive: the workers find the fixes; the user picks; then they are applied here
                jobs.append(Job(source, settings, fix and review is None))
                folder_settings.append(settings)
        runs = _with_progress(run_jobs(jobs, workers=resolver.jobs, use_cache=resolver.use_cache), len(jobs))
        for job, job_settings, run in zip(jobs, folder_settings, runs):
            if review is not None:
                run = _reviewed(job.source, run, job_settings, review)
            _module(job.source, run, job_settings, report, fix=fix, dry_run=dry_run)
    report.finish(applying=fix)


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
    """The folder's settings, or None after reporting a bad config file.
    The report learns of the folder's plugin rules (and with --verbose, the
    plugins are named once each)."""
    try:
        settings = resolver.for_directory(directory)
        catalogue = settings.catalogue()
        report.know_rules(catalogue.rules)
        if resolver.verbose:
            for line in plugin_lines(catalogue):
                if line not in resolver.said:
                    resolver.said.add(line)
                    click.echo(f"tffix: {line}", err=True)
        return settings
    except PluginError as e:
        raise PluginFailure(e) from None  # one line, and the whole run stops: its rules are unknown
    except (ConfigError, ValueError) as e:
        report.failure(f"config error: {e}")
        return None


def _reviewed(source: ModuleSource, run: ModuleRun, settings: Settings, review: Review) -> ModuleRun:
    """The module with the fixes the user accepts (asked about each fix
    ``run``, a check, found) applied through the checked loop."""
    offered = [diag for i, diag in enumerate(run.remaining) if i in run.fixable and diag.fix is not None]
    accepted, whole = review.ask(offered, source.texts) if offered else (frozenset(), frozenset(review.always))
    fixed = run_source(source, Chosen.of(settings.ruleset(), accepted, whole), fix=True)
    review.count(fixed.applied)
    return fixed


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
    report.hide([*run.applied, *run.remaining], run.secrets)  # before any diff or finding of the module is printed
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
        report.fixed(0 if dry_run or problems else len(changes), [] if problems else run.applied)
        report.held_back += run.held_back
    _report_run(run, settings, report, limited=None if source.whole else source.targets)


def _not_written(problems: dict[Path, str], changes: list[Change], report: LintReport, *, dry_run: bool) -> None:
    """One message per file of the module that is not written."""
    verb = "would not be written" if dry_run else "not written"
    for path, reason in problems.items():
        report.failure(FileError(str(path), f"{verb}: {reason}"))
    blocker = next(iter(problems))
    for change in changes:
        if change.path not in problems:
            report.failure(
                FileError(str(change.path), f"{verb}: a module's files are written together, and {blocker} is not")
            )


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
        report.failure(read_problem(name or "<stdin>", e))
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
        declare_in_place=True,
        lone=not name,
    )
    result = run.texts[path]
    report.hide([*run.applied, *run.remaining], run.secrets)
    if fix:
        if dry_run:
            if result != text:
                report.would_change(str(path), unified_diff(str(path), text, result))
        elif report.output_format in TEXT_FORMATS:
            click.echo(result, nl=False)  # unchanged text on errors too: an editor must never lose its buffer
        elif result != text:
            report.stdin_fixed(str(path), unified_diff(str(path), text, result), result)
        report.fixed(int(result != text and not dry_run), run.applied)
        report.held_back += run.held_back
    _report_run(run, settings, report, limited={path})
