"""Schemas in the JSON ``terraform providers schema -json`` prints, and the
compact snapshots tffix ships, made from that same JSON.

A snapshot is one provider, gzip-compressed JSON::

    {"format": 1, "name": "aws", "source": "hashicorp/aws", "version": "6.25.0",
     "origin": "...", "resources": {TYPE: BLOCK}, "data_sources": {TYPE: BLOCK}}

    BLOCK  = {"a": {NAME: "FLAGS:TYPE"}, "b": {NAME: [NESTING, MIN, MAX, BLOCK]}, "d": 1}

``FLAGS`` are letters: ``r`` required, ``o`` optional, ``c`` computed, ``d``
deprecated, ``s`` sensitive; ``TYPE`` is the compact type of
``AttributeSchema.type``; ``"d": 1`` marks a deprecated block; empty parts
are left out. Blocks are decoded only when a rule asks for their type.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

from .model import AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema

__all__ = [
    "FORMAT",
    "SchemaError",
    "bundled",
    "bundled_names",
    "compact_type",
    "decode_block",
    "dump_snapshot",
    "load_snapshot",
    "read_schema_json",
    "snapshot_from_schema_json",
]

FORMAT = 1
_FLAGS = (("required", "r"), ("optional", "o"), ("computed", "c"), ("deprecated", "d"), ("sensitive", "s"))


class SchemaError(ValueError):
    """A schema file that cannot be read; the message says why."""


def compact_type(tf_type: Any) -> str:
    """Terraform's JSON type (``"string"``, ``["list", "string"]``,
    ``["object", {...}]``) in the compact form: ``list(string)``, ``object``."""
    if isinstance(tf_type, str):
        return tf_type
    if isinstance(tf_type, list) and len(tf_type) == 2:
        kind, inner = tf_type
        if kind in ("list", "set", "map"):
            return f"{kind}({compact_type(inner)})"
        if kind in ("object", "tuple"):
            return str(kind)
    return "dynamic"


def _nested_type(nested: Mapping[str, Any]) -> str:
    mode = nested.get("nesting_mode", "single")
    return {"list": "list(object)", "set": "set(object)", "map": "map(object)"}.get(mode, "object")


def _compact_block(block: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    attrs = {}
    for name, attr in sorted(block.get("attributes", {}).items()):
        flags = "".join(letter for key, letter in _FLAGS if attr.get(key))
        tf_type = _nested_type(attr["nested_type"]) if "nested_type" in attr else compact_type(attr.get("type"))
        attrs[name] = f"{flags}:{tf_type}"
    if attrs:
        out["a"] = attrs
    blocks = {}
    for name, nested in sorted(block.get("block_types", {}).items()):
        blocks[name] = [
            nested.get("nesting_mode", "list"),
            int(nested.get("min_items", 0) or 0),
            int(nested.get("max_items", 0) or 0),
            _compact_block(nested.get("block", {})),
        ]
    if blocks:
        out["b"] = blocks
    if block.get("deprecated"):
        out["d"] = 1
    return out


def decode_block(raw: Any) -> BlockSchema:
    """A compact ``BLOCK`` as a ``BlockSchema``."""
    attributes = {}
    for name, spec in raw.get("a", {}).items():
        flags, _, tf_type = spec.partition(":")
        attributes[name] = AttributeSchema(
            name,
            tf_type,
            required="r" in flags,
            optional="o" in flags,
            computed="c" in flags,
            deprecated="d" in flags,
            sensitive="s" in flags,
        )
    blocks = {
        name: NestedBlockSchema(name, mode, decode_block(inner), lo, hi)
        for name, (mode, lo, hi, inner) in raw.get("b", {}).items()
    }
    return BlockSchema(attributes, blocks, deprecated=bool(raw.get("d")))


def _provider_name(address: str) -> tuple[str, str]:
    """``registry.terraform.io/hashicorp/aws`` -> (``aws``, ``hashicorp/aws``)."""
    parts = address.split("/")
    source = "/".join(parts[-2:]) if len(parts) >= 2 else address
    return parts[-1], source


def snapshot_from_schema_json(
    doc: Mapping[str, Any], versions: Mapping[str, str] | None = None, origin: str = ""
) -> Iterator[dict[str, Any]]:
    """One compact snapshot (a dict, as stored) per provider in a
    ``terraform providers schema -json`` document. ``versions`` maps a
    provider name or source to the version the schema describes."""
    schemas = doc.get("provider_schemas")
    if not isinstance(schemas, dict):
        raise SchemaError("no provider_schemas: not the output of `terraform providers schema -json`")
    versions = versions or {}
    for address, schema in sorted(schemas.items()):
        name, source = _provider_name(address)
        yield {
            # every exported attribute listed: always in Terraform's output, and in a
            # document built from a package when it says so (``tffix_exports``)
            "exports": bool(doc.get("tffix_exports", True)),
            "format": FORMAT,
            "name": name,
            "source": source,
            "version": versions.get(source, versions.get(name, "")),
            "origin": origin,
            "resources": {
                t: _compact_block(s.get("block", {})) for t, s in sorted(schema.get("resource_schemas", {}).items())
            },
            "data_sources": {
                t: _compact_block(s.get("block", {})) for t, s in sorted(schema.get("data_source_schemas", {}).items())
            },
        }


def _from_snapshot(data: Mapping[str, Any]) -> ProviderSchema:
    if data.get("format") != FORMAT:
        raise SchemaError(f"snapshot format {data.get('format')!r} is not {FORMAT}")
    return ProviderSchema(
        data["name"],
        data["source"],
        data["version"],
        data.get("origin", ""),
        data["resources"],
        data["data_sources"],
        exports=bool(data.get("exports", False)),
    )


def dump_snapshot(snapshot: Mapping[str, Any]) -> bytes:
    """A snapshot as the compressed bytes stored in the package (the same
    input gives the same bytes)."""
    text = json.dumps(snapshot, separators=(",", ":"), sort_keys=True).encode()
    return gzip.compress(text, compresslevel=9, mtime=0)


def load_snapshot(data: bytes) -> ProviderSchema:
    """A snapshot from its stored bytes."""
    return _from_snapshot(json.loads(gzip.decompress(data)))


def read_schema_json(text: str | bytes, where: str = "schema") -> list[ProviderSchema]:
    """Every provider of a ``terraform providers schema -json`` file (its
    version is unknown: "")."""
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise SchemaError(f"{where}: not JSON: {e}") from None
    if not isinstance(doc, dict):
        raise SchemaError(f"{where}: not the output of `terraform providers schema -json`")
    try:
        return [_from_snapshot(s) for s in snapshot_from_schema_json(doc, origin=where)]
    except (SchemaError, AttributeError, TypeError, ValueError) as e:
        raise SchemaError(f"{where}: {e}") from None


_PACKAGE = "tffix.schema.snapshots"


def _files() -> Iterable[Any]:
    return [f for f in resources.files(_PACKAGE).iterdir() if f.name.endswith(".json.gz")]


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[int, ...], str]]]:
    """Provider name -> (version, file name) of every bundled snapshot,
    newest first; read from the file names ``NAME-VERSION.json.gz``."""
    out: dict[str, list[tuple[tuple[int, ...], str]]] = {}
    for file in _files():
        stem = file.name.removesuffix(".json.gz")
        name, _, version = stem.rpartition("-")
        out.setdefault(name, []).append((_version_key(version), file.name))
    for entries in out.values():
        entries.sort(reverse=True)
    return out


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def bundled_names() -> list[str]:
    """The providers tffix ships snapshots of (``aws``, ``random``...)."""
    return sorted(_index())


def bundled_versions(name: str) -> list[str]:
    """The versions of ``name`` tffix ships, newest first."""
    return [".".join(map(str, v)) for v, _ in _index().get(name, [])]


@functools.cache
def bundled(name: str, version: str | None = None) -> ProviderSchema | None:
    """A shipped snapshot (the newest, or the given version), read once per
    process, or None."""
    for key, file_name in _index().get(name, []):
        if version is None or ".".join(map(str, key)) == version:
            return load_snapshot(resources.files(_PACKAGE).joinpath(file_name).read_bytes())
    return None
