"""What tffix reads: standard input and files decode alike for every command,
and inputs it cannot handle are errors, never silent passes (issue 11,
items 4 and 9, and "one stdin reader").

``tffix fmt -`` used to crash on bytes that are not UTF-8; `check`, `apply`
and `fmt` named a `.tf.json` or `terragrunt.hcl` differently; broken
symlinks and folders that cannot be listed were skipped without a word.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

#: TFX102: a lifecycle rule without `filter` (safe fix: `filter {}`, in this file only).
LIFECYCLE = """\
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = "acme-logs"

  rule {
    id     = "expire-old-logs"
    status = "Enabled"

    expiration {
      days = 30
    }
  }
}
"""
UGLY = "a=1\n"
PRETTY = "a = 1\n"

#: 0xff never starts a UTF-8 sequence: byte 5 (line 1, column 6) is where
#: decoding fails, and the message names the place and the likely encoding
LATIN1 = b'a = "\xff"\n'
NOT_UTF8 = "1:6: not UTF-8 (invalid start byte at byte 5); it looks like Windows-1252 or Latin-1: save it as UTF-8"


def _no_crash(result: object) -> None:
    exception = getattr(result, "exception", None)
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert "Traceback" not in getattr(result, "output", "")


# -- standard input -----------------------------------------------------------

STDIN_COMMANDS = [
    ("fmt", "-"),
    ("fmt", "--check", "-"),
    ("fmt", "--diff", "-"),
    ("check", "-"),
    ("apply", "-"),
    ("apply", "--dry-run", "-"),
    ("debug", "tokens", "-"),
    ("debug", "tree", "-"),
]


@pytest.mark.parametrize("args", STDIN_COMMANDS, ids=" ".join)
def test_stdin_that_is_not_utf8_is_a_clean_error_for_every_command(args: tuple[str, ...]) -> None:
    result = run_cli(*args, stdin=LATIN1)
    _no_crash(result)
    assert result.exit_code == 2, result.output
    assert f"<stdin>:{NOT_UTF8}\n" in result.stderr
    # no "Found 0 findings." after input that could not be read (issue 19)
    assert result.stdout in ("", "1 error (reported above): what it concerns was not checked.\n",
                             "1 error (reported above): what it concerns was not fixed.\n")  # fmt: skip


@pytest.mark.parametrize("command", ["check", "apply"])
def test_stdin_read_errors_name_the_stdin_filename(tmp_path: Path, command: str) -> None:
    name = tmp_path / "main.tf"
    result = run_cli(command, "-", "--stdin-filename", str(name), stdin=LATIN1)
    assert result.exit_code == 2
    assert f"{name}:{NOT_UTF8}\n" in result.stderr


def test_fmt_stdin_that_is_not_utf8_through_a_real_pipe() -> None:
    # the reported crash: a traceback and exit 1, which means "files would change"
    done = subprocess.run(
        [sys.executable, "-m", "tffix", "fmt", "-"], input=LATIN1, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"<stdin>:{NOT_UTF8}\n".encode()
    assert done.stdout == b""


def test_debug_stdin_through_a_real_pipe_reads_bytes() -> None:
    # sys.stdin would decode with the locale's error handler (surrogates under C.UTF-8)
    done = subprocess.run(
        [sys.executable, "-m", "tffix", "debug", "tokens", "-"],
        input=LATIN1,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 2, done.stdout
    assert done.stderr == f"<stdin>:{NOT_UTF8}\n".encode()


def _read_errors(stderr: str, name: str) -> list[str]:
    """Read errors for ``name``, with the name taken out."""
    marker = re.compile(re.escape(name) + r":(\d+:\d+: not UTF-8 \([^)]*\))")
    return [m[1] for m in map(marker.match, stderr.splitlines()) if m]


_BOM = b"\xef\xbb\xbf"
source_bytes = st.one_of(
    st.binary(max_size=24),
    st.text(max_size=24).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(lambda t, tail: t.encode("utf-8", "surrogatepass") + tail, st.text(max_size=12), st.binary(max_size=4)),
).flatmap(lambda data: st.sampled_from([data, _BOM + data, data.replace(b"\n", b"\r\n")]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=source_bytes)
def test_stdin_and_files_decode_alike(data: bytes) -> None:
    """Whatever the bytes, `-` and a file holding them get the same verdict
    from fmt and from check: the same read error, or none."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "main.tf"
        path.write_bytes(data)
        expected = []
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            line = data.count(b"\n", 0, e.start) + 1
            line_start = data.rfind(b"\n", 0, e.start) + 1
            column = len(data[line_start : e.start].decode("utf-8")) + 1  # characters, as parse errors count
            expected = [f"{line}:{column}: not UTF-8 ({e.reason} at byte {e.start})"]
        for command in ("fmt", "check"):
            from_file = run_cli(command, "--check" if command == "fmt" else "--no-cache", str(path))
            from_stdin = run_cli(command, "--check" if command == "fmt" else "--no-cache", "-", stdin=data)
            _no_crash(from_file)
            _no_crash(from_stdin)
            assert _read_errors(from_file.stderr, str(path)) == expected
            assert _read_errors(from_stdin.stderr, "<stdin>") == expected
            if expected:
                assert from_file.exit_code == from_stdin.exit_code == 2


