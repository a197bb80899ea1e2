"""The formatter's self-checks fire on a broken pass and write nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import corpus_files, read
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tffix import fmt
from tffix import parse_module as tffix_parse
from tffix.cli import main
from tffix.fmt import SelfCheckError, format_source
from tffix.fmt.checks import respaced_alike
from tffix.fmt.tokens import FmtToken, fmt_tokens, render, same_content
from tffix.syntax.errors import ParseError
from tffix.syntax.lexer import tokenize
from tffix.syntax.parser import parse_with_tokens
from tffix.syntax.tokens import Token

# The comments and line breaks of trivia, skipping the blanks between them.
_MARKS = re.compile(r"\r?\n|(?:#|//)(?:[^\r\n]|\r(?!\n))*|/\*[\s\S]*?\*/")


def relexes_alike(result: str, source: list[Token]) -> bool:
    """The oracle for ``respaced_alike``: ``result`` lexes to the kinds and
    texts of ``source`` (the input's lexer tokens), with the same comments and
    line breaks in each token's lead and trail; only blanks between them may
    differ. Why that suffices: (1) whether a text parses depends only on the
    kinds and texts its lexer yields (the LALR loop reads kinds, the builder's
    checks kinds and texts, and trivia only decides which item a comment line
    belongs to), so the output parses into a tree of the same shape; (2)
    formatter tokens take blanks as spacing only, so a second run sees the
    kinds and texts the first one saw and lays them out the same way; (3)
    nothing but blanks changed. The tests below check both halves."""
    try:
        relexed = tokenize(result)
    except ParseError:
        return False
    if len(relexed) != len(source):
        return False
    marks = _MARKS.findall
    for a, b in zip(relexed, source):
        if a == b:
            continue
        if a[0] != b[0] or a[1] != b[1]:
            return False
        if a[2] != b[2] and marks(a[2]) != marks(b[2]):
            return False
        if a[3] != b[3] and marks(a[3]) != marks(b[3]):
            return False
    return True


def test_output_that_does_not_parse_is_an_internal_error(monkeypatch) -> None:
    monkeypatch.setattr(fmt, "render", lambda tokens: "a = = 1\n")
    with pytest.raises(SelfCheckError, match="does not parse"):
        format_source("a=1\n")


def test_unstable_output_is_an_internal_error(monkeypatch) -> None:
    # a rewrite that removes one level per run (as Terraform's does) is not stable
    from tffix.fmt import rewrites

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


@pytest.mark.corpus
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


def _respaced(source: str, spacing: list[int | None]) -> tuple[str, list[FmtToken], list[Token]]:
    """``source``'s formatter tokens with the spaces before token ``i`` set
    to ``spacing[i]`` (None keeps the source's), their rendering, and the
    source's lexer tokens."""
    lexed = tokenize(source)
    tokens = fmt_tokens(lexed)
    for tok, spaces in zip(tokens, spacing):
        tok.spaces = len(tok.ws) if spaces is None else spaces
    for tok in tokens[len(spacing) :]:
        tok.spaces = len(tok.ws)
    return render(tokens), tokens, lexed


def _squeezed(source: str) -> tuple[str, list[FmtToken], list[Token]]:
    """Every blank between tokens removed (a layout gone badly wrong)."""
    return _respaced(source, [0] * len(fmt_tokens(tokenize(source))))


@pytest.mark.parametrize(
    "source",
    [
        "a = b - c\n",  # b-c is one identifier
        "a = 1 .5\n",  # one number
        "a = x / / y\n",  # a line comment
        "a = / * x * /\n",  # a block comment
        "a = < <EOT \nx\nEOT\n",  # a heredoc
        "a = <<EOT \nx\nEOT\n",  # a heredoc, once the blank before the line break goes
        "a = = b\n",  # ==
        "a = x = > y\n",  # =>
        "a = [for x in y : x . . .]\n",  # ...
        'a = "${ ~}"\n',  # ${~ strips whitespace
        "a = b c\n",  # two identifiers into one
    ],
)
def test_the_cheap_check_refuses_joined_lexemes(source: str) -> None:
    result, tokens, lexed = _squeezed(source)
    assert not relexes_alike(result, lexed)  # the oracle agrees that something changed
    assert not respaced_alike(tokens, result)


def test_the_cheap_check_refuses_closing_a_comment_opened_further_back() -> None:
    source = "a = x /*y\nb = z * / w\n"  # no */ anywhere: / and * are operators
    spacing: list[int | None] = [None] * len(fmt_tokens(tokenize(source)))
    spacing[11] = 0  # the second /, now right after *
    result, tokens, lexed = _respaced(source, spacing)
    assert result == "a = x /*y\nb = z */ w\n"
    assert not relexes_alike(result, lexed)
    assert not respaced_alike(tokens, result)


def test_the_cheap_check_refuses_blanks_in_text() -> None:
    # a gap inside a string or a heredoc is part of the text
    source = 'a = "x${b}y"\nc = <<EOT\n  ${d}\nEOT\n'
    kinds = [tok.kind for tok in fmt_tokens(tokenize(source))]
    for i, kind in enumerate(kinds):
        if kind in ("QUOTED_LIT", "CQUOTE", "STRING_LIT", "CHEREDOC", "TEMPLATE_INTERP") and i > 0:
            spacing: list[int | None] = [None] * len(kinds)
            spacing[i] = 1
            result, tokens, lexed = _respaced(source, spacing)
            assert not respaced_alike(tokens, result), (kind, result)
    # and blanks after a line comment with no line break (at the end) are its text
    result, tokens, lexed = _respaced("a = 1 #c", [None, None, None, None, 2])
    assert result == "a = 1 #c  " and not relexes_alike(result, lexed)
    assert not respaced_alike(tokens, result)


def test_the_cheap_check_accepts_spacing_and_squeezing_that_lexes_alike() -> None:
    result, tokens, lexed = _respaced("a=1\nbb = [ # x\n2,/*y*/3]\n", [0, 2, 1, 1])
    assert respaced_alike(tokens, result) and relexes_alike(result, lexed)
    result, tokens, lexed = _squeezed('a = f( x , "y" , [ 1 ] )\nb = "${ c }"\n')
    assert result == 'a=f(x,"y",[1])\nb="${c}"\n'
    assert respaced_alike(tokens, result) and relexes_alike(result, lexed)


def test_the_cheap_check_reads_the_output_it_is_given() -> None:
    result, tokens, _ = _respaced("a = 1\n", [])
    assert respaced_alike(tokens, result)
    assert not respaced_alike(tokens, result.replace("1", "2"))
    assert not respaced_alike(tokens, result.replace(" ", "\t"))
    assert not respaced_alike(tokens, result + " ")


# Lexemes that join into others when nothing separates them.
_PIECES = st.sampled_from(
    [
        "a",
        "b-",
        "1",
        ".",
        "5",
        "e",
        "-",
        "/",
        "*",
        "<",
        "<<",
        "EOT",
        "=",
        ">",
        "!",
        "&",
        "|",
        ":",
        "~}",
        "#c",
        "//c",
        "/*c*/",
        "\n",
        '"s"',
        '"${',
        "}",
        '}"',
        "${",
        "(",
        ")",
        "[",
        "]",
        "{",
        ",",
        "?",
        "%",
        "+",
        "\u00e9",
        "x\u00b7",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", "  ", "\t"])), min_size=1, max_size=14), st.data())
def test_what_the_cheap_check_accepts_relexes_alike(pieces, data) -> None:
    # respaced_alike never accepts what relexes_alike (whose argument is above)
    # would refuse, over token soups built to join into other lexemes
    source = "".join(piece + gap for piece, gap in pieces) + "\n"
    try:
        lexed = tokenize(source)
    except ParseError:
        assume(False)
    count = len(fmt_tokens(lexed))
    spacing = data.draw(st.lists(st.sampled_from([None, 0, 0, 1, 2]), min_size=count, max_size=count))
    result, tokens, lexed = _respaced(source, spacing)
    if respaced_alike(tokens, result):
        assert relexes_alike(result, lexed)


@pytest.mark.corpus
@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SAMPLE), st.data())
def test_what_the_cheap_check_accepts_in_real_code_relexes_alike(path, data) -> None:
    source = read(path)
    count = len(fmt_tokens(tokenize(source)))
    spacing = data.draw(st.dictionaries(st.integers(0, count - 1), st.sampled_from([0, 0, 1, 3]), max_size=40))
    result, tokens, lexed = _respaced(source, [spacing.get(i) for i in range(count)])
    if respaced_alike(tokens, result):
        assert relexes_alike(result, lexed)


def test_the_parsers_token_list_is_the_trees() -> None:
    # format_source takes the lexer's list instead of walking the tree; the
    # rewrites find tokens by identity, so it must hold the very same objects
    for path in SAMPLE:
        module, tokens = parse_with_tokens(read(path))
        assert len(tokens) == len(list(module.tokens())) and all(a is b for a, b in zip(tokens, module.tokens()))
