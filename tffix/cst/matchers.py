"""Declarative matchers over HCL shapes, in the spirit of ``libcst.matchers``.

A rule says what it looks for instead of walking the tree by hand::

    from tffix.cst import matchers as m

    public = m.Block("resource", "aws_s3_bucket", body=[m.Attribute("acl", value=m.Literal("public-read"))])
    for block in m.find(public, module_files):
        ...

A matcher is a frozen dataclass; it compares and hashes by value, so rules
can keep them as class constants. Where a matcher field takes a value (a
block type, a label, an attribute name, a literal's value, a traversal
step), it takes either a plain Python value, compared with ``==`` (``True``
never equals ``1``), or another matcher applied to that value: ``ANY``,
``OneOf("a", "b")``, ``Not("x")``, ``MatchRegex(r"^aws_")``,
``MatchIf(callable)``. Where it takes a node (an attribute's value, a call's
arguments, a block's body items), it takes a matcher.

Values are compared as Terraform reads them, decoded by ``tffix.cst.values``:
a label written ``"a\\"b"`` matches ``'a"b'``; a heredoc with no
interpolation is a ``Literal`` string.

``inside=`` and ``not_inside=`` on every node matcher constrain the node's
ancestors (its enclosing blocks, attributes, calls...). ``find`` knows them
from its walk; ``matches`` takes the tree's ``root`` to work them out.

What ``find`` walks depends on what can match: block and attribute matchers
never look inside expressions, and a block matcher with a fixed type and
first label rejects a block on two string comparisons (``Block.key``, the
key a module index would file it under).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Protocol, TypeAlias, TypeVar

from . import nodes as n
from .values import NotLiteral, literal_value, template_text
from .visitor import parents

__all__ = [
    "ANY",
    "DYNAMIC",
    "SPLAT",
    "AllOf",
    "AncestorsUnknown",
    "Attribute",
    "BaseMatcher",
    "Block",
    "Call",
    "DoNotCare",
    "Literal",
    "MatchIf",
    "MatchRegex",
    "NodeMatcher",
    "Not",
    "ObjectItem",
    "OneOf",
    "String",
    "Traversal",
    "find",
    "find_by_file",
    "matches",
]

#: The ancestors of the node being tested, outermost first; None when unknown.
_Ancestors: TypeAlias = Sequence[n.Node] | None
#: A node type set a matcher can match; None for "any node or value".
_Kinds: TypeAlias = frozenset[type] | None


class AncestorsUnknown(ValueError):
    """An ``inside=`` / ``not_inside=`` test was asked without the tree to answer it."""


@dataclass(frozen=True)
class BaseMatcher:
    """Something that tests a node or a value. Combine with ``|`` (``OneOf``),
    ``&`` (``AllOf``) and ``~`` (``Not``)."""

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        """Whether ``value`` matches, given its ancestors (outermost first)."""
        raise NotImplementedError

    @property
    def kinds(self) -> _Kinds:
        """The node classes this matcher can match; None when it may match anything."""
        return None

    def __or__(self, other: object) -> OneOf:
        return OneOf(self, other)

    def __and__(self, other: object) -> AllOf:
        return AllOf(self, other)

    def __invert__(self) -> Not:
        return Not(self)


def _test(spec: object, value: object, ancestors: _Ancestors) -> bool:
    """``spec`` applied to ``value``: a matcher tests it, a plain value equals it."""
    if isinstance(spec, BaseMatcher):
        return spec.test(value, ancestors)
    return _same(spec, value)


def _same(a: object, b: object) -> bool:
    """Equality of decoded HCL values: numbers compare across int/float, but a
    bool is not a number, and lists/dicts compare element by element."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


@dataclass(frozen=True)
class DoNotCare(BaseMatcher):
    """Matches anything (``ANY`` is the one instance needed)."""

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        return True

    def __repr__(self) -> str:
        return "ANY"


#: Matches anything: a label, an attribute's value, a traversal step...
ANY = DoNotCare()


class _Sentinel:
    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name


#: A traversal step ``[*]`` or ``.*``: ``Traversal("aws_instance", "a", SPLAT, "id")``.
SPLAT: object = _Sentinel("SPLAT")
#: A traversal step indexed by something computed (``[each.key]``): only ``ANY`` matches it.
DYNAMIC: object = _Sentinel("DYNAMIC")


