"""Refactorings over whole modules: ``tffix rename`` (issue 15).

A refactoring reads a module (and what depends on it: its tests, tfvars
files, the modules calling it), plans tree edits through ``tffix.rewrite``
and returns every file's new text; writing them as one unit is the
caller's (``tffix.writeback``), so the command line and the language
server share one plan.
"""

from .address import Address, AddressError, parse_address
from .rename import RenameError, RenamePlan, plan_rename
from .symbols import Symbol, symbol_at

__all__ = [
    "Address",
    "AddressError",
    "RenameError",
    "RenamePlan",
    "Symbol",
    "parse_address",
    "plan_rename",
    "symbol_at",
]
