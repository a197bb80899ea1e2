"""Properties of ``tffix edit`` over the real corpus (hypothesis).

1. Every address ``list`` prints names its node alone: resolving it again
   gives exactly that node.
2. A random ``set`` (of an attribute, object item or element that exists)
   or ``rm`` (of any item) leaves every other top-level block byte for byte,
   and every line outside the edited item too, but for what ``terraform
   fmt`` wants changed beside it: the padding before ``=`` in the item's
   group of aligned attributes (a value that changes its number of lines
   joins or splits a group) and, for ``rm``, the blank line beside the cut.
   The output parses, and a fmt-clean file stays fmt-clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_files, read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_harness import fmt_clean

from tffix.context.module import SourceFile, TerraformModule
from tffix.cst import nodes as n
from tffix.edit.address import All, parse_address
from tffix.edit.resolve import KINDS_TO_LIST, Match, expression_of, resolve, step_matches, top_matches
from tffix.edit.verbs import Options, plan
from tffix.engine.edits import apply_fix_edits
from tffix.syntax.parser import parse_module

pytestmark = pytest.mark.corpus

FILES = [p for p in corpus_files("dev") if p.suffix == ".tf" and read(p).strip()]


def _module(text: str) -> TerraformModule:
    path = Path("/module/main.tf")
    return TerraformModule.from_texts(path.parent, {path: text})


def _everything(module: TerraformModule) -> list[Match]:
    """Every block, attribute, object item and element, by walking down with
    ``.*`` and ``[*]`` from every top-level kind."""
    out: list[Match] = []
    todo = [m for top in KINDS_TO_LIST for m in top_matches(module, top)]
    while todo:
        match = todo.pop()
        out.append(match)
        if type(match.node) is n.Block:
            if match.labels_left:
                continue
            todo += step_matches([match], All(1, dot=True))
            continue
        value = expression_of(match)
        while type(value) is n.Parens:
            value = value.expr
        if type(value) in (n.Object, n.Tuple, n.FunctionCall):
            todo += step_matches([match], All(1))
    return out


def _unique(matches: list[Match]) -> list[Match]:
    """Matches whose address names nothing else (``[?]``: a key that is an
    expression has no address)."""
    return [m for m in matches if "[?]" not in m.address]


@pytest.mark.parametrize("path", FILES[:: max(1, len(FILES) // 40)], ids=lambda p: p.name)
def test_listed_addresses_name_their_node(path: Path) -> None:
    module = _module(read(path))
    for match in _unique(_everything(module)):
        again = resolve(module, parse_address(match.address))
        assert [m.node for m in again] == [match.node], match.address


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.sampled_from(["set", "rm"]), st.data())
def test_random_edits_keep_everything_else(path: Path, verb: str, data: st.DataObject) -> None:
    text = read(path)
    module = _module(text)
    candidates = _unique(_everything(module))
    if verb == "set":
        candidates = [m for m in candidates if type(m.node) is not n.Block]
    if not candidates:
        return
    match = data.draw(st.sampled_from(candidates))
    value = '"tffix-probe"' if verb == "set" else None
    edits = plan(module, verb, parse_address(match.address), value, Options())
    after = apply_fix_edits({p: f.text for p, f in module.files.items()}, edits).get(Path("/module/main.tf"), text)
    tree = parse_module(after)
    # every top-level block but the one edited prints byte for byte, padding included
    file = module.files[Path("/module/main.tf")]
    assert file.tree is not None
    edited = _top_level_of(file, match.node)
    old_items = [item.code for item in file.tree.body.items if item is not edited and type(item) is not n.EmptyLine]
    new_items = [item.code for item in tree.body.items if type(item) is not n.EmptyLine]
    if not (verb == "rm" and match.node is edited):
        index = [i for i in file.tree.body.items if type(i) is not n.EmptyLine].index(edited)
        del new_items[index]
    assert new_items == old_items, f"{path.name}: {verb} {match.address} changed another top-level block"
    if fmt_clean(text):
        assert fmt_clean(after), f"{path.name}: {verb} {match.address} left the file unclean"
    node = match.node if verb == "rm" else expression_of(match)
    assert node is not None
    start, end = file.owned_span(node) if verb == "rm" and type(node) is not n.Element else file.span(node)
    first, last = file.location(start)[0], file.location(max(start, end - 1))[0]
    old, new = text.splitlines(keepends=True), after.splitlines(keepends=True)
    # the lines beside a cut may change; and a value that changes its number of
    # lines joins or splits a group of aligned `=`, which realigns the group
    slack = 1 if verb == "rm" else 0
    head = max(first - 1 - slack, 0)
    tail = len(old) - last - slack
    assert _same(old[:head], new[:head], loose=True), f"{path.name}: {verb} {match.address}: lines above changed"
    if tail > 0:
        assert _same(old[-tail:], new[-tail:], loose=True), f"{path.name}: {verb} {match.address}: lines below"


def _top_level_of(file: SourceFile, node: n.Node) -> n.Node:
    """The top-level block (or attribute) holding ``node``."""
    assert file.tree is not None
    start, end = file.span(node)
    for item in file.tree.body.items:
        if type(item) is not n.EmptyLine:
            a, b = file.span(item)
            if a <= start and end <= b:
                return item
    raise AssertionError("not in the file")


def _same(a: list[str], b: list[str], *, loose: bool) -> bool:
    if not loose:
        return a == b
    if a == b:
        return True
    return [_unpadded(x) for x in a] == [_unpadded(x) for x in b]


def _unpadded(line: str) -> str:
    """``line`` with the blanks before its first ``=`` made one."""
    name, eq, rest = line.partition("=")
    return name.rstrip() + " " + eq + rest if eq else line
