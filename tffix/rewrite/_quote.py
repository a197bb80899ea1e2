"""Quoting Python strings as HCL string literals.

Private and small on purpose: ``tffix.cst.quoting`` (another lane) will
replace it, and this module then goes. Everything here is about one rule:
the literal must read back as exactly the given value, so a description or
label holding ``"``, ``\\``, ``${`` or a line break cannot end the string
early or start an interpolation.
"""

from __future__ import annotations

__all__ = ["quote", "template_text"]

# the escapes HCL's quoted templates define, and nothing else
_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def template_text(value: str) -> str:
    """``value`` as the text between the quotes of an HCL string: escapes
    for quotes, backslashes and control characters, and ``$${`` / ``%%{`` so
    that no template sequence starts."""
    out: list[str] = []
    previous = ""
    for ch in value:
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif ch < " " or ch == "\x7f" or "\x80" <= ch <= "\x9f":
            out.append(f"\\u{ord(ch):04x}")
        elif ch == "{" and previous in ("$", "%"):
            out.append(previous + "{")  # `${` -> `$${`, `%{` -> `%%{`: HCL's escapes for a literal sequence
        else:
            out.append(ch)
        previous = ch
    return "".join(out)


def quote(value: str) -> str:
    """``value`` as a quoted HCL string literal."""
    return '"' + template_text(value) + '"'
