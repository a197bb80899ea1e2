"""A hand-written HCL lexer with a mode stack, feeding Lark's LALR parser.

HCL cannot be lexed by one set of regular expressions: quoted templates and
heredocs hold ``${ }`` / ``%{ }`` sequences, which hold expressions, which hold
strings again; and a newline ends an attribute in a body or an object but means
nothing inside ``( )``, ``[ ]``, ``${ }`` or a ``for`` expression. So the lexer
keeps a stack of contexts and decides, token by token, what a character means.

Trivia (spaces, tabs, comments, meaningless newlines) never becomes a token: it
is split between the previous token's ``trail`` and the next token's ``lead``
(see ``Token``), so concatenating tokens reproduces the input exactly.

Lexing is eager (``_lex_into`` fills a list), but a lexical error is raised
only after the parser has taken the tokens before it, so a syntax error early in
a file is still reported before the lexer trips over something later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cst.tokens import GO_SPACE, Token
from ..text.lines import BOM
from .errors import ParseError

__all__ = ["BOM", "Lexer", "code_lexeme_end", "tokenize"]

# Context kinds on the mode stack.
BODY = 0  # block body or file: newlines end items
OBJECT = 1  # object constructor: newlines separate items
NESTED = 2  # ( ) [ ] and {for ...}: newlines are trivia
INTERP = 3  # ${ ... }
CONTROL = 4  # %{ ... }
QUOTED = 5  # "..." template
HEREDOC = 6  # <<EOT ... EOT template

_NEWLINE_SENSITIVE = (BODY, OBJECT)

_IDENT = r"[^\W\d][\w-]*"
_NUMBER = r"[0-9](?:(?:[0-9.]|[eE][+-]?[0-9])*(?:[0-9]|[eE][+-]?[0-9]))?"

_OPS = {
    "==": "EQUAL_OP",
    "!=": "NOT_EQUAL",
    ">=": "GREATER_THAN_EQ",
    "<=": "LESS_THAN_EQ",
    "&&": "AND",
    "||": "OR",
    "::": "DOUBLE_COLON",
    "...": "ELLIPSIS",
    "=>": "FAT_ARROW",
    "~}": "TEMPLATE_SEQ_END",
    "{": "OBRACE",
    "}": "CBRACE",
    "[": "OBRACK",
    "]": "CBRACK",
    "(": "OPAREN",
    ")": "CPAREN",
    ".": "DOT",
    ",": "COMMA",
    "*": "STAR",
    "/": "SLASH",
    "%": "PERCENT",
    "+": "PLUS",
    "-": "MINUS",
    "=": "EQUAL",
    "<": "LESS_THAN",
    ">": "GREATER_THAN",
    "!": "BANG",
    "?": "QUESTION",
    ":": "COLON",
}

# Literal text of a quoted template: escapes are kept verbatim (validated
# separately); `$${` and `%%{` are literal, a lone `$` or `%` too.
_QUOTED_LIT = re.compile(r"(?:[^\"$%\\\r\n]+|\\[^\r\n]|\$\$\{|%%\{|\$(?!\{)|%(?!\{))+")
_HEREDOC_LIT = re.compile(r"(?:[^$%\r\n]+|\$\$\{|%%\{|\$(?!\{)|%(?!\{))*(?:\r?\n)?")
_TEMPLATE_OPEN = re.compile(r"([$%])\{(~?)")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[nrt\"\\]|.?)", re.DOTALL)
# possessive quantifiers: a failed look-ahead must not backtrack exponentially
_FOR_AHEAD = re.compile(r"(?:\s++|(?:#|//)[^\n]*+|/\*[\s\S]*?\*/)*+for(?![\w-])")
_DIRECTIVES = {"if": "IF", "else": "ELSE", "endif": "ENDIF", "for": "FOR", "endfor": "ENDFOR"}

_CONTEXT_LETTERS = {OBJECT: "O", INTERP: "I", CONTROL: "C", QUOTED: "Q", HEREDOC: "H"}

_UNCLOSED = {
    BODY: ("Unclosed configuration block", "There is no closing brace for this block before the end of the file."),
    OBJECT: (
        "Unterminated object constructor expression",
        "There is no corresponding closing brace before the end of the file.",
    ),
    INTERP: (
        "Unclosed template interpolation sequence",
        "There is no closing brace for this interpolation sequence before the end of the file.",
    ),
    CONTROL: (
        "Unclosed template interpolation sequence",
        "There is no closing brace for this template directive before the end of the file.",
    ),
    QUOTED: ("Unterminated template string", "No closing marker was found for the string."),
    HEREDOC: ("Unterminated template string", "No closing marker was found for the string."),
}
_UNCLOSED_NESTED = {
    ")": ("Unbalanced parentheses", "There is no closing parenthesis before the end of the file."),
    "]": (
        "Unterminated tuple constructor expression",
        "There is no corresponding closing bracket before the end of the file.",
    ),
    "}": ("Unterminated object constructor expression", "There is no closing brace before the end of the file."),
}


def _is_ident(name: str) -> bool:
    """HCL's identifier rule: ID_Start, then ID_Continue or '-' (Python's
    identifier rule is the same Unicode classes, without the dash)."""
    return name[:1].isidentifier() and ("a" + name.replace("-", "")).isidentifier()


def _ident_end(text: str, pos: int) -> int:
    """Extend an identifier over ID_Continue characters that Python's \\w
    misses (combining marks, middle dot...)."""
    end = len(text)
    while pos < end:
        ch = text[pos]
        if ch == "-" or ("a" + ch).isidentifier():
            pos += 1
        else:
            break
    return pos


def _line_break(trivia: str) -> bool:
    """Whether ``trivia`` holds a line break outside block comments."""
    return "\n" in trivia and "\n" in _TRIVIA_PARTS.findall(trivia)


class _Frame:
    """One entry of the mode stack."""

    __slots__ = ("closer", "first", "in_value", "kind", "line_start", "marker", "opened_at", "saw_newline")

    def __init__(self, kind: int, opened_at: int, closer: str = "") -> None:
        self.kind = kind
        self.opened_at = opened_at
        self.closer = closer  # for NESTED: the character that closes it
        self.first = -1  # for a [ in a body or object: the index of its first token
        self.in_value = False  # for BODY: after `=` on the current line
        self.saw_newline = False  # for BODY: not a single-line block
        self.marker = ""  # for HEREDOC: the closing identifier
        self.line_start = True  # for HEREDOC: at the start of a line


_new_token = tuple.__new__

# One match per token in code contexts: leading blanks, then the lexeme; the
# group number (``lastindex``) says which.
_CODE1 = re.compile(
    r"([ \t]*)(?:"
    r"(\r?\n)"  # 2 newline
    r"|((?:#|//)(?:[^\r\n]|\r(?!\n))*)"  # 3 line comment
    r"|(/\*[\s\S]*?\*/)"  # 4 block comment
    rf"|({_NUMBER})"  # 5 number
    rf"|({_IDENT})"  # 6 identifier
    r"|(<<-?(\S+)\r?\n)"  # 7 heredoc opener, 8 its marker (checked by _is_ident)
    r'|(")'  # 9 quote
    r"|(==|!=|>=|<=|&&|\|\||::|\.\.\.|=>|~\}|[{}\[\]().,*/%+\-=<>!?:])"  # 10 operator
    r")"
)
_G_NL, _G_LINE, _G_BLOCK, _G_NUMBER, _G_IDENT, _G_HEREDOC, _G_QUOTE, _G_OP = 2, 3, 4, 5, 6, 7, 9, 10
_BLANKS = re.compile(r"[ \t]+")
_TRIVIA_PARTS = re.compile(r"\n|(?:#|//)(?:[^\r\n]|\r(?!\n))*|/\*[\s\S]*?\*/")  # comments as _CODE1 reads them
_OPENERS = {"OBRACE", "OPAREN", "OBRACK"}
# a quoted string with no escapes, no template sequences, no lone $ or %
_SIMPLE_STRING = re.compile(r'([^"\\$%\r\n]*)"')
_CLOSERS = {"CBRACE", "TEMPLATE_SEQ_END", "CPAREN", "CBRACK"}


class Lexer:
    """Lexes ``text`` lazily; the mode stack lives here.

    Iterating yields ``Token`` values. ``starts`` holds each token's offset
    (after its lead) for error positions.
    """

    _fast_strings = True

    def __init__(self, text: str, *, path: str | None = None) -> None:
        self.bom = BOM if text.startswith(BOM) else ""
        self.text = text[len(self.bom) :]
        self.path = path
        self._trivia: list[str] = []  # trivia since the newest token
        self._trail_open = False  # may a line break still end the newest token's trail?
        self._stack = [_Frame(BODY, 0)]
        self._out: list[Token] = []  # the tokens so far
        self.produced: list[Token] = []  # filled by the parser, for error positions

    # -- public -----------------------------------------------------------
    def replay(self, count: int) -> _TrackingLexer:
        """A lexer over the same text that has yielded ``count`` tokens and kept
        each one's offset (``starts``) and context letter (``contexts``) for
        error messages; the fast path records neither."""
        tracker = _TrackingLexer(self.bom + self.text, path=self.path)
        tokens = iter(tracker)
        try:
            for _ in range(count):
                next(tokens)
        except (StopIteration, ParseError):
            pass
        return tracker

    def error(self, summary: str, detail: str, offset: int) -> ParseError:
        """``offset`` counts from after the BOM; the error's counts from the
        start of the text the caller passed, as every other offset does."""
        bom = len(self.bom)
        return ParseError(summary, detail, offset=offset + bom, text=self.bom + self.text, path=self.path)

    def __iter__(self) -> Iterator[Token]:
        """Tokens in order. Lexing is eager, but a lexical error is raised only
        after the tokens before it, as a lazy lexer would."""
        out: list[Token] = []
        try:
            self._lex_into(out)
        except ParseError as e:
            yield from out
            raise e from None
        yield from out

    def _lex_into(self, out: list[Token]) -> None:
        """Appends the tokens to ``out``; raises ParseError at the first bad
        lexeme, leaving out the token before it, whose trail is unknown."""
        self._out = out
        try:
            self._scan(out)
        except ParseError:
            if out:
                out.pop()
            raise

    def _scan(self, out: list[Token]) -> None:
        text = self.text
        pos = 0
        end = len(text)
        stack = self._stack
        code_match = _CODE1.match
        put = out.append
        emit = self._emit
        ops = _OPS
        trivia = self._trivia
        simple_string = _SIMPLE_STRING.match if self._fast_strings else None
        tracking = not self._fast_strings  # the tracking lexer sees every token through _emit
        new_token = _new_token
        frame = stack[-1]  # the innermost context, refreshed whenever the stack changes
        fk = frame.kind
        while pos < end:
            if fk >= QUOTED:
                if fk == QUOTED:
                    tok, pos = self._quoted(pos)
                else:
                    tok, pos = self._heredoc(pos, frame)
                put(tok)
                frame = stack[-1]
                fk = frame.kind
            else:
                m = code_match(text, pos)
                if m is None:  # blanks before something that is no token, or at the end
                    b = _BLANKS.match(text, pos)
                    if b is None:
                        if text[pos].isidentifier():  # a non-ASCII ID_Start letter such as ℘
                            start, pos = pos, _ident_end(text, pos + 1)
                            value = text[start:pos]
                            put(emit(self._ident_kind(value, frame, start), value, start))
                            continue
                        raise self._invalid_character(pos)
                    self._add_trivia(b.group(), newline=False)
                    pos = b.end()
                    continue
                # every alternative of _CODE1 is a group, so a match always sets lastindex
                g: int = m.lastindex  # type: ignore[assignment]
                start, after = m.span(g)
                if start != pos:  # blanks: never a line's end, so no _add_trivia
                    trivia.append(text[pos:start])
                pos = after
                value = text[start:after]
                if g == _G_IDENT:
                    if pos < end and text[pos] > "\x7f":
                        pos = _ident_end(text, pos)
                        value = text[start:pos]
                    if not value.isascii() and not _is_ident(value):
                        bad = next(i for i in range(len(value)) if not _is_ident(value[: i + 1]))
                        raise self._invalid_character(start + bad)
                    if fk == CONTROL or value == "for":
                        put(emit(self._ident_kind(value, frame, start), value, start))
                    else:
                        if tracking:
                            put(emit("IDENT", value, start))
                        else:  # _emit, inlined: the most common tokens
                            if trivia:
                                lead = "".join(trivia)
                                trivia.clear()
                            else:
                                lead = ""
                            put(new_token(Token, ("IDENT", value, lead, "")))
                            self._trail_open = True
                elif g == _G_OP:
                    kind = ops[value]
                    if kind in _OPENERS:
                        put(emit(kind, value, start))
                        if kind == "OBRACE":
                            if fk == BODY and not frame.in_value:
                                stack.append(_Frame(BODY, start))
                            elif _FOR_AHEAD.match(text, pos):
                                stack.append(_Frame(NESTED, start, "}"))
                            else:
                                stack.append(_Frame(OBJECT, start))
                        else:
                            nested = _Frame(NESTED, start, ")" if kind == "OPAREN" else "]")
                            if kind == "OBRACK" and fk <= OBJECT:
                                nested.first = len(out)
                            stack.append(nested)
                        frame = stack[-1]
                        fk = frame.kind
                    elif kind in _CLOSERS:
                        if kind == "CBRACE":
                            if fk == INTERP or fk == CONTROL:
                                kind = "TEMPLATE_SEQ_END"
                            # emit before popping: an unexpected closer is
                            # reported in the context it tried to close
                            put(emit(kind, value, start))
                            if len(stack) > 1 and fk != NESTED or frame.closer == "}":
                                stack.pop()
                                frame = stack[-1]
                                fk = frame.kind
                        elif kind == "TEMPLATE_SEQ_END":
                            put(emit(kind, value, start))
                            if fk == INTERP or fk == CONTROL:
                                stack.pop()
                                frame = stack[-1]
                                fk = frame.kind
                        else:
                            put(emit(kind, value, start))
                            if fk == NESTED and frame.closer == value:
                                if frame.first != -1 and len(out) - frame.first == 2:
                                    self._check_splat(out, frame.first, start)
                                stack.pop()
                                frame = stack[-1]
                                fk = frame.kind
                    else:
                        if tracking:
                            put(emit(kind, value, start))
                        else:  # _emit, inlined: the most common tokens
                            if trivia:
                                lead = "".join(trivia)
                                trivia.clear()
                            else:
                                lead = ""
                            put(new_token(Token, (kind, value, lead, "")))
                            self._trail_open = True
                        if kind == "EQUAL" and fk == BODY:
                            frame.in_value = True
                elif g == _G_NL:
                    if fk == BODY or fk == OBJECT:
                        frame.in_value = False
                        if tracking:
                            put(emit("NEWLINE", value, start))
                        else:  # _emit, inlined: the most common tokens
                            if trivia:
                                lead = "".join(trivia)
                                trivia.clear()
                            else:
                                lead = ""
                            put(new_token(Token, ("NEWLINE", value, lead, "")))
                            self._trail_open = True
                        frame.saw_newline = True
                    else:
                        self._add_trivia(value, newline=True)
                elif g == _G_QUOTE:
                    put(emit("OQUOTE", value, start))
                    sm = simple_string(text, pos) if simple_string else None
                    if sm is None:
                        stack.append(frame := _Frame(QUOTED, start))
                        fk = QUOTED
                    else:  # "plain text": no frame needed
                        # (only this lexer, not the tracking one, comes here; no trivia
                        # can stand between the quotes, so _emit is inlined)
                        literal = sm.group(1)
                        if literal:
                            put(new_token(Token, ("QUOTED_LIT", literal, "", "")))
                        pos = sm.end()
                        put(new_token(Token, ("CQUOTE", '"', "", "")))
                elif g == _G_NUMBER:
                    put(emit("NUMBER_LIT", value, start))
                elif g == _G_HEREDOC:
                    if not _is_ident(m.group(8)):
                        # no heredoc starts here, but one may start a character
                        # later (`f() <<<EOT` compares with a heredoc): a less-than
                        pos = start + 1
                        put(emit("LESS_THAN", "<", start))
                        continue
                    put(emit("OHEREDOC", value, start))
                    frame = _Frame(HEREDOC, start)
                    frame.marker = m.group(8)
                    stack.append(frame)
                    fk = HEREDOC
                else:  # comment
                    self._add_trivia(value, newline=False)
        put(self._finish())

    # -- code contexts ----------------------------------------------------
    def _ident_kind(self, value: str, frame: _Frame, start: int) -> str:
        last = self._out[-1][0] if self._out else ""
        if last == "TEMPLATE_CONTROL" and frame.kind == CONTROL:
            try:
                return _DIRECTIVES[value]
            except KeyError:
                raise self.error(
                    "Invalid template control keyword",
                    f'"{value}" is not a valid template control keyword.',
                    start,
                ) from None
        if value == "for" and (last == "OBRACK" or (last == "OBRACE" and frame.closer == "}")):
            return "FOR"
        return "IDENT"

    def _check_splat(self, out: list[Token], first: int, close_at: int) -> None:
        """A ``[*]`` in a body or object, just closed at ``close_at``: hclsyntax
        reads the ``*`` and the ``]`` before it stops minding line breaks, so
        neither may follow one (one inside a block comment does not count)."""
        opener, star, closer = out[first - 1 : first + 2]
        if star[0] != "STAR":
            return
        if _line_break(opener[3] + star[2]):
            raise self.error(
                "Invalid expression",
                "Expected the start of an expression, but found an invalid expression token.",
                close_at - len(closer[2]) - len(star[3]) - 1,
            )
        if _line_break(star[3] + closer[2]):
            raise self.error(
                "Missing close bracket on splat index",
                'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
                close_at,
            )

    # -- template contexts ------------------------------------------------
    def _quoted(self, pos: int) -> tuple[Token, int]:
        text = self.text
        m = _QUOTED_LIT.match(text, pos)
        if m is not None:
            value = m.group()
            if "\\" in value:
                self._check_escapes(value, pos)
            return self._emit("QUOTED_LIT", value, pos), m.end()
        ch = text[pos]
        if ch == '"':
            self._stack.pop()
            return self._emit("CQUOTE", ch, pos), pos + 1
        m = _TEMPLATE_OPEN.match(text, pos)
        if m is not None:
            return self._open_template_sequence(m, pos)
        if ch == "\\":  # a backslash at the end of the line
            raise self.error(
                "Invalid escape sequence", "Backslash must be followed by an escape sequence selector character.", pos
            )
        raise self.error(
            "Unterminated template string",
            "A quoted string cannot span lines; use \\n or a heredoc for a multi-line string.",
            pos,
        )

    def _heredoc(self, pos: int, frame: _Frame) -> tuple[Token, int]:
        text = self.text
        if frame.line_start:
            eol = text.find("\n", pos)
            if eol != -1:
                line = text[pos:eol]
                close = line.removesuffix("\r")
                if close.strip(GO_SPACE) == frame.marker and "\r" not in close:  # a lone CR is invalid
                    self._stack.pop()
                    return self._emit("CHEREDOC", close, pos), pos + len(close)
        m = _TEMPLATE_OPEN.match(text, pos)
        if m is not None:
            return self._open_template_sequence(m, pos)
        m = _HEREDOC_LIT.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        value = m.group()
        if not value:  # a lone CR
            raise self._invalid_character(pos)
        frame.line_start = value.endswith("\n")
        return self._emit("STRING_LIT", value, pos), m.end()

    def _open_template_sequence(self, m: re.Match[str], pos: int) -> tuple[Token, int]:
        interp = m.group(1) == "$"
        outer = self._stack[-1]
        outer.line_start = False
        done = self._emit("TEMPLATE_INTERP" if interp else "TEMPLATE_CONTROL", m.group(), pos)
        self._stack.append(_Frame(INTERP if interp else CONTROL, pos))
        return done, m.end()

    def _check_escapes(self, value: str, pos: int) -> None:
        if "\\" not in value:
            return
        for m in _ESCAPE.finditer(value):
            sel = m.group(1)
            if len(sel) == 1 and sel in 'nrt"\\':
                continue
            if sel[:1] in "uU" and len(sel) > 1:
                code = int(sel[1:], 16)
                if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    continue
                raise self.error(
                    "Invalid escape sequence", f"Cannot encode character U+{code:04x} in UTF-8.", pos + m.start()
                )
            if sel[:1] == "u":
                detail = "The \\u escape sequence must be followed by four hexadecimal digits."
            elif sel[:1] == "U":
                detail = "The \\U escape sequence must be followed by eight hexadecimal digits."
            elif not sel:
                detail = "Backslash must be followed by an escape sequence selector character."
            else:
                detail = f'The symbol "{sel}" is not a valid escape sequence selector.'
            raise self.error("Invalid escape sequence", detail, pos + m.start())

    # -- emission and trivia ----------------------------------------------
    def _add_trivia(self, value: str, *, newline: bool) -> None:
        trivia = self._trivia
        trivia.append(value)
        if self._trail_open:
            if newline:
                # trivia up to this line break stays on the newest token's line
                kind, text, lead, _ = self._out[-1]
                self._out[-1] = _new_token(Token, (kind, text, lead, "".join(trivia)))
                trivia.clear()
                self._trail_open = False
            elif "\n" in value:  # a block comment spanning lines: no trail
                self._trail_open = False

    def _emit(self, kind: str, value: str, pos: int) -> Token:
        """Token ``kind`` starting at ``pos``, with the trivia since the previous
        token as its lead; its trail, if any, is added by ``_add_trivia``."""
        trivia = self._trivia
        if trivia:
            lead = "".join(trivia)
            trivia.clear()
        else:
            lead = ""
        self._trail_open = True
        return _new_token(Token, (kind, value, lead, ""))

    def _context(self) -> str:
        """A one-letter summary of the innermost context, for error messages:
        B body line, V attribute value on a body line, S single-line block,
        O object, F for-object, ) ] brackets, I ${}, C %{}, Q quoted, H heredoc."""
        stack = self._stack
        frame = stack[-1]
        kind = frame.kind
        if kind == BODY:
            if len(stack) > 1 and not frame.saw_newline:
                return "S"
            return "V" if frame.in_value else "B"
        if kind == NESTED:
            return "F" if frame.closer == "}" else frame.closer
        return _CONTEXT_LETTERS[kind]

    def _finish(self) -> Token:
        frame = self._stack[-1]
        if len(self._stack) > 1:
            if frame.kind == NESTED:
                summary, detail = _UNCLOSED_NESTED[frame.closer]
            else:
                summary, detail = _UNCLOSED[frame.kind]
            at = len(self.text) if frame.kind in (QUOTED, HEREDOC) else frame.opened_at
            raise self.error(summary, detail, at)
        return self._emit("EOF", "", len(self.text))

    def _invalid_character(self, pos: int) -> ParseError:
        ch = self.text[pos]
        detail = {
            "'": 'Single quotes are not valid. Use double quotes (") to enclose strings.',
            "&": 'Bitwise operators are not supported. Did you mean boolean AND ("&&")?',
            "|": 'Bitwise operators are not supported. Did you mean boolean OR ("||")?',
            ";": "Semicolons are not valid. Use a newline to end an argument or block definition.",
        }.get(ch, "This character is not used within the language.")
        if self.text.startswith("/*", pos):
            return self.error("Unterminated comment", "There is no closing */ for this comment.", pos)
        if ch in "&|":
            return self.error("Unsupported operator", detail, pos)
        return self.error("Invalid character", detail, pos)


class _TrackingLexer(Lexer):
    """Also records each token's offset and context letter (error messages)."""

    _fast_strings = False

    def __init__(self, text: str, *, path: str | None = None) -> None:
        super().__init__(text, path=path)
        self.starts: list[int] = []
        self.contexts: list[str] = []

    def _emit(self, kind: str, value: str, pos: int) -> Token:
        self.contexts.append(self._context())
        self.starts.append(pos)
        return super()._emit(kind, value, pos)


def tokenize(text: str, *, path: str | None = None) -> list[Token]:
    """All tokens of ``text`` (the last one is ``EOF``). Raises ``ParseError``."""
    out: list[Token] = []
    Lexer(text, path=path)._lex_into(out)
    return out


def code_lexeme_end(text: str, pos: int) -> int:
    """Where the lexeme that starts at ``pos`` would end if ``pos`` were in a
    code context (outside any template): what the lexer's first look at that
    position reads, comments and line breaks included; -1 where nothing
    lexes there."""
    m = _CODE1.match(text, pos)
    if m is None:
        return -1
    end = m.end()
    if m.lastindex == _G_IDENT and end < len(text) and text[end] > "\x7f":
        end = _ident_end(text, end)
    elif m.lastindex == _G_HEREDOC and not _is_ident(m.group(8)):
        end = m.start(_G_HEREDOC) + 1  # a less-than, as in Lexer._scan
    return end
