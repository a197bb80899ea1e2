"""Running ``tffix.rewrite`` operations on texts as the engine would, with the
checks every rewrite test wants: the result parses, the edits a fix carries
are what ``apply`` writes, a fmt-clean file stays fmt-clean (asked of the real
``terraform fmt``), and lines the operation did not touch keep their bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from oracles import terraform_fmt

from tffix import parse_module
from tffix.engine.edits import apply_fix_edits
from tffix.engine.module import SourceFile, TerraformModule
from tffix.rewrite import FixBuilder
from tffix.rules.base import Edit

D = Path("/module")

Op = Callable[[FixBuilder, SourceFile], None]


def rewrite(files: dict[str, str] | str, op: Op, *, file: str = "main.tf") -> tuple[dict[str, str], list[Edit]]:
    """The module's files after ``op`` (only the files it changes) and the
    edits it made; ``op`` gets a builder and the file named ``file``."""
    texts = {D / name: text for name, text in ({file: files} if isinstance(files, str) else files).items()}
    module = TerraformModule.from_texts(D, texts)
    source = module.files[D / file]
    builder = FixBuilder(module, source)
    op(builder, source)
    edits = builder.edits()
    out = apply_fix_edits(texts, edits)
    for text in out.values():
        assert parse_module(text).code == text  # the result parses
    return {path.name: text for path, text in out.items()}, edits


def rewrite_one(text: str, op: Op) -> str:
    """``main.tf`` after ``op`` (which must change it)."""
    out, _ = rewrite(text, op)
    return out["main.tf"]


def terraform_clean(text: str) -> bool:
    """Whether the real ``terraform fmt`` leaves ``text`` as it is."""
    result = terraform_fmt(text)
    assert result.rc == 0, result.errors
    return result.output == text


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines of each text that the other does not have at the same
    distance from its start or end (a cheap, order-keeping line diff)."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return a[head : len(a) - tail], b[head : len(b) - tail]


def first(tree: object, *path: int) -> object:
    """``tree.body.items[i].body.items[j]...``: reach an item by positions."""
    node = tree
    for i in path:
        node = node.body.items[i]  # type: ignore[attr-defined]
    return node
