"""A module's resources read against their provider schemas."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..cst import nodes as n
from ..schema import SchemaFinding, check_block, module_schemas
from .module import SourceFile, TerraformModule

__all__ = ["schema_findings"]


def schema_findings(
    module: TerraformModule, schema_files: Sequence[str], kinds: set[str] | frozenset[str]
) -> Iterator[tuple[SourceFile, SchemaFinding]]:
    """The schema findings of ``kinds`` (see ``SchemaFinding``) for every
    top-level ``resource`` and ``data`` block of the module, checked against
    the user's ``schema_files`` or the shipped snapshots. Override files,
    which hold partial blocks, are not read."""
    files = [(f, f.tree) for f in module.parsed() if f.tree is not None]
    schemas = module_schemas([tree for _, tree in files], schema_files, module.inputs.read_bytes)
    for file, tree in files:
        if module.is_override(file):
            continue
        for block in tree.body.items:
            if type(block) is not n.Block or block.type.text not in ("resource", "data") or len(block.labels) != 2:
                continue
            candidates = schemas.for_block(block)
            if candidates is None:
                continue
            for finding in check_block(block, candidates):
                if finding.kind in kinds:
                    yield file, finding
