"""Line-break style: which break a file mostly uses, so that text added to
it (by a fix, or by the engine's splicing) matches."""

from __future__ import annotations

__all__ = ["newline_style"]


def newline_style(text: str) -> str:
    """The line break a file mostly uses, for text a fix adds."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
