"""Lines and columns: the one place that turns character offsets into
positions and back.

tffix's own positions (messages, JSON, GitHub annotations, SARIF, parse
errors) count lines split at ``\\n`` only, as Terraform does (``\\r\\n`` is a
``\\n`` with a ``\\r`` before it; a lone ``\\r`` or a form feed ends no line),
and a byte order mark is not part of line 1. LSP also ends a line at a lone
``\\r`` (``lone_cr``) and counts the BOM as a character, since an editor that
keeps one shows it.

Columns count in one of three units: code points (``UTF32``, a Python
character), UTF-16 code units (``UTF16``, SARIF's and LSP's default: a
character outside the Basic Multilingual Plane takes two) or UTF-8 bytes
(``UTF8``). The names are LSP's ``PositionEncodingKind`` values.

This module imports nothing from tffix, so every layer can use it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

__all__ = ["BOM", "UTF8", "UTF16", "UTF32", "Lines", "width"]

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
BOM = "\ufeff"

_LSP_BREAK = re.compile(r"\r\n?|\n")


def width(text: str, unit: str = UTF32) -> int:
    """Length of ``text`` in ``unit``'s code units."""
    if unit == UTF32 or text.isascii():
        return len(text)
    if unit == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Lines:
    """Where the lines of ``text`` start. Lines are numbered from 0 here;
    ``location`` gives the 1-based numbers messages print. The line after a
    final line break exists and is empty, so every offset has a line."""

    __slots__ = ("lone_cr", "starts", "text")

    def __init__(self, text: str, *, lone_cr: bool = False) -> None:
        self.text = text
        self.lone_cr = lone_cr
        if lone_cr:
            self.starts = [0, *(m.end() for m in _LSP_BREAK.finditer(text))]
            return
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self.starts = starts

    @classmethod
    @functools.lru_cache(maxsize=4)  # a handful of texts, kept on purpose
    def of(cls, text: str) -> Lines:
        """``Lines(text)``, kept for the last few texts asked about: a caller
        that needs one position per finding (a report's source lines) does
        not split the whole text again each time."""
        return cls(text)

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, offset: int) -> int:
        """The line holding ``offset`` (clamped to the text)."""
        return bisect_right(self.starts, max(0, min(offset, len(self.text)))) - 1

    def start(self, line: int) -> int:
        return self.starts[line]

    def end(self, line: int) -> int:
        """Where ``line`` ends, after its line break."""
        return self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)

    def content_end(self, line: int) -> int:
        """Where ``line`` ends, before its line break (``\\r\\n``, ``\\n``,
        or with ``lone_cr`` a lone ``\\r``)."""
        end = self.end(line)
        text = self.text
        if end > self.starts[line] and text[end - 1] == "\n":
            end -= 1
            if end > self.starts[line] and text[end - 1] == "\r":
                end -= 1
        elif self.lone_cr and end > self.starts[line] and text[end - 1] == "\r":
            end -= 1
        return end

    def content(self, line: int) -> str:
        """The text of ``line`` without its line break."""
        return self.text[self.starts[line] : self.content_end(line)]

    def column(self, offset: int, unit: str = UTF32) -> int:
        """0-based column of ``offset`` in ``unit``s from its line's start."""
        offset = max(0, min(offset, len(self.text)))
        start = self.starts[self.line(offset)]
        return width(self.text[start:offset], unit)

    def location(self, offset: int, unit: str = UTF32) -> tuple[int, int]:
        """1-based (line, column) of ``offset`` as tffix reports positions:
        a byte order mark is not a column of line 1."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line(offset)
        start = self.starts[line]
        if line == 0 and self.text.startswith(BOM):
            start = min(1, offset)
        if unit == UTF32:
            return line + 1, offset - start + 1
        return line + 1, width(self.text[start:offset], unit) + 1

    def offset(self, line: int, column: int, unit: str = UTF32) -> int:
        """The offset at 0-based ``line`` and ``column``. Past the last line
        means the end of the text; past the end of a line, its end (before
        the line break); inside a character that takes several units, the
        end of that character."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.content_end(line)
        if unit == UTF32 or self.text[start:end].isascii():
            return min(start + max(column, 0), end)
        units = 0
        offset = start
        while offset < end and units < column:
            units += width(self.text[offset], unit)
            offset += 1
        return offset
