"""The one text-to-edits diff (``tffix.text.diff``) that the language
server's fixes and formatting and SARIF's formatted fixes use."""

from __future__ import annotations

import difflib
import itertools
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tffix.fmt import format_source
from tffix.lsp.convert import lsp_text_edits
from tffix.lsp.positions import UTF16, LineIndex
from tffix.text import diff as textdiff
from tffix.text.diff import text_edits

_PIECES = st.sampled_from(["a", "b", " ", "=", "\n", "\r\n", "\r", "😀", "\ufeff", "\u2028", "}\n", "  x = 1\n"])
# arbitrary characters, with line breaks and non-BMP characters often enough to matter
TEXTS = st.lists(st.one_of(st.characters(), _PIECES), max_size=50).map("".join)
# many lines from a small pool: repeated lines, and long enough to leave difflib's range
_LINES = st.sampled_from(["}\n", "\n", "  a = 1\n", "  a  = 1\r\n", 'resource "x" "y" {\n', "😀\n", "\r\n", "b\r"])
LONG = st.lists(_LINES, max_size=300).map("".join)


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in reversed(edits):
        text = text[:start] + new + text[end:]
    return text


def assert_edits_of(old: str, new: str, *, whole_lines: bool) -> None:
    edits = text_edits(old, new, whole_lines=whole_lines)
    assert apply(old, edits) == new
    assert all(s <= e for s, e, _ in edits)
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in itertools.pairwise(edits))  # in order, apart
    for start, end, _ in edits:
        for cut in (start, end):
            assert not (0 < cut < len(old) and old[cut - 1 : cut + 1] == "\r\n")
            if whole_lines:
                assert cut in (0, len(old)) or old[cut - 1] == "\n"
    if old == new:
        assert edits == []


@given(TEXTS, TEXTS, st.booleans())
def test_edits_turn_any_text_into_any_other(old: str, new: str, whole_lines: bool) -> None:
    assert_edits_of(old, new, whole_lines=whole_lines)


@given(LONG, LONG, st.booleans())
def test_edits_turn_long_texts_of_repeated_lines_into_each_other(old: str, new: str, whole_lines: bool) -> None:
    assert_edits_of(old, new, whole_lines=whole_lines)


@given(LONG, st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 3), _LINES), max_size=12), st.booleans())
def test_edits_of_a_few_changed_lines_in_a_long_text(old: str, changes: list[Any], whole_lines: bool) -> None:
    lines = old.splitlines(keepends=True)
    for at, remove, line in changes:
        at = at % (len(lines) + 1)
        lines[at : at + remove] = [line]
    new = "".join(lines)
    assert_edits_of(old, new, whole_lines=whole_lines)
    if not whole_lines:  # small changes give small edits
        edits = text_edits(old, new)
        assert sum(e - s for s, e, _ in edits) <= len(old)


@given(TEXTS, TEXTS)
def test_edits_survive_the_trip_through_lsp_positions(old: str, new: str) -> None:
    index = LineIndex(old, UTF16)
    back = [(index.offset(*index.position(s)), index.offset(*index.position(e)), t) for s, e, t in text_edits(old, new)]
    assert apply(old, back) == new


def _buffer(resources: int) -> str:
    """A module whose ``=`` are misaligned every eighth resource."""
    return "".join(
        f'resource "aws_s3_bucket" "b{i}" {{\n{"   " if i % 8 == 0 else "  "}bucket = "x{i}"\n'
        '  tags = {\n    Name = "n"\n  }\n}\n\n'
        for i in range(resources)
    )


def test_formatting_a_2000_line_buffer_never_hands_difflib_a_large_range(monkeypatch: pytest.MonkeyPatch) -> None:
    """difflib's matcher costs the product of the two line counts; on a
    2,000-line buffer that took seconds per request. Only small gaps go to it."""
    sizes: list[int] = []
    real = difflib.SequenceMatcher

    def counting(junk: Any, a: Any, b: Any, **kwargs: Any) -> difflib.SequenceMatcher[Any]:
        sizes.append(len(a) * len(b))
        return real(junk, a, b, **kwargs)

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    old = _buffer(300)
    new = format_source(old)
    assert old.count("\n") > 2000 and old != new
    edits = lsp_text_edits(old, new, UTF16)
    assert len(edits) == 38  # one per misaligned `=`
    assert max(sizes, default=0) <= textdiff._SMALL_GAP


def test_a_small_text_gets_difflib_s_edits_trimmed_to_the_characters() -> None:
    old = "a = 1\r\nbb   = 2\r\nc = 3\r\n"
    new = "a  = 1\r\nbb = 2\r\nc = 3\r\n"
    assert text_edits(old, new) == [(2, 2, " "), (10, 12, "")]  # after "a " and "bb "
    assert text_edits(old, new, whole_lines=True) == [(0, 17, "a  = 1\r\nbb = 2\r\n")]


def _seeded_case(seed: int) -> tuple[str, str, bool]:
    """A long text of unique and repeated lines, and a few edits of it (the
    properties above draw such cases too, but reach the branches below only
    by chance; these seeds reach each of them every time)."""
    rng = random.Random(seed)
    pool = ["}\n", "\n", "  a = 1\n", "  a  = 1\r\n", 'resource "x" "y" {\n', "b\r", "c\n", "  }\n"]
    old = [
        rng.choice(pool) if rng.random() < 0.5 else f"u{rng.randrange(10**6)}\n"
        for _ in range(rng.choice([5, 20, 120, 200]))
    ]
    new = list(old)
    for _ in range(rng.randrange(1, 8)):
        op, at = rng.random(), rng.randrange(len(new) + 1)
        if op < 0.3 and new:
            del new[min(at, len(new) - 1)]
        elif op < 0.6:
            new.insert(at, rng.choice(pool))
        elif op < 0.8 and new:
            new[min(at, len(new) - 1)] = rng.choice(pool)
        else:
            start, source = rng.randrange(len(new) + 1), rng.randrange(len(new) + 1)
            new[start:start] = new[source : source + 5]  # a moved copy: anchors out of order
    return "".join(old), "".join(new), rng.random() < 0.3


@pytest.mark.parametrize("seed", [0, 5, 27, 65, 184])
def test_edits_of_seeded_long_texts(seed: int) -> None:
    old, new, whole_lines = _seeded_case(seed)
    assert_edits_of(old, new, whole_lines=whole_lines)


def test_a_long_text_unchanged_needs_no_edit() -> None:
    text = "".join(f"line {i}\n" for i in range(200))  # past difflib's range
    assert text_edits(text, text) == text_edits(text, text, whole_lines=True) == []


def test_long_texts_without_a_shared_unique_line_are_one_edit() -> None:
    old, new = "x\n" * 150, "y\n" * 150  # repeated lines: no anchor
    assert text_edits(old, new, whole_lines=True) == [(0, len(old), new)]


def test_a_long_run_of_equal_lines_between_anchors_is_kept() -> None:
    run = "x\n" * 150  # equal in both, between two anchors, too long for difflib
    old = f"A\nu1\n{run}u2\nB\n"
    new = f"C\nu1\n{run}u2\nD\n"
    edits = text_edits(old, new, whole_lines=True)
    assert edits == [(0, 2, "C\n"), (len(old) - 2, len(old), "D\n")]
    assert_edits_of(old, new, whole_lines=False)
