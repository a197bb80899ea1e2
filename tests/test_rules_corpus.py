"""The rules over every module of the real corpus: no internal error, and
applying every fix (unsafe ones too, in both profiles) gives files that parse,
stay fmt-clean where they were, and leave nothing to fix on a second run."""

from __future__ import annotations

import pytest
from conftest import CORPUS, CORPUS_SETS
from rule_harness import fmt_clean

from tffix.engine.discover import discover
from tffix.engine.run import run_module
from tffix.fmt import format_source
from tffix.settings import Settings
from tffix.syntax.parser import parse_module

pytestmark = pytest.mark.corpus

PROFILES = ("default", "ephemeral", "recommended", "default+TFX2")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("corpus_set", CORPUS_SETS)
def test_apply_everything_over_the_corpus(corpus_set: str, profile: str) -> None:
    # "default+TFX2": the default profile with every Terraform language rule, opt-in ones too
    name, _, extra = profile.partition("+")
    settings = Settings(profile=name, unsafe_fixes=True, extend_select=(extra,) if extra else ())
    modules, errors = discover([str(CORPUS / corpus_set)])
    assert not errors and len(modules) > 100
    for source in modules:
        run = run_module(
            source.directory, source.texts, settings, fix=True, targets=source.targets, existing=source.existing
        )
        assert not run.internal_errors, run.internal_errors
        for path in run.changed():
            text = run.texts[path]
            if path.name.endswith(".tf"):
                parse_module(text, path=str(path))
                before = run.original.get(path)
                # a new file is fmt-clean where the module is; elsewhere it takes the module's indentation
                if (before is None and all(fmt_clean(t) for t in run.original.values())) or (
                    before is not None and fmt_clean(before)
                ):
                    assert fmt_clean(text), f"{path} was fmt-clean and is not after the fixes"
        again = run_module(source.directory, {p: t for p, t in run.texts.items() if p.name.endswith(".tf")}, settings,
                           fix=False, existing=source.existing | frozenset(run.texts))  # fmt: skip
        left = [d for d in again.remaining if d.fix is not None and settings.allows(d.name, d.fix)]
        if left:  # findings the fixes made appear are held back in a run: a second one applies them
            texts = {p: t for p, t in run.texts.items() if p.name.endswith(".tf")}
            second = run_module(
                source.directory, texts, settings, fix=True, existing=source.existing | frozenset(run.texts)
            )
            assert not second.internal_errors, second.internal_errors
            final = {p: t for p, t in second.texts.items() if p.name.endswith(".tf")}
            third = run_module(
                source.directory, final, settings, fix=False, existing=source.existing | frozenset(second.texts)
            )
            left = [d for d in third.remaining if d.fix is not None and settings.allows(d.name, d.fix)]
        assert not left, [f"{d.path}:{d.start}: {d.code} {d.message}" for d in left]


@pytest.mark.parametrize("corpus_set", CORPUS_SETS)
def test_check_finishes_without_internal_errors(corpus_set: str) -> None:
    modules, _ = discover([str(CORPUS / corpus_set)])
    for source in modules:
        run = run_module(
            source.directory, source.texts, Settings(), fix=False, targets=source.targets, existing=source.existing
        )
        assert not run.internal_errors, run.internal_errors


def test_fmt_rewrite_rules_agree_with_the_formatter() -> None:
    """TFX113/TFX114 fix what `terraform fmt` rewrites: on the old-style
    corpus, formatting the fixed file gives what formatting the original
    gives."""
    modules, _ = discover([str(CORPUS / "rough")])
    settings = Settings(select=("TFX113", "TFX114"))
    changed = 0
    for source in modules:
        run = run_module(
            source.directory, source.texts, settings, fix=True, targets=source.targets, existing=source.existing
        )
        assert not run.internal_errors, run.internal_errors
        for path in run.changed():
            changed += 1
            assert format_source(run.texts[path]) == format_source(run.original[path]), path
    assert changed > 100  # the rough set is full of 0.11-style code
