"""From command-line paths to modules: each directory holding ``.tf`` files
is one Terraform module, read whole so rules see all of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..context.module import MODULE_SUFFIX
from ..files import FileError, is_broken_link, iter_files, read_problem, read_source, unsupported_file

__all__ = ["ModuleSource", "discover", "load_directory"]


@dataclass
class ModuleSource:
    """A module to process: ``texts`` has every readable ``.tf`` file of the
    directory; findings are reported for ``targets`` only. ``whole``: the
    folder was named (or a folder above it), so fixes may edit any of its
    files and add new ones; when only files were named, fixes may edit only
    those, as the rest is read for context (tflint's ``--filter``)."""

    directory: Path
    texts: dict[Path, str] = field(default_factory=dict)
    targets: set[Path] = field(default_factory=set)
    existing: frozenset[Path] = frozenset()
    errors: list[FileError] = field(default_factory=list)
    unreadable: frozenset[Path] = frozenset()
    whole: bool = True


def load_directory(directory: Path) -> ModuleSource:
    source = ModuleSource(directory)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name) if directory.is_dir() else []
    except OSError as e:
        source.errors.append(FileError(str(directory), str(e.strerror or e)))
        entries = []
    source.existing = frozenset(directory / entry.name for entry in entries)
    for entry in entries:
        path = directory / entry.name
        if entry.name.startswith(".") or not entry.name.endswith(MODULE_SUFFIX):
            continue
        if not (entry.is_file() or is_broken_link(entry)):  # a folder or a device named *.tf
            continue
        try:
            source.texts[path] = read_source(path)
            continue
        except (OSError, UnicodeDecodeError) as e:
            source.errors.append(read_problem(path, e))
        source.unreadable |= {path}
    return source


def discover(paths: Iterable[str], *, action: str = "checked") -> tuple[list[ModuleSource], list[FileError]]:
    """Modules for ``paths`` (files or directories, directories recursively,
    hidden entries skipped as ``terraform fmt -recursive`` does), in path
    order, and errors for paths that do not exist, named files that are no
    module's (``action`` words what the command would have done with them),
    and folders that cannot be listed."""
    modules: dict[Path, ModuleSource] = {}  # by resolved directory: one module named twice is one module
    errors: list[FileError] = []
    for raw in paths:
        path = Path(raw)
        named_folder = path.is_dir()
        if named_folder:
            files = list(iter_files([path], (MODULE_SUFFIX,), on_error=lambda p, e: errors.append(read_problem(p, e))))
        elif not path.exists() and not path.is_symlink():
            errors.append(FileError(raw, "no such file or directory"))
            continue
        elif refusal := _not_a_module_file(path, action):
            errors.append(refusal)
            continue
        else:
            files = [path]  # a broken symlink too: loading its folder reports it
        for file in files:
            key = file.parent.resolve()
            if key not in modules:
                modules[key] = load_directory(file.parent)
                modules[key].whole = named_folder
            module = modules[key]
            module.whole |= named_folder
            same = module.directory / file.name  # the path as first named
            if same in module.texts:
                module.targets.add(same)
    return sorted(modules.values(), key=lambda m: str(m.directory)), errors


def _not_a_module_file(path: Path, action: str) -> FileError | None:
    """Why a named file takes no part in a module, as Terraform loads one."""
    if path.name.startswith(".") and path.name.endswith(MODULE_SUFFIX):
        return FileError(str(path), "hidden files are not part of a module (Terraform skips them)")
    if path.exists() and not path.is_file():
        return FileError(str(path), "not a regular file")
    why = unsupported_file(path, (MODULE_SUFFIX,), action)
    return None if why is None else FileError(str(path), why.removeprefix(f"{path}: "))
