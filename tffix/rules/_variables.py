"""Turning a literal into a module variable: reuse one that exists, or
declare a new one whose default is the literal, so the plan stays the same."""

from __future__ import annotations

from dataclasses import dataclass

from ..cst import nodes as n
from ..engine.module import SourceFile, TerraformModule
from .base import Edit

__all__ = ["VariableUse", "use_variable"]


@dataclass(frozen=True)
class VariableUse:
    name: str
    edits: tuple[Edit, ...]
    #: a new variable is declared by the edits
    new: bool
    #: the variable's default is the literal's text: the plan does not change
    keeps_plan: bool


def use_variable(
    module: TerraformModule,
    file: SourceFile,
    literal: n.Node,
    candidates: list[str],
    *,
    new_name: str,
    type: str,
    description: str,
) -> VariableUse:
    """Edits replacing ``literal`` by ``var.<name>``: the first existing
    variable among ``candidates``, else a new ``variable "<new_name>"``
    declared in the module's variables file with the literal as default."""
    wanted = file.source(literal)
    for name in candidates:
        if name in module.variables:
            var_file, block = module.variables[name]
            default = block.body.attribute("default")
            same = default is not None and var_file.source(default.value) == wanted
            return VariableUse(name, (file.replace(literal, f"var.{name}"),), False, same)
    declaration = (
        f'variable "{new_name}" {{\n'
        f'  description = "{description}"\n'
        f"  type        = {type}\n"
        f"  default     = {wanted}\n"
        f"}}\n"
    )
    edits = (file.replace(literal, f"var.{new_name}"), module.new_file_edit(module.variables_file(), declaration))
    return VariableUse(new_name, edits, True, True)
