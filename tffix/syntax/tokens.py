"""Tokens moved to ``tffix.cst.tokens`` (tokens and nodes sit below the
parser); this module re-exports them for code written against the old path."""

from ..cst.tokens import GO_SPACE, KINDS, Token

__all__ = ["GO_SPACE", "KINDS", "Token"]
