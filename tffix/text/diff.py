"""From one text to another as a list of edits: what the language server
sends for a fix or for formatting, and what SARIF's fixes carry when
formatting changed more than a fix's own edits.

Lines (split at ``\\n``) are matched first. Small texts go to difflib, whose
cost grows with the product of the two line counts. Larger ones are split
as patience diff does: after the equal lines at both ends, lines that occur
once in each text anchor the match, in order (less anchors that look like
chance look-alikes), and the gaps between anchors are matched again on their
own; a small gap goes to difflib, or is paired line by line where that
changes fewer lines, and a large gap with no anchor is replaced whole (line
by line where it keeps its number of lines). So the cost grows with the
texts' length, not with its square, even with the many identical ``}`` and
blank lines of a Terraform file.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left

from .lines import Lines

__all__ = ["text_edits"]

#: Largest gap (lines before x lines after) handed to difflib.
_SMALL_GAP = 10_000

_Block = tuple[int, int, int, int]


def text_edits(old: str, new: str, *, whole_lines: bool = False) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, replacement)`` edits on ``old``, in
    order, that turn it into ``new``. Each run of changed lines is trimmed
    to the characters that differ (never cutting a ``\\r\\n``), line by line
    where it keeps its number of lines, as formatting does; ``whole_lines``
    keeps each run whole instead."""
    if old == new:
        return []
    a, b = _split(old, whole_lines), _split(new, whole_lines)
    starts_a, starts_b = _starts(a), _starts(b)
    edits = []
    for i1, i2, j1, j2 in _changed_blocks(a, b, pair_lines=not whole_lines):
        if whole_lines:
            edits.append((starts_a[i1], starts_a[i2], new[starts_b[j1] : starts_b[j2]]))
            continue
        if i2 - i1 == j2 - j1:
            pairs = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            pairs = [(i1, i2, j1, j2)]
        for k1, k2, l1, l2 in pairs:
            edit = _trimmed(old, new, starts_a[k1], starts_a[k2], starts_b[l1], starts_b[l2])
            if edit is not None:
                edits.append(edit)
    return edits


def _split(text: str, whole_lines: bool) -> list[str]:
    """``text``'s lines with their line breaks. The empty line after a final
    line break counts only for trimmed edits: that is how the language
    server's and SARIF's diffs always matched lines, and keeping each as it
    was keeps their output byte for byte."""
    lines = Lines(text)
    return [
        text[lines.start(i) : lines.end(i)] for i in range(len(lines)) if not whole_lines or lines.start(i) < len(text)
    ]


def _starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _changed_blocks(a: list[str], b: list[str], *, pair_lines: bool) -> list[_Block]:
    """``(i1, i2, j1, j2)``: ``a[i1:i2]`` becomes ``b[j1:j2]``, in order, with
    equal lines between any two blocks. ``pair_lines``: the caller splits a
    block that keeps its number of lines into lines, so such a block is
    worth as much as its changed lines."""
    out: list[_Block] = []
    gaps = [(0, len(a), 0, len(b))]
    while gaps:  # a work list, not recursion: gaps may nest deeply
        alo, ahi, blo, bhi = gaps.pop()
        if (ahi - alo) * (bhi - blo) <= _SMALL_GAP:
            blocks = _difflib_blocks(a, b, alo, ahi, blo, bhi)
            whole = [(alo, ahi, blo, bhi)]
            # between anchors difflib lacks the context that keeps it from
            # matching a lone `}` far off; lines paired in place may do better
            if (
                pair_lines
                and (alo, ahi, blo, bhi) != (0, len(a), 0, len(b))
                and _cost(a, b, whole) < _cost(a, b, blocks)
            ):
                blocks = whole
            out.extend(blocks)
            continue
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo += 1
            blo += 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
        if alo == ahi and blo == bhi:
            continue
        anchors = _anchors(a, b, alo, ahi, blo, bhi) if alo < ahi and blo < bhi else []
        if not anchors:
            out.append((alo, ahi, blo, bhi))
            continue
        i, j = alo, blo
        for ai, bj in anchors:
            gaps.append((i, ai, j, bj))
            i, j = ai + 1, bj + 1
        gaps.append((i, ahi, j, bhi))
    out.sort()
    return out


def _anchors(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """The longest in-order run of lines that occur exactly once in
    ``a[alo:ahi]`` and once in ``b[blo:bhi]``, as ``(i, j)`` pairs, less
    the doubtful ones."""
    in_a: dict[str, int] = {}
    for i in range(alo, ahi):
        in_a[a[i]] = -1 if a[i] in in_a else i
    in_b: dict[str, int] = {}
    for j in range(blo, bhi):
        line = b[j]
        if in_a.get(line, -1) >= 0:
            in_b[line] = -1 if line in in_b else j
    pairs = sorted((in_a[line], j) for line, j in in_b.items() if j >= 0)
    # longest increasing run of j (patience sorting): tails[k] ends a run of k + 1
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        back.append(tail_at[k - 1] if k else -1)
    run = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        run.append(pairs[n])
        n = back[n]
    run.reverse()
    return _plausible(run, blo - alo, bhi - ahi)


def _plausible(run: list[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """``run`` less the anchors that look like lines that only happen to be
    alike (formatting re-indented a brace to match one far away): a group
    of anchors that shifts the alignment (``j - i``) away from the groups
    on both sides, by more lines than it holds."""
    groups: list[list[tuple[int, int]]] = []
    for pair in run:
        if groups and groups[-1][-1][1] - groups[-1][-1][0] == pair[1] - pair[0]:
            groups[-1].append(pair)
        else:
            groups.append([pair])
    shifts = [first, *(g[0][1] - g[0][0] for g in groups), last]
    kept: list[tuple[int, int]] = []
    for k, group in enumerate(groups):
        shift = shifts[k + 1]
        if len(group) >= min(abs(shift - shifts[k]), abs(shift - shifts[k + 2])):
            kept.extend(group)
    return kept


def _cost(a: list[str], b: list[str], blocks: list[_Block]) -> int:
    """Changed lines, a block that keeps its number of lines counting only
    the pairs that differ."""
    cost = 0
    for i1, i2, j1, j2 in blocks:
        if i2 - i1 == j2 - j1:
            cost += sum(a[i] != b[j] for i, j in zip(range(i1, i2), range(j1, j2)))
        else:
            cost += i2 - i1 + j2 - j1
    return cost


def _difflib_blocks(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> list[_Block]:
    matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
    return [(alo + i1, alo + i2, blo + j1, blo + j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _safe_cut(text: str, offset: int) -> bool:
    """An edit may start or end at ``offset`` without splitting ``\\r\\n``."""
    return not (0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n")


def _trimmed(old: str, new: str, s: int, e: int, t: int, u: int) -> tuple[int, int, str] | None:
    """The edit replacing ``old[s:e]`` by ``new[t:u]``, less what the two
    share at either end (None: nothing differs)."""
    while s < e and t < u and old[s] == new[t]:
        s += 1
        t += 1
    while s < e and t < u and old[e - 1] == new[u - 1]:
        e -= 1
        u -= 1
    if s == e and t == u:
        return None
    while not (_safe_cut(old, s) and _safe_cut(new, t)):
        s -= 1
        t -= 1
    while not (_safe_cut(old, e) and _safe_cut(new, u)):
        e += 1
        u += 1
    return s, e, new[t:u]
