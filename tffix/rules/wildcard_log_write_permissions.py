from __future__ import annotations

import json
from collections.abc import Iterator
from fnmatch import fnmatchcase
from typing import Any, NamedTuple

from ..api import Example, NodeContext, Rule, Severity, template_text
from ..cst import nodes as n

__all__ = ["WildcardLogWritePermissions"]

WRITE_ACTIONS = ("logs:createlogstream", "logs:putlogevents")
# what an interpolation reads as in a policy's strings: some value, never "*"
_SOME_VALUE = "${...}"


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
        for statement in _statements(node):
            if "Deny" in statement.effects:
                continue
            # patterns such as logs:Put* grant the same; a bare "*" is not about logs
            granted = [
                a for a in statement.actions if a != "*" and any(fnmatchcase(w, a.lower()) for w in WRITE_ACTIONS)
            ]
            every = next((r for r in statement.resources if _every_log_group(r)), None)
            if granted and every is not None:
                message = f'{", ".join(granted)} allowed on every log group ({statement.key} "{every}"); scope it to the log group\'s ARN'
                ctx.report(statement.where, message)


class _Statement(NamedTuple):
    where: n.Node  # what a finding points at
    key: str  # the resource key, as the policy spells it
    actions: list[str]
    resources: list[str]
    effects: list[str]


def _statements(node: n.Node) -> Iterator[_Statement]:
    """The IAM statements ``node`` holds: an object (``jsonencode``), a
    ``statement`` block or a ``dynamic "statement"`` block's ``content``, or a
    ``policy`` written as JSON text."""
    if type(node) is n.Object:
        yield from _hcl_statement(node, "Action", "Resource")
    elif type(node) is n.Block and node.type.text == "statement":
        yield from _hcl_statement(node, "actions", "resources")
    elif type(node) is n.Block and node.matches("dynamic", "statement"):
        content = node.body.block("content")
        if content is not None:
            yield from _hcl_statement(content, "actions", "resources")
    elif type(node) is n.Attribute and node.name.text == "policy" and isinstance(node.value, (n.Template, n.Heredoc)):
        for statement in _json_statements(node.value):
            strings = [_json_strings(statement.get(key)) for key in ("Action", "Resource", "Effect")]
            yield _Statement(node.value, "Resource", *strings)


def _hcl_statement(node: n.Object | n.Block, action_key: str, key: str) -> Iterator[_Statement]:
    resources = _value(node, key)
    if resources is not None:
        effects = _values(node, "Effect") + _values(node, "effect")
        yield _Statement(resources, key, _values(node, action_key), _values_of(resources), effects)


def _json_statements(template: n.Template | n.Heredoc) -> list[dict[str, Any]]:
    """The statements of a policy written as JSON (interpolations read as
    placeholders, so ``"${aws_x.arn}"`` is some ARN); none if it is not JSON."""
    text = template_text(template, interpolation=_SOME_VALUE)
    try:
        statements = json.loads(text).get("Statement") if text else None
    except (ValueError, AttributeError, RecursionError):  # the decoder recurses: nesting past its limit is no policy
        return []
    statements = [statements] if type(statements) is dict else statements
    return [s for s in statements if type(s) is dict] if type(statements) is list else []


def _json_strings(value: object) -> list[str]:
    items = value if type(value) is list else [value]
    return [item for item in items if type(item) is str]


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


def _value(node: n.Object | n.Block, key: str) -> n.Node | None:
    if type(node) is n.Object:
        item = node.item(key)
        return item.value if item is not None else None
    attr = node.body.attribute(key)
    return attr.value if attr is not None else None


def _values(node: n.Object | n.Block, key: str) -> list[str]:
    value = _value(node, key)
    return _values_of(value) if value is not None else []


def _values_of(expr: n.Node) -> list[str]:
    """The strings of a string or a list of strings; an interpolation reads
    as ``${...}`` (``arn:aws:logs:*:${local.account}:*`` is still every log
    group of an account)."""
    items = [e.value for e in expr.elements] if type(expr) is n.Tuple else [expr]
    texts = (template_text(x, interpolation=_SOME_VALUE) for x in items if type(x) is n.Template)
    return [text for text in texts if text is not None]
