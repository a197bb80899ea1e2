"""``parse_module``: text in, CST out, or a ``ParseError`` in hclsyntax's words."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..cst import nodes as n
from ..cst.nodes import _remember_tokens
from ..cst.tokens import Token
from .errors import BuildError, ParseError
from .lalr import Unexpected, drive, grammar_text
from .lexer import Lexer
from .messages import unexpected_token_message

__all__ = ["collector_paused", "grammar_text", "parse_module", "parse_with_tokens"]


def parse_module(text: str, *, path: str | None = None) -> n.Module:
    """Parse a whole HCL file. ``module.code == text`` always holds.

    Raises ``ParseError`` (and nothing else) for input that is not HCL.
    """
    return parse_with_tokens(text, path=path)[0]


def parse_with_tokens(text: str, *, path: str | None = None) -> tuple[n.Module, list[Token]]:
    """``parse_module``, and the module's tokens in order (the lexer's list:
    the same as ``list(module.tokens())``, without walking the tree)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_module() wants str, got {type(text).__name__}")
    lexer = Lexer(text, path=path)
    # A parse allocates a node or a token for every few bytes, and none of them
    # can form a reference cycle (a tree is tuples, tokens and frozen nodes,
    # pointing down only): the cyclic collector's passes over them, triggered
    # every 700 allocations, were ~10% of a parse. Off for the parse, as it was
    # before if the caller had turned it off; the objects are examined at the
    # next collection after it, as any others.
    with collector_paused():
        try:
            body, eof = drive(lexer)
        except BuildError as e:
            raise _error_at(lexer, e.summary, e.detail, e.token) from None
        except Unexpected as e:
            raise _unexpected(lexer, e) from None
    module = n.Module(lexer.bom, body, eof)
    _remember_tokens(module, lexer.produced)
    return module, lexer.produced


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block (restored as found, also
    after an exception): for work that allocates an object every few bytes of
    a file, none of which needs the collector to be freed. With it on, each
    collection triggered by those allocations also walks every object alive,
    a whole parse tree included: the formatter spent a third of its time on
    a 400 KB file there. Whatever garbage the block made is examined at the
    next collection after it."""
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _offset_of(lexer: Lexer, token: Token) -> int:
    starts = lexer.replay(len(lexer.produced)).starts
    for i in range(len(lexer.produced) - 1, -1, -1):
        if lexer.produced[i] is token:
            return starts[i]
    return len(lexer.text)


def _error_at(lexer: Lexer, summary: str, detail: str, token: Token) -> ParseError:
    return lexer.error(summary, detail, _offset_of(lexer, token))


def _flatten(values: list[Any]) -> list[Any]:
    """The value stack with inlined rules (``_for_intro``...) spliced in, as
    their parents will see them."""
    out: list[Any] = []
    stack = [iter(values)]  # a stack, not recursion
    while stack:
        for value in stack[-1]:
            if type(value) is list:
                stack.append(iter(value))
                break
            out.append(value)
        else:
            stack.pop()
    return out


def _unexpected(lexer: Lexer, e: Unexpected) -> ParseError:
    found = e.token
    replay = lexer.replay(len(lexer.produced))
    if isinstance(found, Token):
        index = len(lexer.produced) - 1
        tok, offset = found, replay.starts[index]
    else:  # Lark's own end marker
        index, tok, offset = len(lexer.produced), Token("EOF", ""), len(lexer.text)
    previous = lexer.produced[index - 1] if index > 0 else None
    context = replay.contexts[index] if index < len(replay.contexts) else "B"
    stack = _flatten(e.stack)
    summary, detail = unexpected_token_message(tok, previous, set(e.expected), context, stack)
    return lexer.error(summary, detail, offset)
