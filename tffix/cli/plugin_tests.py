"""``tffix test``: run the examples of the plugins' rules and codemods, and
fixture folders, with the checks of ``tffix.testing``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..config import find_config
from ..testing import CaseResult, check_examples, check_fixture, find_fixtures
from .rules import catalogue_options, load_catalogue

__all__ = ["test"]

#: where fixture folders are looked for when no PATH is given, beside the config file
DEFAULT_FIXTURES = Path(".tffix") / "fixtures"


@click.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--update", is_flag=True, help="Write each fixture's actual output to its after/ folder, for review.")
@click.option("--verbose", "-v", is_flag=True, help="Name every case run, not only the failing ones.")
@catalogue_options
def test(paths: tuple[Path, ...], update: bool, verbose: bool, config_path: Path | None, isolated: bool) -> None:
    """Test your own rules and codemods: the `valid` and `invalid` examples of
    every plugin rule and codemod, and the fixture cases under PATHS
    (`<rule or codemod>/<case>/before/*.tf` -> `after/*.tf`, `options.toml`
    for options; default: `.tffix/fixtures` beside the config file).

    \b
    Every case is also checked for what any fix must keep: the output
    parses, a second run changes nothing, fmt-clean files stay fmt-clean,
    no comment is lost, and only the declared files change.

    \b
    Exit codes:
      0  every case passed
      1  a case failed (its diff is printed)
      2  usage error (--update refused under CI, a folder naming no rule)
    """
    if update and os.environ.get("CI"):
        raise click.UsageError("--update rewrites expected outputs; it is refused when CI is set")
    catalogue = load_catalogue(config_path, isolated)
    plugin_classes = [cls for cls in (*catalogue.rules, *catalogue.codemods) if catalogue.source(cls) != "built-in"]
    results: list[CaseResult] = []
    for cls in plugin_classes:
        results.extend(check_examples(cls))
    roots = list(paths)
    if not roots:
        found = config_path or (None if isolated else find_config(Path(".")))
        default = (found.parent if found is not None else Path(".")) / DEFAULT_FIXTURES
        roots = [default] if default.is_dir() else []
    for root in roots:
        try:
            cases = list(find_fixtures(root, [*catalogue.rules, *catalogue.codemods]))
        except (OSError, ValueError) as e:
            raise click.UsageError(str(e)) from None
        for cls, case in cases:
            results.append(check_fixture(cls, case, update=update))
    failed = [r for r in results if not r.passed]
    for result in results:
        if not result.passed:
            click.echo(f"FAILED {result.name}")
            for problem in result.problems:
                click.echo("  " + problem.replace("\n", "\n  ").rstrip(" "))
        elif verbose:
            click.echo(f"passed {result.name}")
    if not results:
        click.echo("No cases: no plugin rule or codemod has examples, and no fixture folder was found.", err=True)
    summary = f"{len(results) - len(failed)} passed, {len(failed)} failed"
    click.echo(summary + (" (after/ updated: review the changes)" if update else ""), err=True)
    sys.exit(1 if failed and not update else 0)
