"""``tffix lsp``: real sessions with the server as a child process, driven
over pipes by pygls' language client; and the position and edit helpers on
their own (UTF-16 columns, CRLF, characters outside the BMP)."""

from __future__ import annotations

import asyncio
import itertools
import os
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from tffix.engine.textdiff import text_edits
from tffix.lsp.config import EditorSettings, resolve_settings
from tffix.lsp.positions import UTF8, UTF16, UTF32, LineIndex

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60  # seconds for a whole session: a stuck server fails the test instead of hanging it

VARIABLES = 'variable "environment" {\n  type    = string\n  default = "production"\n}\n\nvariable "ami" {\n  type = string\n}\n'
MAIN = 'resource "aws_instance" "web" {\n  ami = "${var.ami}"\n  tags = {\n    Environment = "production"\n  }\n}\n'
MAIN_FIXED = 'resource "aws_instance" "web" {\n  ami = var.ami\n  tags = {\n    Environment = var.environment\n  }\n}\n'


# -- positions and edits ------------------------------------------------------


def apply_offsets(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def test_positions_count_utf16_units_and_lsp_line_breaks() -> None:
    text = 'a = "😀x"\r\nb = 1\rc\n\x0cd'
    index = LineIndex(text, UTF16)
    x = text.index("x")
    assert index.position(x) == (0, 7)  # the emoji is two UTF-16 units
    assert index.offset(0, 7) == x
    assert index.offset(0, 6) == x  # inside the emoji: after it
    assert index.position(text.index("b")) == (1, 0)
    assert index.position(text.index("c")) == (2, 0)  # a lone \r ends a line
    assert index.position(text.index("d")) == (3, 1)  # a form feed does not
    assert index.position(text.index("\n")) == (0, 9)  # inside \r\n: end of the line
    assert index.offset(0, 99) == text.index("\r")
    assert index.offset(99, 0) == len(text)
    assert LineIndex(text, UTF32).position(x) == (0, 6)
    assert LineIndex(text, UTF8).position(x) == (0, 9)
    assert LineIndex(text, UTF8).offset(0, 9) == x
    assert LineIndex("", UTF16).end() == (0, 0)
    assert LineIndex("a\n", UTF16).end() == (1, 0)


def test_text_edits_are_small_and_never_split_crlf() -> None:
    old = "a = 1\r\nbb   = 2\r\nc = 3\r\n"
    new = "a  = 1\r\nbb = 2\r\nc = 3\r\n"
    edits = text_edits(old, new)
    assert apply_offsets(old, edits) == new
    assert all(e - s <= 3 for s, e, _ in edits)
    old, new = "x\r\n", "x\n"
    edits = text_edits(old, new)
    assert apply_offsets(old, edits) == new
    for s, e, _ in edits:
        for cut in (s, e):
            assert not (0 < cut < len(old) and old[cut - 1] == "\r" and old[cut] == "\n")


@given(st.text(alphabet="ab \r\n😀=", max_size=40), st.text(alphabet="ab \r\n😀=", max_size=40))
def test_text_edits_turn_old_into_new(old: str, new: str) -> None:
    edits = text_edits(old, new)
    assert apply_offsets(old, edits) == new
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in itertools.pairwise(edits))
    # through LSP positions and back
    index = LineIndex(old, UTF16)
    back = [(index.offset(*index.position(s)), index.offset(*index.position(e)), t) for s, e, t in edits]
    assert apply_offsets(old, back) == new


def test_editor_settings_resolve_with_problems_reported() -> None:
    settings, problems = resolve_settings(
        None, [], EditorSettings.parse({"tffix": {"select": ["TFX101"], "unsafeFixes": True}})
    )
    assert settings.select == ("TFX101",) and settings.unsafe_fixes and not problems
    settings, problems = resolve_settings(None, [], EditorSettings.parse({"profile": "nope", "colour": 1}))
    assert settings.profile == "default"
    assert any("colour" in p for p in problems) and any("nope" in p for p in problems)


