from __future__ import annotations

from ..api import Applicability, Example, FixBuilder, NodeContext, Rule, Severity, unwrapped_interpolation
from ..cst import nodes as n

__all__ = ["InterpolationOnlyExpression"]


class InterpolationOnlyExpression(Rule):
    """Interpolation-only string such as `"${var.name}"`

    ## What it does
    Finds arguments whose whole value is one interpolation in a string,
    `"${expr}"`: the Terraform 0.11 way of writing `expr`.

    ## Why is this bad?
    Since Terraform 0.12 the wrapper is redundant and deprecated: it hides the
    value's type (a list or map reads as a string), and Terraform warns
    "Interpolation-only expressions are deprecated". `terraform fmt` removes
    it; this rule reports it, so `tffix check` shows it in CI.

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      ami = "${var.ami_id}"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web" {
      ami = var.ami_id
    }
    ```

    ## Fix safety
    Safe: the value and its type are the same. The fix is the formatter's
    own rewrite (a value spanning lines is put in parentheses), so it agrees
    with `tffix fmt` and `terraform fmt`.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation
    - https://developer.hashicorp.com/terraform/cli/commands/fmt
    """

    code = "TFX113"
    name = "interpolation-only-expression"
    severity = Severity.WARNING
    fixable = Applicability.SAFE

    valid = ('resource "a" "b" {\n  x = "prefix-${var.y}"\n  z = var.y\n}\n',)
    invalid = (
        Example(
            'resource "a" "b" {\n  x = "${var.y}" # note\n}\n',
            'resource "a" "b" {\n  x = var.y # note\n}\n',
        ),
    )

    def visit_Attribute(self, attr: n.Attribute, ctx: NodeContext) -> None:
        # the formatter's tokens are built only for the values shaped like "${...}"
        value = attr.value
        if value.first_token().kind != "OQUOTE" or value.last_token().kind != "CQUOTE":
            return
        new = unwrapped_interpolation(value)
        if new is None:
            return
        # the message shows the new value's first line, shortened
        line = new.code.splitlines()[0] if new.code else ""
        shown = line if len(line) <= 60 and "\n" not in new.code else line[:57] + "..."
        message = f"`{attr.name.text}` is an interpolation-only string; write `{shown}`"
        rewrite = FixBuilder(ctx.module, ctx.file)
        rewrite.replace(value, new)
        ctx.report(value, message, fix=rewrite.build("Unwrap", Applicability.SAFE))
