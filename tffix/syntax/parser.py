"""Parsing: our lexer feeds Lark's LALR(1) parser, whose reductions build CST
nodes directly (no intermediate parse tree)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import lark
from lark import Token as LarkToken
from lark.exceptions import UnexpectedInput, UnexpectedToken, VisitError

from ..cst import nodes as n
from .errors import ParseError
from .lexer import Lexer
from .tokens import Token

__all__ = ["parse_module", "grammar_text"]


def grammar_text() -> str:
    """The grammar, from the installed package or (in a checkout) ``grammars/``."""
    try:
        return resources.files("tffix").joinpath("grammars").joinpath("hcl.lark").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        checkout = Path(__file__).resolve().parents[2] / "grammars" / "hcl.lark"
        return checkout.read_text(encoding="utf-8")


class _BuildError(Exception):
    """Raised inside a reduction; turned into a ParseError at the token."""

    def __init__(self, summary: str, detail: str, token: Token) -> None:
        super().__init__(summary)
        self.summary, self.detail, self.token = summary, detail, token


class _LexerAdapter(lark.lexer.Lexer):
    """Hands our tokens to Lark, recording them for error positions."""

    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, lexer: Lexer) -> Iterator[LarkToken]:  # type: ignore[override]
        produced = lexer.produced
        for tok in lexer:
            produced.append(tok)
            yield LarkToken(tok.kind, tok)


# What Go's big.Float accepts of the scanner's number tokens (`1.e5` included).
_NUMBER_OK = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?\Z")
_LITERAL_NAMES = frozenset({"true", "false", "null"})


def _tok(item: Any) -> Token:
    return item.value


def _is(item: Any, kind: str) -> bool:
    return type(item) is LarkToken and item.type == kind


class _Pending:
    """An attribute, block or object item whose owned trivia (comment lines
    above, line break after) is decided by the enclosing body or object."""

    __slots__ = ("cls", "args", "comma")

    def __init__(self, cls: type, args: tuple) -> None:
        self.cls = cls
        self.args = args
        self.comma: Token | None = None

    def finish(self, leading: tuple[n.EmptyLine, ...], newline: Token | None) -> n.Node:
        if self.cls is n.ObjectItem:
            return n.ObjectItem(leading, *self.args, self.comma, newline)
        return self.cls(leading, *self.args, newline)


def _group_lines(children: list[Any]) -> tuple[Any, ...]:
    """Turn a flat run of items and NEWLINE/COMMA tokens into body or object
    items, applying the ownership table (tffix/cst/README.md)."""
    items: list[Any] = []
    comments: list[n.EmptyLine] = []  # comment-only lines waiting for an item
    current: _Pending | None = None
    leading: tuple[n.EmptyLine, ...] = ()
    for child in children:
        if type(child) is _Pending:
            if current is not None:
                items.append(current.finish(leading, None))
            current, leading = child, tuple(comments)
            comments = []
            continue
        tok = child.value
        if tok.kind == "COMMA":
            current.comma = tok  # type: ignore[union-attr]
        elif current is not None:
            items.append(current.finish(leading, tok))
            current = None
        elif tok.lead.strip():
            comments.append(n.EmptyLine(tok))
        else:
            items.extend(comments)
            comments = []
            items.append(n.EmptyLine(tok))
    if current is not None:
        items.append(current.finish(leading, None))
    items.extend(comments)
    return tuple(items)


def _elements(children: list[Any]) -> tuple[n.Element, ...]:
    """Expressions separated by commas (a trailing comma allowed)."""
    out: list[n.Element] = []
    value = None
    for child in children:
        if type(child) is LarkToken:
            out.append(n.Element(value, child.value))
            value = None
        else:
            if value is not None:
                out.append(n.Element(value, None))
            value = child
    if value is not None:
        out.append(n.Element(value, None))
    return tuple(out)


def _require_keyword(item: Any, word: str, summary: str, detail: str) -> Token:
    tok = _tok(item)
    if tok.text != word:
        raise _BuildError(summary, detail, tok)
    return tok


class _Builder:
    """Lark callbacks, one per grammar rule or alias."""

    # -- structure --------------------------------------------------------
    def start(self, c: list[Any]) -> tuple[n.Body, Token]:
        return n.Body(_group_lines(c[:-1])), _tok(c[-1])

    def attribute(self, c: list[Any]) -> _Pending:
        return _Pending(n.Attribute, (_tok(c[0]), _tok(c[1]), c[2]))

    def block(self, c: list[Any]) -> _Pending:
        labels = []
        i = 1
        while not _is(c[i], "OBRACE"):
            label = c[i]
            if type(label) is LarkToken:
                labels.append(label.value)
            else:
                _check_label(label)
                labels.append(label)
            i += 1
        content = c[i + 1 : -1]
        open_newline = None
        if content and _is(content[0], "NEWLINE"):
            open_newline = _tok(content[0])
            content = content[1:]
        body = n.Body(_group_lines(content))
        return _Pending(n.Block, (_tok(c[0]), tuple(labels), _tok(c[i]), open_newline, body, _tok(c[-1])))

    # -- operators --------------------------------------------------------
    def conditional(self, c: list[Any]) -> n.Conditional:
        return n.Conditional(c[0], _tok(c[1]), c[2], _tok(c[3]), c[4])

    def binary_op(self, c: list[Any]) -> n.BinaryOp:
        return n.BinaryOp(c[0], _tok(c[1]), c[2])

    def unary_op(self, c: list[Any]) -> n.UnaryOp:
        return n.UnaryOp(_tok(c[0]), c[1])

    # -- traversals -------------------------------------------------------
    def get_attr(self, c: list[Any]) -> n.GetAttr:
        name = _tok(c[2])
        if name.kind == "NUMBER_LIT" and "." in name.text:
            raise _BuildError(
                "Invalid legacy index syntax",
                "When using the legacy index syntax, chaining two indexes together is not permitted. "
                f"Use the proper index syntax instead, like [{name.text.split('.')[0]}][{name.text.split('.')[1]}].",
                name,
            )
        return n.GetAttr(c[0], _tok(c[1]), name)

    def index(self, c: list[Any]) -> n.Index:
        return n.Index(c[0], _tok(c[1]), c[2], _tok(c[3]))

    def splat(self, c: list[Any]) -> n.Splat:
        return n.Splat(c[0], _tok(c[1]), _tok(c[2]), _tok(c[3]) if len(c) > 3 else None)

    # -- terms ------------------------------------------------------------
    def literal(self, c: list[Any]) -> n.Literal:
        tok = _tok(c[0])
        if not _NUMBER_OK.match(tok.text):
            raise _BuildError("Invalid number literal", "Failed to recognize the value of this number literal.", tok)
        return n.Literal(tok)

    def variable(self, c: list[Any]) -> n.Literal | n.Variable:
        tok = _tok(c[0])
        return n.Literal(tok) if tok.text in _LITERAL_NAMES else n.Variable(tok)

    def parens(self, c: list[Any]) -> n.Parens:
        return n.Parens(_tok(c[0]), c[1], _tok(c[2]))

    def function_call(self, c: list[Any]) -> n.FunctionCall:
        i = 0
        while not _is(c[i], "OPAREN"):
            i += 1
        args = c[i + 1 : -1]
        ellipsis = None
        if args and _is(args[-1], "ELLIPSIS"):
            ellipsis = _tok(args.pop())
        name = tuple(_tok(t) for t in c[:i])
        return n.FunctionCall(name, _tok(c[i]), _elements(args), ellipsis, _tok(c[-1]))

    def tuple(self, c: list[Any]) -> n.Tuple:
        return n.Tuple(_tok(c[0]), _elements(c[1:-1]), _tok(c[-1]))

    def object(self, c: list[Any]) -> n.Object:
        content = c[1:-1]
        open_newline = None
        if content and _is(content[0], "NEWLINE"):
            open_newline = _tok(content[0])
            content = content[1:]
        return n.Object(_tok(c[0]), open_newline, _group_lines(content), _tok(c[-1]))

    def object_item(self, c: list[Any]) -> _Pending:
        return _Pending(n.ObjectItem, (c[0], _tok(c[1]), c[2]))

    def for_tuple(self, c: list[Any]) -> n.ForExpr:
        return self._for(c)

    def for_object(self, c: list[Any]) -> n.ForExpr:
        return self._for(c)

    def _for(self, c: list[Any]) -> n.ForExpr:
        it = iter(c)
        open_, for_kw = _tok(next(it)), _tok(next(it))
        key_var = comma = None
        first = _tok(next(it))
        second = _tok(next(it))
        if second.kind == "COMMA":
            key_var, comma, value_var = first, second, _tok(next(it))
            in_kw = next(it)
        else:
            value_var, in_kw = first, c[3]
        in_kw = _require_keyword(
            in_kw, "in", "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations."
        )
        collection = next(it)
        colon = _tok(next(it))
        rest = list(it)
        close = _tok(rest.pop())
        key_expr = arrow = ellipsis = if_kw = condition = None
        if open_.kind == "OBRACE":
            key_expr, arrow = rest.pop(0), _tok(rest.pop(0))
        value_expr = rest.pop(0)
        if rest and _is(rest[0], "ELLIPSIS"):
            ellipsis = _tok(rest.pop(0))
        if rest:
            if_kw = _require_keyword(
                rest[0], "if", "Invalid 'for' expression", "Extra characters after the end of the 'for' expression."
            )
            condition = rest[1]
        return n.ForExpr(
            open_, for_kw, key_var, comma, value_var, in_kw, collection, colon,
            key_expr, arrow, value_expr, ellipsis, if_kw, condition, close,
        )  # fmt: skip

    # -- templates --------------------------------------------------------
    def template(self, c: list[Any]) -> n.Template:
        return n.Template(_tok(c[0]), _nest_template(c[1:-1], _tok(c[-1])), _tok(c[-1]))

    def heredoc(self, c: list[Any]) -> n.Heredoc:
        return n.Heredoc(_tok(c[0]), _nest_template(c[1:-1], _tok(c[-1])), _tok(c[-1]))

    def interpolation(self, c: list[Any]) -> n.Interpolation:
        return n.Interpolation(_tok(c[0]), c[1], _tok(c[2]))

    def directive(self, c: list[Any]) -> list[Any]:
        return c  # nested by _nest_template


def _check_label(label: n.Template) -> None:
    for part in label.parts:
        if type(part) is not n.TemplateLiteral:
            opener = part.open  # type: ignore[union-attr]
            which = opener.text[0]
            raise _BuildError(
                "Invalid string literal",
                f'Template sequences are not allowed in this string. To include a literal "{which}", '
                f'double it (as "{which}{which}") to escape it.',
                opener,
            )


_UNBALANCED = "The control directives within this template are unbalanced."


def _nest_template(parts: list[Any], end: Token) -> tuple[n.TemplatePart, ...]:
    """Nest the flat directive markers into If/For directive nodes."""
    out: list[Any] = []
    # each frame: [opener tokens/exprs, parts so far, else-marker or None]
    frames: list[list[Any]] = []
    for part in parts:
        if type(part) is LarkToken:
            out.append(n.TemplateLiteral(part.value))
            continue
        if type(part) is not list:
            out.append(part)
            continue
        keyword = _tok(part[1])
        kind = keyword.kind
        if kind in ("IF", "FOR"):
            frames.append([part, out, None])
            out = []
        elif kind == "ELSE":
            if not frames or _tok(frames[-1][0][1]).kind != "IF":
                detail = "An else clause is not expected for a for directive." if frames else _UNBALANCED
                raise _BuildError("Unexpected else directive", detail, keyword)
            if frames[-1][2] is not None:
                raise _BuildError("Unexpected else directive", "Already in the else clause for this if.", keyword)
            frames[-1][2] = (part, out)
            out = []
        else:  # ENDIF / ENDFOR
            want = "IF" if kind == "ENDIF" else "FOR"
            if not frames or _tok(frames[-1][0][1]).kind != want:
                raise _BuildError(f"Unexpected {keyword.text} directive", _UNBALANCED, keyword)
            opener, outer, else_part = frames.pop()
            end_node = n.EndDirective(_tok(part[0]), keyword, _tok(part[2]))
            out = outer + [_directive_node(opener, else_part, out, end_node)]
    if frames:
        opener = frames[-1][0]
        word = _tok(opener[1]).text
        raise _BuildError(
            "Unexpected end of template",
            f"The {word} directive is missing its corresponding end{word} directive.",
            _tok(opener[0]),
        )
    return tuple(out)


def _directive_node(opener: list[Any], else_part: Any, body: list[Any], end: n.EndDirective) -> n.Node:
    if _tok(opener[1]).kind == "IF":
        then_parts, else_clause = body, None
        if else_part is not None:
            marker, then_parts = else_part
            else_clause = n.ElseClause(_tok(marker[0]), _tok(marker[1]), _tok(marker[2]), tuple(body))
        return n.IfDirective(
            _tok(opener[0]), _tok(opener[1]), opener[2], _tok(opener[3]), tuple(then_parts), else_clause, end
        )
    key_var = comma = None
    names = opener[2:-2]
    if len(names) == 4:
        key_var, comma = _tok(names[0]), _tok(names[1])
    value_var = _tok(names[-2])
    in_kw = _require_keyword(
        names[-1], "in", "Invalid 'for' directive", "For directive requires 'in' keyword after names."
    )
    return n.ForDirective(
        _tok(opener[0]), _tok(opener[1]), key_var, comma, value_var, in_kw,
        opener[-2], _tok(opener[-1]), tuple(body), end,
    )  # fmt: skip


# ---------------------------------------------------------------- the parser

_local = threading.local()


def _lark() -> lark.Lark:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = lark.Lark(
            grammar_text(),
            parser="lalr",
            lexer=_LexerAdapter,
            transformer=_Builder(),
            keep_all_tokens=True,
            maybe_placeholders=False,
        )
        _local.parser = parser
    return parser


def parse_module(text: str, *, path: str | None = None) -> n.Module:
    """Parse a whole HCL file. ``module.code == text`` always holds.

    Raises ``ParseError`` (and nothing else) for input that is not HCL.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_module() wants str, got {type(text).__name__}")
    lexer = Lexer(text, path=path)
    lexer.produced = []
    try:
        body, eof = _lark().parse(lexer)
    except ParseError:
        raise
    except _BuildError as e:
        raise _error_at(lexer, e.summary, e.detail, e.token) from None
    except VisitError as e:  # a reduction raised; unwrap
        inner = e.orig_exc
        if isinstance(inner, _BuildError):
            raise _error_at(lexer, inner.summary, inner.detail, inner.token) from None
        if isinstance(inner, ParseError):
            raise inner from None
        raise
    except UnexpectedToken as e:
        raise _unexpected(lexer, e) from None
    except UnexpectedInput as e:  # pragma: no cover - other Lark failures
        raise ParseError("Invalid syntax", str(e), offset=0, text=lexer.text, path=path) from None
    return n.Module(lexer.bom, body, eof)


