"""Between tffix's character offsets and LSP positions, and from one text to
another as a list of small edits.

LSP counts lines split at ``\\r\\n``, ``\\n`` or ``\\r`` (not at the other
characters ``str.splitlines`` knows, such as a form feed) and, by default,
columns in UTF-16 code units: a character outside the Basic Multilingual
Plane takes two. The server may agree on UTF-8 (bytes) or UTF-32 (code
points) instead, so every conversion takes the negotiated encoding.

Nothing here imports pygls: positions are plain ``(line, character)`` pairs
and edits ``(start, end, text)`` offsets, so this is tested on its own.
"""

from __future__ import annotations

import bisect
import difflib
import re

__all__ = ["UTF8", "UTF16", "UTF32", "LineIndex", "text_edits"]

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")


def _width(text: str, encoding: str) -> int:
    """Length of ``text`` in the code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _unit(ch: str, encoding: str) -> int:
    return _width(ch, encoding)


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
        self.lines = split_lines(text)
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line)

    def _content_end(self, line: int) -> int:
        """Offset of the end of ``line`` without its line break."""
        text = self.lines[line]
        return self.starts[line] + len(text.rstrip("\r\n"))

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of ``offset``. An offset inside a
        ``\\r\\n`` pair counts as the end of its line."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        offset = min(offset, self._content_end(line))
        return line, _width(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of an LSP position. Past the last line means the end of
        the text; past the end of a line (or inside a character that takes
        several code units) means the end of the line (the character)."""
        if line < 0:
            return 0
        if line >= len(self.lines):
            return len(self.text)
        start = self.starts[line]
        end = self._content_end(line)
        units = 0
        offset = start
        while offset < end and units < character:
            units += _unit(self.text[offset], self.encoding)
            offset += 1
        return offset

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
