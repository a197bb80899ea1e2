"""The one exception the parser raises for bad input."""

from __future__ import annotations

from .lines import Lines

__all__ = ["ParseError"]


class ParseError(ValueError):
    """Input that is not valid HCL native syntax.

    ``summary`` uses hclsyntax's wording ("Missing newline after argument") so
    users can search for it; ``detail`` says what was expected. ``str(err)`` is
    ``path:line:col: summary: detail``, the form editors and CI annotate.
    ``offset`` is a character offset into ``text``, the whole text that was
    parsed (a byte order mark included, though it is not a column).
    """

    def __init__(
        self,
        summary: str,
        detail: str = "",
        *,
        offset: int = 0,
        text: str = "",
        path: str | None = None,
    ) -> None:
        self.summary = summary
        self.detail = detail
        self.offset = offset
        self.path = path
        self.line, self.column = Lines(text).location(offset)
        super().__init__(self.__str__())

    def with_path(self, path: str | None) -> ParseError:
        self.path = path
        self.args = (self.__str__(),)
        return self

    def __str__(self) -> str:
        where = f"{self.path or '<input>'}:{self.line}:{self.column}"
        tail = f": {self.detail}" if self.detail else ""
        return f"{where}: {self.summary}{tail}"
