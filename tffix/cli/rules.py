"""``tffix rules`` and ``tffix explain``: the rule catalogue and its docs."""

from __future__ import annotations

import json

import click

from ..context.suppressions import PEERS
from ..rules.registry import resolve, rule_classes

__all__ = ["explain", "rules"]


@click.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(output_format: str) -> None:
    """List every rule: code, name, severity, the strongest fix it offers."""
    rows = [
        {
            "code": cls.code,
            "name": cls.name,
            "severity": cls.severity.value,
            "fix": cls.fixable.value if cls.fixable else "none",
            "summary": cls.summary(),
        }
        for cls in rule_classes()
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        click.echo(f"{row['code']}  {row['name']:<{width}}  {row['severity']:<7}  {row['fix']:<12}  {row['summary']}")


@click.command("explain")
@click.argument("rule")
def explain(rule: str) -> None:
    """Print the docs of RULE (a code such as TFX101, or a name)."""
    try:
        cls = resolve(rule)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    fix = cls.fixable.value if cls.fixable else "none"
    click.echo(f"# {cls.code} {cls.name}\n\nSeverity: {cls.severity.value}. Fix: {fix}.\n")
    click.echo(cls.docs().split("\n", 1)[1].strip() if "\n" in cls.docs() else cls.docs())
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
