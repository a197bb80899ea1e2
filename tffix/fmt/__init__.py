"""Formatting identical to ``terraform fmt``.

``format_source`` runs Terraform's rewrites (``rewrites.py``), then hclwrite's
layout passes (``layout.py``) over a token stream shaped like hclsyntax's
(``tokens.py``), then checks its own output: it must parse, formatting it again
must change nothing, and its tokens must equal the rewritten input's. Where no
rewrite changed a token, looking at the gaps whose blanks changed proves all
three (``checks.respaced_alike``); otherwise the output is parsed and
rewritten again.

Where Terraform 1.0.3 loses data or writes invalid or unstable output, the
result deliberately differs; ``golden/fmt/README.md`` lists each case (label
comments and labels holding ``$``/``%`` kept, ``true``/``false``/``null``
index keys kept, interpolation unwrapping that stays valid and stable).
"""

from __future__ import annotations

from ..cst.nodes import Module
from ..cst.tokens import Token
from ..syntax.parser import collector_paused, parse_module, parse_with_tokens
from .checks import SelfCheckError, check_unique_attributes, respaced_alike
from .layout import layout
from .rewrites import rewrite_anchors, rewrite_edits
from .tokens import FmtToken, fmt_tokens, render, same_content

__all__ = ["SelfCheckError", "check_unique_attributes", "format_module", "format_source"]


def _rewritten_tokens(module: Module, source: list[Token], terraform: bool) -> tuple[list[FmtToken], bool]:
    """Formatter tokens of ``source`` (the module's tokens) after Terraform's
    rewrites (none unless ``terraform``), and whether any rewrite changed a
    token's kind or text."""
    if not terraform:
        return fmt_tokens(source, bom=module.bom), False
    index = rewrite_anchors(module)
    tokens = fmt_tokens(source, index, bom=module.bom)
    edits = rewrite_edits(module, tokens, index)
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        tokens[start:end] = new
    return tokens, bool(edits)


def _format(module: Module, source: list[Token], terraform: bool = True) -> tuple[str, list[FmtToken], bool]:
    """The result for ``module`` (whose tokens are ``source``), its tokens, and
    whether a rewrite changed any."""
    tokens, rewritten = _rewritten_tokens(module, source, terraform)
    layout(tokens)
    return render(tokens), tokens, rewritten


def format_module(module: Module, *, path: str | None = None, source: str | None = None, terraform: bool = True) -> str:
    """The text ``terraform fmt`` would write for ``module`` (with
    ``terraform=False``: hclwrite's layout alone, see ``format_source``).

    Raises ParseError where Terraform refuses the file, and SelfCheckError
    if the result fails the formatter's own checks. ``source``, when given,
    is ``module.code`` (saves printing it again).
    """
    with collector_paused():  # a FmtToken per token, a Line per line: see collector_paused
        return _format_module(module, list(module.tokens()), path=path, source=source, terraform=terraform)


def _format_module(
    module: Module, source_tokens: list[Token], *, path: str | None, source: str | None, terraform: bool
) -> str:
    check_unique_attributes(module, path=path)
    result, tokens, rewritten = _format(module, source_tokens, terraform)
    return _checked(result, tokens, rewritten, module.code if source is None else source, path, terraform)


def _checked(
    result: str, tokens: list[FmtToken], rewritten: bool, source: str, path: str | None, terraform: bool
) -> str:
    """``result`` (formatted from ``source``, its tokens ``tokens``) once the
    self-check holds; raises SelfCheckError otherwise. It needs no tree of
    the source: format_source lets that go first (on a large file, two trees
    at once were most of the peak memory)."""
    if result == source:
        return result  # unchanged input: trivially stable and equivalent
    if not rewritten and respaced_alike(tokens, result):
        return result  # proven without a parse; see respaced_alike
    # The full check, where a rewrite changed tokens (or the cheap one failed,
    # to report why).
    try:
        again = parse_module(result, path=path)
    except Exception as e:
        raise SelfCheckError(f"{path or '<input>'}: formatted output does not parse: {e}") from e
    # The layout is a function of the token kinds and texts alone (every gap
    # but the one before EOF is recomputed, and that one is carried over), so
    # a second run is stable exactly when the re-parsed output, rewritten
    # again, has the same tokens; and equal tokens also mean that nothing but
    # whitespace and the named rewrites changed.
    if not same_content(tokens, _rewritten_tokens(again, list(again.tokens()), terraform)[0]):
        raise SelfCheckError(
            f"{path or '<input>'}: formatting is not stable or changed more than whitespace and the named rewrites"
        )
    return result


def format_source(text: str, *, filename: str | None = None, terraform: bool = True) -> str:
    """``text`` formatted as ``terraform fmt`` would. Raises ParseError (bad
    input, or an argument set twice) and SelfCheckError (a tffix bug).

    ``terraform=False`` formats as hclwrite's ``Format`` does, which is what
    ``terragrunt hclfmt``, ``packer fmt`` and ``nomad fmt`` write: the same
    layout without Terraform's rewrites (interpolation-only unwrapping,
    legacy type constraints, label quoting), which would change the meaning
    of files that are not Terraform's."""
    with collector_paused():  # see format_module
        module, source_tokens = parse_with_tokens(text, path=filename)
        check_unique_attributes(module, path=filename)
        result, tokens, rewritten = _format(module, source_tokens, terraform)
        del module, source_tokens  # the tree goes before the self-check makes another
        return _checked(result, tokens, rewritten, text, filename, terraform)
