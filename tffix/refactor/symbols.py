"""What a rename at a place in a file would rename: the editor's
``prepareRename`` question. A declaration's name (a resource's or module's
label, a variable's, an output's, a local's attribute name) or a reference
resolving to one; and, in a module calling another by its local path, an
argument of the call (the called module's variable) or ``module.CALL.X``
(its output). The answer is the address, the module declaring it, and the
span of the name to replace."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..context.module import SourceFile
from ..cst import nodes as n
from ..cst.values import template_text
from ..model import Declaration
from .address import Address, Kind
from .units import Reader, step_after

__all__ = ["Symbol", "symbol_at"]

_KINDS: frozenset[str] = frozenset({"resource", "data", "module", "variable", "local", "output"})
#: a module block's own arguments, which are not the called module's variables
_META_ARGUMENTS = frozenset({"source", "version", "providers", "count", "for_each", "depends_on"})


@dataclass(frozen=True)
class Symbol:
    """A renameable name at a place: what it names, and the offsets of the
    name itself in the file (inside the quotes of a quoted label)."""

    address: Address
    start: int
    end: int
    #: the folder of the module declaring it (another one, for a call's argument or output)
    directory: Path

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
            return Symbol(address, start, end, path.parent)
    for reference in module.index.references.in_file(path):
        start, end = file.span(reference.node)
        target = reference.declaration
        if target is None:
            continue
        if start <= offset <= end:
            address = _address(target)
            if address is not None:
                name_start, name_end = file.span(reference.node.name)
                return Symbol(address, name_start, name_end, path.parent)
        if reference.kind == "module" and type(target.node) is n.Block:
            step = step_after(reference.traversal, reference.node)
            child = _called_folder(target.node, path.parent)
            if step is not None and child is not None:
                start, end = file.span(step.name)
                if start <= offset <= end:
                    return Symbol(Address("output", step.name.text), start, end, child)
    for call in _top_level(file):
        child = _called_folder(call, path.parent) if call.type.text == "module" else None
        if child is None:
            continue
        for setting in call.body.attributes():
            start, end = file.span(setting.name)
            if setting.name.text not in _META_ARGUMENTS and start <= offset <= end:
                return Symbol(Address("variable", setting.name.text), start, end, child)
    return None


def _top_level(file: SourceFile) -> list[n.Block]:
    assert file.tree is not None
    return [item for item in file.tree.body.items if type(item) is n.Block]


def _called_folder(call: n.Block, folder: Path) -> Path | None:
    """The folder a ``module`` block calls by a local path (None for a
    registry or remote source)."""
    setting = call.body.attribute("source")
    if setting is None or type(setting.value) is not n.Template:
        return None
    source = template_text(setting.value)
    if source is None or not (source in (".", "..") or source.startswith(("./", "../"))):
        return None
    child = folder / source
    return child if child.is_dir() else None
