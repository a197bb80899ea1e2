"""Every rule is complete: docs with all sections and parsing examples,
a stable code and name, and VALID/INVALID examples that hold."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rule_harness import assert_sound, outputs, run

from tffix.cli import main
from tffix.rules.base import DOC_SECTIONS, Applicability
from tffix.rules.registry import resolve, rule_classes
from tffix.settings import Settings
from tffix.syntax.parser import parse_module

RULES = rule_classes()
IDS = [cls.name for cls in RULES]


def test_codes_and_names_are_unique() -> None:
    assert len({cls.code for cls in RULES}) == len(RULES)
    assert len({cls.name for cls in RULES}) == len(RULES)


@pytest.mark.parametrize("cls", RULES, ids=IDS)
def test_docs_have_every_section_in_order(cls) -> None:
    headings = re.findall(r"^## (.+)$", cls.docs(), flags=re.MULTILINE)
    assert [h for h in headings if h in DOC_SECTIONS] == list(DOC_SECTIONS), headings
    assert cls.summary() and not cls.summary().startswith("#")


@pytest.mark.parametrize("cls", RULES, ids=IDS)
def test_doc_examples_parse(cls) -> None:
    blocks = re.findall(r"```hcl\n(.*?)```", cls.docs(), flags=re.DOTALL)
    assert len(blocks) >= 2, "an example before and after"
    for block in blocks:
        parse_module(block)


@pytest.mark.parametrize("cls", RULES, ids=IDS)
def test_rule_has_examples(cls) -> None:
    assert cls.valid and cls.invalid


def _settings(cls, example=None) -> Settings:
    if example is None:
        return Settings(select=(cls.code,))
    return Settings(
        select=(cls.code,), profile=example.profile, unsafe_fixes=example.unsafe, options={cls.code: example.options}
    )


@pytest.mark.parametrize(
    ("cls", "index"),
    [(cls, i) for cls in RULES for i in range(len(cls.valid))],
    ids=lambda v: getattr(v, "name", str(v)),
)
def test_valid_example_has_no_finding(cls, index: int) -> None:
    result = run({"main.tf": cls.valid[index]}, _settings(cls), fix=False)
    assert not result.internal_errors
    assert result.remaining == []


@pytest.mark.parametrize(
    ("cls", "index"),
    [(cls, i) for cls in RULES for i in range(len(cls.invalid))],
    ids=lambda v: getattr(v, "name", str(v)),
)
def test_invalid_example_is_found_and_fixed(cls, index: int) -> None:
    example = cls.invalid[index]
    settings = _settings(cls, example)
    found = run({"main.tf": example.code}, settings, fix=False)
    assert [d.code for d in found.remaining], "no finding"
    assert {d.code for d in found.remaining} == {cls.code}
    fixed = run({"main.tf": example.code}, settings)
    assert not fixed.internal_errors, fixed.internal_errors
    assert outputs(fixed)["main.tf"] == (example.code if example.fixed is None else example.fixed)
    assert_sound({"main.tf": example.code}, outputs(fixed), settings)


@pytest.mark.parametrize("cls", RULES, ids=IDS)
def test_fixable_matches_what_the_rule_offers(cls) -> None:
    """The listed fix class is the strongest one the examples show."""
    offered = set()
    for example in cls.invalid:
        for diag in run({"main.tf": example.code}, _settings(cls, example), fix=False).remaining:
            if diag.fix is not None:
                offered.add(diag.fix.applicability)
    order = [Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY]
    strongest = next((a for a in order if a in offered), None)
    assert cls.fixable == strongest


def test_resolve_by_code_and_name() -> None:
    for cls in RULES:
        assert resolve(cls.code) is cls and resolve(cls.name) is cls and resolve(cls.code.lower()) is cls
    with pytest.raises(ValueError, match="unknown rule"):
        resolve("TFX999")


def test_rules_and_explain_commands() -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0
    for cls in RULES:
        assert cls.code in listing.output and cls.name in listing.output
        explained = runner.invoke(main, ["explain", cls.code])
        assert explained.exit_code == 0
        for section in DOC_SECTIONS:
            assert f"## {section}" in explained.output
    assert runner.invoke(main, ["explain", "TFX999"]).exit_code == 2
