"""Golden cases for ``tffix rename``, auto-discovered under golden/rename/<case>/:

- ``before/``: a tree of files (the module, its tests, tfvars, callers...);
- ``command``: the arguments after ``tffix rename`` (one line, shell quoting),
  run with the copied ``before/`` tree as the current folder;
- ``after/``: the whole tree after the rename, or ``error``: the one line
  the rename refuses with (exit 2, nothing written).

Each case also runs ``--dry-run`` first (exit 1, nothing written, and the
diff it prints names exactly the files that change), checks every written
file parses, and checks that the rename cannot be made a second time (OLD
is gone). TFFIX_UPDATE_GOLDEN=1 rewrites ``after/`` and ``error`` for review
with `git diff`.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from tffix.cli import main
from tffix.syntax.parser import parse_module

GOLDEN = ROOT / "golden" / "rename"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "before").is_dir()) if GOLDEN.is_dir() else []


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _write_tree(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_there_are_cases_of_every_kind() -> None:
    commands = " ".join((GOLDEN / case / "command").read_text("utf-8") for case in CASES)
    for prefix in ("module.", "var.", "local.", "output.", "data.", "aws_"):
        assert prefix in commands, f"no golden rename case renames a {prefix}*"
    assert sum((GOLDEN / case / "error").exists() for case in CASES) >= 3


@pytest.mark.parametrize("case", CASES)
def test_golden_rename_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    folder = GOLDEN / case
    before = _tree(folder / "before")
    work = tmp_path / "work"
    _write_tree(work, before)
    monkeypatch.chdir(work)
    args = shlex.split((folder / "command").read_text("utf-8"))
    runner = CliRunner()

    dry = runner.invoke(main, ["rename", *args, "--dry-run"])
    assert _tree(work) == before, "--dry-run wrote files"
    result = runner.invoke(main, ["rename", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    after = _tree(work)
    error_file, after_dir = folder / "error", folder / "after"

    if result.exit_code != 0:
        assert result.exit_code == 2 and dry.exit_code == 2, (result.output, dry.output)
        assert after == before, "a refused rename wrote files"
        message = result.stderr
        assert message.count("\n") == 1 and "Traceback" not in message
        if update_golden:
            error_file.write_text(message, "utf-8")
            shutil.rmtree(after_dir, ignore_errors=True)
        assert message == error_file.read_text("utf-8")
        assert not after_dir.exists()
        return

    assert dry.exit_code == 1, dry.output
    changed = {name for name in after if after[name] != before.get(name)}
    assert set(re.findall(r"^\+\+\+ b/(\S+)$", dry.stdout, re.MULTILINE)) == changed
    if update_golden:
        _write_tree(after_dir, after)
        error_file.unlink(missing_ok=True)
    assert not error_file.exists(), "the case has an error file but the rename succeeded"
    assert after == _tree(after_dir)
    for name in changed:
        parse_module(after[name].decode("utf-8"), path=name)
    # OLD is gone: the same rename again is refused
    again = runner.invoke(main, ["rename", *args])
    assert again.exit_code == 2 and "not declared" in again.stderr
