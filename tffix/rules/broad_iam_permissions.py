from __future__ import annotations

import re
from collections.abc import Iterator

from ..api import Example, NodeContext, PolicyStatement, Rule, Severity, policy_statements, template_text
from ..cst import nodes as n

__all__ = ["BroadIamPermissions"]

#: ``*`` or a whole service (``s3:*``, ``*:*``)
_WILDCARD_ACTION = re.compile(r"^(?:\*|[A-Za-z0-9*-]+:\*)$")
#: AWS-managed policies that grant a whole service or everything
_BROAD_MANAGED = re.compile(
    r"^arn:[^:]+:iam::aws:policy/(?:[\w+=,.@-]+/)*"
    r"(?P<name>AdministratorAccess|PowerUserAccess|[\w+=,.@-]*FullAccess[\w+=,.@-]*)$"
)
_GRANTS = {
    "AdministratorAccess": "every action on every resource",
    "PowerUserAccess": "every action but IAM's (and Organizations') on every resource",
}
#: google_project_iam_member, google_organization_iam_binding, data "google_iam_policy"...
_GOOGLE_IAM = re.compile(r"^google_(?:[a-z_]+_iam_(?:member|binding|policy)|iam_policy)$")
_GOOGLE_BASIC = {"roles/owner": "every permission", "roles/editor": "write access to nearly every service"}


_GOOGLE_SCOPES = (("google_organization", "organization"), ("google_folder", "folder"), ("google_project", "project"))


def _google_scope(kind: str) -> str:
    return next((scope for prefix, scope in _GOOGLE_SCOPES if kind.startswith(prefix)), "resource")


#: how an interpolation reads in an ARN (the partition, mostly)
_SOME = "${...}"


#: arguments and map keys that attach policies: ``policy_arn``, ``managed_policy_arns``, a module's
#: ``policies`` or ``role_policy_arns`` (never a ``permissions_boundary``, which limits)
_ATTACHES = re.compile(r"(?:^|_)(?:policy_arns?|policies|policy)$")


def _policy_arns(value: n.Node) -> Iterator[n.Template]:
    """The strings of a string, a list or a map (values) of them."""
    stack = [value]
    while stack:
        node = stack.pop()
        if type(node) is n.Template:
            yield node
        elif type(node) is n.Tuple:
            stack.extend(e.value for e in reversed(node.elements))
        elif type(node) is n.Object:
            stack.extend(i.value for i in reversed(node.items) if type(i) is n.ObjectItem)


