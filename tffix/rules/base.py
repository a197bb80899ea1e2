"""The rule vocabulary, re-exported for code written against this path: the
diagnostics live in ``tffix.diagnostics``, the rule classes in ``tffix.rule``
(what a rule author imports is ``tffix.api``)."""

from ..diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ..rule import DOC_SECTIONS, Example, Option, Rule, RuleSet

__all__ = [
    "DOC_SECTIONS",
    "Applicability",
    "Diagnostic",
    "Edit",
    "Example",
    "Fix",
    "Option",
    "Rule",
    "RuleSet",
    "Severity",
]
