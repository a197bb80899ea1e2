"""Every write tffix makes (issue 11, defects 1, 5, 6 and 7).

A module's files are written as one unit (``tffix apply``), a file as a unit
of its own (``tffix fmt``): refusals are decided before anything is written,
and a failure at any step (injected here: the n-th rename, a full disk, a
file changed between read and write) leaves every file as it was. Writes
keep mode, owner, group and hard links; named files limit what apply writes.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from tffix import writeback
from tffix.engine import batch, fmt_batch
from tffix.writeback import Change, write_unit

ROOT = Path(__file__).resolve().parents[1]

#: TFX101's safe fix edits both files: main.tf uses var.environment, variables.tf declares it
TAG_CASE = ROOT / "golden" / "hardcoded-environment-tag" / "new_variable_appended_to_variables_tf"
#: the variable TAG_CASE's main.tf reads, which its golden case leaves out
BUCKET_NAME = 'variable "bucket_name" {\n  type = string\n}\n'

#: TFX102: a lifecycle rule without `filter` (safe fix in this file only)
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
LIFECYCLE_FIXED = LIFECYCLE.replace('    status = "Enabled"\n\n', '    status = "Enabled"\n\n    filter {}\n\n')

UGLY = "a=1\nbb = 2\n"
PRETTY = "a  = 1\nbb = 2\n"

Snapshot = dict[str, tuple[bytes, int, int]]


def _tag_module(directory: Path, *, lifecycle: bool = True) -> Path:
    """The golden two-file case, plus a third file with a fix of its own."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("main.tf", "variables.tf"):
        (directory / name).write_bytes((TAG_CASE / "before" / name).read_bytes())
    if lifecycle:
        (directory / "lifecycle.tf").write_text(LIFECYCLE)
    return directory


def _fixed(name: str) -> bytes:
    return LIFECYCLE_FIXED.encode() if name == "lifecycle.tf" else (TAG_CASE / "after" / name).read_bytes()


def _snapshot(folder: Path) -> Snapshot:
    """Every entry (hidden ones too): bytes, mode, inode; a restored file is
    the very file it was."""
    out = {}
    for path in sorted(folder.iterdir()):
        st = path.lstat()
        out[path.name] = (path.read_bytes() if path.is_file() else b"", st.st_mode, st.st_ino)
    return out


def _fail_nth(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    n: int | set[int],
    code: int,
    picks: Callable[..., bool] = lambda *a: True,
) -> list[int]:
    """``os.<name>`` raises OSError(code) on its n-th call (or on each of a
    set of calls) among those ``picks`` accepts; returns the counter, so a
    test can see the fault was reachable."""
    real = getattr(os, name)
    calls = [0]
    failing = n if isinstance(n, set) else {n}

    def faulty(*args: Any, **kwargs: Any) -> Any:
        if picks(*args):
            calls[0] += 1
            if calls[0] in failing:
                raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, faulty)
    return calls


def _staged(src: object, *rest: object) -> bool:
    """A rename of one of tffix's staged files (not the result cache's)."""
    return str(src).endswith(".tffix")


def _last_line(output: str) -> str:
    """The counts line: since issue 19, errors have a summary line of their
    own after it, checked here to say what was not done."""
    lines = output.splitlines()
    if re.fullmatch(r"\d+ errors? \(reported above\): what (it concerns|they concern) was not fixed\.", lines[-1]):
        lines.pop()
    return lines[-1]


# -- defect 1: a module is written whole or not at all ----------------------


