"""``tffix codemod``: run one-off transformations by name.

``tffix codemod NAME [NAME...] [PATHS...]`` runs each named codemod (the
built-in ones and the plugins' of the config file) over the modules of
PATHS, in the order named, each to its fixed point, with the guarantees of
``tffix apply``: every change re-parsed and formatted in the file's style,
a change that breaks its file or does not hold refused, a module's files
written together, and nothing written at all when any module failed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ..config import ConfigError
from ..context import inputs
from ..engine.batch import ordered_map, run_source
from ..engine.codemods import CodemodJob, run_codemod_job, run_codemods
from ..engine.discover import ModuleSource, discover, load_directory
from ..engine.run import ModuleRun
from ..files import FileError, read_problem, read_stdin
from ..patterns import INLINE_NAME, PatternError, inline_codemod
from ..plugins import Catalogue, PluginError
from ..rule import Codemod, RuleSet
from ..settings import Settings
from ..writeback import Change, refusals, write_unit
from .diff import unified_diff
from .interactive import Chosen, Review
from .resolve import PluginFailure, Resolver
from .rules import catalogue_options, load_catalogue, plugin_lines

__all__ = ["CodemodRequest", "codemod", "parse_options"]

STDIN_DEFAULT_NAME = "<stdin>.tf"


@dataclass(frozen=True)
class CodemodRequest:
    """The codemods of a run by name, with their options, and the settings
    whose plugins define them: what a worker process needs to build fresh
    instances (``make``) for each module."""

    settings: Settings
    names: tuple[str, ...]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``--match`` / ``--replace`` pattern pairs, run after the named codemods
    inline: tuple[tuple[str, str], ...] = ()

    def make(self) -> list[Codemod]:
        catalogue = self.settings.catalogue()
        named = [catalogue.codemod(name)(**self.options.get(name, {})) for name in self.names]
        return named + [inline_codemod(match, replace)() for match, replace in self.inline]


def parse_options(raw: Sequence[str], classes: Sequence[type[Codemod]]) -> dict[str, dict[str, Any]]:
    """``--option KEY=VALUE`` (or ``NAME.KEY=VALUE`` for one codemod among
    several) as each codemod's options, the value read as the option's type
    (``true``/``false``, a number, a TOML list; text as it is). Raises
    click.UsageError."""
    out: dict[str, dict[str, Any]] = {cls.name: {} for cls in classes}
    for item in raw:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise click.UsageError(f"--option {item!r}: write KEY=VALUE")
        name, dot, option = key.strip().rpartition(".")
        targets = [cls for cls in classes if (not dot or cls.name == name) and option in cls.options]
        if not targets:
            where = f"codemod {name} has" if dot else f"none of {', '.join(cls.name for cls in classes)} has"
            raise click.UsageError(f"--option {item!r}: {where} an option {option!r}")
        for cls in targets:
            out[cls.name][option] = _typed(item, value, cls.options[option].default)
    for cls in classes:
        try:
            cls(**out[cls.name])
        except ValueError as e:
            raise click.UsageError(f"--option: {e}") from None
    return out


def _typed(item: str, value: str, default: Any) -> Any:
    if isinstance(default, str):
        return value
    if isinstance(default, bool):
        if value.strip().lower() in ("true", "yes", "1", "on"):
            return True
        if value.strip().lower() in ("false", "no", "0", "off"):
            return False
        raise click.UsageError(f"--option {item!r}: must be true or false")
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        parsed = tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        raise click.UsageError(f"--option {item!r}: not a {type(default).__name__}") from None
    if isinstance(default, float) and isinstance(parsed, int):
        parsed = float(parsed)
    if isinstance(default, tuple) and isinstance(parsed, list):
        parsed = tuple(parsed)
    return parsed


def _list(catalogue: Catalogue) -> None:
    if not catalogue.codemods:
        click.echo("No codemods: write your own (docs/writing-codemods.md) and name it in `plugins`.")
    width = max((len(cls.name) for cls in catalogue.codemods), default=0)
    for cls in catalogue.codemods:
        source = catalogue.source(cls)
        origin = "" if source == "built-in" else f"  [plugin: {source}]"
        options = ", ".join(f"{key}={option.default!r}" for key, option in cls.options.items())
        click.echo(f"{cls.name:<{width}}  {cls.summary()}{f'  (options: {options})' if options else ''}{origin}")


@click.command("codemod")
@click.argument("arguments", nargs=-1, metavar="NAME [NAME...] [PATHS...]")
@click.option("--list", "list_", is_flag=True, help="List the codemods there are (built-in and the plugins').")
@click.option(
    "--option",
    "-o",
    "raw_options",
    multiple=True,
    metavar="[NAME.]KEY=VALUE",
    help="A codemod option (repeatable); NAME. picks one codemod when several have KEY.",
)
@click.option(
    "--dry-run", "--diff", "dry_run", is_flag=True, help="Print a unified diff of the changes; write nothing."
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Modules processed in parallel. [default: all cores]"
)
@click.option("--show-changes", is_flag=True, help="List each change made (path:line:col: codemod message).")
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Show each change as a diff and ask: y apply, n skip, a all of this codemod, d none of it, q quit.",
)
@click.option(
    "--stdin-filename", metavar="PATH", help="The path of the buffer read from `-` (its folder is the module)."
)
@click.option(
    "--match",
    "match_text",
    metavar="PATTERN",
    help="Rewrite what this pattern finds (docs/patterns.md); needs --replace.",
)
@click.option(
    "--replace", "replace_text", metavar="PATTERN", help="What --match's code becomes (its metavariables filled in)."
)
@catalogue_options
def codemod(
    arguments: tuple[str, ...],
    list_: bool,
    raw_options: tuple[str, ...],
    dry_run: bool,
    jobs: int | None,
    show_changes: bool,
    interactive: bool,
    stdin_filename: str | None,
    match_text: str | None,
    replace_text: str | None,
    config_path: Path | None,
    isolated: bool,
) -> None:  # fmt: skip
    """Run codemods: one-off transformations asked for by name, which need no
    finding (`tffix codemod --list` shows them). NAMEs run in the order given,
    each until it has nothing left to change, over the modules of PATHS
    (files or directories; default the current directory; `-` reads standard
    input and writes the result to standard output).

    Without a NAME, `--match PATTERN --replace PATTERN` rewrites without a
    pattern file: `tffix codemod --match 'lookup($M, $K)' --replace '$M[$K]' .`

    Changes are checked as `tffix apply` checks fixes: the result must parse,
    a second pass must change nothing, and only the changed lines are
    touched. A module's files are written together, and nothing is written
    when any module fails.

    \b
    Exit codes:
      0  done: changes written, or nothing to change
      1  --dry-run: files would change
      2  usage error, unknown codemod or option, a file that cannot be read,
         parsed or written, or a codemod that failed (nothing written)
    """
    first = next((Path(a) for a in arguments if Path(a).exists()), Path("."))
    catalogue = load_catalogue(config_path, isolated, first if first.is_dir() else first.parent)
    if list_:
        if arguments:
            raise click.UsageError("--list takes no NAME or PATH")
        _list(catalogue)
        for line in plugin_lines(catalogue):
            click.echo(line, err=True)
        return
    known = {cls.name for cls in catalogue.codemods}
    names = []
    for argument in arguments:
        if argument.lower() not in known or Path(argument).exists():
            break
        names.append(argument.lower())
    inline: tuple[tuple[str, str], ...] = ()
    if (match_text is None) != (replace_text is None):
        raise click.UsageError("--match and --replace go together")
    if match_text is not None and replace_text is not None:
        try:
            inline_codemod(match_text, replace_text)
        except PatternError as e:
            click.echo(f"tffix: {e}", err=True)
            sys.exit(2)
        inline = ((match_text, replace_text),)
    if not names and not inline:
        detail = f"{arguments[0]!r} is none of them" if arguments else "name one"
        raise click.UsageError(f"no codemod named: {detail} (see `tffix codemod --list`)")
    paths = arguments[len(names) :]
    options = parse_options(raw_options, [catalogue.codemod(name) for name in names])
    try:
        resolver = Resolver(Settings(), profile_given=False, config_path=config_path, isolated=isolated)
    except PluginError as e:
        raise PluginFailure(e) from None
    except ConfigError as e:
        raise click.UsageError(str(e)) from None
    run = _Run(dry_run=dry_run, show_changes=show_changes, review=Review() if interactive else None)
    if "-" in paths:
        if interactive:
            raise click.UsageError("--interactive reads its answers from standard input, so it cannot read `-`")
        if len(paths) > 1:
            raise click.UsageError("`-` (standard input) cannot be combined with other paths")
        folder = Path(stdin_filename).parent if stdin_filename else Path(".")
        request = CodemodRequest(_settings(resolver, folder), tuple(names), options, inline)
        run.stdin(request, stdin_filename)
    else:
        run.modules(paths or (".",), resolver, tuple(names), options, jobs or os.cpu_count() or 1, inline)
    if run.review is not None:
        click.echo(run.review.summary(), err=True)
    sys.exit(run.exit_code)


def _settings(resolver: Resolver, folder: Path) -> Settings:
    try:
        return resolver.for_directory(folder)
    except PluginError as e:
        raise PluginFailure(e) from None
    except (ConfigError, ValueError) as e:
        raise click.UsageError(str(e)) from None


def _work(job: CodemodJob) -> ModuleRun:
    return run_codemod_job(job)


def _reviewed(job: CodemodJob, review: Review) -> ModuleRun:
    """The module after each codemod in turn, with only the changes the
    user accepts: each codemod's changes are found, asked about, and the
    accepted ones applied through the checked loop before the next runs."""
    source = job.source
    out = ModuleRun(source.directory, dict(source.texts), dict(source.texts))
    for codemod in job.choice.make():
        base = RuleSet((codemod,), unsafe_fixes=True)
        step = ModuleSource(source.directory, out.texts, source.targets, source.existing, whole=source.whole)
        step.unreadable = source.unreadable
        found = run_source(step, base, fix=False, today=job.today)
        offered = [d for i, d in enumerate(found.remaining) if i in found.fixable and d.fix is not None]
        accepted, whole = review.ask(offered, out.texts) if offered else (frozenset(), frozenset(review.always))
        run = run_source(step, Chosen.of(base, accepted, whole), fix=True, today=job.today)
        review.count(run.applied)
        out.texts = run.texts
        out.applied.extend(run.applied)
        out.internal_errors.extend(run.internal_errors)
        out.parse_errors.extend(e for e in run.parse_errors if str(e) not in map(str, out.parse_errors))
        if run.parse_errors or run.internal_errors:
            break
    return out


@dataclass
class _Run:
    dry_run: bool
    show_changes: bool
    #: --interactive: the answers so far
    review: Review | None = None
    failed: int = 0
    files: int = 0
    changes: int = 0
    would: bool = False

    @property
    def exit_code(self) -> int:
        if self.failed:
            return 2
        return 1 if self.dry_run and self.would else 0

    def failure(self, message: str) -> None:
        self.failed += 1
        click.echo(message, err=True)

    def report(self, run: ModuleRun) -> bool:
        """Errors, notes and changes of one module; whether it may be written."""
        for error in run.parse_errors:
            self.failure(str(error))
        for message in run.internal_errors:
            self.failure(message)
        for diag in run.remaining:
            line, column = diag.start
            click.echo(f"{diag.path}:{line}:{column}: {diag.name}: {diag.message} (not changed)", err=True)
        if self.show_changes:
            for diag in run.applied:
                line, column = diag.start
                click.echo(f"{diag.path}:{line}:{column}: {diag.name}: {diag.message}", err=True)
        return not (run.parse_errors or run.internal_errors)

    def modules(
        self,
        paths: Sequence[str],
        resolver: Resolver,
        names: tuple[str, ...],
        options: dict[str, dict[str, Any]],
        workers: int,
        inline: tuple[tuple[str, str], ...] = (),
    ) -> None:
        sources, errors = discover(paths, action="changed")
        for error in errors:
            self.failure(str(error))
        jobs = []
        today = inputs.today()
        for source in sources:
            for error in source.errors:
                self.failure(str(error))
            config = resolver.config_for(source.directory)
            source.targets = {p for p in source.targets if not config.excludes(p)}
            if source.targets:
                request = CodemodRequest(_settings(resolver, source.directory), names, options, inline)
                jobs.append(CodemodJob(source, request, today))
        if self.review is None:
            runs = list(ordered_map(_work, jobs, workers=workers))
        else:  # each codemod's changes depend on the answers about the previous one's: asked in turn
            runs = [_reviewed(job, self.review) for job in jobs]
        units: list[tuple[ModuleSource, list[Change]]] = []
        for job, run in zip(jobs, runs):
            if self.report(run):
                changes = [Change(p, run.texts[p], job.source.texts.get(p)) for p in run.changed()]
                if changes:
                    units.append((job.source, changes))
                    self.changes += len(run.applied)
        if self.failed:
            click.echo("Nothing written: fix the errors above first.", err=True)
            return
        for source, changes in units:
            self._unit(source.directory, changes)
        self._summary(names + ((INLINE_NAME,) if inline else ()))

    def _unit(self, directory: Path, changes: list[Change]) -> None:
        problems = refusals(changes, within=directory) if self.dry_run else write_unit(changes, within=directory)
        if problems:
            verb = "would not be written" if self.dry_run else "not written"
            for path, reason in problems.items():
                self.failure(str(FileError(str(path), f"{verb}: {reason}")))
            return
        self.files += len(changes)
        self.would = True
        for change in changes:
            if self.dry_run:
                diff = unified_diff(
                    str(change.path), change.original or "", change.text, new_file=change.original is None
                )
                click.echo(diff, nl=False)

    def _summary(self, names: tuple[str, ...]) -> None:
        what = ", ".join(names)
        files = f"{self.files} {'file' if self.files == 1 else 'files'}"
        changes = f"{self.changes} {'change' if self.changes == 1 else 'changes'}"
        if not self.files:
            click.echo(f"{what}: nothing to change.", err=True)
        elif self.dry_run:
            click.echo(f"{what}: {files} would change ({changes}).", err=True)
        else:
            click.echo(f"{what}: {files} changed ({changes}).", err=True)

    def stdin(self, request: CodemodRequest, name: str | None) -> None:
        try:
            text = read_stdin()
        except (OSError, UnicodeDecodeError) as e:
            self.failure(str(read_problem(name or "<stdin>", e)))
            return
        path = Path(name) if name else Path(STDIN_DEFAULT_NAME)
        around = load_directory(path.parent) if name else ModuleSource(path.parent)
        source = ModuleSource(path.parent, {**around.texts, path: text}, {path}, around.existing, whole=False)
        run = run_codemods(source, request.make(), today=inputs.today())
        result = run.texts[path] if self.report(run) else text  # the buffer as it was, on errors
        if self.dry_run:
            if result != text:
                self.would = True
                click.echo(unified_diff(str(path), text, result), nl=False)
        else:
            click.echo(result, nl=False)
