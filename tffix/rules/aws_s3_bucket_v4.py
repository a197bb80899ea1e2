"""The ``aws-s3-bucket-v4`` codemod: AWS provider v3 ``aws_s3_bucket``
arguments moved to the separate resources of provider v4."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar

from ..api import (
    Applicability,
    Codemod,
    Diagnostic,
    Example,
    FixBuilder,
    Name,
    Option,
    SourceFile,
    TerraformModule,
    bool_literal,
    is_identifier,
    parse_attribute,
    parse_block,
    parse_expression,
    string_value,
    traversal,
    walk,
    with_comments,
)
from ..cst import nodes as n

__all__ = ["AwsS3BucketV4", "v3_arguments", "v3_items"]

#: the marker of a follow-up the codemod leaves in the code (and reports as a note)
MARKER = "TODO(tffix:aws-s3-bucket-v4):"

_NEWLINE = n.Token("NEWLINE", "\n", "", "")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID_TOKEN = re.compile(r"[^A-Za-z0-9_-]")

Item = n.Attribute | n.Block
BodyItems = list[n.BodyItem]
Convert = Callable[[Sequence[n.BodyItem]], BodyItems]

#: v3 argument -> the v4 resource it moves to, in the order the new resources are written
_RESOURCES = {
    "acl": "aws_s3_bucket_acl",
    "grant": "aws_s3_bucket_acl",
    "versioning": "aws_s3_bucket_versioning",
    "server_side_encryption_configuration": "aws_s3_bucket_server_side_encryption_configuration",
    "lifecycle_rule": "aws_s3_bucket_lifecycle_configuration",
    "logging": "aws_s3_bucket_logging",
    "cors_rule": "aws_s3_bucket_cors_configuration",
    "website": "aws_s3_bucket_website_configuration",
    "policy": "aws_s3_bucket_policy",
    "replication_configuration": "aws_s3_bucket_replication_configuration",
    "object_lock_configuration": "aws_s3_bucket_object_lock_configuration",
    "request_payer": "aws_s3_bucket_request_payment_configuration",
    "acceleration_status": "aws_s3_bucket_accelerate_configuration",
}
_ATTRIBUTES = frozenset({"acl", "policy", "request_payer", "acceleration_status"})
#: blocks that describe the whole new resource: a `dynamic` one cannot be converted here
_SINGLE_BLOCKS = frozenset(
    {"versioning", "server_side_encryption_configuration", "logging", "website", "replication_configuration"}
)


def _kind(item: n.BodyItem) -> str | None:
    """An item's argument name: an attribute's name, a block's type, or the
    label of a ``dynamic`` block."""
    if type(item) is n.Attribute:
        return item.name.text
    if type(item) is n.Block:
        if item.type.text == "dynamic" and item.labels:
            return item.label_values[0] or None
        return item.type.text
    return None


def _v3_shape(item: n.BodyItem) -> bool:
    """Whether ``item`` is a v3 argument written as v3 wants it (an attribute
    where v3 has one, a block where it has a block): what else has the name
    is not ours to move."""
    kind = _kind(item)
    if kind not in _RESOURCES:
        return False
    return (type(item) is n.Attribute) == (kind in _ATTRIBUTES)


def v3_items(bucket: n.Block) -> list[n.Attribute | n.Block]:
    """The provider-v3 arguments of an ``aws_s3_bucket`` this codemod moves
    (not those a follow-up marker leaves for a person), in source order."""
    return [i for i in bucket.body.items if isinstance(i, (n.Attribute, n.Block)) and _v3_shape(i) and not _marked(i)]


def v3_arguments(bucket: n.Block) -> list[str]:
    """The names of ``v3_items``, each once."""
    return list(dict.fromkeys(_kind(i) or "" for i in v3_items(bucket)))


def _is_dynamic(item: n.BodyItem) -> bool:
    return type(item) is n.Block and item.type.text == "dynamic"


def _marked(item: n.BodyItem) -> bool:
    """Whether a follow-up marker sits above ``item`` (left for a person)."""
    return isinstance(item, (n.Attribute, n.Block)) and any(MARKER in (line.comment or "") for line in item.leading)


def _line(item: Item) -> Item:
    return item if item.newline is not None else item.with_changes(newline=_NEWLINE)


ItemT = TypeVar("ItemT", n.Attribute, n.Block)


def _keep(old: Item, new: ItemT) -> ItemT:
    """``new`` with ``old``'s comment lines and trailing comment."""
    return new.with_changes(leading=old.leading, newline=old.newline or _NEWLINE)


