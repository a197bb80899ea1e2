from __future__ import annotations

from collections.abc import Iterator

from ..api import Diagnostic, Example, Rule, Severity, TerraformModule, is_null

__all__ = ["IamPolicyWithoutDocument"]

RESOURCES = ("aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_policy")


class IamPolicyWithoutDocument(Rule):
    """IAM policy resource without a `policy` document

    ## What it does
    Finds `aws_iam_role_policy`, `aws_iam_user_policy`,
    `aws_iam_group_policy` and `aws_iam_policy` resources that have no
    `policy` argument.

    ## Why is this bad?
    `policy` is required: `terraform validate` fails with "Missing required
    argument". Such a resource is usually a stub left behind while writing
    the code, granting nothing.

    ## Example
    ```hcl
    resource "aws_iam_role_policy" "s3" {
      name = "s3-access"
      role = aws_iam_role.lambda.name
    }
    ```

    Use instead (write the permissions the role really needs, or delete the
    resource):
    ```hcl
    resource "aws_iam_role_policy" "s3" {
      name   = "s3-access"
      role   = aws_iam_role.lambda.name
      policy = data.aws_iam_policy_document.s3_read.json
    }
    ```

    ## Fix safety
    Display-only: a fix would have to invent permissions or delete a
    resource, and both are the author's decisions.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy#policy
    """

    code = "TFX107"
    name = "iam-policy-without-document"
    severity = Severity.ERROR
    fixable = None

    valid = ('resource "aws_iam_role_policy" "a" {\n  role   = aws_iam_role.x.name\n  policy = "{}"\n}\n',)
    invalid = (Example('resource "aws_iam_role_policy" "a" {\n  role = aws_iam_role.x.name\n}\n'),)

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for kind in RESOURCES:
            for file, block in module.blocks("resource", kind):
                if len(block.labels) < 2 or module.is_override(file):
                    continue
                given = [b.body.attribute("policy") for b in (block, *module.overrides(block))]
                if not any(attr is not None and not is_null(attr.value) for attr in given):
                    label = ".".join(block.label_values[:2])
                    yield module.diagnostic(
                        self,
                        file,
                        block.labels[1],
                        f"{label} has no `policy`: write the document it needs, or remove it",
                    )
