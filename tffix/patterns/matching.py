"""Matching a pattern tree against code, with metavariables.

A pattern is an ordinary tree parsed from HCL whose metavariables are spelt
with ``language.MARK``. Matching is a backtracking search written as
generators: each way a pattern fits yields the ``State`` it leads to (the
captures, and which code each pattern item matched, which ``replace``
needs). Trivia (spaces, comments, line breaks, commas) never matters.

- ``$X`` matches one expression, a label, a name (``$K = ...``, ``$F(...)``,
  ``a.$B``); ``$_`` matches one and binds nothing; a metavariable met twice
  must match equal code (compared without trivia);
- ``$...X`` matches zero or more tuple elements or call arguments (in
  order), and in a body or an object the items no other pattern item took;
- a body pattern matches a body holding an item for each of its items, in
  any order (items it does not name are allowed); ``not { ... }`` in it
  requires that its items are not all found;
- an object pattern without ``$...X`` must name every item of the object
  (in any order);
- a pattern that is not a string also matches the interpolation-only
  string that wraps such code (``"${f(x)}"`` is ``f(x)``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..cst import nodes as n
from ..cst.values import NotLiteral, literal_value
from .language import MetaVariable, metavariable

__all__ = [
    "Capture",
    "Context",
    "State",
    "ground_codes",
    "is_not_block",
    "match",
    "match_body",
    "normal",
    "pattern_meta",
    "quick_checks",
]

#: fields that hold only trivia, separators or owned comments: never compared
_SKIPPED = frozenset({"leading", "newline", "open_newline", "comma"})


class Capture:
    """What a metavariable matched: the nodes (or tokens), the text a
    message shows (a label's or a string's value, else the code), and the
    code without trivia that a second use of the metavariable must equal
    (both worked out when first asked for)."""

    __slots__ = ("_key", "_text", "nodes")

    def __init__(self, nodes: tuple[Any, ...], text: str | None = None, key: str | None = None) -> None:
        self.nodes = nodes
        self._text = text
        self._key = key

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = _text(self.nodes[0] if len(self.nodes) == 1 else self.nodes) if self.nodes else ""
        return self._text

    @property
    def key(self) -> str:
        if self._key is None:
            node: Any = self.nodes[0] if len(self.nodes) == 1 else self.nodes
            self._key = (
                "" if not self.nodes else _label_key(node) if type(node) in (n.Token, n.Template) else normal(node)
            )
        return self._key

    def __repr__(self) -> str:
        return f"Capture({self.text!r})"


@dataclass(frozen=True)
class Context:
    """What stays the same through one search: how ``local.x`` is resolved
    (when the rule follows locals), the ``where`` checks run as soon as
    their metavariable is bound, and the code of every pattern node that
    holds no metavariable (compared token by token, not node by node)."""

    resolve: Any = None
    checks: dict[str, Any] = field(default_factory=dict)
    ground: dict[int, tuple[str, ...]] = field(default_factory=dict)
    #: ``id`` of a block pattern -> (attribute name, its value's code or None,
    #: the metavariable its value is or "") of each attribute its body names:
    #: a block lacking one of them is passed over before any matching
    quick: dict[int, tuple[tuple[str, tuple[str, ...] | None, str], ...]] = field(default_factory=dict)


_NO_CONTEXT = Context()


@dataclass(frozen=True)
class State:
    """One way a pattern fits: the captures by name and, by ``id`` of each
    pattern node paired with code, the code it matched."""

    captures: dict[str, Capture] = field(default_factory=dict)
    pairs: dict[int, Any] = field(default_factory=dict)
    context: Context = _NO_CONTEXT

    @property
    def resolve(self) -> Any:
        return self.context.resolve

    def bind(self, meta: MetaVariable, capture: Capture) -> State | None:
        if meta.kind == "any":
            return self
        old = self.captures.get(meta.name)
        if old is not None:
            return self if old.key == capture.key else None
        check = self.context.checks.get(meta.name)
        if check is not None and check(capture) is False:
            return None
        return State({**self.captures, meta.name: capture}, self.pairs, self.context)

    def pair(self, pattern: Any, code: Any) -> State:
        return State(self.captures, {**self.pairs, id(pattern): code}, self.context)


def ground_codes(roots: Any) -> dict[int, tuple[str, ...]]:
    """``id`` -> token texts of every pattern node below ``roots`` that holds
    no metavariable (those compare as code, without trivia)."""
    out: dict[int, tuple[str, ...]] = {}
    stack: list[tuple[Any, bool]] = [(root, False) for root in roots]
    done: dict[int, bool] = {}
    while stack:
        node, expanded = stack.pop()
        if expanded:
            children = [c for c in node.children() if isinstance(c, n.Node)]
            plain = all(done.get(id(c), False) for c in children) and not any(
                type(t) is n.Token and metavariable(t.text) is not None for t in node.children()
            )
            plain = plain and pattern_meta(node) is None and not is_not_block(node) and _rest(node) is None
            if type(node) in (n.Body, n.Object, n.Block, n.Attribute, n.Module):
                plain = False  # bodies and objects match in any order, never as plain code
            done[id(node)] = plain
            if plain:
                out[id(node)] = tuple(t.text for t in node.tokens() if t.kind not in _TRIVIAL_KINDS)
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in node.children() if isinstance(c, n.Node))
    return out


_TRIVIAL_KINDS = frozenset({"NEWLINE", "EOF", "COMMA"})


def quick_checks(
    roots: Any, ground: dict[int, tuple[str, ...]]
) -> dict[int, tuple[tuple[str, tuple[str, ...] | None, str], ...]]:
    """For every block pattern below ``roots``: what its body's attributes
    with plain names require (see ``Context.quick``)."""
    out: dict[int, tuple[tuple[str, tuple[str, ...] | None, str], ...]] = {}
    stack = list(roots)
    while stack:
        node = stack.pop()
        if not isinstance(node, n.Node):
            continue
        if type(node) is n.Block and not is_not_block(node):
            wants = []
            for item in node.body.items:
                if type(item) is not n.Attribute or metavariable(item.name.text) is not None:
                    continue
                meta = pattern_meta(item.value)
                wants.append(
                    (item.name.text, ground.get(id(item.value)), meta.name if meta and meta.kind == "one" else "")
                )
            if wants:
                out[id(node)] = tuple(wants)
        stack.extend(c for c in node.children() if isinstance(c, n.Node) and not is_not_block(c))
    return out


def _passes(wants: tuple[tuple[str, tuple[str, ...] | None, str], ...], code: Any, context: Context) -> bool:
    """Whether ``code`` (a block) has what a block pattern's ``Context.quick`` entry requires."""
    if type(code) is not n.Block:
        return True
    body = code.body
    for name, value, meta in wants:
        attribute = body.attribute(name)
        if attribute is None:
            return False
        if context.resolve is not None:
            continue
        if value is not None and not _same_code(value, attribute.value) and type(attribute.value) is not n.Template:
            return False
        if meta:
            check = context.checks.get(meta)
            if check is not None and check(Capture((attribute.value,))) is False:
                return False
    return True