# -- sessions -----------------------------------------------------------------


class Session:
    """A client driving ``python -m tffix lsp`` over its standard streams."""

    def __init__(self) -> None:
        self.client = LanguageClient("tffix-tests", "1")
        self.published: dict[str, list[lsp.PublishDiagnosticsParams]] = defaultdict(list)
        self.messages: list[str] = []
        self.versions: dict[str, int] = {}
        #: what the client answers to workspace/configuration, by folder URI
        #: (None: the client does not support the request)
        self.configuration: dict[str, Any] | None = None
        #: what the client says its workspace edits may hold (None: plain text edits)
        self.workspace_edit: lsp.WorkspaceEditClientCapabilities | None = None
        self.pulls = 0

        @self.client.feature(lsp.WORKSPACE_CONFIGURATION)
        def configuration(params: lsp.ConfigurationParams) -> list[Any]:
            self.pulls += 1
            assert self.configuration is not None and all(item.section == "tffix" for item in params.items)
            return [self.configuration.get(item.scope_uri or "") for item in params.items]

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            self.published[params.uri].append(params)

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def show(params: lsp.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @self.client.feature(lsp.WINDOW_LOG_MESSAGE)
        def log(params: lsp.LogMessageParams) -> None:
            self.messages.append(params.message)

    async def start(self, folder: Path | list[Path], options: Any = None) -> lsp.InitializeResult:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        await self.client.start_io(sys.executable, "-m", "tffix", "lsp", env=env, cwd=str(ROOT))
        folders = folder if isinstance(folder, list) else [folder]
        pulls = lsp.WorkspaceClientCapabilities(
            configuration=True if self.configuration is not None else None, workspace_edit=self.workspace_edit
        )
        result = await self.client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(workspace=pulls),
            workspace_folders=[lsp.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders],
            initialization_options=options,
        ))  # fmt: skip
        self.client.initialized(lsp.InitializedParams())
        return result

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="terraform", version=1, text=text),
        ))  # fmt: skip
        return uri

    def change(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        ))  # fmt: skip

    async def diagnostics(self, uri: str, count: int = 1, timeout: float = 20) -> list[lsp.Diagnostic]:
        """The diagnostics of the ``count``-th publication for ``uri``."""
        deadline = time.monotonic() + timeout
        while len(self.published[uri]) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"no diagnostics #{count} for {uri}; messages: {self.messages}")
            await asyncio.sleep(0.02)
        return list(self.published[uri][count - 1].diagnostics)

    def latest(self, uri: str) -> list[str] | None:
        """The codes of the newest diagnostics published for ``uri``."""
        return [str(d.code) for d in self.published[uri][-1].diagnostics] if self.published[uri] else None

    async def code_actions(self, uri: str, where: lsp.Range, only: list[str] | None = None) -> list[lsp.CodeAction]:
        result = await self.client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=where,
            context=lsp.CodeActionContext(diagnostics=[], only=only),
        ))  # fmt: skip
        return [a for a in result or [] if isinstance(a, lsp.CodeAction)]

    async def stop(self) -> int | None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        server = self.client._server
        try:
            await asyncio.wait_for(self.client.stop(), 10)
        finally:
            if server is not None and server.returncode is None:
                server.kill()
        return server.returncode if server is not None else None


def session(
    scenario: Callable[[Session], Awaitable[None]],
    folder: Path | list[Path],
    options: Any = None,
    configuration: dict[str, Any] | None = None,
    workspace_edit: lsp.WorkspaceEditClientCapabilities | None = None,
) -> Session:
    """Run ``scenario`` in a fresh session; the server must exit cleanly.
    ``configuration`` (by folder URI) makes the client answer
    workspace/configuration; ``workspace_edit`` is what the client announces
    its workspace edits may hold."""

    async def main() -> Session:
        s = Session()
        s.configuration = configuration
        s.workspace_edit = workspace_edit
        try:
            await s.start(folder, options)
            await scenario(s)
            assert await s.stop() == 0
        finally:
            server = s.client._server
            if server is not None and server.returncode is None:
                server.kill()
                await server.wait()
        return s

    return asyncio.run(asyncio.wait_for(main(), TIMEOUT))


