"""A resource or data block, read against its provider's schema.

``check_block`` walks the block and its nested blocks (``dynamic`` blocks by
their ``content``) and yields a ``SchemaFinding`` wherever every candidate
schema disagrees with what is written; the schema rules each report the
kinds they are about. Meta-arguments are never looked at."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..cst import nodes as n
from .model import BlockSchema
from .resolve import META_ARGUMENTS, Candidates

__all__ = ["ARGUMENT_CONFUSIONS", "KNOWN_CONFUSIONS", "SchemaFinding", "check_block", "distance", "suggest"]

#: type names code generators write for ones that exist under another name
KNOWN_CONFUSIONS: dict[str, str] = {
    "aws_rds_instance": "aws_db_instance",
    "aws_rds_database": "aws_db_instance",
    "aws_ec2_instance": "aws_instance",
    "aws_vpc_subnet": "aws_subnet",
    "aws_elastic_ip": "aws_eip",
    "aws_lambda": "aws_lambda_function",
    "aws_cloudwatch_alarm": "aws_cloudwatch_metric_alarm",
    "aws_ecs_task": "aws_ecs_task_definition",
    "aws_dynamodb": "aws_dynamodb_table",
    "aws_sqs": "aws_sqs_queue",
    "aws_sns": "aws_sns_topic",
    "aws_kms": "aws_kms_key",
    "aws_s3_bucket_encryption": "aws_s3_bucket_server_side_encryption_configuration",
    "aws_security_group_ingress_rule": "aws_vpc_security_group_ingress_rule",
    "aws_security_group_egress_rule": "aws_vpc_security_group_egress_rule",
    "aws_elb_listener": "aws_lb_listener",
    "aws_elb_target_group": "aws_lb_target_group",
    "aws_iam_role_policy_attachments": "aws_iam_role_policy_attachment",
    "azurerm_storage": "azurerm_storage_account",
    "azurerm_sql_server": "azurerm_mssql_server",
    "azurerm_sql_database": "azurerm_mssql_database",
    "azurerm_app_service_plan": "azurerm_service_plan",
    "azurerm_vnet": "azurerm_virtual_network",
    "azurerm_aks_cluster": "azurerm_kubernetes_cluster",
    "google_compute_vm": "google_compute_instance",
    "google_storage": "google_storage_bucket",
    "google_sql_instance": "google_sql_database_instance",
    "google_gke_cluster": "google_container_cluster",
    "google_vpc": "google_compute_network",
    "google_compute_vpc": "google_compute_network",
    "google_subnet": "google_compute_subnetwork",
    "google_compute_subnet": "google_compute_subnetwork",
}

#: argument names code generators write for ones a later provider version renamed,
#: per resource type and path (``block.argument`` in a nested block), offered only where the
#: schema has the new name
ARGUMENT_CONFUSIONS: dict[str, dict[str, str]] = {
    "aws_db_instance": {"name": "db_name"},
    "aws_rds_cluster_instance": {"name": "identifier"},
    "azurerm_storage_account": {"enable_https_traffic_only": "https_traffic_only_enabled"},
    "azurerm_kubernetes_cluster": {"default_node_pool.enable_auto_scaling": "auto_scaling_enabled"},
    "azurerm_kubernetes_cluster_node_pool": {"enable_auto_scaling": "auto_scaling_enabled"},
    "azurerm_redis_cache": {"enable_non_ssl_port": "non_ssl_port_enabled"},
}


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps cost one)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(sorted(name.split("_")))


def suggest(name: str, options: Sequence[str] | set[str]) -> list[str]:
    """The close names among ``options``, best first: a known confusion,
    then names within a small edit distance (one edit for short names, two
    from eight letters), or the same words in another order."""
    known = KNOWN_CONFUSIONS.get(name)
    if known is not None and known in options:
        return [known]
    limit = 1 if len(name) < 8 else 2
    scored = []
    for option in options:
        if abs(len(option) - len(name)) > limit and _tokens(option) != _tokens(name):
            continue
        d = distance(name, option)
        if d <= limit or _tokens(option) == _tokens(name):
            scored.append((d, option))
    return [o for _, o in sorted(scored)]


@dataclass(frozen=True)
class SchemaFinding:
    """``kind``: ``unknown-type``, ``unknown-argument`` (an attribute or
    block name the schema lacks), ``missing`` (a required argument or block
    absent), ``block-as-attribute`` / ``attribute-as-block`` (a block written
    with ``=`` / an attribute written as a block), ``deprecated``,
    ``string-for-list`` / ``list-for-string`` (a quoted string where a list
    or set of primitives is required / a list literal where a string is;
    ``where`` is then the value).
    ``where`` is the node to report on, ``item`` what was written (None for
    ``missing``), ``path`` the nested blocks from the resource down,
    ``suggestions`` close names."""

    kind: str
    resource: n.Block
    where: n.Node | n.Token
    name: str
    path: tuple[str, ...]
    item: n.Attribute | n.Block | None
    is_block: bool
    suggestions: tuple[str, ...]
    candidates: Candidates


def check_block(block: n.Block, candidates: Candidates, labels: Sequence[str] | None = None) -> Iterator[SchemaFinding]:
    """Every disagreement between a ``resource`` / ``data`` block and its
    schemas (all candidates must agree). An unknown type yields one
    ``unknown-type`` finding and nothing else. ``labels``: the block's
    decoded labels, when the caller has them."""
    kind = "resource" if block.type.text == "resource" else "data"
    type_name = (block.label_values if labels is None else labels)[0]
    schemas = candidates.blocks(kind, type_name)
    if schemas is None:
        if not candidates.known(kind, type_name):
            options = candidates.types(kind)
            yield SchemaFinding(
                "unknown-type", block, block.labels[0], type_name, (), block, True,
                tuple(suggest(type_name, options)), candidates,
            )  # fmt: skip
        return
    yield from _walk(block, type_name, block, block.body, schemas, (), candidates)


def _is_list(expr: object) -> bool:
    """``[...]`` or ``[for ...]``: a list of objects in attribute syntax,
    which a block's schema may accept (legacy "attributes as blocks") -
    never reported, only ``name = { ... }`` and other values are."""
    return type(expr) is n.Tuple or (type(expr) is n.ForExpr and expr.open.text == "[")


#: collections of one primitive type: a lone string there is a list of one element gone wrong
_PRIMITIVE_COLLECTIONS = frozenset(f"{c}({t})" for c in ("list", "set") for t in ("string", "number", "bool"))


def _is_string(expr: object) -> bool:
    """A quoted string that is a string whatever it holds: not ``"${x}"``
    alone, which Terraform reads as ``x`` itself (a list stays a list)."""
    if type(expr) is not n.Template:
        return False
    parts = expr.parts
    return not (len(parts) == 1 and type(parts[0]) is n.Interpolation)


#: names a reference starts with that are not a managed resource's type
_NOT_RESOURCES = frozenset({"var", "local", "module", "each", "count", "path", "self", "terraform"})


def _one_id(expr: object) -> bool:
    """``aws_security_group.web.id`` (or ``.arn``; ``[0]`` allowed, no splat),
    or the same of a ``data`` source: one resource's identifier, a string
    whatever the provider, that generated code passes where a list goes."""
    if type(expr) is not n.GetAttr or expr.name.text not in ("id", "arn"):
        return False
    inner = expr.obj
    if type(inner) is n.Index:
        inner = inner.obj
    if type(inner) is not n.GetAttr:
        return False
    head = inner.obj
    if type(head) is n.GetAttr and type(head.obj) is n.Variable and head.obj.name.text == "data":
        return True
    return type(head) is n.Variable and "_" in head.name.text and head.name.text not in _NOT_RESOURCES


def _wrong_kind(value: object, types: list[str]) -> str | None:
    """``string-for-list``: a string (or one resource's ``id``) where every candidate takes a list or
    set of strings, numbers or bools; ``list-for-string``: a list literal
    where every candidate takes a string. None otherwise (what Terraform
    converts by itself, or what cannot be told without evaluating)."""
    if (_is_string(value) or _one_id(value)) and all(t in _PRIMITIVE_COLLECTIONS for t in types):
        return "string-for-list"
    if type(value) is n.Tuple and all(t == "string" for t in types):
        return "list-for-string"
    return None


def _takes(schema: BlockSchema, name: str) -> bool:
    """Whether a configuration may write ``name`` here: a block type, or an
    attribute that is not computed-only (``id`` always: SDK providers let
    every resource set it)."""
    attribute = schema.attributes.get(name)
    if attribute is not None:
        return attribute.settable or name == "id"
    return name in schema.blocks


def _walk(
    resource: n.Block,
    type_name: str,
    owner: n.Block,
    body: n.Body,
    schemas: list[BlockSchema],
    path: tuple[str, ...],
    candidates: Candidates,
) -> Iterator[SchemaFinding]:
    top = not path

    def finding(
        kind: str, where: n.Node | n.Token, name: str, item: n.Attribute | n.Block | None, is_block: bool
    ) -> SchemaFinding:
        options = sorted({x for s in schemas for x in s.names()})
        hints = tuple(suggest(name, options)) if kind == "unknown-argument" else ()
        renamed = ARGUMENT_CONFUSIONS.get(type_name, {}).get(".".join((*path, name)))
        if kind == "unknown-argument" and renamed is not None and renamed in options:
            hints = (renamed,)
        return SchemaFinding(kind, resource, where, name, path, item, is_block, hints, candidates)

    present: set[str] = set()
    for item in body.items:
        if type(item) is n.Attribute:
            name = item.name.text
            present.add(name)
            if top and name in META_ARGUMENTS:
                continue
            if not any(_takes(s, name) for s in schemas):
                yield finding("unknown-argument", item.name, name, item, False)
            elif all(name in s.blocks and name not in s.attributes for s in schemas) and not _is_list(item.value):
                yield finding("block-as-attribute", item.name, name, item, False)
            elif all(name in s.attributes and s.attributes[name].deprecated for s in schemas):
                yield finding("deprecated", item.name, name, item, False)
            elif all(name in s.attributes for s in schemas):
                wanted = _wrong_kind(item.value, [s.attributes[name].type for s in schemas])
                if wanted is not None:
                    yield finding(wanted, item.value, name, item, False)
        elif type(item) is n.Block:
            name = item.type.text
            inner: n.Body | None = item.body
            where: n.Node | n.Token = item.type
            if name == "dynamic":
                labels = item.label_values
                if not labels:
                    continue
                name = labels[0]
                where = item.labels[0]
                content = item.body.block("content")
                inner = content.body if content is not None else None
            elif top and name == "_" and not item.labels:
                # an escaping block: arguments whose names Terraform would read as meta-arguments
                present.update(i.name.text if type(i) is n.Attribute else i.type.text for i in item.body.items
                               if type(i) is n.Attribute or type(i) is n.Block)  # fmt: skip
                continue
            present.add(name)
            if top and name in META_ARGUMENTS:
                continue
            if not any(_takes(s, name) for s in schemas):
                yield finding("unknown-argument", where, name, item, True)
            elif all(name in s.blocks for s in schemas):
                if all(s.blocks[name].block.deprecated for s in schemas):
                    yield finding("deprecated", where, name, item, True)
                if inner is not None:
                    inner_schemas = [s.blocks[name].block for s in schemas]
                    yield from _walk(resource, type_name, item, inner, inner_schemas, (*path, name), candidates)
            elif (
                all(name in s.attributes and not s.attributes[name].block_syntax_ok for s in schemas)
                and item.type.text != "dynamic"
            ):
                yield finding("attribute-as-block", item.type, name, item, True)
    where_missing: n.Node | n.Token = owner.labels[-1] if top and owner.labels else owner.type
    if owner.type.text == "dynamic" and owner.labels:
        where_missing = owner.labels[0]
    for name in sorted(
        {a for a, spec in schemas[0].attributes.items() if spec.required}
        | {b for b, spec in schemas[0].blocks.items() if spec.required}
    ):
        if name in present:
            continue
        if all(name in s.attributes and s.attributes[name].required for s in schemas):
            yield finding("missing", where_missing, name, None, False)
        elif all(name in s.blocks and s.blocks[name].required for s in schemas):
            yield finding("missing", where_missing, name, None, True)
