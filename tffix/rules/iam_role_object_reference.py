from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Rule,
    Severity,
    TerraformModule,
    arguments,
    parse_expression,
    traversal,
)
from ..cst import nodes as n

__all__ = ["IamRoleObjectReference"]

#: (resource type, argument) -> the role attribute the argument wants.
#: Arguments ending in ``role_arn`` want ``arn`` everywhere.
WANTS = {
    ("aws_iam_role_policy", "role"): "name",
    ("aws_iam_role_policy_attachment", "role"): "name",
    ("aws_iam_instance_profile", "role"): "name",
    ("aws_iam_policy_attachment", "roles"): "name",
    ("aws_lambda_function", "role"): "arn",
    ("aws_glue_crawler", "role"): "arn",
    ("aws_codebuild_project", "service_role"): "arn",
    ("aws_dms_endpoint", "service_access_role"): "arn",
}


class IamRoleObjectReference(Rule):
    """Whole IAM role object where a role name or ARN is required

    ## What it does
    Finds arguments that need a role's name or ARN but are given the whole
    role resource: `role = aws_iam_role.lambda` (also `aws_iam_role.x[0]`
    and `aws_iam_role.x[each.key]`, and inside lists such as `roles`).

    ## Why is this bad?
    `aws_iam_role.lambda` is an object; the argument wants a string.
    `terraform validate` fails with "Incorrect attribute value type". Which
    attribute is wanted depends on the argument: `aws_iam_role_policy.role`,
    `aws_iam_role_policy_attachment.role` and `aws_iam_instance_profile.role`
    take the name; `aws_lambda_function.role` and every `*role_arn` argument
    take the ARN.

    ## Example
    ```hcl
    resource "aws_iam_role_policy" "s3" {
      role   = aws_iam_role.lambda
      policy = data.aws_iam_policy_document.s3.json
    }
    ```

    Use instead:
    ```hcl
    resource "aws_iam_role_policy" "s3" {
      role   = aws_iam_role.lambda.name
      policy = data.aws_iam_policy_document.s3.json
    }
    ```

    ## Fix safety
    Safe: the configuration does not validate as written, and the added
    attribute is the one the argument documents. References to module
    outputs and variables are never touched: their type is not known here.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy#role
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#role
    """

    code = "TFX108"
    name = "iam-role-object-reference"
    severity = Severity.ERROR
    fixable = Applicability.SAFE

    valid = (
        'resource "aws_iam_role_policy" "a" {\n  role   = aws_iam_role.x.id\n  policy = "{}"\n}\n',
        'resource "aws_iam_role_policy" "a" {\n  role   = module.iam.role\n  policy = "{}"\n}\n',
        'resource "aws_lambda_function" "a" {\n  role = var.role_arn\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_lambda_function" "a" {\n  role = aws_iam_role.x[0] # exec\n}\n',
            'resource "aws_lambda_function" "a" {\n  role = aws_iam_role.x[0].arn # exec\n}\n',
        ),
        Example(
            'resource "aws_iam_policy_attachment" "a" {\n  roles = [aws_iam_role.x, aws_iam_role.y.name]\n}\n',
            'resource "aws_iam_policy_attachment" "a" {\n  roles = [aws_iam_role.x.name, aws_iam_role.y.name]\n}\n',
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        multi = {b.label_values[1] for _, b in module.blocks("resource", "aws_iam_role")
                 if len(b.labels) > 1 and (b.body.attribute("count") or b.body.attribute("for_each"))}  # fmt: skip
        for file, block in module.blocks("resource"):
            if len(block.labels) < 2:
                continue
            kind = block.label_values[0]
            for attr, outermost in arguments(block.body, skip=("lifecycle",)):
                wanted = (WANTS.get((kind, attr.name.text)) if outermost is None else None) or (
                    "arn" if attr.name.text.endswith("role_arn") else None
                )
                if wanted is None:
                    continue
                values = [e.value for e in attr.value.elements] if type(attr.value) is n.Tuple else [attr.value]
                for value in values:
                    ref = traversal(value)
                    if ref is None or ref[0] != "aws_iam_role" or len(ref) < 2 or any(p != "[]" for p in ref[2:]):
                        continue
                    text = file.source(value)
                    message = f"`{attr.name.text}` of {kind}.{block.label_values[1]} wants a role {wanted}, not the role object `{text}`"
                    if ref[1] in multi and len(ref) == 2:
                        # a counted role needs an instance key first, which only the author knows
                        yield module.diagnostic(
                            self, file, value, message + " (the role has count/for_each: pick an instance)"
                        )
                        continue
                    rewrite = FixBuilder(module, file)
                    rewrite.replace(value, parse_expression("{0}.{1}", value, wanted))
                    fix = rewrite.build(f"Use {text}.{wanted}", Applicability.SAFE)
                    yield module.diagnostic(self, file, value, message, fix=fix)
