"""A run's inputs moved to ``tffix.context.inputs``; this module re-exports
them for code written against the old path."""

from ..context.inputs import Inputs, today

__all__ = ["Inputs", "today"]
