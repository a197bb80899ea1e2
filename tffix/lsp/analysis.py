"""Running the engine on an editor buffer, as ``tffix check -`` does.

The buffer's folder is its module: the other ``.tf`` files come from disk,
except those open in the editor, whose buffers replace them. Findings are
reported for the buffer only. Nothing here imports pygls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Edit
from ..engine.discover import ModuleSource
from ..engine.edits import apply_fix_edits
from ..engine.module import MODULE_SUFFIX, SourceFile
from ..engine.run import ModuleRun, run_module
from ..files import is_broken_link, read_source
from ..fmt.checks import SelfCheckError
from ..rules.base import Diagnostic
from ..settings import Settings
from ..syntax.errors import ParseError

__all__ = ["Disk", "Module", "Parses", "check", "fix_all", "fix_one", "is_module_file", "module_for"]


def is_module_file(path: Path) -> bool:
    return path.name.endswith(MODULE_SUFFIX)


@dataclass
class Module:
    """The texts of a buffer's module, the buffer's own text in place."""

    path: Path
    texts: dict[Path, str]
    existing: frozenset[Path]
    unreadable: frozenset[Path]
    #: an untitled buffer: a module of its own whose other files are unknown
    lone: bool = False

    @property
    def directory(self) -> Path:
        return self.path.parent


class Disk:
    """The module files of folders as ``load_directory`` reads them, each
    file read again only when its size or modification time changed (as
    black's and ruff's caches tell a changed file): between two keystrokes
    the neighbours of a buffer are listed and stat'ed, not read."""

    def __init__(self) -> None:
        self.files: dict[Path, tuple[int, int, str]] = {}
        self.reads = 0  # files read (tests count them)

    def load(self, directory: Path) -> ModuleSource:
        source = ModuleSource(directory)
        try:
            entries = sorted(directory.iterdir(), key=lambda p: p.name) if directory.is_dir() else []
        except OSError:
            entries = []
        source.existing = frozenset(directory / entry.name for entry in entries)
        for entry in entries:
            path = directory / entry.name
            if entry.name.startswith(".") or not entry.name.endswith(MODULE_SUFFIX):
                continue
            try:
                stat = path.stat()
            except OSError:
                if is_broken_link(entry):  # unreadable, as load_directory finds it
                    self.files.pop(path, None)
                    source.unreadable |= {path}
                continue
            if not path.is_file():  # a folder or a device named *.tf
                continue
            known = self.files.get(path)
            if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
                source.texts[path] = known[2]
                continue
            try:
                self.reads += 1
                text = read_source(path)
            except (OSError, UnicodeDecodeError):
                self.files.pop(path, None)
                source.unreadable |= {path}
                continue
            self.files[path] = (stat.st_mtime_ns, stat.st_size, text)
            source.texts[path] = text
        return source


class Parses:
    """The last parse of each file, reused while its text is the same: after
    a keystroke only the edited buffer is parsed again."""

    def __init__(self) -> None:
        self.files: dict[Path, SourceFile] = {}
        self.parses = 0  # files parsed (tests count them)

    def get(self, path: Path, text: str) -> SourceFile:
        known = self.files.get(path)
        if known is None or known.text != text:
            self.parses += 1
            known = self.files[path] = SourceFile.parse(path, text)
        return known

    def module(self, module: Module) -> dict[Path, SourceFile]:
        """Every module file of ``module`` parsed (from the cache where it can)."""
        return {path: self.get(path, text) for path, text in module.texts.items() if is_module_file(path)}

    def forget(self, keep: set[Path]) -> None:
        for path in set(self.files) - keep:
            del self.files[path]


def module_for(
    path: Path, text: str, buffers: Mapping[Path, str], *, on_disk: bool = True, disk: Disk | None = None
) -> Module:
    """``path``'s module with ``text`` as its text and the open ``buffers``
    of the same folder in place of their files. ``on_disk`` False: a buffer
    with no folder (an untitled document) is a module of its own. ``disk``
    keeps the files read before (a fresh one reads them all)."""
    source = (disk or Disk()).load(path.parent) if on_disk else ModuleSource(path.parent)
    texts = dict(source.texts)
    for other, buffer in buffers.items():
        if other.parent == path.parent and is_module_file(other):
            texts[other] = buffer
    texts[path] = text
    return Module(path, texts, source.existing, source.unreadable - set(texts), lone=not on_disk)


def check(module: Module, settings: Settings, parses: Parses | None = None, *, may_create: bool = False) -> ModuleRun:
    """Findings in the buffer. ``fixable`` marks those whose fix edits files
    that exist (the buffer or its neighbours) or, with ``may_create`` (a
    client that takes ``CreateFile`` operations), files it creates beside
    the buffer. Without ``may_create`` a fix that would create a file to
    declare something declares it in the buffer itself (issue 16).
    ``parses``: files parsed before, reused where their text is the same."""
    if not is_module_file(module.path):
        return _syntax_only(module)
    return run_module(
        module.directory, module.texts, settings, fix=False, targets={module.path},
        may_create=may_create, existing=module.existing, unreadable=module.unreadable,
        known=parses.module(module) if parses is not None else None,
        declare_in_place=not may_create, declare_in=frozenset({module.path}), lone=module.lone,
    )  # fmt: skip


def _syntax_only(module: Module) -> ModuleRun:
    """A ``.tfvars`` or other HCL file: no rules, but its syntax errors."""
    text = module.texts[module.path]
    run = ModuleRun(module.directory, {module.path: text}, {module.path: text})
    error = SourceFile.parse(module.path, text).error  # the engine's own parse and checks
    if error is not None:
        run.parse_errors.append(error)
    return run


def fix_all(module: Module, settings: Settings, parses: Parses | None = None) -> str:
    """The buffer with every fix the settings allow applied (the engine's
    fixed-point loop); fixes that would edit other files are left out."""
    if not is_module_file(module.path):
        return module.texts[module.path]
    run = run_module(
        module.directory, module.texts, settings, fix=True, targets={module.path},
        writable={module.path}, may_create=False, existing=module.existing, unreadable=module.unreadable,
        known=parses.module(module) if parses is not None else None, declare_in_place=True,
        lone=module.lone,
    )  # fmt: skip
    return run.texts[module.path]


def fix_one(module: Module, diag: Diagnostic) -> dict[Path, tuple[str | None, str]] | None:
    """``{path: (old text, new text)}`` for the files ``diag``'s fix edits, as
    ``tffix apply`` would write them (edits spliced in, touched lines
    formatted); the old text is None for a file the fix creates beside the
    buffer. None when the fix cannot be applied to these texts."""

    def possible(edit: Edit) -> bool:
        if edit.create:
            return edit.path.parent == module.directory and edit.path not in module.existing | set(module.texts)
        return edit.path in module.texts

    if diag.fix is None or not all(possible(edit) for edit in diag.fix.edits):
        return None
    try:
        new = apply_fix_edits(module.texts, diag.fix.edits)
    except (ParseError, SelfCheckError, ValueError):
        return None
    return {path: (module.texts.get(path), text) for path, text in new.items()}
