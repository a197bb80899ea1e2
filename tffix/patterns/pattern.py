"""A compiled pattern: what it matches, what it is replaced by, and the
``where`` constraints on its captures; finding its matches in a tree and
turning one into tree edits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from ..cst import nodes as n
from ..cst.positions import spans
from ..cst.values import NotLiteral, literal_value
from ..cst.visitor import parents, walk
from ..rewrite import FixBuilder
from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from ..text.lines import Lines
from .language import MetaVariable, mark, metavariable, unmark
from .matching import (
    Capture,
    Context,
    State,
    ground_codes,
    is_not_block,
    match,
    match_body,
    pattern_meta,
    quick_checks,
)
from .rewriting import Rewriter

__all__ = ["Constraint", "Found", "Pattern", "PatternError", "compile_pattern", "parse_pattern_text"]

#: the tree (or trees) a pattern was read from, for positions in errors
Tree: TypeAlias = "n.Module | Sequence[n.Module] | None"

#: decides a capture: True, False, or None when it cannot tell (a literal needed, a reference found)
Check = Callable[[Capture], "bool | None"]


class PatternError(ValueError):
    """A pattern (or pattern file) that cannot be used. ``str()`` is
    ``file:line:col: message``."""

    def __init__(self, message: str, path: str = "<pattern>", line: int = 1, column: int = 1) -> None:
        self.message, self.path, self.line, self.column = message, path, line, column
        super().__init__(f"{path}:{line}:{column}: {message}")


@dataclass(frozen=True)
class Constraint:
    """``where { NAME = ... }``: the check a capture must pass."""

    name: str
    check: Check
    text: str
    #: ``NAME = match(PATTERN)``: the capture must match PATTERN, whose metavariables it binds
    pattern: Any = None


@dataclass(frozen=True)
class Found:
    """One match: its captures (``state``), the code it matched (``node``:
    the first item of a body pattern, or the expression), the block or file
    whose body matched (body patterns), and whether a ``where`` could not
    decide (``undecided``: a literal was needed where a reference stands)."""

    state: State
    node: Any
    owner: n.Block | n.Module | None = None
    undecided: tuple[str, ...] = ()

    @property
    def captures(self) -> dict[str, Capture]:
        return self.state.captures


_BODIES: dict[int, tuple[n.Module, list[tuple[Any, tuple[Any, ...], frozenset[str]]]]] = {}


_LABELS: dict[int, tuple[n.Module, dict[tuple[str, str], list[n.Block]]]] = {}


def _by_label(tree: n.Module, kind: str, labels: frozenset[str] | None) -> list[Any]:
    """The top-level blocks of ``tree`` of type ``kind`` whose first label
    is one of ``labels``, in order (an index made once per tree)."""
    cached = _LABELS.get(id(tree))
    if cached is None or cached[0] is not tree:
        index: dict[tuple[str, str], list[n.Block]] = {}
        for item in tree.body.items:
            if type(item) is n.Block and item.labels:
                index.setdefault((item.type.text, item.label_values[0]), []).append(item)
        if len(_LABELS) >= 64:
            _LABELS.clear()
        cached = _LABELS[id(tree)] = (tree, index)
    if labels is None:
        return [item for item in tree.body.items if type(item) is n.Block and item.type.text == kind]
    found = [block for label in labels for block in cached[1].get((kind, label), ())]
    return sorted(found, key=lambda block: first_token_offset(tree, block)) if len(found) > 1 else found


def first_token_offset(tree: n.Module, block: n.Block) -> int:
    return tree.body.items.index(block)


def _top_names(tree: n.Module) -> Iterator[str]:
    for item in tree.body.items:
        if type(item) is n.Block:
            yield item.type.text
        elif type(item) is n.Attribute:
            yield item.name.text


def _bodies(tree: n.Module) -> list[tuple[Any, tuple[Any, ...], frozenset[str]]]:
    """Every block (and the file) of ``tree`` with the blocks around it and
    the names of its body's items: worked out once per tree for all the
    patterns of a run (the last few trees are kept)."""
    cached = _BODIES.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    out: list[tuple[Any, tuple[Any, ...], frozenset[str]]] = []
    owners: list[tuple[n.Block | n.Module, tuple[n.Block, ...]]] = [(tree, ())]
    while owners:
        owner, above = owners.pop()
        items = owner.body.items
        around = (owner, *above) if type(owner) is n.Block else above
        names = set()
        for item in reversed(items):
            if type(item) is n.Block:
                owners.append((item, around))
                names.add(item.type.text)
            elif type(item) is n.Attribute:
                names.add(item.name.text)
        out.append((owner, around, frozenset(names)))
    if len(_BODIES) >= 64:
        _BODIES.clear()
    _BODIES[id(tree)] = (tree, out)
    return out


@dataclass(frozen=True)
class _Candidate:
    """A match before ``inside`` / ``not_inside`` / ``unless`` are checked:
    with the blocks around it, nearest first."""

    state: State
    node: Any
    owner: n.Block | n.Module | None
    ancestors: tuple[Any, ...]


@dataclass(frozen=True)
class Pattern:
    """``match`` (body items, or one expression), the optional ``replace``
    of the same kind, and ``where`` constraints."""

    match: tuple[Any, ...] | n.Expression
    replace: tuple[Any, ...] | n.Expression | None = None
    where: tuple[Constraint, ...] = ()
    _keys: frozenset[str] = field(default=frozenset(), compare=False)
    #: a block around the match must match one of these (``inside { }``) ...
    inside: tuple[Any, ...] = ()
    #: ... and none of these (``not_inside { }``)
    not_inside: tuple[Any, ...] = ()
    #: no top-level item of the module may match one of these (``unless { }``)
    unless: tuple[Any, ...] = ()
    #: some top-level item of the module must match one of these (``requires { }``)
    requires: tuple[Any, ...] = ()
    #: blocks a fix adds to the module when it has none of that type and labels (``add { }``)
    add: tuple[Any, ...] = ()
    #: the message of this pattern's findings, when not the rule's
    message: str = ""
    #: the metavariable whose code a finding is shown at (``at = $X``), if set
    at: str = ""
    #: the names of the metavariables match and inside bind
    bound: frozenset[str] = frozenset()
    #: the code of the pattern's nodes that hold no metavariable (``matching.ground_codes``)
    ground: dict[int, tuple[str, ...]] = field(default_factory=dict, compare=False)
    #: what block patterns require of a block before matching (``matching.quick_checks``)
    quick: dict[int, Any] = field(default_factory=dict, compare=False)
    #: every item of match is a block only a file's top level may hold (``resource``, ``variable``...)
    _top_level: bool = False
    #: match is one such block whose first label must be one of a few values:
    #: (its type, the values), the blocks looked at (``_by_label``)
    _by_label: tuple[str, frozenset[str] | None] | None = None
    #: match is one attribute whose name is a metavariable a ``where`` checks: that name
    _named: str = ""

    def _name_check(self, start: State) -> Callable[[str], bool] | None:
        """For ``$K = ...`` checked by a where: whether an attribute name may be K (each name asked once)."""
        check = start.context.checks.get(self._named) if self._named else None
        if check is None:
            return None
        verdicts: dict[str, bool] = {}

        def allowed(name: str) -> bool:
            verdict = verdicts.get(name)
            if verdict is None:
                verdict = verdicts[name] = check(Capture((n.Token("IDENT", name),))) is not False
            return verdict

        return allowed

    @property
    def is_body(self) -> bool:
        return type(self.match) is tuple

    def find(
        self,
        tree: n.Module,
        *,
        module: Sequence[n.Module] = (),
        resolve: Callable[[Any], Any] | None = None,
        candidates: Sequence[n.Block] | None = None,
    ) -> Iterator[Found]:
        """Every match in ``tree``, each once. ``module`` is every tree of the
        module (for ``unless``; default: ``tree`` alone); ``resolve`` gives
        what a ``local.x`` reference stands for, to match through locals;
        ``candidates``, when ``by_label`` is set, the top-level blocks of
        ``tree`` it names (from the module's index; default: looked up)."""
        checks = {c.name: c.check for c in self.where if c.pattern is None}
        start = State(context=Context(resolve, checks, self.ground, self.quick))
        trees = tuple(module) or (tree,)
        if isinstance(self.match, tuple):
            found = self._find_items(tree, self.match, start, candidates)
        else:
            found = self._find_expressions(tree, self.match, start)
        for one in found:
            state = self._surroundings(one.state, one.ancestors, trees)
            if state is None:
                continue
            verdict, state = self._decide(state)
            if verdict is False or not self._module_allows(state, trees):
                continue
            yield Found(state, one.node, one.owner, () if verdict is True else verdict)

    def _surroundings(self, state: State, ancestors: tuple[Any, ...], trees: tuple[n.Module, ...]) -> State | None:
        """``state`` with what ``inside`` binds, or None when ``inside``,
        ``not_inside`` or ``unless`` rule the match out."""
        for pattern in self.inside:
            for block in ancestors:
                bound = next(match(pattern, block, state), None)
                if bound is not None:
                    state = bound
                    break
            else:
                return None
        for pattern in self.not_inside:
            if any(next(match(pattern, block, state), None) is not None for block in ancestors):
                return None
        return state

    def _module_allows(self, state: State, trees: tuple[n.Module, ...]) -> bool:
        """Whether ``unless`` and ``requires`` let the match through."""
        for pattern in self.unless:
            for tree in trees:
                if any(next(match(pattern, item, state), None) is not None for item in tree.body.items):
                    return False
        return not self.requires or any(
            next(match(pattern, item, state), None) is not None
            for pattern in self.requires
            for tree in trees
            for item in tree.body.items
        )

    @property
    def by_label(self) -> tuple[str, frozenset[str] | None] | None:
        """(type, first labels) when match is one top-level block whose first
        label a ``where`` limits to a few values: only those blocks can match."""
        return self._by_label

    def _find_items(
        self, tree: n.Module, items: tuple[Any, ...], start: State, candidates: Sequence[n.Block] | None = None
    ) -> Iterator[_Candidate]:
        positive = [i for i in items if type(i) is not n.EmptyLine and not is_not_block(i)]
        seen: set[tuple[int, ...]] = set()
        keys = self._keys
        name_check = self._name_check(start)
        if self._by_label is not None:  # one top-level block, its first label one of a few: those blocks alone
            codes: Sequence[Any] = (
                candidates if candidates is not None else _by_label(tree, self._by_label[0], self._by_label[1])
            )
            bodies: Sequence[tuple[Any, tuple[Any, ...], frozenset[str]]] = [(tree, (), keys)] if codes else []
        elif self._top_level:  # blocks Terraform allows only at the top of a file: looked for there alone
            bodies = [(tree, (), frozenset(_top_names(tree)))]
        else:
            bodies = _bodies(tree)
        for owner, around, names in bodies:
            if keys and not keys <= names:
                continue
            if name_check is not None and not any(name_check(name) for name in names):
                continue
            if self._by_label is None:
                codes = owner.body.items
            for state in match_body(items, codes, start):
                # one match per choice of code (not per way of splitting a $...X run)
                key = tuple(sorted(id(code) for code in state.pairs.values() if type(code) is not tuple))
                if key in seen:
                    continue
                if self._decide(state, partial=True)[0] is False:
                    continue
                seen.add(key)
                node = state.pairs.get(id(positive[0])) if positive else owner
                yield _Candidate(state, node, owner, around)

    def _find_expressions(self, tree: n.Module, pattern: n.Expression, start: State) -> Iterator[_Candidate]:
        kind = type(pattern)
        up = parents(tree) if self.inside or self.not_inside else {}
        for node in walk(tree):
            if type(node) is not kind:
                continue
            for state in match(pattern, node, start):
                if self._decide(state, partial=True)[0] is False:
                    continue
                above: list[Any] = []
                parent = up.get(id(node))
                while parent is not None:
                    if type(parent) is n.Block:
                        above.append(parent)
                    parent = up.get(id(parent))
                yield _Candidate(state, node, None, tuple(above))
                break

    def _decide(self, state: State, *, partial: bool = False) -> tuple[bool | tuple[str, ...], State]:
        """True when every constraint holds, False when one fails, else the
        constraints that could not tell; with the state ``match(...)``
        checks extended. ``partial``: before ``inside`` bound its captures
        (a constraint on one of those waits)."""
        open_: list[str] = []
        for constraint in self.where:
            captured = state.captures.get(constraint.name)
            if captured is None:
                if partial:
                    continue
                return False, state
            if constraint.pattern is not None:
                bound = (
                    next(match(constraint.pattern, captured.nodes[0], state), None)
                    if len(captured.nodes) == 1
                    else None
                )
                if bound is None:
                    return False, state
                state = bound
                continue
            verdict = constraint.check(captured)
            if verdict is False:
                return False, state
            if verdict is None:
                open_.append(constraint.text)
        return tuple(open_) or True, state

    def rewrite(self, builder: FixBuilder, found: Found) -> Any:
        """Queue the edits ``replace`` makes of ``found`` on ``builder``;
        return the first node edited (None: nothing to change)."""
        if self.replace is None:
            return None
        rewriter = Rewriter(builder, found.state)
        if type(self.match) is tuple:
            assert type(self.replace) is tuple and found.owner is not None
            rewriter.body(self.match, self.replace, found.owner)
        else:
            rewriter.expression(self.match, self.replace, found.node)
        if rewriter.focus is not None:
            rewriter.add(self.add)
        return rewriter.focus


# -- compiling ---------------------------------------------------------------

#: blocks Terraform allows only at the top level of a file (``data`` is not
#: one: a ``check`` block may hold one)
TOP_LEVEL_BLOCKS = frozenset(
    {"resource", "variable", "output", "locals", "module", "provider", "terraform", "moved", "import", "removed"}
)


def parse_pattern_text(text: str, path: str = "<pattern>") -> n.Module:
    """Parse pattern text (``$`` metavariables allowed) into a tree; raises PatternError."""
    try:
        marked = mark(text)
    except ValueError as e:
        raise PatternError(str(e), path) from None
    try:
        return parse_module(marked, path=path)
    except ParseError as e:
        raise PatternError(
            unmark(f"{e.summary}: {e.detail}" if e.detail else e.summary), path, e.line, e.column
        ) from None


def compile_pattern(
    match_text: str, replace_text: str | None = None, *, where: Sequence[Constraint] = (), path: str = "<pattern>"
) -> Pattern:
    """A pattern from text, as ``tffix grep`` and ``tffix codemod --match``
    take it: body items (``resource "aws_instance" "$N" { ... }``) or one
    expression (``base64encode($X)``)."""
    found, tree = _part(match_text, path)
    trees = [tree]
    replaced = None
    if replace_text is not None:
        replaced, other = _part(replace_text, path)
        trees.append(other)
    if replaced is not None and (type(found) is tuple) != (type(replaced) is tuple):
        raise PatternError("match and replace must both be body items or both one expression", path)
    return build_pattern(found, replaced, tuple(where), path=path, tree=trees)


def _part(text: str, path: str) -> tuple[tuple[Any, ...] | n.Expression, n.Module]:
    try:
        tree = parse_pattern_text(text, path)
    except PatternError as body_error:
        try:
            tree = parse_pattern_text("__pattern__ = " + text.strip() + "\n", path)
        except PatternError:
            raise body_error from None
        attribute = tree.body.items[0]
        assert type(attribute) is n.Attribute
        return attribute.value, tree
    return tuple(tree.body.items), tree


def build_pattern(
    found: tuple[Any, ...] | n.Expression,
    replaced: tuple[Any, ...] | n.Expression | None,
    where: tuple[Constraint, ...],
    *,
    path: str = "<pattern>",
    tree: Tree = None,
    inside: tuple[Any, ...] = (),
    not_inside: tuple[Any, ...] = (),
    unless: tuple[Any, ...] = (),
    requires: tuple[Any, ...] = (),
    add: tuple[Any, ...] = (),
) -> Pattern:
    """Check a parsed ``match`` / ``replace`` pair and make the Pattern.
    ``tree`` is the pattern file's, for positions in errors. What
    ``inside`` binds can be used as what ``match`` binds."""
    inside = tuple(i for i in inside if type(i) is not n.EmptyLine)
    not_inside = tuple(i for i in not_inside if type(i) is not n.EmptyLine)
    unless = tuple(i for i in unless if type(i) is not n.EmptyLine)
    requires = tuple(i for i in requires if type(i) is not n.EmptyLine)
    add = tuple(i for i in add if type(i) is not n.EmptyLine)
    for item in add:
        if type(item) is not n.Block:
            raise _error(tree, item, path, "add holds blocks (a variable, a moved block...)")
    bound = _metavariables(found, tree, path, replacing=False)
    for item in inside:
        for name, meta in _metavariables((item,), tree, path, replacing=False).items():
            bound.setdefault(name, meta)
    for constraint in where:
        if constraint.name not in bound:
            raise PatternError(f"where: ${constraint.name} is not a metavariable of match", path)
        if constraint.pattern is not None:
            for name, meta in _metavariables(constraint.pattern, tree, path, replacing=False).items():
                bound.setdefault(name, meta)
    if replaced is not None:
        for meta, node in _uses(replaced):
            if meta.kind == "any":
                raise _error(tree, node, path, "$_ matches anything and binds nothing: it cannot be used in replace")
            if meta.name not in bound:
                known = ", ".join(sorted(str(m) for m in bound.values())) or "none"
                raise _error(tree, node, path, f"unknown metavariable {meta} in replace (match binds: {known})")
            if bound[meta.name].kind != meta.kind:
                raise _error(tree, node, path, f"{meta} is bound as {bound[meta.name]} in match")
        _metavariables(replaced, tree, path, replacing=True)
    keys: frozenset[str] = frozenset()
    if type(found) is tuple:
        keys = frozenset(
            name
            for item in found
            if type(item) in (n.Attribute, n.Block) and not is_not_block(item)
            for name in [item.name.text if type(item) is n.Attribute else item.type.text]
            if metavariable(name) is None
        )
        if not [i for i in found if type(i) is not n.EmptyLine and not is_not_block(i)]:
            raise PatternError("match holds nothing to look for", path)
    if add and replaced is None:
        raise _error(tree, add[0], path, "add needs a replace: code is added with a fix")
    for meta, node in _uses(add):
        if meta.kind != "any" and meta.name not in bound:
            raise _error(tree, node, path, f"unknown metavariable {meta} in add")
    roots: list[Any] = [*_roots(found), *inside, *not_inside, *unless, *requires]
    roots += [c.pattern for c in where if c.pattern is not None]
    ground = ground_codes(roots)
    return Pattern(
        found,
        replaced,
        where,
        keys,
        inside,
        not_inside,
        unless,
        requires,
        add,
        bound=frozenset(bound),
        ground=ground,
        quick=quick_checks(roots, ground),
        _top_level=type(found) is tuple
        and all(
            type(i) is n.Block and i.type.text in TOP_LEVEL_BLOCKS
            for i in found
            if type(i) is not n.EmptyLine and not is_not_block(i)
        ),
        _by_label=_label_index(found, where),
        _named=_named(found, where),
    )


def _items_of(found: tuple[Any, ...] | n.Expression) -> list[Any] | None:
    """match's items when it is exactly one positive item (no not, no $...X)."""
    if type(found) is not tuple:
        return None
    items = [i for i in found if type(i) is not n.EmptyLine]
    if len(items) != 1 or is_not_block(items[0]):
        return None
    return items


def _label_index(
    found: tuple[Any, ...] | n.Expression, where: tuple[Constraint, ...]
) -> tuple[str, frozenset[str] | None] | None:
    items = _items_of(found)
    if items is None or type(items[0]) is not n.Block or items[0].type.text not in TOP_LEVEL_BLOCKS:
        return None
    block = items[0]
    meta = pattern_meta(block.labels[0]) if block.labels else None
    for constraint in where:
        if meta is None or constraint.name != meta.name or constraint.pattern is not None:
            continue
        if isinstance(constraint.check, _OneOf):
            return block.type.text, constraint.check.values
    if block.labels and meta is None and type(block.labels[0]) is n.Template:
        literal = _label_literal(block.labels[0])
        if literal is not None:
            return block.type.text, frozenset({literal})
    return block.type.text, None


def _label_literal(label: n.Template) -> str | None:
    try:
        value = literal_value(label)
    except NotLiteral:
        return None
    return value if isinstance(value, str) else None


def _named(found: tuple[Any, ...] | n.Expression, where: tuple[Constraint, ...]) -> str:
    items = _items_of(found)
    if items is None or type(items[0]) is not n.Attribute:
        return ""
    meta = metavariable(items[0].name.text)
    if meta is None or meta.kind != "one" or not any(c.name == meta.name and c.pattern is None for c in where):
        return ""
    return meta.name


def locate(tree: n.Module | Sequence[n.Module], node: Any) -> tuple[int, int]:
    """1-based (line, column) of a node or token of a pattern file's tree
    (or of one of several trees: a ``--match`` and its ``--replace``)."""
    for one in [tree] if isinstance(tree, n.Module) else tree:
        found = spans(one).text.get(id(node))
        if found is not None:
            return Lines(one.code).location(found[0])
    return (1, 1)


def _error(tree: Tree, node: Any, path: str, message: str) -> PatternError:
    if tree is not None:
        line, column = locate(tree, node)
        return PatternError(message, path, line, column)
    return PatternError(message, path)


def _roots(part: tuple[Any, ...] | n.Expression) -> list[Any]:
    return list(part) if type(part) is tuple else [part]


def _uses(part: tuple[Any, ...] | n.Expression, *, skip_not: bool = False) -> Iterator[tuple[MetaVariable, Any]]:
    """Every metavariable in ``part`` with the node that spells it."""
    for root in _roots(part):
        stack = [root]
        while stack:
            node = stack.pop()
            if skip_not and is_not_block(node):
                continue
            meta = pattern_meta(node)
            if meta is not None and type(node) is not n.Element:
                yield meta, node
                continue
            if type(node) is n.Attribute and (meta := metavariable(node.name.text)) is not None:
                yield meta, node.name
            if type(node) is n.Block and (meta := metavariable(node.type.text)) is not None:
                yield meta, node.type
            if type(node) is n.GetAttr and (meta := metavariable(node.name.text)) is not None:
                yield meta, node.name
            if type(node) is n.FunctionCall and len(node.name) == 1 and (meta := metavariable(node.name[0].text)):
                yield meta, node.name[0]
            if isinstance(node, n.Node):
                stack.extend(reversed([c for c in node.children() if isinstance(c, n.Node)]))


def _metavariables(
    part: tuple[Any, ...] | n.Expression, tree: Tree, path: str, *, replacing: bool
) -> dict[str, MetaVariable]:
    """The metavariables ``part`` binds (those inside ``not`` bind nothing
    outside it), checking each stands where its kind may."""
    bound: dict[str, MetaVariable] = {}
    for root in _roots(part):
        if replacing and is_not_block(root):
            raise _error(tree, root, path, "not { } belongs in match, not in replace")
        up = parents(root)
        for node in walk(root):
            meta = pattern_meta(node) if type(node) is n.Variable else None
            if meta is not None and meta.kind == "many" and type(up.get(id(node))) is not n.Element:
                parent = up.get(id(node))
                if not (type(parent) in (n.Attribute, n.ObjectItem) and metavariable(_name_of(parent)) == meta):
                    raise _error(tree, node, path, f"{meta} stands for several items; here one expression is needed")
    for meta, node in _uses(part, skip_not=True):
        if meta.kind != "any":
            bound.setdefault(meta.name, meta)
    return bound


def _name_of(item: Any) -> str:
    if type(item) is n.Attribute:
        return item.name.text
    key = item.key
    return key.name.text if type(key) is n.Variable else ""


# -- where ---------------------------------------------------------------------


def _value(capture: Capture) -> tuple[bool, Any]:
    """(is it a literal, its value) of a capture: labels and names are literals."""
    if len(capture.nodes) != 1:
        return False, None
    node = capture.nodes[0]
    if type(node) is n.Token:
        return True, node.text
    try:
        return True, literal_value(node)
    except NotLiteral:
        return False, None


def _reference(capture: Capture) -> bool:
    node: Any = capture.nodes[0] if len(capture.nodes) == 1 else None
    while type(node) in (n.GetAttr, n.Index, n.Splat):
        node = node.obj
    return type(node) is n.Variable


_KINDS: dict[str, Check] = {
    "literal": lambda c: _value(c)[0],
    "reference": _reference,
    "string": lambda c: isinstance(_value(c)[1], str) if _value(c)[0] else (None if _reference(c) else False),
    "number": lambda c: (type(_value(c)[1]) in (int, float)) if _value(c)[0] else (None if _reference(c) else False),
    "bool": lambda c: isinstance(_value(c)[1], bool) if _value(c)[0] else (None if _reference(c) else False),
    "call": lambda c: len(c.nodes) == 1 and type(c.nodes[0]) is n.FunctionCall,
}


def _never(capture: Capture) -> bool | None:
    return False


class _OneOf:
    """``one_of([...])``: its values are known, so a label checked by it
    narrows the blocks looked at to those with one of them."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = frozenset(values)

    def __call__(self, capture: Capture) -> bool | None:
        wanted = self.values
        literal, value = _value(capture)
        if literal:
            return str(value).lower() in wanted if isinstance(value, bool) else str(value) in wanted
        if capture.key in wanted:  # a bare word (`list`), a call written out
            return True
        bare = len(capture.nodes) == 1 and type(capture.nodes[0]) is n.Variable
        return None if _reference(capture) and not bare else False


def _one_of(values: Sequence[str]) -> Check:
    return _OneOf(values)


def _regex(expression: str) -> Check:
    compiled = re.compile(expression)

    def check(capture: Capture) -> bool | None:
        literal, value = _value(capture)
        text = str(value) if literal else capture.text
        return compiled.search(text) is not None

    return check


def _not(inner: Check) -> Check:
    def check(capture: Capture) -> bool | None:
        verdict = inner(capture)
        return None if verdict is None else not verdict

    return check


def _all(inners: Sequence[Check]) -> Check:
    def check(capture: Capture) -> bool | None:
        undecided = False
        for inner in inners:
            verdict = inner(capture)
            if verdict is False:
                return False
            undecided = undecided or verdict is None
        return None if undecided else True

    return check


def constraint(expr: n.Expression, tree: Tree, path: str) -> Check:
    """The check a ``where`` value spells (see docs/patterns.md)."""
    if type(expr) is n.Variable:
        kind = _KINDS.get(expr.name.text)
        if kind is None:
            raise _error(tree, expr, path, f"unknown check {expr.name.text!r} (known: {', '.join(_KINDS)})")
        return kind
    if type(expr) is n.Tuple:
        return _one_of([_string(e.value, tree, path) for e in expr.elements])
    if type(expr) in (n.Template, n.Literal, n.Heredoc):
        return _one_of([_string(expr, tree, path)])
    if type(expr) is n.FunctionCall:
        name = expr.function_name
        args = [e.value for e in expr.args]
        if name == "match" and len(args) == 1:
            return _never  # stands for the pattern it holds (Constraint.pattern)
        if name in ("regex", "not_regex") and len(args) == 1:
            try:
                check = _regex(_string(args[0], tree, path))
            except re.error as e:
                raise _error(tree, args[0], path, f"invalid regex: {e}") from None
            return _not(check) if name == "not_regex" else check
        if name in ("one_of", "not_one_of") and len(args) == 1 and type(args[0]) is n.Tuple:
            check = constraint(args[0], tree, path)
            return _not(check) if name == "not_one_of" else check
        if name == "not" and len(args) == 1:
            return _not(constraint(args[0], tree, path))
        if name == "all" and args:
            return _all([constraint(a, tree, path) for a in args])
        raise _error(
            tree,
            expr,
            path,
            f"unknown check {name}(...) (known: match, regex, not_regex, one_of, not_one_of, not, all)",
        )
    raise _error(
        tree, expr, path, "a where check is a string, a list of strings, a kind (literal, reference...) or a check call"
    )


def _string(expr: Any, tree: Tree, path: str) -> str:
    try:
        value = literal_value(expr)
    except NotLiteral:
        value = None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (str, int, float)):
        return unmark(str(value))
    raise _error(tree, expr, path, "a literal value is needed here")
