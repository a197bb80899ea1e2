"""Turning a literal into a module variable: reuse one that exists, or
declare a new one whose default is the literal, so the plan stays the same."""

from __future__ import annotations

from dataclasses import dataclass

from ..cst import nodes as n
from ..cst.quoting import ref
from .builder import FixBuilder
from .snippets import Fill, to_node
from .variables import type_fits

__all__ = ["VariableUse", "use_variable"]


@dataclass(frozen=True)
class VariableUse:
    name: str
    #: a new variable is declared by the fix
    new: bool
    #: the variable's default is the literal's text: the plan does not change
    keeps_plan: bool
    #: the variable has a default at all
    has_default: bool


def use_variable(
    rewrite: FixBuilder,
    literal: n.Expression,
    candidates: list[str],
    *,
    new_name: str,
    type: str,
    description: str,
    default: Fill = None,
) -> VariableUse:
    """Replace ``literal`` by ``var.<name>`` in ``rewrite``: the first existing
    variable among ``candidates`` (or ``new_name`` itself), else a new
    ``variable "<new_name>"`` declared (``FixBuilder.ensure_variable``) in the
    module's variables file with the literal as default (``default``, when
    not None, is the literal's canonical value, e.g. ``True`` for ``"true"``).

    A variable is reused only when its type fits ``type`` (see
    ``tffix.rewrite.variables``); when ``new_name`` is taken by a variable of
    another type, the first free ``new_name_2``, ``new_name_3``... is used.

    An auto-loaded ``terraform.tfvars`` / ``*.auto.tfvars`` beside the module
    may set the variable, so then the plan is not known to stay the same."""
    module = rewrite.module
    value = literal if default is None else to_node(default)
    # the plan stays the same when the declared default reads the same
    wanted = rewrite.file_of(literal).source(literal) if default is None else value.code
    tfvars = module.has_auto_tfvars
    name = next((c for c in candidates if c in module.variables and type_fits(module.variables[c][1], type)), None)
    new = False
    if name is None:
        taken = set(module.variables)
        name = rewrite.ensure_variable(new_name, type=type, default=value, description=description)
        new = name not in taken
    rewrite.replace(literal, ref("var", name))
    if new:
        return VariableUse(name, True, not tfvars, True)
    var_file, block = module.variables[name]
    declared = block.body.attribute("default")
    same = declared is not None and var_file.source(declared.value) == wanted
    return VariableUse(name, False, same and not tfvars, declared is not None)
