from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..api import Applicability, Diagnostic, Edit, Example, Option, Rule, Severity, SourceFile, TerraformModule, fix
from ..cst import nodes as n
from ._hcl import string_value, traversal

__all__ = ["IamRoleManagedPolicyArns"]

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class IamRoleManagedPolicyArns(Rule):
    """Deprecated `managed_policy_arns` or `inline_policy` on `aws_iam_role`

    ## What it does
    Finds `managed_policy_arns` and `inline_policy` blocks on `aws_iam_role`,
    and moves them to `aws_iam_role_policy_attachment` and
    `aws_iam_role_policy` resources.

    ## Why is this bad?
    Both arguments are deprecated since AWS provider 5.72 and will be removed.
    They also manage the role's policies exclusively: any attachment made
    elsewhere (another module, the console) is silently detached on the next
    apply, and each change rewrites the role.

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
    role with `count` or `for_each`, and lists the rule cannot key statically.

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
        taken = {(b.label_values[0], b.label_values[1]) for _, b in module.blocks("resource") if len(b.labels) >= 2}
        for file, role in module.blocks("resource", "aws_iam_role"):
            if len(role.labels) < 2:
                continue
            arns = role.body.attribute("managed_policy_arns")
            inline = [b for b in role.body.blocks("inline_policy")]
            if arns is None and not inline:
                continue
            yield from self._role(module, file, role, arns, inline, taken)

    def _role(
        self,
        module: TerraformModule,
        file: SourceFile,
        role: n.Block,
        arns: n.Attribute | None,
        inline: list[n.Block],
        taken: set[tuple[str, str]],
    ) -> Iterator[Diagnostic]:
        label = role.label_values[1]
        anchor: n.Node | n.Token = arns.name if arns is not None else inline[0].type
        what = " and ".join(
            x for x in ("`managed_policy_arns`" if arns else "", "`inline_policy`" if inline else "") if x
        )
        message = f"aws_iam_role.{label} uses deprecated {what}"
        problem = self._display_only_reason(role, arns, inline)
        if problem:
            yield module.diagnostic(self, file, anchor, f"{message}; {problem}")
            return
        texts: list[str] = []
        imports: list[str] = []
        edits: list[Edit] = file.remove_items([x for x in (arns, *inline) if x is not None], role.body)
        if arns is not None:
            built = self._attachments(file, role, arns, taken)
            if built is None:
                yield module.diagnostic(
                    self,
                    file,
                    anchor,
                    f"{message}; move the ARNs to aws_iam_role_policy_attachment by hand (no static keys)",
                )
                return
            texts.append(built[0])
            imports += built[1]
        for block in inline:
            text, imported = self._inline(file, role, block, taken)
            texts.append(text)
            imports += imported
        note = ""
        if self.settings["emit_import_blocks"] and imports:
            if _looks_like_root(module):
                texts += imports
            else:  # asked for, and not written: say why rather than leave the user guessing
                note = (
                    "; no import blocks added: this folder has no provider, backend or cloud block, so it does"
                    " not look like a root module, the only place Terraform allows them"
                )
        edits.append(file.insert_after(role, "".join("\n" + text for text in texts)))
        yield module.diagnostic(
            self, file, anchor, f"{message}; use separate policy resources{note}",
            fix=fix("Move the policies to separate resources", Applicability.UNSAFE, *edits),
        )  # fmt: skip

    def _display_only_reason(self, role: n.Block, arns: n.Attribute | None, inline: list[n.Block]) -> str | None:
        if role.body.attribute("count") or role.body.attribute("for_each"):
            return "the role uses count/for_each, so move its policies by hand"
        if arns is not None and type(arns.value) is n.Tuple and not arns.value.elements:
            return "`managed_policy_arns = []` detaches every policy; remove it only if that is not needed"
        if any(not any(True for i in b.body.items if type(i) is not n.EmptyLine) for b in inline):
            return "an empty `inline_policy {}` removes every inline policy; remove it only if that is not needed"
        if any(b.body.attribute("name") is None for b in inline):
            return "an inline policy without `name` would be re-created under a new generated name, leaving the old one; name it first"
        return None

    # -- managed_policy_arns ------------------------------------------------

    def _attachments(
        self, file: SourceFile, role: n.Block, arns: n.Attribute, taken: set[tuple[str, str]]
    ) -> tuple[str, list[str]] | None:
        label = role.label_values[1]
        name = _free_name(taken, "aws_iam_role_policy_attachment", label)
        opener = arns.value.open.trail if type(arns.value) is n.Tuple else ""
        lead = _leading_comments(file, arns, opener)
        role_ref = f"aws_iam_role.{label}.name"
        path = traversal(arns.value)
        if path is not None and path[0] == "var" and len(path) == 2:
            text = (
                f'{lead}resource "aws_iam_role_policy_attachment" "{name}" {{\n'
                f"  for_each = toset({file.source(arns.value)})\n\n"
                f"  role       = {role_ref}\n  policy_arn = each.value\n}}\n"
            )
            return text, []
        if type(arns.value) is not n.Tuple:
            return None
        entries = []
        single = len(arns.value.elements) == 1
        for element in arns.value.elements:
            key = _key(element.value) or ("" if single else None)  # one ARN needs no for_each key
            if key is None:
                return None
            above = _comment_lines(element.value.first_token().lead if isinstance(element.value, n.Node) else "")
            entries.append((key, file.source(element.value), _element_comment(file, element), above))
        if len({entry[0] for entry in entries}) != len(entries):
            return None
        dangling = _comment_lines(arns.value.close.lead)
        imports = [
            _import(f"aws_iam_role_policy_attachment.{name}{f'[{_quote(k)}]' if len(entries) > 1 else ''}", label, v)
            for k, v, _, _ in entries
        ]
        if len(entries) == 1:
            key, value, comment, above = entries[0]
            lead += "".join(line + "\n" for line in above + dangling)
            text = (
                f'{lead}resource "aws_iam_role_policy_attachment" "{name}" {{\n'
                f"  role       = {role_ref}\n  policy_arn = {value}{comment}\n}}\n"
            )
            return text, imports
        items = "".join(
            "".join(f"    {line}\n" for line in above) + f"    {_map_key(k)} = {v}{c}\n" for k, v, c, above in entries
        )
        items += "".join(f"    {line}\n" for line in dangling)
        text = (
            f'{lead}resource "aws_iam_role_policy_attachment" "{name}" {{\n'
            f"  for_each = {{\n{items}  }}\n\n"
            f"  role       = {role_ref}\n  policy_arn = each.value\n}}\n"
        )
        return text, imports

    # -- inline_policy -------------------------------------------------------

    def _inline(
        self, file: SourceFile, role: n.Block, block: n.Block, taken: set[tuple[str, str]]
    ) -> tuple[str, list[str]]:
        label = role.label_values[1]
        policy_name = block.body.attribute("name")
        literal = string_value(policy_name.value) if policy_name is not None else None
        suffix = re.sub(r"[^A-Za-z0-9_]", "_", literal) if literal else "inline"
        name = _free_name(taken, "aws_iam_role_policy", f"{label}_{suffix}")
        inner = _body_text(file, block)
        beside = block.open_newline.lead if block.open_newline is not None else ""
        text = f'{_leading_comments(file, block, beside)}resource "aws_iam_role_policy" "{name}" {{\n  role = aws_iam_role.{label}.name\n{inner}}}\n'
        imports = [_import(f"aws_iam_role_policy.{name}", label, f'"{literal}"', sep=":")] if literal else []
        return text, imports


def _free_name(taken: set[tuple[str, str]], kind: str, wanted: str) -> str:
    name = wanted if _IDENT.match(wanted) else "role_" + re.sub(r"[^A-Za-z0-9_]", "_", wanted)
    candidate, number = name, 2
    while (kind, candidate) in taken:
        candidate = f"{name}_{number}"
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
    return key if _IDENT.match(key) and key not in ("null", "true", "false", "for", "in", "if") else _quote(key)


def _quote(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _import(to: str, role_label: str, arn: str, sep: str = "/") -> str:
    arn_text = arn[1:-1] if arn.startswith('"') and arn.endswith('"') else "${" + arn + "}"
    return f'import {{\n  to = {to}\n  id = "${{aws_iam_role.{role_label}.name}}{sep}{arn_text}"\n}}\n'


def _leading_comments(file: SourceFile, item: n.Attribute | n.Block, beside_open: str = "") -> str:
    """The comment lines above an item, a comment beside its opening bracket
    or brace, and its trailing comment, in source order, to go above its new
    home."""
    lines = [line.newline.lead.strip() for line in item.leading]
    lines += _comment_lines(beside_open)
    if item.trailing_comment:
        lines.append(item.trailing_comment)
    return "".join(line + "\n" for line in lines if line)


def _comment_lines(lead: str) -> list[str]:
    """Comment lines in the trivia before a token (inside brackets)."""
    return [line.strip() for line in lead.splitlines() if line.strip()]


def _element_comment(file: SourceFile, element: n.Element) -> str:
    """A same-line comment after a list element (in its comma's trail or its
    value's), kept on the moved line."""
    last = element.comma if element.comma is not None else element.value.last_token()
    comment = last.trail.strip()
    return f" {comment}" if comment.startswith(("#", "//")) else ""


def _body_text(file: SourceFile, block: n.Block) -> str:
    """The items of a block's body as text, each on its own line."""
    if block.open_newline is None:
        item = next(i for i in block.body.items if type(i) is not n.EmptyLine)
        return "  " + file.source(item) + "\n"
    start, end = file.owned_span(block.body)
    return file.text[start:end]


def _looks_like_root(module: TerraformModule) -> bool:
    """Import blocks are only allowed in the root module; a backend or a
    provider configuration is the usual sign of one."""
    return any(True for _ in module.blocks("provider")) or any(
        b.type.text in ("backend", "cloud") for _, t in module.blocks("terraform") for b in t.body.blocks()
    )
