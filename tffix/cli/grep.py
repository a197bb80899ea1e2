"""``tffix grep``: find code by pattern (``docs/patterns.md``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..engine.discover import discover
from ..patterns import Pattern, PatternError, compile_pattern
from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from ..text.lines import Lines

__all__ = ["grep"]


@click.command("grep")
@click.argument("pattern")
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def grep(pattern: str, paths: tuple[str, ...], output_format: str) -> None:
    """Print every match of PATTERN in the .tf files of PATHS (default: the
    current directory), with its location and what each metavariable
    captured. PATTERN is body items (`resource "aws_instance" "$N" {
    instance_type = $T }`) or one expression (`lookup($M, $K)`).

    \b
    Exit codes:
      0  matches found
      1  no match
      2  an invalid pattern, a path that does not exist, a file that does not parse
    """
    try:
        compiled = compile_pattern(pattern, path="<pattern>")
    except PatternError as e:
        click.echo(f"tffix: {e}", err=True)
        sys.exit(2)
    sources, errors = discover(paths or (".",), action="searched")
    failed = bool(errors)
    for error in errors:
        click.echo(str(error), err=True)
    found = 0
    rows: list[dict[str, object]] = []
    for source in sources:
        for path in sorted(source.targets):
            text = source.texts.get(path)
            if text is None:
                continue
            try:
                tree = parse_module(text, path=str(path))
            except ParseError as e:
                click.echo(str(e), err=True)
                failed = True
                continue
            for row in _matches(compiled, tree, text, path):
                found += 1
                rows.append(row)
                if output_format == "text":
                    click.echo(f"{row['path']}:{row['line']}:{row['column']}: {row['code']}")
                    for name, value in row["captures"].items():  # type: ignore[attr-defined]
                        click.echo(f"    ${name} = {value}")
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
    click.echo(f"{found} {'match' if found == 1 else 'matches'}", err=True)
    sys.exit(2 if failed else 0 if found else 1)


def _matches(pattern: Pattern, tree: object, text: str, path: Path) -> list[dict[str, object]]:
    from ..cst import nodes as n
    from ..cst.positions import spans

    assert isinstance(tree, n.Module)
    offsets = spans(tree).text
    lines = Lines(text)
    out: list[dict[str, object]] = []
    for found in pattern.find(tree):
        start, end = offsets[id(found.node)]
        line, column = lines.location(start)
        first = text[start:end].splitlines()[0] if text[start:end] else ""
        captures = {name: capture.text for name, capture in sorted(found.captures.items())}
        out.append({"path": str(path), "line": line, "column": column, "code": first, "captures": captures})
    return out
