"""Whether a declared variable can stand where a fix wants one.

A fix that writes ``var.x`` into a string, a list of CIDR blocks or a
boolean argument relies on the variable's type. Reusing a variable of the
wrong type parses but fails at ``terraform validate`` (``${var.environment}``
where ``environment`` is a ``map(string)``), so a fix reuses a variable only
when its declared type is the one it needs, or when the type is unset and
the default (if any) is of that type; otherwise it picks a free name.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..cst import nodes as n
from ..cst.values import NotLiteral, literal_value

__all__ = ["candidate_names", "declared_type", "may_be_null", "type_fits", "type_text"]

#: legacy quoted type constraints (Terraform 0.11), as Terraform reads them
_LEGACY = {"string": "string", "list": "list(any)", "map": "map(any)"}


def type_text(expr: n.Node | str) -> str:
    """A type expression as comparable text: ``list( string )`` ->
    ``list(string)``; the legacy ``"string"`` -> ``string``."""
    text = expr if isinstance(expr, str) else expr.code
    text = "".join(text.split())
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = _LEGACY.get(text[1:-1], text)
    return text


def _value_type(value: object) -> str | None:
    """The type Terraform gives a literal default, where one word says it."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "list(string)"
    return None


def declared_type(block: n.Block) -> str | None:
    """The type of a ``variable`` block: its ``type`` (normalised), else the
    type of its literal default; ``None`` when neither says (no type and no
    default: any value the caller gives); ``"?"`` when the default is not a
    literal whose type one word names."""
    kind = block.body.attribute("type")
    if kind is not None:
        return type_text(kind.value)
    default = block.body.attribute("default")
    if default is None:
        return None
    try:
        value = literal_value(default.value)
    except (NotLiteral, ValueError):
        return "?"
    if value is None:
        return None
    return _value_type(value) or "?"


def type_fits(block: n.Block, wanted: str) -> bool:
    """Whether ``var.<block>`` can stand where a value of type ``wanted`` is
    needed: the same type, ``any``, or untyped with no default (the caller's
    value decides) or with a default of that type."""
    have = declared_type(block)
    return have is None or have == "any" or have == type_text(wanted)


def may_be_null(block: n.Block) -> bool:
    """Whether ``var.<block>`` can be null where it is used: its default is
    ``null`` (the cloudposse ``context.tf`` convention), or it says
    ``nullable = true`` and has no default. ``"${var.x}"`` of a null value
    fails ("Invalid template interpolation value"), so a fix that puts a
    variable into a string must not reuse one of these."""
    default = block.body.attribute("default")
    if default is not None:
        return type(default.value) is n.Literal and default.value.token.text == "null"
    nullable = block.body.attribute("nullable")
    return nullable is not None and type(nullable.value) is n.Literal and nullable.value.token.text == "true"


def candidate_names(base: str) -> Iterator[str]:
    """``base``, ``base_2``, ``base_3``...: where a variable of another type
    holds a name, the next one is tried (and reused when it fits, so a second
    fix finds the variable the first one declared)."""
    yield base
    yield from (f"{base}_{number}" for number in itertools.count(2))
