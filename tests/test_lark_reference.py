"""Our LALR driver (tffix/syntax/lalr.py) against Lark's own LALR parser.

Both run the table Lark builds from grammars/hcl.lark; here Lark's parser gets
our tokens and returns an ordinary parse tree, which the same Builder turns
into CST nodes. The two trees must be identical for every corpus file, and
both must reject the same bad snippets.
"""

from __future__ import annotations

from typing import Any

import lark
import pytest
from conftest import CORPUS, CORPUS_SETS, corpus_files, read
from test_errors import ALL_BAD

from tffix import ParseError, parse_module
from tffix.cst import Module, deep_equals
from tffix.syntax.builder import Builder, BuildError
from tffix.syntax.lalr import grammar_text
from tffix.syntax.lexer import Lexer


class _Adapter(lark.lexer.Lexer):
    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, lexer: Lexer):  # type: ignore[override]
        for tok in lexer:
            yield lark.Token(tok.kind, tok)


LARK = lark.Lark(grammar_text(), parser="lalr", lexer=_Adapter, keep_all_tokens=True, maybe_placeholders=False)
BUILDER = Builder()


def _convert(item: Any) -> Any:
    if isinstance(item, lark.Token):
        return item.value
    children = [_convert(child) for child in item.children]
    return getattr(BUILDER, item.data)(children)


def lark_parse(text: str) -> Module:
    lexer = Lexer(text)
    body, eof = _convert(LARK.parse(lexer))
    return Module(lexer.bom, body, eof)


FILES = [path for name in CORPUS_SETS for path in corpus_files(name)]


@pytest.mark.corpus
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_same_tree_as_lark(path) -> None:
    text = read(path)
    try:
        ours = parse_module(text)
    except ParseError:
        with pytest.raises((lark.exceptions.UnexpectedInput, BuildError, ParseError)):
            lark_parse(text)
        return
    assert deep_equals(lark_parse(text), ours)


@pytest.mark.parametrize("source", [s for s, *_ in ALL_BAD])
def test_lark_rejects_the_bad_snippets_too(source: str) -> None:
    with pytest.raises((lark.exceptions.UnexpectedInput, BuildError, ParseError)):
        lark_parse(source)
