"""A module the parser made keeps the lexer's token list (``Module._parsed_tokens``)
so ``tokens()`` and ``code`` need not walk the tree: that list must be the
tree's own leaves, the same objects in the same order; a module made any other
way has none and is walked."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import CORPUS

from tffix import parse_module
from tffix.cst import nodes as n
from tffix.cst.nodes import _flatten
from tffix.syntax.parser import parse_with_tokens

TORTURE = Path(__file__).resolve().parent / "torture"
FILES = sorted(p for p in (CORPUS / "dev").rglob("*.tf") if p.is_file()) + sorted(TORTURE.glob("*.tf"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_parsed_tokens_are_the_leaves(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    module, produced = parse_with_tokens(text)
    walked = _flatten(module)
    listed = list(module.tokens())
    assert module._parsed_tokens is not None
    assert len(listed) == len(walked) == len(produced)
    assert all(a is b for a, b in zip(listed, walked))
    assert all(a is b for a, b in zip(produced, walked))
    assert module.code == text


def test_a_changed_module_is_walked() -> None:
    module = parse_module('a = 1\nb = "x"\n')
    second = module.body.items[1]
    changed = module.with_changes(body=module.body.with_changes(items=(second,)))
    assert changed._parsed_tokens is None
    assert changed.code == 'b = "x"\n'
    assert [tok.text for tok in changed.tokens()] == [tok.text for tok in _flatten(changed)]
    made = n.Module("", module.body, module.eof)
    assert made._parsed_tokens is None and made.code == module.code


def test_the_list_is_no_child() -> None:
    module = parse_module("a = 1\n")
    assert "_parsed_tokens" not in n.Module.__match_args__
    assert n.deep_equals(module, module.with_changes())
    again = pickle.loads(pickle.dumps(module))
    assert again.code == module.code
    assert all(a is b for a, b in zip(again.tokens(), _flatten(again)))