def test_stdin_keeps_bom_and_crlf_as_a_file_does(tmp_path: Path) -> None:
    data = _BOM + b"a = 1\r\nb = 2\r\n"
    path = tmp_path / "a.tf"
    path.write_bytes(data)
    from_file = run_cli("debug", "tokens", str(path))
    from_stdin = run_cli("debug", "tokens", "-", stdin=data)
    assert from_stdin.exit_code == from_file.exit_code == 0
    assert from_stdin.stdout == from_file.stdout
    assert "NEWLINE\t'\\r\\n'" in from_stdin.stdout


# -- named files tffix does not handle ----------------------------------------

NOT_MODULE_FILES = ["main.tf.json", "terragrunt.hcl", "main.tf.bak", "terraform.tfvars", "x.tftest.hcl", ".hidden.tf"]
NOT_FORMATTED = ["main.tf.json", "terraform.tfvars.json", "terragrunt.hcl.json", "main.tf.bak"]


@pytest.mark.parametrize("command", ["check", "apply"])
@pytest.mark.parametrize("name", NOT_MODULE_FILES)
def test_check_and_apply_refuse_named_files_they_do_not_read(tmp_path: Path, command: str, name: str) -> None:
    path = tmp_path / name
    content = '{"a": 1}\n' if name.endswith(".json") else LIFECYCLE
    path.write_text(content)
    result = run_cli(command, str(path))
    _no_crash(result)
    assert result.exit_code == 2, result.output
    [message] = result.stderr.splitlines()
    assert message.startswith(f"{path}: ")
    assert path.read_text() == content


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("main.tf.json", "only .tf files can be checked (JSON configuration is not supported)"),
        ("terragrunt.hcl", "only .tf files can be checked (tffix fmt formats it)"),
        ("terraform.tfvars", "only .tf files can be checked (tffix fmt formats it)"),
        (".hidden.tf", "hidden files are not part of a module (Terraform skips them)"),
    ],
)
def test_named_file_errors_say_why(tmp_path: Path, name: str, why: str) -> None:
    (tmp_path / name).write_text("a = 1\n")
    assert run_cli("check", str(tmp_path / name)).stderr == f"{tmp_path / name}: {why}\n"


