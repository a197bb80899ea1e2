"""What depends on a module beside its own files, and follows a rename:
its test files (and other modules' tests running it), its ``*.tfvars``
files, and the modules calling it by its local path."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..context.module import SourceFile, TerraformModule
from ..cst import nodes as n
from ..cst.values import template_text
from ..cst.visitor import walk
from ..model import collect_references
from .address import Address
from .units import Found, Reader, RenameError, Renamer, Unit, step_after, where

__all__ = ["unit_of_tests", "unit_of_tfvars", "units_of_callers"]

_TEST_SUFFIX = ".tftest.hcl"
_TFVARS_SUFFIX = ".tfvars"
#: folders never searched for callers and tfvars
_SKIPPED_FOLDERS = frozenset({"node_modules"})
#: a local module source, as a quick look finds it before parsing
_SOURCE = re.compile(r'\bsource\s*=\s*"(\.\.?(?:/[^"]*)?)"')


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


def unit_of_tests(reader: Reader, directory: Path, root: Path, old: Address, new: Address) -> Unit | None:
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
    unit = Unit(TerraformModule(directory, {p: reader.parse(p) for p in configs}))
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


def _test_reference(found: Found, old: Address, runs: set[str], renamer: Renamer) -> None:
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


def _rename_key(file: SourceFile, body: n.Body, old: str, new: str, renamer: Renamer) -> None:
    setting = body.attribute(old)
    if setting is None:
        return
    clash = body.attribute(new)
    if clash is not None:
        raise RenameError(f"{where(file, clash)}: `{new}` is already set here")
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


def unit_of_tfvars(reader: Reader, directory: Path, old: str, new: str) -> Unit | None:
    paths = list(_tfvars_paths(directory))
    if not paths:
        return None
    unit = Unit(TerraformModule(directory, {p: reader.parse(p) for p in paths}))
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


def units_of_callers(reader: Reader, directory: Path, root: Path, old: Address, new: str) -> list[Unit]:
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
        unit = Unit(module)
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