# ---------------------------------------------------------------- combinators


@dataclass(frozen=True, init=False)
class OneOf(BaseMatcher):
    """Matches when any option does: ``OneOf("aws_s3_bucket", "aws_s3_bucket_acl")``."""

    options: tuple[object, ...]

    def __init__(self, *options: object) -> None:
        if not options:
            raise ValueError("OneOf needs at least one option")
        object.__setattr__(self, "options", options)

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        return any(_test(option, value, ancestors) for option in self.options)

    @property
    def kinds(self) -> _Kinds:
        out: set[type] = set()
        for option in self.options:
            kinds = option.kinds if isinstance(option, BaseMatcher) else None
            if kinds is None:
                return None
            out |= kinds
        return frozenset(out)


@dataclass(frozen=True, init=False)
class AllOf(BaseMatcher):
    """Matches when every part does: ``AllOf(Block("resource"), MatchIf(has_tags))``."""

    parts: tuple[object, ...]

    def __init__(self, *parts: object) -> None:
        if not parts:
            raise ValueError("AllOf needs at least one part")
        object.__setattr__(self, "parts", parts)

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        return all(_test(part, value, ancestors) for part in self.parts)

    @property
    def kinds(self) -> _Kinds:
        out: frozenset[type] | None = None
        for part in self.parts:
            kinds = part.kinds if isinstance(part, BaseMatcher) else None
            if kinds is not None:
                out = kinds if out is None else out & kinds
        return out


@dataclass(frozen=True)
class Not(BaseMatcher):
    """Matches when ``negated`` (a matcher or a plain value) does not."""

    negated: object

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        return not _test(self.negated, value, ancestors)


@dataclass(frozen=True)
class MatchIf(BaseMatcher):
    """Matches when ``predicate(value)`` is true: the escape hatch for tests no
    matcher spells (the value is a node, or a decoded label/name/step)."""

    predicate: Callable[[object], bool]

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        return bool(self.predicate(value))


@dataclass(frozen=True)
class MatchRegex(BaseMatcher):
    """Matches a string that ``pattern`` matches anywhere (``re.search``)."""

    pattern: str
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_regex", re.compile(self.pattern))

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        return isinstance(value, str) and self._regex.search(value) is not None


# ---------------------------------------------------------------- node matchers


@dataclass(frozen=True, repr=False)
class NodeMatcher(BaseMatcher):
    """A matcher of one kind of node, with constraints on its ancestors:
    ``inside`` must match some ancestor, ``not_inside`` none."""

    inside: BaseMatcher | None = field(default=None, kw_only=True)
    not_inside: BaseMatcher | None = field(default=None, kw_only=True)

    def __repr__(self) -> str:
        # what was given, the ancestor constraints last: ``Block('resource', inside=...)``
        shown = [(f.name, getattr(self, f.name)) for f in fields(self) if f.repr]
        shown = [(k, v) for k, v in shown if k not in ("inside", "not_inside")] + [
            ("inside", self.inside),
            ("not_inside", self.not_inside),
        ]
        parts = [f"{k}={v!r}" for k, v in shown if not _unset(k, v)]
        return f"{type(self).__name__}({', '.join(parts)})"

    def test(self, value: object, ancestors: _Ancestors) -> bool:
        if not self._test_node(value, ancestors):
            return False
        if self.inside is None and self.not_inside is None:
            return True
        if ancestors is None:
            raise AncestorsUnknown(f"{self!r} tests ancestors: pass the tree's root to matches()")
        if self.inside is not None and not _any_ancestor(self.inside, ancestors):
            return False
        return self.not_inside is None or not _any_ancestor(self.not_inside, ancestors)

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        raise NotImplementedError


def _unset(name: str, value: object) -> bool:
    """Whether a matcher field holds what leaves it out of the test."""
    if value is ANY or value == ():
        return True
    return (value is None and name in ("inside", "not_inside", "label_count", "args")) or (
        name == "prefix" and value is False
    )


def _any_ancestor(matcher: BaseMatcher, ancestors: Sequence[n.Node]) -> bool:
    # each ancestor is tested with its own ancestors, so constraints nest
    return any(matcher.test(node, ancestors[:i]) for i, node in enumerate(ancestors))


def _label_value(label: n.Label) -> str | None:
    if type(label) is n.Token:
        return label.text
    return template_text(label)


