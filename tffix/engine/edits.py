"""Applying a fix's text edits and tidying only the lines they touched: the
one way the engine, the language server and SARIF's fixes apply them.

Edits are spliced into the text as the rule saw it; then the lines holding
new text (and, where text was deleted, the lines on both sides of the cut,
whose alignment may change) are formatted with the formatter's region API.
Every other byte of the file stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from ..cst import nodes as n
from ..diagnostics import Edit
from ..fmt import format_source
from ..fmt.checks import SelfCheckError
from ..fmt.region import format_lines_parsed, indent_unit
from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from ..text.diff import text_edits
from ..text.lines import Lines
from ..text.newlines import inserted_text, newline_style

__all__ = [
    "apply_edits_parsed",
    "apply_fix_edits",
    "apply_fix_edits_parsed",
    "edits_by_path",
    "fmt_clean",
    "inserted_text",
    "module_newline",
    "splice",
    "touched_lines",
    "written_edits",
]


def splice(text: str, edits: Iterable[Edit], *, newline: str = "\n") -> tuple[str, list[tuple[int, int, bool]]]:
    """``text`` with non-overlapping ``edits`` applied, and for each edit the
    ``(start, end, deleted)`` range its new text occupies in the result.
    Line breaks in new text follow the file's style (``newline`` for a new
    or empty file)."""
    out: list[str] = []
    ranges: list[tuple[int, int, bool]] = []
    cursor = 0
    size = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        kept = text[cursor : edit.start]
        out.append(kept)
        size += len(kept)
        new = inserted_text(text, edit.text, newline)
        out.append(new)
        removed = text[edit.start : edit.end]
        ranges.append((size, size + len(new), "\n" in removed))  # whole lines went: neighbours may realign
        size += len(new)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out), ranges


def touched_lines(text: str, ranges: Iterable[tuple[int, int, bool]]) -> set[int]:
    """1-based lines of ``text`` that hold the edited ranges."""
    lines: set[int] = set()
    index = Lines(text)
    for start, end, deleted in ranges:
        first = index.line(start) + 1
        # new text ending in a line break does not touch the next line
        stop = end - 1 if end > start and text[end - 1] == "\n" else end
        last = index.line(max(start, stop)) + 1
        # and new text starting with one only ends the line before: that line keeps its bytes
        opens = start < end and text[start] in "\r\n"
        lines.update(range(first + opens, last + 1))
        if deleted:
            lines.update({first - 1, last + 1} - {0})
    return lines


def apply_edits_parsed(
    text: str, edits: Iterable[Edit], *, filename: str | None = None, newline: str = "\n", terraform: bool = True
) -> tuple[str, n.Module]:
    """Splice ``edits`` into ``text`` and format the touched lines; also the
    tree of the result (the formatter's own parse). ``terraform=False``: the
    touched lines get hclwrite's layout alone, without Terraform's rewrites
    (a rename must not unwrap ``"${x}"`` on its lines).

    Raises ParseError when the result does not parse (a rule's bug) and
    SelfCheckError when formatting fails its own checks."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    result, ranges = splice(text, edits, newline=newline)
    # issue 16: in a file that is not fmt-clean a fix changes only its own lines; in a fmt-clean
    # one, the lines beside a cut and the aligned neighbours move as `terraform fmt` moves them
    clean = fmt_clean(text, filename=filename, terraform=terraform)
    if not clean:
        ranges = [(s, e, False) for (s, e, _), edit in zip(ranges, edits) if not _whole_lines_gone(text, edit)]
    lines = touched_lines(result, ranges)
    # own_style: fixed lines take the file's indentation unit and alignment habits
    return format_lines_parsed(result, lines, filename=filename, own_style=True, terraform=terraform, neighbours=clean)


def _whole_lines_gone(text: str, edit: Edit) -> bool:
    """``edit`` removes whole lines and writes nothing: no line is left to tidy."""
    removed = text[edit.start : edit.end]
    return not edit.text and removed.endswith("\n") and (edit.start == 0 or text[edit.start - 1] == "\n")


@lru_cache(maxsize=64)
def fmt_clean(text: str, *, filename: str | None = None, terraform: bool = True) -> bool:
    """Whether ``text`` is what the formatter writes, in the file's own
    indentation unit (a tab- or 4-space-indented file aligned as ``terraform
    fmt`` aligns is aligned on purpose). A text that does not parse is not.
    The passes of a run ask again for the same texts."""
    try:
        formatted = format_source(text, filename=filename, terraform=terraform)
        if formatted == text:
            return True
        unit = indent_unit(parse_module(text, path=filename))
    except (ParseError, SelfCheckError):
        return False
    return unit != "  " and formatted == _in_two_spaces(text, unit)


def _in_two_spaces(text: str, unit: str) -> str | None:
    """``text`` with each level of ``unit`` at the start of a line made two
    spaces; None when a line is indented by something else (a file that
    mixes units is not clean in either)."""
    out = []
    for line in text.splitlines(keepends=True):
        depth = 0
        while line.startswith(unit * (depth + 1)):
            depth += 1
        rest = line[len(unit) * depth :]
        if rest[:1] in (" ", "\t"):
            return None
        out.append("  " * depth + rest)
    return "".join(out)


def module_newline(texts: Mapping[Path, str]) -> str:
    """The line break new text takes in a file that has none yet: the
    module's prevailing one."""
    return newline_style("".join(texts.values()))


def edits_by_path(edits: Iterable[Edit]) -> dict[Path, list[Edit]]:
    """``edits`` grouped by the file they change, in order of first mention."""
    out: dict[Path, list[Edit]] = {}
    for edit in edits:
        out.setdefault(edit.path, []).append(edit)
    return out


def apply_fix_edits(texts: Mapping[Path, str], edits: Iterable[Edit], *, terraform: bool = True) -> dict[Path, str]:
    """The new text of every file ``edits`` change, as ``tffix apply`` writes
    it: each file's edits spliced in and its touched lines formatted. A file
    not in ``texts`` (one a fix creates) starts empty.

    Raises ParseError when a result does not parse (a rule's bug),
    SelfCheckError when formatting fails its own checks, and ValueError for
    overlapping edits. ``terraform``: as for ``apply_edits_parsed``."""
    return {path: text for path, (text, _) in apply_fix_edits_parsed(texts, edits, terraform=terraform).items()}


def apply_fix_edits_parsed(
    texts: Mapping[Path, str], edits: Iterable[Edit], *, terraform: bool = True
) -> dict[Path, tuple[str, n.Module]]:
    """``apply_fix_edits``, with the tree of each new text (raises as it does):
    the apply loop's next pass reads the trees instead of parsing again."""
    newline = module_newline(texts)
    return {
        path: apply_edits_parsed(texts.get(path, ""), group, filename=str(path), newline=newline, terraform=terraform)
        for path, group in edits_by_path(edits).items()
    }


def written_edits(texts: Mapping[Path, str], edits: Iterable[Edit]) -> list[Edit]:
    """The edits that turn each file into what ``tffix apply`` writes for
    these edits alone: one truth for every place a fix is shown (JSON, SARIF,
    the language server). When formatting the touched lines changes nothing
    more they are the edits themselves, in the file's line break style;
    otherwise each changed run of lines, replaced whole. A fix that cannot
    be applied (its result would not parse) is shown as it is."""
    edits = list(edits)
    newline = module_newline(texts)
    try:
        final = apply_fix_edits(texts, edits)
    except (ParseError, SelfCheckError, ValueError):
        final = {}
    out: list[Edit] = []
    for path, group in edits_by_path(edits).items():
        text = texts.get(path, "")
        written = final.get(path)
        if written is None or written == splice(text, group, newline=newline)[0]:
            out += (
                Edit(e.path, e.start, e.end, inserted_text(text, e.text, newline), e.create)
                for e in sorted(group, key=lambda e: (e.start, e.end))
            )
        else:
            create = any(e.create for e in group)
            out += (Edit(path, s, e, new, create) for s, e, new in text_edits(text, written, whole_lines=True))
    return out
