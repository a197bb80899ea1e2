"""The spelling of metavariables, and how pattern text becomes parseable HCL.

``$NAME`` is not an HCL character, so before a pattern is parsed every
metavariable is written with ``MARK`` (a Unicode letter HCL accepts in an
identifier) in place of ``$``: ``$N`` -> ``ǂN``, ``$...REST`` -> ``ǂǂǂǂREST``.
Both spellings have the same length, so every line and column of the
parsed pattern is the line and column of the file. A ``$...NAME`` standing
alone on a line of a body or object becomes ``ǂǂǂǂNAME = 0`` (an item; the
three characters are appended at the end of its line, where no position
is reported from). ``unmark`` turns text read back out of the tree (a
message, an example) into what the author wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal as Kind

__all__ = ["MARK", "MetaVariable", "mark", "metavariable", "unmark"]

#: what ``$`` is written as while a pattern is parsed
MARK = "\u01c2"
_MANY = MARK * 4  # "$..." (four characters)

_DOLLAR = re.compile(r"\$(\.\.\.)?([A-Z_][A-Z0-9_]*)\b")
_ADDED = re.compile(_MANY + r"([A-Z_][A-Z0-9_]*) = 0")
_NAME = re.compile(r"^(" + _MANY + "|" + MARK + r")([A-Z_][A-Z0-9_]*)$")


@dataclass(frozen=True)
class MetaVariable:
    """A metavariable as written: its name and whether it stands for one
    node (``$X``), zero or more (``$...X``), or anything, unbound (``$_``)."""

    name: str
    kind: Kind["one", "many", "any"]

    def __str__(self) -> str:
        return ("$..." if self.kind == "many" else "$") + self.name


def metavariable(text: str) -> MetaVariable | None:
    """The metavariable an identifier (or a label's text) spells, if any."""
    if MARK not in text:
        return None
    m = _NAME.match(text)
    if m is None:
        return None
    if m.group(1) == _MANY:
        return MetaVariable(m.group(2), "many")
    return MetaVariable(m.group(2), "any" if m.group(2) == "_" else "one")


def mark(text: str) -> str:
    """``text`` with its metavariables spelt so that HCL parses them."""
    if MARK in text:
        raise ValueError(f"the character {MARK!r} (U+01C2) is reserved in pattern files")
    out: list[str] = []
    stack: list[str] = []
    last = 0
    for m in re.finditer(r"[{}\[\]()]|" + _DOLLAR.pattern, text):
        token = m.group(0)
        if token in "{[(":
            stack.append(token)
            continue
        if token in "}])":
            if stack:
                stack.pop()
            continue
        many = m.group(1) is not None
        out.append(text[last : m.start()])
        out.append((_MANY if many else MARK) + m.group(2))
        last = m.end()
        if many and stack and stack[-1] == "{" and _alone(text, m.start(), m.end()):
            out.append(" = 0")
    out.append(text[last:])
    return "".join(out)


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the only thing on its line segment
    between ``{`` / a line start and a line end / ``}``."""
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    return (not before or before[-1] in "\n{") and (not after or after[0] in "\r\n}#")


def unmark(text: str) -> str:
    """Text read out of a parsed pattern, spelt as its author wrote it."""
    text = _ADDED.sub(lambda m: "$..." + m.group(1), text)
    return text.replace(_MANY, "$...").replace(MARK, "$")
