"""TFX201's fix keeps the value of every traversal it rewrites.

The test evaluates traversals as HCL does, on a small nested value: a dot
index ``.0`` and a bracket index ``[0]`` read the same element; a ``[*]``
splat applies every step after it to each element; a dot splat ``.*`` only
the dot steps (``.name``, ``.0``) that follow it directly, and whatever comes
after them applies to the list it made. Random chains of steps are written,
fixed with TFX201, and both versions evaluated: the results (or the failure)
must be the same, and nothing must be left to fix.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from rule_harness import outputs, run

from tffix.api import Attribute, GetAttr, Index, Literal, Node, Parens, ParseError, Splat, Variable, parse_module
from tffix.settings import Settings

SETTINGS = Settings(select=("TFX201",))

#: the value the root name ``v`` stands for
VALUE = [
    {"a": [{"b": 1, "c": [5, 6]}, {"b": 2, "c": [7]}], "b": 10, "c": [1, 2, 3]},
    {"a": [{"b": 3, "c": []}], "b": 20, "c": [4]},
]


class Failed(Exception):
    """The traversal fails on the value (Terraform would refuse it)."""


def _steps(node: Node) -> tuple[Node, list[tuple[str, Any]]]:
    """The root of a traversal chain and its steps, first to last."""
    steps: list[tuple[str, Any]] = []
    while isinstance(node, (GetAttr, Index, Splat)):
        if type(node) is GetAttr:
            legacy = node.name.kind == "NUMBER_LIT"
            steps.append(("dot-index", int(node.name.text)) if legacy else ("attr", node.name.text))
        elif type(node) is Index:
            assert type(node.key) is Literal
            steps.append(("index", int(node.key.token.text)))
        else:
            assert type(node) is Splat
            steps.append(("splat", node.close is not None))
        node = node.obj
    return node, steps[::-1]


def evaluate(node: Node) -> Any:
    root, steps = _steps(node)
    if type(root) is Parens:
        start = evaluate(root.expr)
    else:
        assert type(root) is Variable and root.name.text == "v"
        start = VALUE
    return _apply(start, steps)


def _apply(value: Any, steps: list[tuple[str, Any]]) -> Any:
    i = 0
    while i < len(steps):
        kind, arg = steps[i]
        if kind == "splat":
            end = i + 1
            if arg:  # [*]: every step after it
                end = len(steps)
            else:  # .*: the dot steps right after it
                while end < len(steps) and steps[end][0] in ("attr", "dot-index"):
                    end += 1
            items = value if isinstance(value, list) else [value]
            value = [_apply(item, steps[i + 1 : end]) for item in items]
            i = end
            continue
        if kind == "attr":
            if not isinstance(value, dict) or arg not in value:
                raise Failed
            value = value[arg]
        else:
            if not isinstance(value, list) or arg >= len(value):
                raise Failed
            value = value[arg]
        i += 1
    return value


def _outcome(node: Node) -> Any:
    try:
        return ("value", evaluate(node))
    except Failed:
        return ("fails", None)


_STEP = st.sampled_from([".a", ".b", ".c", ".0", ".1", "[0]", "[1]", ".*", "[*]"])


@given(st.lists(_STEP, min_size=1, max_size=6))
def test_the_fix_keeps_the_value(steps: list[str]) -> None:
    expr = "v" + "".join(steps)
    try:
        before = parse_module(f"locals {{\n  x = {expr}\n}}\n")
    except ParseError:  # a chain HCL refuses (`.0.1`): nothing to compare
        return
    source = before.code
    result = run({"main.tf": source}, SETTINGS)
    assert not result.internal_errors, result.internal_errors
    after_text = outputs(result)["main.tf"]
    after = parse_module(after_text)
    old = before.body.items[0].body.items[0]  # type: ignore[union-attr]
    new = after.body.items[0].body.items[0]  # type: ignore[union-attr]
    assert type(old) is Attribute and type(new) is Attribute
    assert _outcome(new.value) == _outcome(old.value), (source, after_text)
    # what is left is only what no bracket form can say (reported without a fix)
    assert all(d.fix is None for d in run({"main.tf": after_text}, SETTINGS, fix=False).remaining)


def test_the_evaluator_tells_the_splats_apart() -> None:
    """The two splats differ where the fix must add parentheses."""
    legacy = parse_module("x = v.*.a[0]\n").body.items[0]
    full = parse_module("x = v[*].a[0]\n").body.items[0]
    assert type(legacy) is Attribute and type(full) is Attribute
    assert _outcome(legacy.value) != _outcome(full.value)
