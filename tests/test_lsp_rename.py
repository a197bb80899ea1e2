"""``textDocument/prepareRename`` and ``textDocument/rename`` in real
sessions (the server as a child process, as in test_lsp.py): the workspace
edit renames through open buffers, carries the ``moved {}`` block (creating
``moved.tf`` when the client can create files, else in the declaring
file), reaches tfvars and callers, and a refusal is an error response with
the reason."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from test_lsp import ROOT, TIMEOUT, Session, apply_text_edits

MAIN = """resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = "{\\"Resource\\": \\"${aws_s3_bucket.logs.arn}/*\\"}"
}
"""
RENAMED = MAIN.replace('"logs" {\n  bucket = "logs"', '"access_logs" {\n  bucket = "logs"').replace(
    "aws_s3_bucket.logs.", "aws_s3_bucket.access_logs."
)
MOVED = "moved {\n  from = aws_s3_bucket.logs\n  to   = aws_s3_bucket.access_logs\n}\n"

FULL_EDITS = lsp.WorkspaceEditClientCapabilities(
    document_changes=True, resource_operations=[lsp.ResourceOperationKind.Create]
)


class RenameSession(Session):
    """A session whose client declares what workspace edits it takes."""

    def __init__(self, edits: lsp.WorkspaceEditClientCapabilities | None) -> None:
        super().__init__()
        self.edits = edits

    async def start(self, folder: Path | list[Path], options: object = None) -> lsp.InitializeResult:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        await self.client.start_io(sys.executable, "-m", "tffix", "lsp", env=env, cwd=str(ROOT))
        assert isinstance(folder, Path)
        result = await self.client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(
                workspace=lsp.WorkspaceClientCapabilities(workspace_edit=self.edits),
                text_document=lsp.TextDocumentClientCapabilities(rename=lsp.RenameClientCapabilities(prepare_support=True)),
            ),
            workspace_folders=[lsp.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
        ))  # fmt: skip
        self.client.initialized(lsp.InitializedParams())
        return result

    async def prepare(self, uri: str, line: int, character: int) -> lsp.PrepareRenamePlaceholder | None:
        result = await self.client.text_document_prepare_rename_async(lsp.PrepareRenameParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=character),
        ))  # fmt: skip
        assert result is None or isinstance(result, lsp.PrepareRenamePlaceholder), result
        return result

    async def rename(self, uri: str, line: int, character: int, new_name: str) -> lsp.WorkspaceEdit | None:
        return await self.client.text_document_rename_async(lsp.RenameParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=character),
            new_name=new_name,
        ))  # fmt: skip


def run(
    scenario: Callable[[RenameSession], Awaitable[None]],
    folder: Path,
    edits: lsp.WorkspaceEditClientCapabilities | None = FULL_EDITS,
) -> lsp.InitializeResult:
    async def main() -> lsp.InitializeResult:
        s = RenameSession(edits)
        try:
            result = await s.start(folder)
            await scenario(s)
            assert await s.stop() == 0
            return result
        finally:
            server = s.client._server
            if server is not None and server.returncode is None:
                server.kill()
                await server.wait()

    return asyncio.run(asyncio.wait_for(main(), TIMEOUT))


def _apply(edit: lsp.WorkspaceEdit, texts: dict[str, str]) -> dict[str, str]:
    """The texts (by URI) after a workspace edit; created files start empty."""
    out = dict(texts)
    if edit.changes is not None:
        for uri, edits in edit.changes.items():
            out[uri] = apply_text_edits(out[uri], list(edits))
    for operation in edit.document_changes or ():
        if isinstance(operation, lsp.CreateFile):
            assert operation.uri not in out and operation.options is not None and not operation.options.overwrite
            out[operation.uri] = ""
        else:
            assert isinstance(operation, lsp.TextDocumentEdit)
            out[operation.text_document.uri] = apply_text_edits(out[operation.text_document.uri], operation.edits)  # type: ignore[arg-type]
    return out


def test_rename_through_an_open_buffer_creates_moved_tf(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("# on disk: the open buffer replaces it\n", "utf-8")
    (tmp_path / "outputs.tf").write_text('output "arn" {\n  value = aws_s3_bucket.logs.arn\n}\n', "utf-8")
    outputs = (tmp_path / "outputs.tf").read_text("utf-8")

    async def scenario(s: RenameSession) -> None:
        uri = s.open(tmp_path / "main.tf", MAIN)
        # on the reference's name, and on the declaration's label (inside its quotes)
        prepared = await s.prepare(uri, 5, 27)
        assert prepared is not None and prepared.placeholder == "logs"
        assert (prepared.range.start.line, prepared.range.start.character, prepared.range.end.character) == (5, 25, 29)
        prepared = await s.prepare(uri, 0, 27)
        assert prepared is not None and prepared.placeholder == "logs"
        assert (prepared.range.start.character, prepared.range.end.character) == (26, 30)
        assert await s.prepare(uri, 1, 4) is None  # `bucket`: nothing to rename

        edit = await s.rename(uri, 6, 36, "access_logs")  # inside "${...}"
        assert edit is not None and edit.changes is None and edit.document_changes is not None
        main_edit = next(o for o in edit.document_changes if isinstance(o, lsp.TextDocumentEdit))
        assert main_edit.text_document.uri == uri and main_edit.text_document.version == 1
        moved_uri, outputs_uri = (tmp_path / "moved.tf").as_uri(), (tmp_path / "outputs.tf").as_uri()
        assert [type(o).__name__ for o in edit.document_changes].count("CreateFile") == 1
        after = _apply(edit, {uri: MAIN, outputs_uri: outputs})
        assert after == {
            uri: RENAMED,
            outputs_uri: outputs.replace(".logs.", ".access_logs."),
            moved_uri: MOVED,
        }

    run(scenario, tmp_path)
    assert (tmp_path / "main.tf").read_text("utf-8").startswith("# on disk")  # the server writes nothing
    assert not (tmp_path / "moved.tf").exists()


def test_without_file_creation_the_moved_block_goes_in_the_declaring_file(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")

    async def scenario(s: RenameSession) -> None:
        uri = s.open(tmp_path / "main.tf", MAIN)
        edit = await s.rename(uri, 0, 27, "access_logs")
        assert edit is not None and edit.document_changes is None and edit.changes is not None
        assert _apply(edit, {uri: MAIN}) == {uri: RENAMED + "\n" + MOVED}

    run(scenario, tmp_path, edits=None)


def test_variable_rename_reaches_tfvars_and_callers(tmp_path: Path) -> None:
    child = tmp_path / "modules" / "app"
    child.mkdir(parents=True)
    variables = 'variable "region" {\n  type = string\n}\n\noutput "where" {\n  value = var.region\n}\n'
    (child / "variables.tf").write_text(variables, "utf-8")
    (child / "terraform.tfvars").write_text('region = "eu-west-1"\n', "utf-8")
    caller = 'module "app" {\n  source = "./modules/app"\n  region = "us-east-1"\n}\n'
    (tmp_path / "main.tf").write_text(caller, "utf-8")

    async def scenario(s: RenameSession) -> None:
        uri = s.open(child / "variables.tf", variables)
        edit = await s.rename(uri, 5, 16, "aws_region")
        assert edit is not None
        tfvars_uri, caller_uri = (child / "terraform.tfvars").as_uri(), (tmp_path / "main.tf").as_uri()
        versions = {o.text_document.uri: o.text_document.version for o in edit.document_changes or ()}  # type: ignore[union-attr]
        assert versions == {uri: 1, tfvars_uri: None, caller_uri: None}  # files not open have no version
        after = _apply(edit, {uri: variables, tfvars_uri: 'region = "eu-west-1"\n', caller_uri: caller})
        assert after == {
            uri: variables.replace('"region"', '"aws_region"').replace("var.region", "var.aws_region"),
            tfvars_uri: 'aws_region = "eu-west-1"\n',
            caller_uri: 'module "app" {\n  source     = "./modules/app"\n  aws_region = "us-east-1"\n}\n',
        }

    run(scenario, tmp_path)


def test_a_refused_rename_is_an_error_with_the_reason(tmp_path: Path) -> None:
    text = MAIN + 'resource "aws_s3_bucket" "other" {\n  bucket = "other"\n}\n'
    (tmp_path / "main.tf").write_text(text, "utf-8")
    (tmp_path / "versions.tf").write_text('terraform {\n  required_version = "~> 1.0.0"\n}\n', "utf-8")

    async def scenario(s: RenameSession) -> None:
        uri = s.open(tmp_path / "main.tf", text)
        for new_name, reason in (
            ("other", "`aws_s3_bucket.other` already exists"),
            ("1st", "`1st` is not a valid name"),
            ("fine", 'required_version "~> 1.0.0" does not admit Terraform 1.1'),
        ):
            with pytest.raises(JsonRpcException) as caught:
                await s.rename(uri, 0, 27, new_name)
            assert caught.value.code == -32803 and reason in caught.value.message, caught.value.message
        with pytest.raises(JsonRpcException, match="nothing to rename here"):
            await s.rename(uri, 1, 4, "x")

    run(scenario, tmp_path)


def test_rename_is_advertised_with_prepare(tmp_path: Path) -> None:
    async def nothing(s: RenameSession) -> None:
        return None

    caps = run(nothing, tmp_path).capabilities
    assert caps.rename_provider == lsp.RenameOptions(prepare_provider=True)


def test_renaming_from_a_caller_renames_the_called_modules_output(tmp_path: Path) -> None:
    child = tmp_path / "modules" / "app"
    child.mkdir(parents=True)
    outputs = 'output "id" {\n  value = "x"\n}\n'
    (child / "outputs.tf").write_text(outputs, "utf-8")
    caller = 'module "app" {\n  source = "./modules/app"\n}\n\noutput "app_id" {\n  value = module.app.id\n}\n'
    (tmp_path / "main.tf").write_text(caller, "utf-8")

    async def scenario(s: RenameSession) -> None:
        uri = s.open(tmp_path / "main.tf", caller)
        prepared = await s.prepare(uri, 5, 22)
        assert prepared is not None and prepared.placeholder == "id"
        edit = await s.rename(uri, 5, 22, "app_id")
        assert edit is not None
        outputs_uri = (child / "outputs.tf").as_uri()
        assert _apply(edit, {uri: caller, outputs_uri: outputs}) == {
            uri: caller.replace("module.app.id", "module.app.app_id"),
            outputs_uri: outputs.replace('"id"', '"app_id"'),
        }

    run(scenario, tmp_path)
