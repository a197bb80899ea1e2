"""Fixes as tree edits: node operations collected by a ``FixBuilder`` and
turned into the engine's ``Fix`` of minimal text edits.

A rule says *what* changes (this node becomes that node, this item goes,
that attribute is set, this variable must exist) and the builder works out
*which bytes*: a replaced node is printed and diffed against the text it
replaces (Fixit's replacement-node-to-diff idea, on one node rather than the
whole file), so ``aws_iam_role.x`` -> ``aws_iam_role.x.name`` is the insertion
of ``.name``; a removed item takes the comment lines it owns and its line;
a new item is written in the file's own indentation at its depth. Module
follow-ups (``ensure_variable``, ``ensure_required_provider``, ``new_file``)
are queued and resolved once when the fix is built, as LibCST's
``AddImportsVisitor`` queues imports: asked twice, or for something the
module already declares, they add nothing.

The engine then splices the edits and formats only the lines they touched,
in the file's own style (``fmt.region.format_lines`` with ``indent=None``);
every other byte of the file is kept.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.visitor import Transformer, parents, visit, walk
from ..diagnostics import Applicability, Edit, Fix
from ..fmt.region import indent_unit
from ..text import inserted_text, text_edits
from .render import NEWLINE, item_text, with_newline
from .snippets import (
    Fill,
    Name,
    _bare,
    is_identifier,
    multiline_object,
    parse_attribute,
    parse_block,
    parse_expression,
    to_node,
)
from .variables import candidate_names, may_be_null, type_fits, type_text

__all__ = ["FixBuilder", "node_edits"]

_MISSING: Any = object()

Item = n.Attribute | n.Block
Container = n.Block | n.Module | n.Body


def node_edits(file: SourceFile, start: int, end: int, new: str) -> list[Edit]:
    """The minimal edits turning ``file.text[start:end]`` into ``new``
    (written with ``\\n``; the file's line breaks are used)."""
    new = inserted_text(file.text, new)
    return [
        Edit(file.path, start + s, start + e, text)
        for s, e, text in text_edits(file.text[start:end], new)
    ]  # fmt: skip


@dataclass
class _FileState:
    """What the builder learns of one file, once."""

    file: SourceFile
    _parents: dict[int, n.Node] | None = None
    _unit: str | None = None
    removed: dict[int, tuple[n.Body, list[n.Node]]] = field(default_factory=dict)

    def parent(self, node: n.Node) -> n.Node | None:
        if self._parents is None:
            assert self.file.tree is not None
            self._parents = parents(self.file.tree)
        return self._parents.get(id(node))

    @property
    def unit(self) -> str:
        if self._unit is None:
            assert self.file.tree is not None
            self._unit = indent_unit(self.file.tree)
        return self._unit


class FixBuilder:
    """Collects node operations on one module and builds a ``Fix``.

    ``file`` is where nodes are looked up first (the file of the finding);
    a node of another file of the module is found there too. Operations may
    be combined freely as long as they do not touch the same bytes: two
    operations on one node, or an operation inside a node another one
    replaces, raise ``ValueError`` when the fix is built."""

    def __init__(self, module: TerraformModule, file: SourceFile | None = None) -> None:
        self.module = module
        self.file = file
        self._edits: list[Edit] = []
        self._states: dict[Path, _FileState] = {}
        self._new_items: dict[Path, list[Item]] = {}
        self._variables: dict[str, str | None] = {}
        self._providers: set[str] = set()

    # -- where things are ------------------------------------------------

    def _state(self, file: SourceFile) -> _FileState:
        state = self._states.get(file.path)
        if state is None:
            state = self._states[file.path] = _FileState(file)
        return state

    def file_of(self, node: n.Node | n.Token) -> SourceFile:
        """The module file whose tree holds ``node`` (by identity)."""
        candidates = [self.file] if self.file is not None else []
        candidates += [f for f in self.module.parsed() if f is not self.file]
        for file in candidates:
            try:
                file.span(node)
            except KeyError:
                continue
            return file
        raise ValueError(f"{type(node).__name__} is not part of any file of the module")

    def _depth(self, state: _FileState, node: n.Node) -> int:
        """How many blocks enclose ``node``."""
        depth = 0
        parent = state.parent(node)
        while parent is not None:
            depth += type(parent) is n.Block
            parent = state.parent(parent)
        return depth

    def _body_block(self, state: _FileState, body: n.Body) -> n.Block | n.Module:
        owner = state.parent(body)
        assert type(owner) is n.Block or type(owner) is n.Module
        return owner

    # -- node operations -------------------------------------------------

    def replace(self, node: n.Node, new: n.Node) -> None:
        """Put ``new`` where ``node`` is. A replaced attribute or block keeps
        the comment lines above it and its trailing comment unless ``new``
        brings its own."""
        file = self.file_of(node)
        start, end = file.span(node)
        if isinstance(node, (n.Attribute, n.Block)) and isinstance(new, (n.Attribute, n.Block)):
            state = self._state(file)
            moved = any(inner is node for inner in walk(new))
            if moved:
                # the item moves inside the new one (`prefix = x` -> `filter { prefix = x }`):
                # its comment lines stay above, its trailing comment stays on its line
                inner = node.with_changes(leading=())
                holder = parents(new).get(id(parents(new)[id(node)]))  # the block whose body holds it
                if type(holder) is n.Block and holder.open_newline is not None:
                    inner = with_newline(inner)
                outer = visit(new, _Put(node, inner))
                assert isinstance(outer, (n.Attribute, n.Block))
                new = with_newline(outer.with_changes(leading=node.leading or outer.leading))
            block = self._body_block(state, self._parent_body(state, node))
            if type(block) is n.Block and block.open_newline is None and _multiline(new):
                # a multi-line item in a one-line block: the block opens up around it
                items = [new if i is node else i for i in block.body.items if isinstance(i, (n.Attribute, n.Block))]
                self._open_up(file, state, block, items)
                return
            if new.leading or moved:  # comment lines of its own: the whole lines are rewritten
                start, end = file.owned_span(node)
                text = item_text(new, self._depth(state, node), state.unit)
                if moved:  # one edit over the old lines, so the engine realigns what they were aligned with
                    self._edits.append(Edit(file.path, start, end, inserted_text(file.text, text)))
                    return
                self._edits += node_edits(file, start, end, text)
                return
            new = new.with_changes(newline=None)  # the old line break (and its comment) stay
        self._edits += node_edits(file, start, end, _bare(visit(new, _HeredocEnds())).code)

    def rename(self, item: n.Attribute | n.Block, name: str) -> None:
        """Give an attribute (or a block's type) another name."""
        if not is_identifier(name):
            raise ValueError(f"{name!r} is not an HCL identifier")
        token = item.name if type(item) is n.Attribute else item.type
        file = self.file_of(item)
        start, end = file.span(token)
        self._edits += node_edits(file, start, end, name)

    def wrap(self, expr: n.Expression, template: str, *args: Fill, **kwargs: Fill) -> None:
        """Replace ``expr`` by ``template`` with ``expr`` as hole ``{0}``
        (further holes from ``args``/``kwargs``): ``wrap(v, "base64encode({0})")``."""
        self.replace(expr, parse_expression(template, expr, *args, **kwargs))

    def remove(self, item: n.Node) -> None:
        """Delete a body item with the comment lines it owns and its line;
        blank lines around it are left as a reader would (none at the ends
        of the body, one between what remains)."""
        file = self.file_of(item)
        state = self._state(file)
        body = self._parent_body(state, item)
        state.removed.setdefault(id(body), (body, []))[1].append(item)

    def comment_out(self, item: Item, note: str = "") -> None:
        """Turn an item's lines into ``#`` comments at its indentation (the
        comment lines above it stay as they are), with the lines of ``note``
        as comments above: a block kept for a reader to restore."""
        file = self.file_of(item)
        start, end = file.span(item)
        indent = file.line_indent(start)
        start -= len(indent)
        text = "".join((indent + "# " + line).rstrip() + "\n" for line in note.splitlines())
        for line in file.text[start:end].splitlines(keepends=True):
            body = line.rstrip("\r\n")
            stripped = body[len(indent) :] if body.startswith(indent) else body.lstrip(" \t")
            text += (indent + "# " + stripped).rstrip() + line[len(body) :]
        self._edits.append(Edit(file.path, start, end, inserted_text(file.text, text)))

    def insert_before(self, anchor: Item, new: Item, *, blank_line: bool | None = None) -> None:
        """Put ``new`` on its own lines above ``anchor`` (above its comments).
        ``blank_line`` says whether a blank line parts them; by default one
        does when either is a multi-line block, as people write them."""
        self._insert(anchor, new, after=False, blank_line=blank_line)

    def insert_after(self, anchor: Item, new: Item, *, blank_line: bool | None = None) -> None:
        """Put ``new`` on its own lines below ``anchor`` (``blank_line`` as
        for ``insert_before``)."""
        self._insert(anchor, new, after=True, blank_line=blank_line)

    def _insert(self, anchor: Item, new: Item, *, after: bool, blank_line: bool | None = None) -> None:
        file = self.file_of(anchor)
        state = self._state(file)
        if after and anchor.newline is None:
            raise ValueError("cannot insert after the last item of a one-line block; use append")
        text = item_text(new, self._depth(state, anchor), state.unit)
        if blank_line is None:
            blank_line = _multiline(new) or _multiline(anchor)
        if blank_line:
            text = "\n" + text if after else text + "\n"
        offset = file.owned_span(anchor)[1 if after else 0]
        text = inserted_text(file.text, text)
        for i, old in enumerate(self._edits):
            # items put at one point go there in the order they were asked for
            # (two separate insertions there would have no defined order)
            if old.path == file.path and old.start == old.end == offset and not old.create:
                self._edits[i] = Edit(file.path, offset, offset, old.text + text)
                return
        self._edits.append(Edit(file.path, offset, offset, text))

    def append(self, container: Container, new: Item) -> None:
        """Add ``new`` as the last item of a block (or of a file, after a
        blank line)."""
        if type(container) is n.Module:
            self._new_items.setdefault(self._module_file(container).path, []).append(new)
            return
        file = self.file_of(container)
        state = self._state(file)
        block = self._body_block(state, container) if type(container) is n.Body else container
        if type(block) is n.Module:
            self._new_items.setdefault(file.path, []).append(new)
            return
        assert type(block) is n.Block
        items = [i for i in block.body.items if type(i) is n.Attribute or type(i) is n.Block]
        if block.open_newline is None:
            self._open_up(file, state, block, [*items, new])
            return
        if items:
            last = items[-1]
            assert type(last) is n.Attribute or type(last) is n.Block
            self._insert(last, new, after=True)
            return
        depth = self._depth(state, block) + 1
        close = file.span(block.close)[0]
        offset = close - len(file.line_indent(close))
        self._edits.append(Edit(file.path, offset, offset, inserted_text(file.text, item_text(new, depth, state.unit))))

    def _open_up(self, file: SourceFile, state: _FileState, block: n.Block, items: list[Item]) -> None:
        """A one-line block written out on lines with ``items`` as its body:
        ``a { b = 1 }`` -> ``a {`` / items / ``}``."""
        grown = block.with_changes(
            open=block.open._replace(trail=""),
            open_newline=NEWLINE,
            body=n.Body(tuple(with_newline(i) for i in items)),
            close=block.close._replace(lead=""),
            newline=None,
        )
        text = item_text(grown, self._depth(state, block), state.unit)
        indent = len(text) - len(text.lstrip(" \t"))
        start, end = file.span(block)
        self._edits += node_edits(file, start, end, text[indent:].removesuffix("\n"))

    def _parent_body(self, state: _FileState, item: n.Node) -> n.Body:
        body = state.parent(item)
        if type(body) is not n.Body:
            raise ValueError(f"{type(item).__name__} is not a body item")
        return body

    def add_argument(self, block: n.Block, new: n.Attribute) -> bool:
        """Add ``new`` to a multi-line ``block`` where Terraform authors put
        arguments: after the last one-line argument of the leading group
        (arguments come before nested blocks, and a multi-line value such as
        a ``tags`` map ends its group), else above the first item, else at
        the end. False for a one-line block, which is left as written."""
        if block.open_newline is None:
            return False
        file = self.file_of(block)
        anchor = None
        for item in block.body.items:
            if isinstance(item, n.Block) or (type(item) is n.Attribute and "\n" in file.source(item)):
                break
            if type(item) is n.Attribute:
                anchor = item
        first = next((item for item in block.body.items if type(item) is n.Attribute or type(item) is n.Block), None)
        if anchor is not None:
            self.insert_after(anchor, new)
        elif first is not None:
            self.insert_before(first, new)
        else:
            self.append(block, new)
        return True

    def set_attribute(self, container: n.Block | n.Module, name: str, value: Fill) -> None:
        """Set attribute ``name`` of a block (or file) to ``value``: its value
        is replaced when it exists, else it is added after the block's last
        attribute (before nested blocks, where Terraform authors keep them)."""
        body = container.body
        existing = body.attribute(name)
        if existing is not None:
            self.replace(existing.value, to_node(value))
            return
        new = parse_attribute("{0} = {1}", name, value)
        attributes = list(body.attributes())
        blocks = list(body.blocks())
        if attributes and attributes[-1].newline is not None:
            self._insert(attributes[-1], new, after=True)
        elif blocks and not attributes:
            self._insert(blocks[0], new, after=False)
        else:
            self.append(container, new)

    def set_object_item(self, obj: n.Object, key: str, value: Fill) -> None:
        """Set ``key`` of an object constructor to ``value`` (replaced when
        present, else added as its last item)."""
        existing = obj.item(key)
        if existing is not None:
            self.replace(existing.value, to_node(value))
            return
        file = self.file_of(obj)
        items = [i for i in obj.items if type(i) is n.ObjectItem]
        one_line = parse_expression("{ {0} = {1} }", _key(key), value)
        assert type(one_line) is n.Object
        new = one_line.items[0]
        assert type(new) is n.ObjectItem
        line = new.with_changes(comma=None, newline=None).code.strip()
        if obj.open_newline is None:
            if not items:
                self.replace(obj, one_line)
                return
            last = items[-1]
            at = file.span(last)[1]
            self._edits += node_edits(file, at, at, (" " if last.comma else ", ") + line)
            return
        state = self._state(file)
        if items:
            indent = file.line_indent(file.span(items[-1])[0])
            at = file.owned_span(items[-1])[1]
        else:
            indent = file.line_indent(file.span(obj)[0]) + state.unit
            close = file.span(obj.close)[0]
            at = close - len(file.line_indent(close))
        self._edits.append(Edit(file.path, at, at, inserted_text(file.text, indent + line + "\n")))

    def transform(self, transformer: Transformer, file: SourceFile | None = None) -> None:
        """Run a LibCST-style ``Transformer`` over a file (the builder's by
        default); whatever it changed becomes minimal edits."""
        file = file or self.file
        if file is None or file.tree is None:
            raise ValueError("transform needs a parsed file")
        new = visit(file.tree, transformer)
        self._edits += node_edits(file, 0, len(file.text), new.code)

    # -- module follow-ups -----------------------------------------------

    def ensure_variable(
        self,
        name: str,
        *,
        type: n.Expression | str | None = None,
        default: Fill = _MISSING,
        description: str | None = None,
        sensitive: bool | None = None,
        nullable: bool = True,
    ) -> str:
        """Make sure ``variable "<name>"`` is declared: nothing happens when
        the module declares it or this fix already asked for it; else it is
        added to the file that holds the module's variables (``variables.tf``
        when there is none). ``type`` is a type expression (``"bool"``,
        ``"list(string)"`` or a node); ``default`` any hole value.

        A declared variable is reused only when it can hold a value of
        ``type`` (``type_fits``: the same type, or untyped with no default or
        a default of that type); otherwise the first free name of ``name``,
        ``name_2``, ... is declared. With ``nullable=False`` (the variable
        goes into a string), a variable that may be null (``may_be_null``)
        is not reused either. Returns the name used, for ``var.<name>``:
        always build the reference from it."""
        if not is_identifier(name):
            raise ValueError(f"{name!r} is not an HCL identifier")
        wanted = None if type is None else type_text(type)
        for candidate in candidate_names(name):
            if candidate in self._variables:
                if wanted is None or self._variables[candidate] in (None, wanted):
                    return candidate
            elif candidate in self.module.variables:
                block = self.module.variables[candidate][1]
                if (wanted is None or type_fits(block, wanted)) and (nullable or not may_be_null(block)):
                    return candidate
            elif candidate in self.module.json_variables:
                continue  # declared in a .tf.json file: taken, and not ours to read or reuse
            else:
                name = candidate
                break
        self._variables[name] = wanted
        lines: list[n.Attribute] = []
        if description is not None:
            lines.append(parse_attribute("description = {0}", description))
        if type is not None:
            kind = parse_expression(type) if isinstance(type, str) else type  # a type expression, not a value
            lines.append(parse_attribute("type = {0}", kind))
        if default is not _MISSING:
            lines.append(parse_attribute("default = {0}", default))
        if sensitive is not None:
            lines.append(parse_attribute("sensitive = {0}", sensitive))
        block = parse_block("variable {0} {\n}", name)
        block = block.with_changes(body=n.Body(tuple(lines)))
        self._new_items.setdefault(self.module.variables_file(), []).append(block)
        return name

    def ensure_required_provider(self, name: str, source: str, version: str | None = None) -> None:
        """Make sure ``terraform { required_providers { <name> = ... } }``
        names the provider: added to an existing ``required_providers`` or
        ``terraform`` block, else in a new ``terraform`` block in
        ``versions.tf``."""
        if name in self._providers:
            return
        self._providers.add(name)
        entry: dict[str, Fill] = {"source": source}
        if version is not None:
            entry["version"] = version
        value = multiline_object(entry)
        terraform = list(self.module.blocks("terraform"))
        for _, block in terraform:
            for required in block.body.blocks("required_providers"):
                if required.body.attribute(name) is not None:
                    return
        for _, block in terraform:
            found = block.body.block("required_providers")
            if found is not None:
                self.append(found, parse_attribute("{0} = {1}", name, value))
                return
        requirement = parse_block("required_providers {\n}").with_changes(
            body=n.Body((parse_attribute("{0} = {1}", name, value),))
        )
        if terraform:
            self.append(terraform[0][1], requirement)
            return
        block = parse_block("terraform {\n}").with_changes(body=n.Body((requirement,)))
        versions = self.module.declarations_file([], self.module.directory / "versions.tf")
        self._new_items.setdefault(versions, []).append(block)

    def new_file(self, name: str | Path, *items: Item) -> Path:
        """Queue ``items`` for a module file (created when it does not exist,
        appended to when it does). Returns its path."""
        path = self.module.directory / name
        self._new_items.setdefault(path, []).extend(items)
        return path

    def _module_file(self, tree: n.Module) -> SourceFile:
        for file in self.module.parsed():
            if file.tree is tree:
                return file
        raise ValueError("that module tree is not a file of the module")

    # -- the result ------------------------------------------------------

    def edits(self) -> list[Edit]:
        """Every edit so far, queued follow-ups resolved, in file order."""
        edits = list(self._edits)
        for state in self._states.values():
            for body, gone in state.removed.values():
                edits += state.file.remove_items(gone, body)
        for path, items in self._new_items.items():
            file = self.module.files.get(path)
            if file is None or file.tree is None:
                file = self.file  # a new file is indented as the file the fix starts from
            unit = self._state(file).unit if file is not None and file.tree is not None else "  "
            text = "\n".join(item_text(item, 0, unit) for item in items)
            edits.append(self.module.new_file_edit(path, text))
        edits.sort(key=lambda e: (str(e.path), e.start, e.end))
        for a, b in itertools.pairwise(edits):
            if a.overlaps(b):
                raise ValueError(f"{a.path}: two operations of one fix touch offset {b.start}")
        return edits

    def build(self, message: str, applicability: Applicability) -> Fix:
        """The ``Fix`` the engine applies."""
        return Fix(message, tuple(self.edits()), applicability)


class _Put(Transformer):
    """Puts ``new`` where the node ``old`` is (by identity), trivia and all."""

    def __init__(self, old: n.Node, new: n.Node) -> None:
        self.old, self.new = old, new

    def on_leave(self, original: n.Node, updated: n.Node) -> n.Node:
        return self.new if original is self.old else updated


class _HeredocEnds(Transformer):
    """A heredoc's closing marker must end its line: when a snippet puts a
    token after one (``f(<<EOT ... EOT)``), the line break goes in."""

    def leave_Heredoc(self, original: n.Heredoc, updated: n.Heredoc) -> n.Node:
        close = updated.close
        return updated if "\n" in close.trail else updated.with_changes(close=close._replace(trail="\n" + close.trail))


def _key(key: str) -> Fill:
    return Name(key) if is_identifier(key) else key


def _multiline(item: Item) -> bool:
    return type(item) is n.Block and item.open_newline is not None