def test_symlink_out_of_the_module_stops_the_whole_module(tmp_path: Path) -> None:
    # the reproduction: variables.tf is a symlink to a file outside
    module = _tag_module(tmp_path / "mod", lifecycle=False)
    shared = tmp_path / "shared"
    shared.mkdir()
    (module / "variables.tf").rename(shared / "variables.tf")
    (module / "variables.tf").symlink_to(shared / "variables.tf")
    before, outside = _snapshot(module), _snapshot(shared)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2, result.output
    assert _snapshot(module) == before and _snapshot(shared) == outside
    assert f"{module / 'variables.tf'}: not written: it is a symlink to a file outside {module}" in result.stderr
    assert f"{module / 'main.tf'}: not written: a module's files are written together" in result.stderr
    # the finding is reported as it stays on disk, its fix still available
    assert f"{module / 'main.tf'}:6:19: TFX101 [*]" in result.stdout
    assert '6 |     Environment = "staging"' in result.stdout
    assert _last_line(result.stdout) == "0 files fixed (0 fixes), 1 finding left"


def test_dry_run_names_the_refusal_and_prints_no_diff(tmp_path: Path) -> None:
    module = _tag_module(tmp_path / "mod")
    (module / "variables.tf").chmod(0o444)
    result = run_cli("apply", "--no-cache", "--dry-run", str(module))
    assert result.exit_code == 2, result.output
    assert f"{module / 'variables.tf'}: would not be written: it is read-only (mode -r--r--r--)" in result.stderr
    assert "+++" not in result.stdout
    assert _last_line(result.stdout) == "0 files would be fixed (0 fixes), 2 findings left"


def test_read_only_file_is_refused_even_for_the_superuser(tmp_path: Path) -> None:
    # chmod 444 says "do not change me"; root could write it, tffix does not
    module = _tag_module(tmp_path / "mod")
    (module / "variables.tf").chmod(0o444)
    before = _snapshot(module)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2
    assert f"{module / 'variables.tf'}: not written: it is read-only (mode -r--r--r--)" in result.stderr
    assert _snapshot(module) == before
    assert _last_line(result.stdout) == "0 files fixed (0 fixes), 2 findings left"


def test_unwritable_folder_is_refused_before_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the superuser may write any folder, so the check is faked for it
    module = _tag_module(tmp_path / "mod")
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == module and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = _snapshot(module)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2
    assert f"{module / 'lifecycle.tf'}: not written: its folder {module} is not writable" in result.stderr
    assert _snapshot(module) == before


@pytest.mark.parametrize("n", [1, 2, 3])
def test_nth_rename_fails_and_the_module_is_restored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    module = _tag_module(tmp_path / "mod")
    before = _snapshot(module)
    calls = _fail_nth(monkeypatch, "replace", n, errno.EIO, _staged)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2, result.output
    assert calls[0] >= n  # the fault was hit
    assert _snapshot(module) == before  # same bytes, same files, no staged or kept copies left
    assert "not written: Input/output error" in result.stderr
    assert _last_line(result.stdout) == "0 files fixed (0 fixes), 2 findings left"


def test_without_a_fault_the_same_module_is_written_with_three_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _tag_module(tmp_path / "mod")
    calls = _fail_nth(monkeypatch, "replace", 99, errno.EIO, _staged)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 0, result.output
    assert calls[0] == 3
    assert {name: data for name, (data, _, _) in _snapshot(module).items()} == {
        name: _fixed(name) for name in ("lifecycle.tf", "main.tf", "variables.tf")
    }


@pytest.mark.parametrize("op", ["write", "fsync"])  # a full disk shows in either
@pytest.mark.parametrize("n", [1, 2, 3])
def test_full_disk_while_staging_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, op: str, n: int
) -> None:
    module = _tag_module(tmp_path / "mod")
    before = _snapshot(module)
    calls = _fail_nth(monkeypatch, op, n, errno.ENOSPC)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2 and calls[0] >= n
    assert "not written: No space left on device" in result.stderr
    assert _snapshot(module) == before


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_full_disk_while_writing_a_hard_linked_file_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    # variables.tf has a second name, so it is written in place: the 4th
    # os.write is that in-place write, after the two other files were renamed in
    module = _tag_module(tmp_path / "mod")
    other_name = tmp_path / "variables-link.tf"
    os.link(module / "variables.tf", other_name)
    before = _snapshot(module)
    calls = _fail_nth(monkeypatch, "write", n, errno.ENOSPC)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2 and calls[0] >= n
    assert "not written: No space left on device" in result.stderr
    assert _snapshot(module) == before
    assert other_name.read_bytes() == (module / "variables.tf").read_bytes()
    assert (module / "variables.tf").stat().st_nlink == 2


