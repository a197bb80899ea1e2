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
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.quoting import ref, string
from ..cst.values import template_text
from ..cst.visitor import Transformer, walk
from ..engine.discover import load_directory
from ..engine.edits import apply_fix_edits
from ..files import read_error, read_source
from ..model import Declaration, collect_references
from ..rewrite import FixBuilder, parse_attribute, parse_block
from ..syntax.errors import ParseError
from ..writeback import Change
from .address import Address, AddressError, parse_address
from .versions import ConstraintError, admits

__all__ = ["Reader", "RenameError", "RenamePlan", "plan_rename", "step_after"]

#: moved blocks arrived in Terraform 1.1
MOVED_SINCE = (1, 1, 0)
#: names Terraform keeps for a module block's own arguments
_RESERVED_VARIABLES = frozenset({
    "source", "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals",
})  # fmt: skip
_TEST_SUFFIX = ".tftest.hcl"
_TFVARS_SUFFIX = ".tfvars"
#: folders never searched for callers and tfvars
_SKIPPED_FOLDERS = frozenset({"node_modules"})
#: a local module source, as a quick look finds it before parsing
_SOURCE = re.compile(r'\bsource\s*=\s*"(\.\.?(?:/[^"]*)?)"')


class RenameError(Exception):
    """Why a rename cannot be made; ``str()`` is the one line to show."""


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


Found = tuple[str, tuple[str, ...], n.GetAttr, "n.GetAttr | n.Index | n.Splat"]


# -- the edit itself -------------------------------------------------------


