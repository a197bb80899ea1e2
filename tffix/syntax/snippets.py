"""New code from HCL snippets: rules build nodes by parsing, never by pasting
strings into output. These sit above the parser (they call it); the tree
helpers they use (``with_first_token``) sit below it, in ``tffix.cst``."""

from __future__ import annotations

from typing import TypeVar

from ..cst.builders import with_first_token
from ..cst.nodes import Attribute, Block, Body, BodyItem, Expression, Node
from .errors import ParseError
from .parser import parse_module

__all__ = ["parse_attribute", "parse_block", "parse_body", "parse_expression"]

NodeT = TypeVar("NodeT", bound=Node)
ItemT = TypeVar("ItemT", bound=BodyItem)


def _strip_lead(node: NodeT) -> NodeT:
    return with_first_token(node, lambda tok: tok._replace(lead=""))


def parse_body(text: str) -> Body:
    """The body of ``text``, a sequence of attributes and blocks."""
    module = parse_module(text)
    if module.eof.lead or module.bom:
        raise ParseError("Unexpected trailing text", "A body snippet must end with a newline.", text=text)
    return module.body


def _single(text: str, kind: type[ItemT]) -> ItemT:
    snippet = text if text.endswith("\n") else text + "\n"
    items = [item for item in parse_body(snippet).items]
    item = items[0] if len(items) == 1 else None
    # isinstance narrows for mypy; no node class has subclasses, so it is the exact type test
    if not isinstance(item, kind):
        raise ParseError(f"Expected exactly one {kind.__name__.lower()}", "", text=text)
    return item


def parse_attribute(text: str) -> Attribute:
    """One attribute, e.g. ``parse_attribute('tags = {}')``."""
    return _single(text, Attribute)


def parse_block(text: str) -> Block:
    """One block, e.g. ``parse_block('filter {}')``."""
    return _single(text, Block)


def parse_expression(text: str) -> Expression:
    """One expression, e.g. ``parse_expression("var.environment_suffix")``."""
    attribute = parse_attribute(f"x = {text}")
    if attribute.trailing_comment:
        raise ParseError("Unexpected comment", "An expression snippet cannot end with a comment.", text=text)
    return _strip_lead(attribute.value)
