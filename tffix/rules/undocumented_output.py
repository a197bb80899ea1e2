from __future__ import annotations

from ..api import Block, Example, NodeContext, Rule, Severity
from .undocumented_variable import documented, top_level

__all__ = ["UndocumentedOutput"]


class UndocumentedOutput(Rule):
    """Output declared without a `description`

    ## What it does
    Finds `output` blocks with no `description`, or an empty one.

    ## Why is this bad?
    Outputs are what a module gives its callers, and what `terraform output`
    shows people. Without a description, `terraform-docs` and the registry
    list a bare name, and the caller has to read the module's code to know
    what the value is (an ID or an ARN? of which resource?).

    ## Example
    ```hcl
    output "bucket" {
      value = aws_s3_bucket.logs.arn
    }
    ```

    Use instead:
    ```hcl
    output "bucket" {
      description = "ARN of the bucket that receives the access logs."
      value       = aws_s3_bucket.logs.arn
    }
    ```

    ## Fix safety
    No fix: only the author can say what the value means.

    ## References
    - https://developer.hashicorp.com/terraform/language/values/outputs#description-output-value-documentation
    """

    code = "TFX210"
    name = "undocumented-output"
    severity = Severity.INFO

    valid = ('output "a" {\n  description = "The ID."\n  value       = 1\n}\n',)
    invalid = (
        Example('output "a" {\n  value = 1\n}\n'),
        Example('output "a" {\n  value       = 1\n  description = ""\n}\n'),
    )

    def visit_Block(self, block: Block, ctx: NodeContext) -> bool:
        if block.type.text == "output" and len(block.labels) == 1 and top_level(ctx) and not documented(ctx, block):
            name = ctx.module.index.labels(block)[0]
            ctx.report(block.labels[0], f'output "{name}" has no description')
        return False
