"""A semantic model of one Terraform module, built once and shared by every rule.

Terraform reads every ``.tf`` file of a directory as one configuration, so the
questions rules ask ("is ``var.x`` declared?", "which resources of type T are
there?", "who uses this local?") span files. Answering them by walking the
trees in every rule costs one walk per rule; this package answers them from
indexes built once per module run (ruff's semantic model, LibCST's metadata
providers), and drives every rule's ``visit_<Node>`` methods from one walk.

It depends only on ``tffix.cst``: the engine and the rules build on it, never
the other way round.

- ``ModuleIndex``: top-level blocks by type and first label, declarations,
  attributes of a body by name, decoded labels; ``index.references`` is the
  ``ReferenceIndex`` (built on first use).
- ``ReferenceIndex``: every ``var.*``, ``local.*``, ``data.T.N``,
  ``module.M`` and ``T.N`` traversal, and the declaration it resolves to.
- ``Dispatcher``: one walk per file calling subscribers' ``visit_X`` /
  ``leave_X`` methods.
"""

from .dispatch import Dispatcher
from .fields import node_classes
from .index import BlockEntry, Declaration, DeclarationKind, ModuleIndex, decode_label, is_override_file
from .references import Reference, ReferenceIndex, ReferenceKind, collect_references

__all__ = [
    "BlockEntry",
    "Declaration",
    "DeclarationKind",
    "Dispatcher",
    "ModuleIndex",
    "Reference",
    "ReferenceIndex",
    "ReferenceKind",
    "collect_references",
    "decode_label",
    "is_override_file",
    "node_classes",
]