@pytest.mark.parametrize("name", NOT_FORMATTED)
def test_fmt_refuses_named_files_it_does_not_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(UGLY)
    result = run_cli("fmt", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: only .tf, .tfvars, .hcl files can be formatted")
    assert path.read_text() == UGLY


def test_fmt_formats_what_check_refuses(tmp_path: Path) -> None:
    # .tfvars, test files and a named hidden file are formatted, as `terraform fmt` does;
    # other .hcl files as hclwrite does (no Terraform rewrites: bb keeps its quotes)
    names = ["terraform.tfvars", "x.tftest.hcl", ".hidden.tf"]
    for name in names:
        (tmp_path / name).write_text(UGLY)
    (tmp_path / "terragrunt.hcl").write_text('a=1\nbb = "${x}"\n')
    result = run_cli("fmt", *(str(tmp_path / name) for name in names), str(tmp_path / "terragrunt.hcl"))
    assert result.exit_code == 0, result.output
    assert all((tmp_path / name).read_text() == PRETTY for name in names)
    assert (tmp_path / "terragrunt.hcl").read_text() == 'a  = 1\nbb = "${x}"\n'


def test_a_refused_name_does_not_stop_the_run(tmp_path: Path) -> None:
    module = tmp_path / "m"
    module.mkdir()
    (module / "lifecycle.tf").write_text(LIFECYCLE)
    (tmp_path / "terragrunt.hcl").write_text("a = 1\n")
    result = run_cli("check", str(tmp_path / "terragrunt.hcl"), str(module))
    assert result.exit_code == 2
    assert "TFX102" in result.stdout
    assert result.stderr.startswith(f"{tmp_path / 'terragrunt.hcl'}: only .tf files")


def test_folders_still_skip_files_of_other_kinds(tmp_path: Path) -> None:
    for name in ["main.tf.json", "terragrunt.hcl", "main.tf.bak", ".hidden.tf"]:
        (tmp_path / name).write_text("this is = not ( HCL")
    (tmp_path / "main.tf").write_text(PRETTY)
    for args in (("check",), ("apply",), ("fmt", "--check")):
        if args[0] == "fmt":  # fmt reads terragrunt.hcl too
            (tmp_path / "terragrunt.hcl").unlink()
        result = run_cli(*args, str(tmp_path))
        assert result.exit_code == 0, (args, result.output)
        assert result.stderr == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_tf_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tf"
    os.mkfifo(fifo)
    result = run_cli("check", str(fifo))
    assert result.exit_code == 2
    assert result.stderr == f"{fifo}: not a regular file\n"


# -- broken symlinks ----------------------------------------------------------


def _broken_links(folder: Path) -> tuple[Path, Path]:
    dangling, loop = folder / "dangling.tf", folder / "loop.tf"
    dangling.symlink_to("nowhere.tf")
    loop.symlink_to("loop.tf")
    return dangling, loop


def _link_errors(dangling: Path, loop: Path) -> list[str]:
    return [f"{dangling}: broken symlink (nothing at nowhere.tf)", f"{loop}: symlink loop"]


def test_check_reports_broken_symlinks_in_a_folder_and_goes_on(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "lifecycle.tf").write_text(LIFECYCLE)
    dangling, loop = _broken_links(sub)  # a folder with nothing else: still reported
    top = _broken_links(tmp_path)
    result = run_cli("check", "--no-cache", str(tmp_path))
    assert result.exit_code == 2
    assert sorted(result.stderr.splitlines()) == sorted(_link_errors(*top) + _link_errors(dangling, loop))
    assert "TFX102" in result.stdout  # the module's readable file is still checked


def test_apply_reports_broken_symlinks_and_still_fixes(tmp_path: Path) -> None:
    (tmp_path / "lifecycle.tf").write_text(LIFECYCLE)
    links = _broken_links(tmp_path)
    result = run_cli("apply", "--no-cache", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == _link_errors(*links)
    assert "filter {}" in (tmp_path / "lifecycle.tf").read_text()


@pytest.mark.parametrize("recursive", [False, True])
def test_fmt_reports_broken_symlinks_in_a_folder_and_goes_on(tmp_path: Path, recursive: bool) -> None:
    folder = tmp_path / "sub" if recursive else tmp_path
    folder.mkdir(exist_ok=True)
    (folder / "main.tf").write_text(UGLY)
    links = _broken_links(folder)
    result = run_cli("fmt", *(["--recursive"] if recursive else []), str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == _link_errors(*links)
    assert (folder / "main.tf").read_text() == PRETTY


@pytest.mark.parametrize("args", [("check",), ("apply",), ("fmt",), ("fmt", "--check")], ids=" ".join)
def test_named_broken_symlinks_are_reported(tmp_path: Path, args: tuple[str, ...]) -> None:
    dangling, loop = _broken_links(tmp_path)
    for link, message in zip((dangling, loop), _link_errors(dangling, loop)):
        result = run_cli(*args, str(link))
        _no_crash(result)
        assert result.exit_code == 2
        assert message in result.stderr.splitlines()


def test_debug_roundtrip_reports_broken_symlinks(tmp_path: Path) -> None:
    (tmp_path / "ok.tf").write_text(PRETTY)
    dangling, loop = _broken_links(tmp_path)
    result = run_cli("debug", "roundtrip", str(tmp_path))
    _no_crash(result)
    assert result.exit_code == 1
    assert [f"read error: {m}" for m in _link_errors(dangling, loop)] == result.stdout.splitlines()[:2]


# -- folders that cannot be listed --------------------------------------------


@pytest.fixture
def unlistable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path/locked``, which raises PermissionError when listed (as a
    folder without read permission does for an ordinary user)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "main.tf").write_text(UGLY)
    listing = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    return locked


@pytest.mark.parametrize(
    "args", [("check", "--no-cache"), ("apply", "--no-cache"), ("fmt", "--recursive")], ids=" ".join
)
def test_a_folder_that_cannot_be_listed_is_reported_and_the_run_goes_on(
    tmp_path: Path, unlistable: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "lifecycle.tf").write_text(LIFECYCLE)
    (tmp_path / "ugly.tfvars").write_text(UGLY)  # only fmt reads it
    result = run_cli(*args, str(tmp_path))
    _no_crash(result)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{unlistable}: Permission denied"]
    if args[0] == "check":
        assert "TFX102" in result.stdout
    elif args[0] == "apply":
        assert "filter {}" in (tmp_path / "lifecycle.tf").read_text()
    else:
        assert (tmp_path / "ugly.tfvars").read_text() == PRETTY
