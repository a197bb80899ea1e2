from __future__ import annotations

from fnmatch import fnmatchcase

from ..api import Example, NodeContext, Rule, Severity, policy_statements
from ..cst import nodes as n

__all__ = ["WildcardLogWritePermissions"]

WRITE_ACTIONS = ("logs:createlogstream", "logs:putlogevents")


class WildcardLogWritePermissions(Rule):
    """CloudWatch Logs write actions granted on every resource

    ## What it does
    Finds IAM statements that allow `logs:CreateLogStream` or
    `logs:PutLogEvents` on every log group: `Resource = "*"`, or a logs ARN
    whose log group is a bare wildcard (`arn:aws:logs:*:*:*`,
    `arn:aws:logs:us-east-1:123456789012:log-group:*`), in `jsonencode(...)`
    policies, in `aws_iam_policy_document` `statement` blocks (`dynamic`
    ones too) and in `policy` arguments written as JSON text (a heredoc or a
    string; an interpolation in it stands for some value).

    ## Why is this bad?
    The role can write into every log group of the account, including audit
    and other applications' logs. Scoping the statement to the function's
    own log group (`${aws_cloudwatch_log_group.x.arn}:*`) costs nothing. This
    is information, not an error: AWS's own `AWSLambdaBasicExecutionRole`
    does the same, and `Describe*` actions legitimately need `"*"`.

    ## Example
    ```hcl
    data "aws_iam_policy_document" "logs" {
      statement {
        actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        resources = ["*"]
      }
    }
    ```

    Use instead:
    ```hcl
    data "aws_iam_policy_document" "logs" {
      statement {
        actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        resources = ["${aws_cloudwatch_log_group.app.arn}:*"]
      }
    }
    ```

    ## Fix safety
    Display-only: which log groups the role writes to is the author's to say.

    ## References
    - https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
    - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
    """

    code = "TFX116"
    name = "wildcard-log-write-permissions"
    severity = Severity.INFO
    fixable = None

    valid = (
        'data "aws_iam_policy_document" "a" {\n  statement {\n    actions   = ["logs:DescribeLogGroups"]\n    resources = ["*"]\n  }\n}\n',
        'data "aws_iam_policy_document" "a" {\n  statement {\n    effect    = "Deny"\n    actions   = ["logs:PutLogEvents"]\n    resources = ["*"]\n  }\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_iam_role_policy" "a" {\n  policy = jsonencode({\n    Statement = [{\n'
            '      Action   = ["logs:PutLogEvents"]\n      Effect   = "Allow"\n      Resource = "*"\n    }]\n  })\n}\n'
        ),
    )

    # statements sit in objects (jsonencode), blocks and policy attributes: one walk feeds all three
    def visit_Object(self, node: n.Object, ctx: NodeContext) -> None:
        self._statements(node, ctx)

    def visit_Block(self, node: n.Block, ctx: NodeContext) -> None:
        self._statements(node, ctx)

    def visit_Attribute(self, node: n.Attribute, ctx: NodeContext) -> None:
        if node.name.text == "policy":
            self._statements(node, ctx)

    def _statements(self, node: n.Node, ctx: NodeContext) -> None:
        for statement in policy_statements(node):
            if not statement.allows:
                continue
            # patterns such as logs:Put* grant the same; a bare "*" is not about logs
            granted = [
                a for a in statement.actions if a != "*" and any(fnmatchcase(w, a.lower()) for w in WRITE_ACTIONS)
            ]
            every = next((r for r in statement.resources if _every_log_group(r)), None)
            if granted and every is not None:
                message = f'{", ".join(granted)} allowed on every log group ({statement.key} "{every}"); scope it to the log group\'s ARN'
                ctx.report(statement.where, message)


def _every_log_group(resource: str) -> bool:
    """``*``, or a CloudWatch Logs ARN (arn:partition:logs:region:account:...)
    whose log group name is a bare ``*``: ``arn:aws:logs:*:*:*``,
    ``...:log-group:*``, ``...:log-group:*:log-stream:*``."""
    if resource == "*":
        return True
    parts = resource.split(":")
    if len(parts) < 6 or parts[0] != "arn" or parts[2] not in ("logs", "*"):
        return False
    kind = parts[5:]
    return kind[0] == "*" or (kind[0] == "log-group" and len(kind) > 1 and kind[1] == "*")