def apply_text_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    index = LineIndex(text, UTF16)
    spans = [
        (
            index.offset(e.range.start.line, e.range.start.character),
            index.offset(e.range.end.line, e.range.end.character),
            e.new_text,
        )
        for e in edits
    ]
    return apply_offsets(text, spans)


def whole(text: str) -> lsp.Range:
    line, character = LineIndex(text, UTF16).end()
    return lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=line, character=character))


@pytest.fixture
def module(tmp_path: Path) -> Path:
    (tmp_path / "variables.tf").write_text(VARIABLES, encoding="utf-8")
    (tmp_path / "main.tf").write_text("# on disk: the open buffer replaces it\n", encoding="utf-8")
    return tmp_path


def test_session_diagnostics_quick_fixes_and_fix_all(module: Path) -> None:
    async def scenario(s: Session) -> None:
        uri = s.open(module / "main.tf", MAIN)
        diagnostics = await s.diagnostics(uri)
        assert [(d.code, d.source, d.severity, d.range.start.line, d.range.start.character) for d in diagnostics] == [
            ("TFX113", "tffix", lsp.DiagnosticSeverity.Warning, 1, 8),
            ("TFX101", "tffix", lsp.DiagnosticSeverity.Warning, 3, 18),
        ]
        assert all(d.data["fixable"] for d in diagnostics)  # the variable in variables.tf makes TFX101's fix safe

        # the quick-fix for the finding under the cursor, carrying its edits
        cursor = lsp.Range(start=lsp.Position(line=3, character=20), end=lsp.Position(line=3, character=20))
        actions = await s.code_actions(uri, cursor, only=[lsp.CodeActionKind.QuickFix])
        assert [a.kind for a in actions] == [lsp.CodeActionKind.QuickFix]
        (action,) = actions
        assert action.diagnostics and action.diagnostics[0].code == "TFX101"
        assert action.edit is not None and set(action.edit.changes) == {uri}
        assert apply_text_edits(MAIN, action.edit.changes[uri]) == MAIN.replace('"production"', "var.environment")

        # every quick-fix over the whole buffer, and fix all
        actions = await s.code_actions(uri, whole(MAIN))
        kinds = [a.kind for a in actions]
        assert kinds.count(lsp.CodeActionKind.QuickFix) == 2 and kinds[-1] == "source.fixAll.tffix"
        fix_all = actions[-1]
        assert apply_text_edits(MAIN, fix_all.edit.changes[uri]) == MAIN_FIXED
        # asked for source actions only (as an editor's fix-on-save does)
        actions = await s.code_actions(uri, whole(MAIN), only=[lsp.CodeActionKind.SourceFixAll])
        assert [a.kind for a in actions] == ["source.fixAll.tffix"]

        # the fixed buffer has no findings left and offers no fix all
        s.change(uri, MAIN_FIXED)
        assert await s.diagnostics(uri, 2) == []
        assert await s.code_actions(uri, whole(MAIN_FIXED)) == []

    session(scenario, module)
    assert (module / "main.tf").read_text(encoding="utf-8").startswith("# on disk")  # the server writes nothing


def test_open_neighbour_buffer_replaces_its_file(module: Path) -> None:
    """variables.tf open without the variable: TFX101's quick-fix adds it
    there (through the open buffer), and fix all, which edits only the
    buffer it is asked for, leaves TFX101 alone."""
    variables = 'variable "ami" {\n  type = string\n}\n'

    async def scenario(s: Session) -> None:
        variables_uri = s.open(module / "variables.tf", variables)
        uri = s.open(module / "main.tf", MAIN)
        diagnostics = await s.diagnostics(uri)
        assert [d.code for d in diagnostics] == ["TFX113", "TFX101"]
        (action,) = await s.code_actions(uri, diagnostics[1].range, only=["quickfix"])
        assert set(action.edit.changes) == {uri, variables_uri}
        assert apply_text_edits(MAIN, action.edit.changes[uri]) == MAIN.replace('"production"', "var.environment")
        added = apply_text_edits(variables, action.edit.changes[variables_uri])
        assert added.startswith(variables) and 'variable "environment"' in added and '"production"' in added
        (fix_all,) = await s.code_actions(uri, whole(MAIN), only=["source.fixAll"])
        assert apply_text_edits(MAIN, fix_all.edit.changes[uri]) == MAIN.replace('"${var.ami}"', "var.ami")

    session(scenario, module)