def _marker(item: Item, text: str) -> Item:
    """``item`` with a follow-up marker comment above it (above its own comments)."""
    if type(item) is n.Attribute:
        return with_comments(item, f"{MARKER} {text}")
    assert type(item) is n.Block
    return with_comments(item, f"{MARKER} {text}")


def _opened(block: n.Block, items: Sequence[n.BodyItem]) -> n.Block:
    """``block`` with ``items`` as its body, on lines of their own: a
    one-line block (``rule { enabled = true }``) opens up, so comments the
    conversion adds above an item stay above it."""
    if block.open_newline is not None:
        return block.with_changes(body=n.Body(tuple(items)))
    lines = [_line(i) if isinstance(i, (n.Attribute, n.Block)) else i for i in items]
    return block.with_changes(open_newline=_NEWLINE, body=n.Body(tuple(lines)), close=block.close._replace(lead=""))


def _renamed(item: Item, name: str) -> Item:
    if type(item) is n.Attribute:
        return item.with_changes(name=item.name._replace(text=name))
    return item.with_changes(type=item.type._replace(text=name))


def _block(kind: str, items: Sequence[n.BodyItem], *, lead: Sequence[n.EmptyLine] = ()) -> n.Block:
    """``kind { items }`` on lines of its own (``kind {}`` when empty)."""
    if not items:
        empty = parse_block("{0} {}", kind)
        return empty.with_changes(leading=tuple(lead), newline=_NEWLINE)
    block = parse_block("{0} {\n}", kind)
    fixed = [_line(i) if isinstance(i, (n.Attribute, n.Block)) else i for i in items]
    return block.with_changes(leading=tuple(lead), body=n.Body(tuple(fixed)), newline=_NEWLINE)


def _wrapped(old: n.Attribute, kind: str, name: str) -> n.Block:
    """``name = value`` becomes ``kind { name = value }``: the comment lines
    above go above the block, the trailing comment stays on the value's line."""
    inner = old.with_changes(name=old.name._replace(text=name), leading=(), newline=old.newline or _NEWLINE)
    return _block(kind, [inner], lead=old.leading)


def _comment_lines(*leads: str) -> list[n.EmptyLine]:
    out = []
    for lead in leads:
        for text in lead.splitlines():
            if text.strip():
                out.append(n.EmptyLine(_NEWLINE._replace(lead=text.strip())))
    return out


def _own_comments(block: n.Block) -> list[n.EmptyLine]:
    """A block's comment lines, the comment beside its ``{`` and the one after
    its ``}``: what goes above the resource its body becomes."""
    out = [n.EmptyLine(_NEWLINE._replace(lead=line.newline.lead.strip())) for line in block.leading]
    out += _comment_lines(block.open_newline.lead if block.open_newline is not None else "")
    out += _comment_lines(block.trailing_comment or "")
    return [line for line in out if line.newline.lead]


def _status(value: n.Expression, on: str, off: str) -> n.Expression:
    """A v3 boolean as a v4 status string; an expression stays as written, in a conditional."""
    literal = bool_literal(value)
    if literal is not None:
        return parse_expression("{0}", on if literal else off)
    condition = parse_expression("({0})", value) if type(value) is n.Conditional else value
    return parse_expression("{0} ? {1} : {2}", condition, on, off)


@dataclass
class _Bucket:
    """What one bucket's migration builds: new blocks by resource type, the
    items to remove, the follow-ups."""

    label: str
    ref: n.Expression
    meta: list[n.Attribute]
    bodies: dict[str, BodyItems] = field(default_factory=dict)
    leads: dict[str, list[n.EmptyLine]] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    replaced: list[tuple[Item, Item]] = field(default_factory=list)
    acl_value: n.Expression | None = None
    needs_owner: bool = False

    def add(self, resource: str, items: Sequence[n.BodyItem], lead: Sequence[n.EmptyLine] = ()) -> None:
        body = self.bodies.setdefault(resource, [])
        if body and items and type(items[0]) is n.Block:
            body.append(n.EmptyLine(_NEWLINE))  # one blank line between repeated blocks
        body.extend(items)
        self.leads.setdefault(resource, []).extend(lead)


