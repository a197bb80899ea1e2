"""The language server never makes the editor wait (issue 17, item 4):
work done once per document version, edits built lazily through
``codeAction/resolve``, unchanged neighbours neither read nor parsed again,
checks off the event loop, and a diff whose work grows with the text's
length. The server runs in process here, its notifications caught, so the
tests count work and order events instead of timing them (the timings are
``scripts/bench.py``'s)."""

from __future__ import annotations

import asyncio
import gc
import os
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp
from pygls.workspace import Workspace

from tffix.lsp import analysis
from tffix.lsp import server as server_module
from tffix.lsp.positions import UTF16, LineIndex
from tffix.lsp.server import TffixServer, create_server
from tffix.text import diff

VARIABLES = 'variable "ami" {\n  type = string\n}\n'


def fixable(count: int) -> str:
    return "".join(
        f'resource "aws_instance" "web{i}" {{\n  ami = "${{var.ami}}"\n  tags = {{\n    Name = "w{i}"\n  }}\n}}\n\n'
        for i in range(count)
    )


def fixed(count: int) -> str:
    return fixable(count).replace('"${var.ami}"', "var.ami")


def apply(text: str, edits: list[lsp.TextEdit]) -> str:
    index = LineIndex(text, UTF16)
    spans = sorted(
        ((index.offset(e.range.start.line, e.range.start.character),
          index.offset(e.range.end.line, e.range.end.character), e.new_text) for e in edits),
        reverse=True,
    )  # fmt: skip
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class Harness:
    """A server with a workspace and no client: what it would send is kept."""

    def __init__(self, folder: Path, *, resolve: bool) -> None:
        self.server: TffixServer = create_server(debounce=0)
        self.server.protocol._workspace = Workspace(
            folder.as_uri(), lsp.TextDocumentSyncKind.Full,
            [lsp.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)], UTF16,
        )  # fmt: skip
        self.server.can_resolve = resolve
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self.server.text_document_publish_diagnostics = self.published.append  # type: ignore[method-assign]
        self.server.window_log_message = lambda params: None  # type: ignore[method-assign]
        self.server.window_show_message = lambda params: None  # type: ignore[method-assign]
        self.folder = folder

    def open(self, name: str, text: str, version: int = 1) -> str:
        uri = (self.folder / name).as_uri()
        self.server.workspace.put_text_document(
            lsp.TextDocumentItem(uri=uri, language_id="terraform", version=version, text=text)
        )
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.server.workspace.remove_text_document(uri)
        self.server.workspace.put_text_document(
            lsp.TextDocumentItem(uri=uri, language_id="terraform", version=version, text=text)
        )

    async def actions(self, uri: str, text: str, only: list[str] | None = None) -> list[lsp.CodeAction]:
        line, character = LineIndex(text, UTF16).end()
        where = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=line, character=character))
        return await self.server.code_actions(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=where,
            context=lsp.CodeActionContext(diagnostics=[], only=only),
        ))  # fmt: skip


def run(folder: Path, scenario: Callable[[Harness], Coroutine[Any, Any, None]], *, resolve: bool) -> Harness:
    harness = Harness(folder, resolve=resolve)

    async def main() -> None:
        try:
            await scenario(harness)
        finally:
            harness.server.worker.shutdown(wait=True)
            gc.unfreeze()  # the server froze what was alive; this process is pytest's

    asyncio.run(asyncio.wait_for(main(), 120))
    return harness


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "variables.tf").write_text(VARIABLES, encoding="utf-8")
    return tmp_path


def test_a_version_is_checked_and_fixed_once(folder: Path) -> None:
    text = fixable(20)

    async def scenario(h: Harness) -> None:
        uri = h.open("main.tf", text)
        await h.server.publish(uri)
        assert (h.server.analyses, len(h.published[-1].diagnostics)) == (1, 20)
        for _ in range(3):  # an editor asks again on every cursor move
            actions = await h.actions(uri, text)
            assert len(actions) == 21 and all(a.edit is not None for a in actions)
        assert (h.server.analyses, h.server.fix_all_builds) == (1, 1)
        assert apply(text, actions[-1].edit.changes[uri]) == fixed(20)  # type: ignore[union-attr]
        h.change(uri, fixable(21), 2)  # a new version: checked again, once
        await h.server.publish(uri)
        await h.actions(uri, fixable(21))
        await h.actions(uri, fixable(21))
        assert (h.server.analyses, h.server.fix_all_builds) == (2, 2)

    run(folder, scenario, resolve=False)


