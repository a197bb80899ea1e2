"""Addresses of things in Terraform code: ``aws_instance.web.tags["Owner"]``.

An address is a top-level part that names blocks the way Terraform's own
references do (``aws_s3_bucket.logs``, ``data.x.y``, ``module.vpc``,
``var.region``, ``local.name``...), then steps:

- ``.name``: a body item (attribute or nested blocks of that type), or the
  next label of a block that has labels left to match;
- ``[n]``: the n-th of the blocks matched so far (``rule[1]``), or the
  n-th element of a tuple or argument of a call (``azs[0]``);
- ``[attr="v"]``: keeps the blocks whose attribute ``attr`` has that value;
- ``["key"]``: an object (or map) item, or a block label;
- ``[*]``: every item, element or block; ``*`` in a label position matches
  any label.

``parse_address`` turns the text into typed steps; a malformed address
raises ``AddressError`` whose ``column`` points into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "KINDS",
    "Address",
    "AddressError",
    "All",
    "Filter",
    "Key",
    "Kind",
    "Name",
    "Position",
    "Step",
    "TopLevel",
    "parse_address",
]


class AddressError(ValueError):
    """A malformed address; ``column`` is 1-based into ``text``."""

    def __init__(self, text: str, column: int, message: str) -> None:
        self.text = text
        self.column = column
        self.message = message
        super().__init__(f"address:{column}: {message}")

    def render(self) -> str:
        """``address:COL: message`` with the address and a caret under the column."""
        return f"address:{self.column}: {self.message}\n  {self.text}\n  {' ' * (self.column - 1)}^"


@dataclass(frozen=True)
class Kind:
    """A top-level block type an address can start with: ``block`` is its
    HCL type, ``labels`` how many labels it has."""

    block: str
    labels: int


#: address keywords -> the top-level blocks they name
KINDS: dict[str, Kind] = {
    "resource": Kind("resource", 2),
    "data": Kind("data", 2),
    "ephemeral": Kind("ephemeral", 2),
    "module": Kind("module", 1),
    "variable": Kind("variable", 1),
    "var": Kind("variable", 1),
    "output": Kind("output", 1),
    "provider": Kind("provider", 1),
    "check": Kind("check", 1),
    "terraform": Kind("terraform", 0),
    "locals": Kind("locals", 0),
    "local": Kind("locals", 0),
    "moved": Kind("moved", 0),
    "import": Kind("import", 0),
    "removed": Kind("removed", 0),
}


@dataclass(frozen=True)
class TopLevel:
    """The top-level blocks an address starts at: ``kind.block`` blocks whose
    first labels are ``labels`` (None: any label). ``local`` is set for
    ``local.NAME`` / ``locals.NAME``: the attribute of a ``locals`` block."""

    kind: Kind
    labels: tuple[str | None, ...]
    local: str | None = None
    column: int = 1


@dataclass(frozen=True)
class Name:
    """``.name``: a body item or the next label."""

    name: str
    column: int


@dataclass(frozen=True)
class Position:
    """``[n]``: the n-th block, element or argument."""

    index: int
    column: int


@dataclass(frozen=True)
class Key:
    """``["key"]``: an object item, or a block label."""

    key: str
    column: int


@dataclass(frozen=True)
class All:
    """``[*]`` or ``.*``: everything at this level (``dot``: written ``.*``)."""

    column: int
    dot: bool = False


@dataclass(frozen=True)
class Filter:
    """``[attr=value]``: blocks whose attribute ``attr`` equals ``value``
    (a string, number or bool; a bare reference compares by its text)."""

    attribute: str
    value: str | int | float | bool
    #: the value was written bare (``to=aws_s3_bucket.b``): compared as text too
    bare: bool
    column: int


Step: TypeAlias = Name | Position | Key | All | Filter


@dataclass(frozen=True)
class Address:
    """A parsed address: where it starts, then its steps."""

    text: str
    top: TopLevel
    steps: tuple[Step, ...]

    @property
    def has_wildcard(self) -> bool:
        """Whether the address asks for many matches (``*`` or ``[*]``)."""
        return None in self.top.labels or any(type(step) is All for step in self.steps)


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_BARE_VALUE = re.compile(r"[^\]\"]+")


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def error(self, message: str, pos: int | None = None) -> AddressError:
        return AddressError(self.text, (self.pos if pos is None else pos) + 1, message)

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            found = f"`{self.peek()}`" if self.peek() else "the end"
            raise self.error(f"expected `{char}` {what}, found {found}")
        self.pos += 1

    def name(self, what: str) -> tuple[str, int]:
        """An identifier or ``*`` (returned as ``*``)."""
        start = self.pos
        if self.peek() == "*":
            self.pos += 1
            return "*", start
        m = _IDENT.match(self.text, self.pos)
        if m is None:
            found = f"`{self.peek()}`" if self.peek() else "the end"
            raise self.error(f"expected {what}, found {found}")
        self.pos = m.end()
        return m.group(), start

    def string(self) -> str:
        """A double-quoted string with ``\\"`` and ``\\\\`` escapes."""
        start = self.pos
        self.expect('"', "to open a string")
        out: list[str] = []
        while True:
            char = self.peek()
            if not char:
                raise self.error("unterminated string", start)
            self.pos += 1
            if char == '"':
                return "".join(out)
            if char == "\\":
                escaped = self.peek()
                if escaped not in ('"', "\\"):
                    raise self.error('only \\" and \\\\ are escapes in an address string')
                out.append(escaped)
                self.pos += 1
                continue
            out.append(char)


