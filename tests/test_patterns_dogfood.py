"""Dogfooding: three built-in rules written as pattern rules
(``examples/patterns/dogfood/``) run side by side with the built-in ones on
the built-in rules' golden cases, and must write exactly the same files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from rule_harness import outputs, read_options, run, settings_for

from tffix.engine.run import run_module
from tffix.patterns import load_pattern_file
from tffix.rule import Rule, RuleSet
from tffix.testing import check_examples

DOGFOOD = ROOT / "examples" / "patterns" / "dogfood"
GOLDEN = ROOT / "golden"
#: built-in rule name -> its pattern file
RULES = {
    "user-data-base64encode": "user-data-base64encode.tffix.hcl",
    "iam-role-object-reference": "iam-role-object-reference.tffix.hcl",
    "legacy-type-constraint": "legacy-type-constraint.tffix.hcl",
}


def pattern_rule(name: str) -> type[Rule]:
    rules, _ = load_pattern_file(DOGFOOD / RULES[name])
    assert len(rules) == 1
    return rules[0]


def _cases() -> list[tuple[str, str]]:
    out = []
    for name in RULES:
        out += [(name, p.name[: -len(".before.tf")]) for p in sorted((GOLDEN / name).glob("*.before.tf"))]
    return out


CASES = _cases()


def test_every_golden_case_is_compared() -> None:
    for name in RULES:
        assert not [p for p in (GOLDEN / name).iterdir() if p.is_dir()], "folder cases need a module-wide run here"
    assert len(CASES) >= 40


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r}/{c}" for r, c in CASES])
def test_pattern_rule_writes_what_the_builtin_writes(rule: str, case: str) -> None:
    before = (GOLDEN / rule / f"{case}.before.tf").read_bytes().decode("utf-8")
    options = read_options(GOLDEN / rule / f"{case}.options.toml")
    settings = settings_for(rule, options)
    builtin = run({"main.tf": before}, settings)
    ruleset = settings.ruleset()
    unsafe = ruleset.unsafe_fixes or rule in ruleset.intended_unsafe
    cls = pattern_rule(rule)
    directory = Path("module")
    ours = run_module(directory, {directory / "main.tf": before}, RuleSet((cls(),), unsafe_fixes=unsafe), fix=True)
    assert not ours.internal_errors, ours.internal_errors
    assert outputs(ours) == outputs(builtin)


@pytest.mark.parametrize("rule", list(RULES))
def test_the_pattern_rules_own_examples_pass(rule: str) -> None:
    results = check_examples(pattern_rule(rule))
    assert results
    assert [r.problems for r in results if not r.passed] == []
