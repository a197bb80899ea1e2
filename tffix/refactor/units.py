"""The machinery of a refactoring: files read with editor buffers in
place, nodes renamed by identity through a LibCST-style transformer run by
``FixBuilder``, and a unit of files turned into new texts."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.quoting import string
from ..cst.visitor import Transformer
from ..engine.discover import load_directory
from ..engine.edits import apply_fix_edits
from ..files import read_error, read_source
from ..fmt.checks import SelfCheckError
from ..rewrite import FixBuilder
from ..syntax.errors import ParseError
from ..writeback import Change

__all__ = ["Found", "Reader", "RenameError", "Renamer", "Unit", "step_after", "unit_changes", "where"]

#: A reference found in a tree: kind, name, the node naming it, the whole traversal.
Found = tuple[str, tuple[str, ...], n.GetAttr, "n.GetAttr | n.Index | n.Splat"]


class RenameError(Exception):
    """Why a rename cannot be made; ``str()`` is the one line to show."""


class Renamer(Transformer):
    """Gives ``name`` to the nodes picked by identity: a traversal step
    (``GetAttr``), a block's last label, an attribute."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.steps: set[int] = set()
        self.blocks: set[int] = set()
        self.attributes: set[int] = set()

    def __bool__(self) -> bool:
        return bool(self.steps or self.blocks or self.attributes)

    def leave_GetAttr(self, original: n.GetAttr, updated: n.GetAttr) -> n.Node:
        if id(original) not in self.steps:
            return updated
        return updated.with_changes(name=updated.name._replace(text=self.name))

    def leave_Attribute(self, original: n.Attribute, updated: n.Attribute) -> n.Node:
        if id(original) not in self.attributes:
            return updated
        return updated.with_changes(name=updated.name._replace(text=self.name))

    def leave_Block(self, original: n.Block, updated: n.Block) -> n.Node:
        if id(original) not in self.blocks:
            return updated
        *rest, last = updated.labels
        if type(last) is n.Token:
            new: n.Label = last._replace(text=self.name)
        else:
            new = last.with_changes(parts=string(self.name).parts)
        return updated.with_changes(labels=(*rest, new))


@dataclass
class Unit:
    """Files edited through one ``FixBuilder``: a module, or a few files
    beside it (tests, tfvars) standing in for one."""

    module: TerraformModule
    renamers: dict[Path, Renamer] = field(default_factory=dict)

    def renamer(self, file: SourceFile, name: str) -> Renamer:
        return self.renamers.setdefault(file.path, Renamer(name))


class Reader:
    """Texts from open editor buffers first, then from disk."""

    def __init__(self, buffers: Mapping[Path, str] | None) -> None:
        self.buffers = {Path(os.path.abspath(p)): t for p, t in (buffers or {}).items()}

    def text(self, path: Path) -> str:
        buffer = self.buffers.get(Path(os.path.abspath(path)))
        if buffer is not None:
            return buffer
        try:
            return read_source(path)
        except (OSError, UnicodeDecodeError) as e:
            raise RenameError(read_error(path, e)) from None

    def parse(self, path: Path) -> SourceFile:
        file = SourceFile.parse(path, self.text(path))
        if file.error is not None:
            raise RenameError(str(file.error))
        return file

    def module(self, directory: Path) -> TerraformModule:
        source = load_directory(directory)
        if source.errors:
            raise RenameError(str(source.errors[0]))
        texts = dict(source.texts)
        for path in self.buffers:
            if path.parent == Path(os.path.abspath(directory)) and path.name.endswith(".tf"):
                texts[directory / path.name] = self.buffers[path]
        module = TerraformModule.from_texts(directory, texts, source.existing)
        for file in module.files.values():
            if file.error is not None:
                raise RenameError(str(file.error))
        return module


def where(file: SourceFile, node: n.Node | n.Token) -> str:
    line, column = file.location(file.span(node)[0])
    return f"{file.path}:{line}:{column}"


def step_after(top: n.Node, node: n.GetAttr) -> n.GetAttr | None:
    """The first ``.name`` step after ``node`` in the traversal ``top``,
    past instance keys and splats (``module.m["k"].out``, ``module.m[*].out``)."""
    chain: list[n.Node] = []  # outermost first
    current: n.Node = top
    while current is not node and isinstance(current, (n.GetAttr, n.Index, n.Splat)):
        chain.append(current)
        current = current.obj
    if current is not node:
        return None
    for step in reversed(chain):
        if type(step) is n.GetAttr:
            return step if step.name.kind == "IDENT" else None
    return None


def unit_changes(unit: Unit, builder: FixBuilder) -> list[Change]:
    module = unit.module
    for path, renamer in unit.renamers.items():
        if renamer:
            builder.transform(renamer, module.files[path])
    edits = builder.edits()
    if not edits:
        return []
    texts = {path: file.text for path, file in module.files.items()}
    try:
        results = apply_fix_edits(texts, edits, terraform=False)  # layout only: no rewrites of the user's code
    except (ParseError, ValueError, SelfCheckError) as e:  # a bug here, never the user's input
        raise RenameError(f"internal error: the renamed files do not hold together: {e}") from None
    return [
        Change(path, text, texts.get(path))
        for path, text in sorted(results.items())
        if text != texts.get(path)
    ]  # fmt: skip
