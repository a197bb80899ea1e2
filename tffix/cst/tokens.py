"""Tokens: the leaves of the concrete syntax tree.

Token kinds are named after hclsyntax's ``Token*`` constants (``TokenOBrace`` is
``OBRACE``), plus five keyword kinds (``FOR``, ``IF``, ``ELSE``, ``ENDIF``,
``ENDFOR``) that the lexer emits where hclsyntax's parser peeks at an identifier;
naming them lets an LALR(1) grammar decide with one token of lookahead.
"""

from __future__ import annotations

from typing import NamedTuple, final

__all__ = ["GO_SPACE", "KINDS", "Token"]

#: What Go's unicode.IsSpace accepts, which hclsyntax uses to trim heredoc
#: lines. Python's str.strip() also strips \x1c-\x1f, which Go does not.
GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


@final
class Token(NamedTuple):
    """One lexical token with the trivia around it.

    ``lead`` is the trivia (spaces, tabs, comments, and newlines that carry no
    meaning where they stand) between the previous token and this one.
    ``trail`` is trivia that belongs to this token although it follows it: in
    newline-insensitive places (inside ``()``, ``[]``, ``${}``), everything up to
    and including the first line break after the token, so a trailing comment
    stays with what it comments. Printing a token is ``lead + text + trail``.
    """

    kind: str
    text: str
    lead: str = ""
    trail: str = ""

    @property
    def code(self) -> str:
        return self.lead + self.text + self.trail

    def __str__(self) -> str:
        return self.text


#: Every token kind; the grammar declares exactly these (tested).
KINDS = frozenset(
    [
        "IDENT",
        "NUMBER_LIT",
        "OQUOTE",
        "CQUOTE",
        "QUOTED_LIT",
        "OHEREDOC",
        "CHEREDOC",
        "STRING_LIT",
        "TEMPLATE_INTERP",
        "TEMPLATE_CONTROL",
        "TEMPLATE_SEQ_END",
        "OBRACE",
        "CBRACE",
        "OBRACK",
        "CBRACK",
        "OPAREN",
        "CPAREN",
        "EQUAL",
        "COMMA",
        "DOT",
        "STAR",
        "ELLIPSIS",
        "DOUBLE_COLON",
        "FAT_ARROW",
        "QUESTION",
        "COLON",
        "PLUS",
        "MINUS",
        "SLASH",
        "PERCENT",
        "EQUAL_OP",
        "NOT_EQUAL",
        "LESS_THAN",
        "LESS_THAN_EQ",
        "GREATER_THAN",
        "GREATER_THAN_EQ",
        "AND",
        "OR",
        "BANG",
        "FOR",
        "IF",
        "ELSE",
        "ENDIF",
        "ENDFOR",
        "NEWLINE",
        "EOF",
    ]
)