def test_unsafe_fixes_need_the_setting(tmp_path: Path) -> None:
    """An existing variable with no default: TFX101's fix is unsafe, offered
    (and applied by fix all) only once the editor sets unsafeFixes."""
    (tmp_path / "variables.tf").write_text('variable "environment" {\n  type = string\n}\n', encoding="utf-8")
    text = 'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "production"\n  }\n}\n'
    fixed = text.replace('"production"', "var.environment")

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", text)
        (diagnostic,) = await s.diagnostics(uri)
        assert diagnostic.code == "TFX101" and not diagnostic.data["fixable"]
        assert diagnostic.data["fix"]["applicability"] == "unsafe"
        assert await s.code_actions(uri, diagnostic.range) == []
        s.client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings={"unsafeFixes": True}))
        (diagnostic,) = await s.diagnostics(uri, 2)
        assert diagnostic.data["fixable"]
        quick_fix, fix_all = await s.code_actions(uri, diagnostic.range)
        assert "unsafe" in quick_fix.title and not quick_fix.is_preferred
        assert apply_text_edits(text, quick_fix.edit.changes[uri]) == fixed
        assert apply_text_edits(text, fix_all.edit.changes[uri]) == fixed

    session(scenario, tmp_path)


TAGGED = 'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "production"\n  }\n}\n'


@pytest.mark.parametrize("creates", [True, False], ids=["client-creates-files", "plain-edits"])
def test_a_fix_that_would_create_a_file(tmp_path: Path, creates: bool) -> None:
    """TFX101 in a folder with no variables.tf (issue 16): a client that
    takes CreateFile operations gets the new file; any other client gets the
    variable declared in the buffer itself. Neither is refused."""
    (tmp_path / "main.tf").write_text("# on disk\n", encoding="utf-8")
    fixed = TAGGED.replace('"production"', "var.environment")

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", TAGGED)
        (diagnostic,) = await s.diagnostics(uri)
        assert diagnostic.code == "TFX101" and diagnostic.data["fixable"]
        (action,) = await s.code_actions(uri, diagnostic.range, only=["quickfix"])
        assert action.edit is not None
        if creates:
            variables = (tmp_path / "variables.tf").as_uri()
            assert action.edit.changes is None and action.edit.document_changes is not None
            by_kind = [type(op).__name__ for op in action.edit.document_changes]
            assert by_kind == ["TextDocumentEdit", "CreateFile", "TextDocumentEdit"]
            main_edit, create, new_edit = action.edit.document_changes
            assert isinstance(create, lsp.CreateFile) and create.uri == variables
            assert create.options is not None and create.options.overwrite is False
            assert isinstance(main_edit, lsp.TextDocumentEdit) and main_edit.text_document.uri == uri
            assert main_edit.text_document.version == 1
            assert apply_text_edits(TAGGED, list(main_edit.edits)) == fixed  # type: ignore[arg-type]
            assert isinstance(new_edit, lsp.TextDocumentEdit) and new_edit.text_document.uri == variables
            created = apply_text_edits("", list(new_edit.edits))  # type: ignore[arg-type]
            assert created.startswith('variable "environment" {\n') and '"production"' in created
        else:
            assert action.edit.document_changes is None and set(action.edit.changes or {}) == {uri}
            new = apply_text_edits(TAGGED, action.edit.changes[uri])  # type: ignore[index]
            assert fixed in new and 'variable "environment" {' in new and '"production"' in new
            # fix all declares it in place too
            (fix_all,) = await s.code_actions(uri, whole(TAGGED), only=["source.fixAll"])
            assert apply_text_edits(TAGGED, fix_all.edit.changes[uri]) == new  # type: ignore[union-attr,index]
            s.change(uri, new)
            assert await s.diagnostics(uri, 2) == []

    capabilities = lsp.WorkspaceEditClientCapabilities(
        document_changes=True, resource_operations=[lsp.ResourceOperationKind.Create]
    )
    session(scenario, tmp_path, workspace_edit=capabilities if creates else None)
    assert not (tmp_path / "variables.tf").exists()  # the server writes nothing


