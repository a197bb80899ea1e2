"""Line-break style: which break a file mostly uses, so that text added to
it (by a fix, or by the engine's splicing) matches."""

from __future__ import annotations

import re

__all__ = ["inserted_text", "newline_style"]

_LONE_LF = re.compile(r"(?<!\r)\n")


#: The styles of the last few texts asked about (each fix of a file asks again).
_RECENT: dict[str, str] = {}
_RECENT_MAX = 4


def newline_style(text: str) -> str:
    """The line break a file mostly uses, for text a fix adds."""
    style = _RECENT.get(text)  # a str caches its hash: cheap for the same object
    if style is None:
        crlf = text.count("\r\n")
        style = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
        if len(_RECENT) >= _RECENT_MAX:
            _RECENT.pop(next(iter(_RECENT), ""), None)  # pop: another thread may evict it too
        _RECENT[text] = style
    return style


def inserted_text(text: str, new: str, newline: str = "\n") -> str:
    """``new`` (rules write ``\n``) with the line breaks of the file ``text``
    goes into (``newline`` when the file is new or empty)."""
    crlf = (newline_style(text) if text else newline) == "\r\n"
    return _LONE_LF.sub("\r\n", new) if crlf else new
