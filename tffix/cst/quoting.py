"""Quoting: HCL strings, labels, object keys and references made from Python values.

A rule that writes a user's text into HCL by hand gets it wrong the first
time the text holds a ``"``, a backslash or a ``${``: the output then means
something else, or does not parse. Everything here builds either the exact
source text (``quote``) or nodes that print it (``string``, ``template``,
``label``, ``key``, ``ref``), so no caller needs to know HCL's escapes.

What a quoted string must escape, as hclsyntax reads one:

- ``"`` and ``\\`` (``\\"``, ``\\\\``);
- ``${`` and ``%{``, which would open an interpolation or a directive
  (``$${``, ``%%{``);
- line breaks, which a quoted string cannot hold (``\\n``, ``\\r``), and
  tabs (``\\t``); other control characters and the Unicode line and paragraph
  separators as ``\\uXXXX``, so the output holds nothing an editor would show
  as a break or hide.

Built nodes carry no trivia: put them in place with the CST's ``replace``,
which gives them the leading space of what they replace.
"""

from __future__ import annotations

import re
import unicodedata

from . import nodes as n

__all__ = [
    "escape",
    "is_identifier",
    "key",
    "label",
    "quote",
    "ref",
    "string",
    "template",
    "unescape",
]

_SIMPLE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "${": "$${", "%{": "%%{"}
# Cc: C0 and C1 controls and DEL; Zl, Zp: U+2028 and U+2029.
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f\u2028\u2029]|\$\{|%\{')

# One piece of a quoted literal's text, as the lexer reads it: an escape, a
# doubled template opener, a lone sign, or a run of plain characters.
_PIECE = re.compile(r'\\(?:([nrt"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))|(\$\$\{|%%\{)|([$%])(?!\{)|([^"\\$%\r\n]+)')
_DECODED = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}

# Bare object keys that would not read as their own name: the literals read as
# values (``null`` is no key at all) and ``for`` opens a for expression.
_KEY_KEYWORDS = frozenset(["true", "false", "null", "for"])


def _escape_one(m: re.Match[str]) -> str:
    text = m.group()
    simple = _SIMPLE.get(text)
    return simple if simple is not None else f"\\u{ord(text):04x}"


def escape(text: str) -> str:
    """The body of a quoted HCL string (without the quotes) that reads as ``text``.

    Raises ``ValueError`` for a lone surrogate, which UTF-8 cannot encode.
    """
    if not text.isascii():
        for ch in text:
            if unicodedata.category(ch) == "Cs":
                raise ValueError(f"cannot quote a lone surrogate (U+{ord(ch):04X})")
    return _NEEDS_ESCAPE.sub(_escape_one, text)


def quote(text: str) -> str:
    """``text`` as an HCL quoted string literal, quotes included: ``a"b`` gives ``"a\\"b"``."""
    return '"' + escape(text) + '"'


def unescape(literal: str) -> str:
    """The text a quoted string literal without interpolations stands for:
    the inverse of ``quote``. Raises ``ValueError`` for anything else (no
    quotes, a raw line break, a bad escape, a ``${`` or ``%{`` sequence)."""
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"not a quoted string: {literal!r}")
    body = literal[1:-1]
    out: list[str] = []
    pos = 0
    while pos < len(body):
        m = _PIECE.match(body, pos)
        if m is None:
            raise ValueError(f"not a plain quoted string literal at offset {pos + 1}: {literal!r}")
        simple, short, long, doubled, sign, plain = m.groups()
        if simple is not None:
            out.append(_DECODED[simple])
        elif short is not None or long is not None:
            code = int(short or long, 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise ValueError(f"escape names no character: {m.group()!r}")
            out.append(chr(code))
        elif doubled is not None:
            out.append(doubled[1:])
        else:
            out.append(sign if sign is not None else plain)
        pos = m.end()
    return "".join(out)


def is_identifier(text: str) -> bool:
    """Whether ``text`` is an HCL identifier: a Unicode ID_Start letter or ``_``,
    then ID_Continue characters or ``-``. (Python's identifier rule uses the
    same classes, without the dash.)"""
    return text[:1].isidentifier() and ("a" + text.replace("-", "")).isidentifier()


def _literal_part(text: str) -> n.TemplateLiteral:
    return n.TemplateLiteral(n.Token("QUOTED_LIT", escape(text)))


def string(text: str) -> n.Template:
    """A quoted string node that reads as ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"string() takes a str, not {type(text).__name__}")
    return template(text)


def template(*parts: str | n.Expression) -> n.Template:
    """A quoted template from literal text and expressions: each ``str`` is
    escaped, each node becomes a ``${ }`` interpolation, so
    ``template(ref("path", "module"), "/src")`` prints ``"${path.module}/src"``."""
    pieces: list[n.TemplatePart] = []
    text = ""
    for part in parts:
        if isinstance(part, str):
            text += part  # adjacent texts make one literal, as the parser reads them
            continue
        if text:
            pieces.append(_literal_part(text))
            text = ""
        pieces.append(n.Interpolation(n.Token("TEMPLATE_INTERP", "${"), part, n.Token("TEMPLATE_SEQ_END", "}")))
    if text:
        pieces.append(_literal_part(text))
    return n.Template(n.Token("OQUOTE", '"'), tuple(pieces), n.Token("CQUOTE", '"'))


def label(text: str, *, bare: bool = False) -> n.Label:
    """A block label: quoted, as Terraform writes labels; with ``bare=True`` an
    identifier token when ``text`` is one (``resource aws_s3_bucket b``)."""
    if bare and is_identifier(text):
        return n.Token("IDENT", text)
    return string(text)


def key(name: str) -> n.Variable | n.Template:
    """An object key that reads as ``name``: bare when it is an identifier
    that reads as itself, quoted otherwise (``"a b"``, ``"null"``)."""
    if is_identifier(name) and name not in _KEY_KEYWORDS:
        return n.Variable(n.Token("IDENT", name))
    return string(name)


def ref(root: str, *steps: str | int) -> n.Variable | n.GetAttr | n.Index:
    """A reference such as ``var.name`` or ``aws_s3_bucket.b.id``: ``root`` is
    an identifier; each ``str`` step that is one becomes ``.step``, any other
    ``str`` an index ``["step"]``, and an ``int`` an index ``[0]``."""
    if not is_identifier(root):
        raise ValueError(f"a reference starts with an identifier, not {root!r}")
    node: n.Variable | n.GetAttr | n.Index = n.Variable(n.Token("IDENT", root))
    for step in steps:
        if isinstance(step, bool) or not isinstance(step, (str, int)):
            raise TypeError(f"a reference step is a str or an int, not {type(step).__name__}")
        if isinstance(step, str) and is_identifier(step):
            node = n.GetAttr(node, n.Token("DOT", "."), n.Token("IDENT", step))
            continue
        if isinstance(step, int):
            if step < 0:
                raise ValueError(f"an index is not negative: {step}")
            index: n.Expression = n.Literal(n.Token("NUMBER_LIT", str(step)))
        else:
            index = string(step)
        node = n.Index(node, n.Token("OBRACK", "["), index, n.Token("CBRACK", "]"))
    return node
