"""Lark compiles ``grammars/hcl.lark`` into an LALR(1) table (cached on disk,
see ``table.py``); ``drive`` runs that table over our tokens.

Lark's own parse loop costs about 40% of a parse here: it wraps every token in
a Lark ``Token``, hashes rule objects per reduction, performs one reduction per
precedence level for every operand, and builds a ``Tree`` for every spliced
``_rule``. The table is the same, so the language is the same; the loop below
re-keys it by plain token-kind strings, skips chains of unit reductions, and
hands our ``Token`` values straight to the builder. ``tests/test_lark_reference.py``
checks it against Lark's own LALR parser on the whole corpus.
"""

from __future__ import annotations

import sys
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cst.tokens import Token
from .errors import ParseError
from .lexer import Lexer
from .table import Table, table_data

if TYPE_CHECKING:
    from .builder import Builder

__all__ = ["Unexpected", "drive", "grammar_text"]


def grammar_text() -> str:
    """The grammar, from the installed package or (in a checkout) ``grammars/``."""
    try:
        return resources.files("tffix").joinpath("grammars").joinpath("hcl.lark").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        checkout = Path(__file__).resolve().parents[2] / "grammars" / "hcl.lark"
        return checkout.read_text(encoding="utf-8")


_local = threading.local()
_data: list[Table] = []  # the table's plain data, loaded once per process


class Unexpected(Exception):
    """No action for ``token`` (None: the end of input) in the current state."""

    def __init__(self, token: Token | None, expected: set[str], stack: list[Any]) -> None:
        self.token, self.expected, self.stack = token, expected, stack


class _Tables:
    """The LALR table (``table.py``), ready for a tight loop: per state, token
    kind -> next state (shift, an int) or (size, callback, goto-name) (reduce)."""

    def __init__(self, data: Table) -> None:
        from .builder import Builder  # on first use: it needs the node classes, and they import this package

        builder = Builder()
        reductions = [
            (size, _callback(name, size, unit, spliced, builder), sys.intern(origin))
            for name, origin, size, unit, spliced in data["rules"]
        ]
        self.rows = [
            {sys.intern(key): act if type(act) is int else reductions[act[0]] for key, act in actions.items()}
            for actions in data["rows"]
        ]
        self.chains: dict[tuple[int, int, str], int] = {}  # (below, top, kind) -> top after unit reductions
        self.start = data["start"]
        self.end = data["end"]


def _identity(c: list[Any]) -> list[Any]:
    return c


def _callback(name: str, size: int, unit: bool, spliced: list[int], builder: Builder) -> Any:
    """What a reduction by a rule does with its children: None for a unit
    rule (``?a: b``, the value stays); a list for an inlined ``_rule`` (the
    parent splices it in); else the builder method, after splicing."""
    if unit:
        return None
    user = None if name.startswith("_") else getattr(builder, name)
    if not spliced:
        return user or _identity
    if spliced[0] == 0:  # left recursion (`x*` expands to `s: x | s x`): grow the list in place
        if size == 2 and user is None:  # the common shapes, without the loop below
            if 1 in spliced:

                def extend(c: list[Any]) -> Any:
                    head = c[0]
                    head.extend(c[1])
                    return head

                return extend

            def append(c: list[Any]) -> Any:
                head = c[0]
                head.append(c[1])
                return head

            return append
        rest = [(i, i in spliced) for i in range(1, size)]

        def left(c: list[Any]) -> Any:
            head = c[0]
            for i, splice in rest:
                if splice:
                    head.extend(c[i])
                else:
                    head.append(c[i])
            return user(head) if user else head

        return left
    # e.g. block: lambda c: user([c[0], *c[1], c[2], *c[3], c[4]])
    items = ", ".join(f"*c[{i}]" if i in spliced else f"c[{i}]" for i in range(size))
    body = f"user([{items}])" if user else f"[{items}]"
    return eval(f"lambda c: {body}", {"user": user})  # built from the grammar only


def _tables() -> _Tables:
    tables = getattr(_local, "tables", None)
    if tables is None:
        if not _data:
            _data.append(table_data(grammar_text()))
        tables = _local.tables = _Tables(_data[0])
    return tables


_END = Token("$END", "")  # Lark's end-of-input terminal


def drive(lexer: Lexer) -> Any:
    """Parse the lexer's tokens; returns what the ``start`` rule built. The
    tokens the parser took are left in ``lexer.produced``: all of them (EOF
    last) after a parse, those up to the failing one after an error."""
    t = _tables()
    # Any: a shift is an int and a reduction a tuple, told apart below by
    # ``type(act) is int``, which mypy does not narrow on (int has subclasses).
    rows: list[dict[str, Any]] = t.rows
    chains = t.chains
    end = t.end
    states = [t.start]
    values: list[Any] = []
    append_state = states.append
    append_value = values.append
    tokens: list[Token] = []
    error = None
    try:
        lexer._lex_into(tokens)
    except ParseError as e:
        error = e  # raised after the tokens before it, as a lazy lexer would
    else:
        tokens.append(_END)
    lexer.produced = tokens
    tok = _END
    state = states[0]  # states[-1], kept at hand
    try:
        for tok in tokens:
            kind = tok[0]
            while True:
                try:
                    act = rows[state][kind]
                except KeyError:
                    found = None if tok is _END else tok
                    raise Unexpected(found, {k for k in rows[state] if k.isupper()}, values) from None
                if type(act) is int:
                    append_state(act)
                    append_value(tok)
                    state = act
                    break
                size, cb, origin = act
                if cb is None:  # a chain of unit rules (expr -> or_expr -> ...): the value stays
                    key = (states[-2], state, kind)
                    top = chains.get(key)
                    if top is None:
                        below = states[-2]
                        top = rows[below][origin]
                        while True:
                            a = rows[top].get(kind)
                            if type(a) is not tuple or a[1] is not None:
                                break
                            top = rows[below][a[2]]
                        chains[key] = top
                    states[-1] = state = top
                else:
                    if size:
                        s = values[-size:]
                        del states[-size:]
                        del values[-size:]
                    else:
                        s = []
                    append_value(cb(s))
                    state = rows[states[-1]][origin]
                    append_state(state)
                if tok is _END and state == end:
                    tokens.pop()
                    return values[-1]
    except BaseException:
        lexer.produced = _taken(tokens, tok)
        raise
    assert error is not None  # without a lexer error the end marker is always reached
    raise error


def _taken(tokens: list[Token], last: Token) -> list[Token]:
    """``tokens`` up to ``last`` (by identity), without the end marker."""
    if last is _END:
        return [tok for tok in tokens if tok is not _END]
    for i, tok in enumerate(tokens):
        if tok is last:
            return tokens[: i + 1]
    return tokens