@dataclass(frozen=True, init=False, repr=False)
class Block(NodeMatcher):
    """A block by type and labels: ``Block("resource", "aws_s3_bucket", ANY)``.

    ``labels`` match the block's first labels (a block may have more; give
    ``label_count`` to fix the number). ``body`` matchers must each match
    some item directly in the block's body; ``lacks`` matchers must match none
    (``lacks=[Attribute("filter")]``).
    """

    type: object
    labels: tuple[object, ...]
    body: tuple[BaseMatcher, ...]
    lacks: tuple[BaseMatcher, ...]
    label_count: int | None
    #: (type, first label) when both are plain strings, else None in that place:
    #: the key an index of blocks would look the candidates up by.
    key: tuple[str | None, str | None] = field(repr=False, compare=False)

    def __init__(
        self,
        type: object = ANY,
        *labels: object,
        body: Iterable[BaseMatcher] = (),
        lacks: Iterable[BaseMatcher] = (),
        label_count: int | None = None,
        inside: BaseMatcher | None = None,
        not_inside: BaseMatcher | None = None,
    ) -> None:
        for name, value in (
            ("type", type),
            ("labels", labels),
            ("body", tuple(body)),
            ("lacks", tuple(lacks)),
            ("label_count", label_count),
            ("inside", inside),
            ("not_inside", not_inside),
        ):
            object.__setattr__(self, name, value)
        first = labels[0] if labels else None
        key = (type if isinstance(type, str) else None, first if isinstance(first, str) else None)
        object.__setattr__(self, "key", key)

    @property
    def kinds(self) -> _Kinds:
        return _BLOCK

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) is not n.Block:
            return False
        want_type, want_first = self.key
        if want_type is not None and value.type.text != want_type:
            return False
        labels = value.labels
        if len(labels) < len(self.labels) or (self.label_count is not None and len(labels) != self.label_count):
            return False
        if want_first is not None and _label_value(labels[0]) != want_first:
            return False
        if want_type is None and not _test(self.type, value.type.text, ancestors):
            return False
        for i, spec in enumerate(self.labels):
            if not (i == 0 and want_first is not None) and not _test(spec, _label_value(labels[i]), ancestors):
                return False
        if not self.body and not self.lacks:
            return True
        inner = None if ancestors is None else (*ancestors, value, value.body)
        items = [item for item in value.body.items if type(item) is not n.EmptyLine]
        if not all(any(spec.test(item, inner) for item in items) for spec in self.body):
            return False
        return not any(spec.test(item, inner) for spec in self.lacks for item in items)


@dataclass(frozen=True, repr=False)
class Attribute(NodeMatcher):
    """An attribute ``name = value`` in a body: ``Attribute("acl", value=Literal())``."""

    name: object = ANY
    value: BaseMatcher = ANY

    @property
    def kinds(self) -> _Kinds:
        return _ATTRIBUTE

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) is not n.Attribute:
            return False
        if not _test(self.name, value.name.text, ancestors):
            return False
        return self.value is ANY or self.value.test(value.value, None if ancestors is None else (*ancestors, value))


@dataclass(frozen=True, repr=False)
class ObjectItem(NodeMatcher):
    """An item ``key = value`` of an object constructor, ``key`` read as
    Terraform does (bare or quoted; None when computed, which only ``ANY`` matches)."""

    key: object = ANY
    value: BaseMatcher = ANY

    @property
    def kinds(self) -> _Kinds:
        return frozenset([n.ObjectItem])

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) is not n.ObjectItem:
            return False
        key = value.key_name
        if not (self.key is ANY or (key is not None and _test(self.key, key, ancestors))):
            return False
        return self.value is ANY or self.value.test(value.value, None if ancestors is None else (*ancestors, value))


_LITERAL_KINDS = frozenset([n.Literal, n.Template, n.Heredoc, n.Tuple, n.Object, n.Parens, n.UnaryOp])


@dataclass(frozen=True, repr=False)
class Literal(NodeMatcher):
    """An expression whose value is known without evaluation (a number, bool,
    null, a string or heredoc without interpolation, or a tuple/object of
    those), compared by that value: ``Literal("public-read")``, ``Literal(ANY)``."""

    value: object = ANY

    @property
    def kinds(self) -> _Kinds:
        return _LITERAL_KINDS

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) not in _LITERAL_KINDS:
            return False
        try:
            decoded = literal_value(value)
        except (NotLiteral, ValueError):
            return False
        return _test(self.value, decoded, ancestors)


