"""Finding and reading the files tffix works on."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "FMT_SUFFIXES",
    "HCL_SUFFIXES",
    "TERRAFORM_FMT_SUFFIXES",
    "FileError",
    "decode_source",
    "is_broken_link",
    "iter_files",
    "iter_fmt_files",
    "read_error",
    "read_problem",
    "read_source",
    "read_stdin",
    "terraform_file",
    "unsupported_file",
]

#: Native-syntax files: Terraform configuration, variables, tests, mocks,
#: queries, and other .hcl files.
HCL_SUFFIXES = (".tf", ".tfvars", ".hcl")

#: Told about a folder that could not be listed; the walk goes on without it.
OnError = Callable[[Path, OSError], None]


def iter_files(
    paths: Iterable[str | Path], suffixes: tuple[str, ...] = HCL_SUFFIXES, *, on_error: OnError
) -> Iterator[Path]:
    """Files named on the command line, and files below named directories,
    in sorted order. Hidden files and directories (``.terraform/``) are skipped
    when walking, as ``terraform fmt -recursive`` does."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, suffixes, on_error=on_error)
        else:
            yield path


def _walk(directory: Path, suffixes: tuple[str, ...], *, recursive: bool = True, on_error: OnError) -> Iterator[Path]:
    """Regular files with one of ``suffixes``, and symlinks with one that
    lead nowhere (dangling, or a loop): reading those reports them, as
    Terraform does, instead of skipping them without a word."""
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as e:
        on_error(directory, e)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            if recursive:
                yield from _walk(entry, suffixes, on_error=on_error)
        elif entry.name.endswith(suffixes) and (entry.is_file() or is_broken_link(entry)):
            yield entry


def is_broken_link(path: Path) -> bool:
    """A symlink whose target does not exist, or that loops."""
    return path.is_symlink() and not path.exists()


def unsupported_file(path: Path, suffixes: tuple[str, ...], action: str) -> str | None:
    """``path: why`` when a file named on the command line is not one that
    ``action`` (e.g. "formatted") applies to, else None. Named files are
    never skipped silently: a run that reads nothing must not look clean."""
    if path.name.endswith(suffixes):
        return None
    kinds = ", ".join(suffixes)
    if path.name.endswith(".json"):
        hint = " (JSON configuration is not supported)"
    elif path.name.endswith(FMT_SUFFIXES):
        hint = " (tffix fmt formats it)"
    else:
        hint = ""
    return f"{path}: only {kinds} files can be {action}{hint}"


def decode_source(data: bytes) -> str:
    """Source text from bytes, newlines untouched and a BOM kept (the parser
    reads past it, so writes give it back). Raises UnicodeDecodeError for
    bytes that are not UTF-8 (HCL files are UTF-8 by definition)."""
    return data.decode("utf-8")


def read_source(path: Path) -> str:
    """The file's text, decoded by ``decode_source``. Raises OSError or
    UnicodeDecodeError; ``read_error`` words either."""
    return decode_source(path.read_bytes())


def read_stdin() -> str:
    """Standard input, decoded exactly as a file is: bytes, never the
    locale's encoding or newline translation of ``sys.stdin``."""
    return decode_source(sys.stdin.buffer.read())


@dataclass(frozen=True)
class FileError:
    """A file (or folder, or standard input) that could not be used, with
    the place in it when there is one: printed as ``path: why`` or
    ``path:line:col: why``, and kept apart for JSON and SARIF output."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def read_error(name: str | Path, error: OSError | UnicodeDecodeError) -> str:
    """``name: why`` for a file or standard input that could not be read
    (``name:line:col: why`` for bytes that are not UTF-8)."""
    return str(read_problem(name, error))


def read_problem(name: str | Path, error: OSError | UnicodeDecodeError) -> FileError:
    """What ``read_error`` prints, as a value."""
    if isinstance(error, UnicodeDecodeError):
        return _decode_problem(str(name), error)
    if isinstance(name, Path) and name.is_symlink():
        if error.errno == errno.ELOOP:
            return FileError(str(name), "symlink loop")
        if error.errno == errno.ENOENT:
            return FileError(str(name), f"broken symlink (nothing at {os.readlink(name)})")
    return FileError(str(name), str(error.strerror or error))


def _decode_problem(name: str, error: UnicodeDecodeError) -> FileError:
    """Where the first byte that is not UTF-8 sits (line, and column in
    characters, as parse errors count them), and what the file probably is:
    "invalid start byte at byte 0" alone does not say "saved as UTF-16"."""
    data = bytes(error.object)
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
    message = f"not UTF-8 ({error.reason} at byte {error.start})"
    guess = likely_encoding(data)
    if guess is not None:
        message += f"; it looks like {guess}: save it as UTF-8"
    return FileError(name, message, line, column)


#: byte order marks, longest first (UTF-32 LE starts with UTF-16 LE's)
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)


def likely_encoding(data: bytes) -> str | None:
    """A guess at the encoding of bytes that are not UTF-8, for the error
    message: a byte order mark names it; NUL bytes at every other place
    mean UTF-16 without one (HCL is mostly ASCII); other bytes decode as a
    single-byte code page. None when nothing fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return f"{name} (BOM {' '.join(f'{b:02X}' for b in bom)})"
    pairs = len(data) // 2
    if pairs >= 2:
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        if odd_nuls * 2 > pairs and even_nuls * 4 < pairs:
            return "UTF-16 LE (no BOM)"
        if even_nuls * 2 > pairs and odd_nuls * 4 < pairs:
            return "UTF-16 BE (no BOM)"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "Windows-1252 or Latin-1"


#: What ``terraform fmt`` formats, with Terraform's rewrites on top of
#: hclwrite's layout; JSON variants such as ``.tf.json`` are never touched.
TERRAFORM_FMT_SUFFIXES = (".tf", ".tfvars", ".tftest.hcl", ".tfmock.hcl", ".tfquery.hcl")

#: What ``tffix fmt`` formats: Terraform's files, and every other ``.hcl``
#: file (terragrunt.hcl, .pkr.hcl, .nomad.hcl) with hclwrite's layout alone,
#: as ``terragrunt hclfmt``, ``packer fmt`` and ``nomad fmt`` do.
FMT_SUFFIXES = (".tf", ".tfvars", ".hcl")


def terraform_file(name: str | Path) -> bool:
    """Whether ``terraform fmt`` would format a file of this name, so that
    Terraform's rewrites apply to it (standard input counts as a .tf file)."""
    name = str(name)
    return name.endswith(TERRAFORM_FMT_SUFFIXES) or not name.endswith(".hcl")


def iter_fmt_files(paths: Iterable[str | Path], *, recursive: bool, on_error: OnError) -> Iterator[Path]:
    """Files named directly, and the formattable files in named directories
    (their subdirectories too with ``recursive``). Hidden entries are skipped."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        yield from _walk(path, FMT_SUFFIXES, recursive=recursive, on_error=on_error)
