"""Rules and codemods written in HCL: match/replace patterns with
metavariables (``docs/patterns.md``).

A pattern file (``*.tffix.hcl``, found where plugins are) holds ``rule``
and ``codemod`` blocks; ``load_pattern_file`` reads one into rule and
codemod classes that run as any plugin's do. ``compile_pattern`` makes a
``Pattern`` of pattern text (what ``tffix grep`` and ``tffix codemod
--match/--replace`` take); ``Pattern.find`` yields its matches in a tree
(``Found``, with ``captures``) and ``Pattern.rewrite`` queues the edits of
its ``replace`` on a ``FixBuilder``. Pattern files are data: nothing in
them is evaluated.
"""

from __future__ import annotations

from .files import INLINE_NAME, PATTERN_SUFFIX, inline_codemod, load_pattern_file, pattern_classes
from .language import MetaVariable
from .matching import Capture
from .pattern import Constraint, Found, Pattern, PatternError, compile_pattern

__all__ = [
    "INLINE_NAME",
    "PATTERN_SUFFIX",
    "Capture",
    "Constraint",
    "Found",
    "MetaVariable",
    "Pattern",
    "PatternError",
    "compile_pattern",
    "inline_codemod",
    "load_pattern_file",
    "pattern_classes",
]
