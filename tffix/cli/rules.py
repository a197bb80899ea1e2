"""``tffix rules`` and ``tffix explain``: the rule catalogue and its docs,
plugins' rules included."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..config import ConfigError, find_config, load_config
from ..context.suppressions import PEERS
from ..plugins import Catalogue, PluginError, PluginSpec, builtin_catalogue, load
from ..rule import Codemod, Rule
from .resolve import PluginFailure

__all__ = ["catalogue_options", "explain", "load_catalogue", "plugin_lines", "rules"]


def load_catalogue(config_path: Path | None, isolated: bool, directory: Path = Path(".")) -> Catalogue:
    """The rules and codemods of a run over ``directory``: the built-in
    ones, the installed plugins' and those its config file names (unless
    ``isolated``). A bad file is a usage error; a bad plugin, one line and exit 2."""
    try:
        if config_path is not None:
            return load(load_config(config_path).plugins)
        if isolated:
            return builtin_catalogue()
        found = find_config(directory)
        return load(load_config(found).plugins if found is not None else PluginSpec(entry_points=True))
    except PluginError as e:
        raise PluginFailure(e) from None
    except ConfigError as e:
        raise click.UsageError(str(e)) from None


def catalogue_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.option(
                "--config",
                "config_path",
                type=click.Path(dir_okay=False, path_type=Path),
                help="Use this config file (its plugins) instead of the nearest .tffix.toml / pyproject.toml.",
            ),
            click.option("--isolated", is_flag=True, help="Ignore all config files, and load no plugin."),
        ]
    ):
        command = option(command)
    return command


def plugin_lines(catalogue: Catalogue) -> list[str]:
    """One line per loaded plugin: where it was read from, what it brought."""
    out = []
    for plugin in catalogue.plugins:
        brought = [*plugin.rules, *(f"codemod {name}" for name in plugin.codemods)]
        out.append(f"plugin {plugin.name!r} loaded from {plugin.origin}: {', '.join(brought) or 'nothing'}")
    return out


@click.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@catalogue_options
def rules(output_format: str, config_path: Path | None, isolated: bool) -> None:
    """List every rule: code, name, severity, the strongest fix it offers,
    and where it comes from (built-in, or the plugin's file or module).
    Plugins are those of the config file of the current folder."""
    catalogue = load_catalogue(config_path, isolated)
    rows = [
        {
            "code": cls.code,
            "name": cls.name,
            "severity": cls.severity.value,
            "fix": cls.fixable.value if cls.fixable else "none",
            "summary": cls.summary(),
            "source": catalogue.source(cls),
        }
        for cls in catalogue.rules
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    width = max(len(row["name"]) for row in rows)
    code_width = max(len(row["code"]) for row in rows)
    for row in rows:
        source = "" if row["source"] == "built-in" else f"  [plugin: {row['source']}]"
        click.echo(
            f"{row['code']:<{code_width}}  {row['name']:<{width}}  {row['severity']:<7}  {row['fix']:<12}  "
            f"{row['summary']}{source}"
        )
    for line in plugin_lines(catalogue):
        click.echo(line, err=True)


@click.command("explain")
@click.argument("rule")
@catalogue_options
def explain(rule: str, config_path: Path | None, isolated: bool) -> None:
    """Print the docs of RULE (a code such as TFX101, or a name; a plugin's
    too), or of a codemod by its name."""
    catalogue = load_catalogue(config_path, isolated)
    cls: type[Rule]
    try:
        cls = catalogue.resolve(rule)
    except ValueError as e:
        try:
            cls = catalogue.codemod(rule)
        except ValueError:
            raise click.UsageError(str(e)) from None
    source = catalogue.source(cls)
    origin = "" if source == "built-in" else f" Source: plugin {source}."
    if issubclass(cls, Codemod):
        click.echo(f"# codemod {cls.name}\n\nRun it with `tffix codemod {cls.name}`.{origin}\n")
    else:
        fix = cls.fixable.value if cls.fixable else "none"
        click.echo(f"# {cls.code} {cls.name}\n\nSeverity: {cls.severity.value}. Fix: {fix}.{origin}\n")
    docs = cls.docs()
    click.echo(docs.split("\n", 1)[1].strip() if "\n" in docs else docs)
    peers = PEERS.get(cls.code, ())
    if peers:
        click.echo("\n## Peer IDs")
        click.echo(
            "Other tools report the same pattern as "
            + ", ".join(f"`{peer}`" for peer in peers)
            + "; their suppression comments (`checkov:skip=`, `trivy:ignore:`, `tflint-ignore:`) suppress this rule too."
        )
    if cls.options:
        click.echo("\n## Options")
        for key, option in cls.options.items():
            click.echo(f"- `{key}` (default {option.default!r}): {option.help}")
