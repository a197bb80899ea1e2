"""What a rename at a place in a file would rename: the editor's
``prepareRename`` question. A declaration's name (a resource's or module's
label, a variable's, an output's, a local's attribute name) or a reference
resolving to one; the answer is its address and the span of the name to
replace."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..context.module import SourceFile
from ..cst import nodes as n
from ..model import Declaration
from .address import Address, Kind
from .rename import Reader

__all__ = ["Symbol", "symbol_at"]

_KINDS: frozenset[str] = frozenset({"resource", "data", "module", "variable", "local", "output"})


@dataclass(frozen=True)
class Symbol:
    """A renameable name at a place: what it names, and the offsets of the
    name itself in the file (inside the quotes of a quoted label)."""

    address: Address
    start: int
    end: int

    @property
    def name(self) -> str:
        return self.address.name


def _address(declaration: Declaration[Path]) -> Address | None:
    if declaration.kind not in _KINDS:
        return None
    kind: Kind = declaration.kind  # type: ignore[assignment]
    if len(declaration.name) == 2:
        return Address(kind, declaration.name[1], declaration.name[0])
    return Address(kind, declaration.name[0])


def _name_span(file: SourceFile, name: n.Label) -> tuple[int, int]:
    start, end = file.span(name)
    return (start + 1, end - 1) if type(name) is n.Template else (start, end)


def symbol_at(path: Path, offset: int, *, buffers: Mapping[Path, str] | None = None) -> Symbol | None:
    """The name at ``offset`` in the module file ``path`` (``buffers``: open
    editor texts in place of files), or None when nothing renameable is
    there. Raises ``RenameError`` when the module does not parse."""
    if not path.name.endswith(".tf"):
        return None
    module = Reader(buffers).module(path.parent)
    file = module.files.get(path)
    if file is None:
        return None
    for declaration in module.index.declarations():
        if declaration.file != path:
            continue
        address = _address(declaration)
        if address is None:
            continue
        node = declaration.node
        name: n.Label = node.name if type(node) is n.Attribute else node.labels[-1]
        start, end = _name_span(file, name)
        if start <= offset <= end:
            return Symbol(address, start, end)
    for reference in module.index.references.in_file(path):
        start, end = file.span(reference.node)
        if not start <= offset <= end or reference.declaration is None:
            continue
        address = _address(reference.declaration)
        if address is not None:
            name_start, name_end = file.span(reference.node.name)
            return Symbol(address, name_start, name_end)
    return None
