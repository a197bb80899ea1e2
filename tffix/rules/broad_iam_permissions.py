from __future__ import annotations

import re
from collections.abc import Iterator

from ..api import (
    Applicability,
    Example,
    Fix,
    FixBuilder,
    NodeContext,
    PolicyStatement,
    Rule,
    Severity,
    TerraformModule,
    policy_statements,
    template_text,
    to_node,
)
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


#: what an AWS service does with a role it assumes, where its documentation lists it: the one service
#: a role trusts -> (the wildcard it may be granted, the actions the service itself calls). Only the
#: service's own calls are known: a Lambda function's code may call more (hence the unsafe fix).
SERVICE_NEEDS = {
    # https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html (AWSLambdaBasicExecutionRole)
    "lambda": ("logs:*", ("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")),
    # https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html
    "vpc-flow-logs": (
        "logs:*",
        (
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "logs:DescribeLogGroups",
            "logs:DescribeLogStreams",
        ),
    ),
}
#: a service principal in a trust policy
_SERVICE_PRINCIPAL = re.compile(r"\b([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.amazonaws\.com\b")
#: references to the blocks that tie a policy to a role
_ROLE_REF = re.compile(r"\baws_iam_role\.([A-Za-z_][\w-]*)\b")
_POLICY_REF = re.compile(r"\baws_iam_policy\.([A-Za-z_][\w-]*)\b")
_DOCUMENT_REF = re.compile(r"\bdata\.aws_iam_policy_document\.([A-Za-z_][\w-]*)\b")


class _Blocks:
    """The module's top-level ``resource`` and ``data`` blocks by address."""

    def __init__(self, module: TerraformModule) -> None:
        self.by_address: dict[tuple[str, str, str], n.Block] = {}
        for file in module.parsed():
            assert file.tree is not None
            for item in file.tree.body.items:
                if type(item) is n.Block and item.type.text in ("resource", "data") and len(item.labels) == 2:
                    kind, name = item.label_values[:2]
                    self.by_address.setdefault((item.type.text, kind, name), item)

    def users(self, kind: str, argument: str, pattern: re.Pattern[str], name: str) -> list[n.Block]:
        """The resources of ``kind`` whose ``argument`` refers to ``name`` (by ``pattern``)."""
        return [
            block
            for (top, found, _), block in self.by_address.items()
            if top == "resource" and found == kind and name in _names(pattern, block, argument)
        ]