def test_formatting_and_range_formatting(tmp_path: Path) -> None:
    text = 'resource "a" "b" {\n  x = 1\n  long_name = 2\n}\n\nlocals {\n    y=3\n  zz = 4\n}\n'

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", text)
        await s.diagnostics(uri)
        options = lsp.FormattingOptions(tab_size=2, insert_spaces=True)
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), options=options,
        ))  # fmt: skip
        assert apply_text_edits(text, edits) == (
            'resource "a" "b" {\n  x         = 1\n  long_name = 2\n}\n\nlocals {\n  y  = 3\n  zz = 4\n}\n'
        )
        assert all(e.range.start.line == e.range.end.line for e in edits)  # small edits, not one replacement
        # lines 6-7 (0-based 5-6), the selection ending at the start of line 8: only the locals' y line
        where = lsp.Range(start=lsp.Position(line=5, character=0), end=lsp.Position(line=7, character=0))
        edits = await s.client.text_document_range_formatting_async(lsp.DocumentRangeFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=where, options=options,
        ))  # fmt: skip
        formatted = apply_text_edits(text, edits)
        assert formatted.startswith('resource "a" "b" {\n  x = 1\n  long_name = 2\n}\n')  # outside the range: kept
        assert "locals {\n  y  = 3\n  zz = 4\n}\n" in formatted  # zz aligns with y

    session(scenario, tmp_path)


def test_hcl_files_that_are_not_terraforms_are_formatted_without_its_rewrites(tmp_path: Path) -> None:
    text = 'inputs = {\n  name = "${local.env}"\n    x=1\n}\n'

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "terragrunt.hcl", text)
        options = lsp.FormattingOptions(tab_size=2, insert_spaces=True)
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), options=options,
        ))  # fmt: skip
        assert apply_text_edits(text, edits) == 'inputs = {\n  name = "${local.env}"\n  x    = 1\n}\n'
        where = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=4, character=0))
        edits = await s.client.text_document_range_formatting_async(lsp.DocumentRangeFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=where, options=options,
        ))  # fmt: skip
        assert apply_text_edits(text, edits) == 'inputs = {\n  name = "${local.env}"\n  x    = 1\n}\n'

    session(scenario, tmp_path)


def test_range_formatting_counts_lines_as_lsp_does(tmp_path: Path) -> None:
    """A lone CR (here in a comment) ends an LSP line but no formatter line:
    the selected line is the one formatted all the same."""
    text = "# a\rb\nlocals {\n    y=3\n}\n\nlocals {\n    z=4\n}\n"

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", text)
        await s.diagnostics(uri)
        # LSP line 3 is `    y=3` (line 0 is `# a`, line 1 is `b`)
        where = lsp.Range(start=lsp.Position(line=3, character=0), end=lsp.Position(line=4, character=0))
        edits = await s.client.text_document_range_formatting_async(lsp.DocumentRangeFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=where,
            options=lsp.FormattingOptions(tab_size=2, insert_spaces=True),
        ))  # fmt: skip
        assert apply_text_edits(text, edits) == text.replace("    y=3", "  y = 3")

    session(scenario, tmp_path)


