"""The addresses ``tffix rename`` takes: one object a module declares.

A deliberately small grammar (``tffix edit`` has the full address language):

- ``TYPE.NAME`` or ``resource.TYPE.NAME``: a managed resource;
- ``data.TYPE.NAME``: a data source;
- ``module.NAME``, ``var.NAME`` (or ``variable.NAME``), ``local.NAME``
  (or ``locals.NAME``), ``output.NAME``.

``NEW`` may also be a bare name, which keeps ``OLD``'s kind (and type):
``tffix rename aws_s3_bucket.logs access_logs``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..cst.quoting import is_identifier

__all__ = ["Address", "AddressError", "Kind", "parse_address"]

#: What an address names: the ``Declaration.kind`` of the module index.
Kind = Literal["resource", "data", "module", "variable", "local", "output"]

_PREFIXES: dict[str, Kind] = {
    "module": "module", "var": "variable", "variable": "variable", "local": "local", "locals": "local",
    "output": "output",
}  # fmt: skip
_WRITTEN: dict[Kind, str] = {
    "resource": "", "data": "data.", "module": "module.", "variable": "var.", "local": "local.", "output": "output.",
}  # fmt: skip


class AddressError(ValueError):
    """An address that is not one ``tffix rename`` understands."""


@dataclass(frozen=True)
class Address:
    """A declared object: its kind, and for resources and data sources its type."""

    kind: Kind
    name: str
    type: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels naming it in the module index: ``(type, name)`` or ``(name,)``."""
        return (self.type, self.name) if self.type is not None else (self.name,)

    def __str__(self) -> str:
        return _WRITTEN[self.kind] + ".".join(self.labels)

    def with_name(self, name: str) -> Address:
        return Address(self.kind, name, self.type)


def parse_address(text: str, *, like: Address | None = None) -> Address:
    """The address ``text`` spells. With ``like``, a bare name is ``like``
    renamed to it. Raises ``AddressError`` with what is wrong."""
    parts = text.split(".")
    if like is not None and len(parts) == 1:
        return like.with_name(_name(text, text))
    if any(not part for part in parts) or len(parts) < 2:
        raise AddressError(f"`{text}` is not an address (such as aws_s3_bucket.logs, module.vpc or var.region)")
    head = parts[0]
    if head in _PREFIXES:
        if len(parts) != 2:
            raise AddressError(f"`{text}`: a {_PREFIXES[head]} address is `{head}.NAME`")
        return Address(_PREFIXES[head], _name(parts[1], text))
    if head == "data" or head == "resource":
        if len(parts) != 3:
            raise AddressError(
                f"`{text}`: a {'data source' if head == 'data' else 'resource'} address is `{head}.TYPE.NAME`"
            )
        kind: Kind = "data" if head == "data" else "resource"
        return Address(kind, _name(parts[2], text), _name(parts[1], text))
    if len(parts) != 2:
        raise AddressError(f"`{text}` is not an address of something a module declares (TYPE.NAME, module.NAME, ...)")
    return Address("resource", _name(parts[1], text), _name(parts[0], text))


def _name(part: str, text: str) -> str:
    if not is_identifier(part):
        where = f"`{part}`" if part == text else f"`{part}` in `{text}`"
        raise AddressError(
            f"{where} is not a valid name: a letter or underscore, then letters, digits, underscores or dashes"
        )
    return part
