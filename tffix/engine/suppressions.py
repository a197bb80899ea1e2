"""Suppression comments moved to ``tffix.context.suppressions``; this module
re-exports them for code written against the old path."""

from ..context.suppressions import PEERS, Suppression, apply_suppressions, find_suppressions

__all__ = ["PEERS", "Suppression", "apply_suppressions", "find_suppressions"]