@dataclass(frozen=True, repr=False)
class String(NodeMatcher):
    """A string known without evaluation (quoted or heredoc), by its text."""

    value: object = ANY

    @property
    def kinds(self) -> _Kinds:
        return _STRING

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) is not n.Template and type(value) is not n.Heredoc:
            return False
        text = template_text(value)
        return text is not None and _test(self.value, text, ancestors)


@dataclass(frozen=True, repr=False)
class Call(NodeMatcher):
    """A function call by name (``provider::ns::fn`` as written) and, when
    ``args`` is given, exactly that many arguments matching in order."""

    name: object = ANY
    args: Sequence[BaseMatcher] | None = None

    def __post_init__(self) -> None:
        if self.args is not None:
            object.__setattr__(self, "args", tuple(self.args))

    @property
    def kinds(self) -> _Kinds:
        return _CALL

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) is not n.FunctionCall:
            return False
        if not _test(self.name, value.function_name, ancestors):
            return False
        if self.args is None:
            return True
        if len(self.args) != len(value.args):
            return False
        for spec, element in zip(self.args, value.args):
            inner = None if ancestors is None else (*ancestors, value, element)
            if not spec.test(element.value, inner):
                return False
        return True


_TRAVERSAL_KINDS = frozenset([n.Variable, n.GetAttr, n.Index, n.Splat])


def _steps(node: object) -> list[object] | None:
    """The steps of a traversal from its root name, or None when ``node`` is
    no traversal (its root is not a bare name)."""
    out: list[object] = []
    while True:
        kind = type(node)
        if kind is n.Variable:
            out.append(node.name.text)  # type: ignore[attr-defined]
            out.reverse()
            return out
        if kind is n.GetAttr:
            name = node.name.text  # type: ignore[attr-defined]
            out.append(int(name) if name.isdigit() else name)  # legacy index: a.0
        elif kind is n.Index:
            try:
                key = literal_value(node.key)  # type: ignore[attr-defined]
            except (NotLiteral, ValueError):
                key = DYNAMIC
            if isinstance(key, float) and key.is_integer():
                key = int(key)
            out.append(key if isinstance(key, (str, int)) and not isinstance(key, bool) else DYNAMIC)
        elif kind is n.Splat:
            out.append(SPLAT)
        else:
            return None
        node = node.obj  # type: ignore[attr-defined]


@dataclass(frozen=True, init=False, repr=False)
class Traversal(NodeMatcher):
    """A reference such as ``var.name`` or ``aws_s3_bucket.b.id``, by its root
    name and steps: a ``str`` matches ``.name`` or ``["name"]``, an ``int``
    ``[0]``, ``SPLAT`` a splat, ``ANY`` any step.

    A traversal is the whole chain: in ``var.a.b`` the inner ``var.a`` is not
    one (when the parent is known). ``Traversal("var", "a")`` matches exactly
    ``var.a``; with ``prefix=True`` also ``var.a.b`` and ``var.a[0]``.
    """

    root: object
    steps: tuple[object, ...]
    prefix: bool

    def __init__(
        self,
        root: object = ANY,
        *steps: object,
        prefix: bool = False,
        inside: BaseMatcher | None = None,
        not_inside: BaseMatcher | None = None,
    ) -> None:
        for name, value in (
            ("root", root),
            ("steps", steps),
            ("prefix", prefix),
            ("inside", inside),
            ("not_inside", not_inside),
        ):
            object.__setattr__(self, name, value)

    @property
    def kinds(self) -> _Kinds:
        return _TRAVERSAL_KINDS

    def _test_node(self, value: object, ancestors: _Ancestors) -> bool:
        if type(value) not in _TRAVERSAL_KINDS:
            return False
        if ancestors:
            parent = ancestors[-1]
            if type(parent) in _TRAVERSAL_KINDS and getattr(parent, "obj", None) is value:
                return False  # part of a longer traversal
        steps = _steps(value)
        if steps is None:
            return False
        want = (self.root, *self.steps)
        if len(steps) < len(want) or (not self.prefix and len(steps) != len(want)):
            return False
        return all(_test(spec, step, ancestors) for spec, step in zip(want, steps))


