from __future__ import annotations

from ..api import (
    Applicability,
    BinaryOp,
    Example,
    FixBuilder,
    Node,
    NodeContext,
    Rule,
    Severity,
    Tuple,
    parse_expression,
    with_last_token,
)

__all__ = ["EmptyListComparison"]


class EmptyListComparison(Rule):
    """Collection compared with `[]` to test for emptiness

    ## What it does
    Finds `x == []` and `x != []` (either side) and offers the length test
    the author meant: `length(x) == 0`, `length(x) > 0`.

    ## Why is this bad?
    `==` is true only for values of the same type, and `[]` on its own is an
    empty *tuple*. A list, set or map variable is never an empty tuple, so
    `var.subnets == []` is always false, even for an empty list, and
    `var.subnets != []` always true: the condition silently does nothing.

    ## Example
    ```hcl
    resource "aws_eip" "nat" {
      count = var.subnet_ids == [] ? 0 : 1
    }
    ```

    Use instead:
    ```hcl
    resource "aws_eip" "nat" {
      count = length(var.subnet_ids) == 0 ? 0 : 1
    }
    ```

    ## Fix safety
    Unsafe: the comparison starts working, so the plan may change (above,
    an empty list now gives no EIP instead of one), and `length` fails on
    `null` where `==` did not. That is the intent, but it is for the author
    to confirm. A comparison with comments inside is only reported.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/operators#equality-operators
    - https://developer.hashicorp.com/terraform/language/functions/length
    """

    code = "TFX203"
    name = "empty-list-comparison"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE

    valid = (
        'locals {\n  a = length(var.l) == 0\n  b = var.l == ["x"]\n  c = var.m == {}\n}\n',
        'locals {\n  a = "var.l == []"\n}\n',
    )
    invalid = (
        Example(
            'locals {\n  a = var.l == [] ? "none" : "some"\n}\n',
            'locals {\n  a = length(var.l) == 0 ? "none" : "some"\n}\n',
            unsafe=True,
        ),
        Example("locals {\n  a = [] != var.l\n}\n", "locals {\n  a = length(var.l) > 0\n}\n", unsafe=True),
        Example("locals {\n  a = var.l == [/* none */]\n}\n", None),
    )

    def visit_BinaryOp(self, node: BinaryOp, ctx: NodeContext) -> None:
        if node.op.kind not in ("EQUAL_OP", "NOT_EQUAL"):
            return
        if _empty(node.right):
            other = node.left
        elif _empty(node.left):
            other = node.right
        else:
            return
        always = "false" if node.op.kind == "EQUAL_OP" else "true"
        message = f"comparing with `[]` is always {always} for a list, set or map; test its length"
        if any("#" in t.lead + t.trail or "//" in t.lead + t.trail or "/*" in t.lead + t.trail for t in node.tokens()):
            ctx.report(node, message)
            return
        value = with_last_token(other, lambda token: token._replace(trail=""))
        snippet = "length({0}) == 0" if node.op.kind == "EQUAL_OP" else "length({0}) > 0"
        rewrite = FixBuilder(ctx.module, ctx.file)
        rewrite.replace(node, parse_expression(snippet, value))
        ctx.report(node, message, fix=rewrite.build("Test the length", Applicability.UNSAFE))


def _empty(node: Node) -> bool:
    return type(node) is Tuple and not node.elements
