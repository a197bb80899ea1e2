"""Formatting only part of a file, so a fix can leave fmt-clean code behind
while every other byte stays put.

The whole file is laid out (indentation and alignment depend on context), but
only the selected lines take the new whitespace; all others keep their own.
A selected line pulls in the lines it is aligned with (its ``=`` run and its
trailing-comment run), since changing one line of a run can move the column
of all. Terraform's rewrites apply to items lying wholly in the selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..cst import nodes as n
from ..syntax.parser import parse_module
from .checks import SelfCheckError, check_unique_attributes
from .layout import Line, layout
from .rewrites import rewrite_edits
from .tokens import FmtToken, fmt_tokens

__all__ = ["format_lines", "format_nodes"]


def _start_lines(tokens: list[FmtToken]) -> list[int]:
    """1-based source line on which each token's text starts."""
    out = []
    line = 1
    for tok in tokens:
        line += tok.ws.count("\n")
        out.append(line)
        line += tok.text.count("\n")
    return out


def _end_line(start: int, tok: FmtToken) -> int:
    """The line a token's text ends on (a final line break belongs to its line)."""
    return start + tok.text.count("\n") - tok.text.endswith("\n")


def _render(module: n.Module, wanted: set[int], terraform: bool) -> str:
    index: dict[int, int] = {}
    tokens = fmt_tokens(module.tokens(), index, bom=module.bom)
    starts = _start_lines(tokens)

    def inside(start: int, end: int) -> bool:
        first = starts[start]
        last = _end_line(starts[end - 1], tokens[end - 1])
        return all(line in wanted for line in range(first, last + 1))

    rewrites = rewrite_edits(module, tokens, index) if terraform else []
    edits = [e for e in rewrites if inside(e[0], e[1])]
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        for tok in new:
            tok.ws = ""  # new tokens have no source whitespace: they take the layout's
        tokens[start:end] = new
        starts[start:end] = [starts[start]] * len(new)
    position = {id(tok): i for i, tok in enumerate(tokens)}
    lines = layout(tokens)
    chosen = _choose(lines, wanted, starts, position)
    out = [module.bom]
    for tok in tokens:
        out.append(" " * tok.spaces if id(tok) in chosen else tok.ws)
        out.append(tok.text)
    return "".join(out)


def _choose(lines: list[Line], wanted: set[int], starts: list[int], position: dict[int, int]) -> set[int]:
    """ids of the tokens that take the layout's whitespace."""
    selected = []
    for line in lines:
        toks = line.tokens()
        if not toks:
            continue
        first = starts[position[id(toks[0])]]
        last = _end_line(starts[position[id(toks[-1])]], toks[-1])
        selected.append(any(number in wanted for number in range(first, last + 1)))
    assign_runs = {line.assign_run for line, pick in zip(lines, selected) if pick and line.assign_run >= 0}
    comment_runs = {line.comment_run for line, pick in zip(lines, selected) if pick and line.comment_run >= 0}
    chosen: set[int] = set()
    for line, pick in zip(lines, selected):
        if pick:
            chosen.update(id(tok) for tok in line.tokens())
            continue
        # a line in a run has the cell the run aligns
        if line.assign_run in assign_runs and line.assign is not None:
            chosen.update(id(tok) for tok in line.assign)
        if line.comment_run in comment_runs and line.comment is not None:
            chosen.update(id(tok) for tok in line.comment)
    return chosen


def format_lines(text: str, lines: Iterable[int], *, filename: str | None = None, terraform: bool = True) -> str:
    """``text`` with only the given 1-based source lines (and the lines they
    align with) formatted as ``terraform fmt`` would; every other byte kept.
    ``terraform=False``: hclwrite's layout alone, as ``format_source``.

    Raises ParseError for bad input and SelfCheckError if the result fails to
    parse or is not stable under a second application.
    """
    wanted = set(lines)
    module = parse_module(text, path=filename)
    check_unique_attributes(module, path=filename)  # an edit must not set an argument twice
    result = _render(module, wanted, terraform)
    if result == text:
        return result
    try:
        again = parse_module(result, path=filename)
    except Exception as e:
        raise SelfCheckError(
            f"{filename or '<input>'}: region formatting produced output that does not parse: {e}"
        ) from e
    if _render(again, wanted, terraform) != result:
        raise SelfCheckError(f"{filename or '<input>'}: region formatting is not stable")
    return result


def format_nodes(module: n.Module, nodes: Iterable[n.Node], *, filename: str | None = None) -> str:
    """``module``'s text with only the lines of ``nodes`` formatted (see
    ``format_lines``); use it after an edit to tidy what the edit touched."""
    wanted: set[int] = set()
    for node in nodes:
        where = module.position(node)
        wanted.update(range(where.start[0], where.end[0] + 1))
    return format_lines(module.code, wanted, filename=filename)
