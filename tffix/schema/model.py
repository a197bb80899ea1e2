"""What a provider schema says about one resource or data source type.

The shapes follow the JSON that ``terraform providers schema -json`` prints:
a block has attributes (each required, optional and/or computed, maybe
deprecated or sensitive, with a type) and nested block types (each with a
nesting mode and item limits)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["AttributeSchema", "BlockSchema", "NestedBlockSchema", "ProviderSchema"]


@dataclass(frozen=True)
class AttributeSchema:
    """One attribute. ``type`` is the Terraform type in the compact form
    ``string``, ``number``, ``bool``, ``dynamic``, ``list(T)``, ``set(T)``,
    ``map(T)``, ``object`` (fields not kept) or ``tuple``."""

    name: str
    type: str = "dynamic"
    required: bool = False
    optional: bool = False
    computed: bool = False
    deprecated: bool = False
    sensitive: bool = False

    @property
    def settable(self) -> bool:
        """Whether a configuration may set it (not computed-only)."""
        return self.required or self.optional

    @property
    def collection_of_objects(self) -> bool:
        """A ``list`` or ``set`` of objects: the attributes Terraform also
        accepts in block syntax (the provider's "attributes as blocks")."""
        return self.type in ("list(object)", "set(object)")

    @property
    def block_syntax_ok(self) -> bool:
        """Whether writing it as a block may be right: a list or set of
        objects (attributes as blocks) or one object (snapshots cannot tell
        an object attribute from a single-nesting block)."""
        return self.collection_of_objects or self.type == "object"


@dataclass(frozen=True)
class NestedBlockSchema:
    """A nested block type: ``nesting`` is ``single``, ``group``, ``list``,
    ``set`` or ``map``; ``max_items`` 0 means no limit."""

    name: str
    nesting: str
    block: BlockSchema
    min_items: int = 0
    max_items: int = 0

    @property
    def required(self) -> bool:
        return self.min_items > 0


@dataclass(frozen=True)
class BlockSchema:
    """A block's attributes and nested blocks, by name."""

    attributes: Mapping[str, AttributeSchema] = field(default_factory=dict)
    blocks: Mapping[str, NestedBlockSchema] = field(default_factory=dict)
    deprecated: bool = False

    def names(self) -> list[str]:
        """Every name a configuration may write here (attributes that can be
        set, and block types)."""
        return [a.name for a in self.attributes.values() if a.settable] + list(self.blocks)


@dataclass
class ProviderSchema:
    """One provider's schema: its local ``name`` (``aws``), ``source``
    (``hashicorp/aws``), the ``version`` it describes ("" when unknown, as
    for a user's own schema file) and where it came from. Resource and data
    source blocks are decoded on first use."""

    name: str
    source: str
    version: str
    origin: str
    _resources: dict[str, object]
    _data_sources: dict[str, object]
    _decoded: dict[tuple[str, str], BlockSchema] = field(default_factory=dict)
    #: whether every attribute a resource exports is listed (computed-only ones
    #: too), so a reference to one that is not listed is wrong
    exports: bool = False

    def resource_types(self) -> list[str]:
        return list(self._resources)

    def data_source_types(self) -> list[str]:
        return list(self._data_sources)

    def types(self, kind: str) -> list[str]:
        """``kind`` is ``resource`` or ``data``."""
        return self.resource_types() if kind == "resource" else self.data_source_types()

    def block(self, kind: str, type: str) -> BlockSchema | None:
        """The schema of ``resource "type"`` (kind ``resource``) or
        ``data "type"`` (kind ``data``), or None when the provider has none."""
        key = (kind, type)
        found = self._decoded.get(key)
        if found is None:
            raw = (self._resources if kind == "resource" else self._data_sources).get(type)
            if raw is None:
                return None
            from .snapshot import decode_block

            found = self._decoded[key] = decode_block(raw)
        return found
