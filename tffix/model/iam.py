"""IAM policy statements, wherever Terraform code writes them.

A policy can be written three ways, and rules about permissions must read
all three alike:

- ``jsonencode({ Statement = [{ Action = ..., Resource = ... }] })``: each
  statement is an HCL object with the JSON keys;
- ``data "aws_iam_policy_document"``: ``statement`` blocks (and ``dynamic
  "statement"`` blocks' ``content``) with ``actions`` and ``resources``;
- a ``policy`` argument holding JSON text (a quoted string or a heredoc),
  where each interpolation reads as ``SOME_VALUE``, some value that is never
  ``"*"`` (``"${aws_s3_bucket.b.arn}/*"`` is one bucket's objects).

``policy_statements(node)`` reads the statements one node holds, so a rule
subscribing to ``Object``, ``Block`` and ``Attribute`` nodes sees every
statement of a module once, in one walk.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from ..cst import nodes as n
from ..cst.values import template_text

__all__ = ["SOME_VALUE", "PolicyStatement", "policy_statements"]

#: what an interpolation reads as in a policy's strings: some value, never "*"
SOME_VALUE = "${...}"


class PolicyStatement(NamedTuple):
    """One statement. ``where`` is the node a finding about its resources
    points at (the resources' value, or the JSON text); ``action_node`` the
    value of its actions in HCL (None in JSON text, or when it has none);
    ``key`` and ``action_key`` name the two as the policy spells them
    (``Resource`` / ``resources``, ``Action`` / ``actions``). Strings are
    as written (an interpolation reads as ``SOME_VALUE``); a value that is
    no string or list of strings gives none."""

    where: n.Node
    key: str
    actions: list[str]
    resources: list[str]
    effects: list[str]
    action_node: n.Node | None = None
    action_key: str = "Action"
    #: whether it names principals: a resource policy (a key, bucket or
    #: queue policy), where ``"*"`` as the resource means that resource
    principals: bool = False

    @property
    def allows(self) -> bool:
        """Whether it is an ``Allow`` statement (the default when no effect is written)."""
        return not any(effect.lower() == "deny" for effect in self.effects)


def policy_statements(node: n.Node) -> Iterator[PolicyStatement]:
    """The IAM statements ``node`` holds: an object (``jsonencode``), a
    ``statement`` block or a ``dynamic "statement"`` block's ``content``, or a
    ``policy`` attribute written as JSON text. Only statements that name
    their resources are read (a bucket or key policy names principals, and
    an assume-role policy neither)."""
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
            if "Resource" not in statement:
                continue
            actions, resources, effects = (
                _json_strings(statement.get(key)) for key in ("Action", "Resource", "Effect")
            )
            principals = "Principal" in statement or "NotPrincipal" in statement
            yield PolicyStatement(node.value, "Resource", actions, resources, effects, principals=principals)


def _hcl_statement(node: n.Object | n.Block, action_key: str, key: str) -> Iterator[PolicyStatement]:
    resources = _value(node, key)
    if resources is not None:
        effects = _values(node, "Effect") + _values(node, "effect")
        actions = _value(node, action_key)
        if type(node) is n.Object:
            principals = node.item("Principal") is not None or node.item("NotPrincipal") is not None
        else:
            body = node.body
            principals = any(
                body.block(*kind) is not None
                for kind in (
                    ("principals",),
                    ("not_principals",),
                    ("dynamic", "principals"),
                    ("dynamic", "not_principals"),
                )
            )
        yield PolicyStatement(
            resources, key, _values(node, action_key), _values_of(resources), effects, actions, action_key, principals
        )


def _json_statements(template: n.Template | n.Heredoc) -> list[dict[str, Any]]:
    """The statements of a policy written as JSON; none if it is not JSON."""
    text = template_text(template, interpolation=SOME_VALUE)
    try:
        statements = json.loads(text).get("Statement") if text else None
    except (ValueError, AttributeError, RecursionError):  # the decoder recurses: nesting past its limit is no policy
        return []
    statements = [statements] if type(statements) is dict else statements
    return [s for s in statements if type(s) is dict] if type(statements) is list else []


def _json_strings(value: object) -> list[str]:
    items = value if type(value) is list else [value]
    return [item for item in items if type(item) is str]


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
    as ``SOME_VALUE`` (``arn:aws:logs:*:${local.account}:*`` is still every
    log group of an account)."""
    items = [e.value for e in expr.elements] if type(expr) is n.Tuple else [expr]
    texts = (template_text(x, interpolation=SOME_VALUE) for x in items if type(x) is n.Template)
    return [text for text in texts if text is not None]
