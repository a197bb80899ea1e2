"""The verbs of ``tffix edit``: ``get``, ``list``, ``set``, ``rm``, ``mv``
and ``append``, over one module.

Reading verbs return what they found (``Found``); writing verbs return text
edits built as tree edits (``FixBuilder`` operations, or a node put in
another's place and diffed), which the caller splices in and formats on the
touched lines only, as fixes are. A request that cannot be carried out
raises ``EditError`` with a message that explains the shape of the code.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn, TypeVar

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.builders import with_first_token
from ..cst.quoting import is_identifier
from ..cst.quoting import key as key_node
from ..cst.quoting import label as label_node
from ..diagnostics import Edit
from ..fmt.region import indent_unit
from ..rewrite import FixBuilder, item_text, node_edits
from ..rewrite.snippets import Name as NameFill
from ..rewrite.snippets import parse_attribute as fill_attribute
from ..rewrite.snippets import parse_block as fill_block
from ..rewrite.snippets import parse_expression as fill_expression
from ..rewrite.snippets import with_last_token
from ..syntax import snippets
from ..syntax.errors import ParseError
from .address import Address, All, Filter, Key, Name, Position, Step, parse_address
from .resolve import Match, Partial, ShapeError, expression_of, resolve_partial

__all__ = ["VALUE_VERBS", "VERBS", "EditError", "Found", "NoMatch", "Options", "find", "found", "plan"]

ElementT = TypeVar("ElementT", n.Element, n.ObjectItem)

#: every verb, in the order the help lists them
VERBS = ("get", "list", "set", "rm", "mv", "append")
#: verbs that need a VALUE
VALUE_VERBS = frozenset({"set", "mv", "append"})


class EditError(ValueError):
    """A request that cannot be carried out on this code."""


class NoMatch(EditError):
    """The address matches nothing in this module (another may have it)."""


@dataclass(frozen=True)
class Options:
    """What the flags of ``tffix edit`` ask."""

    create: bool = False
    replace: bool = False
    block: bool = False


@dataclass(frozen=True)
class Found:
    """A match of a reading verb: what ``get`` prints and where it is."""

    address: str
    kind: str
    file: SourceFile
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.file.text[self.start : self.end]


# ---------------------------------------------------------------- values


def _value_error(e: ParseError, value: str, prefix: int) -> EditError:
    column = e.column - prefix if e.line == 1 else e.column
    tail = f": {e.detail}" if e.detail else ""
    return EditError(
        f"value:{e.line}:{max(column, 1)}: {e.summary}{tail}\n  (the VALUE is HCL: quote strings, as in '\"text\"')"
    )


def parse_value(value: str) -> n.Expression:
    """VALUE as an expression (for attributes, items and elements)."""
    try:
        return snippets.parse_expression(value.strip())
    except ParseError as e:
        return _raise(_value_error(e, value.strip(), len("x = ")))


def parse_items(value: str) -> n.Body:
    """VALUE as a body (for blocks): attributes and blocks, one a line."""
    text = value.strip("\n")
    try:
        return snippets.parse_body(text + "\n" if text else "")
    except ParseError as e:
        return _raise(_value_error(e, text, 0))


def _raise(error: Exception) -> NoReturn:
    raise error


# ---------------------------------------------------------------- finding


def find(module: TerraformModule, address: Address) -> list[Match]:
    """Every match of ``address`` (empty when nothing matches)."""
    try:
        partial = resolve_partial(module, address)
    except ShapeError as e:
        raise EditError(str(e)) from None
    return partial.matches if partial.done == len(address.steps) else []


def found(match: Match) -> Found:
    """The text ``get`` prints for a match: a block whole, else the value."""
    expr = expression_of(match)
    node: n.Node = match.node if expr is None else expr
    start, end = match.file.span(node)
    return Found(match.address, match.kind, match.file, start, end)


def _missing(module: TerraformModule, address: Address) -> NoMatch:
    partial = resolve_partial(module, address)
    if partial.done < 0:
        return NoMatch(f"`{address.text}` matches nothing: no {_top_words(address)} in the module")
    step = address.steps[partial.done]
    where = partial.matches[0].address
    what = _step_words(step)
    return NoMatch(f"`{address.text}` matches nothing: `{where}` has no {what}")


def _top_words(address: Address) -> str:
    top = address.top
    if top.local is not None:
        return f"local value `{top.local}`"
    labels = " ".join(f'"{label}"' if label is not None else "*" for label in top.labels)
    return f"`{top.kind.block}{' ' + labels if labels else ''}` block"


def _step_words(step: Step) -> str:
    if type(step) is Name:
        return f"`{step.name}`"
    if type(step) is Key:
        return f'key `"{step.key}"`'
    if type(step) is Position:
        return f"element or block [{step.index}]"
    if type(step) is Filter:
        return f"block with `{step.attribute}` equal to that value"
    return "items"


def _one_or_all(matches: list[Match], address: Address, module: TerraformModule | None = None) -> list[Match]:
    """Matches a writing verb may change: one, or all when the address says `*`."""
    if len(matches) <= 1 or address.has_wildcard:
        return matches
    blocks, prefix = _ambiguous_step(module, address) if module is not None else (matches, address.text)
    if blocks and all(type(m.node) is n.Block for m in blocks):
        short = prefix[prefix.rfind(".") + 1 :] if "." in prefix else prefix
        hint = _filter_hint(blocks)
        raise EditError(
            f"`{prefix}` matches {len(blocks)} blocks; pick one with `{short}[0]` or `{short}[{hint}=...]` "
            f"(or every one with `{short}[*]`)"
        )
    listed = ", ".join(f"`{m.address}`" for m in matches[:5])
    raise EditError(f"`{address.text}` matches {len(matches)} items ({listed}); name one")


def _ambiguous_step(module: TerraformModule, address: Address) -> tuple[list[Match], str]:
    """The first step of ``address`` that matched several blocks, and the
    address up to it."""
    for done in range(len(address.steps) + 1):
        partial = resolve_partial(module, address, address.steps[:done])
        if len(partial.matches) > 1:
            end = address.steps[done].column - 1 if done < len(address.steps) else len(address.text)
            return partial.matches, address.text[:end].rstrip(".")
    return [], address.text


def _filter_hint(matches: list[Match]) -> str:
    """An attribute whose value tells the matched blocks apart."""
    names: list[str] | None = None
    for m in matches:
        block = m.node
        assert type(block) is n.Block
        mine = [a.name.text for a in block.body.attributes()]
        names = mine if names is None else [x for x in names if x in mine]
    for name in names or []:
        texts = set()
        for m in matches:
            assert type(m.node) is n.Block
            attribute = m.node.body.attribute(name)
            assert attribute is not None
            texts.add("".join(attribute.value.code.split()))
        if len(texts) == len(matches):
            return name
    return "ATTR"


# ---------------------------------------------------------------- writing


class _Plan:
    """The edits of one request on one module."""

    def __init__(self, module: TerraformModule) -> None:
        self.module = module
        self.builder = FixBuilder(module)
        self.extra: list[Edit] = []

    def edits(self) -> list[Edit]:
        edits = sorted(self.builder.edits() + self.extra, key=lambda e: (str(e.path), e.start, e.end))
        for a, b in itertools.pairwise(edits):
            if a.overlaps(b):
                raise EditError(f"{a.path}: two changes of this edit touch one place; name fewer items")
        return edits

    def replace_node(self, file: SourceFile, old: n.Node | n.Token, new: n.Node | n.Token) -> None:
        """``new`` in ``old``'s place (the trivia around ``old`` stays), only
        the differing text edited."""
        start, end = file.span(old)
        if type(new) is n.Token:
            text = new.text
        else:
            assert isinstance(new, n.Node)
            bare = with_first_token(new, lambda tok: tok._replace(lead=""))
            text = with_last_token(bare, lambda tok: tok._replace(trail="")).code
        self.extra += node_edits(file, start, end, text)

    def unit(self, file: SourceFile) -> str:
        assert file.tree is not None
        return indent_unit(file.tree)


def plan(module: TerraformModule, verb: str, address: Address, value: str | None, options: Options) -> list[Edit]:
    """The edits ``verb`` makes to ``module`` (raises ``EditError``)."""
    try:
        if verb == "set":
            assert value is not None
            return _set(module, address, value, options)
        if verb == "rm":
            return _rm(module, address)
        if verb == "mv":
            assert value is not None
            return _mv(module, address, value)
        if verb == "append":
            assert value is not None
            return _append(module, address, value, options)
    except ShapeError as e:
        raise EditError(str(e)) from None
    raise ValueError(f"not a writing verb: {verb}")


# -- set


def _set(module: TerraformModule, address: Address, value: str, options: Options) -> list[Edit]:
    partial = resolve_partial(module, address)
    work = _Plan(module)
    if partial.done == len(address.steps):
        for match in _one_or_all(partial.matches, address, module):
            _set_one(work, match, value)
        return work.edits()
    if not options.create:
        error = _missing(module, address)
        if address.has_wildcard:
            raise error
        raise NoMatch(f"{error}; `set --create` adds what is missing (or use `append`)")
    _create(work, module, address, partial, value, options)
    return work.edits()


def _set_one(work: _Plan, match: Match, value: str) -> None:
    expr = expression_of(match)
    if expr is not None:
        work.builder.replace(expr, parse_value(value))
        return
    block = match.node
    assert type(block) is n.Block
    _replace_body(work, match, block, parse_items(value))


def _replace_body(work: _Plan, match: Match, block: n.Block, body: n.Body) -> None:
    """``block`` with ``body`` as its items: the header and its comments stay."""
    file = match.file
    new = block.with_changes(
        leading=(),
        open=block.open._replace(trail=""),
        open_newline=n.Token("NEWLINE", "\n"),
        body=body,
        close=block.close._replace(lead=""),
        newline=None,
    )
    text = item_text(new, match.depth, work.unit(file)).removesuffix("\n")
    start, end = file.span(block)
    indent = file.line_indent(start)
    work.extra += node_edits(file, start, end, text[len(indent) if text.startswith(indent) else 0 :].lstrip(" \t"))


def _key_fill(key: str) -> str:
    return NameFill(key) if is_identifier(key) and key not in ("true", "false", "null", "for") else key


def _nested(steps: Sequence[Step], value: n.Expression | n.Body) -> n.Expression | n.Body:
    """What the missing ``steps`` hold: objects for keys, bodies for blocks,
    innermost ``value`` (an expression, or a body when the last step is a
    block)."""
    inner = value
    for i in range(len(steps) - 1, -1, -1):
        step = steps[i]
        if type(step) is Key:
            assert not isinstance(inner, n.Body)
            inner = fill_expression("{ {0} = {1} }", _key_fill(step.key), inner)
        elif type(step) is Name:
            if i == 0:
                break
            item: n.Attribute | n.Block
            if isinstance(inner, n.Body):
                item = _empty_block(step.name).with_changes(body=inner)
            else:
                item = fill_attribute("{0} = {1}", step.name, inner)
            inner = n.Body((item,))
        else:
            raise EditError(f'`{_step_words(step)}` cannot be created: only names and keys can (`.NAME`, `["KEY"]`)')
    return inner


def _create(
    work: _Plan, module: TerraformModule, address: Address, partial: Partial, value: str, options: Options
) -> None:
    remaining = address.steps[max(partial.done, 0) :]
    for step in remaining:
        if type(step) not in (Name, Key):
            raise EditError(
                f"`{address.text}`: `set --create` makes names and keys only; {_step_words(step)} is missing"
            )
    blocky = bool(remaining) and type(remaining[-1]) is Name and options.block
    whole_block = not remaining and address.top.local is None
    leaf: n.Expression | n.Body = parse_items(value) if blocky or whole_block else parse_value(value)
    if partial.done < 0:
        _create_top(work, module, address, remaining, leaf)
        return
    matches = _one_or_all(partial.matches, address, module)
    for match in matches:
        first = remaining[0]
        if type(match.node) is n.Block:
            if match.labels_left:
                raise EditError(f"`{match.address}` has more labels; name the block fully")
            if type(first) is not Name:
                raise EditError(f"`{match.address}` is a block; step into it with `.NAME`")
            inner = _nested(remaining, leaf)
            _add_to_block(work, match.node, first.name, inner)
            continue
        if type(first) is not Key:
            raise EditError(f'`{match.address}` is {match.kind_text()}; use `["KEY"]`')
        inner = _nested(remaining[1:], leaf) if len(remaining) > 1 else leaf
        assert not isinstance(inner, n.Body)
        obj = _object_to_extend(match)
        work.builder.set_object_item(obj, first.key, inner)


def _object_to_extend(match: Match) -> n.Object:
    expr = expression_of(match)
    assert expr is not None
    while type(expr) is n.Parens:
        expr = expr.expr
    if type(expr) is n.Object:
        return expr
    if type(expr) is n.FunctionCall:
        objects = [e.value for e in expr.args if type(e.value) is n.Object]
        if objects:
            last = objects[-1]
            assert type(last) is n.Object
            return last
    raise EditError(f"`{match.address}` is {match.kind_text()}, which takes no keys")


def _add_to_block(work: _Plan, block: n.Block, name: str, inner: n.Expression | n.Body) -> None:
    """A new attribute ``name = inner``, or a new block ``name { inner }``."""
    if isinstance(inner, n.Body):
        work.builder.append(block, _empty_block(name).with_changes(body=inner))
        return
    work.builder.set_attribute(block, name, inner)


def _create_top(
    work: _Plan, module: TerraformModule, address: Address, remaining: Sequence[Step], leaf: n.Expression | n.Body
) -> None:
    top = address.top
    if any(label is None for label in top.labels) or len(top.labels) < top.kind.labels:
        raise EditError(f"`{address.text}` matches no block, and a new one needs every label (no `*`)")
    if top.local is not None:
        expr = _nested(remaining, leaf) if remaining else leaf
        if isinstance(expr, n.Body):
            raise EditError("a local value is an expression")
        attribute = fill_attribute("{0} = {1}", top.local, expr)
        locals_blocks = list(module.blocks("locals"))
        if locals_blocks:
            work.builder.append(locals_blocks[-1][1], attribute)
        else:
            _new_top(work, module, "locals", (), n.Body((attribute,)))
        return
    if remaining:
        if type(remaining[0]) is not Name:
            raise EditError(f"`{address.text}`: a new block is stepped into with `.NAME`")
        inner = _nested((Name("_", 0), *remaining), leaf)
        body = inner if isinstance(inner, n.Body) else n.Body(())
    else:
        body = leaf if isinstance(leaf, n.Body) else n.Body(())
        if not isinstance(leaf, n.Body):
            raise EditError("a block's VALUE is a body")
    _new_top(work, module, top.kind.block, tuple(label for label in top.labels if label is not None), body)


def _new_top(work: _Plan, module: TerraformModule, kind: str, labels: tuple[str, ...], body: n.Body) -> None:
    block = _empty_block(kind, *labels).with_changes(body=body)
    work.builder.new_file(_home(module, kind).path.name, block)


def _empty_block(kind: str, *labels: str) -> n.Block:
    """``kind "label"... {}`` (multi-line), from a snippet of holes."""
    holes = " ".join(f"{{{i}}}" for i in range(len(labels) + 1))  # a template of holes, no values
    return fill_block(holes + " {\n}", kind, *labels)


def _home(module: TerraformModule, kind: str) -> SourceFile:
    """The file a new top-level block goes to: where its kind lives, else
    ``main.tf``, else the first file."""
    found = list(module.blocks(kind))
    if found:
        return found[-1][0]
    files = list(module.parsed())
    if not files:
        raise EditError("no file of the module parses; nothing to add to")
    main = [f for f in files if f.path.name == "main.tf"]
    return (main or files)[0]


# -- rm


def _rm(module: TerraformModule, address: Address) -> list[Edit]:
    matches = find(module, address)
    if not matches:
        raise _missing(module, address)
    matches = _one_or_all(matches, address, module)
    work = _Plan(module)
    by_container: dict[int, tuple[Match, list[Match]]] = {}
    for match in matches:
        if type(match.node) in (n.Attribute, n.Block):
            work.builder.remove(match.node)
        else:
            by_container.setdefault(id(match.parent), (match, []))[1].append(match)
    for first, group in by_container.values():
        gone = {id(m.node) for m in group}
        parent = first.parent
        if type(parent) is n.Object:
            work.replace_node(first.file, parent, _object_without(parent, gone))
        elif type(parent) is n.Tuple:
            work.replace_node(
                first.file, parent, parent.with_changes(elements=_elements_without(parent.elements, gone))
            )
        elif type(parent) is n.FunctionCall:
            work.replace_node(first.file, parent, parent.with_changes(args=_elements_without(parent.args, gone)))
    return work.edits()


def _object_without(obj: n.Object, gone: set[int]) -> n.Object:
    items = list(obj.items)
    kept: list[n.ObjectItem | n.EmptyLine] = []
    one_line = obj.open_newline is None
    lost_lead: str | None = None
    last_had_comma = True
    for item in items:
        if id(item) in gone:
            assert type(item) is n.ObjectItem
            if lost_lead is None:
                lost_lead = item.first_token().lead
            last_had_comma = item.comma is not None
            continue
        if lost_lead is not None and one_line and type(item) is n.ObjectItem:
            item = with_first_token(item, lambda tok, lead=lost_lead: tok._replace(lead=lead))  # type: ignore[misc]
        lost_lead = None
        if type(item) is n.ObjectItem:
            last_had_comma = True
        kept.append(item)
    real = [i for i in kept if type(i) is n.ObjectItem]
    if real and not last_had_comma and one_line:
        last = real[-1]
        assert type(last) is n.ObjectItem
        if last.comma is not None and last.newline is None:
            kept[kept.index(last)] = _without_comma(last)
    if not real and one_line:
        return obj.with_changes(items=(), close=obj.close._replace(lead=""))
    return obj.with_changes(items=tuple(kept))


def _without_comma(node: ElementT) -> ElementT:
    """``node`` without its comma; what stood around the comma stays."""
    comma = node.comma
    assert comma is not None
    value = with_last_token(node.value, lambda tok: tok._replace(trail=tok.trail + comma.lead + comma.trail))
    return node.with_changes(value=value, comma=None)


def _elements_without(elements: tuple[n.Element, ...], gone: set[int]) -> tuple[n.Element, ...]:
    kept: list[n.Element] = []
    lost_lead: str | None = None
    last_had_comma = True
    for element in elements:
        if id(element) in gone:
            if lost_lead is None:
                lost_lead = element.first_token().lead
            last_had_comma = element.comma is not None
            continue
        if lost_lead is not None:
            element = with_first_token(element, lambda tok, lead=lost_lead: tok._replace(lead=lead))  # type: ignore[misc]
        lost_lead = None
        last_had_comma = True
        kept.append(element)
    if kept and not last_had_comma and kept[-1].comma is not None:
        kept[-1] = _without_comma(kept[-1])
    return tuple(kept)


# -- mv


def _new_name(value: str) -> str:
    name = value.strip()
    if "." in name or "[" in name:
        try:
            address = parse_address(name)
        except ValueError as e:
            raise EditError(f"the new name: {e}") from None
        last = address.steps[-1] if address.steps else None
        if type(last) is Name:
            return last.name
        if type(last) is Key:
            return last.key
        if last is None and address.top.labels and address.top.labels[-1] is not None:
            return address.top.labels[-1]
        if last is None and address.top.local is not None:
            return address.top.local
        raise EditError(f"`{value}` names nothing to rename to")
    return name


def _mv(module: TerraformModule, address: Address, value: str) -> list[Edit]:
    matches = find(module, address)
    if not matches:
        raise _missing(module, address)
    matches = _one_or_all(matches, address, module)
    name = _new_name(value)
    work = _Plan(module)
    for match in matches:
        node = match.node
        if type(node) is n.Attribute:
            _need_identifier(name, "an attribute name")
            body = match.parent
            assert type(body) is n.Body
            if body.attribute(name) is not None or any(True for _ in body.blocks(name)):
                raise EditError(f"`{match.address}`: `{name}` already exists beside it")
            work.builder.rename(node, name)
        elif type(node) is n.Block:
            if match.by_label:
                index = len(node.labels) - match.labels_left - 1
                values = list(node.label_values)
                values[index] = name
                if match.depth == 0 and any(
                    b is not node and b.label_values == tuple(values) for _, b in module.blocks(node.type.text)
                ):
                    raise EditError(f"`{match.address}`: a `{node.type.text}` block named that already exists")
                old = node.labels[index]
                new = label_node(name, bare=type(old) is n.Token)
                work.replace_node(match.file, old, new)
            else:
                _need_identifier(name, "a block type")
                work.builder.rename(node, name)
        elif type(node) is n.ObjectItem:
            obj = match.parent
            assert type(obj) is n.Object
            if obj.item(name) is not None:
                raise EditError(f"`{match.address}`: key `{name}` already exists beside it")
            bare = type(node.key) is n.Variable
            new_key = key_node(name) if bare else label_node(name)
            work.replace_node(match.file, node.key, new_key)
        else:
            raise EditError(f"`{match.address}` is an element; elements have no name to change")
    return work.edits()


def _need_identifier(name: str, what: str) -> None:
    if not is_identifier(name):
        raise EditError(f"`{name}` is not a valid {what} (letters, digits, `_` and `-`, not starting with a digit)")


# -- append


def _append(module: TerraformModule, address: Address, value: str, options: Options) -> list[Edit]:
    work = _Plan(module)
    if not address.steps:
        existing = find(module, address)
        if existing and address.top.local is None and not _repeatable(address):
            if not options.replace:
                raise EditError(f"`{address.text}` already exists; `--replace` replaces it")
            for match in _one_or_all(existing, address, module):
                _set_one(work, match, value)
            return work.edits()
        if existing and address.top.local is not None:
            if not options.replace:
                raise EditError(f"`{address.text}` already exists; `--replace` replaces its value")
            _set_one(work, existing[0], value)
            return work.edits()
        _create_top(work, module, address, (), parse_value(value) if address.top.local else parse_items(value))
        return work.edits()
    if _append_labelled(work, module, address, value, options):
        return work.edits()
    parents = resolve_partial(module, address, address.steps[:-1])
    if parents.done != len(address.steps) - 1:
        raise EditError(f"{_missing(module, address)}; `append` adds the last step only")
    last = address.steps[-1]
    for match in _one_or_all(parents.matches, address, module):
        _append_one(work, match, last, value, options)
    return work.edits()


def _append_labelled(work: _Plan, module: TerraformModule, address: Address, value: str, options: Options) -> bool:
    """``append ...sg.dynamic.egress BODY``: a nested block with a label
    (``dynamic "egress" {...}``), when blocks of that type have labels there
    (or ``--block`` says so and nothing else has that name). False when the
    address is not of that shape."""
    steps = address.steps
    if len(steps) < 2 or type(steps[-2]) is not Name or type(steps[-1]) not in (Name, Key):
        return False
    kind = steps[-2]
    last = steps[-1]
    assert type(kind) is Name
    label = last.name if type(last) is Name else last.key  # type: ignore[union-attr]
    grand = resolve_partial(module, address, steps[:-2])
    if grand.done != len(steps) - 2 or not grand.matches:
        return False
    if not all(type(m.node) is n.Block and not m.labels_left for m in grand.matches):
        return False
    bodies = [(m, m.node.body) for m in grand.matches if type(m.node) is n.Block]
    same = [b for _, body in bodies for b in body.blocks(kind.name)]
    labelled = any(b.labels for b in same)
    other = any(body.attribute(kind.name) is not None for _, body in bodies)
    if not (labelled or (options.block and not same and not other)):
        return False
    for match, body in bodies:
        existing = list(body.blocks(kind.name, label))
        if existing:
            if not options.replace:
                raise EditError(f"`{address.text}` already exists; `--replace` replaces its body")
            holder = Match(match.file, existing[0], body, address.text, depth=match.depth + 1)
            _replace_body(work, holder, existing[0], parse_items(value))
            continue
        assert type(match.node) is n.Block
        work.builder.append(match.node, _empty_block(kind.name, label).with_changes(body=parse_items(value)))
    return True


def _repeatable(address: Address) -> bool:
    return address.top.kind.labels == 0 and address.top.kind.block in ("moved", "import", "removed", "locals")


def _append_one(work: _Plan, match: Match, last: Step, value: str, options: Options) -> None:
    node = match.node
    if type(node) is n.Block:
        if match.labels_left:
            raise EditError(f"`{match.address}` has {match.labels_left} more label(s); name the block fully")
        if type(last) is not Name:
            raise EditError(f"`{match.address}` is a block; `append` adds `.NAME` to it")
        name = last.name
        _need_identifier(name, "an attribute or block name")
        body = node.body
        as_block = options.block or (any(True for _ in body.blocks(name)) and body.attribute(name) is None)
        if as_block:
            work.builder.append(node, _empty_block(name).with_changes(body=parse_items(value)))
            return
        existing = body.attribute(name)
        if existing is not None and not options.replace:
            raise EditError(f"`{match.address}.{name}` already exists; `--replace` replaces its value, `set` too")
        work.builder.set_attribute(node, name, parse_value(value))
        return
    if type(last) is Key:
        obj = _object_to_extend(match)
        if obj.item(last.key) is not None and not options.replace:
            raise EditError(f'`{match.address}["{last.key}"]` already exists; `--replace` replaces its value')
        work.builder.set_object_item(obj, last.key, parse_value(value))
        return
    if type(last) is All:
        expr = expression_of(match)
        while type(expr) is n.Parens:
            expr = expr.expr
        if type(expr) is n.Tuple:
            _append_element(work, match, expr, parse_value(value))
            return
    raise EditError(
        f'`{match.address}` is {match.kind_text()}; `append` adds `["KEY"]` items to objects, `[*]` elements to tuples'
    )


def _append_element(work: _Plan, match: Match, tuple_: n.Tuple, value: n.Expression) -> None:
    """``value`` as the last element, laid out as the elements before it."""
    elements = list(tuple_.elements)
    if not elements:
        work.replace_node(match.file, tuple_, tuple_.with_changes(elements=(n.Element(value, None),)))
        return
    last = elements[-1]
    lead = last.first_token().lead
    commas = [e.comma for e in elements if e.comma is not None]
    # a line break after `[` or after a comma: one element a line
    multiline = "\n" in tuple_.open.trail or any("\n" in c.trail for c in commas)
    comma = commas[-1] if commas and multiline else n.Token("COMMA", ",")
    if last.comma is None:
        elements[-1] = last.with_changes(comma=comma)
        new = n.Element(with_first_token(value, lambda tok: tok._replace(lead=lead if multiline else " ")), None)
    else:
        new = n.Element(with_first_token(value, lambda tok: tok._replace(lead=lead)), last.comma)
    elements.append(new)
    work.replace_node(match.file, tuple_, tuple_.with_changes(elements=tuple(elements)))
