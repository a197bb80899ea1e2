"""Between tffix's character offsets and LSP positions, and from one text to
another as a list of small edits.

LSP counts lines split at ``\\r\\n``, ``\\n`` or ``\\r`` (not at the other
characters ``str.splitlines`` knows, such as a form feed), from 0, and, by
default, columns in UTF-16 code units: a character outside the Basic
Multilingual Plane takes two. The server may agree on UTF-8 (bytes) or
UTF-32 (code points) instead, so every conversion takes the negotiated
encoding. The counting itself is ``syntax.lines``'s, as everywhere in tffix.

Nothing here imports pygls: positions are plain ``(line, character)`` pairs
and edits ``(start, end, text)`` offsets, so this is tested on its own.
"""

from __future__ import annotations

import difflib
import re

from ..syntax.lines import UTF8, UTF16, UTF32, Lines, width

__all__ = ["UTF8", "UTF16", "UTF32", "LineIndex", "text_edits"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")


def split_lines(text: str) -> list[str]:
    """``text``'s lines with their line breaks, as LSP counts them (the last
    line may be empty)."""
    lines = [m.group() for m in _LINE.finditer(text)]
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[-1].endswith(("\n", "\r")):
        lines.append("")
    return lines


class LineIndex:
    """Positions in one text. Offsets count Python characters (code points)."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.lines = Lines(text, lone_cr=True)

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of ``offset``. An offset inside a
        ``\\r\\n`` pair counts as the end of its line."""
        offset = max(0, min(offset, len(self.text)))
        line = self.lines.line(offset)
        offset = min(offset, self.lines.content_end(line))
        return line, width(self.text[self.lines.start(line) : offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of an LSP position. Past the last line means the end of
        the text; past the end of a line (or inside a character that takes
        several code units) means the end of the line (the character)."""
        return self.lines.offset(line, character, self.encoding)

    def end(self) -> tuple[int, int]:
        return self.position(len(self.text))


def _safe_cut(text: str, offset: int) -> bool:
    """An edit may start or end at ``offset`` without splitting ``\\r\\n``."""
    return not (0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n")


def text_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, replacement)`` edits on ``old``, in
    order, that turn it into ``new``: a line diff, each changed block then
    trimmed to the characters that differ (never cutting a ``\\r\\n``)."""
    if old == new:
        return []
    a, b = split_lines(old), split_lines(new)
    starts_a = [0]
    for line in a:
        starts_a.append(starts_a[-1] + len(line))
    starts_b = [0]
    for line in b:
        starts_b.append(starts_b[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:  # as many lines (as formatting keeps them): line by line
            pairs = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        else:
            pairs = [(i1, i2, j1, j2)]
        for k1, k2, l1, l2 in pairs:
            edit = _trimmed(old, new, starts_a[k1], starts_a[k2], starts_b[l1], starts_b[l2])
            if edit is not None:
                edits.append(edit)
    return edits


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