def _names(pattern: re.Pattern[str], block: n.Block, argument: str) -> list[str]:
    """The names ``pattern`` finds in the value of one argument of a block."""
    attribute = block.body.attribute(argument)
    return [m.group(1) for m in pattern.finditer(attribute.value.code)] if attribute is not None else []


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
    Mostly no fix: which actions and resources a workload needs is not
    written in the module (it is in the application's code), and a guess
    would break it or still be too broad. The module says it in one case: a
    role that exactly one AWS service assumes (its trust policy, inline or
    an `aws_iam_policy_document` of the module, names that service and no
    account or federated principal), granted `logs:*` by an inline policy,
    an `aws_iam_role_policy`, an `aws_iam_policy` attached only to roles of
    the module, or a policy document those use. For Lambda
    (`lambda.amazonaws.com`) and VPC flow logs (`vpc-flow-logs.amazonaws.com`)
    the actions the service calls itself are documented, and an unsafe fix
    puts them in place of `logs:*` (`logs:CreateLogGroup`,
    `logs:CreateLogStream`, `logs:PutLogEvents`, and for flow logs
    `logs:DescribeLogGroups`, `logs:DescribeLogStreams`), one a line in a
    list written so. Unsafe: a function's own code may call other `logs:`
    actions. Policies in JSON text, roles of other modules and managed
    policy attachments stay display-only.

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
    fixable = Applicability.UNSAFE

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
        Example(
            'resource "aws_iam_role" "fn" {\n  assume_role_policy = jsonencode({ Statement = [{ Action = "sts:AssumeRole",'
            ' Principal = { Service = "lambda.amazonaws.com" } }] })\n\n  inline_policy {\n'
            '    policy = jsonencode({ Statement = [{ Action = "logs:*", Resource = "*" }] })\n  }\n}\n',
            'resource "aws_iam_role" "fn" {\n  assume_role_policy = jsonencode({ Statement = [{ Action = "sts:AssumeRole",'
            ' Principal = { Service = "lambda.amazonaws.com" } }] })\n\n  inline_policy {\n'
            '    policy = jsonencode({ Statement = [{ Action = ["logs:CreateLogGroup", "logs:CreateLogStream",'
            ' "logs:PutLogEvents"], Resource = "*" }] })\n  }\n}\n',
            unsafe=True,
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
                fix = _narrowing(statement, broad, ctx)
                ctx.report(_where(statement, broad), _address(ctx) + _message(broad, statement), fix=fix)

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


# -- the fix: a role only one AWS service assumes, granted that service's wildcard --------------


def _narrowing(statement: PolicyStatement, broad: list[str], ctx: NodeContext) -> Fix | None:
    """``logs:*`` replaced by the actions the one service that assumes the
    role calls itself (``SERVICE_NEEDS``); None when the module does not
    say which role the statement is for, or who assumes it."""
    node = statement.action_node
    if len(broad) != 1 or node is None:
        return None
    top = next((a for a in ctx.ancestors if type(a) is n.Block), None)
    if top is None or len(top.labels) != 2:
        return None
    blocks = _Blocks(ctx.module)
    service = _trusted_service(blocks, _roles(blocks, top, nested=False))
    needs = SERVICE_NEEDS.get(service or "")
    if needs is None or needs[0] != broad[0]:
        return None
    wildcard, actions = needs
    rewrite = FixBuilder(ctx.module, ctx.file)
    if isinstance(node, n.Template):
        rewrite.replace(node, to_node(list(actions)))
    elif type(node) is n.Tuple:
        element = next(e for e in node.elements if _text(e.value) == wildcard)
        rewrite.replace(node, _expanded(node, element, actions))
    else:
        return None
    return rewrite.build(f"Grant what {service}.amazonaws.com calls: {', '.join(actions)}", Applicability.UNSAFE)


def _roles(blocks: _Blocks, top: n.Block, *, nested: bool) -> list[n.Block] | None:
    """The ``aws_iam_role`` blocks a policy is granted to: the role itself
    (an inline policy), the role of an ``aws_iam_role_policy``, the roles an
    ``aws_iam_policy`` is attached to, the roles of the policies a policy
    document is used by. None when any use is unknown (a variable, a user or
    group attachment, a role of another module)."""
    kind, name = top.label_values[:2]
    if top.type.text == "resource" and kind == "aws_iam_role":
        return [top]
    if top.type.text == "resource" and kind == "aws_iam_role_policy":
        return _named_roles(blocks, [top])
    if top.type.text == "resource" and kind == "aws_iam_policy":
        for other in ("aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"):
            if blocks.users(other, "policy_arn", _POLICY_REF, name):
                return None
        return _named_roles(blocks, blocks.users("aws_iam_role_policy_attachment", "policy_arn", _POLICY_REF, name))
    if top.type.text == "data" and kind == "aws_iam_policy_document" and not nested:
        roles: list[n.Block] = []
        for holder in ("aws_iam_role_policy", "aws_iam_policy"):
            for user in blocks.users(holder, "policy", _DOCUMENT_REF, name):
                found = _roles(blocks, user, nested=True)
                if found is None:
                    return None
                roles += found
        return roles or None
    return None


def _named_roles(blocks: _Blocks, holders: list[n.Block]) -> list[n.Block] | None:
    """The role each holder's ``role`` names, all of them declared here."""
    roles = []
    for holder in holders:
        names = _names(_ROLE_REF, holder, "role")
        role = blocks.by_address.get(("resource", "aws_iam_role", names[0])) if len(names) == 1 else None
        if role is None:
            return None
        roles.append(role)
    return roles or None


def _trusted_service(blocks: _Blocks, roles: list[n.Block] | None) -> str | None:
    """The one AWS service (``lambda``) that every role's trust policy lets
    assume it, and nothing else: no account, user or federated principal."""
    services: set[str] = set()
    for role in roles or ():
        text = "".join(_trust_texts(blocks, role))
        found = {m.group(1) for m in _SERVICE_PRINCIPAL.finditer(text)}
        if len(found) != 1 or _OTHER_PRINCIPAL.search(text):
            return None
        services |= found
    return services.pop() if len(services) == 1 else None


def _trust_texts(blocks: _Blocks, role: n.Block) -> Iterator[str]:
    attribute = role.body.attribute("assume_role_policy")
    if attribute is None:
        return
    yield attribute.value.code
    for name in _names(_DOCUMENT_REF, role, "assume_role_policy"):
        document = blocks.by_address.get(("data", "aws_iam_policy_document", name))
        yield document.code if document is not None else "AWS"  # unknown: as good as anyone


#: principals other than a service: accounts and roles (``AWS``), identity providers (``Federated``)
_OTHER_PRINCIPAL = re.compile(r"\bAWS\b|Federated|CanonicalUser")


def _expanded(node: n.Tuple, element: n.Element, actions: tuple[str, ...]) -> n.Tuple:
    """The list with ``element`` (a string) replaced by one string per
    action, laid out as the list is: one a line in a list written a line an
    element, else on one line; the element's comment stays after the last."""
    value = element.value
    assert isinstance(value, n.Template)
    close_trail = value.close.trail
    comma_trail = element.comma.trail if element.comma is not None else ""
    line_break = "\r\n" if "\r\n" in close_trail + comma_trail else "\n"
    one_a_line = "\n" in close_trail + comma_trail
    copies: list[n.Element] = []
    for i, action in enumerate(actions):
        (part,) = value.parts
        assert type(part) is n.TemplateLiteral
        text = value.with_changes(parts=(n.TemplateLiteral(part.token._replace(text=action)),))
        if i == len(actions) - 1:
            copies.append(element.with_changes(value=text))
            continue
        lead = value.open.lead if i == 0 else (value.open.lead if one_a_line else " ")
        text = text.with_changes(open=value.open._replace(lead=lead), close=value.close._replace(trail=""))
        comma = n.Token("COMMA", ",", "", line_break if one_a_line else "")
        copies.append(element.with_changes(value=text, comma=comma))
    last = copies[-1]
    if len(actions) > 1 and not one_a_line:
        last_value = last.value
        assert isinstance(last_value, n.Template)
        copies[-1] = last.with_changes(value=last_value.with_changes(open=last_value.open._replace(lead=" ")))
    elements = [c for e in node.elements for c in (copies if e is element else [e])]
    return node.with_changes(elements=tuple(elements))
