"""A naive second reading of references, for the model tests to check
``tffix.model`` against: every ``Variable`` found by ``walk``, its traversal
found by climbing a parent map, its scope by looking at every ancestor. Slow
and simple on purpose; it shares no code with ``tffix/model/references.py``.
"""

from __future__ import annotations

from typing import Any

from tffix.cst import nodes as n
from tffix.cst import parents, walk

# Same rules as the module docstring of tffix/model/references.py, written again.
RESERVED = {"count", "each", "self", "path", "terraform"}
ADDRESS_ATTRIBUTES = {
    "resource": {"provider"}, "data": {"provider"}, "module": {"providers"}, "lifecycle": {"ignore_changes"},
    "variable": {"type"}, "moved": {"from", "to"}, "removed": {"from"}, "import": {"to"},
}  # fmt: skip


def _bound(node: n.Node, name: str, parent: dict[int, n.Node]) -> bool:
    """Whether an enclosing for expression, for directive or dynamic block (in its
    ``content`` and ``labels``) binds ``name`` at ``node``."""
    child: Any = node
    while id(child) in parent:
        up: Any = parent[id(child)]
        if type(up) in (n.ForExpr, n.ForDirective) and child is not up.collection:
            names = {up.value_var.text} | ({up.key_var.text} if up.key_var is not None else set())
            if name in names:
                return True
        in_content = type(child) is n.Block and child.type.text == "content"
        in_labels = type(child) is n.Attribute and child.name.text == "labels"
        if type(up) is n.Body and (in_content or in_labels):
            owner = parent.get(id(up))
            if type(owner) is n.Block and owner.type.text == "dynamic":
                iterator = owner.body.attribute("iterator")
                if iterator is not None and type(iterator.value) is n.Variable:
                    bound_name = iterator.value.name.text
                else:
                    bound_name = owner.label_values[0] if owner.labels else ""
                if name == bound_name:
                    return True
        child = up
    return False


def _in_address(node: n.Node, parent: dict[int, n.Node]) -> bool:
    child: Any = node
    while id(child) in parent:
        up: Any = parent[id(child)]
        if type(up) is n.Attribute and child is up.value:
            body = parent.get(id(up))
            owner = parent.get(id(body)) if body is not None else None
            if type(owner) is n.Block and up.name.text in ADDRESS_ATTRIBUTES.get(owner.type.text, ()):
                return True
        child = up
    return False


def _name_at(chain: list[Any], i: int) -> str | None:
    link = chain[i] if i < len(chain) else None
    return link.name.text if type(link) is n.GetAttr and link.name.kind != "NUMBER_LIT" else None


def naive_references(tree: n.Module) -> list[tuple[str, tuple[str, ...], n.Node, n.Node]]:
    parent = parents(tree)
    out: list[tuple[str, tuple[str, ...], n.Node, n.Node]] = []
    for node in walk(tree):
        if type(node) is not n.Variable:
            continue
        chain: list[Any] = []
        current: Any = node
        while True:
            up: Any = parent.get(id(current))
            if type(up) not in (n.GetAttr, n.Index, n.Splat) or up.obj is not current:
                break
            chain.append(up)
            current = up
        root = node.name.text
        if not chain or root in RESERVED or _bound(node, root, parent) or _in_address(node, parent):
            continue

        first = _name_at(chain, 0)
        if first is None:
            continue
        if root == "data":
            second = _name_at(chain, 1)
            if second is not None:
                out.append(("data", (first, second), chain[1], chain[-1]))
        elif root in ("var", "local", "module"):
            kind = {"var": "variable", "local": "local", "module": "module"}[root]
            out.append((kind, (first,), chain[0], chain[-1]))
        else:
            out.append(("resource", (root, first), chain[0], chain[-1]))
    return out
