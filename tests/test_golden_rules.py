"""Golden cases for the rules, auto-discovered under golden/<rule-name>/:

- `<case>.before.tf` -> `<case>.after.tf` (missing: must stay unchanged),
  run as `main.tf` of a one-file module;
- `<case>/before/` -> `<case>/after/`: a whole module (files edited or added;
  a missing `after/` means nothing changes); folders in `before/` (local
  child modules) are put on disk beside the module, never edited;
- `<case>.options.toml` / `<case>/options.toml`: `profile`, `unsafe-fixes`,
  `select`, and `[options]` for the rule;
- `<case>.findings` / `<case>/findings`: what `tffix check` reports on the
  before files, one `file:line:col: CODE message` per line (missing: no
  findings), so display-only cases are pinned too.

Only the case's rule runs unless `select` says otherwise. Every case also
checks the fix's guarantees (output parses, fmt-clean input stays
fmt-clean, a second run changes nothing). TFFIX_UPDATE_GOLDEN=1 rewrites the
expected files for review with `git diff` (refused under CI).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from rule_harness import assert_sound, golden_cases, outputs, read_dir, read_options, run, settings_for

from tffix.engine.edits import fmt_clean
from tffix.fmt.region import indent_unit
from tffix.rules.registry import codemod_classes, rule_classes
from tffix.syntax.parser import parse_module

GOLDEN = ROOT / "golden"
RULE_NAMES = [cls.name for cls in rule_classes()]


CASES = golden_cases(GOLDEN, RULE_NAMES)


@pytest.mark.parametrize("name", RULE_NAMES)
def test_every_rule_has_enough_golden_cases(name: str) -> None:
    assert sum(1 for rule, _ in CASES if rule == name) >= 6


#: issue 16: each seed rule with a fix has a changing case in these indentations, and one not fmt-clean
STYLES = ("    ", "        ", "\t", "not fmt-clean")


@pytest.mark.parametrize(
    "rule", [c for c in rule_classes() if "TFX101" <= c.code <= "TFX118" and c.fixable], ids=lambda c: c.code
)
def test_every_seed_fix_has_cases_in_each_style(rule: type) -> None:
    seen: set[str] = set()
    folder = GOLDEN / rule.name  # type: ignore[attr-defined]
    for before in [*folder.glob("*.before.tf"), *folder.glob("*/before/*.tf")]:
        if before.name.endswith(".before.tf"):
            after = before.with_name(before.name[: -len(".before.tf")] + ".after.tf")
        else:
            after = before.parent.parent / "after" / before.name
        text = before.read_bytes().decode("utf-8")
        if not after.exists() or after.read_bytes() == before.read_bytes():
            continue
        seen.add(indent_unit(parse_module(text)))
        if not fmt_clean(text):  # not even in its own indentation unit
            seen.add("not fmt-clean")
    assert set(STYLES) <= seen, f"{rule.name}: no changing golden case for {set(STYLES) - seen}"  # type: ignore[attr-defined]


def test_no_stray_golden_folders() -> None:
    known = set(RULE_NAMES) | {cls.name for cls in codemod_classes()} | {"fmt", "hclfmt", "edit", "rename", "patterns"}
    assert {p.name for p in GOLDEN.iterdir() if p.is_dir()} <= known


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r}/{c}" for r, c in CASES])
def test_golden_rule_case(
    rule: str, case: str, update_golden: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = GOLDEN / rule
    folder = base / case
    if folder.is_dir():
        if any(p.is_dir() for p in (folder / "before").iterdir()):
            # child modules the rules read from disk: the module runs as `module/` of a copy
            shutil.copytree(folder / "before", tmp_path / "module")
            monkeypatch.chdir(tmp_path)
        before_all = read_dir(folder / "before")
        options = read_options(folder / "options.toml")
    else:
        before_all = {"main.tf": (base / f"{case}.before.tf").read_bytes().decode("utf-8")}
        options = read_options(base / f"{case}.options.toml")
    files = {k: v for k, v in before_all.items() if k.endswith(".tf")}
    existing = tuple(k for k in before_all if not k.endswith(".tf"))
    settings = settings_for(rule, options)
    findings_file = folder / "findings" if folder.is_dir() else base / f"{case}.findings"
    found = "".join(
        f"{d.path.name}:{d.start[0]}:{d.start[1]}: {d.code} {d.message}\n"
        for d in run(files, settings, fix=False, existing=existing).remaining
    )
    if update_golden:
        if found:
            findings_file.write_text(found, "utf-8")
        else:
            findings_file.unlink(missing_ok=True)
    assert found == (findings_file.read_text("utf-8") if findings_file.exists() else "")
    result = run(files, settings, existing=existing)
    assert not result.internal_errors, result.internal_errors
    got = outputs(result)
    if folder.is_dir():
        expected_dir = folder / "after"
        if update_golden:
            _update_dir(expected_dir, files, got)
        expected = read_dir(expected_dir) if expected_dir.is_dir() else files
        expected = {k: v for k, v in expected.items() if k not in existing or k in got}
        assert got == expected
    else:
        after = base / f"{case}.after.tf"
        assert set(got) == {"main.tf"}, f"a one-file case added files {set(got) - {'main.tf'}}: make it a folder case"
        if update_golden:
            _update_file(after, files["main.tf"], got["main.tf"])
        expected_text = after.read_bytes().decode("utf-8") if after.exists() else files["main.tf"]
        assert got["main.tf"] == expected_text
    assert_sound(files, got, settings, existing=existing)


def _update_file(after: Path, before: str, got: str) -> None:
    if got == before:
        after.unlink(missing_ok=True)
    else:
        after.write_bytes(got.encode("utf-8"))


def _update_dir(expected_dir: Path, before: dict[str, str], got: dict[str, str]) -> None:
    if got == before:
        shutil.rmtree(expected_dir, ignore_errors=True)
        return
    expected_dir.mkdir(exist_ok=True)
    for old in expected_dir.iterdir():
        old.unlink()
    for name, text in got.items():
        (expected_dir / name).write_bytes(text.encode("utf-8"))
