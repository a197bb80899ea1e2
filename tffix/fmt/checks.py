"""What the formatter checks of its own output (black's ``assert_equivalent``
/ ``assert_stable``). Terraform's refusal of repeated arguments, which the
formatter also applies, is a syntax check: ``tffix.syntax.validate``
(re-exported here for code written against the old path)."""

from __future__ import annotations

from ..syntax.lexer import code_lexeme_end
from ..syntax.validate import check_unique_attributes
from .tokens import FmtToken, render

__all__ = ["SelfCheckError", "check_unique_attributes", "respaced_alike"]


class SelfCheckError(RuntimeError):
    """The formatter produced output that fails its own checks: a bug in
    tffix, reported as an internal error; nothing is written."""


# Blanks after these kinds are text: inside a string or a heredoc (every
# token lexed there follows one of them), or on a heredoc's closing line.
_TEXT_AFTER = frozenset({"OQUOTE", "OHEREDOC", "QUOTED_LIT", "STRING_LIT", "TEMPLATE_SEQ_END", "CHEREDOC"})
# Lexed by the template rules, not the code rules: each ends where its text
# does whatever follows (a heredoc's closing line is never followed directly).
_TEMPLATE_LEXED = frozenset({"CQUOTE", "QUOTED_LIT", "STRING_LIT", "CHEREDOC", "TEMPLATE_INTERP", "TEMPLATE_CONTROL"})
# How far back over touching tokens a join is re-lexed before giving up (and
# leaving the proof to the full check); real code has runs of a few tokens.
_RUN_LIMIT = 256


def respaced_alike(tokens: list[FmtToken], result: str) -> bool:
    """True when ``result`` (``render(tokens)``, the layout of the input's
    formatter tokens with no rewrite) provably passes the full check: it
    parses, a second run changes nothing, and only whitespace changed. False
    means "not proven": the caller runs the full check.

    The result differs from the input only in the blanks before some tokens
    (``spaces`` against the source's ``ws``). It lexes like the input when
    every changed gap (1) lies between two code tokens, not inside a string,
    a heredoc or a heredoc's closing line, where blanks are text, and (2) if
    the layout removed all its blanks, does not join two lexemes: each token
    of the run that now touches the gap still lexes to its own text
    (``code_lexeme_end``), and no ``*/`` appears that could close a comment
    begun earlier. Other blanks are no risk: every lexeme a code context
    reads stops at a blank except comments, and a comment's end is in its
    own text (a ``*/``, or the line break after a ``#`` comment; the blanks
    after one at the end of the file are refused), and the lexer's state
    changes only with tokens, comments and line breaks. So the result lexes to the same
    tokens, comments and line breaks, and from there the argument is
    ``relexes_alike``'s (in the tests, which check this one against it):
    the same tokens parse the same way, and lay out the same way again.
    """
    offset = 0  # where tok's gap starts in result
    previous: FmtToken | None = None
    if result != render(tokens):
        return False  # not these tokens laid out: nothing below would hold
    for i, tok in enumerate(tokens):
        spaces = tok.spaces
        ws = tok.ws
        if previous is not None and (len(ws) != spaces or "\t" in ws):
            if previous.kind in _TEXT_AFTER:
                return False
            if previous.line_comment and not previous.text.endswith("\n"):
                return False  # blanks after a comment are the comment's
            if not spaces and not _join_lexes_apart(tokens, i, result, offset - len(previous.text)):
                return False
        offset += spaces + len(tok.text)
        previous = tok
    return True


def _join_lexes_apart(tokens: list[FmtToken], i: int, result: str, start: int) -> bool:
    """Whether ``tokens[i]``, now touching the token before it (which starts
    at ``start`` in ``result``), leaves every lexeme before it as it was."""
    first = tokens[i].text[:1]
    before = tokens[i - 1]
    if before.kind in ("TEMPLATE_INTERP", "TEMPLATE_CONTROL"):
        return first != "~"  # `${~` strips whitespace
    if first == "/" and before.text.endswith("*"):
        return False  # could close a block comment opened further back
    for j in range(i - 1, max(i - 1 - _RUN_LIMIT, -1), -1):
        tok = tokens[j]
        if tok.kind in _TEMPLATE_LEXED or tok.text.endswith("\n"):
            return True  # nothing reads across a line break or out of a template token
        if code_lexeme_end(result, start) != start + len(tok.text):
            return False
        if tok.spaces or j == 0:
            return True
        start -= len(tokens[j - 1].text)
    return False
