"""Hypothesis strategies that generate syntactically valid HCL (Terraform) files.

``hcl_programs(profile)`` draws a ``Program``: the source text plus the shape of
its body (which attributes and blocks, nested how), so a test can check that the
parser understood the structure and did not merely accept the bytes.

The generator writes text directly, following hclsyntax's rules:

* in a body and in an object constructor a newline ends the item, so between
  the tokens of an item only spaces, tabs and ``/* */`` comments may stand
  (a ``/* */`` comment may span lines: it is not a newline token);
* inside ``( )``, ``[ ]``, ``${ }``, ``%{ }`` and ``for`` expressions newlines
  are free, so there ``#``/``//`` line comments (which end the line) may go too;
* a heredoc's closing marker is alone on its line, so whatever follows a
  heredoc starts on the next line: as an attribute or object-item value it is
  followed by the item's newline, elsewhere it only appears where newlines are
  trivia;
* tokens that would merge when written without a space (``a`` ``-`` ``b`` is
  the identifier ``a-b``; ``/`` then ``//c`` is a comment) get one (``_cat``).

Every program the full profile yields was checked against ``terraform fmt``
v1.0.3 (except provider-defined functions ``a::b::c()``, newer than 1.0.3:
``TERRAFORM_1_0`` leaves them out). ``HCL2`` restricts the generator to what
python-hcl2 parses (see ``tests/test_properties.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from hypothesis import strategies as st

__all__ = ["FULL", "HCL2", "MARKERS", "TERRAFORM_1_0", "Profile", "Program", "hcl_programs"]


@dataclass(frozen=True)
class Profile:
    """Which constructs the generator may use."""

    comments: bool = True  # `#`, `//` and `/* */` comments wherever trivia may go
    multiline_block_comments: bool = True  # `/* ... \n ... */`, even inside a body line
    heredocs: bool = True  # <<EOT and <<-EOT, with templates inside
    directives: bool = True  # %{if}/%{else}/%{endif}, %{for}/%{endfor}
    strip_markers: bool = True  # ${~ x ~}, %{~ if x ~}
    provider_functions: bool = True  # provider::ns::f() -- Terraform >= 1.8
    crlf: bool = True  # CRLF line breaks, the whole file or mixed with LF
    bom: bool = True  # a UTF-8 byte-order mark
    non_ascii: bool = True  # non-ASCII text in strings, heredocs and comments
    legacy_index: bool = True  # a.0
    splats: bool = True  # a.*, a[*]
    odd_spacing: bool = True  # tabs, runs of spaces, no optional spaces at all
    escapes: bool = True  # \n \" \u00e9 $${ %%{ in quoted strings
    one_line_blocks: bool = True  # a "b" { c = 1 }, a {}
    for_exprs: bool = True  # [for ...], {for ...}
    expansion: bool = True  # f(x...), {for k, v in m : k => v...}
    colon_items: bool = True  # { a: 1 } object items
    newlines_in_templates: bool = True  # "${\n x \n}" inside a quoted string
    missing_final_newline: bool = True  # the file's last line has no line break
    empty_bodies: bool = True  # a file or block with no items at all
    object_keys: bool = True  # "${k}" = v and (expr) = v object keys
    function_spacing: bool = True  # f (x): spaces between a function's name and "("
    spaced_splats: bool = True  # a[ * ]: trivia inside a full splat's brackets
    shared_names: bool = True  # an attribute and a block type of the same name in one body
    keyword_names: bool = True  # true/false/null as names: true = 1, a.null, false()
    for_newlines: bool = True  # line breaks and line comments between a for expression's parts
    stacked_unary: bool = True  # - -x, !!x
    marker_trivia: bool = True  # blanks before or after a heredoc's closing marker
    # line breaks anywhere inside ( ) [ ] (around operators, before a comma or
    # a traversal), not only after an opening bracket or a comma
    newlines_anywhere: bool = True
    unicode_names: bool = True  # non-ASCII identifiers and heredoc markers (größe, 名前, <<ÜBER)
    heredocs_in_templates: bool = True  # "${<<EOT ...}", a heredoc inside a heredoc
    # identifiers with characters outside Python's \w: combining marks
    # (नमस्ते, e + U+0301), connector punctuation (x‿y), ℘, middle dot
    mark_identifiers: bool = True
    # ... as heredoc markers (<<ক্ষ)
    mark_heredoc_markers: bool = True


FULL = Profile()
TERRAFORM_1_0 = replace(FULL, provider_functions=False)
# What python-hcl2 8.1.4's grammar parses (found by shrinking its failures):
# no comments inside expressions, BOM, escapes or strip markers; no line
# breaks inside ${ }, around operators or in for expressions; no `[ * ]`,
# `- -x`, `false()`, non-ASCII names, indented heredoc markers, or heredocs
# inside templates; no attribute and block of the same name (hcl2.loads).
HCL2 = replace(
    FULL,
    comments=False,
    multiline_block_comments=False,
    strip_markers=False,
    provider_functions=False,
    bom=False,
    odd_spacing=False,
    escapes=False,
    newlines_in_templates=False,
    spaced_splats=False,
    shared_names=False,
    keyword_names=False,
    for_newlines=False,
    stacked_unary=False,
    marker_trivia=False,
    newlines_anywhere=False,
    unicode_names=False,
    heredocs_in_templates=False,
    mark_identifiers=False,
    mark_heredoc_markers=False,
)


class Program(NamedTuple):
    """A generated file and the shape of its body: a tuple of ``("A", name)``
    for attributes and ``("B", type, label_count, body_shape)`` for blocks."""

    src: str
    shape: tuple[Any, ...]

    def __repr__(self) -> str:  # hypothesis prints this for a falsifying example
        return f"Program(src={self.src!r}, shape={self.shape!r})"


# ---------------------------------------------------------------- alphabets

_ASCII_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_UNICODE_START = "éßñüπΩЖ名前δ"  # letters in both Python's \w and Unicode ID_Start
_DIGITS = "0123456789"
_COMMON_NAMES = ["a", "b", "name", "count", "var", "local", "each", "x_1", "my-name", "_tmp", "Value"]
_UNICODE_NAMES = ["größe", "café", "名前", "π", "ñandú", "Ωmega", "δ-x"]
_RESERVED = {"for", "in", "if", "else", "endif", "endfor"}
_LITERAL_NAMES = {"true", "false", "null"}
_MARK_NAMES = ["नमस्ते", "cafe\u0301", "x\u203fy", "ক্ষ", "\u2118", "a\u00b7b"]
_MARK_START = "\u2118"  # Other_ID_Start
_MARK_CONTINUE = "\u0301\u094d\u203f\u00b7"  # Mn, Mn, Pc, Other_ID_Continue
_MARK_MARKERS = ("ক্ষ", "EOT\u0301", "X\u203fY")

# heredoc markers are upper case, template text never is: no text line can
# accidentally close a heredoc
MARKERS = ("EOT", "EOF", "END", "MARK_2", "ÜBER")
_ASCII_TEXT = "abcdefghijklmnopqrstuvwxyz0123456789 \t!#&'()*+,-./:;<=>?@[]^_`{|}~"
_UNICODE_TEXT = "éüß日本語😀€"
_NUMBERS = ["0", "1", "42", "3.14", "1e10", "1E+5", "2.5e-3", "007", "0.0", "100"]
_BINARY_OPS = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||"]


def _word_char(ch: str) -> bool:
    """May end an identifier or a number (Python's identifier rules are
    Unicode's XID, close enough to HCL's ID_Start/ID_Continue)."""
    return ("a" + ch).isidentifier()


def _cat(*parts: str) -> str:
    """Join code fragments, adding a space where two would lex as one token
    (``a`` + ``-b`` is the identifier ``a-b``) or start a comment (``/`` + ``/x``)."""
    out = ""
    for part in parts:
        if out and part:
            last, first = out[-1], part[0]
            if (
                (last == "/" and first in "/*")
                or (_word_char(last) and (first == "-" or _word_char(first)))
                or (last == "%" and first == "{")
            ):
                out += " "
        out += part
    return out


class _Gen:
    """One program's generator: holds ``draw`` and the program-wide choices
    (line-break style, spacing style)."""

    def __init__(self, draw: Any, profile: Profile) -> None:
        self.draw = draw
        self.p = profile
        self.nl_style = draw(st.sampled_from(["lf", "crlf", "mixed"])) if profile.crlf else "lf"
        self.spacing = draw(st.sampled_from(["normal", "tight", "wild"])) if profile.odd_spacing else "normal"
        self.in_template = 0  # how many ${ } / %{ } we are inside

    # -- primitive choices ------------------------------------------------
    def maybe(self, percent: int) -> bool:
        """True with about ``percent``% probability; shrinks to False."""
        return self.draw(st.integers(0, 99)) >= 100 - percent

    def pick(self, options: list[Any]) -> Any:
        """One of ``options``; shrinks towards the first."""
        return self.draw(st.sampled_from(options))

    def count(self, most: int) -> int:
        return self.draw(st.integers(0, most))

    def nl(self) -> str:
        if self.nl_style == "lf":
            return "\n"
        if self.nl_style == "crlf":
            return "\r\n"
        return self.pick(["\n", "\r\n"])

    def ident(self, *, var: bool = False, keyword: bool = False) -> str:
        """An identifier; never ends with "-". ``var``: also never true/false/
        null; ``keyword``: may be for/in/if/else/endif/endfor (an attribute or
        block name, a label, an attribute after a dot)."""
        names = list(_COMMON_NAMES)
        if self.p.unicode_names:
            names += _UNICODE_NAMES
        if self.p.mark_identifiers:
            names += _MARK_NAMES
        var = var or not self.p.keyword_names
        if not var:
            names += sorted(_LITERAL_NAMES)
        if keyword and self.p.keyword_names:
            names += sorted(_RESERVED)
        if not self.maybe(30):
            return self.pick(names)
        start = _ASCII_START + (_UNICODE_START if self.p.unicode_names else "")
        rest = start + _DIGITS + "-"
        if self.p.mark_identifiers:
            start += _MARK_START
            rest += _MARK_START + _MARK_CONTINUE
        name = self.draw(st.text(alphabet=start, min_size=1, max_size=1))
        name += self.draw(st.text(alphabet=rest, max_size=6))
        name = name.rstrip("-")
        if name in _RESERVED or (var and name in _LITERAL_NAMES):
            name += "_"
        return name

    def comment_text(self, *, block: bool) -> str:
        alphabet = _ASCII_TEXT.replace("\t", "") + ("\"'\\$%" + _UNICODE_TEXT if self.p.non_ascii else "\"'\\$%")
        text = self.draw(st.text(alphabet=alphabet, max_size=12))
        if block:
            text = text.replace("*/", "* /")
            if text.endswith(("*", "/")):
                text += " "
        return text

    def block_comment(self, *, multiline: bool) -> str:
        text = self.comment_text(block=True)
        if multiline and self.p.multiline_block_comments and self.maybe(25):
            text += self.nl() + self.comment_text(block=True)
        return "/*" + text + "*/"

    def line_comment(self) -> str:
        return self.pick(["#", "//"]) + self.comment_text(block=False)

    def indent(self, level: int) -> str:
        if self.spacing == "normal" or level == 0 and self.spacing == "tight":
            return "  " * level
        if self.spacing == "tight":
            return ""
        return self.draw(st.text(alphabet=" \t", max_size=2 * level + 1))

    # -- whitespace -------------------------------------------------------
    def ws(self, *, nl: bool = False, required: bool = False) -> str:
        """Trivia between two tokens. ``nl``: newlines (and so line comments)
        are allowed here. ``required``: never empty."""
        pieces = ["  ", "\t", " \t "]
        if self.p.comments:
            pieces.append("/*")  # a block comment
        if nl:
            pieces += ["\n", "\n"]  # a line break and the next line's indentation
            if self.p.comments:
                pieces.append("#")  # a line comment and its line break
        if self.spacing == "normal":
            default, extra = " ", (self.count(1) if self.maybe(10) else 0)
        elif self.spacing == "tight":
            default, extra = "", (self.count(1) if self.maybe(10) else 0)
        else:
            default, extra = "", self.count(3)
        out = []
        for _ in range(extra):
            piece = self.pick(pieces)
            if piece == "/*":
                piece = self.block_comment(multiline=True)
            elif piece == "\n":
                piece = self.nl() + self.pick(["", "  ", "\t", "    "])
            elif piece == "#":
                piece = self.line_comment() + self.nl() + self.pick(["", "  ", "\t"])
            out.append(piece)
        text = "".join(out) or default
        if required and not text:
            text = " "
        return text  # a line comment piece carries its own line break

    def ws_any(self, nl: bool) -> str:
        """Trivia where a line break is valid HCL but unusual (see
        ``Profile.newlines_anywhere``)."""
        return self.ws(nl=nl and self.p.newlines_anywhere)

    def hs(self, *, required: bool = False) -> str:
        return self.ws(nl=False, required=required)

    # -- templates --------------------------------------------------------
    def literal(self, *, heredoc: bool) -> str:
        """Template literal text, built from atoms that cannot combine into a
        template sequence: a lone "$" or "%" is always followed by a character
        other than "{"."""
        alphabet = _ASCII_TEXT + (_UNICODE_TEXT if self.p.non_ascii else "")
        if heredoc:
            alphabet += '"\\'
        atoms = [st.text(alphabet=alphabet, min_size=1, max_size=8)]
        if self.p.escapes:
            # no atom ends with "$" or "%", so none can run into a "{" or "${"
            atoms.append(st.sampled_from(["$${", "%%{", "$$c", "%%d"]))
            atoms.append(
                st.builds(
                    lambda sigil, ch: sigil + ch, st.sampled_from("$%"), st.sampled_from(alphabet.replace("{", ""))
                )
            )
            if not heredoc:
                atoms.append(st.sampled_from(['\\"', "\\\\", "\\n", "\\t", "\\r", "\\u00e9", "\\U0001F600"]))
        parts = self.draw(st.lists(st.one_of(*atoms), min_size=1, max_size=4))
        return "".join(parts)

    def template_parts(self, depth: int, *, heredoc: bool) -> str:
        kinds = ["literal", "interp"]
        if depth > 0 and self.p.directives:
            kinds += ["if", "for"]
        if heredoc:
            kinds.append("newline")
        out = []
        for _ in range(self.count(4)):
            kind = self.pick(kinds)
            if kind == "literal":
                out.append(self.literal(heredoc=heredoc))
            elif kind == "newline":
                out.append(self.nl())
            elif kind == "interp":
                out.append(self.interpolation(depth, heredoc=heredoc))
            elif kind == "if":
                out.append(self.if_directive(depth, heredoc=heredoc))
            else:
                out.append(self.for_directive(depth, heredoc=heredoc))
        return "".join(out)

    def seq_ws(self, heredoc: bool) -> str:
        """Trivia inside ${ } / %{ }: newlines are free there, though inside a
        quoted string the option is switched off by some profiles."""
        return self.ws(nl=heredoc or self.p.newlines_in_templates)

    def seq_open(self, sigil: str) -> str:
        return sigil + "{" + ("~" if self.p.strip_markers and self.maybe(20) else "")

    def seq_close(self) -> str:
        return ("~" if self.p.strip_markers and self.maybe(20) else "") + "}"

    def interpolation(self, depth: int, *, heredoc: bool) -> str:
        nl = heredoc or self.p.newlines_in_templates
        self.in_template += 1
        inner = self.expr(max(depth - 1, 0), nl=nl)
        self.in_template -= 1
        return _cat(self.seq_open("$"), self.seq_ws(heredoc), inner, self.seq_ws(heredoc), self.seq_close())

    def directive(self, words: list[str], heredoc: bool) -> str:
        return _cat(self.seq_open("%"), self.seq_ws(heredoc), *words, self.seq_ws(heredoc), self.seq_close())

    def if_directive(self, depth: int, *, heredoc: bool) -> str:
        nl = heredoc or self.p.newlines_in_templates
        self.in_template += 1
        cond = self.expr(depth - 1, nl=nl)
        self.in_template -= 1
        out = self.directive(["if", self.seq_ws(heredoc), cond], heredoc)
        out += self.template_parts(depth - 1, heredoc=heredoc)
        if self.maybe(40):
            out += self.directive(["else"], heredoc)
            out += self.template_parts(depth - 1, heredoc=heredoc)
        return out + self.directive(["endif"], heredoc)

    def for_directive(self, depth: int, *, heredoc: bool) -> str:
        nl = heredoc or self.p.newlines_in_templates
        names = self.for_names(nl)
        self.in_template += 1
        coll = self.expr(depth - 1, nl=nl)
        self.in_template -= 1
        out = self.directive(
            ["for", self.seq_ws(heredoc), *names, self.seq_ws(heredoc), "in", self.seq_ws(heredoc), coll], heredoc
        )
        out += self.template_parts(depth - 1, heredoc=heredoc)
        return out + self.directive(["endfor"], heredoc)

    def quoted(self, depth: int) -> str:
        body = self.template_parts(depth, heredoc=False)
        if self.p.escapes and self.maybe(10):
            body += self.pick(["$", "%", "$$", "%%"])  # literal, as no "{" follows
        return '"' + body + '"'

    def heredoc(self, depth: int, *, trailing_newline: bool) -> str:
        """``<<EOT`` ... ``EOT``; with ``trailing_newline`` also the line break
        after the marker (for places where that break is mere trivia)."""
        markers = list(MARKERS) if self.p.unicode_names else list(MARKERS[:-1])
        if self.p.mark_heredoc_markers:
            markers += _MARK_MARKERS
        marker = self.pick(markers)
        body = self.template_parts(depth, heredoc=True)
        if body and not body.endswith("\n"):
            body += self.nl()
        close = marker
        if self.p.marker_trivia:
            close = self.pick(["", "  ", "\t"]) + marker
            if self.maybe(10):
                close += self.pick([" ", "\t "])  # hclsyntax trims the marker line
        out = self.pick(["<<", "<<-"]) + marker + self.nl() + body + close
        if trailing_newline:
            out += self.nl() + self.pick(["", "  "])
        return out

    # -- expressions ------------------------------------------------------
    def expr(self, depth: int, *, nl: bool) -> str:
        """An expression. ``nl``: it stands where newlines are trivia."""
        kinds = ["number", "keyword", "variable", "string"]
        if depth > 0:
            kinds += ["call", "tuple", "object", "parens", "unary", "binary", "conditional", "traversal"]
            if self.p.for_exprs:
                kinds += ["for_tuple", "for_object"]
            if nl and self.p.heredocs and (self.p.heredocs_in_templates or not self.in_template):
                kinds.append("heredoc")
        kind = self.pick(kinds)
        d = depth - 1
        if kind == "number":
            return self.pick(_NUMBERS) if not self.maybe(30) else str(self.draw(st.integers(0, 10**20)))
        if kind == "keyword":
            return self.pick(["true", "false", "null"])
        if kind == "variable":
            return self.traversals(self.ident(var=True), depth, nl)
        if kind == "string":
            return self.quoted(depth)
        if kind == "heredoc":
            return self.heredoc(d, trailing_newline=True)
        if kind == "call":
            return self.call(d, nl)
        if kind == "tuple":
            return self.tuple(d)
        if kind == "object":
            return self.object(d)
        if kind == "parens":
            return _cat("(", self.ws(nl=True), self.expr(d, nl=True), self.ws(nl=True), ")")
        if kind == "unary":
            operand = self.expr(d, nl=nl)
            if not self.p.stacked_unary and operand[:1] in "-!":
                operand = "(" + operand + ")"
            return _cat(self.pick(["-", "!"]), self.ws_any(nl), operand)
        if kind == "binary":
            left, right = self.expr(d, nl=nl), self.expr(d, nl=nl)
            return _cat(left, self.ws_any(nl), self.pick(_BINARY_OPS), self.ws_any(nl), right)
        if kind == "conditional":
            parts = [self.expr(d, nl=nl) for _ in range(3)]
            w = self.ws_any
            return _cat(parts[0], w(nl), "?", w(nl), parts[1], w(nl), ":", w(nl), parts[2])
        if kind == "traversal":
            base = self.pick(["parens", "call", "tuple", "object"])
            if base == "parens":
                base = _cat("(", self.ws(nl=True), self.expr(d, nl=True), self.ws(nl=True), ")")
            elif base == "call":
                base = self.call(d, nl)
            elif base == "tuple":
                base = self.tuple(d)
            else:
                base = self.object(d)
            return self.traversals(base, depth, nl, min_size=1)
        if kind == "for_tuple":
            return self.for_expr(d, obj=False)
        return self.for_expr(d, obj=True)

    def traversals(self, base: str, depth: int, nl: bool, min_size: int = 0) -> str:
        kinds = ["attr", "index"]
        if self.p.legacy_index:
            kinds.append("legacy")
        if self.p.splats:
            kinds += ["attr_splat", "full_splat"]
        out = base
        previous = ""
        attr_splat = False  # in an attribute-only splat (a.*.b): no second ".*"
        for _ in range(self.count(3) if min_size == 0 else 1 + self.count(2)):
            kind = self.pick(kinds)
            if kind == "legacy" and previous == "legacy":
                kind = "attr"  # a.0.1 is a number after the dot: invalid
            if kind == "attr_splat" and attr_splat:
                kind = "attr"  # "Nested splat expression not allowed"
            attr_splat = kind == "attr_splat" or attr_splat and kind in ("attr", "legacy")
            previous_step, previous = previous, kind
            space = self.ws_any(nl) if self.maybe(10) else ""
            if kind == "attr":
                name = self.ident(keyword=True)
                if previous_step == "legacy" and not space and name[:1] in "eE" and name[1:2].isdigit():
                    name = "_" + name  # a.0.e1x would lex as the number 0.e1: invalid
                out = _cat(out, space, ".", name)
            elif kind == "legacy":
                out = _cat(out, space, ".", str(self.draw(st.integers(0, 12))))
            elif kind == "attr_splat":
                out = _cat(out, space, ".*")
            elif kind == "full_splat":
                # hclsyntax peeks for the "*" without skipping newlines, so in
                # a body or object line `[` newline `*` is an error
                if self.p.spaced_splats:
                    out = _cat(out, space, "[", self.ws(nl=nl), "*", self.ws(nl=nl), "]")
                else:
                    out = _cat(out, space, "[*]")
            else:
                out = _cat(
                    out, space, "[", self.ws(nl=True), self.expr(max(depth - 1, 0), nl=True), self.ws(nl=True), "]"
                )
        return out

    def call(self, depth: int, nl: bool) -> str:
        name = self.ident()
        if self.p.provider_functions and self.maybe(20):
            name = "::".join(["provider", self.ident(), name] + ([self.ident()] if self.maybe(20) else []))
        args = [self.expr(depth, nl=True) for _ in range(self.count(3))]
        inner = []
        for i, arg in enumerate(args):
            if i:
                inner += [self.ws_any(True), ",", self.ws(nl=True)]
            inner.append(arg)
        if args:
            end = self.pick(["", ",", "..."] if self.p.expansion else ["", ","])
            if end:
                inner += [self.ws_any(True), end]
        gap = self.ws() if self.p.function_spacing and self.maybe(10) else ""
        return _cat(name, gap, "(", self.ws(nl=True), *inner, self.ws(nl=True), ")")

    def tuple(self, depth: int) -> str:
        items = [self.expr(depth, nl=True) for _ in range(self.count(3))]
        inner: list[str] = []
        for i, item in enumerate(items):
            if i:
                inner += [self.ws_any(True), ",", self.ws(nl=True)]
            inner.append(item)
        if items and self.maybe(30):
            inner += [self.ws_any(True), ","]
        return _cat("[", self.ws(nl=True), *inner, self.ws(nl=True), "]")

    def object_key(self, depth: int) -> str:
        kinds = ["ident", "string"]
        if self.p.object_keys:
            kinds += ["template", "parens"]
        kind = self.pick(kinds)
        if kind == "ident":
            return self.ident()
        if kind == "string":
            return '"' + self.literal(heredoc=False) + '"'
        if kind == "template":
            return self.quoted(depth)
        return _cat("(", self.ws(nl=True), self.expr(depth, nl=True), self.ws(nl=True), ")")

    def item_value(self, depth: int) -> tuple[str, bool]:
        """The value of an attribute or object item, and whether it is a
        heredoc (which must be followed directly by the item's newline)."""
        if self.p.heredocs and (self.p.heredocs_in_templates or not self.in_template) and self.maybe(8):
            return self.heredoc(depth, trailing_newline=False), True
        return self.expr(depth, nl=False), False

    def line_end(self, *, allow_comment: bool = True) -> str:
        """Optional trailing spaces/comment before a line break."""
        out = self.hs() if self.maybe(20) else ""
        if allow_comment and self.p.comments and self.maybe(15):
            out = _cat(out, self.pick([" ", "", "\t"]), self.line_comment())
        return out

    def object(self, depth: int) -> str:
        out = "{"
        n = self.count(3)
        multiline = self.maybe(50)
        if multiline:
            out = _cat(out, self.line_end(), self.nl())
        else:
            out = _cat(out, self.hs())
        for i in range(n):
            if multiline:
                out += self.blank_lines(1)
                out += self.indent(1)
            key = self.object_key(depth)
            sep = self.pick(["=", ":"] if self.p.colon_items else ["="])
            value, is_heredoc = self.item_value(depth)
            out = _cat(out, key, self.hs(), sep, self.hs(), value)
            last = i == n - 1
            if is_heredoc:
                out += self.nl()  # the heredoc's marker ends the line
                continue
            if multiline:
                if self.maybe(30):
                    out = _cat(out, self.hs(), ",")
                out = _cat(out, self.line_end(), self.nl())
            elif not last or self.maybe(20):
                out = _cat(out, self.hs(), ",", self.hs())
                if self.maybe(15):  # a comma and a line break
                    out = _cat(out, self.line_end(), self.nl())
            else:
                out = _cat(out, self.hs())
        if multiline:
            out += self.blank_lines(1) + self.indent(0)
        return out + "}"

    def for_names(self, nl: bool) -> list[str]:
        first = self.ident(var=True)
        if self.maybe(50):
            second = self.ident(var=True)
            if second == first:
                second += "2"
            return [first, self.ws(nl=nl), ",", self.ws(nl=nl), second]
        return [first]

    def for_expr(self, depth: int, *, obj: bool) -> str:
        nl = self.p.for_newlines  # newlines are free in a for expression

        def w() -> str:
            return self.ws(nl=nl)

        parts = [
            "{" if obj else "[",
            w(),
            "for",
            w(),
            *self.for_names(nl),
            w(),
            "in",
            w(),
            self.expr(depth, nl=nl),
            w(),
            ":",
            w(),
        ]
        if obj:
            parts += [self.expr(depth, nl=nl), w(), "=>", w()]
        parts.append(self.expr(depth, nl=nl))
        if obj and self.p.expansion and self.maybe(25):
            parts += [w(), "..."]
        if self.maybe(40):
            parts += [w(), "if", w(), self.expr(depth, nl=nl)]
        parts += [w(), "}" if obj else "]"]
        return _cat(*parts)

    # -- bodies -----------------------------------------------------------
    def blank_lines(self, level: int) -> str:
        """Blank lines and comment-only lines between items."""
        out = ""
        for _ in range(self.count(2) if self.maybe(30) else 0):
            kind = self.pick(["blank", "comment", "block"] if self.p.comments else ["blank"])
            if kind == "blank":
                out += self.pick(["", "  ", "\t"]) + self.nl()
            elif kind == "comment":
                out += self.indent(level) + self.line_comment() + self.nl()
            else:
                out += self.indent(level) + self.block_comment(multiline=True) + self.line_end() + self.nl()
        return out

    def body(self, depth: int, level: int, *, least: int = 0) -> tuple[str, tuple[Any, ...]]:
        out = ""
        shape = []
        names: set[str] = set()  # Terraform rejects a body defining a name twice
        least = least if self.p.empty_bodies else max(least, 1)
        for _ in range(least + self.count(4 - least)):
            out += self.blank_lines(level)
            text, item = self.body_item(depth, level, names)
            out += text
            shape.append(item)
        out += self.blank_lines(level)
        return out, tuple(shape)

    def line_start(self, level: int) -> str:
        out = self.indent(level)
        if self.p.comments and self.maybe(5):
            out += self.block_comment(multiline=False) + self.hs()
        return out

    def body_item(self, depth: int, level: int, names: set[str]) -> tuple[str, Any]:
        if depth > 0 and self.maybe(35):
            text, shape = self.block(depth - 1, level, names)
            if not self.p.shared_names:
                names.add(shape[1])
            return text, shape
        name = self.ident(keyword=True)
        if self.maybe(5):
            name += "-"  # `a- = 1`: "-" may end a name; only "=" can follow here
        while name in names:
            name += "_"
        names.add(name)
        value, is_heredoc = self.item_value(self.count(3))
        text = _cat(self.line_start(level) + name, self.hs(), "=", self.hs(), value)
        if not is_heredoc:
            text = _cat(text, self.line_end())
        return text + self.nl(), ("A", name)

    def label(self) -> str:
        if self.maybe(50):
            return self.ident(keyword=True)
        return '"' + (self.literal(heredoc=False) if self.maybe(90) else "") + '"'

    def block(self, depth: int, level: int, names: set[str]) -> tuple[str, Any]:
        kind = self.ident(keyword=True)
        while not self.p.shared_names and kind in names:
            kind += "_"
        labels = [self.label() for _ in range(self.count(2))]
        head = self.line_start(level) + kind
        for label in labels:
            head = _cat(head, self.hs(), label)
        head = _cat(head, self.hs(), "{")
        if self.p.one_line_blocks and self.maybe(20):
            inner: tuple[Any, ...] = ()
            if self.maybe(60):
                name = self.ident()
                head = _cat(head, self.hs(), name, self.hs(), "=", self.hs(), self.expr(self.count(2), nl=False))
                inner = (("A", name),)
            text = _cat(head, self.hs(), "}")
        else:
            body, inner = self.body(depth, level + 1)
            text = _cat(head, self.line_end(), self.nl()) + body + self.indent(level) + "}"
        text = _cat(text, self.line_end())
        return text + self.nl(), ("B", kind, len(labels), inner)

    def program(self) -> Program:
        bom = "\ufeff" if self.p.bom and self.maybe(10) else ""
        body, shape = self.body(self.count(3), 0, least=0 if self.maybe(10) else 1)
        src = bom + body
        if self.p.missing_final_newline and self.maybe(20):
            stripped = src.removesuffix("\n").removesuffix("\r")
            last_line = stripped.rsplit("\n", 1)[-1]
            if last_line.strip() not in MARKERS + _MARK_MARKERS:  # a heredoc's marker needs its line break
                src = stripped
                if self.p.comments and self.maybe(30):
                    src += self.pick(["", "  "]) + self.line_comment()
        return Program(src, shape)


@st.composite
def hcl_programs(draw: Any, profile: Profile = FULL) -> Program:
    """Valid HCL files (see the module docstring)."""
    return _Gen(draw, profile).program()
