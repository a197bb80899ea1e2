"""hclsyntax's wording for a token the grammar cannot accept.

hclsyntax's hand-written parser knows, when it fails, what it was parsing.
We reconstruct that from three facts: the lexer's context letter for the
token (see ``Lexer._context``), the token before it, and the LALR value stack
(what has been parsed but not yet reduced). The set of acceptable tokens alone
is too coarse: LALR merges look-ahead sets across contexts.
"""

from __future__ import annotations

from typing import Any

from ..cst.tokens import Token

__all__ = ["unexpected_token_message"]

_OPENERS = frozenset({"OBRACK", "OPAREN", "OBRACE", "TEMPLATE_INTERP", "TEMPLATE_CONTROL", "EQUAL", "NEWLINE"})

_NEED_ARGUMENT_OR_BLOCK = ("Argument or block definition required", "An argument or block definition is required here.")
_EQUALS_HINT = (
    "Argument or block definition required",
    (
        'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce '
        "the argument value."
    ),
)
_MISSING_NEWLINE = ("Missing newline after argument", "An argument definition must end with a newline.")
_FOR = "Invalid 'for' expression"


def _kind(item: Any) -> str | None:
    """The token kind of a value-stack entry, or None for a built node."""
    return item.kind if type(item) is Token else None


def _innermost(stack: list[Any]) -> tuple[int, bool, bool]:
    """Index of the innermost opener on the value stack, and whether a ``?``
    or a ``for`` keyword stands after it."""
    question = has_for = False
    for i in range(len(stack) - 1, -1, -1):
        kind = _kind(stack[i])
        if kind == "QUESTION":
            question = True
        elif kind == "FOR":
            has_for = True
        elif kind in _OPENERS:
            return i, question, has_for
    return -1, question, has_for


def unexpected_token_message(
    tok: Token, previous: Token | None, expected: set[str], context: str, stack: list[Any]
) -> tuple[str, str]:
    """(summary, detail) for ``tok`` arriving where the grammar cannot take it."""
    kind = tok.kind
    prev = previous.kind if previous is not None else None
    opener, question, has_for = _innermost(stack)
    opener_kind = _kind(stack[opener]) if opener >= 0 else None

    if (
        has_for
        and "NUMBER_LIT" in expected
        and previous is not None
        and prev == "IDENT"
        and previous.text not in ("in", "if")
    ):
        # the grammar took a stray name for the `in` / `if` keyword
        head_done = any(_kind(item) == "COLON" for item in stack[opener + 1 :])
        summary = "Invalid 'for' directive" if context == "C" else _FOR
        if head_done:
            return summary, "Extra characters after the end of the 'for' expression."
        return summary, "For expression requires the 'in' keyword after its name declarations."
    if prev == "DOUBLE_COLON":
        return "Missing function name", "Function scope resolution symbol :: must be followed by a function name."
    if prev == "DOT" and kind not in ("IDENT", "NUMBER_LIT", "STAR"):
        return "Invalid attribute name", "An attribute name is required after a dot."
    if "NUMBER_LIT" in expected:  # an expression must start here
        if kind == "EOF":
            return "Missing expression", "Expected the start of an expression, but found the end of the file."
        return "Invalid expression", "Expected the start of an expression, but found an invalid expression token."
    if question and kind != "COLON" and not has_for:
        return (
            "Missing false expression in conditional",
            "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
        )
    if has_for:
        return _for_message(kind, prev, expected, context)
    if context == "B":
        return _body_message(kind, prev, stack)
    if context == "V":
        if kind == "COMMA":
            return (
                "Unexpected comma after argument",
                (
                    "Argument definitions must be separated by newlines, not commas. An argument definition must end "
                    "with a newline."
                ),
            )
        return _MISSING_NEWLINE
    if context == "S":
        return _single_line_message(kind, stack)
    if context == "O":
        after_value = opener_kind == "EQUAL" or _kind(stack[-2]) in ("EQUAL", "COLON") if len(stack) > 1 else False
        if after_value:
            return (
                "Missing attribute separator",
                "Expected a newline or comma to mark the beginning of the next attribute.",
            )
        if kind in ("NEWLINE", "COMMA"):
            return "Missing attribute value", 'Expected an attribute value, introduced by an equals sign ("=").'
        return (
            "Missing key/value separator",
            'Expected an equals sign ("=") to mark the beginning of the attribute value.',
        )
    if context == "]":
        is_index = opener_kind == "OBRACK" and opener > 0 and _kind(stack[opener - 1]) is None
        if is_index and prev != "COMMA" and len(stack) - opener == 2:  # `x[` and one expression
            return "Missing close bracket on index", 'The index operator must end with a closing bracket ("]").'
        return "Missing item separator", "Expected a comma to mark the beginning of the next item."
    if context == ")":
        if prev == "ELLIPSIS":
            return (
                "Missing closing parenthesis",
                "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
            )
        if opener_kind == "OPAREN" and opener > 0 and _kind(stack[opener - 1]) == "IDENT":
            return "Missing argument separator", "A comma is required to separate each function argument from the next."
        return "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression."
    if context == "I":
        return (
            "Extra characters after interpolation expression",
            (
                "Expected a closing brace to end the interpolation expression, but found extra characters. "
                'To write a literal "${", escape it as "$${".'
            ),
        )
    if context == "C":
        if prev == "TEMPLATE_CONTROL":
            return (
                "Invalid template directive",
                'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
            )
        return (
            "Invalid template directive",
            "Expected a closing brace to end the directive, but found extra characters.",
        )
    if kind == "EOF":
        return "Unexpected end of file", "The file ended where more input was expected."
    return "Invalid syntax", f"Unexpected {tok.text or kind!r} here."


