"""``tffix.model`` over the corpus: the index agrees with naive walks of every
module, and references resolve as python-hcl2's reading of the same files says.

Each folder's ``.tf`` files make one module, as Terraform reads them; files
tffix rejects (Terraform rejects them too, see test_corpus_roundtrip) are left
out of their module.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import hcl2
import pytest
from conftest import CORPUS, corpus_files, read
from hcl2 import SerializationOptions
from hcl2.const import IS_BLOCK
from hcl2.utils import process_escape_sequences
from model_oracle import naive_references

from tffix import ParseError, parse_module
from tffix.cst import nodes as n
from tffix.model import ModuleIndex, is_override_file

SETS = ("dev", "rough")  # dev-unformatted is dev, differently spaced


@functools.cache
def modules(name: str) -> list[tuple[str, dict[str, n.Module]]]:
    """(folder relative to the corpus, {file name: tree}) for each folder of a set."""
    folders: dict[Path, dict[str, n.Module]] = defaultdict(dict)
    for path in corpus_files(name):
        if path.suffix != ".tf":
            continue
        try:
            folders[path.parent][path.name] = parse_module(read(path))
        except ParseError:
            continue
    return [(str(folder.relative_to(CORPUS)), files) for folder, files in sorted(folders.items()) if files]


def naive_index(files: dict[str, n.Module]) -> dict[str, Any]:
    """What the index should hold, read straight off the trees."""
    blocks = [(f, b) for f, tree in files.items() for b in tree.body.items if type(b) is n.Block]
    declared: list[tuple[str, tuple[str, ...], str]] = []
    arity = {"variable": 1, "output": 1, "resource": 2, "data": 2, "module": 1, "provider": 1, "terraform": 0}
    for f, b in blocks:
        if b.type.text == "locals":
            declared += [("local", (a.name.text,), f) for a in b.body.attributes()]
        elif arity.get(b.type.text) == len(b.labels):
            declared.append((b.type.text, b.label_values, f))
    return {
        "blocks": [(f, b.type.text, b.label_values) for f, b in blocks],
        "declared": declared,
        "types": list(dict.fromkeys(b.type.text for _, b in blocks)),
    }


@pytest.mark.corpus
@pytest.mark.parametrize("name", SETS)
def test_index_agrees_with_naive_walks(name: str) -> None:
    checked = 0
    for folder, files in modules(name):
        ix = ModuleIndex(files)
        naive = naive_index(files)
        assert [(e.file, e.type, e.labels) for e in ix.blocks()] == naive["blocks"], folder
        assert list(ix.block_types()) == naive["types"], folder
        for kind in naive["types"]:
            assert [e.block for e in ix.blocks(kind)] == [b for tree in files.values() for b in tree.blocks(kind)]
            for entry in ix.blocks(kind):
                if entry.name is None:
                    continue  # ``blocks(kind, None)`` is every block of the kind, checked above
                same = [b for tree in files.values() for b in tree.blocks(kind, entry.name)]
                assert [e.block for e in ix.blocks(kind, entry.name)] == same, (folder, kind, entry.name)
        assert [(d.kind, d.name, d.file) for d in ix.declarations()] == naive["declared"], folder
        for entry in ix.blocks():
            body = entry.block.body
            first: dict[str, n.Attribute] = {}
            for attribute in body.attributes():  # a repeated name (Terraform refuses it): the first counts
                first.setdefault(attribute.name.text, attribute)
            assert ix.attributes(body) == first, folder
        for file, tree in files.items():
            mine = [(r.kind, r.name, id(r.node), id(r.traversal)) for r in ix.references.in_file(file)]
            assert mine == [(k, nm, id(a), id(b)) for k, nm, a, b in naive_references(tree)], (folder, file)
        checked += 1
    assert checked > (90 if name == "dev" else 1000)


# ------------------------------------------------------------------ python-hcl2's view

_OPTIONS = SerializationOptions(with_comments=False)


def _label(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return process_escape_sequences(raw[1:-1]).replace("$${", "${").replace("%%{", "%{")
    return raw


def _entries(value: Any, labels: int) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """A block type's list as (labels, body) pairs (python-hcl2 nests one dict per label)."""
    out = []
    for entry in value if type(value) is list else ():
        names: list[str] = []
        while type(entry) is dict and not entry.get(IS_BLOCK) and len(entry) == 1 and len(names) < labels:
            ((raw, entry),) = entry.items()
            names.append(_label(raw))
        out.append((tuple(names), entry))
    return out


def hcl2_declared(files: list[Path]) -> tuple[set[tuple[str, tuple[str, ...]]], str] | None:
    """What python-hcl2 says the module's files declare (override files left
    out: they declare nothing), and the text of all its values; None when
    python-hcl2 cannot read one of them."""
    declared: set[tuple[str, tuple[str, ...]]] = set()
    values: list[str] = []
    for path in files:
        try:
            data = hcl2.loads(read(path), serialization_options=_OPTIONS)
        except Exception:  # noqa: BLE001 - its known failures are listed in test_hcl2_crosscheck
            return None
        values.append(json.dumps(data))
        if is_override_file(path):
            continue
        for kind, arity in (("variable", 1), ("resource", 2), ("data", 2), ("module", 1)):
            declared |= {(kind, labels) for labels, _ in _entries(data.get(kind), arity) if len(labels) == arity}
        for _, body in _entries(data.get("locals"), 0):
            declared |= {("local", (key,)) for key in body if key != IS_BLOCK}
    return declared, "\n".join(values)


_NAME = re.compile(r"[A-Za-z_][\w-]*")


@pytest.mark.corpus
def test_references_resolve_as_python_hcl2_reads_the_declarations() -> None:
    """On ``dev`` (real modules): a reference resolves exactly when python-hcl2
    sees its declaration, and python-hcl2's values mention every reference."""
    resolved = unresolved = 0
    for folder, files in modules("dev"):
        theirs = hcl2_declared([CORPUS / folder / f for f in files])
        assert theirs is not None, folder
        declared, values = theirs
        for reference in ModuleIndex(files).references:
            where = (folder, reference.file, reference.address)
            assert (reference.declaration is not None) == ((reference.kind, reference.name) in declared), where
            assert re.search(r"(?<![\w.-])" + re.escape(reference.address) + r"(?![\w-])", values), where
            if reference.declaration is None:
                unresolved += 1
            else:
                resolved += 1
    # the corpus modules are real: almost everything they refer to is declared
    assert resolved > 1000 and unresolved < resolved / 20, (resolved, unresolved)
