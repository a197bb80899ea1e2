"""Plain text: lines and columns, line-break style, and the text-to-edits
diff. The bottom layer: it imports nothing else from tffix."""

from .diff import text_edits
from .lines import BOM, UTF8, UTF16, UTF32, Lines, width
from .newlines import inserted_text, newline_style

__all__ = ["BOM", "UTF8", "UTF16", "UTF32", "Lines", "inserted_text", "newline_style", "text_edits", "width"]
