"""Properties of `tffix.rewrite` over real files: whatever item an operation
picks, the result parses, a fmt-clean file stays fmt-clean, and in a file
that is not clean only the lines of the edited item change."""

from __future__ import annotations

import pytest
from conftest import corpus_files, read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rewrite_support import changed_lines, rewrite
from rule_harness import fmt_clean

from tffix import parse_module
from tffix.cst import nodes as n
from tffix.cst.visitor import walk
from tffix.rewrite import parse_attribute, parse_expression

CLEAN = [p for p in corpus_files("dev") if p.suffix == ".tf" and read(p).strip()]
UNFORMATTED = [p for p in corpus_files("dev-unformatted") if p.suffix == ".tf" and read(p).strip()]


def _items(text: str) -> list[int]:
    """Positions (in walk order) of the attributes and blocks of ``text``."""
    return [i for i, node in enumerate(walk(parse_module(text))) if type(node) in (n.Attribute, n.Block)]


def _nth(tree: n.Module, index: int) -> n.Node:
    return list(walk(tree))[index]


def _apply(text: str, op: str, index: int) -> str:
    def run(b, f):
        node = _nth(f.tree, index)
        if op == "remove":
            b.remove(node)
        elif op == "wrap" and type(node) is n.Attribute:
            b.wrap(node.value, "({0})")
        elif op == "add" and type(node) is n.Block:
            b.set_attribute(node, "tffix_probe", parse_expression("{0}", True))
        elif op == "insert" and type(node) in (n.Attribute, n.Block):
            b.insert_before(node, parse_attribute("tffix_probe = {0}", "x"))

    out, _ = rewrite({"main.tf": text}, run)
    return out.get("main.tf", text)


OPS = st.sampled_from(["remove", "wrap", "add", "insert"])


@pytest.mark.corpus
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CLEAN), OPS, st.data())
def test_fmt_clean_in_fmt_clean_out(path, op, data) -> None:
    text = read(path)
    items = _items(text)
    if not items or not fmt_clean(text):
        return
    after = _apply(text, op, data.draw(st.sampled_from(items)))
    assert fmt_clean(after), f"{path.name}: {op} left the file unclean"


@pytest.mark.corpus
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(UNFORMATTED), st.data())
def test_in_an_untidy_file_only_the_wrapped_attribute_changes(path, data) -> None:
    """Other lines keep their bytes, but for the padding before ``=`` of a
    group the formatter takes as aligned (one neighbour with one space is
    taken so: in a fmt-clean file that is what it is)."""
    text = read(path)
    tree = parse_module(text)
    attributes = [i for i, node in enumerate(walk(tree)) if type(node) is n.Attribute]
    if not attributes:
        return
    index = data.draw(st.sampled_from(attributes))
    attr = _nth(tree, index)
    where = tree.position(attr)
    after = _apply(text, "wrap", index)
    old, new = changed_lines(text, after)
    lines = text.splitlines(keepends=True)[where.start[0] - 1 : where.end[0]]
    padded = {_unpadded(line) for line in new}
    outside = [line for line in old if line not in lines and _unpadded(line) not in padded]
    assert not outside, f"{path.name}: lines outside the attribute changed: {outside}"


def _unpadded(line: str) -> str:
    """``line`` with the blanks before its first ``=`` made one."""
    name, eq, rest = line.partition("=")
    return name.rstrip() + " " + eq + rest if eq else line
