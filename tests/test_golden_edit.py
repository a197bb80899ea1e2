"""Golden cases for ``tffix edit``, auto-discovered under golden/edit/<case>/:

- ``before/``: the files of the folder the command runs in (its current
  directory, so paths print relative to it);
- ``command.toml``: ``args``, the arguments after ``tffix edit`` (VERB,
  ADDRESS, VALUE, flags, paths; none: the folder); optional ``stdin``, a file
  of ``before/`` fed to standard input (then give ``-`` as the path);
  ``exit``, the exit code (0 unless said);
- ``after/``: the folder afterwards (missing: nothing changes);
- ``stdout`` / ``stderr``: what the command prints (missing: nothing).

Every case also checks that each changed ``.tf`` file parses, that a file
``terraform fmt`` would leave alone stays so, and that running a ``set`` a
second time changes nothing. TFFIX_UPDATE_GOLDEN=1 rewrites
the expected files for review with ``git diff``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomllib
from click.testing import CliRunner
from conftest import ROOT
from rule_harness import fmt_clean

from tffix.cli import main
from tffix.syntax.parser import parse_module

GOLDEN = ROOT / "golden" / "edit"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "before").is_dir()) if GOLDEN.is_dir() else []


def _read_dir(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cases_exist() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_golden_edit_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    folder = GOLDEN / case
    command = tomllib.loads((folder / "command.toml").read_text("utf-8"))
    args = [str(a) for a in command["args"]]
    work = tmp_path / "work"
    shutil.copytree(folder / "before", work)
    before = _read_dir(work)
    stdin = (folder / "before" / command["stdin"]).read_bytes() if "stdin" in command else None
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, ["edit", *args], input=stdin, catch_exceptions=False)
    stdout = result.stdout_bytes.decode("utf-8")
    stderr = result.stderr_bytes.decode("utf-8") if result.stderr_bytes else ""
    after = _read_dir(work)
    assert "Traceback" not in stderr
    if update_golden:
        expected_after = folder / "after"
        shutil.rmtree(expected_after, ignore_errors=True)
        if after != before:
            shutil.copytree(work, expected_after)
        for name, text in (("stdout", stdout), ("stderr", stderr)):
            if text:
                (folder / name).write_bytes(text.encode("utf-8"))
            else:
                (folder / name).unlink(missing_ok=True)
    assert result.exit_code == command.get("exit", 0), stderr
    expected = _read_dir(folder / "after") if (folder / "after").is_dir() else before
    assert after == expected
    assert stdout == _text(folder / "stdout")
    assert stderr == _text(folder / "stderr")
    if args[0] == "set" and result.exit_code == 0 and stdin is None and "--dry-run" not in args:
        again = CliRunner().invoke(main, ["edit", *args], catch_exceptions=False)
        assert again.exit_code == 0 and _read_dir(work) == after, "a second `set` changed the files again"
    outputs = {name: data for name, data in after.items() if before.get(name) != data}
    if stdin is not None and result.exit_code == 0 and args[0] not in ("get", "list"):
        outputs["<stdout>.tf"] = result.stdout_bytes
        before["<stdout>.tf"] = stdin
    for name, data in outputs.items():
        if not name.endswith(".tf"):
            continue
        text = data.decode("utf-8")
        parse_module(text, path=name)
        old = before.get(name)
        if old is None or fmt_clean(old.decode("utf-8")):
            assert fmt_clean(text), f"{name} was fmt-clean and is not after the edit"


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8") if path.exists() else ""