class BroadIamPermissions(Rule):
    """IAM grant of every action of a service (or of all) on every resource

    ## What it does
    Finds `Allow` statements whose actions include `*` or a whole service
    (`s3:*`, `ec2:*`) on `Resource = "*"`, in `jsonencode(...)` policies,
    `aws_iam_policy_document` `statement` blocks (`dynamic` ones too) and
    `policy` arguments written as JSON text; and attachments of AWS-managed
    policies that grant as much: `AdministratorAccess`, `PowerUserAccess`
    and the `*FullAccess` family (`AmazonS3FullAccess`, `AWSLambda_FullAccess`...),
    in `policy_arn` (`aws_iam_role_policy_attachment`, the user and group
    attachments, `aws_iam_policy_attachment`), `managed_policy_arns` and
    module arguments named like `policies` or `*policy_arns`. The same
    grants on Azure and Google Cloud: an `azurerm_role_assignment` of the
    `Owner` role, an `azurerm_role_definition` with `actions = ["*"]`, and
    the basic roles `roles/owner` and `roles/editor` in `google_*_iam_member`,
    `_binding`, `_policy` and `google_iam_policy`. Statements that name
    principals are resource policies (a KMS key policy's `"kms:*"` on `"*"`
    means this key) and are not reported, nor is a `permissions_boundary`,
    which limits.

    ## Why is this bad?
    Least privilege is the control that limits what a leaked key or a
    compromised function can do. `s3:*` on `*` reads, rewrites and deletes
    every bucket of the account, `iam:*` is administrator access, and a
    `*FullAccess` policy does the same for its service. Generated Terraform
    grants them "so that it works"; the actions the code needs are few and
    known.

    ## Example
    ```hcl
    data "aws_iam_policy_document" "app" {
      statement {
        actions   = ["s3:*"]
        resources = ["*"]
      }
    }
    ```

    Use instead:
    ```hcl
    data "aws_iam_policy_document" "app" {
      statement {
        actions   = ["s3:GetObject", "s3:PutObject"]
        resources = ["${aws_s3_bucket.app.arn}/*"]
      }
    }
    ```

    ## Fix safety
    No fix: which actions and resources the workload needs is not written
    in the module (it is in the application's code), and a guess would
    break it or still be too broad.

    ## References
    - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
    - https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
    - https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices
    - https://cloud.google.com/iam/docs/roles-overview#basic
    """

    code = "TFX123"
    name = "broad-iam-permissions"
    severity = Severity.WARNING
    fixable = None

    valid = (
        'data "aws_iam_policy_document" "a" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}\n',
        (
            'data "aws_iam_policy_document" "a" {\n  statement {\n    actions   = ["s3:*"]\n'
            "    resources = [aws_s3_bucket.b.arn]\n  }\n}\n"
        ),
        (
            'resource "aws_iam_role_policy_attachment" "a" {\n'
            '  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_iam_policy" "a" {\n  policy = jsonencode({\n    Statement = [{\n'
            '      Action   = "*"\n      Effect   = "Allow"\n      Resource = "*"\n    }]\n  })\n}\n'
        ),
        Example(
            'resource "aws_iam_role_policy_attachment" "a" {\n'
            '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n'
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
        if _ATTACHES.search(node.name.text):
            self._managed(node.name.text, node.value, ctx)
        elif node.name.text in ("role", "role_definition_name", "actions"):
            self._role(node, ctx)

    def visit_ObjectItem(self, node: n.ObjectItem, ctx: NodeContext) -> None:
        name = node.key_name
        if name is not None and _ATTACHES.search(name) and type(node.value) is not n.FunctionCall:
            self._managed(name, node.value, ctx)

    def _role(self, node: n.Attribute, ctx: NodeContext) -> None:
        """Google basic roles, the Azure Owner role, Azure custom roles with every action."""
        top = next((a for a in ctx.ancestors if type(a) is n.Block), None)
        if top is None or len(top.labels) < 1:
            return
        kind = top.label_values[0]
        name = node.name.text
        if name == "role" and _GOOGLE_IAM.match(kind) and top.type.text in ("resource", "data"):
            role = _text(node.value)
            if role in _GOOGLE_BASIC:
                message = (
                    f"{role} is a basic role: {_GOOGLE_BASIC[role]} on the whole {_google_scope(kind)}; "
                    "grant a predefined or custom role with the permissions needed"
                )
                ctx.report(node.value, _address(ctx) + message)
        elif name == "role_definition_name" and kind == "azurerm_role_assignment":
            if (_text(node.value) or "").lower() == "owner":
                message = (
                    "the Owner role grants every action, role assignments included, on its scope; "
                    "assign a role with the actions needed"
                )
                ctx.report(node.value, _address(ctx) + message)
        elif name == "actions" and kind == "azurerm_role_definition" and type(node.value) is n.Tuple:
            for element in node.value.elements:
                if _text(element.value) == "*":
                    message = (
                        'a custom role with actions ["*"] grants every action on its scope; list the actions needed'
                    )
                    ctx.report(element.value, _address(ctx) + message)

    def _statements(self, node: n.Node, ctx: NodeContext) -> None:
        for statement in policy_statements(node):
            if not statement.allows or statement.principals or "*" not in statement.resources:
                continue
            broad = [a for a in statement.actions if _WILDCARD_ACTION.match(a)]
            if broad:
                ctx.report(_where(statement, broad), _address(ctx) + _message(broad, statement))

    def _managed(self, name: str, node: n.Node, ctx: NodeContext) -> None:
        for value in _policy_arns(node):
            text = template_text(value, interpolation=_SOME)
            match = _BROAD_MANAGED.match(text or "")
            if match is None:
                continue
            policy = match.group("name")
            grants = _GRANTS.get(policy, "every action of its service on every resource")
            message = _address(ctx) + (
                f"{name}: the AWS-managed {policy} grants {grants}; attach a policy with the actions the workload needs"
            )
            ctx.report(value, message)


def _text(node: n.Node) -> str | None:
    return template_text(node) if isinstance(node, n.Template) else None


def _where(statement: PolicyStatement, broad: list[str]) -> n.Node:
    """The first broad action's string when the actions are a list, else their value."""
    node = statement.action_node
    if node is None:
        return statement.where
    if type(node) is n.Tuple:
        for element in node.elements:
            value = element.value
            if isinstance(value, n.Template) and template_text(value, interpolation=_SOME) in broad:
                return value
    return node


def _address(ctx: NodeContext) -> str:
    """The top-level block holding the node, as Terraform addresses it."""
    top = next((a for a in ctx.ancestors if type(a) is n.Block), None)
    if top is None:
        return ""
    labels = top.label_values
    if top.type.text == "resource" and len(labels) >= 2:
        return ".".join(labels[:2]) + ": "
    return ".".join((top.type.text, *labels[:2])) + ": "


def _message(broad: list[str], statement: PolicyStatement) -> str:
    actions = ", ".join(f'"{a}"' for a in broad)
    what = "every action" if any(a in ("*", "*:*") for a in broad) else "every action of the service"
    return (
        f'{statement.action_key} {actions} allowed on {statement.key} "*": {what} on every resource; '
        "list the actions and resources the workload needs"
    )
