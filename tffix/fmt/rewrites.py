"""Terraform's own rewrites, which ``terraform fmt`` applies before hclwrite's
layout. Each is a named pass over one attribute value or one block's labels,
working on formatter tokens exactly as Terraform works on hclwrite tokens.

- ``unwrap_interpolation``: an attribute whose whole value is ``"${ expr }"``
  becomes ``expr`` (in parentheses when it spans lines).
- ``legacy_type``: in a top-level ``variable`` block, ``type = "string"`` becomes
  ``string``, ``"list"``/``"map"`` become ``list(string)``/``map(string)``, and a
  bare ``list``/``map``/``set`` becomes ``list(any)``...
- ``quote_labels``: block labels are written in quoted form, in Unicode NFC.

Deliberate deviations, each pinned by a ``golden/fmt/<case>.tffix.tf`` file:

- a comment between a block's type and labels, or between labels, is kept where
  it is; Terraform deletes it (we never lose data);
- a quoted label holding ``$`` or ``%`` is left as written; Terraform's label
  rewrite deletes the whole label;
- an interpolation whose inner expression spans lines and merely starts with
  ``(`` and ends with ``)`` (``(a)\n+ (b)``) is wrapped in parentheses;
  Terraform's check looks at the two end tokens only and writes output that
  does not parse;
- an interpolation whose inner expression has a ``#``/``//`` comment before
  its last token (``"${ # c\n x}"``) is wrapped in parentheses; Terraform sees
  no line break and writes output that does not parse;
- nested interpolation-only strings (``"${"${x}"}"``) unwrap completely in one
  run; Terraform removes one level per run, so its output is not stable.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator

from ..cst import nodes as n
from ..cst.builders import first_token, last_token
from ..cst.values import template_text
from .tokens import FmtToken, same_content

__all__ = ["TokenEdit", "legacy_type", "quote_labels", "rewrite_edits", "unwrap_interpolation"]

#: ``(start, end, tokens)``: formatter tokens ``[start, end)`` give way to
#: ``tokens`` (a fix's text edit is ``rules.base.Edit``, a different thing)
TokenEdit = tuple[int, int, list[FmtToken]]


def unwrap_interpolation(tokens: list[FmtToken]) -> list[FmtToken] | None:
    """``"${x}"`` -> ``x``; None when the value is not one interpolation.

    Nested ones (``"${"${x}"}"``) unwrap all the way, one level per turn of
    the loop; the window ``tokens[start:end]`` shrinks and ``_Scan`` answers
    each level's questions without rescanning, so deep nesting stays linear.
    """
    scan: _Scan | None = None
    start, end = 0, len(tokens)
    unwrapped = False
    while end - start >= 5 and (
        tokens[start].kind, tokens[start + 1].kind, tokens[end - 2].kind, tokens[end - 1].kind
    ) == ("OQUOTE", "TEMPLATE_INTERP", "TEMPLATE_SEQ_END", "CQUOTE"):  # fmt: skip
        if scan is None:
            scan = _Scan(tokens)
        inner_start, inner_end = start + 2, end - 2
        if scan.has_template_text(inner_start, inner_end):
            break  # "${a}${b}" or "x${a}": a real template
        while inner_start < inner_end and tokens[inner_start].kind == "NEWLINE":
            inner_start += 1
        while inner_end > inner_start and tokens[inner_end - 1].kind == "NEWLINE":
            inner_end -= 1
        if inner_start == inner_end:
            break
        start, end, unwrapped = inner_start, inner_end, True
        # a line comment before the end ends a line too, though hclwrite's
        # check sees no NEWLINE token there
        if scan.breaks_line(start, end - 1):
            trimmed = tokens[start:end]
            if _one_parenthesised_group(trimmed):
                return trimmed
            # starting with "(", neither this nor the parenthesised form unwraps further
            return [FmtToken("OPAREN", "("), *trimmed, FmtToken("CPAREN", ")")]
    return tokens[start:end] if unwrapped else None


class _Scan:
    """Prefix counts over a value's tokens, so each level of nested
    interpolations is checked in constant or logarithmic time."""

    def __init__(self, tokens: list[FmtToken]) -> None:
        # quotes[i]: strings open before tokens[i] (OQUOTE minus CQUOTE)
        # breaks[i]: line breaks and line comments before tokens[i]
        # text_at[q]: where a token that is template text or a sequence
        #             boundary sits with q strings open before it, ascending
        self.quotes = [0]
        self.breaks = [0]
        self.text_at: dict[int, list[int]] = {}
        quotes = breaks = 0
        for i, tok in enumerate(tokens):
            kind = tok.kind
            if kind == "OQUOTE":
                quotes += 1
            elif kind == "CQUOTE":
                quotes -= 1
            elif kind in ("TEMPLATE_INTERP", "TEMPLATE_SEQ_END", "QUOTED_LIT"):
                self.text_at.setdefault(quotes, []).append(i)
            if kind == "NEWLINE" or tok.line_comment:
                breaks += 1
            self.quotes.append(quotes)
            self.breaks.append(breaks)

    def has_template_text(self, start: int, end: int) -> bool:
        """Whether ``tokens[start:end]`` holds template text or a sequence
        boundary outside the strings it contains."""
        found = self.text_at.get(self.quotes[start], [])
        at = bisect_left(found, start)
        return at < len(found) and found[at] < end

    def breaks_line(self, start: int, end: int) -> bool:
        """Whether ``tokens[start:end]`` holds a line break or a line comment."""
        return self.breaks[end] > self.breaks[start]


def _one_parenthesised_group(tokens: list[FmtToken]) -> bool:
    """True when the first ``(`` closes at the last token. Terraform only
    checks the first and last tokens, so ``(a)\n+ (b)`` lost its needed
    parentheses and the result did not parse; we check the pairing."""
    if tokens[0].kind != "OPAREN" or tokens[-1].kind != "CPAREN":
        return False
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.kind in ("OPAREN", "OBRACK", "OBRACE", "TEMPLATE_INTERP", "TEMPLATE_CONTROL"):
            depth += 1
        elif tok.kind in ("CPAREN", "CBRACK", "CBRACE", "TEMPLATE_SEQ_END"):
            depth -= 1
            if depth == 0:
                return i == len(tokens) - 1
    return False


_LEGACY_QUOTED = {
    "string": [("IDENT", "string")],
    "list": [("IDENT", "list"), ("OPAREN", "("), ("IDENT", "string"), ("CPAREN", ")")],
    "map": [("IDENT", "map"), ("OPAREN", "("), ("IDENT", "string"), ("CPAREN", ")")],
}


def legacy_type(tokens: list[FmtToken]) -> list[FmtToken] | None:
    """Pre-0.12 type constraints to type expressions."""
    kinds = [tok.kind for tok in tokens]
    if kinds == ["IDENT"] and tokens[0].text in ("list", "map", "set"):
        return [tokens[0], FmtToken("OPAREN", "("), FmtToken("IDENT", "any"), FmtToken("CPAREN", ")")]
    if kinds == ["OQUOTE", "QUOTED_LIT", "CQUOTE"] and tokens[1].text in _LEGACY_QUOTED:
        return [FmtToken(kind, text) for kind, text in _LEGACY_QUOTED[tokens[1].text]]
    return None


_NEEDS_ESCAPE = re.compile(r'["\\]|[$%]\{')


def _escape_label(value: str) -> str:
    """hclwrite's quoting of a string value."""
    if value.isprintable() and _NEEDS_ESCAPE.search(value) is None:
        return value  # the usual label: nothing to escape
    out = []
    for i, ch in enumerate(value):
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "$%":
            out.append(ch * 2 if value[i + 1 : i + 2] == "{" else ch)
        elif not ch.isprintable():
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def _label_value(label: n.Label) -> str | None:
    """The label's string as Terraform writes it back: in NFC (its strings
    are cty values, which are normalised so), or None to keep it as written."""
    if type(label) is n.Token:
        value: str | None = label.text
    else:
        # the parser allows only literal text in labels
        raw = "".join(part.token.text for part in label.parts if type(part) is n.TemplateLiteral)
        if "$" in raw or "%" in raw:
            return None  # Terraform would drop this label; keep it as written
        value = template_text(label)
    if value is None:
        return None
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def quote_labels(labels: list[tuple[n.Label, list[FmtToken]]], between: list[list[FmtToken]]) -> list[FmtToken] | None:
    """Labels in quoted form. ``labels`` pairs each label with its tokens;
    ``between[i]`` holds the tokens (comments) after label i, which stay put.
    A label Terraform would delete (it holds ``$`` or ``%``) stays as written."""
    out: list[FmtToken] = []
    for (label, tokens), gap in zip(labels, between):
        value = _label_value(label)
        if value is None:
            out.extend(tokens)
        else:
            text = _escape_label(value)
            if len(tokens) == 3 and tokens[0].kind == "OQUOTE" and tokens[1].text == text:
                out.extend(tokens)  # already written so
            else:
                out.append(FmtToken("OQUOTE", '"'))
                out.append(FmtToken("QUOTED_LIT", text))
                out.append(FmtToken("CQUOTE", '"'))
        out.extend(gap)
    return out


def _items(body: n.Body) -> Iterator[tuple[n.Attribute | n.Block, bool]]:
    """Every attribute and block under ``body`` in source order, each with
    whether it sits directly in a top-level ``variable`` block (a stack, not
    recursion: blocks may nest deeper than Python's limit)."""
    stack: list[tuple[Iterator[n.BodyItem], bool]] = [(iter(body.items), False)]
    while stack:
        items, in_variable = stack[-1]
        for item in items:
            if type(item) is n.Attribute:
                yield item, in_variable
            elif type(item) is n.Block:
                yield item, in_variable
                stack.append((iter(item.body.items), len(stack) == 1 and item.type.text == "variable"))
                break
        else:
            stack.pop()


def rewrite_anchors(module: n.Module) -> dict[int, int]:
    """The CST tokens whose position among the formatter's tokens
    ``rewrite_edits`` asks for (each attribute value's first and last,
    each label's), as ``id -> -1`` for ``fmt_tokens`` to fill in: a map of
    every token would cost a dict entry per token of the file (about a
    fifth of the formatter's memory on a large file)."""
    anchors: dict[int, int] = {}
    for item, _ in _items(module.body):
        if type(item) is n.Attribute:
            anchors[id(first_token(item.value))] = anchors[id(last_token(item.value))] = -1
        else:
            for label in item.labels:
                anchors[id(first_token(label))] = anchors[id(last_token(label))] = -1
    return anchors


def rewrite_edits(module: n.Module, tokens: list[FmtToken], index: dict[int, int]) -> list[TokenEdit]:
    """The replacements Terraform's rewrites make, as token-range edits; only
    those that change a token's kind or text. ``index`` holds the positions
    of (at least) the ``rewrite_anchors`` in ``tokens``."""
    edits: list[TokenEdit] = []
    for item, in_variable in _items(module.body):
        if type(item) is n.Attribute:
            start = index[id(first_token(item.value))]
            if in_variable and item.name.text == "type":
                end = index[id(last_token(item.value))] + 1
                new = legacy_type(tokens[start:end])
            elif tokens[start].kind == "OQUOTE":  # it may be "${x}"
                end = index[id(last_token(item.value))] + 1
                new = unwrap_interpolation(tokens[start:end])
            else:
                continue
        elif item.labels:
            spans = [(index[id(first_token(label))], index[id(last_token(label))] + 1) for label in item.labels]
            start, end = spans[0][0], spans[-1][1]
            parts = [(label, tokens[a:b]) for label, (a, b) in zip(item.labels, spans)]
            gaps = [tokens[b : nxt[0]] for (_, b), nxt in itertools.pairwise(spans)] + [[]]
            new = quote_labels(parts, gaps)
        else:
            continue
        if new is not None and not same_content(tokens[start:end], new):
            new[0].spaces = tokens[start].spaces
            edits.append((start, end, new))
    return edits