def test_a_file_changed_after_reading_is_refused_and_keeps_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the reproduction: a line appended during the run is not lost
    module = _tag_module(tmp_path / "mod")
    real_run = batch.run_module

    def run_then_edit(*args: Any, **kwargs: Any) -> Any:
        run = real_run(*args, **kwargs)
        if kwargs["fix"]:
            with open(module / "variables.tf", "a") as f:
                f.write("# added meanwhile\n")
        return run

    monkeypatch.setattr(batch, "run_module", run_then_edit)
    before = _snapshot(module)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2
    assert f"{module / 'variables.tf'}: not written: it changed on disk since it was read" in result.stderr
    after = _snapshot(module)
    assert after["variables.tf"][0].endswith(b"}\n# added meanwhile\n")
    del before["variables.tf"], after["variables.tf"]
    assert after == before


def test_a_file_changed_just_before_its_rename_undoes_the_renames_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # files are renamed in path order; while lifecycle.tf is renamed in,
    # another program appends to variables.tf, which is renamed last
    module = _tag_module(tmp_path / "mod")
    before = _snapshot(module)
    real_replace = os.replace
    appended = []

    def replace_and_edit(src: Any, dst: Any) -> None:
        if _staged(src) and not appended:
            appended.append(dst)
            with open(module / "variables.tf", "a") as f:
                f.write("# added meanwhile\n")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_and_edit)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2
    assert appended == [module / "lifecycle.tf"]
    assert f"{module / 'variables.tf'}: not written: it changed on disk since it was read" in result.stderr
    after = _snapshot(module)
    assert after["variables.tf"][0] == before["variables.tf"][0] + b"# added meanwhile\n"
    assert after["lifecycle.tf"] == before["lifecycle.tf"] and after["main.tf"] == before["main.tf"]
    assert sorted(after) == sorted(before)


def test_a_new_file_made_meanwhile_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = tmp_path / "mod"
    module.mkdir()
    (module / "main.tf").write_bytes((TAG_CASE / "before" / "main.tf").read_bytes())  # the fix creates variables.tf
    real_run = batch.run_module

    def run_then_create(*args: Any, **kwargs: Any) -> Any:
        run = real_run(*args, **kwargs)
        if kwargs["fix"]:
            (module / "variables.tf").write_text("# mine\n")
        return run

    monkeypatch.setattr(batch, "run_module", run_then_create)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 2
    assert f"{module / 'variables.tf'}: not written: a file of that name appeared" in result.stderr
    assert (module / "variables.tf").read_text() == "# mine\n"
    assert (module / "main.tf").read_bytes() == (TAG_CASE / "before" / "main.tf").read_bytes()


# -- defect 6: what a write keeps --------------------------------------------


def test_apply_keeps_hard_links(tmp_path: Path) -> None:
    module = _tag_module(tmp_path / "mod")
    (module / "variables.tf").chmod(0o640)
    other_name = tmp_path / "elsewhere.tf"
    os.link(module / "variables.tf", other_name)
    inode = (module / "variables.tf").stat().st_ino
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 0, result.output
    assert (module / "variables.tf").stat().st_ino == inode
    assert (module / "variables.tf").stat().st_nlink == 2
    assert other_name.read_bytes() == _fixed("variables.tf")
    assert stat.S_IMODE(other_name.stat().st_mode) == 0o640
    assert sorted(p.name for p in module.iterdir()) == ["lifecycle.tf", "main.tf", "variables.tf"]


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")


