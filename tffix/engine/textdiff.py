"""The text diff moved to ``tffix.text.diff``; this module re-exports it for
code written against the old path."""

from ..text.diff import text_edits

__all__ = ["text_edits"]
