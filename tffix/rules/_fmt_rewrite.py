"""Rules that report what ``terraform fmt``'s own rewrites would change, using
the formatter's passes themselves so the two can never disagree."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..cst import nodes as n
from ..fmt.tokens import FmtToken, fmt_tokens

__all__ = ["rewritten", "attributes"]


def rewritten(value: n.Node, rewrite: Callable[[list[FmtToken]], list[FmtToken] | None]) -> str | None:
    """The source text ``rewrite`` turns ``value`` into, or None. Spacing is
    rough: the engine formats the fixed lines afterwards."""
    new = rewrite(fmt_tokens(value.tokens()))
    if new is None:
        return None
    return "".join(tok.ws + tok.text for tok in new).strip()


def attributes(body: n.Body, path: tuple[str, ...] = ()) -> Iterator[tuple[n.Attribute, tuple[str, ...]]]:
    """Every attribute with the block types it sits in, outermost first."""
    for item in body.items:
        if type(item) is n.Attribute:
            yield item, path
        elif isinstance(item, n.Block):
            yield from attributes(item.body, (*path, item.type.text))