class _Renamer(Transformer):
    """Gives ``name`` to the nodes picked by identity: a traversal step
    (``GetAttr``), a block's last label, an attribute."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.steps: set[int] = set()
        self.blocks: set[int] = set()
        self.attributes: set[int] = set()

    def __bool__(self) -> bool:
        return bool(self.steps or self.blocks or self.attributes)

    def leave_GetAttr(self, original: n.GetAttr, updated: n.GetAttr) -> n.Node:
        if id(original) not in self.steps:
            return updated
        return updated.with_changes(name=updated.name._replace(text=self.name))

    def leave_Attribute(self, original: n.Attribute, updated: n.Attribute) -> n.Node:
        if id(original) not in self.attributes:
            return updated
        return updated.with_changes(name=updated.name._replace(text=self.name))

    def leave_Block(self, original: n.Block, updated: n.Block) -> n.Node:
        if id(original) not in self.blocks:
            return updated
        *rest, last = updated.labels
        if type(last) is n.Token:
            new: n.Label = last._replace(text=self.name)
        else:
            new = last.with_changes(parts=string(self.name).parts)
        return updated.with_changes(labels=(*rest, new))


@dataclass
class _Unit:
    """Files edited through one ``FixBuilder``: a module, or a few files
    beside it (tests, tfvars) standing in for one."""

    module: TerraformModule
    renamers: dict[Path, _Renamer] = field(default_factory=dict)

    def renamer(self, file: SourceFile, name: str) -> _Renamer:
        return self.renamers.setdefault(file.path, _Renamer(name))


# -- reading ---------------------------------------------------------------


class Reader:
    """Texts from open editor buffers first, then from disk."""

    def __init__(self, buffers: Mapping[Path, str] | None) -> None:
        self.buffers = {Path(os.path.abspath(p)): t for p, t in (buffers or {}).items()}

    def text(self, path: Path) -> str:
        buffer = self.buffers.get(Path(os.path.abspath(path)))
        if buffer is not None:
            return buffer
        try:
            return read_source(path)
        except (OSError, UnicodeDecodeError) as e:
            raise RenameError(read_error(path, e)) from None

    def parse(self, path: Path) -> SourceFile:
        file = SourceFile.parse(path, self.text(path))
        if file.error is not None:
            raise RenameError(str(file.error))
        return file

    def module(self, directory: Path) -> TerraformModule:
        source = load_directory(directory)
        if source.errors:
            raise RenameError(str(source.errors[0]))
        texts = dict(source.texts)
        for path in self.buffers:
            if path.parent == Path(os.path.abspath(directory)) and path.name.endswith(".tf"):
                texts[directory / path.name] = self.buffers[path]
        module = TerraformModule.from_texts(directory, texts, source.existing)
        for file in module.files.values():
            if file.error is not None:
                raise RenameError(str(file.error))
        return module


def _where(file: SourceFile, node: n.Node | n.Token) -> str:
    line, column = file.location(file.span(node)[0])
    return f"{file.path}:{line}:{column}"


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
    unit = _Unit(module)
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

    changes = _unit_changes(unit, builder)
    extra: list[_Unit] = []
    tests = _test_unit(reader, directory, root or Path(os.curdir), old_address, new_address)
    if tests is not None:
        extra.append(tests)
    if kind == "variable":
        tfvars = _tfvars_unit(reader, directory, old_address.name, name)
        if tfvars is not None:
            extra.append(tfvars)
    if kind in ("variable", "output"):
        extra += _caller_units(reader, directory, root or Path(os.curdir), old_address, name)
    for other in extra:
        changes += _unit_changes(other, FixBuilder(other.module))
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
        raise RenameError(f"`{new}` already exists ({_where(file, taken[0].node)})")
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
                f"{_where(file, setting)}: required_version is not a plain string, so whether Terraform 1.1 "
                "(needed for moved blocks) may run this module cannot be told; use --no-moved to rename without one"
            )
        constraints.append((file, setting, value))
    try:
        ok = admits([c for _, _, c in constraints], MOVED_SINCE)
    except ConstraintError as e:
        file, setting, _ = constraints[0]
        raise RenameError(f"{_where(file, setting)}: {e}") from None
    if not ok:
        file, setting, _ = constraints[0]
        written = " and ".join(f'"{c}"' for _, _, c in constraints)
        raise RenameError(
            f"{_where(file, setting)}: required_version {written} does not admit Terraform 1.1, which moved "
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


def _address_blocks(module: TerraformModule, unit: _Unit, old: Address, new: Address, *, moved: bool) -> n.Block | None:
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
            raise RenameError(f"{_where(file, entry.block)}: a removed block names `{new}`, so it cannot be declared")
        elif entry.type == "removed" and _names(origin, old):
            assert origin is not None
            unit.renamer(file, new.name).steps.add(id(origin[2]))
        elif entry.type == "moved" and origin is not None and _names(origin, new) and _exact(origin):
            whole = origin[3] is origin[2] and goal is not None and goal[3] is goal[2]  # no instance keys
            if whole and _names(goal, old) and inverse is None:
                inverse = entry.block  # left by the opposite rename: it goes
                continue
            raise RenameError(
                f"{_where(file, entry.block)}: a moved block moves `{new}` elsewhere, so that name cannot be "
                "declared again"
            )
        elif entry.type == "moved" and not moved and _names(goal, old):
            assert goal is not None
            unit.renamer(file, new.name).steps.add(id(goal[2]))
    return inverse


# -- tests, tfvars and callers ---------------------------------------------


def _visible(entry: Path) -> bool:
    return not entry.name.startswith(".") and entry.name not in _SKIPPED_FOLDERS


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return []


def _same_folder(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _local_source(block: n.Block, folder: Path, target: Path) -> bool:
    """Whether a ``module`` block (or a test's ``module``) calls ``target``
    by its local path, relative to ``folder``."""
    setting = block.body.attribute("source")
    if setting is None or type(setting.value) is not n.Template:
        return False
    source = template_text(setting.value)
    if source is None or not (source in (".", "..") or source.startswith(("./", "../"))):
        return False
    return _same_folder(folder / source, target)


def _test_paths(folder: Path) -> list[Path]:
    """The test files Terraform runs for the module in ``folder``."""
    paths = [p for p in _listing(folder) if p.name.endswith(_TEST_SUFFIX) and p.is_file()]
    return paths + [p for p in _listing(folder / "tests") if p.name.endswith(_TEST_SUFFIX) and p.is_file()]


def _test_unit(reader: Reader, directory: Path, root: Path, old: Address, new: Address) -> _Unit | None:
    """The test files running the module, with their renames queued: its
    own (every ``run`` block but those testing another module), and those of
    other modules below ``root`` whose ``run`` blocks test it through
    ``module { source = ... }``."""
    configs: dict[Path, Path] = {p: directory for p in _test_paths(directory)}  # test file -> its module's folder
    for folder in _folders(root):
        if not _same_folder(folder, directory):
            configs.update({p: folder for p in _test_paths(folder) if _mentions(reader, p, directory, folder)})
    if not configs:
        return None
    unit = _Unit(TerraformModule(directory, {p: reader.parse(p) for p in configs}))
    for file in unit.module.files.values():
        assert file.tree is not None
        renamer = unit.renamer(file, new.name)
        config = configs[file.path]
        own = _same_folder(config, directory)

        def tests_us(run: n.Block, config: Path = config, own: bool = own) -> bool:
            call = run.body.block("module")
            return own if call is None else _local_source(call, config, directory)

        ours = {b.label_values[0] for b in file.tree.blocks("run") if b.labels and tests_us(b)}
        for item in file.tree.body.items:
            if type(item) is not n.Block or not (tests_us(item) if item.type.text == "run" else own):
                continue  # a file's other blocks set up every run: renamed only in the module's own tests
            if old.kind == "variable":
                settings = [item] if item.type.text == "variables" else list(item.body.blocks("variables"))
                for block in settings:
                    _rename_key(file, block.body, old.name, new.name, renamer)
            for found in collect_references(item):
                _test_reference(found, old, ours, renamer)
    return unit


def _test_reference(found: Found, old: Address, runs: set[str], renamer: _Renamer) -> None:
    kind, name, node, top = found
    if old.kind == "output":
        if kind == "resource" and name == ("output", old.name):
            renamer.steps.add(id(node))
        elif kind == "resource" and name[0] == "run" and name[1] in runs:
            step = step_after(top, node)
            if step is not None and step.name.text == old.name:
                renamer.steps.add(id(step))
    elif kind == old.kind and name == old.labels:
        renamer.steps.add(id(node))


def step_after(top: n.Node, node: n.GetAttr) -> n.GetAttr | None:
    """The first ``.name`` step after ``node`` in the traversal ``top``,
    past instance keys and splats (``module.m["k"].out``, ``module.m[*].out``)."""
    chain: list[n.Node] = []  # outermost first
    current: n.Node = top
    while current is not node and isinstance(current, (n.GetAttr, n.Index, n.Splat)):
        chain.append(current)
        current = current.obj
    if current is not node:
        return None
    for step in reversed(chain):
        if type(step) is n.GetAttr:
            return step if step.name.kind == "IDENT" else None
    return None


def _iterated_uses(tree: n.Node, calls: set[int], name: str) -> Iterator[n.GetAttr]:
    """``m.NAME`` in ``for`` expressions ranging over a module call's
    instances (``{ for k, m in module.call : k => m.NAME }``); ``calls``
    holds the ids of the traversals naming the call."""
    for node in walk(tree):
        if type(node) is not n.ForExpr or id(node.collection) not in calls:
            continue
        bound = node.value_var.text
        for part in (node.key_expr, node.value_expr, node.condition):
            for inner in walk(part) if part is not None else ():
                if (
                    type(inner) is n.GetAttr
                    and type(inner.obj) is n.Variable
                    and inner.obj.name.text == bound
                    and inner.name.text == name
                ):
                    yield inner


def _rename_key(file: SourceFile, body: n.Body, old: str, new: str, renamer: _Renamer) -> None:
    setting = body.attribute(old)
    if setting is None:
        return
    clash = body.attribute(new)
    if clash is not None:
        raise RenameError(f"{_where(file, clash)}: `{new}` is already set here")
    renamer.attributes.add(id(setting))


def _tfvars_paths(directory: Path) -> Iterator[Path]:
    """``*.tfvars`` of the module, and of subfolders holding no module."""
    for entry in _listing(directory):
        if not _visible(entry):
            continue
        if entry.is_dir() and not entry.is_symlink():
            if not any(p.name.endswith(".tf") for p in _listing(entry)):
                yield from _tfvars_paths(entry)
        elif entry.name.endswith(_TFVARS_SUFFIX) and entry.is_file():
            yield entry


def _tfvars_unit(reader: Reader, directory: Path, old: str, new: str) -> _Unit | None:
    paths = list(_tfvars_paths(directory))
    if not paths:
        return None
    unit = _Unit(TerraformModule(directory, {p: reader.parse(p) for p in paths}))
    for file in unit.module.files.values():
        assert file.tree is not None
        _rename_key(file, file.tree.body, old, new, unit.renamer(file, new))
    return unit


def _folders(root: Path) -> Iterator[Path]:
    """``root`` and every folder below it but hidden ones."""
    yield root
    for entry in _listing(root):
        if entry.is_dir() and not entry.is_symlink() and _visible(entry):
            yield from _folders(entry)


def _caller_units(reader: Reader, directory: Path, root: Path, old: Address, new: str) -> list[_Unit]:
    """Every module below ``root`` calling ``directory`` by its local path,
    with the variable's argument or the output's references renamed."""
    units = []
    for folder in _folders(root):
        if _same_folder(folder, directory):
            continue
        names = [p for p in _listing(folder) if p.name.endswith(".tf") and p.is_file()]
        if not names or not any(_mentions(reader, p, directory) for p in names):
            continue
        module = reader.module(folder)
        calls = [(file, block) for file, block in module.blocks("module") if _local_source(block, folder, directory)]
        if not calls:
            continue
        unit = _Unit(module)
        for file, block in calls:
            if old.kind == "variable":
                _rename_key(file, block.body, old.name, new, unit.renamer(file, new))
            elif block.labels:
                call = module.index.declaration("module", module.index.labels(block)[0])
                references = module.index.references.references_to(call) if call is not None else ()
                for reference in references:
                    step = step_after(reference.traversal, reference.node)
                    if step is not None and step.name.text == old.name:
                        unit.renamer(module.files[reference.file], new).steps.add(id(step))
                whole = {id(r.traversal) for r in references if r.traversal is r.node}
                for other in module.parsed():
                    assert other.tree is not None
                    for use in _iterated_uses(other.tree, whole, old.name):
                        unit.renamer(other, new).steps.add(id(use))
        units.append(unit)
    return units


def _mentions(reader: Reader, path: Path, directory: Path, base: Path | None = None) -> bool:
    """A cheap test before parsing: does the file hold a local ``source``
    leading (from ``base``, by default its own folder) to the module's folder?"""
    try:
        text = reader.text(path)
    except RenameError:
        return False
    start = path.parent if base is None else base
    return any(_same_folder(start / m.group(1), directory) for m in _SOURCE.finditer(text))


# -- from queued renames to new texts --------------------------------------


def _unit_changes(unit: _Unit, builder: FixBuilder) -> list[Change]:
    module = unit.module
    for path, renamer in unit.renamers.items():
        if renamer:
            builder.transform(renamer, module.files[path])
    edits = builder.edits()
    if not edits:
        return []
    texts = {path: file.text for path, file in module.files.items()}
    try:
        results = apply_fix_edits(texts, edits, terraform=False)  # layout only: no rewrites of the user's code
    except (ParseError, ValueError) as e:  # a bug here, never the user's input
        raise RenameError(f"internal error: the renamed files do not hold together: {e}") from None
    return [
        Change(path, text, texts.get(path))
        for path, text in sorted(results.items())
        if text != texts.get(path)
    ]  # fmt: skip
