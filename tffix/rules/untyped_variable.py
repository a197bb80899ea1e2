from __future__ import annotations

from ..api import Block, Example, NodeContext, Rule, Severity
from .undocumented_variable import top_level

__all__ = ["UntypedVariable"]


class UntypedVariable(Rule):
    """Variable declared without a `type`

    ## What it does
    Finds `variable` blocks with no `type` argument.

    ## Why is this bad?
    An untyped variable accepts any value: a caller may pass a string where a
    list was meant and the mistake shows up later, as an odd plan or a
    provider error far from its cause. A type constraint makes Terraform
    check and convert the value where it enters the module, and tells the
    reader what to pass.

    ## Example
    ```hcl
    variable "instance_count" {
      default = 2
    }
    ```

    Use instead:
    ```hcl
    variable "instance_count" {
      type    = number
      default = 2
    }
    ```

    ## Fix safety
    No fix: the right type is the author's decision (a default of `2` may
    stand for a `number` or a `string`, and a stricter type can reject
    values callers pass today).

    ## References
    - https://developer.hashicorp.com/terraform/language/values/variables#type-constraints
    """

    code = "TFX208"
    name = "untyped-variable"
    severity = Severity.WARNING

    valid = ('variable "a" {\n  type    = bool\n  default = false\n}\n',)
    invalid = (Example('variable "a" {\n  default = "value"\n}\n'),)

    def visit_Block(self, block: Block, ctx: NodeContext) -> bool:
        if (
            block.type.text == "variable"
            and len(block.labels) == 1
            and top_level(ctx)
            and ctx.module.index.attribute(block, "type") is None
        ):
            name = ctx.module.index.labels(block)[0]
            ctx.report(block.labels[0], f'variable "{name}" has no type')
        return False  # nothing nested is a declaration
