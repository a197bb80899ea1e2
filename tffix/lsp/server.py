"""``tffix lsp``: the language server (pygls, over stdio).

* diagnostics when a document opens, changes (debounced: a burst of changes
  gives one run, ``DEBOUNCE`` seconds after the last) and is saved; a syntax
  error is one diagnostic where parsing stopped;
* code actions: a ``quickfix`` per finding whose fix the settings allow,
  carrying the fix's edits as ``tffix apply`` would write them, and
  ``source.fixAll.tffix`` applying every allowed fix to the buffer;
* document and range formatting with the fmt module (``terraform fmt``);
* settings per document, from the editor (``initializationOptions``, pushed
  with ``workspace/didChangeConfiguration``, or pulled per workspace folder
  with ``workspace/configuration`` when the client supports it) and the
  configuration files (``config.py``).

Documents are synced whole (``TextDocumentSyncKind.Full``): Terraform files
are small, and the server's copy can then never drift from the editor's.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from .. import __version__
from ..diagnostics import mask
from ..engine.run import ModuleRun
from ..files import terraform_file
from ..fmt import SelfCheckError, format_source
from ..fmt.region import format_lines
from ..settings import Settings
from ..syntax.errors import ParseError
from ..text.lines import Lines
from .analysis import Module, check, fix_all, fix_one, module_for
from .config import EditorSettings, resolve_settings, workspace_folder
from .convert import lsp_diagnostic, lsp_text_edits, syntax_diagnostic
from .positions import UTF16, LineIndex

__all__ = ["DEBOUNCE", "FIX_ALL_KIND", "TffixServer", "create_server"]

log = logging.getLogger(__name__)

#: seconds of quiet after a change before the document is checked again
DEBOUNCE = 0.3
FIX_ALL_KIND = "source.fixAll.tffix"


class _Cached:
    """The last check of one document, valid while nothing changed."""

    def __init__(
        self, version: int | None, generation: int, module: Module, settings: Settings, run: ModuleRun
    ) -> None:
        self.version = version
        self.generation = generation
        self.module = module
        self.settings = settings
        self.run = run


class TffixServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("tffix", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.debounce = debounce
        self.editor = EditorSettings()  # from initializationOptions or a push
        #: per workspace folder, what ``workspace/configuration`` answered;
        #: it wins over ``editor`` for the documents in that folder
        self.folder_editor: dict[Path, EditorSettings] = {}
        self.can_pull = False  # does the client answer workspace/configuration?
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.cache: dict[str, _Cached] = {}
        #: bumped whenever something other than a document's own text changes
        #: what its check finds (settings, a neighbour's buffer)
        self.generation = 0
        self.shown: set[str] = set()  # problems already shown, so each shows once
        self.checks = 0  # how many engine runs published diagnostics (tests read it)

    # -- documents ---------------------------------------------------------

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    def folders(self) -> list[Path]:
        out = []
        for folder in self.workspace.folders.values():
            path = to_fs_path(folder.uri)
            if path:
                out.append(Path(path))
        return out

    @staticmethod
    def doc_path(doc: TextDocument) -> tuple[Path, bool]:
        """The document's path, and whether it is a file on disk (an
        untitled buffer is checked as a module of its own)."""
        path = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
        if path:
            return Path(path), True
        name = doc.uri.rstrip("/").rsplit("/", 1)[-1] or "untitled"
        return Path(name if "." in name else name + ".tf"), False

    def buffers(self) -> dict[Path, str]:
        out = {}
        for doc in list(self.workspace.text_documents.values()):
            path, on_disk = self.doc_path(doc)
            if on_disk:
                out[path] = doc.source
        return out

    def settings_for(self, path: Path | None) -> Settings:
        folders = self.folders()
        folder = workspace_folder(path, folders) if path is not None else None
        editor = self.folder_editor.get(folder, self.editor) if folder is not None else self.editor
        settings, problems = resolve_settings(path, folders, editor)
        for problem in problems:
            if problem not in self.shown:
                self.shown.add(problem)
                self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=problem))
        return settings

    def analyse(self, uri: str) -> _Cached | None:
        """The check of ``uri``'s current text (cached)."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        cached = self.cache.get(uri)
        if cached is not None and cached.version == doc.version and cached.generation == self.generation:
            return cached
        path, on_disk = self.doc_path(doc)
        module = module_for(path, doc.source, self.buffers() if on_disk else {}, on_disk=on_disk)
        settings = self.settings_for(path if on_disk else None)
        run = check(module, settings)
        for message in run.internal_errors:
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=message))
        cached = _Cached(doc.version, self.generation, module, settings, run)
        self.cache[uri] = cached
        return cached

    # -- diagnostics -------------------------------------------------------

    def publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        try:
            cached = self.analyse(uri)
        except Exception as e:
            log.exception("checking %s failed", uri)
            message = f"tffix: internal error checking {uri}: {type(e).__name__}: {e}"
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=message))
            return
        if cached is None:
            return
        self.checks += 1
        run, path = cached.run, cached.module.path
        index = LineIndex(cached.module.texts[path], self.encoding)
        diagnostics = [syntax_diagnostic(index, e) for e in run.parse_errors]
        diagnostics += [lsp_diagnostic(index, d, fixable=i in run.fixable) for i, d in enumerate(run.remaining)]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=cached.version)
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing a pending check."""
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        if delay <= 0:
            self.publish(uri)
        else:
            self.timers[uri] = asyncio.get_running_loop().call_later(delay, self.publish, uri)

    def neighbours(self, uri: str) -> list[str]:
        """The other open documents of ``uri``'s module (``uri`` itself may
        be closed already)."""
        if not uri.startswith("file:") or not (path := to_fs_path(uri)):
            return []
        folder = Path(path).parent
        out = []
        for other_uri, other in list(self.workspace.text_documents.items()):
            other_path, other_on_disk = self.doc_path(other)
            if other_uri != uri and other_on_disk and other_path.parent == folder:
                out.append(other_uri)
        return out

    def changed(self, uri: str, delay: float) -> None:
        """``uri``'s text changed: check it, and its open neighbours, whose
        findings may depend on it."""
        self.schedule(uri, delay)
        others = self.neighbours(uri)
        if others:
            self.generation += 1
            for other in others:
                self.schedule(other, max(delay, self.debounce))

    async def pull_settings(self) -> None:
        """Ask the client for the ``tffix`` section of each workspace folder
        (VS Code and most clients answer per folder); a folder without one
        keeps the pushed or initial settings."""
        if not self.can_pull:
            return
        folders = self.folders()
        items = [lsp.ConfigurationItem(scope_uri=from_fs_path(str(f)), section="tffix") for f in folders]
        try:
            answers = await self.workspace_configuration_async(lsp.ConfigurationParams(items=items)) if items else []
        except Exception:
            log.exception("workspace/configuration failed")
            answers = []
        self.folder_editor = {f: EditorSettings.parse(a) for f, a in zip(folders, answers or []) if a is not None}
        self.shown.clear()

    def recheck_all(self) -> None:
        self.generation += 1
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    def forget(self, uri: str) -> None:
        pending = self.timers.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.cache.pop(uri, None)

    # -- code actions ------------------------------------------------------

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        cached = self.analyse(uri)
        if cached is None:
            return []
        only = params.context.only
        actions: list[lsp.CodeAction] = []
        if _wanted(lsp.CodeActionKind.QuickFix, only):
            actions += self.quick_fixes(uri, cached, params.range)
        if _wanted(FIX_ALL_KIND, only):
            action = self.fix_all_action(uri, cached)
            if action is not None:
                actions.append(action)
        return actions

    def quick_fixes(self, uri: str, cached: _Cached, where: lsp.Range) -> list[lsp.CodeAction]:
        run, module = cached.run, cached.module
        index = LineIndex(module.texts[module.path], self.encoding)
        lo = index.offset(where.start.line, where.start.character)
        hi = index.offset(where.end.line, where.end.character)
        actions = []
        for i, diag in enumerate(run.remaining):
            start, end = diag.offsets
            if diag.fix is None or i not in run.fixable or not (start <= hi and lo <= end):
                continue
            texts = fix_one(module, diag)
            if texts is None:
                continue
            changes = {}
            for path, (old, new) in texts.items():
                target = uri if path == module.path else from_fs_path(str(path))
                if target:
                    changes[target] = lsp_text_edits(old, new, self.encoding)
            unsafe = diag.fix.applicability.value == "unsafe"
            actions.append(lsp.CodeAction(
                title=f"{mask(diag.fix.message, diag.secrets)} ({diag.code}{', unsafe' if unsafe else ''})",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic(index, diag, fixable=True)],
                edit=lsp.WorkspaceEdit(changes=changes),
                is_preferred=not unsafe,
            ))  # fmt: skip
        return actions

    def fix_all_action(self, uri: str, cached: _Cached) -> lsp.CodeAction | None:
        module = cached.module
        old = module.texts[module.path]
        new = fix_all(module, cached.settings)
        if new == old:
            return None
        return lsp.CodeAction(
            title="tffix: fix all safe problems" if not cached.settings.unsafe_fixes else "tffix: fix all problems",
            kind=FIX_ALL_KIND,
            edit=lsp.WorkspaceEdit(changes={uri: lsp_text_edits(old, new, self.encoding)}),
        )

    # -- formatting --------------------------------------------------------

    def format(self, uri: str, where: lsp.Range | None) -> list[lsp.TextEdit] | None:
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        text = doc.source
        path, _ = self.doc_path(doc)
        try:
            if where is None:
                new = format_source(text, filename=str(path), terraform=terraform_file(path))
            else:
                first, last = where.start.line, where.end.line
                if last > first and where.end.character == 0:
                    last -= 1  # a selection of whole lines ends at the start of the next
                # LSP lines also end at a lone \r, which ends no line for the formatter
                index, lines = LineIndex(text, self.encoding), Lines(text)
                first, last = (lines.line(index.offset(n, 0)) + 1 for n in (first, last))
                new = format_lines(text, range(first, last + 1), filename=str(path), terraform=terraform_file(path))
        except ParseError:
            return None  # the diagnostics already show where
        except SelfCheckError as e:
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=str(e)))
            return None
        return lsp_text_edits(text, new, self.encoding)


def _wanted(kind: str, only: Sequence[lsp.CodeActionKind | str] | None) -> bool:
    """A requested kind covers itself and its sub-kinds (``source`` covers
    ``source.fixAll.tffix``)."""
    if not only:
        return True
    kind = str(getattr(kind, "value", kind))
    for wanted in only:
        wanted = str(getattr(wanted, "value", wanted))
        if kind == wanted or kind.startswith(wanted + "."):
            return True
    return False


def create_server(debounce: float = DEBOUNCE) -> TffixServer:
    server = TffixServer(debounce)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: TffixServer, params: lsp.InitializeParams) -> None:
        ls.editor = EditorSettings.parse(params.initialization_options)
        workspace = params.capabilities.workspace
        ls.can_pull = bool(workspace is not None and workspace.configuration)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: TffixServer, params: lsp.InitializedParams) -> None:
        if ls.can_pull:
            await ls.pull_settings()
            ls.recheck_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: TffixServer, params: lsp.DidChangeConfigurationParams) -> None:
        # a push carries the settings; a pull-model client sends a bare
        # notice (often null) and answers workspace/configuration instead
        if params.settings is not None:
            ls.editor = EditorSettings.parse(params.settings)
            ls.shown.clear()
        await ls.pull_settings()
        ls.recheck_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_folders(ls: TffixServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
        await ls.pull_settings()  # pygls has updated the folders already
        ls.recheck_all()  # a document's settings may now come from another folder

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TffixServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.changed(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TffixServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: TffixServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.generation += 1  # the file on disk is now what neighbours see when it closes
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TffixServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        ls.generation += 1
        for other in ls.neighbours(uri):  # they now see the file on disk
            ls.schedule(other, ls.debounce)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False),
    )
    def code_action(ls: TffixServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: TffixServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        return ls.format(params.text_document.uri, None)

    @server.feature(lsp.TEXT_DOCUMENT_RANGE_FORMATTING)
    def range_formatting(ls: TffixServer, params: lsp.DocumentRangeFormattingParams) -> list[lsp.TextEdit] | None:
        return ls.format(params.text_document.uri, params.range)

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: TffixServer, params: Any) -> None:
        for uri in list(ls.timers):
            ls.forget(uri)

    return server


def serve() -> None:
    """Speak LSP on standard input and output until the client says exit."""
    create_server().start_io()