def test_resolve_builds_edits_only_when_asked(folder: Path) -> None:
    text = fixable(30)

    async def scenario(h: Harness) -> None:
        uri = h.open("main.tf", text)
        quick = await h.actions(uri, text, only=["quickfix"])
        assert len(quick) == 30 and all(a.edit is None and a.data for a in quick)
        cached = h.server.cache[uri]
        assert cached.quick == {} and h.server.fix_all_builds == 0  # nothing built for a mere listing
        resolved = await h.server.resolve(quick[7])
        assert resolved.edit is not None and set(cached.quick) == {7}
        one = apply(text, resolved.edit.changes[uri])  # type: ignore[index]
        assert one == text.replace('"${var.ami}"', "var.ami", 8).replace("var.ami", '"${var.ami}"', 7)
        (fix_all,) = await h.actions(uri, text, only=["source.fixAll"])
        assert fix_all.edit is None
        for _ in range(2):
            resolved = await h.server.resolve(lsp.CodeAction(title=fix_all.title, kind=fix_all.kind, data=fix_all.data))
            assert apply(text, resolved.edit.changes[uri]) == fixed(30)  # type: ignore[union-attr]
        assert h.server.fix_all_builds == 1
        h.change(uri, fixable(2), 2)  # the listed action is now stale: it comes back without an edit
        await h.server.publish(uri)
        stale = await h.server.resolve(lsp.CodeAction(title=fix_all.title, kind=fix_all.kind, data=fix_all.data))
        assert stale.edit is None

    run(folder, scenario, resolve=True)


def test_unchanged_neighbours_are_not_read_or_parsed_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for k in range(19):
        (folder / f"part{k:02}.tf").write_text(f"locals {{\n  a{k} = 1\n}}\n", encoding="utf-8")
    parsed: list[Path] = []
    real = analysis.SourceFile.parse

    def counting(path: Path, text: str) -> analysis.SourceFile:
        parsed.append(path)
        return real(path, text)

    monkeypatch.setattr(analysis.SourceFile, "parse", staticmethod(counting))
    text = fixable(5)

    async def scenario(h: Harness) -> None:
        uri = h.open("main.tf", text)
        await h.server.publish(uri)
        assert h.server.disk.reads == 20 and len(parsed) == 21  # 20 on disk (variables.tf too) and the buffer
        for version in range(2, 6):  # keystrokes
            parsed.clear()
            h.change(uri, text.replace("web1", "web1" + "x" * version), version)
            await h.server.publish(uri)
            assert parsed == [folder / "main.tf"]
        assert h.server.disk.reads == 20
        assert h.published[-1].version == 5 and len(h.published[-1].diagnostics) == 5
        # a neighbour changed on disk: read and parsed again, alone
        neighbour = folder / "part03.tf"
        neighbour.write_text("locals {\n  a3 = 2\n  b3 = 3\n}\n", encoding="utf-8")
        os.utime(neighbour, ns=(1, 1))
        parsed.clear()
        h.server.generation += 1  # as a save or a file event would
        await h.server.publish(uri)
        assert h.server.disk.reads == 21 and parsed == [neighbour]

    run(folder, scenario, resolve=False)


def test_formatting_is_answered_while_a_check_runs(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entered, release = threading.Event(), threading.Event()
    events: list[str] = []
    real = server_module.check

    def slow_check(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        assert release.wait(60)
        events.append("check done")
        return real(*args, **kwargs)

    monkeypatch.setattr(server_module, "check", slow_check)
    text = "locals {\n    a=1\n}\n"

    async def scenario(h: Harness) -> None:
        uri = h.open("main.tf", text)
        h.server.schedule(uri, 0)  # as didOpen does
        while not entered.is_set():  # the worker thread is inside the check
            await asyncio.sleep(0.01)
        edits = h.server.format(uri, None)  # the loop is free: answered now
        events.append("formatted")
        assert edits is not None and apply(text, edits) == "locals {\n  a = 1\n}\n"
        assert not h.published
        release.set()
        while not h.published:
            await asyncio.sleep(0.01)

    run(folder, scenario, resolve=False)
    assert events == ["formatted", "check done"]


@pytest.mark.parametrize("kind", ["realigned", "inserted"])
def test_diff_work_grows_linearly(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cells difflib compares (its cost is their product) grow in
    proportion to the text, not its square, on a change every 8 lines."""
    cells: list[int] = []
    real = diff._difflib_blocks

    def counting(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> Any:
        cells.append((ahi - alo) * (bhi - blo))
        return real(a, b, alo, ahi, blo, bhi)

    monkeypatch.setattr(diff, "_difflib_blocks", counting)

    def work(blocks: int) -> int:
        old = "".join(f'resource "a" "r{i}" {{\n  ami           = "x"\n  n = {i}\n}}\n\n' for i in range(blocks))
        if kind == "realigned":
            new = old.replace('  ami           = "x"', '  ami = "x"')
        else:
            new = old.replace("}\n\n", "}\n\n# note\n")
        cells.clear()
        edits = diff.text_edits(old, new)
        starts = sorted(edits, reverse=True)
        out = old
        for s, e, t in starts:
            out = out[:s] + t + out[e:]
        assert out == new
        return sum(cells)

    small, large = work(250), work(2000)
    assert small > 0 and large <= 8 * small * 2  # 8 times the text: at most twice linear growth
