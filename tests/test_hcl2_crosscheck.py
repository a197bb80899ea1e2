"""Cross-check tffix's CST structure against python-hcl2 on every corpus file.

An independent parser is the oracle here: for every corpus file both parsers
read, the block types, block labels, attribute names and nesting tffix sees must
equal what python-hcl2 (8.1.4) reports through ``hcl2.loads``. Values are not
compared. Files tffix rejects must be ones Terraform rejects too (the round-trip
test checks the messages); files python-hcl2 cannot read are listed below.

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

import hcl2
import pytest
from conftest import CORPUS, CORPUS_SETS, corpus_files, read, rejected_by_terraform
from hcl2 import SerializationOptions
from hcl2.const import IS_BLOCK
from hcl2.utils import process_escape_sequences

from tffix import ParseError, parse_module
from tffix.cst import nodes as n

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
            # python-hcl2 quirk: a repeated attribute name collapses to one key
            # (the later value wins, the first position stays), and an attribute
            # after blocks of the same name overwrites them; so does this.
            kinds[key] = None
        elif type(item) is n.Block:
            key = item.type.text
            labels = tuple(_tffix_label(lab, val) for lab, val in zip(item.labels, item.label_values))
            entry = (labels, tffix_shape(item.body))
            if key not in kinds:
                order.append(key)
                kinds[key] = []
            entries = kinds[key]
            # (a block after an attribute of its name makes python-hcl2 raise)
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

# Files tffix parses but python-hcl2 8.1.4 cannot: 2 of the 3,117 files tffix
# parses (0.06%); both are python-hcl2 limitations, not tffix bugs.
HCL2_FAILURES = {
    # a comment between two block labels: `resource "a" /* ... */ "b" {`
    "rough/hashicorp+terraform/internal/command/testdata/fmt/general_in.tf",
    # a non-ASCII identifier (`π = 3.14...`); python-hcl2's NAME is ASCII only
    "rough/hashicorp+terraform/internal/configs/testdata/valid-files/locals.tf",
}

# Files where tffix's structure is wrong (tffix bugs, not python-hcl2 quirks):
# relative path -> reason. None found so far.
TFFIX_BUGS: dict[str, str] = {}

PARAMS = [
    pytest.param(name, path, id=rel, marks=[pytest.mark.xfail(strict=True, reason=TFFIX_BUGS[rel])])
    if rel in TFFIX_BUGS
    else pytest.param(name, path, id=rel)
    for (name, path), rel in zip(CASES, IDS)
]


@functools.cache
def _tffix_outcome(rel: str) -> tuple | None:
    """tffix's shape of a file, or None when tffix rejects it."""
    try:
        module = parse_module(read(CORPUS / rel))
    except ParseError:
        return None
    return tffix_shape(module.body)


@functools.cache
def _hcl2_outcome(rel: str) -> tuple | str:
    """python-hcl2's shape of a file, or the error it raised (as a string)."""
    try:
        return hcl2_shape(hcl2.loads(read(CORPUS / rel), serialization_options=_OPTIONS))
    except Exception as e:  # noqa: BLE001 - lark's parse errors, RuntimeError from its serializer, ...
        first = str(e).splitlines()[0] if str(e) else ""
        return f"{type(e).__name__}: {first}"


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "path"), PARAMS)
def test_structure_matches_python_hcl2(name: str, path) -> None:
    rel = str(path.relative_to(CORPUS))
    mine = _tffix_outcome(rel)
    if mine is None:  # nothing to compare: it must be a file Terraform rejects
        assert rel.split("/", 1)[1] in rejected_by_terraform(name), "tffix rejects a file Terraform accepts"
        return
    theirs = _hcl2_outcome(rel)
    if type(theirs) is str:  # nothing to compare: it must be a known python-hcl2 limitation
        assert rel in HCL2_FAILURES, f"python-hcl2 fails on a file not in HCL2_FAILURES: {theirs}"
        return
    assert rel not in HCL2_FAILURES, "python-hcl2 now parses this file: drop it from HCL2_FAILURES"
    assert mine == theirs


@pytest.mark.corpus
def test_python_hcl2_fails_on_few_files() -> None:
    parsed = [rel for rel in IDS if _tffix_outcome(rel) is not None]
    failed = {rel for rel in parsed if type(_hcl2_outcome(rel)) is str}
    assert failed == HCL2_FAILURES
    assert len(failed) < 0.05 * len(parsed), (len(failed), len(parsed))


SAMPLE = r"""
a = 1
tags = { name = "x", nested = { y = 2 } }
list = [{ k = 1 }, { k = 2 }]
empty = []
resource "aws_x" "one" {
  user_data = <<-EOT
    resource "fake" "block" {
      inside = true
    }
  EOT
  dynamic "ingress" {
    for_each = var.x
    content { port = 1 }
  }
  dynamic "ingress" {
    content {}
  }
  lifecycle { ignore_changes = [tags] }
}
a = 2
resource "aws_x" "two" {}
bare label "q\"u\u00e9" "$${x}" {}
x { }
x = 1
"""

SAMPLE_SHAPE = (
    ("a", None),  # twice in the source
    ("tags", None),  # objects are values, not blocks
    ("list", None),
    ("empty", None),
    ("resource", (
        ((("quoted", "aws_x"), ("quoted", "one")), (
            ("user_data", None),  # the heredoc's text is not parsed
            ("dynamic", (
                ((("quoted", "ingress"),), (("for_each", None), ("content", (((), (("port", None),)),)))),
                ((("quoted", "ingress"),), (("content", (((), ()),)),)),
            )),
            ("lifecycle", (((), (("ignore_changes", None),)),)),
        )),
        ((("quoted", "aws_x"), ("quoted", "two")), ()),
    )),
    ("bare", (((("bare", "label"), ("quoted", 'q"ué'), ("quoted", "${x}")), ()),)),
    ("x", None),  # the attribute overwrites the block before it
)  # fmt: skip


def test_normalisers_see_the_same_shape_in_a_sample() -> None:
    """Guards the cross-check against vacuous agreement: both normalisers give
    the hand-written shape for objects, repeated and nested blocks, heredocs,
    duplicate attributes and escaped labels."""
    assert tffix_shape(parse_module(SAMPLE).body) == SAMPLE_SHAPE
    assert hcl2_shape(hcl2.loads(SAMPLE, serialization_options=_OPTIONS)) == SAMPLE_SHAPE
