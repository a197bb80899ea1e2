"""Cross-check tffix's CST structure against python-hcl2 on every corpus file.

An independent parser is the oracle here: for every corpus file both parsers
read, the block types, block labels, attribute names and nesting tffix sees must
equal what python-hcl2 (8.1.4) reports through ``hcl2.loads``. Values are not
compared. Files tffix rejects are the round-trip test's business and are skipped.

python-hcl2 8.x dict shape (default options, comments off)::

    {"attr": <value>,                        # attribute: plain key
     "resource": [                           # block type: list, one entry per block
        {'"aws_x"': {'"name"': {             # one single-key layer per label,
            "nested": [{..., "__is_block__": True}],   # labels verbatim (quotes kept)
            "__is_block__": True}}}]}        # the body carries __is_block__

Keys keep first-occurrence order (blocks of one type are grouped under the key
of the first; attributes and block types stay in order), so both sides are
normalised to that form: a tuple of ``(name, None)`` for an attribute and
``(type, ((labels, body), ...))`` for a block type, in first-occurrence order.
"""

from __future__ import annotations

import functools

import pytest

from conftest import CORPUS, CORPUS_SETS, corpus_files, read
from tffix import ParseError, parse_module
from tffix.cst import nodes as n

hcl2 = pytest.importorskip("hcl2")
from hcl2 import SerializationOptions  # noqa: E402
from hcl2.const import IS_BLOCK  # noqa: E402
from hcl2.utils import process_escape_sequences  # noqa: E402

# __comments__/__inline_comments__ keys are noise here. (``with_meta`` would not
# help: 8.1.4 accepts the option but adds no __start_line__ keys.)
_OPTIONS = SerializationOptions(with_comments=False)

CASES = [(name, path) for name in CORPUS_SETS for path in corpus_files(name)]
IDS = [str(p.relative_to(CORPUS)) for _, p in CASES]

# Canonical form:
#   Body   = tuple of (key, None) for attributes | (key, tuple[BlockEntry]) for block types
#   BlockEntry = (labels, Body), labels a tuple of ("bare"|"quoted", value)


# ------------------------------------------------------------------ tffix side


def _tffix_label(label: n.Label, value: str) -> tuple[str, str]:
    return ("bare", value) if type(label) is n.Token else ("quoted", value)


def tffix_shape(body: n.Body) -> tuple:
    order: list[str] = []
    kinds: dict[str, list | None] = {}
    for item in body.items:
        if type(item) is n.Attribute:
            key = item.name.text
            if key not in kinds:
                order.append(key)
                kinds[key] = None
            # python-hcl2 quirk: a repeated attribute name collapses to one key
            # (the later value wins, the first position stays), so keep one.
        elif type(item) is n.Block:
            key = item.type.text
            labels = tuple(_tffix_label(lab, val) for lab, val in zip(item.labels, item.label_values))
            entry = (labels, tffix_shape(item.body))
            if key not in kinds:
                order.append(key)
                kinds[key] = []
            entries = kinds[key]
            assert entries is not None, f"block {key!r} after attribute {key!r}"
            entries.append(entry)
    return tuple((key, None if kinds[key] is None else tuple(kinds[key])) for key in order)


# ------------------------------------------------------------ python-hcl2 side


def _hcl2_label(raw: str) -> tuple[str, str]:
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        # python-hcl2 quirk: quoted labels come back as source text, quotes and
        # escapes included; decode them as Terraform reads a label.
        text = process_escape_sequences(raw[1:-1])
        return ("quoted", text.replace("$${", "${").replace("%%{", "%{"))
    return ("bare", raw)


def _is_block_list(value: object) -> bool:
    """A block type's value: a non-empty list of (label-wrapped) bodies marked
    ``__is_block__``. An attribute holding a list of objects has no marker."""
    if type(value) is not list or not value:
        return False
    for entry in value:
        while type(entry) is dict and not entry.get(IS_BLOCK) and len(entry) == 1:
            (entry,) = entry.values()
        if type(entry) is not dict or entry.get(IS_BLOCK) is not True:
            return False
    return True


def _hcl2_block(entry: dict) -> tuple:
    labels = []
    while not entry.get(IS_BLOCK):
        ((raw, entry),) = entry.items()
        labels.append(_hcl2_label(raw))
    return (tuple(labels), hcl2_shape(entry))


def hcl2_shape(body: dict) -> tuple:
    out = []
    for key, value in body.items():
        if key == IS_BLOCK:
            continue
        if _is_block_list(value):
            out.append((key, tuple(_hcl2_block(entry) for entry in value)))
        else:
            out.append((key, None))
    return tuple(out)


# ---------------------------------------------------------------------- tests


@functools.lru_cache(maxsize=None)
def _hcl2_outcome(path: str) -> tuple | str:
    """The python-hcl2 shape of a file, or the error it raised (as a string)."""
    try:
        return hcl2_shape(hcl2.loads(read(CORPUS / path), serialization_options=_OPTIONS))
    except Exception as e:  # lark errors, RuntimeError from its serializer, ...
        return f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"


@pytest.mark.parametrize(("name", "path"), CASES, ids=IDS)
def test_structure_matches_python_hcl2(name: str, path) -> None:
    try:
        module = parse_module(read(path))
    except ParseError:
        pytest.skip("tffix rejects this file (see test_corpus_roundtrip)")
    theirs = _hcl2_outcome(str(path.relative_to(CORPUS)))
    if type(theirs) is str:
        pytest.skip(f"python-hcl2 fails: {theirs}")
    assert tffix_shape(module.body) == theirs
