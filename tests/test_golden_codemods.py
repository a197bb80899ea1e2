"""Golden cases for tffix's own codemods, auto-discovered under
golden/<codemod-name>/:

- `<case>.before.tf` -> `<case>.after.tf` (missing: must stay unchanged),
  run as `main.tf` of a one-file module;
- `<case>/before/` -> `<case>/after/`: a whole module (missing `after/`:
  nothing changes);
- `<case>.options.toml` / `<case>/options.toml`: the codemod's options
  (`import = true`);
- `<case>.notes` / `<case>/notes`: what `tffix codemod` prints as notes
  after the run (`file:line:col: message`, one a line; missing: none), so
  the follow-ups it leaves are pinned too.

Every case also gets `tffix.testing`'s checks (the output parses, a
fmt-clean input stays fmt-clean, no comment is lost, a second run changes
nothing). TFFIX_UPDATE_GOLDEN=1 rewrites the expected files for review with
`git diff` (refused under CI).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from rule_harness import golden_cases, read_dir, read_options

from tffix.engine.codemods import run_codemods
from tffix.engine.discover import ModuleSource
from tffix.engine.run import run_module
from tffix.rules.registry import codemod_classes
from tffix.settings import Settings
from tffix.testing import run_case

GOLDEN = ROOT / "golden"
CODEMODS = {cls.name: cls for cls in codemod_classes()}
DIRECTORY = Path("module")
#: the provider-schema rules a codemod's output must satisfy
SCHEMA_RULES = ("TFX401", "TFX402", "TFX403", "TFX404")


CASES = golden_cases(GOLDEN, CODEMODS)


@pytest.mark.parametrize("name", sorted(CODEMODS))
def test_every_codemod_has_enough_golden_cases(name: str) -> None:
    assert sum(1 for codemod, _ in CASES if codemod == name) >= 40


def _notes(name: str, files: dict[str, str], options: dict[str, Any]) -> str:
    paths = {DIRECTORY / file: text for file, text in files.items()}
    source = ModuleSource(DIRECTORY, paths, set(paths), frozenset(paths))
    run = run_codemods(source, [CODEMODS[name](**options)])
    assert not run.internal_errors, run.internal_errors
    return "".join(f"{d.path.name}:{d.start[0]}:{d.start[1]}: {d.message}\n" for d in run.remaining)


@pytest.mark.parametrize(("codemod", "case"), CASES, ids=[f"{c}/{k}" for c, k in CASES])
def test_golden_codemod_case(codemod: str, case: str, update_golden: bool) -> None:
    base = GOLDEN / codemod
    folder = base / case
    if folder.is_dir():
        before = {k: v for k, v in read_dir(folder / "before").items() if k.endswith(".tf")}
        options = read_options(folder / "options.toml")
        expected_dir = folder / "after"
        expected = read_dir(expected_dir) if expected_dir.is_dir() else None
        notes_file = folder / "notes"
    else:
        before = {"main.tf": (base / f"{case}.before.tf").read_bytes().decode("utf-8")}
        options = read_options(base / f"{case}.options.toml")
        after = base / f"{case}.after.tf"
        expected = {"main.tf": after.read_bytes().decode("utf-8")} if after.exists() else None
        notes_file = base / f"{case}.notes"
    result = run_case(CODEMODS[codemod], before, expected, options=options, name=f"{codemod}/{case}")
    notes = _notes(codemod, before, options)
    if update_golden:
        _update(folder if folder.is_dir() else None, base, case, before, result.outputs)
        if notes:
            notes_file.write_text(notes, "utf-8")
        else:
            notes_file.unlink(missing_ok=True)
        result = run_case(CODEMODS[codemod], before, result.outputs, options=options, name=f"{codemod}/{case}")
    assert result.passed, "\n".join(result.problems)
    assert notes == (notes_file.read_text("utf-8") if notes_file.exists() else "")


def _update(folder: Path | None, base: Path, case: str, before: dict[str, str], got: dict[str, str]) -> None:
    if folder is None:
        after = base / f"{case}.after.tf"
        if got.get("main.tf", before["main.tf"]) == before["main.tf"]:
            after.unlink(missing_ok=True)
        else:
            after.write_bytes(got["main.tf"].encode("utf-8"))
        return
    expected_dir = folder / "after"
    if got == before:
        shutil.rmtree(expected_dir, ignore_errors=True)
        return
    expected_dir.mkdir(exist_ok=True)
    for old in expected_dir.iterdir():
        old.unlink()
    for name, text in got.items():
        (expected_dir / name).write_bytes(text.encode("utf-8"))


def _after(codemod: str, case: str) -> Path | None:
    """A case's expected output (a file or a folder), None when it expects no change."""
    folder = GOLDEN / codemod / case
    after = folder / "after" if folder.is_dir() else GOLDEN / codemod / f"{case}.after.tf"
    return after if after.exists() else None


CHANGING = [(c, k) for c, k in CASES if _after(c, k) is not None]


@pytest.mark.parametrize(("codemod", "case"), CHANGING, ids=[f"{c}/{k}" for c, k in CHANGING])
def test_golden_codemod_output_fits_the_provider_schema(codemod: str, case: str) -> None:
    """What a codemod writes is read against the provider schemas tffix ships
    (the schema rules, TFX401-TFX404): no unknown resource type or argument,
    no missing required argument, no block written as an attribute. (Cases
    that expect no change hold no output of the codemod to read.)"""
    after = _after(codemod, case)
    assert after is not None
    files = read_dir(after) if after.is_dir() else {"main.tf": after.read_bytes().decode("utf-8")}
    paths = {DIRECTORY / name: text for name, text in files.items() if name.endswith(".tf")}
    run = run_module(DIRECTORY, paths, Settings(select=SCHEMA_RULES), fix=False, existing=frozenset(paths))
    assert not run.internal_errors, run.internal_errors
    assert [f"{d.path.name}:{d.start[0]}: {d.code} {d.message}" for d in run.remaining] == []