def test_syntax_error_is_one_diagnostic_and_blocks_formatting(tmp_path: Path) -> None:
    text = 'locals {\n  a = "😀" b = 1\n}\n'

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", text)
        (diagnostic,) = await s.diagnostics(uri)
        assert diagnostic.code == "syntax-error" and diagnostic.severity == lsp.DiagnosticSeverity.Error
        assert "newline" in diagnostic.message.lower()
        # after the emoji (2 UTF-16 units): `"😀" ` is 5 units from column 6
        assert (diagnostic.range.start.line, diagnostic.range.start.character) == (1, 11)
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True),
        ))  # fmt: skip
        assert not edits
        assert await s.code_actions(uri, whole(text)) == []
        s.change(uri, text.replace(" b = 1", "\n  b = 1"))  # repaired
        assert await s.diagnostics(uri, 2) == []

    session(scenario, tmp_path)


def test_changes_are_debounced(module: Path) -> None:
    async def scenario(s: Session) -> None:
        uri = s.open(module / "main.tf", MAIN)
        await s.diagnostics(uri)
        for i in range(8):  # a burst of typing, faster than the debounce
            s.change(uri, MAIN.replace("web", "web" + "x" * i) if i < 7 else MAIN_FIXED)
            await asyncio.sleep(0.02)
        assert await s.diagnostics(uri, 2) == []
        await asyncio.sleep(1)  # nothing more comes
        assert len(s.published[uri]) == 2
        assert s.published[uri][1].version == 9

    session(scenario, module)


def test_save_checks_at_once_and_close_clears(module: Path) -> None:
    async def scenario(s: Session) -> None:
        uri = s.open(module / "main.tf", MAIN)
        assert len(await s.diagnostics(uri)) == 2
        started = time.monotonic()
        s.client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )
        assert len(await s.diagnostics(uri, 2)) == 2
        assert time.monotonic() - started < 5
        s.client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
        )
        assert await s.diagnostics(uri, 3) == []

    session(scenario, module)


def test_settings_from_initialization_options_and_configuration_changes(module: Path) -> None:
    async def scenario(s: Session) -> None:
        uri = s.open(module / "main.tf", MAIN)
        assert [d.code for d in await s.diagnostics(uri)] == ["TFX113"]
        s.client.workspace_did_change_configuration(
            lsp.DidChangeConfigurationParams(settings={"tffix": {"ignore": ["TFX113"]}})
        )
        assert [d.code for d in await s.diagnostics(uri, 2)] == ["TFX101"]
        s.client.workspace_did_change_configuration(
            lsp.DidChangeConfigurationParams(settings={"tffix": {"select": ["nope"]}})
        )
        assert len(await s.diagnostics(uri, 3)) == 2  # bad settings: the defaults, and a message
        assert any("nope" in m for m in s.messages)

    session(scenario, module, {"select": ["interpolation-only-expression"]})


def test_settings_pulled_per_workspace_folder(tmp_path: Path) -> None:
    # a pull-model client (VS Code): settings per folder through
    # workspace/configuration, asked again on a bare change notice
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "variables.tf").write_text(VARIABLES, encoding="utf-8")
    answers = {a.as_uri(): {"ignore": ["TFX113"]}, b.as_uri(): None}

    async def scenario(s: Session) -> None:
        uri_a, uri_b = s.open(a / "main.tf", MAIN), s.open(b / "main.tf", MAIN)
        deadline = time.monotonic() + 20
        while s.latest(uri_a) != ["TFX101"]:  # once the pulled settings apply
            assert time.monotonic() < deadline, (s.pulls, s.published[uri_a], s.messages)
            await asyncio.sleep(0.02)
        # b has no tffix section: the initialization options apply
        assert s.latest(uri_b) == ["TFX113"]
        answers[b.as_uri()] = {"select": ["TFX101"]}
        s.client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings=None))
        # not the next publication: one from the first pull may still be on its way
        deadline = time.monotonic() + 20
        while s.latest(uri_b) != ["TFX101"]:
            assert time.monotonic() < deadline, (s.pulls, s.published[uri_b], s.messages)
            await asyncio.sleep(0.02)
        assert s.pulls >= 2

    session(scenario, [a, b], {"select": ["TFX113"]}, configuration=answers)


