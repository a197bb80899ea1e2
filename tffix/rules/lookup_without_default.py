from __future__ import annotations

from ..api import (
    Applicability,
    Example,
    FixBuilder,
    FunctionCall,
    GetAttr,
    Index,
    Node,
    NodeContext,
    Object,
    Parens,
    Rule,
    Severity,
    Splat,
    Tuple,
    Variable,
    parse_expression,
    with_last_token,
)

__all__ = ["LookupWithoutDefault"]

# expressions an index can follow as they are: the rest needs parentheses
_PRIMARY = (Variable, FunctionCall, Parens, Object, Tuple)


class LookupWithoutDefault(Rule):
    """`lookup(map, key)` without a default

    ## What it does
    Finds calls of `lookup` with two arguments, the map and the key, and
    rewrites them as an index: `lookup(var.amis, var.region)` becomes
    `var.amis[var.region]`.

    ## Why is this bad?
    `lookup` exists for its third argument, the value to use when the key is
    missing. Without it, the call fails on a missing key exactly as an index
    does, so it is a longer way to write `map[key]`; Terraform has called the
    two-argument form deprecated since 0.7.

    ## Example
    ```hcl
    locals {
      sizes = { small = "t3.micro", large = "m5.large" }
      size  = lookup(local.sizes, var.tier)
    }
    ```

    Use instead:
    ```hcl
    locals {
      sizes = { small = "t3.micro", large = "m5.large" }
      size  = local.sizes[var.tier]
    }
    ```

    ## Fix safety
    Safe: both forms give the same value and fail the same way on a missing
    key. A map written as an operator, a conditional or a splat is put in
    parentheses (`(a[*].tags)["Name"]`), so the index applies to it whole. A
    call with comments inside, or whose arguments come from `...`, is only
    reported.

    ## References
    - https://developer.hashicorp.com/terraform/language/functions/lookup
    - https://developer.hashicorp.com/terraform/language/expressions/references
    """

    code = "TFX202"
    name = "lookup-without-default"
    severity = Severity.WARNING
    fixable = Applicability.SAFE

    valid = (
        'locals {\n  a = lookup(var.m, "k", null)\n  b = var.m["k"]\n}\n',
        'locals {\n  a = provider::x::lookup(var.m, "k")\n}\n',
    )
    invalid = (
        Example('locals {\n  a = lookup(var.m, "k")\n}\n', 'locals {\n  a = var.m["k"]\n}\n'),
        Example(
            "locals {\n  a = lookup(var.on ? var.m : {}, var.k) # why\n}\n",
            "locals {\n  a = (var.on ? var.m : {})[var.k] # why\n}\n",
        ),
    )

    def visit_FunctionCall(self, call: FunctionCall, ctx: NodeContext) -> None:
        if call.function_name != "lookup" or len(call.args) != 2 or call.ellipsis is not None:
            return
        message = "`lookup` without a default is `map[key]`"
        if any(_has_comment(token.lead) or _has_comment(token.trail) for token in call.tokens()):
            ctx.report(call, message)
            return
        mapping, key = (_stripped(element.value) for element in call.args)
        if not (isinstance(mapping, _PRIMARY) or (type(mapping) in (GetAttr, Index) and not _has_splat(mapping))):
            mapping = parse_expression("({0})", mapping)
        rewrite = FixBuilder(ctx.module, ctx.file)
        rewrite.replace(call, parse_expression("{0}[{1}]", mapping, key))
        ctx.report(call, message, fix=rewrite.build("Use an index", Applicability.SAFE))


def _has_comment(trivia: str) -> bool:
    return "#" in trivia or "//" in trivia or "/*" in trivia


def _stripped(node: Node) -> Node:
    return with_last_token(node, lambda token: token._replace(trail=""))


def _has_splat(node: Node) -> bool:
    """Whether a traversal chain holds a splat (an index after it would go
    on with the splat instead of indexing its result)."""
    current: Node = node
    while isinstance(current, (GetAttr, Index, Splat)):
        if type(current) is Splat:
            return True
        current = current.obj
    return False
