"""What ``terraform fmt``'s own rewrites would make of an expression, for
rules that report them (TFX113, TFX114): the formatter's passes themselves
are used, so a rule and ``tffix fmt`` can never disagree."""

from __future__ import annotations

from collections.abc import Callable

from ..cst import nodes as n
from ..fmt.rewrites import legacy_type, unwrap_interpolation
from ..fmt.tokens import FmtToken, fmt_tokens
from ..syntax.snippets import parse_expression

__all__ = ["modern_type", "unwrapped_interpolation"]


def _rewritten(value: n.Node, rewrite: Callable[[list[FmtToken]], list[FmtToken] | None]) -> n.Expression | None:
    """The expression ``rewrite`` turns ``value`` into, or None. It is parsed
    back from the formatter's own tokens, so a fix hands the builder a node.
    Spacing is rough: the engine formats the fixed lines afterwards."""
    new = rewrite(fmt_tokens(value.tokens()))
    if new is None:
        return None
    return parse_expression("".join(tok.ws + tok.text for tok in new).strip())


def unwrapped_interpolation(value: n.Node) -> n.Expression | None:
    """``"${x}"`` -> ``x`` as ``terraform fmt`` unwraps it; None when it would not."""
    return _rewritten(value, unwrap_interpolation)


def modern_type(value: n.Node) -> n.Expression | None:
    """A Terraform 0.11 type constraint (``"string"``, ``"list"``) as
    ``terraform fmt`` rewrites it (``string``, ``list(any)``); None when it is
    not one."""
    return _rewritten(value, legacy_type)
