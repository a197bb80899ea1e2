from __future__ import annotations

from collections.abc import Iterator
from fnmatch import fnmatchcase

from ..cst import nodes as n
from ..cst.visitor import walk
from ..engine.module import SourceFile, TerraformModule
from ._hcl import string_value
from .base import Diagnostic, Example, Rule, Severity

__all__ = ["WildcardLogWritePermissions"]

WRITE_ACTIONS = ("logs:createlogstream", "logs:putlogevents")


class WildcardLogWritePermissions(Rule):
    """CloudWatch Logs write actions granted on every resource

    ## What it does
    Finds IAM statements that allow `logs:CreateLogStream` or
    `logs:PutLogEvents` on `Resource = "*"`, in `jsonencode(...)` policies
    and in `aws_iam_policy_document` `statement` blocks.

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

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            for node in walk(file.tree):  # type: ignore[arg-type]
                if type(node) is n.Object:
                    diag = self._statement(module, file, node, "Action", "Resource")
                elif type(node) is n.Block and node.type.text == "statement":
                    diag = self._statement(module, file, node, "actions", "resources")
                else:
                    continue
                if diag is not None:
                    yield diag

    def _statement(self, module: TerraformModule, file: SourceFile, node: n.Object | n.Block, action_key: str, resource_key: str) -> Diagnostic | None:
        actions, resources = _value(node, action_key), _value(node, resource_key)
        if actions is None or resources is None or "Deny" in (*_values(node, "Effect"), *_values(node, "effect")):
            return None
        # patterns such as logs:Put* grant the same; a bare "*" is not about logs
        granted = [a for a in _values_of(actions) if a != "*" and any(fnmatchcase(w, a.lower()) for w in WRITE_ACTIONS)]
        if not granted or "*" not in _values_of(resources):
            return None
        return module.diagnostic(self, file, resources, f"{', '.join(granted)} allowed on every log group ({resource_key} \"*\"); scope it to the log group's ARN")


def _value(node: n.Object | n.Block, key: str) -> n.Node | None:
    if type(node) is n.Object:
        item = node.item(key)
        return item.value if item is not None else None
    attr = node.body.attribute(key)  # type: ignore[union-attr]
    return attr.value if attr is not None else None


def _values(node: n.Object | n.Block, key: str) -> list[str]:
    value = _value(node, key)
    return _values_of(value) if value is not None else []


def _values_of(expr: n.Node) -> list[str]:
    """Literal strings of a string or a list of strings."""
    items = [e.value for e in expr.elements] if type(expr) is n.Tuple else [expr]
    return [text for text in (string_value(x) for x in items) if text is not None]
