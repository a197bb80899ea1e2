"""Which provider schema a module's resource or data source is checked against.

A block's provider is its ``provider`` meta-argument's local name, or the
type's prefix (``aws`` of ``aws_instance``). ``required_providers`` maps that
local name to a source (``hashicorp/aws`` when it says nothing) and a
version constraint. A user's own schema (``terraform providers schema
-json``) for the source always wins. Otherwise the shipped snapshots of that
source whose version the constraint admits are the candidates (every shipped
version when there is no constraint); none admitted, or a source tffix has no
snapshot of, means the block is not checked. A finding is made only when it
holds in every candidate, and names the versions checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..cst import nodes as n
from ..cst.values import template_text
from .model import BlockSchema, ProviderSchema
from .snapshot import SchemaError, bundled, bundled_names, bundled_versions, read_schema_json
from .versions import admits

__all__ = [
    "META_ARGUMENTS",
    "Candidates",
    "ProviderRequirement",
    "SchemaSet",
    "provider_constraint",
    "required_providers",
]

#: what Terraform itself reads in a resource or data block, never the provider
META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"})


@dataclass(frozen=True)
class ProviderRequirement:
    """One entry of ``required_providers``."""

    name: str
    source: str
    version: str | None


def _normal_source(source: str) -> str:
    parts = source.strip().lower().split("/")
    if len(parts) == 3 and parts[0] == "registry.terraform.io":
        parts = parts[1:]
    return "/".join(parts) if len(parts) == 2 else source.strip().lower()


def _text(expr: object) -> str | None:
    return template_text(expr) if type(expr) is n.Template else None


def required_providers(trees: Iterable[n.Module]) -> dict[str, ProviderRequirement]:
    """Local name -> requirement, from every ``terraform { required_providers
    { ... } }`` of the module (both the object form and the old string form).
    Several constraints for one name are joined, as Terraform joins them."""
    out: dict[str, ProviderRequirement] = {}
    for tree in trees:
        for terraform in tree.blocks("terraform"):
            for block in terraform.body.blocks("required_providers"):
                for attr in block.body.attributes():
                    name = attr.name.text
                    source, version = f"hashicorp/{name}", None
                    value = attr.value
                    if type(value) is n.Object:
                        item = value.item("source")
                        if item is not None and _text(item.value) is not None:
                            source = str(_text(item.value))
                        item = value.item("version")
                        if item is not None:
                            version = _text(item.value) or "?"
                    elif _text(value) is not None:
                        version = _text(value)
                    else:
                        version = "?"
                    prior = out.get(name)
                    if prior is not None and prior.version and version:
                        version = f"{prior.version}, {version}"
                    elif prior is not None:
                        version = version or prior.version
                    out[name] = ProviderRequirement(name, _normal_source(source), version)
    return out


def provider_constraint(trees: Iterable[n.Module], source: str) -> str | None:
    """The version constraint the module's ``required_providers`` give the
    provider ``source`` (``hashicorp/aws``), joined as Terraform joins them;
    None when it names no constraint for it (``?``: one it cannot read)."""
    wanted = _normal_source(source)
    found = [r.version for r in required_providers(trees).values() if r.source == wanted and r.version]
    return ", ".join(found) if found else None


@dataclass(frozen=True)
class Candidates:
    """The schemas a block is checked against (one per admitted version)."""

    schemas: tuple[ProviderSchema, ...]

    @property
    def label(self) -> str:
        """``hashicorp/aws 6.25.0`` (or ``5.100.0 and 6.25.0``), or the
        user's schema file."""
        first = self.schemas[0]
        versions = [s.version for s in self.schemas if s.version]
        if not versions:
            return f"{first.source} from {first.origin}"
        return f"{first.source} {', '.join(sorted(versions, key=_key))}"

    def blocks(self, kind: str, type: str) -> list[BlockSchema] | None:
        """The block schema of ``type`` in every candidate; None unless each has it."""
        found = [s.block(kind, type) for s in self.schemas]
        return None if any(b is None for b in found) else [b for b in found if b is not None]

    def known(self, kind: str, type: str) -> bool:
        """Whether any candidate knows the type."""
        return any(s.block(kind, type) is not None for s in self.schemas)

    def types(self, kind: str) -> set[str]:
        return {t for s in self.schemas for t in s.types(kind)}


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


_USER: dict[str, list[ProviderSchema]] = {}


def _user_schemas(data: bytes, where: str) -> list[ProviderSchema]:
    digest = hashlib.sha256(data).hexdigest()
    if digest not in _USER:
        _USER[digest] = read_schema_json(data, where)
    return _USER[digest]


class SchemaSet:
    """The schemas one module is checked against: the user's files (their
    bytes, already read) and the shipped snapshots, with the module's
    ``required_providers``."""

    def __init__(self, requirements: Mapping[str, ProviderRequirement], user_files: Sequence[tuple[str, bytes]] = ()):
        self.requirements = requirements
        self.user: dict[str, ProviderSchema] = {}
        for where, data in user_files:
            for schema in _user_schemas(data, where):
                self.user.setdefault(schema.source, schema)
        self._cache: dict[str, Candidates | None] = {}

    @staticmethod
    def local_name(block: n.Block, labels: Sequence[str] | None = None) -> str | None:
        """The provider local name a resource or data block uses (``labels``:
        its decoded labels, when the caller has them)."""
        attr = block.body.attribute("provider")
        if attr is not None:
            expr = attr.value
            while type(expr) is n.GetAttr:
                expr = expr.obj
            return expr.name.text if type(expr) is n.Variable else None
        if labels is None:
            labels = block.label_values
        return labels[0].split("_", 1)[0] if labels and "_" in labels[0] else None

    def candidates(self, local_name: str) -> Candidates | None:
        """The schemas for a provider local name, or None (not checked)."""
        if local_name not in self._cache:
            self._cache[local_name] = self._find(local_name)
        return self._cache[local_name]

    def for_block(self, block: n.Block, labels: Sequence[str] | None = None) -> Candidates | None:
        """The schemas a ``resource`` / ``data`` block is checked against;
        None when its type does not start with its provider's name or tffix
        has no schema for that provider (or version). ``labels``: the
        block's decoded labels, when the caller has them."""
        if labels is None:
            labels = block.label_values
        name = self.local_name(block, labels)
        if name is None or not labels:
            return None
        found = self.candidates(name)
        if found is None or not labels[0].startswith(found.schemas[0].name + "_"):
            return None
        return found

    def _find(self, local_name: str) -> Candidates | None:
        requirement = self.requirements.get(local_name)
        source = requirement.source if requirement else f"hashicorp/{local_name}"
        if source in self.user:
            return Candidates((self.user[source],))
        namespace, _, name = source.partition("/")
        if namespace != "hashicorp" or name not in bundled_names():
            return None
        constraint = requirement.version if requirement else None
        if constraint == "?":
            return None  # a constraint we cannot read: check nothing
        chosen = []
        for version in bundled_versions(name):
            ok = admits(constraint, version) if constraint else True
            if ok is None:
                return None
            if ok:
                schema = bundled(name, version)
                if schema is not None:
                    chosen.append(schema)
        return Candidates(tuple(chosen)) if chosen else None


__all__ += ["SchemaError"]
