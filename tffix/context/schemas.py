"""A module's resources read against their provider schemas."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..schema import SchemaFinding, check_block, module_schemas
from .module import SourceFile, TerraformModule

__all__ = ["schema_findings"]


#: the last module's findings of every kind: the five schema rules of one run
#: ask for the same module one after another, so each block is read once
_last: tuple[TerraformModule, tuple[str, ...], list[tuple[SourceFile, SchemaFinding]]] | None = None


def schema_findings(
    module: TerraformModule, schema_files: Sequence[str], kinds: set[str] | frozenset[str]
) -> Iterator[tuple[SourceFile, SchemaFinding]]:
    """The schema findings of ``kinds`` (see ``SchemaFinding``) for every
    top-level ``resource`` and ``data`` block of the module, checked against
    the user's ``schema_files`` or the shipped snapshots. Override files,
    which hold partial blocks, are not read."""
    global _last
    key = tuple(schema_files)
    if _last is None or _last[0] is not module or _last[1] != key:
        _last = (module, key, list(_all_findings(module, schema_files)))
    return (pair for pair in _last[2] if pair[1].kind in kinds)


def _all_findings(module: TerraformModule, schema_files: Sequence[str]) -> Iterator[tuple[SourceFile, SchemaFinding]]:
    files = [(f, f.tree) for f in module.parsed() if f.tree is not None]
    schemas = module_schemas([tree for _, tree in files], schema_files, module.inputs.read_bytes)
    entries = [e for e in module.index.blocks() if e.type in ("resource", "data") and len(e.labels) == 2]
    overridden = any(module.is_override(f) for f, _ in files)
    for entry in entries:
        file = module.files[entry.file]
        if module.is_override(file):
            continue
        # an override file may set what the block leaves out
        partial = overridden and any(True for _ in module.overrides(entry.block))
        candidates = schemas.for_block(entry.block, entry.labels)
        if candidates is None:
            continue
        for finding in check_block(entry.block, candidates, entry.labels):
            if not (partial and finding.kind == "missing"):
                yield file, finding
