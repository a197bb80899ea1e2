"""ACME's own rule and codemod: a tffix plugin, loaded because `.tffix.toml`
names this folder (`plugins = [".tffix/plugins"]`)."""

from __future__ import annotations

from typing import ClassVar

from tffix.api import (
    Applicability,
    Attribute,
    Codemod,
    Example,
    FixBuilder,
    NodeContext,
    NotLiteral,
    ObjectItem,
    Option,
    Rule,
    Severity,
    key,
    literal_value,
    parse_expression,
)


class QuotedBool(Rule):
    """Boolean written as a string

    ## What it does
    Reports an argument whose value is the string `"true"` or `"false"`, and
    writes the boolean instead.

    ## Why is this bad?
    Terraform converts the string, so it works, but it reads as text and
    hides typos such as `"ture"` until plan time.

    ## Example
    ```hcl
    force_destroy = "true"
    ```
    becomes
    ```hcl
    force_destroy = true
    ```

    ## Fix safety
    Safe: Terraform reads `"true"` as `true` where a bool is expected.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types
    """

    code = "ACME001"
    name = "quoted-bool"
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {"arguments": Option([], "Only these argument names (all when empty).")}
    valid = ('resource "aws_s3_bucket" "a" {\n  force_destroy = true\n}\n',)
    invalid = (
        Example(
            'resource "aws_s3_bucket" "a" {\n  force_destroy = "true"\n}\n',
            'resource "aws_s3_bucket" "a" {\n  force_destroy = true\n}\n',
        ),
    )

    def visit_Attribute(self, node: Attribute, ctx: NodeContext) -> None:
        wanted = self.settings["arguments"]
        if wanted and node.name.text not in wanted:
            return
        try:
            value = literal_value(node.value)
        except NotLiteral:
            return
        if value in ("true", "false"):
            fix = FixBuilder(ctx.module, ctx.file)
            fix.replace(node.value, parse_expression(value))
            ctx.report(
                node.value,
                f"{node.name.text} is the string {value!r}: write the boolean",
                fix=fix.build(f"write {value}", Applicability.SAFE),
            )


class RenameTag(Codemod):
    """Rename a tag key in every `tags` object

    ## What it does
    Renames the key `old` to `new` in every `tags = {...}` argument, keeping
    its value and comments; the `=` signs around it are aligned again.

    ## Example
    `tffix codemod rename-tag -o old=Env -o new=Environment`:
    ```hcl
    tags = {
      Env = "qa"
    }
    ```
    becomes
    ```hcl
    tags = {
      Environment = "qa"
    }
    ```
    """

    name = "rename-tag"
    options: ClassVar[dict[str, Option]] = {
        "old": Option("Env", "The tag key to rename."),
        "new": Option("Environment", "Its new name."),
    }
    valid = ('locals {\n  tags = {\n    Environment = "qa"\n  }\n}\n',)
    invalid = (
        Example(
            'locals {\n  tags = {\n    Env = "qa"\n  }\n}\n',
            'locals {\n  tags = {\n    Environment = "qa"\n  }\n}\n',
        ),
        Example(
            'locals {\n  tags = {\n    Env = "qa"\n  }\n}\n',
            'locals {\n  tags = {\n    Stage = "qa"\n  }\n}\n',
            options={"new": "Stage"},
        ),
    )

    def visit_ObjectItem(self, node: ObjectItem, ctx: NodeContext) -> None:
        old, new = self.settings["old"], self.settings["new"]
        if node.key_name != old or not any(
            isinstance(above, Attribute) and above.name.text == "tags" for above in ctx.ancestors
        ):
            return
        fix = FixBuilder(ctx.module, ctx.file)
        fix.replace(node.key, key(new))
        ctx.report(node.key, f"tag {old} renamed to {new}", fix=fix.build(f"rename {old}", Applicability.SAFE))
