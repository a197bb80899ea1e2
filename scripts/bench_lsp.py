"""The language server's latencies (issue 17, item 4), measured in real
sessions over pipes: ``python -m tffix lsp`` of a checkout, driven by pygls'
language client as ``tests/test_lsp.py`` drives it. ``scripts/bench.py``
runs it for this checkout and for an older commit side by side; run alone:

    python3 scripts/bench_lsp.py [CHECKOUT]

Figures (seconds): code actions over a whole 4,000-line buffer with one
fixable finding every 8 lines (500), the resolve of its fix-all and of one
quick-fix; formatting that buffer, and a 2,000-line buffer with 250 lines to
change; and, in a 20-file module, the time from the end of the debounce to
the diagnostics after each of 20 one-character edits of a 2,000-line buffer
(the median counts). Nothing here asserts on wall-clock time.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

#: the server's debounce (``tffix.lsp.server.DEBOUNCE``), the same at every commit measured
DEBOUNCE = 0.3


def fixable_buffer(lines: int) -> str:
    """One interpolation-only finding (TFX113, a safe fix) every 8 lines."""
    out: list[str] = []
    i = 0
    while len(out) < lines:
        out += [f'resource "aws_instance" "web{i}" {{', '  ami           = "${var.ami}"',
                '  instance_type = "t3.micro"', "  tags = {", f'    Name = "web{i}"', "  }", "}", ""]  # fmt: skip
        i += 1
    return "\n".join(out[:lines]) + "\n"


def messy_buffer(lines: int, changed: int) -> str:
    """``changed`` blocks whose ``ami`` line formatting realigns."""
    out: list[str] = []
    i = 0
    while len(out) < lines:
        ami = '  ami = "ami-123"' if i < changed else '  ami           = "ami-123"'
        out += [f'resource "aws_instance" "web{i}" {{', ami, '  instance_type = "t3.micro"', "  tags = {",
                f'    Name = "web{i}"', "  }", "}", ""]  # fmt: skip
        i += 1
    return "\n".join(out[:lines]) + "\n"


class _Client:
    def __init__(self) -> None:
        self.client = LanguageClient("tffix-bench", "1")
        self.published: dict[str, list[tuple[float, int | None]]] = {}

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append((time.perf_counter(), params.version))

    async def wait(self, uri: str, count: int, timeout: float = 300) -> float:
        deadline = time.monotonic() + timeout
        while len(self.published.get(uri, ())) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no diagnostics #{count} for {uri}")
            await asyncio.sleep(0.002)
        return self.published[uri][count - 1][0]


def _open(c: _Client, uri: str, text: str) -> None:
    c.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="terraform", version=1, text=text)))  # fmt: skip


async def _timed(work: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = await work
    return time.perf_counter() - start, result


async def session(checkout: Path, folder: Path) -> dict[str, Any]:
    """One session against ``checkout``'s server."""
    c = _Client()
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    await c.client.start_io(sys.executable, "-m", "tffix", "lsp", env=env, cwd=str(folder))
    resolve = lsp.CodeActionClientCapabilities(
        resolve_support=lsp.ClientCodeActionResolveOptions(properties=["edit"]),
        data_support=True,
    )
    await c.client.initialize_async(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(text_document=lsp.TextDocumentClientCapabilities(code_action=resolve)),
        workspace_folders=[lsp.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
    ))  # fmt: skip
    c.client.initialized(lsp.InitializedParams())
    out: dict[str, Any] = {}
    fixes = folder / "fixes"
    uri = (fixes / "main.tf").as_uri()
    text = fixable_buffer(4000)
    _open(c, uri, text)
    await c.wait(uri, 1)
    doc = lsp.TextDocumentIdentifier(uri=uri)
    everything = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=4000, character=0))
    cursor = lsp.Range(start=lsp.Position(line=801, character=20), end=lsp.Position(line=801, character=20))

    def actions(where: lsp.Range, only: list[str] | None = None) -> Any:
        context = lsp.CodeActionContext(diagnostics=[], only=only)
        return c.client.text_document_code_action_async(
            lsp.CodeActionParams(text_document=doc, range=where, context=context)
        )

    out["code_action_cursor"], listed = await _timed(actions(cursor))
    out["code_action_whole"], listed = await _timed(actions(everything))
    out["code_actions_listed"] = len(listed or [])
    out["code_action_whole_again"], _ = await _timed(actions(everything))
    fix_all = [a for a in listed or [] if a.kind == "source.fixAll.tffix"]
    quick = [a for a in listed or [] if a.kind == "quickfix"]
    if fix_all and fix_all[0].edit is None:  # a server that resolves
        out["resolve_fix_all"], _ = await _timed(c.client.code_action_resolve_async(fix_all[0]))
        out["resolve_quick_fix"], _ = await _timed(c.client.code_action_resolve_async(quick[len(quick) // 2]))
    options = lsp.FormattingOptions(tab_size=2, insert_spaces=True)
    out["format_4000"], _ = await _timed(c.client.text_document_formatting_async(
        lsp.DocumentFormattingParams(text_document=doc, options=options)))  # fmt: skip
    messy_uri = (folder / "messy" / "main.tf").as_uri()
    _open(c, messy_uri, messy_buffer(2000, 250))
    await c.wait(messy_uri, 1)
    out["format_2000_250"], edits = await _timed(c.client.text_document_formatting_async(
        lsp.DocumentFormattingParams(text_document=lsp.TextDocumentIdentifier(uri=messy_uri), options=options)))  # fmt: skip
    out["format_2000_250_edits"] = len(edits or [])
    # a 20-file module: one 2,000-line buffer open, 19 files on disk
    module_uri = (folder / "module" / "main.tf").as_uri()
    base = fixable_buffer(2000)
    _open(c, module_uri, base)
    await c.wait(module_uri, 1)
    latencies = []
    for version in range(2, 22):
        edited = base.replace('web1"', f'web{version}x"', 1)
        sent = time.perf_counter()
        c.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=module_uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=edited)],
        ))  # fmt: skip
        arrived = await c.wait(module_uri, version)
        latencies.append(arrived - sent - DEBOUNCE)
    out["edit_latencies"] = latencies
    out["edit_latency_median"] = statistics.median(latencies)
    await c.client.shutdown_async(None)
    c.client.exit(None)
    await c.client.stop()
    return out


def make_folder(root: Path) -> Path:
    (root / "fixes").mkdir()
    (root / "fixes" / "variables.tf").write_text('variable "ami" {\n  type = string\n}\n', encoding="utf-8")
    (root / "messy").mkdir()
    module = root / "module"
    module.mkdir()
    (module / "variables.tf").write_text('variable "ami" {\n  type = string\n}\n', encoding="utf-8")
    for k in range(18):
        (module / f"part{k:02}.tf").write_text(messy_buffer(100, 0).replace("web", f"p{k}w"), encoding="utf-8")
    (module / "main.tf").write_text("# on disk: the open buffer replaces it\n", encoding="utf-8")
    return root


def measure(checkout: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = make_folder(Path(scratch))
        return asyncio.run(asyncio.wait_for(session(checkout, folder), 1200))


if __name__ == "__main__":
    import json

    print(
        json.dumps(measure(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1])), indent=1)
    )
