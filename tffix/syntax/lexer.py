"""A hand-written HCL lexer with a mode stack, feeding Lark's LALR parser.

HCL cannot be lexed by one set of regular expressions: quoted templates and
heredocs hold ``${ }`` / ``%{ }`` sequences, which hold expressions, which hold
strings again; and a newline ends an attribute in a body or an object but means
nothing inside ``( )``, ``[ ]``, ``${ }`` or a ``for`` expression. So the lexer
keeps a stack of contexts and decides, token by token, what a character means.

Trivia (spaces, tabs, comments, meaningless newlines) never becomes a token: it
is split between the previous token's ``trail`` and the next token's ``lead``
(see ``Token``), so concatenating tokens reproduces the input exactly.

Tokens are produced lazily: the parser pulls them one by one, so a syntax error
early in a file is reported before the lexer trips over something later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import ParseError
from .tokens import GO_SPACE, Token

__all__ = ["Lexer", "tokenize", "BOM"]

BOM = "\ufeff"

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

_CODE = re.compile(
    "|".join(
        [
            r"(?P<ws>[ \t]+)",
            r"(?P<nl>\r?\n)",
            r"(?P<line_comment>(?:#|//)(?:[^\r\n]|\r(?!\n))*)",
            r"(?P<block_comment>/\*[\s\S]*?\*/)",
            rf"(?P<number>{_NUMBER})",
            rf"(?P<ident>{_IDENT})",
            rf"(?P<heredoc><<-?(?P<marker>{_IDENT})\r?\n)",
            r'(?P<quote>")',
            r"(?P<op>==|!=|>=|<=|&&|\|\||::|\.\.\.|=>|~\}|[{}\[\]().,*/%+\-=<>!?:])",
        ]
    )
)

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
_HEREDOC_LIT = re.compile(r"(?:[^$%\r\n]+|\$\$\{|%%\{|\$(?!\{)|%(?!\{)|\r(?!\n))*(?:\r?\n)?")
_TEMPLATE_OPEN = re.compile(r"([$%])\{(~?)")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[nrt\"\\]|.?)", re.S)
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


class _Frame:
    """One entry of the mode stack."""

    __slots__ = ("kind", "opened_at", "closer", "in_value", "saw_newline", "marker", "line_start")

    def __init__(self, kind: int, opened_at: int, closer: str = "") -> None:
        self.kind = kind
        self.opened_at = opened_at
        self.closer = closer  # for NESTED: the character that closes it
        self.in_value = False  # for BODY: after `=` on the current line
        self.saw_newline = False  # for BODY: not a single-line block
        self.marker = ""  # for HEREDOC: the closing identifier
        self.line_start = True  # for HEREDOC: at the start of a line


class Lexer:
    """Lexes ``text`` lazily; the mode stack lives here.

    Iterating yields ``Token`` values. ``starts`` holds each token's offset
    (after its lead) for error positions.
    """

    def __init__(self, text: str, *, path: str | None = None) -> None:
        self.bom = BOM if text.startswith(BOM) else ""
        self.text = text[len(self.bom) :]
        self.path = path
        self.kinds: list[str] = []
        self.texts: list[str] = []
        self.leads: list[str] = []
        self.trails: list[str] = []
        self.starts: list[int] = []
        self._trivia: list[str] = []
        self._trail_parts = -1  # how many trivia parts end the previous token's line
        self._stack = [_Frame(BODY, 0)]
        self.produced: list[Token] = []  # filled by the parser, for error positions
        self.contexts: list[str] = []  # per token, where it stood (see _context)

    # -- public -----------------------------------------------------------
    def token(self, i: int) -> Token:
        return Token(self.kinds[i], self.texts[i], self.leads[i], self.trails[i])

    def error(self, summary: str, detail: str, offset: int) -> ParseError:
        return ParseError(summary, detail, offset=offset, text=self.text, path=self.path)

    def __iter__(self) -> Iterator[Token]:
        """Tokens in order. Each is yielded once the next one is lexed, because
        only then is its ``trail`` known."""
        previous = -1
        for previous in self._indices():
            if previous:
                yield self.token(previous - 1)
        if previous >= 0:
            yield self.token(previous)

    def _indices(self) -> Iterator[int]:
        text = self.text
        pos = 0
        end = len(text)
        stack = self._stack
        while pos < end:
            frame = stack[-1]
            kind = frame.kind
            if kind == QUOTED:
                pos = yield from self._quoted(pos)
            elif kind == HEREDOC:
                pos = yield from self._heredoc(pos, frame)
            else:
                pos = yield from self._code(pos, frame)
        yield from self._finish()

    # -- code contexts ----------------------------------------------------
    def _code(self, pos: int, frame: _Frame) -> Iterator[int]:
        m = _CODE.match(self.text, pos)
        if m is None:
            if self.text[pos].isidentifier():  # a non-ASCII ID_Start letter such as ℘
                end = self._ident_end(pos + 1)
                yield self._emit(self._ident_kind(self.text[pos:end], frame), self.text[pos:end], pos)
                return end
            raise self._invalid_character(pos)
        group = m.lastgroup
        value = m.group()
        if group == "ws" or group == "line_comment" or group == "block_comment":
            self._add_trivia(value, newline=False)
            return m.end()
        if group == "nl":
            if frame.kind in _NEWLINE_SENSITIVE:
                frame.in_value = False
                yield self._emit("NEWLINE", value, pos)
                frame.saw_newline = True
            else:
                self._add_trivia(value, newline=True)
            return m.end()
        if group == "ident":
            end = m.end()
            if end < len(self.text) and self.text[end] > "\x7f":
                end = self._ident_end(end)
                value = self.text[pos:end]
            yield self._emit(self._ident_kind(value, frame), value, pos)
            return end
        if group == "number":
            yield self._emit("NUMBER_LIT", value, pos)
            return m.end()
        if group == "quote":
            yield self._emit("OQUOTE", value, pos)
            self._stack.append(_Frame(QUOTED, pos))
            return m.end()
        if group == "heredoc":
            yield self._emit("OHEREDOC", value, pos)
            heredoc = _Frame(HEREDOC, pos)
            heredoc.marker = m.group("marker")
            self._stack.append(heredoc)
            return m.end()
        return (yield from self._operator(value, pos, frame))

    def _ident_end(self, pos: int) -> int:
        """Extend an identifier over ID_Continue characters that Python's \\w
        misses (combining marks, middle dot...)."""
        text = self.text
        end = len(text)
        while pos < end:
            ch = text[pos]
            if ch == "-" or ("a" + ch).isidentifier():
                pos += 1
            else:
                break
        return pos

    def _ident_kind(self, value: str, frame: _Frame) -> str:
        last = self.kinds[-1] if self.kinds else ""
        if last == "TEMPLATE_CONTROL" and frame.kind == CONTROL:
            try:
                return _DIRECTIVES[value]
            except KeyError:
                raise self.error(
                    "Invalid template control keyword",
                    f'"{value}" is not a valid template control keyword.',
                    self._offset_after_trivia(),
                ) from None
        if value == "for" and (last == "OBRACK" or (last == "OBRACE" and frame.closer == "}")):
            return "FOR"
        return "IDENT"

    def _operator(self, value: str, pos: int, frame: _Frame) -> Iterator[int]:
        kind = _OPS[value]
        stack = self._stack
        after = pos + len(value)
        if kind == "OBRACE":
            yield self._emit(kind, value, pos)
            if frame.kind == BODY and not frame.in_value:
                stack.append(_Frame(BODY, pos))
            elif _FOR_AHEAD.match(self.text, after):
                stack.append(_Frame(NESTED, pos, "}"))
            else:
                stack.append(_Frame(OBJECT, pos))
        elif kind == "OPAREN" or kind == "OBRACK":
            yield self._emit(kind, value, pos)
            stack.append(_Frame(NESTED, pos, ")" if kind == "OPAREN" else "]"))
        elif kind == "CBRACE":
            if frame.kind in (INTERP, CONTROL):
                kind = "TEMPLATE_SEQ_END"
            # emit before popping: an unexpected closer is reported in the
            # context it tried to close
            yield self._emit(kind, value, pos)
            if len(stack) > 1 and frame.kind != NESTED or frame.closer == "}":
                stack.pop()
        elif kind == "TEMPLATE_SEQ_END":
            yield self._emit(kind, value, pos)
            if frame.kind in (INTERP, CONTROL):
                stack.pop()
        elif kind == "CPAREN" or kind == "CBRACK":
            yield self._emit(kind, value, pos)
            if frame.kind == NESTED and frame.closer == value:
                stack.pop()
        else:
            yield self._emit(kind, value, pos)
            if kind == "EQUAL" and frame.kind == BODY:
                frame.in_value = True
        return after

    # -- template contexts ------------------------------------------------
    def _quoted(self, pos: int) -> Iterator[int]:
        text = self.text
        m = _QUOTED_LIT.match(text, pos)
        if m is not None:
            value = m.group()
            self._check_escapes(value, pos)
            yield self._emit("QUOTED_LIT", value, pos)
            return m.end()
        ch = text[pos]
        if ch == '"':
            self._stack.pop()
            yield self._emit("CQUOTE", ch, pos)
            return pos + 1
        m = _TEMPLATE_OPEN.match(text, pos)
        if m is not None:
            return (yield from self._open_template_sequence(m, pos))
        if ch == "\\":  # a backslash at the end of the line
            raise self.error(
                "Invalid escape sequence", "Backslash must be followed by an escape sequence selector character.", pos
            )
        raise self.error(
            "Unterminated template string",
            "A quoted string cannot span lines; use \\n or a heredoc for a multi-line string.",
            pos,
        )

    def _heredoc(self, pos: int, frame: _Frame) -> Iterator[int]:
        text = self.text
        if frame.line_start:
            eol = text.find("\n", pos)
            if eol != -1:
                line = text[pos:eol]
                if line.strip(GO_SPACE) == frame.marker:
                    close = line[:-1] if line.endswith("\r") else line
                    self._stack.pop()
                    yield self._emit("CHEREDOC", close, pos)
                    return pos + len(close)
        m = _TEMPLATE_OPEN.match(text, pos)
        if m is not None:
            return (yield from self._open_template_sequence(m, pos))
        m = _HEREDOC_LIT.match(text, pos)
        value = m.group()
        if not value:  # a lone CR, or something the literal cannot hold
            raise self._invalid_character(pos)
        frame.line_start = value.endswith("\n")
        yield self._emit("STRING_LIT", value, pos)
        return m.end()

    def _open_template_sequence(self, m: re.Match[str], pos: int) -> Iterator[int]:
        interp = m.group(1) == "$"
        outer = self._stack[-1]
        outer.line_start = False
        yield self._emit("TEMPLATE_INTERP" if interp else "TEMPLATE_CONTROL", m.group(), pos)
        self._stack.append(_Frame(INTERP if interp else CONTROL, pos))
        return m.end()

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
        if self._trail_parts == -1 and self.kinds:
            if newline:
                # trivia before this part stays on the previous token's line
                self._trail_parts = len(trivia)
            elif "\n" in value:  # a block comment spanning lines: no trail
                self._trail_parts = 0

    def _emit(self, kind: str, value: str, pos: int) -> int:
        trivia = self._trivia
        if trivia:
            cut = self._trail_parts
            if cut > 0:
                self.trails[-1] = "".join(trivia[:cut])
                self.leads.append("".join(trivia[cut:]))
            else:
                self.leads.append("".join(trivia))
            trivia.clear()
        else:
            self.leads.append("")
        self._trail_parts = -1
        self.contexts.append(self._context())
        self.kinds.append(kind)
        self.texts.append(value)
        self.trails.append("")
        self.starts.append(pos)
        return len(self.kinds) - 1

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

    def _offset_after_trivia(self) -> int:
        return self.starts[-1] + len(self.texts[-1]) + sum(map(len, self._trivia)) if self.kinds else 0

    def _finish(self) -> Iterator[int]:
        frame = self._stack[-1]
        if len(self._stack) > 1:
            if frame.kind == NESTED:
                summary, detail = _UNCLOSED_NESTED[frame.closer]
            else:
                summary, detail = _UNCLOSED[frame.kind]
            at = len(self.text) if frame.kind in (QUOTED, HEREDOC) else frame.opened_at
            raise self.error(summary, detail, at)
        yield self._emit("EOF", "", len(self.text))

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


def tokenize(text: str, *, path: str | None = None) -> list[Token]:
    """All tokens of ``text`` (the last one is ``EOF``). Raises ``ParseError``."""
    return list(Lexer(text, path=path))
