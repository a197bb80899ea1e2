"""TFX206 reads the folder's `.tf.json` files, which tffix does not parse:
a name they mention is used (golden cases cannot hold real files on disk)."""

from __future__ import annotations

from pathlib import Path

from tffix.engine.run import run_module
from tffix.settings import Settings


def _found(folder: Path) -> list[str]:
    texts = {p: p.read_text("utf-8") for p in sorted(folder.iterdir()) if p.name.endswith(".tf")}
    existing = frozenset(folder.iterdir())
    run = run_module(folder, texts, Settings(select=("TFX206",)), fix=False, existing=existing)
    assert not run.internal_errors, run.internal_errors
    return [d.message for d in run.remaining]


def test_a_name_in_a_json_file_is_a_use(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('variable "in_json" {}\n\nvariable "in_json_not" {}\n\nlocals {\n  a = 1\n}\n')
    (tmp_path / "out.tf.json").write_text('{"output": {"x": {"value": "${var.in_json} ${local.a}"}}}\n')
    assert _found(tmp_path) == ['variable "in_json_not" is declared but never used']


def test_without_json_files_the_same_names_are_unused(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('variable "in_json" {}\n')
    assert _found(tmp_path) == ['variable "in_json" is declared but never used']
