"""``tffix edit``: addresses (``aws_instance.web.tags["Owner"]``), their
resolution over a module's trees, and the verbs that read or change what
they name as tree edits (``address``, ``resolve``, ``verbs``)."""

from .address import Address, AddressError, parse_address
from .resolve import Match, ShapeError, resolve
from .verbs import VERBS, EditError, NoMatch, Options, find, plan

__all__ = [
    "VERBS",
    "Address",
    "AddressError",
    "EditError",
    "Match",
    "NoMatch",
    "Options",
    "ShapeError",
    "find",
    "parse_address",
    "plan",
    "resolve",
]
