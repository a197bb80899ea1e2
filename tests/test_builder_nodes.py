"""The builder makes nodes without their ``__init__`` (``syntax/builder.py``,
for speed): the trees must be exactly those ``__init__`` would make, with
every field set, and as frozen."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS

from tffix import parse_module
from tffix.cst import nodes as n

TORTURE = Path(__file__).resolve().parent / "torture"


def _rebuilt(root: n.Node) -> n.Node:
    """``root`` made again through each class's ``__init__``, bottom up (a
    stack, not recursion: trees nest deep). Reading a field the builder left
    unset raises AttributeError."""
    done: dict[int, Any] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        value, expanded = stack.pop()
        if isinstance(value, n.Node):
            fields = [getattr(value, f.name) for f in dataclasses.fields(value) if f.init]
            if not expanded:
                stack.append((value, True))
                stack.extend((v, False) for v in fields)
            else:
                done[id(value)] = type(value)(*(_done(done, v) for v in fields))
        elif type(value) is tuple:
            if not expanded:
                stack.append((value, True))
                stack.extend((v, False) for v in value)
            else:
                done[id(value)] = tuple(_done(done, v) for v in value)
    return done[id(root)]  # type: ignore[no-any-return]


def _done(done: dict[int, Any], value: Any) -> Any:
    return done.get(id(value), value) if isinstance(value, (n.Node, tuple)) else value


def _check(text: str) -> None:
    module = parse_module(text)
    again = _rebuilt(module)
    assert again is not module and n.deep_equals(module, again)
    assert again.code == module.code == text
    with pytest.raises(dataclasses.FrozenInstanceError):
        module.body.items = ()  # type: ignore[misc]


@pytest.mark.parametrize("path", sorted(TORTURE.glob("*.tf")), ids=lambda p: p.name)
def test_torture_trees_are_what_init_makes(path: Path) -> None:
    _check(path.read_bytes().decode("utf-8"))


@pytest.mark.corpus
def test_corpus_trees_are_what_init_makes() -> None:
    for path in sorted((CORPUS / "dev").rglob("*.tf")):
        _check(path.read_text(encoding="utf-8"))


def test_every_construct_is_what_init_makes() -> None:
    _check(
        '# c\nb "l" m {\n  a = { k = 1, "q": [for v in x : v] }\n  o = {\n    # above\n    p = 1 # after\n  }\n'
        "  t = <<-EOT\n  %{ if a }x%{ else }y%{ endif }%{ for k, v in m }${v}%{ endfor }\n  EOT\n"
        "  e = !a ? -b[0].c[*].d : f(g...)\n  s = x.*.y\n  p = (1 + 2) * 3 == 4 && {for k, v in m : k => v... if v}\n}\n"
        "one { x = 1 }\n"
    )
