"""``tffix lsp``: the language server (pygls, over stdio).

* diagnostics when a document opens, changes (debounced: a burst of changes
  gives one run, ``DEBOUNCE`` seconds after the last) and is saved; a syntax
  error is one diagnostic where parsing stopped;
* code actions: a ``quickfix`` per finding whose fix the settings allow,
  carrying the fix's edits as ``tffix apply`` would write them, and
  ``source.fixAll.tffix`` applying every allowed fix to the buffer;
* document and range formatting with the fmt module (``terraform fmt``);
* rename (``prepareRename`` and ``rename``): ``tffix rename`` as a workspace
  edit, ``moved {}`` block included (``rename.py``);
* settings per document, from the editor (``initializationOptions``, pushed
  with ``workspace/didChangeConfiguration``, or pulled per workspace folder
  with ``workspace/configuration`` when the client supports it) and the
  configuration files (``config.py``).

Documents are synced whole (``TextDocumentSyncKind.Full``): Terraform files
are small, and the server's copy can then never drift from the editor's.

The editor never waits (issue 17): checks run on one worker thread, off the
event loop, so a formatting request is answered during a check; findings
and fixes are computed once per document version; a client that resolves
code actions gets them without edits, and the edit of the one it picks is
built then (``codeAction/resolve``), fix-all starting in the background as
soon as it is offered; the files of a buffer's module are read again only
when their size or time changes, and parsed again only when their text does.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
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
from .analysis import Disk, Module, Parses, check, fix_all, fix_one, module_for
from .config import EditorSettings, resolve_settings, workspace_folder
from .convert import lsp_diagnostic, lsp_text_edits, syntax_diagnostic
from .positions import UTF16, LineIndex
from .rename import ClientEdits, RenameRefused, prepare_rename, rename_edit

__all__ = ["DEBOUNCE", "FIX_ALL_KIND", "TffixServer", "create_server"]

log = logging.getLogger(__name__)

#: seconds of quiet after a change before the document is checked again
DEBOUNCE = 0.3
#: checks between two full garbage collections (see ``TffixServer.settle``)
COLLECT_EVERY = 50
#: LSP's RequestFailed: a request that was valid but could not be carried out
REQUEST_FAILED = -32803
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
        #: fix-all's new text, built at most once (on the worker thread)
        self.fixed: Future[str] | None = None
        #: quick-fix edits by position in ``run.remaining``, each built once
        self.quick: dict[int, lsp.WorkspaceEdit | None] = {}


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
        self.tasks: set[asyncio.Future[None]] = set()  # checks under way (kept from the garbage collector)
        self.cache: dict[str, _Cached] = {}
        #: bumped whenever something other than a document's own text changes
        #: what its check finds (settings, a neighbour's buffer)
        self.generation = 0
        self.shown: set[str] = set()  # problems already shown, so each shows once
        self.checks = 0  # how many engine runs published diagnostics (tests read it)
        self.analyses = 0  # how many engine runs checked a document version (tests read it)
        self.fix_all_builds = 0  # how many fix-all texts were built (tests read it)
        self.can_resolve = False  # does the client resolve a code action's edit?
        self.disk = Disk()
        self.parses = Parses()
        #: one worker: checks and fixes run off the event loop, one at a time
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="tffix-check")
        self.lock = threading.Lock()  # the caches, between the loop and the worker
        self.loop: asyncio.AbstractEventLoop | None = None
        self.client_edits = ClientEdits()  # what workspace edits the client takes

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

    def notify(self, send: Callable[[], object]) -> None:
        """Send a notification from the worker thread or the loop."""
        loop = self.loop
        if loop is not None and threading.current_thread() is not threading.main_thread():
            loop.call_soon_threadsafe(send)
        else:
            send()

    def current(self, uri: str) -> _Cached | None:
        """The cached check of ``uri``'s current version, if there is one."""
        doc = self.workspace.text_documents.get(uri)
        cached = self.cache.get(uri)
        if doc is None or cached is None or (cached.version, cached.generation) != (doc.version, self.generation):
            return None
        return cached

    async def checked(self, uri: str) -> _Cached | None:
        """The check of ``uri``'s current version: from the cache at once,
        else run on the worker thread."""
        return self.current(uri) or await self.off_loop(self.analyse, uri)

    async def off_loop(self, work: Callable[..., Any], *args: Any) -> Any:
        """``work(*args)`` on the worker thread, the loop free meanwhile."""
        self.loop = asyncio.get_running_loop()
        return await self.loop.run_in_executor(self.worker, work, *args)

    def settings_for(self, path: Path | None) -> Settings:
        folders = self.folders()
        folder = workspace_folder(path, folders) if path is not None else None
        editor = self.folder_editor.get(folder, self.editor) if folder is not None else self.editor
        settings, problems = resolve_settings(path, folders, editor)
        for problem in problems:
            if problem not in self.shown:
                self.shown.add(problem)
                params = lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=problem)
                self.notify(partial(self.window_show_message, params))
        return settings

    def analyse(self, uri: str) -> _Cached | None:
        """The check of ``uri``'s current text, once per version (and
        generation). Runs on the worker thread."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        version, generation, text = doc.version, self.generation, doc.source
        cached = self.cache.get(uri)
        if cached is not None and cached.version == version and cached.generation == generation:
            return cached
        path, on_disk = self.doc_path(doc)
        buffers = self.buffers() if on_disk else {}
        module = module_for(path, text, buffers, on_disk=on_disk, disk=self.disk)
        settings = self.settings_for(path if on_disk else None)
        self.analyses += 1
        # a fix may create a file (TFX101's variables.tf) only for a client that takes CreateFile
        run = check(module, settings, self.parses, may_create=on_disk and self.client_edits.create_files)
        # keep the parses of the open buffers and of the files on disk
        self.parses.forget(set(self.disk.files) | set(buffers) | {path})
        for message in run.internal_errors:
            params = lsp.LogMessageParams(type=lsp.MessageType.Error, message=message)
            self.notify(partial(self.window_log_message, params))
        cached = _Cached(version, generation, module, settings, run)
        with self.lock:
            if uri in self.workspace.text_documents:
                self.cache[uri] = cached
        self.settle()
        return cached

    def settle(self) -> None:
        """Move what is alive now (the kept trees, findings and fixes) out of
        the garbage collector's sight: otherwise every full collection walks
        them, and a formatting request, which makes many objects, pays for it
        (gc.freeze: what stays alive is still freed when its last reference
        goes). Every ``COLLECT_EVERY`` checks everything is collected once,
        cycles included."""
        if self.analyses % COLLECT_EVERY == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()

    # -- diagnostics -------------------------------------------------------

    async def publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        try:
            cached = await self.off_loop(self.analyse, uri)
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
        loop = self.loop = asyncio.get_running_loop()
        if delay <= 0:
            self.start_publish(uri)
        else:
            self.timers[uri] = loop.call_later(delay, self.start_publish, uri)

    def start_publish(self, uri: str) -> None:
        task = asyncio.ensure_future(self.publish(uri))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

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
        with self.lock:
            self.cache.pop(uri, None)

    # -- code actions ------------------------------------------------------

    async def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        cached = await self.checked(uri)
        if cached is None:
            return []
        only = params.context.only
        actions: list[lsp.CodeAction] = []
        if _wanted(lsp.CodeActionKind.QuickFix, only):
            actions += await self.quick_fixes(uri, cached, params.range)
        if _wanted(FIX_ALL_KIND, only):
            action = await self.fix_all_action(uri, cached)
            if action is not None:
                actions.append(action)
        return actions

    async def quick_fixes(self, uri: str, cached: _Cached, where: lsp.Range) -> list[lsp.CodeAction]:
        """The quick-fixes of the findings in ``where``; their edits only
        when the client cannot resolve them later."""
        run, module = cached.run, cached.module
        index = LineIndex(module.texts[module.path], self.encoding)
        lo = index.offset(where.start.line, where.start.character)
        hi = index.offset(where.end.line, where.end.character)
        actions = []
        for i, diag in enumerate(run.remaining):
            start, end = diag.offsets
            if diag.fix is None or i not in run.fixable or not (start <= hi and lo <= end):
                continue
            unsafe = diag.fix.applicability.value == "unsafe"
            action = lsp.CodeAction(
                title=f"{mask(diag.fix.message, diag.secrets)} ({diag.code}{', unsafe' if unsafe else ''})",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic(index, diag, fixable=True)],
                is_preferred=not unsafe,
                data={"uri": uri, "version": cached.version, "generation": cached.generation, "finding": i},
            )  # fmt: skip
            if not self.can_resolve:
                edit = await self.off_loop(self.quick_fix_changes, uri, cached, i)
                if edit is None:
                    continue
                action.edit = edit
            actions.append(action)
        return actions

    def quick_fix_changes(self, uri: str, cached: _Cached, i: int) -> lsp.WorkspaceEdit | None:
        """The workspace edit of the ``i``-th finding's fix, built once per
        version: text edits, or (for a fix that creates a file, offered only
        to a client that takes them) a ``CreateFile`` and the edits in order."""
        if i in cached.quick:
            return cached.quick[i]
        module = cached.module
        texts = fix_one(module, cached.run.remaining[i])
        edit: lsp.WorkspaceEdit | None = None
        if texts is not None and all(old is not None for old, _ in texts.values()):
            changes = {}
            for path, (old, new) in texts.items():
                target = uri if path == module.path else from_fs_path(str(path))
                if target and old is not None:
                    changes[target] = lsp_text_edits(old, new, self.encoding)
            edit = lsp.WorkspaceEdit(changes=changes)
        elif texts is not None and self.client_edits.create_files:
            edit = self.document_changes(uri, cached, texts)
        cached.quick[i] = edit
        return edit

    def document_changes(
        self, uri: str, cached: _Cached, texts: dict[Path, tuple[str | None, str]]
    ) -> lsp.WorkspaceEdit:
        """``texts`` as ``documentChanges``: each new file created (never
        over an existing one) before its text is inserted."""
        operations: list[lsp.TextDocumentEdit | lsp.CreateFile | lsp.RenameFile | lsp.DeleteFile] = []
        module = cached.module
        for path, (old, new) in texts.items():
            target = uri if path == module.path else path.absolute().as_uri()
            version = cached.version if path == module.path else self.open_version(target)
            if old is None:
                operations.append(lsp.CreateFile(uri=target, options=lsp.CreateFileOptions(overwrite=False)))
                start = lsp.Position(line=0, character=0)
                edits = [lsp.TextEdit(range=lsp.Range(start=start, end=start), new_text=new)]
            else:
                edits = lsp_text_edits(old, new, self.encoding)
            document = lsp.OptionalVersionedTextDocumentIdentifier(uri=target, version=version)
            operations.append(lsp.TextDocumentEdit(text_document=document, edits=list(edits)))
        return lsp.WorkspaceEdit(document_changes=operations)

    def open_version(self, uri: str) -> int | None:
        """The version of ``uri`` when the editor has it open."""
        doc = self.workspace.text_documents.get(uri)
        return doc.version if doc is not None else None

    def fixed_text(self, cached: _Cached) -> Future[str]:
        """Fix-all's new text, started on the worker thread at most once per
        version (the client may resolve it later, or never)."""
        with self.lock:
            if cached.fixed is None:

                def build() -> str:
                    self.fix_all_builds += 1
                    return fix_all(cached.module, cached.settings, self.parses)

                cached.fixed = self.worker.submit(build)
            return cached.fixed

    async def fix_all_action(self, uri: str, cached: _Cached) -> lsp.CodeAction | None:
        if not cached.run.fixable:
            return None
        title = "tffix: fix all safe problems" if not cached.settings.unsafe_fixes else "tffix: fix all problems"
        data = {"uri": uri, "version": cached.version, "generation": cached.generation, "fixAll": True}
        action = lsp.CodeAction(title=title, kind=FIX_ALL_KIND, data=data)
        future = self.fixed_text(cached)  # built in the background while the editor shows the list
        if self.can_resolve:
            return action
        module = cached.module
        old, new = module.texts[module.path], await asyncio.wrap_future(future)
        if new == old:
            return None
        action.edit = lsp.WorkspaceEdit(changes={uri: lsp_text_edits(old, new, self.encoding)})
        return action

    async def resolve(self, action: lsp.CodeAction) -> lsp.CodeAction:
        """The edit of a code action listed without one; an action of an
        older version of its document comes back as it was, with no edit."""
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        cached = self.cache.get(uri) if isinstance(uri, str) else None
        if (
            cached is None
            or action.edit is not None
            or (cached.version, cached.generation) != (data.get("version"), data.get("generation"))
        ):
            return action
        assert isinstance(uri, str)
        if data.get("fixAll"):
            module = cached.module
            old, new = module.texts[module.path], await asyncio.wrap_future(self.fixed_text(cached))
            action.edit = lsp.WorkspaceEdit(changes={uri: lsp_text_edits(old, new, self.encoding)})
            return action
        finding = data.get("finding")
        if isinstance(finding, int) and 0 <= finding < len(cached.run.remaining):
            edit = await self.off_loop(self.quick_fix_changes, uri, cached, finding)
            if edit is not None:
                action.edit = edit
        return action

    # -- rename ------------------------------------------------------------

    def prepare_rename(self, params: lsp.PrepareRenameParams) -> lsp.PrepareRenamePlaceholder | None:
        doc = self.workspace.text_documents.get(params.text_document.uri)
        if doc is None:
            return None
        path, on_disk = self.doc_path(doc)
        if not on_disk:
            return None
        return prepare_rename(path, doc.source, params.position, self.encoding, self.buffers())

    def rename(self, params: lsp.RenameParams) -> lsp.WorkspaceEdit:
        doc = self.workspace.text_documents.get(params.text_document.uri)
        path, on_disk = self.doc_path(doc) if doc is not None else (None, False)
        if doc is None or path is None or not on_disk:
            raise JsonRpcException("tffix: only files of a folder can be renamed in", code=REQUEST_FAILED)
        versions: dict[Path, int | None] = {}
        for other in list(self.workspace.text_documents.values()):
            other_path, other_on_disk = self.doc_path(other)
            if other_on_disk:
                versions[other_path.absolute()] = other.version
        try:
            return rename_edit(
                path, doc.source, params.position, params.new_name,
                encoding=self.encoding, buffers=self.buffers(), versions=versions,
                root=workspace_folder(path, self.folders()) or path.parent, client=self.client_edits,
            )  # fmt: skip
        except RenameRefused as e:
            raise JsonRpcException(str(e), code=REQUEST_FAILED) from None

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
        actions = params.capabilities.text_document and params.capabilities.text_document.code_action
        support = actions.resolve_support if actions else None
        ls.can_resolve = bool(support is not None and "edit" in support.properties)
        ls.client_edits = ClientEdits.of(params.capabilities)

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
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True),
    )
    async def code_action(ls: TffixServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: TffixServer, params: lsp.CodeAction) -> lsp.CodeAction:
        return await ls.resolve(params)

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: TffixServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        return ls.format(params.text_document.uri, None)

    @server.feature(lsp.TEXT_DOCUMENT_RANGE_FORMATTING)
    def range_formatting(ls: TffixServer, params: lsp.DocumentRangeFormattingParams) -> list[lsp.TextEdit] | None:
        return ls.format(params.text_document.uri, params.range)

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename_feature(ls: TffixServer, params: lsp.PrepareRenameParams) -> lsp.PrepareRenamePlaceholder | None:
        return ls.prepare_rename(params)

    @server.feature(lsp.TEXT_DOCUMENT_RENAME)
    def rename_feature(ls: TffixServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit:
        return ls.rename(params)

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: TffixServer, params: Any) -> None:
        for uri in list(ls.timers):
            ls.forget(uri)
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


def serve() -> None:
    """Speak LSP on standard input and output until the client says exit."""
    create_server().start_io()
