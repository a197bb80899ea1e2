"""Provider schemas: what each resource and data source type takes.

- ``snapshot``: reading ``terraform providers schema -json`` output, the
  compact snapshots tffix ships (``snapshots/NAME-VERSION.json.gz``, each
  read once per process, on first use) and building them;
- ``cdktf``: the same facts read from a prebuilt CDK-for-Terraform provider
  package (``scripts/build_schemas.py`` builds the shipped snapshots so);
- ``resolve``: which schemas a module's block is checked against (the
  provider's ``required_providers`` source and version constraint; a user's
  own schema file wins);
- ``check``: a block read against its schemas, as findings the schema rules
  report.

Rules reach all of this through ``tffix.api``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..cst import nodes as n
from .check import KNOWN_CONFUSIONS, SchemaFinding, check_block, distance, suggest
from .model import AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema
from .resolve import (
    META_ARGUMENTS,
    Candidates,
    ProviderRequirement,
    SchemaSet,
    provider_constraint,
    required_providers,
)
from .snapshot import SchemaError, bundled, bundled_names, bundled_versions, read_schema_json
from .versions import admits, admits_range

__all__ = [
    "KNOWN_CONFUSIONS",
    "META_ARGUMENTS",
    "AttributeSchema",
    "BlockSchema",
    "Candidates",
    "NestedBlockSchema",
    "ProviderRequirement",
    "ProviderSchema",
    "SchemaError",
    "SchemaFinding",
    "SchemaSet",
    "admits",
    "admits_range",
    "bundled",
    "bundled_names",
    "bundled_versions",
    "check_block",
    "distance",
    "load_schema_file",
    "module_schemas",
    "provider_constraint",
    "read_schema_json",
    "required_providers",
    "suggest",
]

_last: tuple[tuple[int, ...], tuple[object, ...], SchemaSet] | None = None


def load_schema_file(path: str | Path) -> list[ProviderSchema]:
    """A user's ``terraform providers schema -json`` file, read (and kept
    for the process); raises ``SchemaError`` naming the file when it cannot
    be used."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise SchemaError(f"{path}: cannot read provider schema: {e.strerror}") from None
    from .resolve import _user_schemas

    return _user_schemas(data, str(path))


def module_schemas(
    trees: Sequence[n.Module], schema_files: Sequence[str], read: Callable[[Path], bytes | None]
) -> SchemaSet:
    """The schemas for one module (its trees, the user's schema files read
    with ``read``, which returns None for a file it cannot read). The last
    module's answer is kept, so the schema rules of one run share it."""
    global _last
    files = [(str(p), read(Path(p))) for p in schema_files]
    key = tuple(id(t) for t in trees)
    stamp = tuple(data for _, data in files)
    if _last is not None and _last[0] == key and _last[1][1:] == stamp:
        return _last[2]
    found = SchemaSet(required_providers(trees), [(where, data) for where, data in files if data is not None])
    _last = (key, (tuple(trees), *stamp), found)
    return found
