"""Golden cases for the pattern engine, auto-discovered under
golden/patterns/: ``<case>.tffix.hcl`` (one rule or codemod) run over
``<case>.before.tf`` as the ``main.tf`` of a one-file module, unsafe fixes
allowed; ``<case>.after.tf`` is what it must become (missing: unchanged)
and ``<case>.findings`` what it reports first (``line:col: message``, one
a line; missing: nothing). Each case also passes the checks every fix gets
(parses, idempotent, fmt-clean stays fmt-clean, no comment lost outside
what was replaced). TFFIX_UPDATE_GOLDEN=1 rewrites the expected files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from tffix.engine.run import run_module
from tffix.patterns import load_pattern_file
from tffix.rule import RuleSet
from tffix.testing import run_case

GOLDEN = ROOT / "golden" / "patterns"
CASES = sorted(p.name[: -len(".tffix.hcl")] for p in GOLDEN.glob("*.tffix.hcl"))


def test_there_are_cases() -> None:
    assert len(CASES) >= 6
    assert all((GOLDEN / f"{case}.before.tf").exists() for case in CASES)


@pytest.mark.parametrize("case", CASES)
def test_golden_pattern_case(case: str, update_golden: bool) -> None:
    rules, codemods = load_pattern_file(GOLDEN / f"{case}.tffix.hcl")
    cls = [*rules, *codemods][0]
    before = (GOLDEN / f"{case}.before.tf").read_bytes().decode("utf-8")
    directory = Path("module")
    found = run_module(directory, {directory / "main.tf": before}, RuleSet((cls(),), unsafe_fixes=True), fix=False)
    findings = "".join(f"{d.start[0]}:{d.start[1]}: {d.message}\n" for d in found.remaining)
    findings_file = GOLDEN / f"{case}.findings"
    result = run_case(cls, {"main.tf": before}, None, unsafe=True)
    got = result.outputs["main.tf"]
    after = GOLDEN / f"{case}.after.tf"
    if update_golden:
        if findings:
            findings_file.write_text(findings, encoding="utf-8")
        else:
            findings_file.unlink(missing_ok=True)
        if got == before:
            after.unlink(missing_ok=True)
        else:
            after.write_bytes(got.encode("utf-8"))
    assert findings == (findings_file.read_text(encoding="utf-8") if findings_file.exists() else "")
    assert got == (after.read_bytes().decode("utf-8") if after.exists() else before)
    assert [p for p in result.problems if "differs from what is expected" not in p] == []
