"""``textDocument/prepareRename`` and ``textDocument/rename``: the same
rename as ``tffix rename`` (``tffix.refactor``), as a workspace edit.

The edit carries every file the rename changes, open buffers' text in place
of the files on disk, and the ``moved {}`` block. When the ``moved`` file
does not exist yet, a ``CreateFile`` operation makes it, if the client
supports resource operations; otherwise the block goes at the end of the
file declaring the renamed object, so the edit never needs a file the
client cannot create. Nothing here imports pygls beyond lsprotocol's types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp

from ..refactor import RenameError, RenamePlan, Symbol, plan_rename, symbol_at
from .convert import lsp_range, lsp_text_edits
from .positions import LineIndex

__all__ = ["ClientEdits", "RenameRefused", "prepare_rename", "rename_edit"]


class RenameRefused(Exception):
    """The rename cannot be made; the message says why (shown by the editor)."""


@dataclass(frozen=True)
class ClientEdits:
    """What the client's workspace edits may hold."""

    document_changes: bool = False
    create_files: bool = False

    @classmethod
    def of(cls, capabilities: lsp.ClientCapabilities) -> ClientEdits:
        workspace = capabilities.workspace
        edit = workspace.workspace_edit if workspace is not None else None
        if edit is None:
            return cls()
        operations = [str(getattr(o, "value", o)) for o in edit.resource_operations or ()]
        return cls(bool(edit.document_changes), bool(edit.document_changes) and "create" in operations)


def _symbol(path: Path, text: str, position: lsp.Position, encoding: str, buffers: Mapping[Path, str]) -> Symbol | None:
    offset = LineIndex(text, encoding).offset(position.line, position.character)
    return symbol_at(path, offset, buffers={**buffers, path: text})


def prepare_rename(
    path: Path, text: str, position: lsp.Position, encoding: str, buffers: Mapping[Path, str]
) -> lsp.PrepareRenamePlaceholder | None:
    """The name under the cursor and its range, or None when nothing there
    can be renamed (a module that does not parse counts as nothing)."""
    try:
        symbol = _symbol(path, text, position, encoding, buffers)
    except RenameError:
        return None
    if symbol is None:
        return None
    index = LineIndex(text, encoding)
    return lsp.PrepareRenamePlaceholder(range=lsp_range(index, symbol.start, symbol.end), placeholder=symbol.name)


def rename_edit(
    path: Path,
    text: str,
    position: lsp.Position,
    new_name: str,
    *,
    encoding: str,
    buffers: Mapping[Path, str],
    versions: Mapping[Path, int | None],
    root: Path,
    client: ClientEdits,
) -> lsp.WorkspaceEdit:
    """The workspace edit renaming what is under the cursor to ``new_name``.
    Raises ``RenameRefused`` with the reason when it cannot be made."""
    buffers = {**buffers, path: text}
    try:
        symbol = _symbol(path, text, position, encoding, buffers)
        if symbol is None:
            raise RenameRefused("tffix: there is nothing to rename here")
        old, folder = str(symbol.address), symbol.directory
        plan = plan_rename(folder, old, new_name, root=root, buffers=buffers)
        if not client.create_files and any(change.original is None for change in plan.changes):
            declared = (plan.declaration_file or path).name  # the client cannot create moved.tf
            plan = plan_rename(folder, old, new_name, root=root, buffers=buffers, moved_file=declared)
    except RenameError as e:
        raise RenameRefused(f"tffix: {e}") from None
    return _workspace_edit(plan, encoding, versions, client)


def _workspace_edit(
    plan: RenamePlan, encoding: str, versions: Mapping[Path, int | None], client: ClientEdits
) -> lsp.WorkspaceEdit:
    if not client.document_changes:
        return lsp.WorkspaceEdit(
            changes={
                change.path.absolute().as_uri(): lsp_text_edits(change.original or "", change.text, encoding)
                for change in plan.changes
            }
        )
    operations: list[lsp.TextDocumentEdit | lsp.CreateFile | lsp.RenameFile | lsp.DeleteFile] = []
    for change in plan.changes:
        uri = change.path.absolute().as_uri()
        if change.original is None:
            operations.append(lsp.CreateFile(uri=uri, options=lsp.CreateFileOptions(overwrite=False)))
            start = lsp.Position(line=0, character=0)
            edits = [lsp.TextEdit(range=lsp.Range(start=start, end=start), new_text=change.text)]
        else:
            edits = lsp_text_edits(change.original, change.text, encoding)
        document = lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=versions.get(change.path.absolute()))
        operations.append(lsp.TextDocumentEdit(text_document=document, edits=list(edits)))
    return lsp.WorkspaceEdit(document_changes=operations)
