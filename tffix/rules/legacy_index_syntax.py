from __future__ import annotations

from collections.abc import Sequence

from ..api import (
    Applicability,
    Example,
    FixBuilder,
    GetAttr,
    Index,
    Literal,
    Node,
    NodeContext,
    Parens,
    Rule,
    Severity,
    Splat,
    Transformer,
    parse_expression,
    visit,
)

__all__ = ["LegacyIndexSyntax"]


class LegacyIndexSyntax(Rule):
    """Legacy dot index `list.0` or attribute-only splat `list.*.name`

    ## What it does
    Finds list elements read with the dot syntax Terraform kept from its 0.11
    language (`aws_instance.web.0.id`) and attribute-only splats written with
    a dot (`aws_instance.web.*.id`), and rewrites them with square brackets:
    `aws_instance.web[0].id`, `aws_instance.web[*].id`.

    ## Why is this bad?
    Both spellings still work only for backward compatibility: they are no
    longer documented, tools and readers expect brackets, and the dot splat
    has a surprising scope. In `list.*.name[0]` the splat stops before
    `[0]`, which then picks the first name, while `list[*].name[0]` takes
    element 0 of every name. Brackets say which one is meant.

    ## Example
    ```hcl
    output "first_subnet" {
      value = aws_subnet.private.0.id
    }

    output "subnet_ids" {
      value = aws_subnet.private.*.id
    }
    ```

    Use instead:
    ```hcl
    output "first_subnet" {
      value = aws_subnet.private[0].id
    }

    output "subnet_ids" {
      value = aws_subnet.private[*].id
    }
    ```

    ## Fix safety
    Safe: the value is the same. A dot splat followed by a bracket index or
    another splat (`list.*.name[0]`) is put in parentheses,
    `(list[*].name)[0]`, so the index still applies to the whole result, as
    it did; a dot index inside a dot splat (`list.*.tags.0`) is converted with
    the splat, since on its own `[0]` would end the splat early. Where those
    parentheses would also end an earlier splat (`list[*].*[0]`), no bracket
    form means the same, and the finding comes without a fix.
    `.tf.json` files are not read.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/splat#legacy-attribute-only-splat-expressions
    - https://developer.hashicorp.com/terraform/language/expressions/references
    """

    code = "TFX201"
    name = "legacy-index-syntax"
    severity = Severity.WARNING
    fixable = Applicability.SAFE

    valid = (
        'output "a" {\n  value = aws_instance.web[0].id\n}\n',
        'output "a" {\n  value = "web.0.id is only text"\n}\n',
        'output "a" {\n  value = aws_instance.web[*].id\n}\n',
    )
    invalid = (
        Example("locals {\n  first = local.list.0\n}\n", "locals {\n  first = local.list[0]\n}\n"),
        Example(
            'output "a" {\n  value = aws_instance.web.*.id # all\n}\n',
            'output "a" {\n  value = aws_instance.web[*].id # all\n}\n',
        ),
        Example("locals {\n  a = local.l.*.b[0]\n}\n", "locals {\n  a = (local.l[*].b)[0]\n}\n"),
        Example('locals {\n  a = "x-${local.l.*.b.1}"\n}\n', 'locals {\n  a = "x-${local.l[*].b[1]}"\n}\n'),
    )

    def visit_GetAttr(self, node: GetAttr, ctx: NodeContext) -> None:
        if node.name.kind != "NUMBER_LIT":
            return
        rewrite = FixBuilder(ctx.module, ctx.file)
        splat = _enclosing_legacy_splat(node)
        converted = (node, _bracketed(node)) if splat is None else _converted_chain(splat, node, ctx.ancestors)
        if converted is not None:
            rewrite.replace(*converted)
        ctx.report(
            (ctx.file.span(node.dot)[0], ctx.file.span(node.name)[1]),
            f"legacy index `.{node.name.text}`; write `[{node.name.text}]`",
            fix=None if converted is None else rewrite.build("Use square brackets", Applicability.SAFE),
        )

    def visit_Splat(self, node: Splat, ctx: NodeContext) -> None:
        if node.close is not None:
            return
        converted = _converted_chain(node, node, ctx.ancestors)
        rewrite = FixBuilder(ctx.module, ctx.file)
        if converted is not None:
            rewrite.replace(*converted)
        ctx.report(
            (ctx.file.span(node.open)[0], ctx.file.span(node.star)[1]),
            "legacy splat `.*`; write `[*]`",
            fix=None if converted is None else rewrite.build("Use a [*] splat", Applicability.SAFE),
        )


def _bracketed(node: GetAttr) -> Node:
    """``obj.0`` as ``obj[0]``."""
    return parse_expression("{0}[{1}]", node.obj, Literal(node.name._replace(lead="", trail="")))


def _enclosing_legacy_splat(node: GetAttr) -> Splat | None:
    """The dot splat whose attribute-only chain ``node`` belongs to: down
    ``obj`` through dot steps only, to a ``.*``."""
    current = node.obj
    while True:
        if type(current) is GetAttr:
            current = current.obj
        elif type(current) is Splat:
            return current if current.close is None else None
        else:
            return None


def _converted_chain(splat: Splat, start: Node, ancestors: Sequence[Node]) -> tuple[Node, Node] | None:
    """The top of the dot splat's chain (the last dot step after ``.*``) and
    what replaces it: the splat as ``[*]`` and the dot indexes in its chain
    as brackets, in parentheses when a bracket index or another splat follows
    (the dot splat ended there; a ``[*]`` would go on). None when that needs
    parentheses but a splat comes before the dot splat: they would end that
    splat too, and no bracket form says the same."""
    # ``start`` is the splat itself or a dot step of its chain; climb from it
    chain_top: Node = start
    above = list(ancestors)
    while above and isinstance(above[-1], GetAttr) and above[-1].obj is chain_top:
        chain_top = above.pop()
    new = visit(chain_top, _Brackets(splat))
    parent = above[-1] if above else None
    if isinstance(parent, (Index, Splat)) and parent.obj is chain_top:
        if _has_splat(splat.obj):
            return None
        new = parse_expression("({0})", new)
        assert type(new) is Parens
    return chain_top, new


class _Brackets(Transformer):
    """The dot splat as ``[*]``, and dot indexes after it as ``[N]``."""

    def __init__(self, splat: Splat) -> None:
        self.splat = splat

    def leave_Splat(self, original: Splat, updated: Splat) -> Node:
        if original is not self.splat:
            return updated
        return parse_expression("{0}[*]", updated.obj)

    def leave_GetAttr(self, original: GetAttr, updated: GetAttr) -> Node:
        return _bracketed(updated) if updated.name.kind == "NUMBER_LIT" else updated


def _has_splat(node: Node) -> bool:
    while isinstance(node, (GetAttr, Index, Splat)):
        if type(node) is Splat:
            return True
        node = node.obj
    return False