def _offset_of(lexer: Lexer, token: Token) -> int:
    for i in range(len(lexer.produced) - 1, -1, -1):
        if lexer.produced[i] is token:
            return lexer.starts[i]
    return len(lexer.text)


def _error_at(lexer: Lexer, summary: str, detail: str, token: Token) -> ParseError:
    return lexer.error(summary, detail, _offset_of(lexer, token))


from .messages import unexpected_token_message  # noqa: E402


def _flatten(values: list[Any]) -> list[Any]:
    """The value stack with inlined rules (``_for_intro``...) spliced in, as
    their parents will see them."""
    out: list[Any] = []
    for value in values:
        if isinstance(value, lark.Tree):
            out.extend(_flatten(value.children))
        else:
            out.append(value)
    return out


def _unexpected(lexer: Lexer, e: UnexpectedToken) -> ParseError:
    found = e.token.value
    if isinstance(found, Token):
        index = len(lexer.produced) - 1
        tok, offset = found, lexer.starts[index]
    else:  # Lark's own end marker
        index, tok, offset = len(lexer.produced), Token("EOF", ""), len(lexer.text)
    previous = lexer.produced[index - 1] if index > 0 else None
    context = lexer.contexts[index] if index < len(lexer.contexts) else "B"
    stack = _flatten(e.interactive_parser.parser_state.value_stack if e.interactive_parser else [])
    summary, detail = unexpected_token_message(tok, previous, set(e.expected), context, stack)
    return lexer.error(summary, detail, offset)