def _same_code(texts: tuple[str, ...], code: Any) -> bool:
    if not isinstance(code, n.Node):
        return False
    i = 0
    size = len(texts)
    for token in code.tokens():
        if token.kind in _TRIVIAL_KINDS:
            continue
        if i >= size or token.text != texts[i]:
            return False
        i += 1
    return i == size


def normal(node: Any) -> str:
    """The code of a node, token or sequence of them without trivia."""
    if type(node) is n.Token:
        return node.text
    if type(node) is tuple:
        return ", ".join(normal(item) for item in node)
    assert isinstance(node, n.Node)
    return " ".join(token.text for token in node.tokens() if token.kind not in ("NEWLINE", "EOF"))


def _text(node: Any) -> str:
    """What a message shows for a captured node: a label's or a literal's value, else its code."""
    if type(node) is n.Token:
        return node.text
    if type(node) is tuple:
        return ", ".join(_text(item) for item in node)
    if type(node) is n.Element:
        return _text(node.value)
    if type(node) in (n.Template, n.Heredoc, n.Literal):
        try:
            value = literal_value(node)
        except NotLiteral:
            pass
        else:
            if isinstance(value, str):
                return value
    assert isinstance(node, n.Node)
    return node.code.strip()


def capture(nodes: tuple[Any, ...]) -> Capture:
    return Capture(nodes)


def _label_key(node: Any) -> str:
    """A label or name compared by the text it stands for (``"web"`` is ``web``)."""
    if type(node) is n.Token:
        return node.text if node.kind == "IDENT" else normal(node)
    try:
        value = literal_value(node)
    except NotLiteral:
        return normal(node)
    return value if isinstance(value, str) else normal(node)


