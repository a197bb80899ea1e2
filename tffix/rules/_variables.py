"""Turning a literal into a module variable: reuse one that exists, or
declare a new one whose default is the literal, so the plan stays the same."""

from __future__ import annotations

from dataclasses import dataclass

from ..api import Edit, SourceFile, TerraformModule
from ..cst import nodes as n
from ..rewrite.variables import candidate_names, type_fits

__all__ = ["VariableUse", "use_variable"]


@dataclass(frozen=True)
class VariableUse:
    name: str
    edits: tuple[Edit, ...]
    #: a new variable is declared by the edits
    new: bool
    #: the variable's default is the literal's text: the plan does not change
    keeps_plan: bool
    #: the variable has a default at all
    has_default: bool


def use_variable(
    module: TerraformModule,
    file: SourceFile,
    literal: n.Node,
    candidates: list[str],
    *,
    new_name: str,
    type: str,
    description: str,
    default: str | None = None,
) -> VariableUse:
    """Edits replacing ``literal`` by ``var.<name>``: the first existing
    variable among ``candidates`` (or ``new_name`` itself), else a new
    ``variable "<new_name>"`` declared in the module's variables file with the
    literal as default (``default``, when given, is the literal's canonical
    text, e.g. ``true`` for ``"true"``).

    A variable is reused only when its type fits ``type`` (see
    ``tffix.rewrite.variables``); when ``new_name`` is taken by a variable of
    another type, the first free ``new_name_2``, ``new_name_3``... is used.

    An auto-loaded ``terraform.tfvars`` / ``*.auto.tfvars`` beside the module
    may set the variable, so then the plan is not known to stay the same."""
    wanted = file.source(literal) if default is None else default
    tfvars = module.has_auto_tfvars

    def reuse(name: str) -> VariableUse | None:
        var_file, block = module.variables[name]
        if not type_fits(block, type):
            return None  # a variable of another type: `var.x` here would fail at validate
        declared = block.body.attribute("default")
        same = declared is not None and var_file.source(declared.value) == wanted
        edits = (file.replace(literal, f"var.{name}"),)
        return VariableUse(name, edits, False, same and not tfvars, declared is not None)

    for name in candidates:
        use = reuse(name) if name in module.variables else None
        if use is not None:
            return use
    for name in candidate_names(new_name):
        if name not in module.variables:
            new_name = name  # new_name, or the first free one of new_name_2, new_name_3, ...
            break
        use = reuse(name)
        if use is not None:
            return use
    declaration = (
        f'variable "{new_name}" {{\n'
        f'  description = "{description}"\n'
        f"  type        = {type}\n"
        f"  default     = {wanted}\n"
        f"}}\n"
    )
    edits = (file.replace(literal, f"var.{new_name}"), module.new_file_edit(module.variables_file(), declaration))
    return VariableUse(new_name, edits, True, not tfvars, True)
