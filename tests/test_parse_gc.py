"""``parse_module`` turns the cyclic garbage collector off for the parse
(``syntax/parser.py``: a tree has no cycles) and must leave it as it found it:
on, off, and after a parse error."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tffix import ParseError, parse_module


@pytest.fixture
def restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("text", ['a = "x"\n', "a = = 1\n", 'a = "unterminated\n', "a = 1.2.3.4\n"])
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_found(restore_gc: None, text: str, enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    try:
        assert parse_module(text).code == text
    except ParseError:
        assert text != 'a = "x"\n'
    assert gc.isenabled() is enabled


def test_the_collector_is_off_during_the_parse(restore_gc: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from tffix.syntax import parser

    seen: list[bool] = []
    real = parser.drive

    def drive(lexer):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(lexer)

    monkeypatch.setattr(parser, "drive", drive)
    gc.enable()
    parse_module("a = 1\n")
    assert seen == [False] and gc.isenabled()