@needs_root
def test_apply_keeps_owner_and_group(tmp_path: Path) -> None:
    module = _tag_module(tmp_path / "mod")
    for name in ("main.tf", "variables.tf"):
        os.chown(module / name, 1234, 5678)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 0, result.output
    for name in ("main.tf", "variables.tf"):
        st = (module / name).stat()
        assert (st.st_uid, st.st_gid) == (1234, 5678)
        assert (module / name).read_bytes() == _fixed(name)


@needs_root
def test_owner_that_cannot_be_given_is_kept_by_writing_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an ordinary user cannot give the staged file away: the original inode is written
    module = _tag_module(tmp_path / "mod")
    os.chown(module / "main.tf", 1234, 5678)
    inode = (module / "main.tf").stat().st_ino

    def refuse(*args: Any) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)
    result = run_cli("apply", "--no-cache", str(module))
    assert result.exit_code == 0, result.output
    st = (module / "main.tf").stat()
    assert (st.st_uid, st.st_gid, st.st_ino) == (1234, 5678, inode)
    assert (module / "main.tf").read_bytes() == _fixed("main.tf")


# -- defect 5: named files limit what apply writes ---------------------------


def _three_files(directory: Path) -> Path:
    """main.tf: TFX101 (its fix creates variables.tf); a.tf and b.tf: TFX102;
    inputs.tf: the variable main.tf reads."""
    directory.mkdir()
    (directory / "main.tf").write_bytes((TAG_CASE / "before" / "main.tf").read_bytes())
    (directory / "inputs.tf").write_text(BUCKET_NAME)
    (directory / "a.tf").write_text(LIFECYCLE)
    (directory / "b.tf").write_text(LIFECYCLE.replace('"logs"', '"other"'))
    return directory


def test_apply_named_file_writes_only_that_file(tmp_path: Path) -> None:
    module = _three_files(tmp_path / "mod")
    before = _snapshot(module)
    dry = run_cli("apply", "--no-cache", "--dry-run", str(module / "a.tf"))
    assert dry.exit_code == 1
    [new_side] = [line for line in dry.stdout.splitlines() if line.startswith("+++")]
    assert new_side.endswith(str(module / "a.tf"))
    assert _last_line(dry.stdout) == "1 file would be fixed (1 fix), 0 findings left"
    result = run_cli("apply", "--no-cache", str(module / "a.tf"))
    assert result.exit_code == 0, result.output
    after = _snapshot(module)
    assert after["a.tf"][0] == LIFECYCLE_FIXED.encode()
    del before["a.tf"], after["a.tf"]
    assert after == before  # b.tf keeps its finding, no variables.tf


def test_fix_that_edits_a_file_not_named_is_reported_not_applied(tmp_path: Path) -> None:
    module = _three_files(tmp_path / "mod")
    before = _snapshot(module)
    result = run_cli("apply", "--no-cache", str(module / "main.tf"))
    assert result.exit_code == 1
    assert _snapshot(module) == before
    assert f"{module / 'main.tf'}:6:19: TFX101 hard-coded" in result.stdout  # no [*]: this run cannot fix it
    assert _last_line(result.stdout) == (
        "0 files fixed (0 fixes), 1 finding left; 1 fix not applied: it edits files that were not named"
    )
    # check agrees with apply on what the named file alone can fix
    checked = run_cli("check", "--no-cache", str(module / "main.tf"))
    assert (
        _last_line(checked.stdout) == "Found 1 finding (1 more when their folder is named, as they edit other files)."
    )


def test_named_file_gets_fixes_that_edit_only_it_and_the_folder_gets_all(tmp_path: Path) -> None:
    module = _three_files(tmp_path / "mod")
    (module / "variables.tf").write_text('variable "environment" {\n  default = "staging"\n}\n')
    result = run_cli("apply", "--no-cache", str(module / "main.tf"))
    assert result.exit_code == 0, result.output
    assert b"Environment = var.environment" in (module / "main.tf").read_bytes()
    assert (module / "a.tf").read_text() == LIFECYCLE
    everything = run_cli("apply", "--no-cache", str(module / "a.tf"), str(module))
    assert everything.exit_code == 0, everything.output
    assert _last_line(everything.stdout) == "2 files fixed (2 fixes), 0 findings left"