def pattern_meta(node: Any) -> MetaVariable | None:
    """The metavariable a pattern node is, if it is one."""
    kind = type(node)
    if kind is n.Variable:
        return metavariable(node.name.text)
    if kind is n.Token:
        return metavariable(node.text)
    if kind is n.Template:
        parts = node.parts
        if len(parts) == 1 and type(parts[0]) is n.TemplateLiteral:
            return metavariable(parts[0].token.text)
    if kind is n.Element:
        return pattern_meta(node.value)
    return None


def is_not_block(item: Any) -> bool:
    """``not { ... }`` inside a body pattern."""
    return type(item) is n.Block and item.type.text == "not" and not item.labels


def _rest(item: Any) -> MetaVariable | None:
    """``$...X`` written as a body or object item (``ǂǂǂǂX = 0``)."""
    if type(item) is n.Attribute:
        meta = metavariable(item.name.text)
    elif type(item) is n.ObjectItem:
        meta = pattern_meta(item.key)
    else:
        return None
    return meta if meta is not None and meta.kind == "many" else None


def match(pattern: Any, code: Any, state: State) -> Iterator[State]:
    """Every way ``pattern`` fits ``code`` given ``state``."""
    meta = pattern_meta(pattern)
    if meta is not None and meta.kind != "many":
        if type(pattern) is n.Template and type(code) not in (n.Template, n.Token, n.Heredoc):
            return  # "$N" stands for a label or a string, not for any expression
        bound = state.bind(meta, capture((code,)))
        if bound is not None:
            yield bound.pair(pattern, code)
        return
    kind = type(pattern)
    ground = state.context.ground.get(id(pattern))
    if ground is not None and kind is type(code) and state.context.resolve is None:
        if _same_code(ground, code):
            yield state.pair(pattern, code)
        return
    if state.resolve is not None and type(code) is n.GetAttr and kind is not n.Token:
        value = state.resolve(code)  # local.x, matched by what it stands for
        if value is not None:
            yield from match(pattern, value, state)
            return
    if kind is not type(code):
        if type(code) is n.Template and kind not in (n.Template, n.Token):
            inner = _interpolation_only(code)
            if inner is not None:
                yield from match(pattern, inner, state)
        if kind is n.Template and type(code) is n.Token and _label_key(pattern) == code.text:
            yield state  # the label "web" against a bare label web
        return
    if kind is n.Token:
        if pattern.text == code.text:
            yield state
        return
    if kind is n.Body:
        yield from match_body(pattern.items, code.items, state)
        return
    if kind is n.Object:
        yield from _match_object(pattern, code, state)
        return
    if kind is n.Tuple:
        yield from _sequence(pattern.elements, code.elements, state)
        return
    if kind is n.FunctionCall:
        yield from _match_call(pattern, code, state)
        return
    if kind is n.Block and len(pattern.labels) != len(code.labels):
        return
    yield from _fields(_compared(pattern), _compared(code), state, pattern, code)


def _interpolation_only(code: n.Template) -> n.Expression | None:
    if len(code.parts) == 1 and type(code.parts[0]) is n.Interpolation:
        return code.parts[0].expr
    return None


def _compared(node: Any) -> list[Any]:
    names = node.__match_args__
    return [getattr(node, name) for name in names if name not in _SKIPPED]


def _fields(patterns: Sequence[Any], codes: Sequence[Any], state: State, whole: Any, code: Any) -> Iterator[State]:
    if not patterns:
        yield state.pair(whole, code)
        return
    first, other = patterns[0], codes[0]
    if type(first) is tuple:
        if type(other) is not tuple or (len(first) != len(other) and not any(pattern_meta(p) for p in first)):
            return
        inner: Iterator[State] = _tuple(first, other, state)
    elif first is None or other is None or type(first) is str:
        inner = iter((state,)) if first == other else iter(())
    else:
        inner = match(first, other, state)
    for next_state in inner:
        yield from _fields(patterns[1:], codes[1:], next_state, whole, code)


