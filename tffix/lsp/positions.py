"""Between tffix's character offsets and LSP positions.

LSP counts lines split at ``\\r\\n``, ``\\n`` or ``\\r`` (not at the other
characters ``str.splitlines`` knows, such as a form feed), from 0, and, by
default, columns in UTF-16 code units: a character outside the Basic
Multilingual Plane takes two. The server may agree on UTF-8 (bytes) or
UTF-32 (code points) instead, so every conversion takes the negotiated
encoding. The counting itself is ``syntax.lines``'s, as everywhere in tffix.

Nothing here imports pygls: positions are plain ``(line, character)`` pairs,
so this is tested on its own.
"""

from __future__ import annotations

from ..text.lines import UTF8, UTF16, UTF32, Lines, width

__all__ = ["UTF8", "UTF16", "UTF32", "LineIndex"]


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
