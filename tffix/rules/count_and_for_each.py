from __future__ import annotations

from ..api import Block, Example, NodeContext, Rule, Severity

__all__ = ["CountAndForEach"]

#: top-level blocks that take ``count`` and ``for_each``
REPEATABLE = frozenset({"resource", "data", "module", "ephemeral"})


class CountAndForEach(Rule):
    """Both count and for_each on one block

    ## What it does
    Finds `resource`, `data`, `ephemeral` and `module` blocks that set both
    `count` and `for_each`.

    ## Why is this bad?
    A block repeats either by number or by key, never both: Terraform
    refuses it ("Invalid combination of "count" and "for_each""). Generated
    code adds `count = var.enabled ? 1 : 0` to a block that already has
    `for_each`.

    ## Example
    ```hcl
    resource "aws_iam_user" "team" {
      count    = var.create ? 1 : 0
      for_each = toset(var.users)
      name     = each.key
    }
    ```

    Use instead:
    ```hcl
    resource "aws_iam_user" "team" {
      for_each = var.create ? toset(var.users) : toset([])
      name     = each.key
    }
    ```

    ## Fix safety
    None: which of the two the author meant, and how to fold the other in,
    is a choice the code does not show. Reported only.

    ## References
    - https://developer.hashicorp.com/terraform/language/meta-arguments/for_each
    - https://developer.hashicorp.com/terraform/language/meta-arguments/count
    """

    code = "TFX306"
    name = "count-and-for-each"
    severity = Severity.ERROR

    valid = ('resource "aws_iam_user" "a" {\n  for_each = toset(["x"])\n  name     = each.key\n}\n',)
    invalid = (
        Example('resource "aws_iam_user" "a" {\n  count    = 1\n  for_each = toset(["x"])\n  name     = each.key\n}\n'),
    )

    def visit_Block(self, node: Block, ctx: NodeContext) -> bool:
        if node.type.text in REPEATABLE:
            attributes = ctx.module.index.attributes(node)
            count, for_each = attributes.get("count"), attributes.get("for_each")
            if count is not None and for_each is not None:
                labels = ".".join(ctx.module.index.labels(node))
                ctx.report(
                    (count if ctx.file.span(count)[0] > ctx.file.span(for_each)[0] else for_each).name,
                    f"{node.type.text} {labels} sets both count and for_each; Terraform takes one or the other",
                )
        return False