def test_cached_answer_for_a_named_file_is_not_reused_for_its_folder(tmp_path: Path) -> None:
    """Same files, same targets: only whether the folder was named differs,
    and with it which fixes the run may apply (the cache key knows)."""
    module = tmp_path / "mod"
    module.mkdir()
    (module / "main.tf").write_bytes((TAG_CASE / "before" / "main.tf").read_bytes())
    (module / "inputs.tf").write_text(BUCKET_NAME)
    named = run_cli("check", str(module / "main.tf"))
    assert "1 more when their folder is named" in _last_line(named.stdout)
    folder = run_cli("check", str(module))
    assert folder.exit_code == 1
    assert _last_line(folder.stdout) == "Found 1 finding (1 fixable with `tffix apply`)."


# -- defect 7: tffix fmt uses the same writer ---------------------------------


def _ugly_files(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / name for name in names]
    for path in paths:
        path.write_text(UGLY)
    return paths


@pytest.mark.parametrize(
    ("op", "code", "message"),
    [
        ("replace", errno.EROFS, "Read-only file system"),
        ("write", errno.ENOSPC, "No space left on device"),
        ("fsync", errno.ENOSPC, "No space left on device"),
    ],
)
def test_fmt_reports_a_file_it_cannot_write_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, op: str, code: int, message: str
) -> None:
    first, second = _ugly_files(tmp_path / "m", "a.tf", "b.tf")
    _fail_nth(monkeypatch, op, 1, code, _staged if op == "replace" else lambda *a: True)
    result = run_cli("fmt", str(first.parent))
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{first}: not written: {message}" in result.stderr
    assert first.read_text() == UGLY and second.read_text() == PRETTY
    assert sorted(p.name for p in first.parent.iterdir()) == ["a.tf", "b.tf"]


def test_fmt_refuses_a_read_only_file_even_for_the_superuser(tmp_path: Path) -> None:
    first, second = _ugly_files(tmp_path, "a.tf", "b.tf")
    first.chmod(0o444)
    result = run_cli("fmt", str(tmp_path))
    assert result.exit_code == 2
    assert f"{first}: not written: it is read-only (mode -r--r--r--)" in result.stderr
    assert first.read_text() == UGLY and second.read_text() == PRETTY


def test_fmt_keeps_hard_links(tmp_path: Path) -> None:
    [path] = _ugly_files(tmp_path / "m", "a.tf")
    other_name = tmp_path / "b.tf"
    os.link(path, other_name)
    assert run_cli("fmt", str(path)).exit_code == 0
    assert other_name.read_text() == PRETTY and path.stat().st_nlink == 2


def test_fmt_does_not_lose_a_line_appended_while_formatting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [path] = _ugly_files(tmp_path, "a.tf")
    real_format = fmt_batch.format_source

    def format_then_edit(text: str, **kwargs: Any) -> str:
        with open(path, "a") as f:
            f.write("c = 3\n")
        return real_format(text, **kwargs)

    monkeypatch.setattr(fmt_batch, "format_source", format_then_edit)
    result = run_cli("fmt", str(path))
    assert result.exit_code == 2
    assert f"{path}: not written: it changed on disk since it was read" in result.stderr
    assert path.read_text() == UGLY + "c = 3\n"


# -- the writer on its own: a fault anywhere leaves all or nothing ------------

#: the calls the writer makes that touch the disk (os.open also serves tempfile.mkstemp)
FAULT_OPS = ("open", "write", "fsync", "fchmod", "link", "replace", "ftruncate")

