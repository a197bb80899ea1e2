"""Golden formatter cases: golden/fmt/<case>.before.tf -> <case>.after.tf,
auto-discovered. `.after.tf` is what Terraform 1.0.3 writes (a missing one
means "unchanged"); `<case>.tffix.tf`, where present, is a documented deviation
(golden/fmt/README.md).

TFFIX_UPDATE_GOLDEN=1 rewrites each `.after.tf` from the real terraform binary,
for review with `git diff` (refused under CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from oracles import terraform_fmt

from tffix.fmt import format_source

GOLDEN = ROOT / "golden" / "fmt"
CASES = sorted(p.name[: -len(".before.tf")] for p in GOLDEN.glob("*.before.tf"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _terraform_expected(case: str) -> str:
    after = GOLDEN / f"{case}.after.tf"
    return _read(after) if after.exists() else _read(GOLDEN / f"{case}.before.tf")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: str) -> None:
    before = _read(GOLDEN / f"{case}.before.tf")
    got = format_source(before, filename=f"{case}.before.tf")
    deviation = GOLDEN / f"{case}.tffix.tf"
    if deviation.exists():
        assert got == _read(deviation)
        assert got != _terraform_expected(case), "not a deviation any more: delete the .tffix.tf file"
    else:
        assert got == _terraform_expected(case)
    assert format_source(got) == got


@pytest.mark.parametrize("case", CASES)
def test_golden_after_is_what_terraform_writes(case: str, update_golden: bool) -> None:
    before = _read(GOLDEN / f"{case}.before.tf")
    result = terraform_fmt(before)
    assert result.rc == 0, result.errors
    if update_golden:
        (GOLDEN / f"{case}.after.tf").write_bytes(result.output.encode("utf-8"))
    assert result.output == _terraform_expected(case)
