"""hclwrite's layout passes over a token stream: indentation, spacing between
tokens, and alignment of ``=`` and trailing comments.

This reproduces the behaviour of hclwrite's formatter (which ``terraform fmt``
runs after its own rewrites), written from its documented behaviour and tests.
A line is split into up to three cells: *lead* (everything up to the others),
*assign* (from the first ``=`` when the rest of the line is bracket-balanced)
and *comment* (a trailing ``#``/``//`` comment). Consecutive lines align their
assign cells and, separately, their comment cells.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Protocol

from .tokens import FmtToken

__all__ = ["Line", "layout"]

_OPENS = frozenset({"OBRACE", "OBRACK", "OPAREN", "TEMPLATE_CONTROL", "TEMPLATE_INTERP"})
_CLOSES = frozenset({"CBRACE", "CBRACK", "CPAREN", "TEMPLATE_SEQ_END"})
_NIL = FmtToken("NIL", "")

# After these, a minus is a negation and takes no space after it.
_NEGATION_CONTEXT = frozenset(
    {
        "NIL", "OPAREN", "OBRACE", "OBRACK", "EQUAL", "COLON", "COMMA", "QUESTION",
        "PLUS", "STAR", "SLASH", "PERCENT", "MINUS",
        "EQUAL_OP", "NOT_EQUAL", "GREATER_THAN", "GREATER_THAN_EQ", "LESS_THAN", "LESS_THAN_EQ",
        "AND", "OR", "BANG",
    }
)  # fmt: skip
_TEMPLATE_TEXT = frozenset({"QUOTED_LIT", "STRING_LIT", "OQUOTE", "OHEREDOC"})
_BEFORE_TEMPLATE_TEXT = frozenset({"QUOTED_LIT", "STRING_LIT", "CQUOTE", "CHEREDOC"})


# How a token of each kind changes the bracket depth (absent: not at all).
_DEPTH = {**dict.fromkeys(_OPENS, 1), **dict.fromkeys(_CLOSES, -1)}


def _bracket_change(tok: FmtToken) -> int:
    return _DEPTH.get(tok.kind, 0)


class _Pattern(Protocol):
    """What is used of a ``regex`` pattern (the package ships no types)."""

    def findall(self, text: str) -> list[str]: ...


@functools.cache
def _clusters() -> tuple[_Pattern, _Pattern]:
    """The patterns that count grapheme clusters; ``regex`` is loaded on the
    first text that is not ASCII (loading takes longer than most files do)."""
    import regex

    # Unicode 15.1 joins Indic conjuncts (consonant + virama + consonant) into
    # one cluster (rule GB9c); the segmenter Terraform 1.0.3 uses predates that
    # rule, so each consonant after a virama counts as a cluster of its own.
    conjunct = regex.compile(r"[\u094D\u09CD\u0ACD\u0B4D\u0C4D\u0D4D][\p{Mn}\u200d]*\p{Lo}")
    return regex.compile(r"\X"), conjunct


def _columns(tokens: list[FmtToken]) -> int:
    """Width as hclwrite counts it: spaces plus grapheme clusters (so ``é``
    written with a combining accent is one, a flag is one, ``\r\n`` is one)."""
    width = 0
    for tok in tokens:
        width += tok.spaces
        text = tok.text
        if text.isascii():
            width += len(text) - text.count("\r\n")
        else:
            grapheme, conjunct = _clusters()
            width += len(grapheme.findall(text)) + len(conjunct.findall(text))
    return width


class Line:
    """One formatter line: its cells, and the alignment runs it belongs to
    (lines whose ``assign_run`` / ``comment_run`` match are aligned together)."""

    __slots__ = ("assign", "assign_run", "comment", "comment_run", "lead")

    def __init__(self, lead: list[FmtToken]) -> None:
        self.lead = lead
        self.assign: list[FmtToken] | None = None
        self.comment: list[FmtToken] | None = None
        self.assign_run = -1
        self.comment_run = -1

    def tokens(self) -> list[FmtToken]:
        return self.lead + (self.assign or []) + (self.comment or [])


def _lines(tokens: list[FmtToken]) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for i, tok in enumerate(tokens):
        kind = tok.kind
        if kind == "NEWLINE" or (kind == "COMMENT" and tok.text.endswith("\n")):  # tok.ends_line
            lines.append(Line(tokens[start : i + 1]))
            start = i + 1
        elif kind == "EOF":
            lines.append(Line(tokens[start:i]))
            start = -1
            break
    if start != -1 and start < len(tokens):
        lines.append(Line(tokens[start:]))
    depth = _DEPTH.get
    for line in lines:
        lead = line.lead
        if not lead:
            continue
        if len(lead) > 1 and lead[-1].kind == "COMMENT":
            line.comment = lead[-1:]
            lead = line.lead = lead[:-1]
        for i in range(1, len(lead)):
            if lead[i].kind == "EQUAL":
                # only a complete right-hand side joins an alignment group
                if sum([depth(t.kind, 0) for t in lead[i:]]) == 0:
                    line.assign = lead[i:]
                    line.lead = lead[:i]
                break
    return lines


def _indent(lines: list[Line]) -> None:
    # Each entry: how many brackets a line opened. A line that closes more
    # than the innermost entry pops entries until its closers are used up.
    stack: list[int] = []
    depth = _DEPTH.get
    for line in lines:
        if not line.lead:
            continue
        first = line.lead[0]
        if first.kind == "NEWLINE":
            first.spaces = 0
            continue
        net = 0
        for tok in line.lead:
            kind = tok.kind
            net += depth(kind, 0)
            if kind == "OHEREDOC":
                break
        if line.assign:
            net += sum([depth(tok.kind, 0) for tok in line.assign])
        if net > 0:
            first.spaces = 2 * len(stack)
            stack.append(net)
            continue
        closed = -net
        while closed > 0 and stack:
            if closed >= stack[-1]:
                closed -= stack.pop()
            else:
                stack[-1] -= closed
                closed = 0
        first.spaces = 2 * len(stack)


def _space_after(subject: FmtToken, before: FmtToken, after: FmtToken) -> bool:
    s, a = subject.kind, after.kind
    if a == "NEWLINE" or a == "NIL":
        return False
    if s == "IDENT" and a == "OPAREN":
        return False
    if (s == "IDENT" and a == "DOUBLE_COLON") or (s == "DOUBLE_COLON" and a == "IDENT"):
        return False
    if s == "DOT" or a == "DOT":
        return False
    if a == "COMMA" or a == "ELLIPSIS":
        return False
    if s == "COMMA":
        return True
    if s in _TEMPLATE_TEXT or a in _BEFORE_TEMPLATE_TEXT:
        return False
    if s == "IDENT" and subject.text == "in" and before.kind == "IDENT":
        return True  # `for x in [a]`: keep the keyword apart from a tuple
    if a == "OBRACK" and (s == "IDENT" or s == "NUMBER_LIT" or _bracket_change(subject) < 0):
        return False
    if s == "BANG":
        return False
    if s == "MINUS":
        return before.kind not in _NEGATION_CONTEXT
    if s == "OBRACE" or a == "CBRACE":
        return not (s == "OBRACE" and a == "CBRACE")
    if (s == "TEMPLATE_INTERP" or s == "TEMPLATE_CONTROL") and a == "OBRACE":
        return True
    if s == "CBRACE" and a == "TEMPLATE_SEQ_END":
        return True
    if s == "TEMPLATE_SEQ_END" and (a == "TEMPLATE_INTERP" or a == "TEMPLATE_CONTROL"):
        return False
    if _bracket_change(subject) > 0:
        return False
    return not _bracket_change(after) < 0


# _space_after by (subject kind, after kind), for the subjects whose answer
# depends on nothing else (all but a minus and the keyword `in`)
_PAIRS: dict[tuple[str, str], bool] = {}


def _space_cell(cell: list[FmtToken]) -> None:
    pairs = _PAIRS
    for i in range(len(cell) - 1):
        subject = cell[i]
        after = cell[i + 1]
        s = subject.kind
        if s == "MINUS" or (s == "IDENT" and subject.text == "in"):
            space: bool | None = _space_after(subject, cell[i - 1] if i > 0 else _NIL, after)
        else:
            space = pairs.get((s, after.kind))
            if space is None:
                space = pairs[s, after.kind] = _space_after(subject, _NIL, after)
        after.spaces = 1 if space else 0


def _spaces(lines: list[Line]) -> None:
    for line in lines:
        _space_cell(line.lead)
        if line.assign:
            line.assign[0].spaces = 1
            _space_cell(line.assign)


def _align(lines: list[Line], cell: str, width_of: Callable[[Line], int]) -> None:
    """Give every run of consecutive lines that have ``cell`` one column for it."""
    run: list[Line] = []
    number = [0]

    def close() -> None:
        widths = [width_of(line) for line in run]
        widest = max(widths)
        for line, width in zip(run, widths):
            getattr(line, cell)[0].spaces = widest - width + 1
            setattr(line, f"{cell}_run", number[0])
        number[0] += 1
        run.clear()

    for line in lines:
        if getattr(line, cell) is None:
            if run:
                close()
        else:
            run.append(line)
    if run:
        close()


def layout(tokens: list[FmtToken]) -> list[Line]:
    """Set ``spaces`` on every token of a whole file, in place; returns the
    formatter lines (the EOF token belongs to none)."""
    lines = _lines(tokens)
    _indent(lines)
    _spaces(lines)
    _align(lines, "assign", lambda line: _columns(line.lead))
    _align(lines, "comment", lambda line: _columns(line.lead) + _columns(line.assign or []))
    return lines
