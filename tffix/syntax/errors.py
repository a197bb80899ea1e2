"""The one exception the parser raises for bad input."""

from __future__ import annotations

from typing import Any

from ..text.lines import Lines

__all__ = ["BuildError", "ParseError"]


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

    def __reduce__(self) -> tuple[Any, ...]:
        # Copied by its fields: the default rebuilds it from ``args`` (the
        # message) and would garble the copy a worker process sends back.
        return (_rebuild, (type(self), dict(self.__dict__)))

    def with_path(self, path: str | None) -> ParseError:
        self.path = path
        self.args = (self.__str__(),)
        return self

    def __str__(self) -> str:
        where = f"{self.path or '<input>'}:{self.line}:{self.column}"
        tail = f": {self.detail}" if self.detail else ""
        return f"{where}: {self.summary}{tail}"


class BuildError(Exception):
    """Raised inside a reduction (``builder.py``); turned into a ParseError at the token."""

    def __init__(self, summary: str, detail: str, token: Any) -> None:
        super().__init__(summary)
        self.summary, self.detail, self.token = summary, detail, token


def _rebuild(cls: type[ParseError], fields: dict[str, Any]) -> ParseError:
    error = cls.__new__(cls)
    error.__dict__.update(fields)
    error.args = (str(error),)
    return error
