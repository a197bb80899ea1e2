from __future__ import annotations

from ..api import Block, Example, NodeContext, NotLiteral, Rule, Severity, literal_value

__all__ = ["UndocumentedVariable", "documented", "top_level"]


def top_level(ctx: NodeContext) -> bool:
    """Whether the node being visited is an item of its file's body."""
    tree = ctx.file.tree
    return tree is not None and ctx.parent is tree.body


def documented(ctx: NodeContext, block: Block) -> bool:
    """Whether a block has a ``description`` that is not empty (or not a
    literal, which Terraform would refuse anyway)."""
    attribute = ctx.module.index.attribute(block, "description")
    if attribute is None:
        return False
    try:
        value = literal_value(attribute.value)
    except NotLiteral:
        return True
    return not (type(value) is str and not value.strip()) and value is not None


class UndocumentedVariable(Rule):
    """Variable declared without a `description`

    ## What it does
    Finds `variable` blocks with no `description`, or an empty one.

    ## Why is this bad?
    A variable is the module's interface: its description is what
    `terraform-docs`, the registry and a caller's editor show. Without one,
    the caller has to read the module's code to learn what to pass.

    ## Example
    ```hcl
    variable "retention_days" {
      type = number
    }
    ```

    Use instead:
    ```hcl
    variable "retention_days" {
      type        = number
      description = "How long logs are kept, in days."
    }
    ```

    ## Fix safety
    No fix: only the author can say what the variable means.

    ## References
    - https://developer.hashicorp.com/terraform/language/values/variables#input-variable-documentation
    """

    code = "TFX209"
    name = "undocumented-variable"
    severity = Severity.INFO

    valid = ('variable "a" {\n  type        = string\n  description = "The name."\n}\n',)
    invalid = (
        Example('variable "a" {\n  type = string\n}\n'),
        Example('variable "a" {\n  type        = string\n  description = ""\n}\n'),
    )

    def visit_Block(self, block: Block, ctx: NodeContext) -> bool:
        if block.type.text == "variable" and len(block.labels) == 1 and top_level(ctx) and not documented(ctx, block):
            name = ctx.module.index.labels(block)[0]
            ctx.report(block.labels[0], f'variable "{name}" has no description')
        return False
