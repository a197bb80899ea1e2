"""``tffix rename`` over the real corpus: renaming a resource and renaming
it back gives every file's original bytes (the ``moved`` file aside), each
step's output parses, and every reference follows the rename."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tffix.context.module import TerraformModule
from tffix.engine.discover import discover
from tffix.refactor import RenameError, plan_rename
from tffix.syntax.parser import parse_module

pytestmark = pytest.mark.corpus


@functools.cache
def _modules() -> list[tuple[Path, tuple[tuple[str, str], ...]]]:
    """Corpus modules that declare resources, with those resources."""
    modules, _ = discover([str(CORPUS / "dev")])
    out = []
    for source in modules:
        module = TerraformModule.from_texts(source.directory, source.texts, source.existing)
        if not module.complete:
            continue
        resources = tuple(d.name for d in module.index.declarations("resource") if not d.override)
        if resources:
            out.append((source.directory, resources))
    return out


def _texts(plan_changes: list, base: dict[Path, str]) -> dict[Path, str]:
    return {**base, **{c.path: c.text for c in plan_changes}}


def test_the_corpus_has_modules_to_rename_in() -> None:
    assert len(_modules()) > 20


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_rename_and_back_gives_the_original_bytes(data: st.DataObject) -> None:
    directory, resources = data.draw(st.sampled_from(_modules()), label="module")
    kind, name = data.draw(st.sampled_from(resources), label="resource")
    old, new = f"{kind}.{name}", f"{kind}.{name}_renamed"
    try:
        there = plan_rename(directory, old, new, root=directory)
        moved = True
    except RenameError as e:
        assert "required_version" in str(e), e  # the only refusal a declared, unclashing name may get
        there = plan_rename(directory, old, new, root=directory, moved=False)
        moved = False
    assert there.changes
    originals = {c.path: c.original for c in there.changes}
    for change in there.changes:
        parse_module(change.text, path=str(change.path))
    renamed = {c.path: c.text for c in there.changes}

    # every reference follows: as many resolve to NEW as resolved to OLD, none to OLD
    texts_before = {p: Path(p).read_text("utf-8") for p in sorted(directory.glob("*.tf"))}
    before = TerraformModule.from_texts(directory, texts_before)
    after = TerraformModule.from_texts(directory, _texts(there.changes, texts_before))
    assert after.complete
    declared_before = before.index.declaration("resource", kind, name)
    declared_after = after.index.declaration("resource", kind, name + "_renamed")
    assert declared_before is not None and declared_after is not None
    assert after.index.declaration("resource", kind, name) is None
    assert len(after.index.references.references_to(declared_after)) == len(
        before.index.references.references_to(declared_before)
    )

    back = plan_rename(directory, new, old, root=directory, moved=moved, buffers=renamed)
    final = {**renamed, **{c.path: c.text for c in back.changes}}
    for change in back.changes:
        parse_module(change.text, path=str(change.path))
    for path, text in final.items():
        if path == there.moved_file:
            original = originals.get(path)
            assert original is None or text.startswith(original.rstrip("\n"))
            continue
        assert text == originals[path], f"{path} differs after renaming {old} and back"
