"""``tffix.text``, the bottom layer: the line/column calculator and the
line-break style, checked directly (the engine's coverage gate includes it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tffix.text import UTF8, UTF16, UTF32, Lines, newline_style, width


def test_columns_count_in_the_asked_unit() -> None:
    text = 'a = 1\nb = "\U0001f600x"\n'
    lines = Lines(text)
    at = text.index("x")
    assert lines.column(at) == 6  # code points
    assert lines.column(at, UTF16) == 7  # the emoji is a surrogate pair
    assert lines.column(at, UTF8) == 9  # and four bytes
    assert lines.column(-5) == 0 and lines.column(10**6) == width(text.split("\n")[-1])


def test_offsets_outside_the_text_clamp() -> None:
    lines = Lines("a\nbc\n")
    assert lines.offset(-1, 3) == 0
    assert lines.offset(99, 0) == len("a\nbc\n")
    assert lines.offset(1, 99) == len("a\nbc")


@given(st.text(alphabet="ab\r\n\U0001f600", max_size=30), st.sampled_from([UTF8, UTF16, UTF32]))
def test_column_agrees_with_location(text: str, unit: str) -> None:
    lines = Lines(text)
    for offset in range(len(text) + 1):
        line, column = lines.location(offset, unit)
        if not (line == 1 and text.startswith("\ufeff")):
            assert lines.column(offset, unit) == column - 1


def test_newline_style_follows_the_majority() -> None:
    assert newline_style("a\r\nb\r\n") == "\r\n"
    assert newline_style("a\r\nb\nc\n") == "\n"
    assert newline_style("a\r\nb\n") == "\r\n"  # a tie keeps CRLF
    assert newline_style("") == "\n"


def test_lines_of_keeps_the_last_few_texts() -> None:
    # a report asks for one line per finding: the text is split once, not per finding
    texts = [f"a = {i}\nb = 2\n" for i in range(6)]
    first = Lines.of(texts[0])
    assert Lines.of(texts[0]) is first and first.starts == Lines(texts[0]).starts
    for text in texts[1:]:
        Lines.of(text)
    assert Lines.of(texts[0]) is not first  # the oldest went; the memory stays small
    assert Lines.of(texts[0]).starts == [0, 6, 12]


def test_newline_style_is_worked_out_once_per_text() -> None:
    texts = [f"a = {i}\r\nb = 2\r\n" for i in range(6)]
    newline_style.cache_clear()
    assert newline_style(texts[0]) == "\r\n"
    assert newline_style(texts[0]) == "\r\n"
    assert newline_style.cache_info().hits == 1  # the cache answers, the text is not counted again
    for text in texts[1:]:
        assert newline_style(text) == "\r\n"
    info = newline_style.cache_info()
    assert info.currsize == info.maxsize == 4  # the memory stays small
    newline_style(texts[0])
    assert newline_style.cache_info().misses == info.misses + 1  # the oldest went