class AwsS3BucketV4(Codemod):
    """Upgrade `aws_s3_bucket` to AWS provider v4: every inline argument to its own resource

    ## What it does
    Moves each AWS provider v3 argument of an `aws_s3_bucket` to the resource
    provider v4 manages it with, named after the bucket and written right
    below it: `acl` and `grant` to `aws_s3_bucket_acl` (grants as an
    `access_control_policy`), `versioning`, `server_side_encryption_configuration`,
    `lifecycle_rule` (`enabled` to `status`, `prefix` and `tags` into a
    `filter`, dates in RFC 3339 form, `noncurrent_version_*` days renamed, an
    `id` for every rule), `logging`, `cors_rule`, `website`, `policy`,
    `replication_configuration`, the `rule` of `object_lock_configuration`
    (`object_lock_enabled = true` stays on the bucket), `request_payer` and
    `acceleration_status`. The new resource repeats the bucket's `count` or
    `for_each` and its `provider`; values are kept as written; comments move
    with the code they describe; the bucket's other lines are not touched.
    `dynamic` blocks are converted where the v4 resource has the same
    repeated block; otherwise the block stays and gets a
    `# TODO(tffix:aws-s3-bucket-v4):` comment. Such comments also mark what
    cannot be decided offline (a lifecycle rule without `id`, an empty
    `filter`, versioning that was turned off), and every run reports them as
    notes until they are removed.

    ## Why is this bad?
    Provider v4 makes these arguments read-only on `aws_s3_bucket` (v5
    removes them): a v3 configuration no longer applies.

    ## Example
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs"
      acl    = "private"

      versioning {
        enabled = true
      }
    }
    ```

    Becomes:
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs"
    }

    resource "aws_s3_bucket_acl" "logs" {
      bucket = aws_s3_bucket.logs.id
      acl    = "private"
    }

    resource "aws_s3_bucket_versioning" "logs" {
      bucket = aws_s3_bucket.logs.id
      versioning_configuration {
        status = "Enabled"
      }
    }
    ```

    ## Options
    `import` (default false): add an `import {}` block after each new
    resource, with the provider's import ID (the bucket name; `name,acl` for
    a canned ACL), so the plan adopts the existing settings instead of
    creating them. Only in a root module (a folder with a `provider`,
    `backend` or `cloud` block) and for a bucket without `count` or
    `for_each`; needs Terraform 1.5+.

    ## Fix safety
    The configuration change is what the provider's v4 upgrade guide
    prescribes; without import blocks (or `terraform import`), the first v4
    plan creates the new resources, which rewrites the same settings.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#s3-bucket-refactor
    - https://github.com/minamijoyo/tfedit
    """

    name = "aws-s3-bucket-v4"
    options: ClassVar[dict[str, Option]] = {
        "import": Option(False, "Add import {} blocks for the new resources (root modules only, Terraform 1.5+)."),
    }
    valid = (
        (
            'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket_acl" "a" {\n'
            '  bucket = aws_s3_bucket.a.id\n  acl    = "private"\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n  acl    = "private"\n}\n',
            'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket_acl" "a" {\n'
            '  bucket = aws_s3_bucket.a.id\n  acl    = "private"\n}\n',
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        taken = {(b.label_values[0], b.label_values[1]) for _, b in module.blocks("resource") if len(b.labels) >= 2}
        owner = any(True for _ in module.blocks("data", "aws_canonical_user_id", "current"))
        root = _looks_like_root(module)
        for file, bucket in list(module.blocks("resource", "aws_s3_bucket")):
            if len(bucket.labels) != 2 or not is_identifier(bucket.label_values[1]):
                continue
            found = self._bucket(module, file, bucket, taken, owner, root)
            if found is not None:
                owner = owner or "data.aws_canonical_user_id" in found.message
                yield found
        yield from self._follow_ups(module)

    # -- one bucket ----------------------------------------------------------

    def _bucket(
        self, module: TerraformModule, file: SourceFile, bucket: n.Block, taken: set[tuple[str, str]], owner: bool,
        root: bool,
    ) -> Diagnostic | None:  # fmt: skip
        items = [i for i in bucket.body.items if _v3_shape(i) and not _marked(i)]
        if not items:
            return None
        label = bucket.label_values[1]
        first = items[0]
        assert isinstance(first, (n.Attribute, n.Block))
        count, for_each = bucket.body.attribute("count"), bucket.body.attribute("for_each")
        if count is not None:
            ref = parse_expression("aws_s3_bucket.{0}[count.index].id", label)
        elif for_each is not None:
            ref = parse_expression("aws_s3_bucket.{0}[each.key].id", label)
        else:
            ref = parse_expression("aws_s3_bucket.{0}.id", label)
        meta = [
            parse_attribute("{0} = {1}", attr.name.text, attr.value)
            for attr in (count, for_each, bucket.body.attribute("provider"))
            if attr is not None
        ]
        state = _Bucket(label, ref, meta)
        for item in items:
            self._argument(state, bucket, item)
        fix = FixBuilder(module, file)
        for old in state.removed:
            fix.remove(old)
        for old, new in state.replaced:
            fix.replace(old, new)
        imports = bool(self.settings["import"]) and root and count is None and for_each is None
        added_owner = False
        tree = file.tree
        assert tree is not None

        def put(new: n.Block) -> None:
            if bucket.newline is not None:
                fix.insert_after(bucket, new)
            else:  # the file's last line, without a line break: the new blocks go at its end
                fix.append(tree, new)

        for resource, body in sorted(state.bodies.items(), key=lambda kv: _order(kv[0])):
            name = _free_name(taken, resource, label)
            if resource == "aws_s3_bucket_replication_configuration" and "aws_s3_bucket_versioning" in state.bodies:
                versioning = _free_name_of(taken, "aws_s3_bucket_versioning", label)
                needs = parse_attribute("depends_on = [aws_s3_bucket_versioning.{0}]", versioning)
                body = [*body, n.EmptyLine(_NEWLINE), needs]  # the provider's guide: replicate once versioned
            put(self._resource(resource, name, state, body))
            if resource == "aws_s3_bucket_acl" and state.needs_owner and not owner and not added_owner:
                put(parse_block('data "aws_canonical_user_id" "current" {}'))
                added_owner = True
            if imports:
                put(self._import(bucket, state, resource, name))
        moved = ", ".join(dict.fromkeys(state.moved))
        message = f"aws_s3_bucket.{label}: {moved} moved to provider v4 resources"
        if not state.bodies:
            message = f"aws_s3_bucket.{label}: {moved} left for a person (see the TODO comments)"
        if added_owner:
            message += "; added data.aws_canonical_user_id.current for the ACL's owner"
        if self.settings["import"] and not imports and state.bodies:
            message += (
                "; no import blocks: the bucket uses count/for_each"
                if root
                else "; no import blocks: this folder has no provider, backend or cloud block, so it does not look"
                " like a root module, the only place Terraform allows them"
            )
        return module.diagnostic(
            self, file, first.name if type(first) is n.Attribute else first.type, message,
            fix=fix.build(f"Upgrade aws_s3_bucket.{label} to provider v4", Applicability.UNSAFE),
        )  # fmt: skip

    def _resource(self, resource: str, name: str, state: _Bucket, body: BodyItems) -> n.Block:
        block = parse_block("resource {0} {1} {\n}", resource, name)
        head: BodyItems = [*state.meta]
        if head:
            head.append(n.EmptyLine(_NEWLINE))
        head.append(parse_attribute("bucket = {0}", state.ref))
        if body and type(body[0]) is n.Block:
            head.append(n.EmptyLine(_NEWLINE))
        items = [_line(i) if isinstance(i, (n.Attribute, n.Block)) else i for i in (*head, *body)]
        while items and type(items[-1]) is n.EmptyLine and not items[-1].comment:
            items.pop()
        return block.with_changes(leading=tuple(state.leads.get(resource, ())), body=n.Body(tuple(items)))

    def _import(self, bucket: n.Block, state: _Bucket, resource: str, name: str) -> n.Block:
        to = parse_expression("{0}.{1}", Name(resource), Name(name))
        given = bucket.body.attribute("bucket")
        literal = string_value(given.value) if given is not None else None
        if resource == "aws_s3_bucket_acl" and state.acl_value is not None:
            acl = string_value(state.acl_value)
            if literal is not None and acl is not None:
                id_: n.Expression = parse_expression('"{0},{1}"', literal, acl)
            elif literal is not None:
                id_ = parse_expression('"{0},${{1}}"', literal, state.acl_value)
            else:
                id_ = parse_expression('"${{0}},${{1}}"', state.ref, state.acl_value)
        else:
            id_ = parse_expression("{0}", literal) if literal is not None else state.ref
        return parse_block("import {\n  to = {to}\n  id = {id}\n}", to=to, id=id_)

    def _follow_ups(self, module: TerraformModule) -> Iterator[Diagnostic]:
        """Every marker comment in the module, as a note: what the codemod
        left for a person, until they remove it."""
        for file in module.parsed():
            assert file.tree is not None
            for node in walk(file.tree):
                if type(node) is n.Attribute or type(node) is n.Block:
                    for line in node.leading:
                        text = line.comment or ""
                        if MARKER in text:
                            what = text.split(MARKER, 1)[1].strip()
                            where = node.name if type(node) is n.Attribute else node.type
                            yield module.diagnostic(self, file, where, f"follow-up: {what}")

    # -- the arguments ---------------------------------------------------------

    def _argument(self, state: _Bucket, bucket: n.Block, item: n.BodyItem) -> None:
        kind = _kind(item)
        assert kind is not None and isinstance(item, (n.Attribute, n.Block))
        resource = _RESOURCES[kind]
        if _is_dynamic(item) and kind in _SINGLE_BLOCKS | {"object_lock_configuration", "grant"}:
            self._todo(
                state, item, "move this dynamic block to", resource, "by hand (provider v4 has no such block here)"
            )
            return
        if type(item) is n.Attribute:
            if kind == "acl":
                if any(_kind(i) == "grant" for i in bucket.body.items):
                    self._todo(state, item, "acl and grant together: keep one of them in aws_s3_bucket_acl")
                    return
                state.acl_value = item.value
                state.add(resource, [item])
            else:
                new_name = {"request_payer": "payer", "acceleration_status": "status"}.get(kind, kind)
                state.add(resource, [_renamed(item, new_name)])
        elif kind == "grant":
            self._grant(state, item)
            return
        elif kind == "versioning":
            state.add(resource, [self._versioning(state, item)])
        elif kind == "lifecycle_rule":
            number = len([i for i in state.bodies.get(resource, ()) if type(i) is n.Block]) + 1
            state.add(resource, [self._nested(item, "rule", lambda items: self._lifecycle_rule(items, number, item))])
        elif kind == "cors_rule":
            state.add(resource, [item])
        elif kind == "website":
            state.add(resource, self._website(item.body.items), _own_comments(item))
        elif kind == "replication_configuration":
            state.add(resource, self._replication(item.body.items), _own_comments(item))
        elif kind == "object_lock_configuration":
            self._object_lock(state, item)
            return
        else:  # logging, server_side_encryption_configuration: their body as it is
            body = list(_trimmed(item.body.items))
            if kind == "logging" and item.body.attribute("target_prefix") is None:
                body.append(parse_attribute('target_prefix = ""'))  # optional in v3 (empty), required in v4
            state.add(resource, body, _own_comments(item))
        state.moved.append(kind)
        state.removed.append(item)

    def _todo(self, state: _Bucket, item: Item, *text: str) -> None:
        state.replaced.append((item, _marker(item, " ".join(text))))
        state.moved.append(_kind(item) or "")

    def _grant(self, state: _Bucket, item: n.Block) -> None:
        permissions = item.body.attribute("permissions")
        if permissions is None or type(permissions.value) is not n.Tuple or not permissions.value.elements:
            self._todo(state, item, "permissions is not a list: write this grant into aws_s3_bucket_acl by hand")
            return
        grantee: BodyItems = [i for i in item.body.items if _kind(i) in ("id", "type", "uri", "email_address")]
        others = [i for i in item.body.items if isinstance(i, (n.Attribute, n.Block)) and i not in grantee]
        if others != [permissions]:
            self._todo(state, item, "this grant has arguments the codemod does not know: move it by hand")
            return
        grants: BodyItems = []
        for number, element in enumerate(permissions.value.elements):
            who = grantee if number == 0 else [i.with_changes(leading=(), newline=_NEWLINE) for i in grantee]
            permission = parse_attribute("permission = {0}", element.value)
            if number == 0:
                permission = _keep(permissions, permission)
            lead = _own_comments(item) if number == 0 else []
            grants.append(_block("grant", [_block("grantee", who), permission], lead=lead))
        policy = state.bodies.get("aws_s3_bucket_acl")
        if policy and type(policy[-1]) is n.Block and policy[-1].type.text == "access_control_policy":
            acp = policy[-1]
            owner = acp.body.items[-1]
            policy[-1] = acp.with_changes(body=n.Body((*acp.body.items[:-1], *grants, owner)))
        else:
            owner_block = parse_block("owner {\n  id = data.aws_canonical_user_id.current.id\n}")
            state.add("aws_s3_bucket_acl", [_block("access_control_policy", [*grants, owner_block])])
            state.needs_owner = True
        state.moved += ["grant"]
        state.removed.append(item)

    def _versioning(self, state: _Bucket, item: n.Block) -> n.Block:
        items: BodyItems = []
        has_status = False
        for inner in item.body.items:
            kind = _kind(inner)
            if type(inner) is n.Attribute and kind == "enabled":
                has_status = True
                new: Item = _keep(inner, parse_attribute("status = {0}", _status(inner.value, "Enabled", "Suspended")))
                if bool_literal(inner.value) is not True:
                    new = _marker(
                        new,
                        '"Suspended" is right only if versioning was ever enabled on this bucket;'
                        ' otherwise use "Disabled"',
                    )
                items.append(new)
            elif type(inner) is n.Attribute and kind == "mfa_delete":
                items.append(
                    _keep(inner, parse_attribute("mfa_delete = {0}", _status(inner.value, "Enabled", "Disabled")))
                )
            else:
                items.append(inner)
        if not has_status:
            status = _marker(
                parse_attribute('status = "Suspended"'),
                'v3 had versioning off here; "Suspended" is right only if it was ever enabled on this'
                ' bucket, otherwise use "Disabled"',
            )
            items.insert(0, status)
        return _renamed(_opened(item, items), "versioning_configuration")  # type: ignore[return-value]

    def _nested(self, item: Item, new_kind: str, convert: Convert) -> Item:
        """A nested block (or a ``dynamic`` one) with its body converted and its
        type renamed to ``new_kind``; a renamed ``dynamic`` block keeps its old
        iterator name, so the expressions inside stay as written."""
        assert type(item) is n.Block
        if not _is_dynamic(item):
            return _renamed(_opened(item, convert(item.body.items)), new_kind)
        old_kind = item.label_values[0]
        content = item.body.block("content")
        items: list[n.BodyItem] = []
        for inner in item.body.items:
            if content is not None and inner is content:
                items.append(_opened(content, convert(content.body.items)))
            else:
                items.append(inner)
        labels = item.labels
        if new_kind != old_kind:
            labels = parse_block("dynamic {0} {}", new_kind).labels
            if item.body.attribute("iterator") is None:
                at = next((i for i, x in enumerate(items) if _kind(x) == "for_each"), -1) + 1
                items.insert(at, parse_attribute("iterator = {0}", Name(old_kind)))
        return item.with_changes(labels=labels, body=n.Body(tuple(items)))

    def _lifecycle_rule(self, items: Sequence[n.BodyItem], number: int, rule: n.Block) -> BodyItems:
        out: BodyItems = []
        prefix = next((i for i in items if type(i) is n.Attribute and i.name.text == "prefix"), None)
        tags = next((i for i in items if type(i) is n.Attribute and i.name.text == "tags"), None)
        has_filter = any(_kind(i) == "filter" for i in items)
        placed = has_filter
        for item in items:
            kind = _kind(item)
            if type(item) is n.Attribute and kind == "enabled":
                out.append(_keep(item, parse_attribute("status = {0}", _status(item.value, "Enabled", "Disabled"))))
            elif type(item) is n.Attribute and kind in ("prefix", "tags"):
                if not placed:
                    out.append(_filter(prefix, tags))
                    placed = True
            elif type(item) is n.Attribute and kind == "abort_incomplete_multipart_upload_days":
                out.append(_wrapped(item, "abort_incomplete_multipart_upload", "days_after_initiation"))
            elif type(item) is n.Block and kind in ("expiration", "transition"):
                out.append(self._nested(item, kind, _dated))
            elif type(item) is n.Block and kind in ("noncurrent_version_expiration", "noncurrent_version_transition"):
                out.append(self._nested(item, kind, _noncurrent))
            else:
                out.append(item)
        at = next((i + 1 for i in reversed(range(len(out))) if _kind(out[i]) in ("id", "status")), 0)
        if not placed:
            empty = _marker(
                _block("filter", []),
                "the v3 rule had no prefix or tags; an empty filter applies it to every object,"
                ' but the provider may plan a change from v3\'s empty prefix: then use filter { prefix = "" }',
            )
            out.insert(at, empty)
        if not any(_kind(i) == "id" for i in items):
            if _is_dynamic(rule):
                iterator = rule.body.attribute("iterator")
                name = traversal(iterator.value) if iterator is not None else None
                value = parse_expression('"rule-${{0}.key}"', Name(name[0] if name else rule.label_values[0]))
            else:
                value = parse_expression("{0}", f"rule-{number}")
            out.insert(
                0,
                _marker(
                    parse_attribute("id = {0}", value),
                    "v3 generated this rule's id: use the one the bucket has (terraform state show),"
                    " or the plan replaces the rule",
                ),
            )
        return out

    def _website(self, items: Sequence[n.BodyItem]) -> BodyItems:
        out: BodyItems = []
        for item in items:
            kind = _kind(item)
            if type(item) is n.Attribute and kind == "index_document":
                out.append(_wrapped(item, "index_document", "suffix"))
            elif type(item) is n.Attribute and kind == "error_document":
                out.append(_wrapped(item, "error_document", "key"))
            elif type(item) is n.Attribute and kind == "redirect_all_requests_to":
                text = string_value(item.value)
                if text is not None and "://" in text:
                    protocol, host = text.split("://", 1)
                    inner = [
                        parse_attribute("host_name = {0}", host.rstrip("/")),
                        _keep(item, parse_attribute("protocol = {0}", protocol)).with_changes(leading=()),
                    ]
                    out.append(_block("redirect_all_requests_to", inner, lead=item.leading))
                else:
                    out.append(_wrapped(item, "redirect_all_requests_to", "host_name"))
            else:
                out.append(item)
        return list(_trimmed(out))

    def _replication(self, items: Sequence[n.BodyItem]) -> BodyItems:
        out: BodyItems = []
        for item in items:
            if type(item) is n.Block and _kind(item) == "rules":
                out.append(self._nested(item, "rule", self._replication_rule))
            else:
                out.append(item)
        return list(_trimmed(out))

    def _replication_rule(self, items: Sequence[n.BodyItem]) -> BodyItems:
        out: BodyItems = []
        for item in items:
            kind = _kind(item)
            if type(item) is n.Attribute and kind == "delete_marker_replication_status":
                out.append(_wrapped(item, "delete_marker_replication", "status"))
            elif type(item) is n.Block and kind == "destination":
                out.append(self._nested(item, "destination", self._destination))
            elif type(item) is n.Block and kind == "source_selection_criteria":
                out.append(self._nested(item, kind, self._selection))
            elif type(item) is n.Block and kind == "filter" and not _is_dynamic(item):
                prefix, tags = item.body.attribute("prefix"), item.body.attribute("tags")
                rest = [i for i in item.body.items if i is not prefix and i is not tags]
                if tags is None:
                    out.append(item)
                else:
                    new = _filter(prefix, tags)
                    out.append(item.with_changes(body=n.Body((*new.body.items, *rest))))
            else:
                out.append(item)
        written = [i for i in items if type(i) is n.Block and _kind(i) == "filter"]
        if any(isinstance(i, (n.Attribute, n.Block)) for f in written for i in f.body.items) and not any(
            _kind(i) == "delete_marker_replication_status" for i in items
        ):
            # a rule with a filter is of the newer schema, which needs the setting: v3 sent "Disabled" for it
            out += [n.EmptyLine(_NEWLINE), parse_block('delete_marker_replication {\n  status = "Disabled"\n}')]
        return out

    def _destination(self, items: Sequence[n.BodyItem]) -> BodyItems:
        out: BodyItems = []
        for item in items:
            kind = _kind(item)
            if type(item) is n.Attribute and kind == "account_id":
                out.append(_renamed(item, "account"))
            elif type(item) is n.Attribute and kind == "replica_kms_key_id":
                out.append(_wrapped(item, "encryption_configuration", "replica_kms_key_id"))
            elif type(item) is n.Block and kind in ("replication_time", "metrics"):
                inner = "time" if kind == "replication_time" else "event_threshold"
                out.append(self._nested(item, kind, functools.partial(_minutes, inner=inner)))
            else:
                out.append(item)
        return out

    def _selection(self, items: Sequence[n.BodyItem]) -> BodyItems:
        return [
            self._nested(i, "sse_kms_encrypted_objects", _enabled_status)
            if type(i) is n.Block and _kind(i) == "sse_kms_encrypted_objects"
            else i
            for i in items
        ]

    def _object_lock(self, state: _Bucket, item: n.Block) -> None:
        enabled = item.body.attribute("object_lock_enabled")
        rules = [i for i in item.body.items if _kind(i) == "rule"]
        others = [
            i for i in item.body.items if isinstance(i, (n.Attribute, n.Block)) and i is not enabled and i not in rules
        ]
        if others:
            self._todo(state, item, "arguments the codemod does not know: move them by hand")
            return
        text = string_value(enabled.value) if enabled is not None else None
        if enabled is None:
            flag = parse_attribute("object_lock_enabled = true")
        elif text is not None:
            flag = parse_attribute("object_lock_enabled = {0}", text == "Enabled")
        else:
            flag = parse_attribute('object_lock_enabled = {0} == "Enabled"', enabled.value)
        if enabled is not None:
            flag = flag.with_changes(newline=enabled.newline or _NEWLINE)
        state.replaced.append((item, flag.with_changes(leading=item.leading)))
        if rules:
            state.add("aws_s3_bucket_object_lock_configuration", rules, _own_comments(item))
        state.moved += ["object_lock_configuration"]


def _trimmed(items: Sequence[n.BodyItem]) -> Iterator[n.BodyItem]:
    """Body items without the blank lines at either end."""
    items = list(items)
    while items and type(items[0]) is n.EmptyLine and not items[0].comment:
        items.pop(0)
    while items and type(items[-1]) is n.EmptyLine and not items[-1].comment:
        items.pop()
    yield from items


def _filter(prefix: n.Attribute | None, tags: n.Attribute | None) -> n.Block:
    """v3's ``prefix`` and ``tags`` as a v4 ``filter``: a lone prefix as it
    is, a lone literal tag as ``tag {}``, anything else in ``and {}``."""
    if tags is None:
        return _block("filter", [prefix] if prefix is not None else [])
    value = tags.value
    entries = [i for i in value.items if type(i) is n.ObjectItem] if type(value) is n.Object else []
    if prefix is None and type(value) is n.Object and len(entries) == 1:
        entry = entries[0]
        key = entry.key if type(entry.key) is not n.Variable else parse_expression("{0}", entry.key.name.text)
        lead = [*tags.leading, *_comment_lines(value.open_newline.lead if value.open_newline else "")]
        lead += [line for line in entry.leading]
        lead += _comment_lines(entry.newline.lead if entry.newline is not None else "")
        lead += _comment_lines(value.close.lead)
        tag = _block(
            "tag",
            [
                parse_attribute("key = {0}", key),
                _keep(tags, parse_attribute("value = {0}", entry.value)).with_changes(leading=()),
            ],
            lead=[line for line in lead if line.comment],
        )
        return _block("filter", [tag])
    return _block("filter", [_block("and", [x for x in (prefix, tags) if x is not None])])


def _dated(items: Sequence[n.BodyItem]) -> BodyItems:
    """``date = "2022-01-01"`` in the RFC 3339 form v4 wants."""
    out: BodyItems = []
    for item in items:
        if type(item) is n.Attribute and item.name.text == "date":
            text = string_value(item.value)
            if text is not None and _DATE.match(text):
                out.append(_keep(item, parse_attribute("date = {0}", f"{text}T00:00:00Z")))
                continue
            if text is None:
                item = _marker(item, "v4 wants an RFC 3339 date (2023-01-31T00:00:00Z)")
        out.append(item)
    return out


def _noncurrent(items: Sequence[n.BodyItem]) -> BodyItems:
    return [_renamed(i, "noncurrent_days") if type(i) is n.Attribute and i.name.text == "days" else i for i in items]


def _minutes(items: Sequence[n.BodyItem], inner: str) -> BodyItems:
    return [_wrapped(i, inner, "minutes") if type(i) is n.Attribute and i.name.text == "minutes" else i for i in items]


def _enabled_status(items: Sequence[n.BodyItem]) -> BodyItems:
    return [
        _keep(i, parse_attribute("status = {0}", _status(i.value, "Enabled", "Disabled")))
        if type(i) is n.Attribute and i.name.text == "enabled"
        else i
        for i in items
    ]


def _order(resource: str) -> int:
    return list(dict.fromkeys(_RESOURCES.values())).index(resource)


def _free_name(taken: set[tuple[str, str]], kind: str, name: str) -> str:
    candidate, number = name, 2
    while (kind, candidate) in taken:
        candidate = "_".join((name, str(number)))
        number += 1
    taken.add((kind, candidate))
    return candidate


def _free_name_of(taken: set[tuple[str, str]], kind: str, name: str) -> str:
    """The name ``_free_name`` gave ``kind`` for ``name`` (the last one taken)."""
    candidate, number = name, 2
    best = name
    while (kind, candidate) in taken:
        best = candidate
        candidate = "_".join((name, str(number)))
        number += 1
    return best


def _looks_like_root(module: TerraformModule) -> bool:
    """Import blocks are only allowed in the root module; a provider
    configuration, a backend or a cloud block is the usual sign of one."""
    return any(True for _ in module.blocks("provider")) or any(
        b.type.text in ("backend", "cloud") for _, t in module.blocks("terraform") for b in t.body.blocks()
    )
