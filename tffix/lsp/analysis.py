"""Running the engine on an editor buffer, as ``tffix check -`` does.

The buffer's folder is its module: the other ``.tf`` files come from disk,
except those open in the editor, whose buffers replace them. Findings are
reported for the buffer only. Nothing here imports pygls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..engine.discover import ModuleSource, load_directory
from ..engine.edits import apply_fix_edits
from ..engine.module import MODULE_SUFFIX, SourceFile
from ..engine.run import ModuleRun, run_module
from ..fmt.checks import SelfCheckError
from ..rules.base import Diagnostic
from ..settings import Settings
from ..syntax.errors import ParseError

__all__ = ["Module", "check", "fix_all", "fix_one", "is_module_file", "module_for"]


def is_module_file(path: Path) -> bool:
    return path.name.endswith(MODULE_SUFFIX)


@dataclass
class Module:
    """The texts of a buffer's module, the buffer's own text in place."""

    path: Path
    texts: dict[Path, str]
    existing: frozenset[Path]
    unreadable: frozenset[Path]

    @property
    def directory(self) -> Path:
        return self.path.parent


def module_for(path: Path, text: str, buffers: Mapping[Path, str], *, on_disk: bool = True) -> Module:
    """``path``'s module with ``text`` as its text and the open ``buffers``
    of the same folder in place of their files. ``on_disk`` False: a buffer
    with no folder (an untitled document) is a module of its own."""
    source = load_directory(path.parent) if on_disk else ModuleSource(path.parent)
    texts = dict(source.texts)
    for other, buffer in buffers.items():
        if other.parent == path.parent and is_module_file(other):
            texts[other] = buffer
    texts[path] = text
    return Module(path, texts, source.existing, source.unreadable - set(texts))


def check(module: Module, settings: Settings) -> ModuleRun:
    """Findings in the buffer. ``fixable`` marks those whose fix edits only
    files that exist (the buffer or its neighbours: a quick-fix may edit a
    neighbour, never create one)."""
    if not is_module_file(module.path):
        return _syntax_only(module)
    return run_module(
        module.directory, module.texts, settings, fix=False, targets={module.path},
        may_create=False, existing=module.existing, unreadable=module.unreadable,
    )  # fmt: skip


def _syntax_only(module: Module) -> ModuleRun:
    """A ``.tfvars`` or other HCL file: no rules, but its syntax errors."""
    text = module.texts[module.path]
    run = ModuleRun(module.directory, {module.path: text}, {module.path: text})
    error = SourceFile.parse(module.path, text).error  # the engine's own parse and checks
    if error is not None:
        run.parse_errors.append(error)
    return run


def fix_all(module: Module, settings: Settings) -> str:
    """The buffer with every fix the settings allow applied (the engine's
    fixed-point loop); fixes that would edit other files are left out."""
    if not is_module_file(module.path):
        return module.texts[module.path]
    run = run_module(
        module.directory, module.texts, settings, fix=True, targets={module.path},
        writable={module.path}, may_create=False, existing=module.existing, unreadable=module.unreadable,
    )  # fmt: skip
    return run.texts[module.path]


def fix_one(module: Module, diag: Diagnostic) -> dict[Path, tuple[str, str]] | None:
    """``{path: (old text, new text)}`` for the files ``diag``'s fix edits, as
    ``tffix apply`` would write them (edits spliced in, touched lines
    formatted); None when the fix cannot be applied to these texts."""
    if diag.fix is None or any(edit.create or edit.path not in module.texts for edit in diag.fix.edits):
        return None
    try:
        new = apply_fix_edits(module.texts, diag.fix.edits)
    except (ParseError, SelfCheckError, ValueError):
        return None
    return {path: (module.texts[path], text) for path, text in new.items()}
