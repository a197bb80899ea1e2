"""The line/column calculator moved to ``tffix.text.lines`` (below every
layer); this module re-exports it for code written against the old path."""

from ..text.lines import BOM, UTF8, UTF16, UTF32, Lines, width

__all__ = ["BOM", "UTF8", "UTF16", "UTF32", "Lines", "width"]
