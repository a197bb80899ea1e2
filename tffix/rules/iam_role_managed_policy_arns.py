from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Name,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    admits_range,
    parse_block,
    parse_expression,
    provider_constraint,
    string_value,
    to_node,
    traversal,
)
from ..cst import nodes as n

__all__ = ["IamRoleManagedPolicyArns"]

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")

#: the AWS provider release that deprecated each argument
DEPRECATED_IN = {"inline_policy": "5.68.0", "managed_policy_arns": "5.72.0"}


class IamRoleManagedPolicyArns(Rule):
    """Deprecated `managed_policy_arns` or `inline_policy` on `aws_iam_role`

    ## What it does
    Finds `managed_policy_arns` and `inline_policy` blocks on `aws_iam_role`,
    and moves them to `aws_iam_role_policy_attachment` and
    `aws_iam_role_policy` resources.

    ## Why is this bad?
    Both arguments are deprecated and will be removed: `inline_policy` since
    AWS provider 5.68.0, `managed_policy_arns` since 5.72.0.
    They also manage the role's policies exclusively: any attachment made
    elsewhere (another module, the console) is silently detached on the next
    apply, and each change rewrites the role.

    ## Provider versions
    The rule reads the module's `required_providers` constraint for
    `hashicorp/aws` and reports an argument only when the constraint admits
    a release that deprecates it (5.68.0 on for `inline_policy`, 5.72.0 on
    for `managed_policy_arns`); the message names the release.

    ## Example
    ```hcl
    resource "aws_iam_role" "backup" {
      name               = "backup"
      assume_role_policy = data.aws_iam_policy_document.assume.json
      managed_policy_arns = [
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
        "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
      ]
    }
    ```

    Use instead:
    ```hcl
    resource "aws_iam_role" "backup" {
      name               = "backup"
      assume_role_policy = data.aws_iam_policy_document.assume.json
    }

    resource "aws_iam_role_policy_attachment" "backup" {
      for_each = {
        AWSBackupServiceRolePolicyForBackup   = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
        AWSBackupServiceRolePolicyForRestores = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
      }

      role       = aws_iam_role.backup.name
      policy_arn = each.value
    }
    ```

    ## Fix safety
    Unsafe: the attachments are new resources in state. Without import
    blocks, the plan creates them (attaching an already attached policy is a
    no-op in AWS) and updates the role; `--emit-import-blocks` (the
    `emit_import_blocks` option; Terraform 1.7+, root modules only) adds
    `import {}` blocks so the plan adopts the existing attachments instead.
    One ARN gives one resource; several give one resource with `for_each`
    over a map whose keys are static (the ARN's last segment, or the
    referenced resource's name), never `toset()` of a list of references,
    whose keys would be unknown at plan time; a variable list becomes
    `for_each = toset(var.x)`. Comments on the moved items move with them.
    Display-only: `managed_policy_arns = []` and an empty `inline_policy {}`
    (they mean "detach everything", which separate resources cannot say), a
    role with `count` or `for_each`, a role with a `dynamic "inline_policy"`
    (moving only its static policies would leave the role managing inline
    policies exclusively, fighting the new resources), an inline policy with
    a `name` but no `policy` (an `aws_iam_role_policy` requires one), and
    lists the rule cannot key statically.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment
    - https://developer.hashicorp.com/terraform/language/import
    """

    code = "TFX104"
    name = "iam-role-managed-policy-arns"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {
        "emit_import_blocks": Option(
            False, "Add import {} blocks for the new resources (root modules, Terraform 1.7+)."
        ),
    }

    valid = (
        (
            'resource "aws_iam_role" "a" {\n  name = "a"\n}\n\nresource "aws_iam_role_policy_attachment" "a" {\n'
            '  role       = aws_iam_role.a.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_iam_role" "a" {\n  name                = "a"\n'
            '  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]\n}\n',
            'resource "aws_iam_role" "a" {\n  name = "a"\n}\n\nresource "aws_iam_role_policy_attachment" "a" {\n'
            '  role       = aws_iam_role.a.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
            unsafe=True,
        ),
        Example('resource "aws_iam_role" "a" {\n  name                = "a"\n  managed_policy_arns = []\n}\n'),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        roles = list(module.blocks("resource", "aws_iam_role"))
        if not roles:
            return
        trees = (file.tree for file in module.files.values() if file.tree is not None)
        constraint = provider_constraint(trees, "hashicorp/aws")

        def deprecated(argument: str) -> bool:
            answer = admits_range(constraint, DEPRECATED_IN[argument]) if constraint is not None else True
            return answer is not False  # a constraint tffix cannot read admits anything

        old_arns, old_inline = deprecated("managed_policy_arns"), deprecated("inline_policy")
        taken = {(b.label_values[0], b.label_values[1]) for _, b in module.blocks("resource") if len(b.labels) >= 2}
        for file, role in roles:
            if len(role.labels) < 2:
                continue
            arns = role.body.attribute("managed_policy_arns") if old_arns else None
            inline = [b for b in role.body.blocks("inline_policy")] if old_inline else []
            dynamic = [b for b in role.body.blocks("dynamic", "inline_policy")] if old_inline else []
            if arns is None and not inline and not dynamic:
                continue
            yield from self._role(module, file, role, arns, inline, dynamic, taken)

    def _role(
        self,
        module: TerraformModule,
        file: SourceFile,
        role: n.Block,
        arns: n.Attribute | None,
        inline: list[n.Block],
        dynamic: list[n.Block],
        taken: set[tuple[str, str]],
    ) -> Iterator[Diagnostic]:
        label = role.label_values[1]
        anchor: n.Node | n.Token = arns.name if arns is not None else (inline or dynamic)[0].type
        what = " and ".join(
            f"`{x}` (deprecated since AWS provider {DEPRECATED_IN[x]})"
            for x, used in (("managed_policy_arns", arns), ("inline_policy", inline or dynamic))
            if used
        )
        message = f"aws_iam_role.{label} uses {what}"
        problem = self._display_only_reason(role, arns, inline, dynamic)
        if problem:
            yield module.diagnostic(self, file, anchor, f"{message}; {problem}")
            return
        new: list[n.Block] = []
        imports: list[n.Block] = []
        rewrite = FixBuilder(module, file)
        for item in (arns, *inline):
            if item is not None:
                rewrite.remove(item)
        if arns is not None:
            built = self._attachments(role, arns, taken)
            if built is None:
                yield module.diagnostic(
                    self,
                    file,
                    anchor,
                    f"{message}; move the ARNs to aws_iam_role_policy_attachment by hand (no static keys)",
                )
                return
            new.append(built[0])
            imports += built[1]
        for block in inline:
            resource, imported = self._inline(role, block, taken)
            new.append(resource)
            imports += imported
        note = ""
        if self.settings["emit_import_blocks"] and imports:
            if _looks_like_root(module):
                new += imports
            else:  # asked for, and not written: say why rather than leave the user guessing
                note = (
                    "; no import blocks added: this folder has no provider, backend or cloud block, so it does"
                    " not look like a root module, the only place Terraform allows them"
                )
        for block in new:
            rewrite.insert_after(role, block)
        yield module.diagnostic(
            self, file, anchor, f"{message}; use separate policy resources{note}",
            fix=rewrite.build("Move the policies to separate resources", Applicability.UNSAFE),
        )  # fmt: skip

    def _display_only_reason(
        self, role: n.Block, arns: n.Attribute | None, inline: list[n.Block], dynamic: list[n.Block]
    ) -> str | None:
        if role.body.attribute("count") or role.body.attribute("for_each"):
            return "the role uses count/for_each, so move its policies by hand"
        if dynamic:
            # moving only the static ones would leave the role managing inline policies
            # exclusively, fighting the new resources
            return (
                'its `dynamic "inline_policy"` block makes the role manage every inline policy; move them all to'
                " aws_iam_role_policy (with for_each) by hand"
            )
        if arns is not None and type(arns.value) is n.Tuple and not arns.value.elements:
            return "`managed_policy_arns = []` detaches every policy; remove it only if that is not needed"
        if any(not any(True for i in b.body.items if type(i) is not n.EmptyLine) for b in inline):
            return "an empty `inline_policy {}` removes every inline policy; remove it only if that is not needed"
        if any(b.body.attribute("policy") is None for b in inline if b.body.attribute("name") is not None):
            return "an inline policy without `policy` cannot become an aws_iam_role_policy, which requires one; add it or remove the block"
        if any(b.body.attribute("name") is None for b in inline):
            return "an inline policy without `name` would be re-created under a new generated name, leaving the old one; name it first"
        return None

    # -- managed_policy_arns ------------------------------------------------

    def _attachments(
        self, role: n.Block, arns: n.Attribute, taken: set[tuple[str, str]]
    ) -> tuple[n.Block, list[n.Block]] | None:
        label = role.label_values[1]
        name = _free_name(taken, "aws_iam_role_policy_attachment", label)
        opener = arns.value.open.trail if type(arns.value) is n.Tuple else ""
        lead = _leading_comments(arns, opener)
        path = traversal(arns.value)
        if path is not None and path[0] == "var" and len(path) == 2:
            return _with_comments(parse_block(_FOR_VARIABLE, name=name, arns=_bare(arns.value), role=label), lead), []
        if type(arns.value) is not n.Tuple:
            return None
        entries = []
        single = len(arns.value.elements) == 1
        for element in arns.value.elements:
            key = _key(element.value) or ("" if single else None)  # one ARN needs no for_each key
            if key is None:
                return None
            above = _comment_lines(element.value.first_token().lead if isinstance(element.value, n.Node) else "")
            entries.append((key, _bare(element.value), _element_comment(element), above))
        if len({entry[0] for entry in entries}) != len(entries):
            return None
        dangling = _comment_lines(arns.value.close.lead)
        if len(entries) == 1:
            _, value, comment, above = entries[0]
            block = parse_block(_ONE, name=name, role=label, arn=value)
            if comment is not None:
                block = block.with_changes(body=n.Body(_commented(block.body.items, "policy_arn", comment)))
            imports = [_import(parse_expression("aws_iam_role_policy_attachment.{0}", name), label, value, "/")]
            return _with_comments(block, [*lead, *above, *dangling]), imports
        template = parse_expression("{\n  k = v\n}")
        assert type(template) is n.Object and type(template.items[0]) is n.ObjectItem
        proto = template.items[0]
        items: list[n.ObjectItem | n.EmptyLine] = [
            proto.with_changes(
                leading=tuple(_comment(line) for line in above),
                key=to_node(_map_key(key)),
                value=value,
                newline=proto.newline if comment is None else _NEWLINE._replace(lead=comment),
            )
            for key, value, comment, above in entries
        ]
        items += [_comment(line) for line in dangling]
        block = parse_block(_FOR_MAP, name=name, arns=template.with_changes(items=tuple(items)), role=label)
        imports = [
            _import(parse_expression("aws_iam_role_policy_attachment.{0}[{1}]", name, key), label, value, "/")
            for key, value, _, _ in entries
        ]
        return _with_comments(block, lead), imports

    # -- inline_policy -------------------------------------------------------

    def _inline(self, role: n.Block, block: n.Block, taken: set[tuple[str, str]]) -> tuple[n.Block, list[n.Block]]:
        label = role.label_values[1]
        policy_name = block.body.attribute("name")
        literal = string_value(policy_name.value) if policy_name is not None else None
        suffix = re.sub(r"[^A-Za-z0-9_]", "_", literal) if literal else "inline"
        name = _free_name(taken, "aws_iam_role_policy", label, suffix)
        beside = block.open_newline.lead if block.open_newline is not None else ""
        resource = parse_block(_INLINE, name=name, role=label)
        # the policy's own items (and comments) move as they are, below the role
        moved = [item if type(item) is n.EmptyLine else _with_newline(item) for item in block.body.items]
        resource = resource.with_changes(body=n.Body((*resource.body.items, *moved)))
        imports = []
        if literal:
            to = parse_expression("aws_iam_role_policy.{0}", name)
            imports = [_import(to, label, to_node(literal), ":")]
        return _with_comments(resource, _leading_comments(block, beside)), imports


_FOR_VARIABLE = """resource "aws_iam_role_policy_attachment" {name} {
  for_each = toset({arns})

  role       = aws_iam_role.{role}.name
  policy_arn = each.value
}"""
_FOR_MAP = """resource "aws_iam_role_policy_attachment" {name} {
  for_each = {arns}

  role       = aws_iam_role.{role}.name
  policy_arn = each.value
}"""
_ONE = """resource "aws_iam_role_policy_attachment" {name} {
  role       = aws_iam_role.{role}.name
  policy_arn = {arn}
}"""
_INLINE = """resource "aws_iam_role_policy" {name} {
  role = aws_iam_role.{role}.name
}"""
_IMPORT = """import {
  to = {to}
  id = {id}
}"""
_NEWLINE = n.Token("NEWLINE", "\n", "", "")


def _free_name(taken: set[tuple[str, str]], kind: str, *wanted: str) -> str:
    """A resource name not taken yet: ``wanted``'s parts joined by ``_``, made
    an identifier, numbered when taken. It is a value for a label hole (the
    snippet quotes it), not HCL text."""
    name = "_".join(wanted)
    if not _IDENT.match(name):
        name = "_".join(("role", re.sub(r"[^A-Za-z0-9_]", "_", name)))
    candidate, number = name, 2
    while (kind, candidate) in taken:
        candidate = "_".join((name, str(number)))
        number += 1
    taken.add((kind, candidate))
    return candidate


def _key(expr: n.Node) -> str | None:
    """A static map key: the ARN's last path segment, or the name of the
    referenced resource or data source."""
    if type(expr) is n.Template:
        last = expr.parts[-1] if expr.parts else None
        if type(last) is n.TemplateLiteral and "/" in last.token.text:
            segment = last.token.text.rsplit("/", 1)[1]
            return segment or None
        return None
    path = traversal(expr)
    if path is None or "[]" in path:
        return None
    if path[0] == "data" and len(path) >= 3:
        return path[2]
    if path[0] not in ("var", "local", "module", "each", "count", "self", "path", "terraform") and len(path) >= 2:
        return path[1]
    return None


def _map_key(key: str) -> str:
    # keywords would read as values or expressions, not as keys
    return Name(key) if _IDENT.match(key) and key not in ("null", "true", "false", "for", "in", "if") else key


def _import(to: n.Expression, role_label: str, arn: n.Expression, sep: str) -> n.Block:
    """``import { to = ... id = "<role name><sep><arn>" }``: a literal ARN is
    kept as its text (its interpolations too), anything else interpolated."""
    if type(arn) is n.Template:
        head = parse_expression('"${aws_iam_role.{0}.name}{1}"', role_label, sep)
        assert type(head) is n.Template
        id_: n.Expression = head.with_changes(parts=(*head.parts, *arn.parts))
    else:
        id_ = parse_expression('"${aws_iam_role.{0}.name}{1}${{2}}"', role_label, sep, arn)
    return parse_block(_IMPORT, to=to, id=id_)


def _bare(expr: n.Expression) -> n.Expression:
    """``expr`` without the comments and spacing around it in the list it came from."""
    return parse_expression("{0}", expr)  # a hole takes its node without the trivia around it


def _with_newline(item: n.Attribute | n.Block) -> n.Attribute | n.Block:
    return item if item.newline is not None else item.with_changes(newline=_NEWLINE)


def _comment(line: str) -> n.EmptyLine:
    """A comment line to go above an item."""
    return n.EmptyLine(_NEWLINE._replace(lead=line))


def _with_comments(block: n.Block, lines: list[str]) -> n.Block:
    return block.with_changes(leading=tuple(_comment(line) for line in lines))


def _commented(items: tuple[n.BodyItem, ...], name: str, comment: str) -> tuple[n.BodyItem, ...]:
    """``items`` with ``comment`` at the end of attribute ``name``'s line."""
    return tuple(
        item.with_changes(newline=_NEWLINE._replace(lead=comment))
        if type(item) is n.Attribute and item.name.text == name
        else item
        for item in items
    )


def _leading_comments(item: n.Attribute | n.Block, beside_open: str = "") -> list[str]:
    """The comment lines above an item, a comment beside its opening bracket
    or brace, and its trailing comment, in source order, to go above its new
    home."""
    lines = [line.newline.lead.strip() for line in item.leading]
    lines += _comment_lines(beside_open)
    if item.trailing_comment:
        lines.append(item.trailing_comment)
    return [line for line in lines if line]


def _comment_lines(lead: str) -> list[str]:
    """Comment lines in the trivia before a token (inside brackets)."""
    return [line.strip() for line in lead.splitlines() if line.strip()]


def _element_comment(element: n.Element) -> str | None:
    """A same-line comment after a list element (in its comma's trail or its
    value's), kept on the moved line."""
    last = element.comma if element.comma is not None else element.value.last_token()
    line = last.trail.splitlines()[0].rstrip() if last.trail.strip() else ""
    return line if line.strip().startswith(("#", "//")) else None  # with the spacing before it


def _looks_like_root(module: TerraformModule) -> bool:
    """Import blocks are only allowed in the root module; a backend or a
    provider configuration is the usual sign of one."""
    return any(True for _ in module.blocks("provider")) or any(
        b.type.text in ("backend", "cloud") for _, t in module.blocks("terraform") for b in t.body.blocks()
    )
