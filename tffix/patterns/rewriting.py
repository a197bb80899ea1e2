"""``replace`` as tree edits: the difference between a pattern's ``match``
and its ``replace``, applied to the code one match found.

Items of a body pair up between ``match`` and ``replace`` by name
(attribute name, block type and labels, ``$...X``), then left-over
attributes whose values are the same pattern (a rename), then left-over
blocks of one type. A paired item is edited where it differs (a rename, a
label, a value), an item only in ``match`` is removed with the comment
lines it owns, an item only in ``replace`` is inserted where a person
would put it (an argument after the block's last one-line argument,
before its nested blocks; a block at the end). Captured code is put back
as the very nodes it was, so its bytes and comments stay; ``FixBuilder``
writes only what differs, in the file's style, formatted as ``terraform
fmt`` formats the touched lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from ..cst import nodes as n
from ..cst.builders import first_token, with_first_token
from ..cst.visitor import Transformer, visit
from ..rewrite import FixBuilder
from .language import metavariable
from .matching import State, is_not_block, normal, pattern_meta

__all__ = ["Rewriter", "item_key", "pair_items"]


def item_key(item: Any) -> tuple[str, ...] | None:
    """How a body or object item is paired between ``match`` and ``replace``."""
    if type(item) is n.Attribute:
        meta = metavariable(item.name.text)
        if meta is not None and meta.kind == "many":
            return ("rest", meta.name)
        return ("attribute", item.name.text)
    if type(item) is n.Block:
        if is_not_block(item):
            return None
        return ("block", item.type.text, *(normal(label) for label in item.labels))
    if type(item) is n.ObjectItem:
        meta = pattern_meta(item.key)
        if meta is not None and meta.kind == "many":
            return ("rest", meta.name)
        return ("item", normal(item.key))
    return None


def pair_items(old: Sequence[Any], new: Sequence[Any]) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """(pairs, only in ``old``, only in ``new``) of two item lists."""
    old_items = [i for i in old if item_key(i) is not None]
    new_items = [i for i in new if item_key(i) is not None]
    pairs: list[tuple[Any, Any]] = []
    left_new = list(new_items)
    left_old: list[Any] = []
    for item in old_items:
        partner = next((i for i in left_new if item_key(i) == item_key(item)), None)
        if partner is None:
            left_old.append(item)
        else:
            left_new.remove(partner)
            pairs.append((item, partner))
    for same in (_same_value, _same_type):
        for item in list(left_old):
            partner = next((i for i in left_new if same(item, i)), None)
            if partner is not None:
                left_old.remove(item)
                left_new.remove(partner)
                pairs.append((item, partner))
    return pairs, left_old, left_new


def _same_value(a: Any, b: Any) -> bool:
    """Two attributes (or object items) holding the same pattern: a rename."""
    return type(a) is type(b) and type(a) in (n.Attribute, n.ObjectItem) and normal(a.value) == normal(b.value)


def _same_type(a: Any, b: Any) -> bool:
    return type(a) is n.Block and type(b) is n.Block and a.type.text == b.type.text


class Rewriter:
    """Turns one match (``state``) and the ``replace`` pattern into
    ``builder`` operations. ``focus`` is the first code node it edits (where
    a finding is best shown)."""

    def __init__(self, builder: FixBuilder, state: State) -> None:
        self.builder = builder
        self.state = state
        self.focus: Any = None

    def _touch(self, node: Any) -> None:
        if self.focus is None:
            self.focus = node

    # -- bodies and items -------------------------------------------------

    def body(self, old: Sequence[Any], new: Sequence[Any], owner: n.Block | n.Module) -> None:
        pairs, removed, added = pair_items(old, new)
        for pattern, replacement in pairs:
            code = self.state.pairs.get(id(pattern))
            if code is None:
                continue
            if (item_key(pattern) or ("",))[0] == "rest":
                continue
            self.item(pattern, replacement, code)
        for pattern in removed:
            code = self.state.pairs.get(id(pattern))
            for item in code if type(code) is tuple else (code,):
                if item is not None:
                    self._touch(item)
                    self.builder.remove(item)
        for replacement in added:
            if self._present(replacement, owner):
                continue
            built = self.build(replacement)
            for item in built if type(built) is tuple else (built,):
                self._insert(owner, item)

    def _present(self, replacement: Any, owner: n.Block | n.Module) -> bool:
        """Whether an item ``replace`` adds is there already (then it is
        not added twice; an attribute of that name whose value differs is
        set to the new value)."""
        key = item_key(replacement)
        if key is None or key[0] == "rest":
            return False
        for item in owner.body.items:
            if item_key(item) != key:
                continue
            if type(item) is n.Attribute:
                new = self.build(replacement.value)
                if normal(new) != normal(item.value):
                    self._touch(item.value)
                    self.builder.replace(item.value, new)
            return True
        return False

    def _insert(self, owner: n.Block | n.Module, item: Any) -> None:
        item = with_first_token(item, lambda tok: tok._replace(lead=""))
        if type(owner) is n.Block:
            self._touch(owner.type)
            if type(item) is n.Attribute and self.builder.add_argument(owner, item):
                return
        self.builder.append(owner, item)

    def item(self, pattern: Any, replacement: Any, code: Any) -> None:
        if type(code) is n.Attribute:
            if pattern.name.text != replacement.name.text:
                name = self._name(replacement.name)
                if name != code.name.text:
                    self._touch(code.name)
                    self.builder.rename(code, name)
            self.expression(pattern.value, replacement.value, code.value)
        elif type(code) is n.Block:
            if pattern.type.text != replacement.type.text:
                self._touch(code.type)
                self.builder.rename(code, self._name(replacement.type))
            if len(pattern.labels) != len(replacement.labels):
                self._touch(code)
                self.builder.replace(code, self.build(replacement))
                return
            for old, new, label in zip(pattern.labels, replacement.labels, code.labels):
                if normal(old) != normal(new):
                    self._touch(label)
                    self.builder.replace(cast(Any, label), self.build(new))
            self.body(pattern.body.items, replacement.body.items, code)

    def _name(self, token: n.Token) -> str:
        meta = metavariable(token.text)
        if meta is None:
            return token.text
        captured = self.state.captures[meta.name]
        return captured.text

    def expression(self, pattern: Any, replacement: Any, code: Any) -> None:
        """Edit ``code`` (matched by ``pattern``) into ``replacement``."""
        if normal(pattern) == normal(replacement):
            return
        if self._elementwise(pattern, replacement, code):
            return
        self._touch(code)
        new = self.build(replacement)
        self.builder.replace(code, new)

    def _elementwise(self, pattern: Any, replacement: Any, code: Any) -> bool:
        """A tuple or call whose replace differs from match only inside
        single elements (the same ``$...X`` runs at the same places): each
        element edited on its own, so the rest of the list keeps its bytes.
        False when that is not the case."""
        kind = type(pattern)
        if kind is not type(replacement) or kind is not type(code) or kind not in (n.Tuple, n.FunctionCall):
            return False
        if kind is n.FunctionCall and normal(pattern.name) != normal(replacement.name):
            return False
        old = pattern.elements if kind is n.Tuple else pattern.args
        new = replacement.elements if kind is n.Tuple else replacement.args
        if len(old) != len(new):
            return False
        edits = []
        for before, after in zip(old, new):
            meta, other = pattern_meta(before), pattern_meta(after)
            if (meta is not None and meta.kind == "many") or (other is not None and other.kind == "many"):
                if meta != other:
                    return False
                continue
            target = self.state.pairs.get(id(before))
            if type(target) is not n.Element:
                return False
            edits.append((before.value, after.value, target.value))
        for before, after, target in edits:
            self.expression(before, after, target)
        return True

    # -- code elsewhere in the module -------------------------------------

    def add(self, blocks: Sequence[Any]) -> None:
        """Each block of ``add { }`` the module does not have yet: a
        ``variable`` into the file holding the variables (``ensure_variable``),
        any other block at the end of the file of the match."""
        module = self.builder.module
        for pattern in blocks:
            block = self.build(pattern)
            labels = tuple(_label_text(label) for label in block.labels)
            if block.type.text == "variable" and len(labels) == 1:
                values = {a.name.text: a.value for a in block.body.items if type(a) is n.Attribute}
                description = values.get("description")
                text = None if description is None else _label_text(description)
                if "default" in values:
                    self.builder.ensure_variable(
                        labels[0], type=values.get("type"), description=text, default=values["default"]
                    )
                else:
                    self.builder.ensure_variable(labels[0], type=values.get("type"), description=text)
                continue
            if any(True for _ in module.blocks(block.type.text, *labels)):
                continue
            file = self.builder.file
            assert file is not None and file.tree is not None
            self.builder.append(file.tree, with_first_token(block, lambda tok: tok._replace(lead="")))

    # -- building new code from the replace pattern ----------------------

    def build(self, node: Any) -> Any:
        """``node`` of the replace pattern with every metavariable replaced
        by the code it captured (the very nodes, so their bytes stay)."""
        meta = pattern_meta(node)
        if meta is not None and meta.kind == "one" and type(node) is not n.Token:
            captured = self.state.captures[meta.name].nodes[0]
            if type(node) is n.Variable or type(captured) is not n.Token:
                lead = first_token(node).lead
                return with_first_token(captured, lambda tok: tok._replace(lead=lead) if "\n" not in tok.lead else tok)
            # a label "$N" that captured a bare label: keep it bare
            return captured._replace(lead=first_token(node).lead)
        if type(node) is n.Token:
            return node._replace(text=self._name(node)) if meta is not None else node
        return visit(node, _Substitute(self))


def _label_text(node: Any) -> str:
    from ..cst.values import NotLiteral, literal_value

    if type(node) is n.Token:
        return str(node.text)
    try:
        return str(literal_value(node))
    except NotLiteral:
        return str(node.code.strip())


class _Substitute(Transformer):
    """Metavariables of a replace pattern put back as the code they captured."""

    def __init__(self, rewriter: Rewriter) -> None:
        self.rewriter = rewriter

    def _captured(self, node: Any) -> Any:
        meta = pattern_meta(node)
        if meta is None or meta.kind == "any":
            return None
        return self.rewriter.state.captures.get(meta.name)

    def leave_Variable(self, original: n.Variable, updated: n.Variable) -> n.Node:
        captured = self._captured(original)
        if captured is None or len(captured.nodes) != 1:
            return updated
        lead = original.name.lead
        return with_first_token(captured.nodes[0], lambda tok: tok._replace(lead=lead) if "\n" not in tok.lead else tok)

    def leave_Template(self, original: n.Template, updated: n.Template) -> Any:
        captured = self._captured(original)
        if captured is None or len(captured.nodes) != 1:
            return updated
        node = captured.nodes[0]
        lead = original.open.lead
        if type(node) is n.Token:  # a bare label captured by "$N": written as a string
            from ..cst.quoting import label

            return with_first_token(label(node.text), lambda tok: tok._replace(lead=lead))
        return with_first_token(node, lambda tok: tok._replace(lead=lead))

    def leave_GetAttr(self, original: n.GetAttr, updated: n.GetAttr) -> n.Node:
        if pattern_meta(original.name) is None:
            return updated
        return updated.with_changes(name=updated.name._replace(text=self.rewriter._name(original.name)))

    def leave_Attribute(self, original: n.Attribute, updated: n.Attribute) -> n.Node:
        if pattern_meta(original.name) is None:
            return updated
        return updated.with_changes(name=updated.name._replace(text=self.rewriter._name(original.name)))

    def leave_FunctionCall(self, original: n.FunctionCall, updated: n.FunctionCall) -> n.Node:
        if len(original.name) == 1 and pattern_meta(original.name[0]) is not None:
            token = updated.name[0]
            updated = updated.with_changes(name=(token._replace(text=self.rewriter._name(original.name[0])),))
        return updated.with_changes(args=self._elements(updated.args))

    def leave_Tuple(self, original: n.Tuple, updated: n.Tuple) -> n.Node:
        return updated.with_changes(elements=self._elements(updated.elements))

    def _elements(self, elements: tuple[n.Element, ...]) -> tuple[n.Element, ...]:
        out: list[n.Element] = []
        for element in elements:
            meta = pattern_meta(element)
            if meta is not None and meta.kind == "many":
                captured = self.rewriter.state.captures.get(meta.name)
                if captured is not None:
                    out.extend(captured.nodes)
                continue
            out.append(element)
        comma = n.Token("COMMA", ",")
        for i, element in enumerate(out[:-1]):
            if element.comma is None:
                out[i] = element.with_changes(comma=comma)
        if out and elements and elements[-1].comma is None and out[-1].comma is not None and "\n" not in out[-1].code:
            out[-1] = out[-1].with_changes(comma=None)
        return tuple(out)

    def leave_Body(self, original: n.Body, updated: n.Body) -> n.Node:
        return updated.with_changes(items=self._items(updated.items))

    def leave_Object(self, original: n.Object, updated: n.Object) -> n.Node:
        return updated.with_changes(items=self._items(updated.items))

    def _items(self, items: tuple[Any, ...]) -> tuple[Any, ...]:
        out: list[Any] = []
        for item in items:
            key = item_key(item)
            if key is not None and key[0] == "rest":
                captured = self.rewriter.state.captures.get(key[1])
                if captured is not None:
                    out.extend(captured.nodes)
                continue
            out.append(item)
        return tuple(out)
