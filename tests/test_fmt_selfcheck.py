"""The formatter's self-checks fire on a broken pass and write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import corpus_files, read

import tffix.fmt as fmt
from tffix.cli import main
from tffix import parse_module as tffix_parse
from tffix.fmt import SelfCheckError, format_source
from tffix.fmt.checks import relexes_alike, same_content
from tffix.fmt.tokens import fmt_tokens
from tffix.syntax.parser import parse_with_tokens


def test_output_that_does_not_parse_is_an_internal_error(monkeypatch) -> None:
    monkeypatch.setattr(fmt, "render", lambda tokens: "a = = 1\n")
    with pytest.raises(SelfCheckError, match="does not parse"):
        format_source("a=1\n")


def test_unstable_output_is_an_internal_error(monkeypatch) -> None:
    # a rewrite that removes one level per run (as Terraform's does) is not stable
    import tffix.fmt.rewrites as rewrites

    real = rewrites.unwrap_interpolation

    def one_level(tokens):
        inner = tokens[2:-2]
        if real(tokens) is None:
            return None
        return [tok for tok in inner if tok.kind != "NEWLINE"]

    monkeypatch.setattr(rewrites, "unwrap_interpolation", one_level)
    with pytest.raises(SelfCheckError, match="not stable"):
        format_source('a = "${"${b}"}"\n')


def test_layout_depends_only_on_token_content() -> None:
    # what the cheap stability check relies on: whitespace in the input does not
    # change the output, only the tokens do
    assert format_source("a=1\nbb  =\t2 # c\n") == format_source("a =    1\nbb=2      # c\n")


def test_changed_content_is_an_internal_error(monkeypatch) -> None:
    real = fmt.render
    monkeypatch.setattr(fmt, "render", lambda tokens: real(tokens).replace("1", "2"))
    with pytest.raises(SelfCheckError, match="more than whitespace"):
        format_source("a=1\n")


def test_cli_writes_nothing_on_internal_error(monkeypatch, tmp_path: Path) -> None:
    f = tmp_path / "main.tf"
    f.write_text("a=1\n")
    monkeypatch.setattr(fmt, "render", lambda tokens: "a = = 1\n")
    result = CliRunner().invoke(main, ["fmt", str(f)])
    assert result.exit_code == 2 and "internal error" in result.output
    assert f.read_text() == "a=1\n"


def test_unchanged_input_skips_the_second_pass(monkeypatch) -> None:
    calls = []
    real = fmt._format
    monkeypatch.setattr(fmt, "_format", lambda *args: calls.append(1) or real(*args))
    assert format_source("a = 1\n") == "a = 1\n"
    assert len(calls) == 1


def test_changed_output_is_checked_without_a_second_parse(monkeypatch) -> None:
    module = tffix_parse("a=1\nbb = [\n  2, # two\n]\n")

    def no_parse(*args, **kwargs):
        raise AssertionError("the cheap check should have sufficed")

    monkeypatch.setattr(fmt, "parse_module", no_parse)
    assert fmt.format_module(module) == "a = 1\nbb = [\n  2, # two\n]\n"


def test_a_rewrite_takes_the_full_check(monkeypatch) -> None:
    calls = []
    real = fmt.parse_module
    monkeypatch.setattr(fmt, "parse_module", lambda text, **kw: calls.append(text) or real(text, **kw))
    assert format_source('a = "${b}"\n') == "a = b\n"
    assert calls == ["a = b\n"]


def _relexes(source: str, result: str) -> bool:
    return relexes_alike(result, list(tffix_parse(source).tokens()))


@pytest.mark.parametrize(
    ("source", "result"),
    [
        ("a = b - c\n", "a = b-c\n"),  # glued into one identifier
        ("a = 1 # x\n", "a = 1 # y\n"),  # a comment's text
        ("a = [ # x\n1]\n", "a = [\n# x\n1]\n"),  # a comment moved to another line
        ("a = [1,\n2]\n", "a = [1, 2]\n"),  # a line break lost (trivia here)
        ("a = 1\n", "a = 1\n\n"),  # a line break added (a token here)
        ("a = 1\n", 'a = "1\n'),  # does not even lex
        ('a = "x"\n', 'a = "x" "\n'),
    ],
)
def test_the_cheap_check_rejects_any_change_but_spacing(source: str, result: str) -> None:
    assert not _relexes(source, result)


def test_the_cheap_check_accepts_spacing_changes() -> None:
    assert _relexes("a=1\nbb = [ # x\n2,/*y*/3]\n", "a  = 1\nbb = [ # x\n  2, /*y*/ 3]\n")


SAMPLE = [p for p in corpus_files("dev-unformatted") if p.suffix == ".tf"][::7]


_EDIT = st.tuples(st.integers(min_value=0), st.sampled_from([" ", " ", "  ", "\t", "", "\n", "#", "-", "}", "*"]))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SAMPLE), st.lists(_EDIT, min_size=1, max_size=3))
def test_what_the_cheap_check_accepts_parses_to_the_same_tokens(path, edits) -> None:
    # soundness of relexes_alike's argument: an accepted text parses, to the
    # same formatter tokens, and formats to the same result
    module = tffix_parse(read(path))
    source = list(module.tokens())
    result, tokens, rewritten = fmt._format(module, source)
    assume(not rewritten)
    text = result
    for at, insert in edits:  # "" deletes a character, anything else is inserted
        at %= len(text) + 1
        text = text[:at] + insert + text[at + (insert == "") :]
    if relexes_alike(text, source):
        again = tffix_parse(text)
        assert same_content(tokens, fmt_tokens(again.tokens(), bom=again.bom))
        # (blanks before EOF are kept as they are, the rest is laid out anew)
        assert format_source(text).rstrip(" \t") == result.rstrip(" \t")


def test_the_parsers_token_list_is_the_trees() -> None:
    # format_source takes the lexer's list instead of walking the tree; the
    # rewrites find tokens by identity, so it must hold the very same objects
    for path in SAMPLE:
        module, tokens = parse_with_tokens(read(path))
        assert len(tokens) == len(list(module.tokens())) and all(a is b for a, b in zip(tokens, module.tokens()))