def _body_message(kind: str, prev: str | None, stack: list[Any]) -> tuple[str, str]:
    if prev == "CBRACE":
        return "Missing newline after block definition", "A block definition must end with a newline."
    top = stack[-1] if stack else None
    top_kind = _kind(top)
    below = _kind(stack[-2]) if len(stack) > 1 else None
    at_item_name = top_kind == "IDENT" and (len(stack) == 1 or below in ("NEWLINE", "OBRACE"))
    if at_item_name and kind != "EQUAL":
        return _EQUALS_HINT
    if top is not None and (top_kind == "IDENT" or top_kind is None) and prev in ("IDENT", "CQUOTE"):
        if kind == "EQUAL":
            return (
                "Invalid block definition",
                'The equals sign "=" indicates an argument definition, and must not be used when defining a block.',
            )
        if kind == "NEWLINE":
            return (
                "Invalid block definition",
                (
                    'A block definition must have block content delimited by "{" and "}", starting on the same line '
                    "as the block header."
                ),
            )
        return (
            "Invalid block definition",
            'Either a quoted string block label or an opening brace ("{") is expected here.',
        )
    return _NEED_ARGUMENT_OR_BLOCK


def _single_line_message(kind: str, stack: list[Any]) -> tuple[str, str]:
    if _kind(stack[-1]) == "IDENT" if stack else False:
        return (
            "Argument definition required",
            (
                "A single-line block definition can contain only a single argument. To define a nested block, "
                "place it on a line of its own within its parent block."
            ),
        )
    if kind == "COMMA":
        return (
            "Invalid single-argument block definition",
            (
                "Single-line block syntax can include only one argument definition. To define multiple arguments, "
                "use the multi-line block syntax with one argument definition per line."
            ),
        )
    if kind == "NEWLINE":
        return (
            "Invalid single-argument block definition",
            (
                "An argument definition on the same line as its containing block creates a single-line block "
                "definition, which must also be closed on the same line."
            ),
        )
    return (
        "Invalid single-argument block definition",
        (
            "A single-line block definition must end with a closing brace immediately after its single argument "
            "definition."
        ),
    )


def _for_message(kind: str, prev: str | None, expected: set[str], context: str) -> tuple[str, str]:
    if context == "C":
        if prev == "FOR":
            return "Invalid 'for' directive", "For directive requires variable name after 'for'."
        if prev == "COMMA":
            return "Invalid 'for' directive", "For directive requires value variable name after comma."
        return "Invalid 'for' directive", "For directive requires 'in' keyword after names."
    if prev == "FOR":
        return _FOR, "For expression requires variable name after 'for'."
    if prev == "COMMA":
        return _FOR, "For expression requires value variable name after comma."
    if "FAT_ARROW" in expected and kind != "FAT_ARROW":
        return _FOR, "Key expression is required when building an object."
    if expected == {"IDENT", "COMMA"} or expected == {"IDENT"}:
        return _FOR, "For expression requires the 'in' keyword after its name declarations."
    if "COLON" in expected and "CBRACK" not in expected and "CBRACE" not in expected:
        return _FOR, "The 'for' expression's collection must be followed by a colon."
    return _FOR, "Extra characters after the end of the 'for' expression."