def _tuple(patterns: tuple[Any, ...], codes: tuple[Any, ...], state: State) -> Iterator[State]:
    """A tuple field: labels, template parts, name tokens: in order."""
    if len(patterns) != len(codes):
        return
    if not patterns:
        yield state
        return
    for next_state in match(patterns[0], codes[0], state):
        yield from _tuple(patterns[1:], codes[1:], next_state)


def _sequence(patterns: Sequence[n.Element], codes: Sequence[n.Element], state: State) -> Iterator[State]:
    """Tuple elements or call arguments, in order; ``$...X`` takes a run of them."""
    if not patterns:
        if not codes:
            yield state
        return
    first = patterns[0]
    meta = pattern_meta(first)
    if meta is not None and meta.kind == "many":
        for count in range(len(codes) + 1):
            bound = state.bind(meta, capture(tuple(codes[:count])) if count else Capture((), "", ""))
            if bound is not None:
                yield from _sequence(patterns[1:], codes[count:], bound.pair(first, tuple(codes[:count])))
        return
    if not codes:
        return
    for next_state in match(first.value, codes[0].value, state):
        yield from _sequence(patterns[1:], codes[1:], next_state.pair(first, codes[0]))


def _match_call(pattern: n.FunctionCall, code: n.FunctionCall, state: State) -> Iterator[State]:
    if (pattern.ellipsis is None) != (code.ellipsis is None):
        return
    if len(pattern.name) == 1 and (meta := pattern_meta(pattern.name[0])) is not None:
        name = n.Token("IDENT", code.function_name)
        bound = state.bind(meta, Capture((name,), name.text, name.text))
        if bound is None:
            return
        state = bound
    elif normal(pattern.name) != normal(code.name):
        return
    for next_state in _sequence(pattern.args, code.args, state):
        yield next_state.pair(pattern, code)


def _match_object(pattern: n.Object, code: n.Object, state: State) -> Iterator[State]:
    items = [i for i in pattern.items if type(i) is n.ObjectItem]
    targets = [i for i in code.items if type(i) is n.ObjectItem]
    rests = [i for i in items if _rest(i) is not None]
    positive = [i for i in items if _rest(i) is None]
    if not rests and len(positive) != len(targets):
        return
    for next_state in _unordered(positive, targets, state, rests, [], ()):
        yield next_state.pair(pattern, code)


def match_body(patterns: Sequence[Any], codes: Sequence[Any], state: State) -> Iterator[State]:
    """A body pattern's items against a body's: each pattern item pairs with
    its own code item, in any order; ``not`` blocks must not match; a
    ``$...X`` item takes the items left over."""
    items = [i for i in patterns if type(i) is not n.EmptyLine]
    targets = [i for i in codes if type(i) is not n.EmptyLine]
    nots = [i for i in items if is_not_block(i)]
    rests = [i for i in items if _rest(i) is not None]
    positive = [i for i in items if not is_not_block(i) and _rest(i) is None]
    yield from _unordered(positive, targets, state, rests, nots, ())


def _unordered(
    patterns: Sequence[Any],
    codes: Sequence[Any],
    state: State,
    rests: Sequence[Any],
    nots: Sequence[n.Block],
    used: tuple[int, ...],
) -> Iterator[State]:
    if not patterns:
        for block in nots:
            if next(match_body(block.body.items, codes, state), None) is not None:
                return
        left = tuple(code for i, code in enumerate(codes) if i not in used) if rests else ()
        for rest in rests:
            meta = _rest(rest)
            assert meta is not None
            bound = state.bind(meta, capture(left) if left else Capture((), "", ""))
            if bound is None:
                return
            state = bound.pair(rest, left)
            left = ()
        yield state
        return
    first = patterns[0]
    key = _item_key(first)
    wants = state.context.quick.get(id(first))
    for i, code in enumerate(codes):
        if i in used or (key is not None and _item_key(code) != key):
            continue
        if wants is not None and not _passes(wants, code, state.context):
            continue
        for next_state in match(first, code, state):
            yield from _unordered(patterns[1:], codes, next_state.pair(first, code), rests, nots, (*used, i))


def _item_key(item: Any) -> str | None:
    """An item's name (attribute, block type, object key), None when the
    pattern's is a metavariable: a quick way to skip what cannot match."""
    if type(item) is n.Attribute:
        name: str = item.name.text
    elif type(item) is n.Block:
        name = item.type.text
    elif type(item) is n.ObjectItem:
        return None
    else:
        return None
    return None if metavariable(name) is not None else name
