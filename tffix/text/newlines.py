"""Line-break style: which break a file mostly uses, so that text added to
it (by a fix, or by the engine's splicing) matches."""

from __future__ import annotations

import functools
import re

__all__ = ["inserted_text", "newline_style"]

_LONE_LF = re.compile(r"(?<!\r)\n")


@functools.lru_cache(maxsize=4)  # each fix of a file asks again; a str caches its hash
def newline_style(text: str) -> str:
    """The line break a file mostly uses, for text a fix adds."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def inserted_text(text: str, new: str, newline: str = "\n") -> str:
    """``new`` (rules write ``\n``) with the line breaks of the file ``text``
    goes into (``newline`` when the file is new or empty)."""
    crlf = (newline_style(text) if text else newline) == "\r\n"
    return _LONE_LF.sub("\r\n", new) if crlf else new