def parse_address(text: str) -> Address:
    """The typed steps of ``text``; raises ``AddressError`` when malformed."""
    reader = _Reader(text)
    if not text.strip():
        raise AddressError(text, 1, "empty address")
    if text != text.strip():
        raise AddressError(text, 1, "an address has no spaces around it")
    top = _top(reader)
    steps: list[Step] = []
    while not reader.at_end():
        char = reader.peek()
        if char == ".":
            reader.pos += 1
            name, start = reader.name("a name after `.`")
            steps.append(All(start + 1, dot=True) if name == "*" else Name(name, start + 1))
        elif char == "[":
            steps.append(_bracket(reader))
        else:
            raise reader.error(f"expected `.` or `[`, found `{char}`")
    return Address(text, top, tuple(steps))


def _top(reader: _Reader) -> TopLevel:
    first, start = reader.name("a block type such as `aws_instance`, `module` or `var`")
    kind = KINDS.get(first)
    if first == "*" or kind is None:  # `aws_instance.web`: a resource
        kind, wanted, given = KINDS["resource"], 2, [first]
    else:
        wanted, given = kind.labels, []
    while len(given) < wanted and reader.peek() == ".":
        reader.pos += 1
        name, _ = reader.name("a label (a name or `*`)")
        given.append(name)
    if kind.block == "locals" and reader.peek() == ".":  # local.NAME
        reader.pos += 1
        name, _ = reader.name("the name of a local value")
        if name == "*":
            return TopLevel(kind, (), None, start + 1)
        return TopLevel(kind, (), name, start + 1)
    if first == "*" and given == ["*"] and reader.at_end():  # `*`: every resource
        given = ["*", "*"]
    if len(given) < wanted and first not in KINDS:
        raise reader.error(f"`{first}` is a resource type: name one with `{first}.NAME` (or `{first}.*`)")
    labels = tuple(None if label == "*" else label for label in given)
    return TopLevel(kind, labels, None, start + 1)


def _bracket(reader: _Reader) -> Step:
    start = reader.pos
    reader.pos += 1
    char = reader.peek()
    step: Step
    if char == "*":
        reader.pos += 1
        step = All(start + 1)
    elif char == '"':
        step = Key(reader.string(), start + 1)
    elif char.isdigit() or char == "-":
        m = _NUMBER.match(reader.text, reader.pos)
        if m is None or m.group(1) or m.group().startswith("-"):
            raise reader.error("an index is a whole number from 0")
        reader.pos = m.end()
        step = Position(int(m.group()), start + 1)
    else:
        attribute, _ = reader.name('an index (`[0]`), a key (`["key"]`), `[*]` or a filter (`[attr="value"]`)')
        if attribute == "*":
            raise reader.error("expected an attribute name before `=`")
        reader.expect("=", f'after `{attribute}` (a filter is `[{attribute}="value"]`)')
        step = Filter(attribute, *_filter_value(reader), column=start + 1)
    reader.expect("]", "to close `[`")
    return step


def _filter_value(reader: _Reader) -> tuple[str | int | float | bool, bool]:
    if reader.peek() == '"':
        return reader.string(), False
    m = _BARE_VALUE.match(reader.text, reader.pos)
    if m is None:
        raise reader.error("expected a value after `=`")
    raw = m.group()
    reader.pos = m.end()
    if raw in ("true", "false"):
        return raw == "true", False
    number = _NUMBER.fullmatch(raw)
    if number is not None:
        return (float(raw) if number.group(1) else int(raw)), False
    return raw, True
