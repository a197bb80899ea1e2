"""Finding and reading the files tffix works on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["HCL_SUFFIXES", "iter_files", "read_source"]

#: Native-syntax files: Terraform configuration, variables, tests, mocks,
#: queries, and other .hcl files.
HCL_SUFFIXES = (".tf", ".tfvars", ".hcl")


def iter_files(paths: Iterable[str | Path], suffixes: tuple[str, ...] = HCL_SUFFIXES) -> Iterator[Path]:
    """Files named on the command line, and files below named directories,
    in sorted order. Hidden files and directories (``.terraform/``) are skipped
    when walking, as ``terraform fmt -recursive`` does."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, suffixes)
        else:
            yield path


def _walk(directory: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    entries = sorted(directory.iterdir(), key=lambda p: p.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry, suffixes)
        elif entry.is_file() and entry.name.endswith(suffixes):
            yield entry


def read_source(path: Path) -> str:
    """The file's text, newlines untouched. Raises UnicodeDecodeError for
    bytes that are not UTF-8 (HCL files are UTF-8 by definition)."""
    return path.read_bytes().decode("utf-8")
