"""Rules that report what ``terraform fmt``'s own rewrites would change, using
the formatter's passes themselves so the two can never disagree."""

from __future__ import annotations

from collections.abc import Callable

from ..cst import nodes as n
from ..fmt.tokens import FmtToken, fmt_tokens
from ..syntax.snippets import parse_expression

__all__ = ["rewritten"]


def rewritten(value: n.Node, rewrite: Callable[[list[FmtToken]], list[FmtToken] | None]) -> n.Expression | None:
    """The expression ``rewrite`` turns ``value`` into, or None. It is parsed
    back from the formatter's own tokens (no text is pasted together), so a
    fix hands the bridge a node. Spacing is rough: the engine formats the
    fixed lines afterwards."""
    new = rewrite(fmt_tokens(value.tokens()))
    if new is None:
        return None
    return parse_expression("".join(tok.ws + tok.text for tok in new).strip())
