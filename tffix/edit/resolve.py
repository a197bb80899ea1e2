"""From an address to the nodes it names in a module's files.

Each match is a ``Match``: the node (a block, an attribute, an object item,
or an element of a tuple or of a call's arguments), the file it is in, the
node that holds it, and the concrete address that names it alone (what
``tffix edit list`` prints). Steps that do not fit the shape of the code
raise ``ShapeError`` with a message that says what the shape is and which
step would fit (``tags`` holds an object: use ``tags["Owner"]``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.quoting import is_identifier
from ..cst.values import NotLiteral, literal_value, template_text
from .address import KINDS, Address, All, Filter, Key, Name, Position, Step, TopLevel

__all__ = [
    "KINDS_TO_LIST",
    "Match",
    "Partial",
    "ShapeError",
    "describe",
    "expression_of",
    "resolve",
    "resolve_partial",
    "step_matches",
    "top_matches",
]


class ShapeError(ValueError):
    """An address step that does not fit the code it reaches."""


Target = n.Block | n.Attribute | n.ObjectItem | n.Element


@dataclass(frozen=True)
class Match:
    """One node an address names."""

    file: SourceFile
    node: Target
    #: the body (for blocks and attributes), object, tuple or call holding ``node``
    parent: n.Node
    #: an address naming this node alone
    address: str
    #: blocks: labels no step has matched yet
    labels_left: int = 0
    #: blocks: the last step matched a label (``mv`` renames it), not the type
    by_label: bool = False
    #: blocks enclosing ``node``
    depth: int = 0

    @property
    def kind(self) -> str:
        return {n.Block: "block", n.Attribute: "attribute", n.ObjectItem: "item", n.Element: "element"}[type(self.node)]

    def kind_text(self) -> str:
        """``a block``, ``an attribute holding an object``..."""
        if type(self.node) is n.Block:
            return "a block"
        expr = expression_of(self)
        assert expr is not None
        return f"{'an attribute' if self.kind == 'attribute' else 'an item'} holding {describe(expr)}"


@dataclass(frozen=True)
class Partial:
    """How far an address reached: ``matches`` after ``steps[:done]``
    (``done`` is -1 when not even the top-level part matched)."""

    matches: list[Match]
    done: int


def expression_of(match: Match) -> n.Expression | None:
    """The value of an attribute, item or element (None for a block)."""
    node = match.node
    if type(node) is n.Block:
        return None
    return node.value


def _unwrap(expr: n.Expression) -> n.Expression:
    while type(expr) is n.Parens:
        expr = expr.expr
    return expr


def describe(expr: n.Expression) -> str:
    """What kind of value ``expr`` is, in words."""
    expr = _unwrap(expr)
    kind = type(expr)
    if kind is n.Object:
        return "an object"
    if kind is n.Tuple:
        return "a tuple"
    if kind is n.FunctionCall:
        return f"a call of `{expr.function_name}(...)`"  # type: ignore[union-attr]
    if kind in (n.Template, n.Heredoc):
        return "a string"
    if kind is n.Literal:
        return "a literal"
    if kind is n.ForExpr:
        return "a `for` expression"
    if kind in (n.Variable, n.GetAttr, n.Index, n.Splat):
        return "a reference"
    return "an expression"


def _label_text(label: str) -> str:
    return "." + label if is_identifier(label) else _key_text(label)


def _key_text(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'["{escaped}"]'


def _top_address(top: TopLevel, block: n.Block) -> str:
    labels = block.label_values
    if top.kind.block == "resource":
        return labels[0] + "".join(_label_text(label) for label in labels[1:]) if labels else "resource"
    return top.kind.block + "".join(_label_text(label) for label in labels[: top.kind.labels])


def top_matches(module: TerraformModule, top: TopLevel) -> list[Match]:
    out: list[Match] = []
    for file in module.parsed():
        assert file.tree is not None
        body = file.tree.body
        for block in body.blocks(top.kind.block):
            values = block.label_values
            if len(values) < len(top.labels):
                continue
            if not all(want is None or want == got for want, got in zip(top.labels, values)):
                continue
            if top.kind.block == "locals":
                if top.local is None:
                    out.append(Match(file, block, body, "locals"))
                    continue
                attribute = block.body.attribute(top.local)
                if attribute is not None:
                    out.append(Match(file, attribute, block.body, "local." + top.local, depth=1))
                continue
            left = len(values) - len(top.labels)
            out.append(Match(file, block, body, _top_address(top, block), left, by_label=bool(top.labels)))
    return _distinct(out)


#: a ``TopLevel`` for every kind of top-level block, any labels: what ``list`` walks from
KINDS_TO_LIST: tuple[TopLevel, ...] = tuple(
    TopLevel(kind, (None,) * kind.labels) for name, kind in KINDS.items() if name not in ("var", "local")
)


def _distinct(matches: list[Match]) -> list[Match]:
    """Top-level matches that share an address told apart: providers by
    their alias, other blocks by position (``moved[1]``)."""
    same: dict[str, list[Match]] = {}
    for m in matches:
        same.setdefault(m.address, []).append(m)
    out = []
    for m in matches:
        group = same[m.address]
        if len(group) == 1 or type(m.node) is not n.Block:
            out.append(m)
            continue
        alias = m.node.body.attribute("alias") if m.node.type.text == "provider" else None
        if alias is not None and type(alias.value) is n.Template and template_text(alias.value) is not None:
            out.append(replace(m, address=f'{m.address}[alias="{template_text(alias.value)}"]'))
        else:
            out.append(replace(m, address=f"{m.address}[{group.index(m)}]"))
    return out


def _body_step(match: Match, step: Name | All) -> list[Match]:
    """Items of a block's body: those named ``step.name``, or all of them
    (then a nested block's labels are part of its address, ``dynamic.ingress``)."""
    block = match.node
    assert type(block) is n.Block
    body = block.body
    items = [item for item in body.items if type(item) is n.Attribute or type(item) is n.Block]
    if type(step) is Name:
        items = [i for i in items if (i.name.text if type(i) is n.Attribute else i.type.text) == step.name]
    out = []
    for item in items:
        if type(item) is n.Attribute:
            out.append(Match(match.file, item, body, f"{match.address}.{item.name.text}", depth=match.depth + 1))
            continue
        assert type(item) is n.Block
        labels = item.label_values if type(step) is All else ()
        same = [b for b in body.blocks(item.type.text) if b.label_values[: len(labels)] == labels]
        suffix = f"[{same.index(item)}]" if len(same) > 1 else ""
        named = item.type.text + "".join(_label_text(label) for label in labels)
        out.append(
            Match(
                match.file, item, body, f"{match.address}.{named}{suffix}", len(item.labels) - len(labels),
                by_label=bool(labels), depth=match.depth + 1,
            )
        )  # fmt: skip
    return out


def _label_step(match: Match, wanted: str | None) -> list[Match]:
    block = match.node
    assert type(block) is n.Block
    index = len(block.labels) - match.labels_left
    value = block.label_values[index]
    if wanted is not None and value != wanted:
        return []
    address = match.address
    if "[" in address.rsplit(".", 1)[-1] and address.endswith("]"):
        address = address[: address.rindex("[")]  # the label names it alone
    return [replace(match, address=address + _label_text(value), labels_left=match.labels_left - 1, by_label=True)]


def _container(match: Match, what: str) -> n.Expression:
    expr = expression_of(match)
    if expr is None:
        block = match.node
        assert type(block) is n.Block
        raise ShapeError(f"`{match.address}` is a block; step into its body with `.NAME`, not {what}")
    return _unwrap(expr)


def _holds(match: Match) -> str:
    return f"`{match.address}` is {match.kind_text()}"


def _key_step(match: Match, key: str) -> list[Match]:
    expr = _container(match, f'`["{key}"]`')
    objects: list[n.Object]
    if type(expr) is n.Object:
        objects = [expr]
    elif type(expr) is n.FunctionCall:
        objects = [a for a in (_unwrap(e.value) for e in expr.args) if type(a) is n.Object]
        if not objects:
            raise ShapeError(f"{_holds(match)} with no object argument; use `[0]` for its arguments")
    elif type(expr) is n.Tuple:
        raise ShapeError(f"{_holds(match)}; use `[0]` for its elements")
    else:
        raise ShapeError(f"{_holds(match)}, which has no keys")
    out = []
    for obj in objects:
        for item in obj.items:
            if type(item) is n.ObjectItem and _key_of(item) == key:
                out.append(Match(match.file, item, obj, match.address + _key_text(key), depth=match.depth))
    return out[-1:]  # as merge() and a repeated key read: the last one counts


def _key_of(item: n.ObjectItem) -> str | None:
    name = item.key_name
    if name is not None:
        return name
    key = _unwrap(item.key)
    try:
        value = literal_value(key)
    except (NotLiteral, ValueError):
        return None
    return value if isinstance(value, str) else None


def _elements(match: Match, what: str) -> tuple[n.Node, tuple[n.Element, ...]] | list[tuple[n.ObjectItem, n.Object]]:
    expr = _container(match, what)
    if type(expr) is n.Tuple:
        return expr, expr.elements
    if type(expr) is n.FunctionCall:
        return expr, expr.args
    if type(expr) is n.Object:
        return [(item, expr) for item in expr.items if type(item) is n.ObjectItem]
    raise ShapeError(f"{_holds(match)}, which has no elements")


def _position_step(match: Match, index: int) -> list[Match]:
    got = _elements(match, f"`[{index}]`")
    if isinstance(got, list):
        raise ShapeError(f'{_holds(match)}; use `["KEY"]` for its items')
    container, elements = got
    if index >= len(elements):
        return []
    return [Match(match.file, elements[index], container, f"{match.address}[{index}]", depth=match.depth)]


def _all_step(match: Match) -> list[Match]:
    got = _elements(match, "`[*]`")
    if isinstance(got, list):
        out = []
        for item, obj in got:
            key = _key_of(item)
            address = match.address + (_key_text(key) if key is not None else "[?]")
            out.append(Match(match.file, item, obj, address, depth=match.depth))
        return out
    container, elements = got
    return [
        Match(match.file, element, container, f"{match.address}[{i}]", depth=match.depth)
        for i, element in enumerate(elements)
    ]


def _filter_ok(block: n.Block, step: Filter) -> bool:
    attribute = block.body.attribute(step.attribute)
    if attribute is None:
        return False
    try:
        value = literal_value(attribute.value)
    except (NotLiteral, ValueError):
        value = None
    else:
        if value == step.value and type(value) is type(step.value):
            return True
    return step.bare and "".join(attribute.value.code.split()) == "".join(str(step.value).split())


def _groups(matches: list[Match]) -> list[list[Match]]:
    """Blocks by the body holding them (top-level blocks: one group)."""
    groups: dict[int, list[Match]] = {}
    for m in matches:
        key = 0 if m.depth == 0 else id(m.parent)
        groups.setdefault(key, []).append(m)
    return list(groups.values())


def step_matches(matches: list[Match], step: Step) -> list[Match]:
    """The matches one step leads to from ``matches``."""
    blocks = [m for m in matches if type(m.node) is n.Block]
    values = [m for m in matches if type(m.node) is not n.Block]
    out: list[Match] = []
    if type(step) is Position and blocks:
        for group in _groups(blocks):
            if step.index < len(group):
                picked = group[step.index]
                base = picked.address[: picked.address.rindex("[")] if picked.address.endswith("]") else picked.address
                suffix = f"[{step.index}]" if len(group) > 1 and not picked.by_label else ""
                out.append(replace(picked, address=base + suffix if not picked.by_label else picked.address))
    elif type(step) is Filter:
        if values:
            raise ShapeError(f"`{values[0].address}` is {values[0].kind_text()}; a filter `[attr=...]` picks blocks")
        out = [m for m in blocks if _filter_ok(m.node, step)]  # type: ignore[arg-type]
    else:
        for m in blocks:
            if m.labels_left and type(step) in (Name, Key, All):
                wanted = step.name if type(step) is Name else step.key if type(step) is Key else None
                out += _label_step(m, wanted)
            elif type(step) is Name or (type(step) is All and step.dot):
                out += _body_step(m, step)
            elif type(step) is All:
                out.append(m)  # `rule[*]`: every one of them
            else:
                out += _value_step(m, step)
        for m in values:
            out += _value_step(m, step)
    return out


def _value_step(m: Match, step: Step) -> list[Match]:
    if type(m.node) is n.Block and type(step) is not Key:
        raise ShapeError(f"`{m.address}` is a block; step into it with `.NAME`")
    if type(step) is Name:
        if type(m.node) is n.Block:
            raise ShapeError(f"`{m.address}` is a block")
        expr = expression_of(m)
        assert expr is not None
        here = _last_name(m)
        hint = f'; use `{here}["{step.name}"]`' if type(_unwrap(expr)) in (n.Object, n.FunctionCall) else ""
        if type(_unwrap(expr)) is n.Tuple:
            hint = f"; use `{here}[0]` or `{here}[*]`"
        return _raise(f"{_holds(m)}{hint}")
    if type(step) is Key:
        if type(m.node) is n.Block:
            raise ShapeError(f"`{m.address}` is a block with no label left; use `.{step.key}` for a body item")
        return _key_step(m, step.key)
    if type(step) is Position:
        return _position_step(m, step.index)
    if type(step) is All:
        if step.dot:
            raise ShapeError(f"{_holds(m)}; use `[*]`")
        return _all_step(m)
    raise AssertionError(step)


def _last_name(m: Match) -> str:
    """How the address names ``m``'s node in its last steps (``tags``, ``tags["a"]``)."""
    address = m.address
    start = address.rfind(".", 0, address.find("[") if "[" in address else len(address))
    return address[start + 1 :] if start >= 0 else address


def _raise(message: str) -> list[Match]:
    raise ShapeError(message)


def resolve(module: TerraformModule, address: Address) -> list[Match]:
    """Every node ``address`` names in ``module``, in file and source order."""
    partial = resolve_partial(module, address)
    return partial.matches if partial.done == len(address.steps) else []


def resolve_partial(module: TerraformModule, address: Address, steps: Iterable[Step] | None = None) -> Partial:
    """Resolve as far as matches last; ``done`` counts the steps that matched."""
    matches = top_matches(module, address.top)
    if not matches:
        return Partial([], -1)
    done = 0
    for step in address.steps if steps is None else steps:
        got = step_matches(matches, step)
        if not got:
            return Partial(matches, done)
        matches = got
        done += 1
    return Partial(matches, done)
