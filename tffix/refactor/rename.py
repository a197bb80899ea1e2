"""``tffix rename OLD NEW``: rename something a module declares, and every
reference to it, as one unit of file changes.

What changes, beside the declaration itself (and its namesakes in override
files):

- every reference the module's ``ReferenceIndex`` resolves to it:
  traversals in any expression, ``${ }`` in strings and heredocs,
  ``depends_on``, ``count``/``for_each``, ``replace_triggered_by``,
  instance keys (``aws_x.a[0]``, ``aws_x.a["k"]``) kept;
- the addresses of ``import`` blocks (``to``) and ``removed`` blocks
  (``from``, for what lies inside a renamed module). Existing ``moved``
  blocks stay as they are: their history chains on through the new
  ``moved`` block (``a -> OLD``, then ``OLD -> NEW``). A ``moved`` block
  that undoes this very rename (``NEW -> OLD``, left by renaming the other
  way before) is replaced by the new one, so no cycle is made. With
  ``moved=False`` the ``to`` of chains ending at OLD is moved to NEW
  instead, so they still end at something declared;
- the module's tests (``*.tftest.hcl`` beside it and in ``tests/``):
  references, ``variables`` settings, ``output.X`` and ``run.R.X``;
- for a variable: its key in ``*.tfvars`` files of the module (``.auto.tfvars``
  and ``terraform.tfvars`` included; subfolders too, when they hold no
  module of their own), and the argument in every ``module`` block whose
  ``source`` is the module's local path (callers are looked for below
  ``root``);
- for an output: ``module.CALL.OUTPUT`` in those callers.

For a resource or a module call, a ``moved { from = OLD  to = NEW }`` block
is added (to ``moved.tf`` unless told otherwise) so Terraform moves the
objects in its state instead of destroying and creating them; it needs
Terraform 1.1, so the module's ``required_version`` must admit that.

Every change is a tree edit (a LibCST-style transformer run through
``FixBuilder``), so only the renamed tokens change and the lines they are
on are formatted in the file's own style; nothing is written here: the plan
holds each file's new text, for the caller to show or write as one unit.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.quoting import ref
from ..cst.values import template_text
from ..model import Declaration, collect_references
from ..rewrite import FixBuilder, parse_attribute, parse_block
from ..writeback import Change
from .address import Address, AddressError, parse_address
from .dependents import unit_of_tests, unit_of_tfvars, units_of_callers
from .units import Found, Reader, RenameError, Unit, unit_changes, where
from .versions import ConstraintError, admits

__all__ = ["RenameError", "RenamePlan", "plan_rename"]

#: moved blocks arrived in Terraform 1.1
MOVED_SINCE = (1, 1, 0)
#: names Terraform keeps for a module block's own arguments
_RESERVED_VARIABLES = frozenset({
    "source", "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals",
})  # fmt: skip


@dataclass
class RenamePlan:
    """What a rename changes: each file's new text (``Change.original`` is
    None for a file it creates), and where the ``moved`` block went."""

    old: Address
    new: Address
    changes: list[Change] = field(default_factory=list)
    moved_file: Path | None = None
    #: the module file declaring OLD (where a moved block may go instead of ``moved_file``)
    declaration_file: Path | None = None

    def __bool__(self) -> bool:
        return bool(self.changes)


# -- the plan --------------------------------------------------------------


def plan_rename(
    directory: Path,
    old: str,
    new: str,
    *,
    root: Path | None = None,
    moved_file: str = "moved.tf",
    moved: bool = True,
    buffers: Mapping[Path, str] | None = None,
) -> RenamePlan:
    """The changes renaming ``old`` to ``new`` in the module in ``directory``.

    ``new`` may be a bare name. ``root``: where callers of the module are
    looked for (default: the current directory). ``moved_file``: the module
    file that gets the ``moved`` block; ``moved=False`` adds none.
    ``buffers``: texts that replace files on disk (an editor's open
    documents). Raises ``RenameError`` saying why the rename cannot be made."""
    try:
        old_address = parse_address(old)
        new_address = parse_address(new, like=old_address)
    except AddressError as e:
        raise RenameError(str(e)) from None
    _check_pair(old_address, new_address)
    if not moved_file.endswith(".tf") or Path(moved_file).name != moved_file:
        raise RenameError(f"--moved-file {moved_file!r}: give the name of a .tf file in the module")
    reader = Reader(buffers)
    module = reader.module(directory)
    if not module.files:
        raise RenameError(f"{directory}: no .tf files here")
    declarations = _declarations(module, old_address, new_address)
    plan = RenamePlan(old_address, new_address)
    unit = Unit(module)
    builder = FixBuilder(module)
    kind = old_address.kind
    name = new_address.name

    for declaration in declarations:
        file = module.files[declaration.file]
        renamer = unit.renamer(file, name)
        if type(declaration.node) is n.Attribute:
            renamer.attributes.add(id(declaration.node))
        else:
            renamer.blocks.add(id(declaration.node))
    primary = next(d for d in declarations if not d.override)
    plan.declaration_file = primary.file
    for reference in module.index.references.references_to(primary):
        unit.renamer(module.files[reference.file], name).steps.add(id(reference.node))

    inverse = _address_blocks(module, unit, old_address, new_address, moved=moved)
    wants_moved = moved and kind in ("resource", "module")
    if wants_moved:
        _check_version(module)
        block = _moved_block(old_address, new_address)
        if inverse is not None:
            builder.replace(inverse, block)
            plan.moved_file = builder.file_of(inverse).path
        else:
            plan.moved_file = builder.new_file(moved_file, block)
    elif inverse is not None:
        builder.remove(inverse)

    changes = unit_changes(unit, builder)
    extra: list[Unit] = []
    tests = unit_of_tests(reader, directory, root or Path(os.curdir), old_address, new_address)
    if tests is not None:
        extra.append(tests)
    if kind == "variable":
        tfvars = unit_of_tfvars(reader, directory, old_address.name, name)
        if tfvars is not None:
            extra.append(tfvars)
    if kind in ("variable", "output"):
        extra += units_of_callers(reader, directory, root or Path(os.curdir), old_address, name)
    for other in extra:
        changes += unit_changes(other, FixBuilder(other.module))
    plan.changes = changes
    return plan


def _check_pair(old: Address, new: Address) -> None:
    if old.kind != new.kind:
        raise RenameError(f"`{old}` and `{new}` name different kinds of objects: a rename keeps the kind")
    if old.type != new.type:
        what = "data source" if old.kind == "data" else "resource"
        raise RenameError(
            f"`{old}` and `{new}` have different types: a rename keeps the {what} type ({old.type}); "
            "give NEW as `" + str(old.with_name(new.name)) + "`"
        )
    if old.name == new.name:
        raise RenameError(f"`{old}` already has that name")
    if new.kind == "variable" and new.name in _RESERVED_VARIABLES:
        raise RenameError(f"`{new.name}` is reserved by Terraform for module arguments and cannot name a variable")


def _declarations(module: TerraformModule, old: Address, new: Address) -> list[Declaration[Path]]:
    index = module.index
    found = list(index.declared(old.kind, *old.labels))
    if not any(not d.override for d in found):
        place = "this folder" if module.directory == Path(os.curdir) else str(module.directory)
        raise RenameError(f"`{old}` is not declared in {place}" + _suggestion(module, old))
    taken = [d for d in index.declared(new.kind, *new.labels) if not d.override]
    if taken:
        file = module.files[taken[0].file]
        raise RenameError(f"`{new}` already exists ({where(file, taken[0].node)})")
    return found


def _suggestion(module: TerraformModule, old: Address) -> str:
    """Close names, of the same kind first."""
    kinds = ("resource", "data", "module", "variable", "local", "output")
    declared = [d for d in module.index.declarations() if d.kind in kinds and not d.override]
    for pool in ([d for d in declared if d.kind == old.kind], declared):
        close = difflib.get_close_matches(str(old), sorted({d.address for d in pool}), n=3, cutoff=0.6)
        if close:
            return "; did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
    return ""


def _check_version(module: TerraformModule) -> None:
    """Refuse when ``required_version`` keeps Terraform below 1.1."""
    constraints: list[tuple[SourceFile, n.Attribute, str]] = []
    for file, block in module.blocks("terraform"):
        setting = module.index.attribute(block, "required_version")
        if setting is None:
            continue
        value = template_text(setting.value) if type(setting.value) is n.Template else None
        if value is None:
            raise RenameError(
                f"{where(file, setting)}: required_version is not a plain string, so whether Terraform 1.1 "
                "(needed for moved blocks) may run this module cannot be told; use --no-moved to rename without one"
            )
        constraints.append((file, setting, value))
    try:
        ok = admits([c for _, _, c in constraints], MOVED_SINCE)
    except ConstraintError as e:
        file, setting, _ = constraints[0]
        raise RenameError(f"{where(file, setting)}: {e}") from None
    if not ok:
        file, setting, _ = constraints[0]
        written = " and ".join(f'"{c}"' for _, _, c in constraints)
        raise RenameError(
            f"{where(file, setting)}: required_version {written} does not admit Terraform 1.1, which moved "
            "blocks need; raise it, or rename with --no-moved (Terraform will then destroy and recreate the object)"
        )


def _moved_block(old: Address, new: Address) -> n.Block:
    def address(a: Address) -> n.Expression:
        return ref("module", a.name) if a.kind == "module" else ref(*a.labels)

    block = parse_block("moved {\n}")
    body = (parse_attribute("from = {0}", address(old)), parse_attribute("to = {0}", address(new)))
    return block.with_changes(body=n.Body(body))


# -- addresses in moved, import and removed blocks -------------------------


def _traversal(expr: n.Expression) -> Found | None:
    """The reference an address expression makes, when it is one traversal."""
    found = collect_references(expr)
    if len(found) != 1 or found[0][3] is not expr:
        return None
    return found[0]


def _names(found: Found | None, address: Address) -> bool:
    return found is not None and found[0] == address.kind and found[1] == address.labels


def _exact(found: Found) -> bool:
    """Whether the traversal is the object itself or an instance of it (no
    step but index keys after the name)."""
    current: n.Node = found[3]
    while current is not found[2]:
        if type(current) is not n.Index:
            return False
        current = current.obj
    return True


def _address_blocks(module: TerraformModule, unit: Unit, old: Address, new: Address, *, moved: bool) -> n.Block | None:
    """Queue the renames in ``import``/``removed``/``moved`` addresses; return
    the ``moved`` block undoing this rename, if there is one."""
    if old.kind not in ("resource", "module"):
        return None
    index = module.index
    inverse: n.Block | None = None
    for entry in index.blocks():
        if entry.type not in ("moved", "import", "removed"):
            continue
        file = module.files[entry.file]
        source = index.attribute(entry.block, "from")
        target = index.attribute(entry.block, "to")
        origin = _traversal(source.value) if source is not None else None
        goal = _traversal(target.value) if target is not None else None
        if entry.type == "import" and _names(goal, old):
            assert goal is not None
            unit.renamer(file, new.name).steps.add(id(goal[2]))
        elif entry.type == "removed" and _names(origin, new) and origin is not None and _exact(origin):
            raise RenameError(f"{where(file, entry.block)}: a removed block names `{new}`, so it cannot be declared")
        elif entry.type == "removed" and _names(origin, old):
            assert origin is not None
            unit.renamer(file, new.name).steps.add(id(origin[2]))
        elif entry.type == "moved" and origin is not None and _names(origin, new) and _exact(origin):
            whole = origin[3] is origin[2] and goal is not None and goal[3] is goal[2]  # no instance keys
            if whole and _names(goal, old) and inverse is None:
                inverse = entry.block  # left by the opposite rename: it goes
                continue
            raise RenameError(
                f"{where(file, entry.block)}: a moved block moves `{new}` elsewhere, so that name cannot be "
                "declared again"
            )
        elif entry.type == "moved" and not moved and _names(goal, old):
            assert goal is not None
            unit.renamer(file, new.name).steps.add(id(goal[2]))
    return inverse
