"""Developer commands: look at tokens and trees, check round trips."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cst.nodes import Node
from ..files import iter_files, read_error, read_source, read_stdin
from ..syntax import ParseError, Token, parse_module, tokenize
from ..text.lines import BOM, Lines

__all__ = ["debug"]


@click.group()
def debug() -> None:
    """Developer tools for the parser."""


def _load(path: str) -> str:
    """The text of FILE or of standard input (``-``), read as fmt and check
    read them; exit 2 with ``path: why`` when it cannot be read."""
    try:
        return read_stdin() if path == "-" else read_source(Path(path))
    except (OSError, UnicodeDecodeError) as e:
        click.echo(read_error("<stdin>" if path == "-" else Path(path), e), err=True)
        sys.exit(2)


@debug.command()
@click.argument("file")
def tokens(file: str) -> None:
    """Print the tokens of FILE with their trivia (FILE may be -)."""
    text = _load(file)
    try:
        toks = tokenize(text, path=file)
    except ParseError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    lines = Lines(text)
    offset = 1 if text.startswith(BOM) else 0
    for tok in toks:
        offset += len(tok.lead)
        line, col = lines.location(offset)
        click.echo(f"{line}:{col}\t{tok.kind}\t{tok.text!r}\tlead={tok.lead!r}\ttrail={tok.trail!r}")
        offset += len(tok.text) + len(tok.trail)


@debug.command()
@click.argument("file")
def tree(file: str) -> None:
    """Print the concrete syntax tree of FILE (FILE may be -)."""
    text = _load(file)
    try:
        module = parse_module(text, path=file)
    except ParseError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    _print_tree(module)


def _print_tree(root: Node) -> None:
    # A stack of what is left to print, not recursion: trees nest deep.
    stack: list[tuple[Node | Token | str, int, str]] = [(root, 0, "")]  # (what, depth, field name); a str is a line
    while stack:
        node, depth, label = stack.pop()
        if type(node) is str:
            click.echo(node)
            continue
        pad = "  " * depth + (f"{label}: " if label else "")
        if type(node) is Token:
            trivia = "".join(f" {k}={v!r}" for k, v in (("lead", node.lead), ("trail", node.trail)) if v)
            click.echo(f"{pad}{node.kind} {node.text!r}{trivia}")
            continue
        click.echo(f"{pad}{type(node).__name__}")
        todo: list[tuple[Node | Token | str, int, str]] = []
        for name in node.__match_args__:  # type: ignore[union-attr]
            value = getattr(node, name)
            if value is None or value == () or type(value) is str and not value:
                continue
            if type(value) is tuple:
                todo.append((f"{'  ' * (depth + 1)}{name}:", 0, ""))
                todo.extend((item, depth + 2, "") for item in value)
            elif type(value) is str:
                todo.append((f"{'  ' * (depth + 1)}{name}: {value!r}", 0, ""))
            else:
                todo.append((value, depth + 1, name))
        stack.extend(reversed(todo))


@debug.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def roundtrip(paths: tuple[str, ...]) -> None:
    """Parse and print every .tf/.tfvars/.hcl file under PATHS; report any
    file that does not come back byte for byte, or cannot be read or parsed.
    Exit 0 only when all come back."""
    files = identical = errors = mismatches = 0
    unlisted: list[Path] = []

    def unlistable(folder: Path, error: OSError) -> None:
        unlisted.append(folder)
        click.echo(f"read error: {read_error(folder, error)}")

    for path in iter_files(paths, on_error=unlistable):
        files += 1
        try:
            text = read_source(path)
            printed = parse_module(text, path=str(path)).code
        except ParseError as e:
            errors += 1
            click.echo(f"parse error: {e}")
            continue
        except (OSError, UnicodeDecodeError) as e:
            errors += 1
            click.echo(f"read error: {read_error(path, e)}")
            continue
        if printed == text:
            identical += 1
            continue
        mismatches += 1
        at = next((i for i, (a, b) in enumerate(zip(text, printed)) if a != b), min(len(text), len(printed)))
        line, col = Lines(text).location(at)
        click.echo(f"mismatch: {path}:{line}:{col}: first difference at offset {at}")
    click.echo(f"{files} files, {identical} identical, {errors} parse errors, {mismatches} mismatches")
    sys.exit(0 if identical == files and not unlisted else 1)