_BLOCK: frozenset[type] = frozenset([n.Block])
_ATTRIBUTE: frozenset[type] = frozenset([n.Attribute])
_STRING: frozenset[type] = frozenset([n.Template, n.Heredoc])
_CALL: frozenset[type] = frozenset([n.FunctionCall])
# Nodes a walk must enter to reach every block and attribute; nothing below an
# attribute's value can be one.
_STRUCTURE: frozenset[type] = frozenset([n.Module, n.Body, n.Block, n.Attribute])


# ---------------------------------------------------------------- matching


def matches(node: n.Node, matcher: BaseMatcher, *, root: n.Node | None = None) -> bool:
    """Whether ``node`` matches. ``inside=``/``not_inside=`` constraints need
    ``root``, the tree ``node`` is in (its ancestors are worked out from it);
    without it they raise ``AncestorsUnknown``."""
    ancestors: list[n.Node] | None = None
    if root is not None:
        up = parents(root)
        ancestors = []
        current = up.get(id(node))
        while current is not None:
            ancestors.append(current)
            current = up.get(id(current))
        ancestors.reverse()
        if not ancestors and node is not root:
            raise ValueError("node is not in the tree under root")
    return matcher.test(node, ancestors)


class _HasTree(Protocol):
    """A parsed file (e.g. the engine's ``SourceFile``): its tree, None when it did not parse."""

    @property
    def tree(self) -> n.Module | None: ...


F = TypeVar("F", bound=_HasTree)


def _roots(trees: n.Node | _HasTree | Iterable[n.Node | _HasTree]) -> Iterator[n.Node]:
    items: Iterable[object] = (trees,) if isinstance(trees, n.Node) or hasattr(trees, "tree") else trees
    for item in items:
        tree = item if isinstance(item, n.Node) else getattr(item, "tree", None)
        if isinstance(tree, n.Node):
            yield tree
        elif tree is None and not hasattr(item, "tree"):
            raise TypeError(f"find() takes nodes or parsed files, not {type(item).__name__}")


def find(matcher: BaseMatcher, trees: n.Node | _HasTree | Iterable[n.Node | _HasTree]) -> Iterator[n.Node]:
    """Every node matching ``matcher``, in source order (a node before the
    nodes inside it), in a tree, a parsed file, or an iterable of them (a
    module's files, in the order given). Files that did not parse are skipped."""
    for root in _roots(trees):
        yield from _find_in(matcher, root)


def find_by_file(matcher: BaseMatcher, files: Iterable[F]) -> Iterator[tuple[F, n.Node]]:
    """``find`` over parsed files, each match paired with its file (what a
    diagnostic needs)."""
    for file in files:
        tree = file.tree
        if tree is not None:
            for node in _find_in(matcher, tree):
                yield file, node


# Nodes with no node below them: the walk does not look into their fields.
_LEAVES: frozenset[type] = frozenset([n.Literal, n.Variable, n.TemplateLiteral, n.EmptyLine])


def _find_in(matcher: BaseMatcher, root: n.Node) -> Iterator[n.Node]:
    kinds = matcher.kinds
    structural = kinds is not None and kinds <= _STRUCTURE
    test = matcher.test
    path: list[n.Node] = []  # ancestors of the node being looked at
    # (node, depth) pairs; children are pushed last first, so they pop in source order
    stack: list[tuple[n.Node, int]] = [(root, 0)]
    pop, push = stack.pop, stack.append
    token, leaves = n.Token, _LEAVES
    while stack:
        node, depth = pop()
        del path[depth:]
        kind = type(node)
        if (kinds is None or kind in kinds) and test(node, path):
            yield node
        if kind in leaves:
            continue
        path.append(node)
        depth += 1
        if structural:
            if kind is n.Block or kind is n.Module:
                push((node.body, depth))  # type: ignore[attr-defined]
            elif kind is n.Body:
                for item in reversed(node.items):  # type: ignore[attr-defined]
                    if type(item) is not n.EmptyLine:
                        push((item, depth))
            continue  # an attribute's value holds no block or attribute
        for value in reversed(n.field_values(node)):
            vkind = type(value)
            if vkind is tuple:
                for item in reversed(value):
                    if type(item) is not token:  # FunctionCall.name holds tokens
                        push((item, depth))
            elif value is not None and vkind is not token and vkind is not str:
                push((value, depth))
