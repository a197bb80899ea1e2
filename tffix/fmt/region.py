"""Formatting only part of a file, so a fix can leave fmt-clean code behind
while every other byte stays put.

The whole file is laid out (indentation and alignment depend on context), but
only the selected lines take the new whitespace; all others keep their own.
A selected line pulls in the lines it is aligned with (its ``=`` run and its
trailing-comment run), since changing one line of a run can move the column
of all. Terraform's rewrites apply to items lying wholly in the selection.

Indentation follows the file's own unit (see ``indent_unit``): a reviewer
will not merge a fixed line written at 2-space depth between 4-space or
tab-indented siblings. In a fmt-clean file the unit is two spaces, so the
result is what ``terraform fmt`` writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..cst import nodes as n
from ..syntax.parser import collector_paused, parse_module
from .checks import SelfCheckError, check_unique_attributes
from .layout import Line, layout
from .rewrites import rewrite_anchors, rewrite_edits
from .tokens import FmtToken, fmt_tokens

__all__ = ["format_lines", "format_lines_parsed", "format_nodes", "indent_unit"]

#: The unit ``terraform fmt`` indents with; also the answer for a file that shows no other.
FMT_INDENT = "  "


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


def _depth_indents(lines: list[Line], skip: set[int], starts: list[int], position: dict[int, int]) -> Counter[str]:
    """How often each source indentation is seen, per level, on lines at
    depth one or more outside ``skip``: ``ws`` divided by the depth."""
    seen: Counter[str] = Counter()
    for line in lines:
        if not line.lead:
            continue
        first = line.lead[0]
        depth = first.spaces // 2
        if first.kind == "NEWLINE" or depth == 0 or starts[position[id(first)]] in skip:
            continue
        ws = first.ws
        if ws and len(ws) % depth == 0 and ws == ws[: len(ws) // depth] * depth and len(set(ws)) == 1:
            seen[ws[: len(ws) // depth]] += 1
    return seen


def _unit(seen: Counter[str]) -> str:
    if not seen:
        return FMT_INDENT
    # the most frequent unit; ties go to terraform fmt's, then to the shorter
    return max(seen, key=lambda u: (seen[u], u == FMT_INDENT, -len(u)))


def indent_unit(module: n.Module, *, skip: Iterable[int] = ()) -> str:
    """The file's indentation unit: two or four spaces, a tab... as its
    nested lines show it (lines in ``skip``, 1-based, are not asked: they
    are the ones about to be rewritten). Two spaces when nothing tells.

    Without ``skip`` the answer is computed once per module: every fix of a
    check asks for it."""
    skip = set(skip)
    if not skip:
        return n.memo(module, "indent_unit", lambda: _indent_unit(module, skip))
    return _indent_unit(module, skip)


def _indent_unit(module: n.Module, skip: set[int]) -> str:
    tokens = fmt_tokens(module.tokens(), bom=module.bom)
    starts = _start_lines(tokens)
    position = {id(tok): i for i, tok in enumerate(tokens)}
    return _unit(_depth_indents(layout(tokens), skip, starts, position))


def _render(
    module: n.Module, wanted: set[int], unit: str | None, own_style: bool, terraform: bool, neighbours: bool = True
) -> tuple[str, str]:
    """The text with the ``wanted`` lines laid out, and the indentation unit
    used (``unit``, or the one the lines outside ``wanted`` show)."""
    index = rewrite_anchors(module) if terraform else None
    tokens = fmt_tokens(module.tokens(), index, bom=module.bom)
    starts = _start_lines(tokens)

    def inside(start: int, end: int) -> bool:
        first = starts[start]
        last = _end_line(starts[end - 1], tokens[end - 1])
        return all(line in wanted for line in range(first, last + 1))

    rewrites = rewrite_edits(module, tokens, index) if index is not None else []
    edits = [e for e in rewrites if inside(e[0], e[1])]
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        for tok in new:
            tok.ws = ""  # new tokens have no source whitespace: they take the layout's
        tokens[start:end] = new
        starts[start:end] = [starts[start]] * len(new)
    position = {id(tok): i for i, tok in enumerate(tokens)}
    lines = layout(tokens)
    if unit is None:
        # the lines outside ``wanted`` tell the file's unit; when every line is
        # rewritten, the lines themselves do (a fix writes new ones in that unit)
        seen = _depth_indents(lines, wanted, starts, position) or _depth_indents(lines, set(), starts, position)
        unit = _unit(seen)
    chosen = _choose(lines, wanted, starts, position, own_style, neighbours, unit)
    # a chosen line's indentation in the file's unit (the layout counts two spaces a level)
    indents = {}
    if unit != FMT_INDENT:
        for line in lines:
            if line.lead and line.lead[0].kind != "NEWLINE" and id(line.lead[0]) in chosen:
                indents[id(line.lead[0])] = unit * (line.lead[0].spaces // 2)
    out = [module.bom]
    for tok in tokens:
        key = id(tok)
        if key in chosen:
            out.append(indents.get(key) or " " * tok.spaces)
        else:
            out.append(tok.ws)
        out.append(tok.text)
    return "".join(out), unit


def _width(tokens: list[FmtToken]) -> int:
    """Characters the tokens take in the source, their whitespace included."""
    return sum([len(tok.ws) + len(tok.text) for tok in tokens])


def _laid_out_width(tokens: list[FmtToken], unit: str) -> int:
    """Characters the tokens take once laid out (the first one's indentation
    in ``unit``, as ``_render`` writes it)."""
    first = tokens[0]
    indent = first.spaces if unit == FMT_INDENT else len(unit) * (first.spaces // 2)
    return indent + sum([tok.spaces + len(tok.text) for tok in tokens[1:]]) + len(first.text)


def _aligned(run: list[Line], cell: str) -> bool:
    """Whether lines that keep their bytes were aligned on purpose for the
    ``cell`` (``assign`` or ``comment``): one column for all, after at least
    one blank, and the rest of the cell spaced as the formatter spaces it.
    Then they move with the selected lines (a fmt-clean file, or one aligned
    in its own way); otherwise the file does not align that group, and a
    selected line does not either."""
    columns = set()
    for line in run:
        before = line.lead if cell == "assign" else line.lead + (line.assign or [])
        tokens = getattr(line, cell)
        if not tokens[0].ws or any(tok.ws != " " * tok.spaces for tok in tokens[1:]):
            return False
        columns.add(_width(before) + len(tokens[0].ws))
    return len(columns) <= 1


def _choose(
    lines: list[Line],
    wanted: set[int],
    starts: list[int],
    position: dict[int, int],
    own_style: bool,
    neighbours: bool = True,
    unit: str = FMT_INDENT,
) -> set[int]:
    """ids of the tokens that take the layout's whitespace.

    A selected line in an alignment run pulls in the run's other lines. In
    ``own_style`` only when they were aligned (a fmt-clean file, or one
    aligned in its own way) and ``neighbours`` allows it; in a run the file
    never aligned, the other lines keep their bytes and the selected line
    takes one space (issue 16: no collateral lines). Without ``neighbours``
    (a file that is not fmt-clean) the other lines keep their bytes even when
    aligned: the selected line takes their column where it fits."""
    selected = []
    for line in lines:
        toks = line.tokens()
        if not toks:
            continue
        first = starts[position[id(toks[0])]]
        last = _end_line(starts[position[id(toks[-1])]], toks[-1])
        selected.append(any(number in wanted for number in range(first, last + 1)))
    chosen: set[int] = set()
    for cell in ("assign", "comment"):
        runs: dict[int, tuple[list[Line], list[Line]]] = {}  # run -> (selected lines, other lines)
        for line, pick in zip(lines, selected):
            number = line.assign_run if cell == "assign" else line.comment_run
            if number >= 0:
                runs.setdefault(number, ([], []))[0 if pick else 1].append(line)
        for picked, others in runs.values():
            if not picked:
                continue
            aligned = not own_style or _aligned(others, cell)
            if aligned and (neighbours or not others):
                for line in others:
                    chosen.update(id(tok) for tok in getattr(line, cell))
            elif aligned:
                line = others[0]
                column = _width(line.lead if cell == "assign" else line.lead + (line.assign or []))
                column += len(getattr(line, cell)[0].ws)
                for line in picked:
                    before = line.lead if cell == "assign" else line.lead + (line.assign or [])
                    getattr(line, cell)[0].spaces = max(1, column - _laid_out_width(before, unit))
            else:
                for line in picked:
                    getattr(line, cell)[0].spaces = 1
    for line, pick in zip(lines, selected):
        if pick:
            chosen.update(id(tok) for tok in line.tokens())
    return chosen


def format_lines(
    text: str,
    lines: Iterable[int],
    *,
    filename: str | None = None,
    own_style: bool = False,
    indent: str | None = None,
    terraform: bool = True,
) -> str:
    """``text`` with only the given 1-based source lines (and the lines they
    align with) formatted as ``terraform fmt`` would; every other byte kept.
    ``terraform=False``: hclwrite's layout alone, as ``format_source``.

    ``own_style`` is what a fix wants (issue 16): the lines take the file's
    indentation unit, and alignment runs the file does not align are left
    alone (so are their other lines). ``indent`` forces a unit.

    Raises ParseError for bad input and SelfCheckError if the result fails to
    parse or is not stable under a second application.
    """
    return format_lines_parsed(text, lines, filename=filename, own_style=own_style, indent=indent, terraform=terraform)[
        0
    ]


def format_lines_parsed(
    text: str,
    lines: Iterable[int],
    *,
    filename: str | None = None,
    own_style: bool = False,
    indent: str | None = None,
    terraform: bool = True,
    neighbours: bool = True,
) -> tuple[str, n.Module]:
    """``format_lines``, and the tree of its result: the parse its self-check
    made (or the input's, when nothing changed), so a caller that needs the
    tree (the apply loop's next pass) does not parse the text again.
    ``neighbours=False`` (with ``own_style``, for a file that was not
    fmt-clean): lines outside ``lines`` keep their bytes even when aligned
    with a selected line, which takes their column where it fits."""
    with collector_paused():  # see format_module
        return _format_lines_parsed(text, set(lines), filename, own_style, indent, terraform, neighbours)


def _format_lines_parsed(
    text: str,
    wanted: set[int],
    filename: str | None,
    own_style: bool,
    indent: str | None,
    terraform: bool,
    neighbours: bool,
) -> tuple[str, n.Module]:
    module = parse_module(text, path=filename)
    check_unique_attributes(module, path=filename)  # an edit must not set an argument twice
    unit = indent if indent is not None else (None if own_style else FMT_INDENT)
    result, unit = _render(module, wanted, unit, own_style, terraform, neighbours)
    if result == text:
        return result, module
    try:
        again = parse_module(result, path=filename)
    except Exception as e:
        raise SelfCheckError(
            f"{filename or '<input>'}: region formatting produced output that does not parse: {e}"
        ) from e
    if _render(again, wanted, unit, own_style, terraform, neighbours)[0] != result:
        raise SelfCheckError(f"{filename or '<input>'}: region formatting is not stable")
    return result, again


def format_nodes(module: n.Module, nodes: Iterable[n.Node], *, filename: str | None = None) -> str:
    """``module``'s text with only the lines of ``nodes`` formatted (see
    ``format_lines``); use it after an edit to tidy what the edit touched."""
    wanted: set[int] = set()
    for node in nodes:
        where = module.position(node)
        wanted.update(range(where.start[0], where.end[0] + 1))
    return format_lines(module.code, wanted, filename=filename)
