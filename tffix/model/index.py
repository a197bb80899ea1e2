"""``ModuleIndex``: the top-level shape of a module, computed once.

Rules used to ask each file's tree for ``blocks("resource", "aws_iam_role")``,
which re-reads every top-level item and decodes every label on each call. The
index reads the top level of each file once, decodes each label once (escapes
and all, as Terraform reads them) and keeps blocks by type and by
(type, first label), every declaration a reference can name, and each body's
attributes by name. Everything keeps source order: the files in the order the
mapping gives them, then the items in each file.

The index is generic over the file key (a ``Path`` in the engine, a ``str`` in
tests): every entry carries the key of the file that holds it.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from ..cst import nodes as n
from ..cst.values import template_text

if TYPE_CHECKING:
    from .references import ReferenceIndex

__all__ = ["BlockEntry", "Declaration", "DeclarationKind", "ModuleIndex", "decode_label", "is_override_file"]

F = TypeVar("F", bound=Hashable)

#: What a top-level declaration declares; ``local`` is one attribute of a ``locals`` block.
DeclarationKind = Literal["variable", "local", "output", "resource", "data", "module", "provider", "terraform"]

# Block types that declare something, and how many labels name it.
_DECLARING: dict[str, int] = {
    "variable": 1, "output": 1, "resource": 2, "data": 2, "module": 1, "provider": 1, "terraform": 0,
}  # fmt: skip

# How an address starts, per kind (resources have no prefix: ``aws_instance.web``).
_PREFIX: dict[str, str] = {
    "variable": "var.", "local": "local.", "output": "output.", "resource": "", "data": "data.",
    "module": "module.", "provider": "provider.", "terraform": "terraform",
}  # fmt: skip


def decode_label(label: n.Label) -> str:
    """A block label's value as Terraform reads it: a bare name as written, a
    quoted one with its escapes decoded. A label that interpolates (which
    Terraform refuses) reads as ``""``, as ``Block.label_values`` does."""
    if type(label) is n.Token:
        return label.text
    return template_text(label) or ""


def is_override_file(file: Hashable) -> bool:
    """Whether Terraform merges this file into the others (``override.tf``,
    ``*_override.tf``) rather than reading its blocks as new declarations."""
    name = os.path.basename(os.fspath(file)) if isinstance(file, (str, os.PathLike)) else str(file)
    return name == "override.tf" or name.endswith("_override.tf")


@dataclass(frozen=True, slots=True, eq=False)
class BlockEntry(Generic[F]):
    """A top-level block, the file holding it and its decoded labels."""

    file: F
    block: n.Block
    labels: tuple[str, ...]

    @property
    def type(self) -> str:
        return self.block.type.text

    @property
    def name(self) -> str | None:
        """The first label (a resource's type, a variable's name), if any."""
        return self.labels[0] if self.labels else None


@dataclass(frozen=True, slots=True, eq=False)
class Declaration(Generic[F]):
    """Something a module declares at the top level.

    ``node`` is the declaring block, or for a local the attribute in its
    ``locals`` block (``block`` is then that ``locals`` block). ``name`` is the
    decoded labels that name it: ``("x",)`` for ``var.x``, ``("aws_instance",
    "web")`` for a resource or data source, ``()`` for ``terraform``.
    ``override`` tells a block of an override file (merged, not declared).
    """

    kind: DeclarationKind
    name: tuple[str, ...]
    file: F
    node: n.Block | n.Attribute
    block: n.Block
    override: bool

    @property
    def address(self) -> str:
        """How configuration names it: ``var.x``, ``local.x``, ``aws_instance.web``,
        ``data.aws_ami.ubuntu``, ``module.vpc`` (``output.x``, ``provider.aws``
        and ``terraform`` for the kinds nothing refers to)."""
        return _PREFIX[self.kind] + ".".join(self.name)


class ModuleIndex(Generic[F]):
    """Blocks, declarations and attributes of one module's parsed files.

    Build it once per module run from ``{file: tree}`` (files that did not
    parse are left out by the caller); every lookup is then a dictionary read.
    The trees are immutable, so the index never goes stale for them: an edited
    file is a new tree and a new index.
    """

    def __init__(self, files: Mapping[F, n.Module]) -> None:
        self.files: Mapping[F, n.Module] = dict(files)
        self._entries: list[BlockEntry[F]] = []
        self._by_type: dict[str, list[BlockEntry[F]]] = {}
        self._by_name: dict[tuple[str, str | None], list[BlockEntry[F]]] = {}
        self._entry_of: dict[int, BlockEntry[F]] = {}
        self._declarations: list[Declaration[F]] = []
        self._by_kind: dict[str, list[Declaration[F]]] = {}
        self._declared: dict[tuple[str, tuple[str, ...]], list[Declaration[F]]] = {}
        # id(node) -> (node, value): the node is kept so an id is never reused while cached
        self._labels: dict[int, tuple[n.Block, tuple[str, ...]]] = {}
        self._attributes: dict[int, tuple[n.Body, Mapping[str, n.Attribute]]] = {}
        for file, tree in self.files.items():
            self._add_file(file, tree)

    def _add_file(self, file: F, tree: n.Module) -> None:
        override = is_override_file(file)
        for item in tree.body.items:
            if type(item) is not n.Block:
                continue
            labels = self.labels(item)
            entry = BlockEntry(file, item, labels)
            kind = item.type.text
            self._entries.append(entry)
            self._entry_of[id(item)] = entry
            self._by_type.setdefault(kind, []).append(entry)
            self._by_name.setdefault((kind, entry.name), []).append(entry)
            if kind == "locals":
                for attribute in self.attributes(item.body).values():
                    self._declare("local", (attribute.name.text,), file, attribute, item, override)
            elif kind in _DECLARING and len(labels) == _DECLARING[kind]:
                self._declare(kind, labels, file, item, item, override)  # type: ignore[arg-type]

    def _declare(
        self, kind: DeclarationKind, name: tuple[str, ...], file: F, node: n.Block | n.Attribute,
        block: n.Block, override: bool,
    ) -> None:  # fmt: skip
        declaration = Declaration(kind, name, file, node, block, override)
        self._declarations.append(declaration)
        self._by_kind.setdefault(kind, []).append(declaration)
        self._declared.setdefault((kind, name), []).append(declaration)

    def __reduce__(self) -> tuple[type[ModuleIndex[F]], tuple[Mapping[F, n.Module]]]:
        # The caches are keyed by node identity, which a copy does not keep:
        # a copy (pickled to a worker, say) is built again from its trees.
        return (type(self), (self.files,))

    # -- blocks ------------------------------------------------------------

    def blocks(self, type: str | None = None, name: str | None = None) -> Sequence[BlockEntry[F]]:
        """Top-level blocks of every file in source order; of one type, and of
        one first label too when ``name`` is given (``blocks("resource",
        "aws_iam_role")``, ``blocks("variable", "region")``)."""
        if type is None:
            return self._entries
        if name is None:
            return self._by_type.get(type, ())
        return self._by_name.get((type, name), ())

    def block_types(self) -> Sequence[str]:
        """The top-level block types present, in order of first appearance."""
        return list(self._by_type)

    def entry(self, block: n.Block) -> BlockEntry[F] | None:
        """The index entry of a top-level block (None for a nested one)."""
        entry = self._entry_of.get(id(block))
        return entry if entry is not None and entry.block is block else None

    def labels(self, block: n.Block) -> tuple[str, ...]:
        """Decoded labels of any block (nested ones too), decoded once."""
        cached = self._labels.get(id(block))
        if cached is not None and cached[0] is block:
            return cached[1]
        labels = tuple(decode_label(label) for label in block.labels)
        self._labels[id(block)] = (block, labels)
        return labels

    # -- declarations ------------------------------------------------------

    def declarations(self, kind: DeclarationKind | None = None) -> Sequence[Declaration[F]]:
        """Declarations in source order, all or of one kind (override files' included)."""
        if kind is None:
            return self._declarations
        return self._by_kind.get(kind, ())

    def declared(self, kind: DeclarationKind, *name: str) -> Sequence[Declaration[F]]:
        """Every declaration of ``kind`` named ``name``, override files' included:
        more than one non-override means Terraform refuses the module."""
        return self._declared.get((kind, name), ())

    def declaration(self, kind: DeclarationKind, *name: str) -> Declaration[F] | None:
        """The declaration references to ``kind``/``name`` resolve to: the first
        outside override files (a block only in an override file declares nothing)."""
        return next((d for d in self._declared.get((kind, name), ()) if not d.override), None)

    # -- attributes --------------------------------------------------------

    def attributes(self, body: n.Body | n.Block | n.Module) -> Mapping[str, n.Attribute]:
        """The attributes of a body by name, in source order (a block or file
        stands for its body). A repeated name keeps its first attribute:
        Terraform refuses the file anyway."""
        if type(body) is not n.Body:
            body = body.body
        cached = self._attributes.get(id(body))
        if cached is not None and cached[0] is body:
            return cached[1]
        found: dict[str, n.Attribute] = {}
        for item in body.items:
            if type(item) is n.Attribute:
                found.setdefault(item.name.text, item)
        self._attributes[id(body)] = (body, found)
        return found

    def attribute(self, body: n.Body | n.Block | n.Module, name: str) -> n.Attribute | None:
        return self.attributes(body).get(name)

    # -- references --------------------------------------------------------

    @cached_property
    def references(self) -> ReferenceIndex[F]:
        """Every reference of the module and what it resolves to (one walk of
        every file, on first use)."""
        from .references import ReferenceIndex

        return ReferenceIndex(self)