_texts = st.text(alphabet="ab\n", max_size=12)
_files = st.lists(st.tuples(st.sampled_from(["plain", "hard-linked", "new"]), _texts, _texts), min_size=1, max_size=4)


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(max_examples=150, deadline=None)
@given(files=_files, op=st.sampled_from(FAULT_OPS), n=st.integers(min_value=1, max_value=10))
def test_a_fault_at_any_step_writes_all_or_nothing(files: list[tuple[str, str, str]], op: str, n: int) -> None:
    with _folder() as root, pytest.MonkeyPatch.context() as monkeypatch:
        unit, outside = root / "unit", root / "outside"
        unit.mkdir()
        outside.mkdir()
        changes = []
        for i, (kind, old, new) in enumerate(files):
            path = unit / f"f{i}.tf"
            if kind != "new":
                path.write_text(old)
                path.chmod(0o640)
            if kind == "hard-linked":
                os.link(path, outside / path.name)
            changes.append(Change(path, new, None if kind == "new" else old))
        before = _snapshot(unit)
        calls = _fail_nth(monkeypatch, op, n, errno.EIO)
        problems = write_unit(changes)
        monkeypatch.undo()
        after = _snapshot(unit)
        if problems:
            assert calls[0] >= n
            assert after == before
        else:
            assert {name: data for name, (data, _, _) in after.items()} == {
                c.path.name: c.text.encode() for c in changes
            }
            for c in changes:
                if c.original is not None:
                    assert stat.S_IMODE(c.path.stat().st_mode) == 0o640
        for other_name in outside.iterdir():  # hard links are never split
            assert other_name.read_bytes() == (unit / other_name.name).read_bytes()


def test_two_names_of_one_file_in_a_unit_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text("x")
    (tmp_path / "b.tf").symlink_to(tmp_path / "a.tf")
    problems = write_unit([Change(tmp_path / "a.tf", "y", "x"), Change(tmp_path / "b.tf", "z", "x")], within=tmp_path)
    assert problems == {tmp_path / "b.tf": f"it is the same file as {tmp_path / 'a.tf'}"}
    assert (tmp_path / "a.tf").read_text() == "x"


def test_refusals_write_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text("x")
    assert writeback.refusals([Change(tmp_path / "a.tf", "y", "x")]) == {}
    assert (tmp_path / "a.tf").read_text() == "x"
    assert writeback.refusals([Change(tmp_path / "a.tf", "y", "other")]) == {
        tmp_path / "a.tf": "it changed on disk since it was read"
    }


def test_an_original_that_cannot_be_put_back_is_kept_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the second rename fails, then so does putting the first file's original back
    a, b = tmp_path / "a.tf", tmp_path / "b.tf"
    a.write_text("old a\n")
    b.write_text("old b\n")
    _fail_nth(monkeypatch, "replace", {2, 3}, errno.EIO)
    problems = write_unit([Change(a, "new a\n", "old a\n"), Change(b, "new b\n", "old b\n")])
    monkeypatch.undo()
    assert problems[b] == "Input/output error"
    assert problems[a].startswith("the write failed and the original could not be put back (Input/output error)")
    [kept] = [p for p in tmp_path.iterdir() if p.name.endswith(".tffix-original")]
    assert problems[a].endswith(f"it is kept as {kept}")
    assert kept.read_text() == "old a\n" and a.read_text() == "new a\n" and b.read_text() == "old b\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tffix")]  # staged copies are gone


def test_an_interrupt_while_renaming_restores_the_unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a.tf", tmp_path / "b.tf"
    a.write_text("old a\n")
    b.write_text("old b\n")
    before = _snapshot(tmp_path)
    real_replace = os.replace
    calls = []

    def interrupted(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_unit([Change(a, "new a\n", "old a\n"), Change(b, "new b\n", "old b\n")])
    monkeypatch.undo()
    assert _snapshot(tmp_path) == before