def test_initialize_advertises_the_features(tmp_path: Path) -> None:
    async def main() -> lsp.InitializeResult:
        s = Session()
        try:
            result = await s.start(tmp_path)
            assert await s.stop() == 0
            return result
        finally:
            if s.client._server is not None and s.client._server.returncode is None:
                s.client._server.kill()

    result = asyncio.run(asyncio.wait_for(main(), TIMEOUT))
    caps = result.capabilities
    assert caps.document_formatting_provider and caps.document_range_formatting_provider
    assert set(caps.code_action_provider.code_action_kinds) == {"quickfix", "source.fixAll.tffix"}
    assert caps.text_document_sync.change == lsp.TextDocumentSyncKind.Full and caps.text_document_sync.save
    assert result.server_info.name == "tffix"


def test_untitled_and_tfvars_documents(tmp_path: Path) -> None:
    """An untitled buffer is a module of its own; a .tfvars file gets its
    syntax errors (no rules) and formatting."""

    async def scenario(s: Session) -> None:
        untitled = "untitled:Untitled-1"
        s.versions[untitled] = 1
        s.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=untitled, language_id="terraform", version=1, text=MAIN),
        ))  # fmt: skip
        assert [d.code for d in await s.diagnostics(untitled)] == ["TFX113", "TFX101"]
        tfvars = s.open(tmp_path / "prod.tfvars", 'a = "${x}"\nbb = [\n')
        (diagnostic,) = await s.diagnostics(tfvars)
        assert diagnostic.code == "syntax-error"
        s.change(tfvars, "a = 1\nbb = 2\n")
        assert await s.diagnostics(tfvars, 2) == []
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=tfvars), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True),
        ))  # fmt: skip
        assert apply_text_edits("a = 1\nbb = 2\n", edits) == "a  = 1\nbb = 2\n"

    session(scenario, tmp_path)


def test_cli_starts_without_importing_pygls() -> None:
    import subprocess

    code = "import sys, tffix.cli; sys.exit('pygls' in sys.modules or 'lsprotocol' in sys.modules)"
    subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, timeout=60
    )


def test_crlf_buffer_with_characters_outside_the_bmp(module: Path) -> None:
    """Columns count UTF-16 units after an emoji; CRLF line breaks stay CRLF
    through quick-fix, fix all and formatting."""
    text = 'resource "aws_instance" "web" {\r\n  ami  = "${var.ami}"\r\n  tags = { Name = "😀😀", Environment = "production" }\r\n}\r\n'
    fixed = 'resource "aws_instance" "web" {\r\n  ami  = var.ami\r\n  tags = { Name = "😀😀", Environment = var.environment }\r\n}\r\n'

    async def scenario(s: Session) -> None:
        uri = s.open(module / "main.tf", text)
        first, second = await s.diagnostics(uri)
        assert (first.range.start.line, first.range.start.character, first.range.end.character) == (1, 9, 21)
        # "production" starts at character 38, UTF-16 unit 40
        assert (second.range.start.line, second.range.start.character, second.range.end.character) == (2, 40, 52)
        (action,) = await s.code_actions(uri, first.range, only=["quickfix"])
        assert apply_text_edits(text, action.edit.changes[uri]) == text.replace('"${var.ami}"', "var.ami")
        (fix_all,) = await s.code_actions(uri, whole(text), only=["source"])
        assert apply_text_edits(text, fix_all.edit.changes[uri]) == fixed
        messy = text.replace("  ami  = ", "    ami   =  ")
        s.change(uri, messy)
        edits = await s.client.text_document_formatting_async(lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True),
        ))  # fmt: skip
        assert apply_text_edits(messy, edits) == text.replace('"${var.ami}"', "var.ami")  # fmt unwraps it too

    session(scenario, module)
