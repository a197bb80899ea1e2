"""``ReferenceIndex``: every reference of a module and what it names.

A reference is a traversal whose root names something the module declares:
``var.x``, ``local.x``, ``module.m``, ``data.T.N`` and ``T.N`` for a resource.
They are found everywhere an expression can be: attribute values at any depth,
``${ }`` in quoted templates and heredocs, index keys, splats, function
arguments. What is not a reference:

- roots Terraform gives another meaning: ``count``, ``each``, ``self``,
  ``path``, ``terraform``;
- names a scope binds: a ``for`` expression's or ``%{ for }`` directive's
  key and value (in what they range over, not in the collection), and a
  ``dynamic`` block's iterator (its label, or its ``iterator`` attribute) in
  its ``content`` block and its ``labels``;
- attributes whose expressions are addresses or names, not values: a
  resource's or data source's ``provider`` (``aws.west`` is a provider), a
  module's ``providers``, ``lifecycle``'s ``ignore_changes``, a variable's
  ``type``, and the ``from``/``to`` of ``moved``, ``removed`` and ``import``.

Resolution is by name across every file of the module: a reference resolves to
the declaration ``ModuleIndex.declaration`` gives (never to a block of an
override file), or to None when nothing declares it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from ..cst import nodes as n
from .fields import child_getters
from .index import decode_label

if TYPE_CHECKING:
    from .index import Declaration, ModuleIndex

__all__ = ["Reference", "ReferenceIndex", "ReferenceKind", "collect_references"]

F = TypeVar("F", bound=Hashable)

#: What a reference names: the ``Declaration.kind`` it resolves to.
ReferenceKind = Literal["variable", "local", "module", "data", "resource"]

# Roots that are never a resource type: Terraform's own objects.
_RESERVED = frozenset({"count", "each", "self", "path", "terraform"})
_NAMED: dict[str, ReferenceKind] = {"var": "variable", "local": "local", "module": "module"}
_PREFIX: dict[str, str] = {"variable": "var.", "local": "local.", "module": "module.", "data": "data.", "resource": ""}

# (enclosing block type, attribute name) whose value is an address or a name, not a value
_NOT_VALUES = frozenset({
    ("resource", "provider"), ("data", "provider"), ("module", "providers"), ("lifecycle", "ignore_changes"),
    ("variable", "type"), ("moved", "from"), ("moved", "to"), ("removed", "from"), ("import", "to"),
})  # fmt: skip

_TRAVERSALS = (n.GetAttr, n.Index, n.Splat)
_NO_NAMES: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, eq=False)
class Reference(Generic[F]):
    """One reference: where it is and what it resolves to.

    ``node`` is the part of the traversal that names the object (``var.x``,
    ``data.aws_ami.ubuntu``, ``aws_instance.web``); ``traversal`` is the whole
    traversal it starts (``aws_instance.web[0].id``), which is ``node`` when
    nothing follows. ``declaration`` is None for an undeclared name.
    """

    kind: ReferenceKind
    name: tuple[str, ...]
    file: F
    node: n.GetAttr
    traversal: n.GetAttr | n.Index | n.Splat
    declaration: Declaration[F] | None

    @property
    def address(self) -> str:
        """``var.x``, ``local.x``, ``module.m``, ``data.T.N`` or ``T.N``."""
        return _PREFIX[self.kind] + ".".join(self.name)


#: A reference found in one tree, before resolution: kind, name, node, traversal.
Found = tuple[ReferenceKind, tuple[str, ...], n.GetAttr, "n.GetAttr | n.Index | n.Splat"]


def collect_references(tree: n.Node) -> list[Found]:
    """The references under ``tree`` in source order, unresolved.

    One walk with its own stack (nesting may be deeper than Python's recursion
    limit), carrying the names the enclosing scopes bind.
    """
    out: list[Found] = []
    stack: list[tuple[Any, frozenset[str]]] = [(tree, _NO_NAMES)]
    pop, push = stack.pop, stack.append
    getters = child_getters()
    while stack:
        node, bound = pop()
        kind = type(node)
        if kind is n.GetAttr or kind is n.Index or kind is n.Splat:
            _traversal(node, bound, out, push)
        elif kind is n.Block or kind is n.Module:
            _body(node, bound, push)
        elif kind is n.ForExpr:
            inner = bound | _for_names(node)
            for part in (node.condition, node.value_expr, node.key_expr):
                if part is not None:
                    push((part, inner))
            push((node.collection, bound))
        elif kind is n.ForDirective:
            inner = bound | _for_names(node)
            for part in reversed(node.parts):
                push((part, inner))
            push((node.collection, bound))
        else:
            for value in getters[kind](node):  # only blocks' labels mix tokens in: not here
                if type(value) is tuple:
                    for item in value[::-1]:
                        push((item, bound))
                elif value is not None:
                    push((value, bound))
    return out


def _body(node: n.Block | n.Module, bound: frozenset[str], push: Any) -> None:
    """Push a block's (or file's) attribute values and nested blocks, leaving
    out values that are addresses and binding a ``dynamic`` block's iterator
    in its ``content`` and ``labels``."""
    block_type = node.type.text if type(node) is n.Block else ""
    content = bound
    if block_type == "dynamic":
        content = bound | {_iterator_name(node)}  # type: ignore[arg-type]
    for item in reversed(node.body.items):
        kind = type(item)
        if kind is n.Attribute:
            name = item.name.text  # type: ignore[union-attr]
            if (block_type, name) not in _NOT_VALUES:
                # a dynamic block's ``labels`` may use its iterator too
                push((item.value, content if name == "labels" else bound))  # type: ignore[union-attr]
        elif kind is n.Block:
            push((item, content if item.type.text == "content" else bound))  # type: ignore[union-attr]


def _iterator_name(block: n.Block) -> str:
    for item in block.body.items:
        if type(item) is n.Attribute and item.name.text == "iterator" and type(item.value) is n.Variable:
            return item.value.name.text
    return decode_label(block.labels[0]) if block.labels else ""


def _for_names(node: n.ForExpr | n.ForDirective) -> frozenset[str]:
    if node.key_var is None:
        return frozenset((node.value_var.text,))
    return frozenset((node.key_var.text, node.value_var.text))


def _traversal(top: n.GetAttr | n.Index | n.Splat, bound: frozenset[str], out: list[Found], push: Any) -> None:
    """Record the reference a traversal chain starts (if any), then push what
    else it holds: its index keys, and its root when that is not a name."""
    chain: list[Any] = [top]  # outermost first
    root = top.obj
    while type(root) in _TRAVERSALS:
        chain.append(root)
        root = root.obj  # type: ignore[union-attr]
    for link in chain:  # outermost key pushed first, so popped last
        if type(link) is n.Index:
            push((link.key, bound))
    if type(root) is n.Variable:
        found = _reference(root.name.text, chain, top, bound)
        if found is not None:
            out.append(found)
    else:
        push((root, bound))


def _reference(root: str, chain: list[Any], top: Any, bound: frozenset[str]) -> Found | None:
    if root in bound or root in _RESERVED:
        return None
    first = chain[-1]
    if type(first) is not n.GetAttr or first.name.kind == "NUMBER_LIT":
        return None  # ``var[0]``, ``aws_instance.0``: not a name
    if root == "data":
        second = chain[-2] if len(chain) > 1 else None
        if type(second) is not n.GetAttr or second.name.kind == "NUMBER_LIT":
            return None
        return ("data", (first.name.text, second.name.text), second, top)
    kind = _NAMED.get(root)
    if kind is not None:
        return (kind, (first.name.text,), first, top)
    return ("resource", (root, first.name.text), first, top)


class ReferenceIndex(Generic[F]):
    """The references of every file of a ``ModuleIndex``, resolved across
    files, with lookups both ways."""

    def __init__(self, index: ModuleIndex[F]) -> None:
        self._all: list[Reference[F]] = []
        self._by_file: dict[F, list[Reference[F]]] = {}
        self._to: dict[int, list[Reference[F]]] = {}  # id(declaration) -> references
        self._at: dict[int, Reference[F]] = {}  # id(node) and id(traversal) -> reference
        self._unresolved: list[Reference[F]] = []
        for file, tree in index.files.items():
            mine = self._by_file.setdefault(file, [])
            for kind, name, node, traversal in collect_references(tree):
                declaration = index.declaration(kind, *name)
                reference = Reference(kind, name, file, node, traversal, declaration)
                mine.append(reference)
                self._all.append(reference)
                self._at[id(node)] = reference
                self._at.setdefault(id(traversal), reference)
                if declaration is None:
                    self._unresolved.append(reference)
                else:
                    self._to.setdefault(id(declaration), []).append(reference)

    def __iter__(self) -> Iterator[Reference[F]]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def in_file(self, file: F) -> Sequence[Reference[F]]:
        """The references of one file, in source order."""
        return self._by_file.get(file, ())

    def of_kind(self, kind: ReferenceKind) -> Sequence[Reference[F]]:
        return [r for r in self._all if r.kind == kind]

    def references_to(self, declaration: Declaration[F]) -> Sequence[Reference[F]]:
        """Every reference resolving to ``declaration``, in source order."""
        return self._to.get(id(declaration), ())

    def is_referenced(self, declaration: Declaration[F]) -> bool:
        return id(declaration) in self._to

    def unresolved(self) -> Sequence[Reference[F]]:
        """References to names nothing in the module declares."""
        return self._unresolved

    def at(self, node: n.Node) -> Reference[F] | None:
        """The reference whose ``node`` or ``traversal`` is ``node`` (by identity)."""
        reference = self._at.get(id(node))
        if reference is not None and (reference.node is node or reference.traversal is node):
            return reference
        return None
