"""The `recommended` profile runs the equivalents of tflint-ruleset-terraform's
recommended preset; the TFX2xx rules are opt-in in the other profiles; every
TFX2xx rule answers to its tflint rule ID."""

from __future__ import annotations

from tffix.context.suppressions import PEERS
from tffix.rules.profiles import LANGUAGE_RULES, RECOMMENDED, TFLINT_OPT_IN
from tffix.rules.registry import rule_classes
from tffix.settings import Settings

#: tflint-ruleset-terraform's recommended preset (rules/preset.go), but
#: terraform_json_syntax, which has no tffix rule (tffix never edits .tf.json)
TFLINT_RECOMMENDED = {
    "terraform_deprecated_index", "terraform_deprecated_interpolation", "terraform_deprecated_lookup",
    "terraform_empty_list_equality", "terraform_map_duplicate_keys", "terraform_module_pinned_source",
    "terraform_module_version", "terraform_required_providers", "terraform_required_version",
    "terraform_typed_variables", "terraform_unused_declarations", "terraform_workspace_remote",
}  # fmt: skip


def _names(profile: str) -> set[str]:
    return {rule.name for rule in Settings(profile=profile).rules()}


def test_recommended_is_tflints_preset() -> None:
    by_name = {cls.name: cls.code for cls in rule_classes()}
    peers = {peer for name in _names("recommended") for peer in PEERS.get(by_name[name], ())}
    assert {p for p in peers if p.startswith("terraform_")} == TFLINT_RECOMMENDED
    assert _names("recommended") == RECOMMENDED


def test_language_rules_are_opt_in_in_the_other_profiles() -> None:
    language = {cls.name for cls in rule_classes() if cls.code.startswith("TFX2")}
    assert language == LANGUAGE_RULES
    assert not TFLINT_OPT_IN & RECOMMENDED
    for profile in ("default", "ephemeral"):
        assert not _names(profile) & LANGUAGE_RULES
        with_them = {rule.name for rule in Settings(profile=profile, extend_select=("TFX2",)).rules()}
        assert with_them == _names(profile) | LANGUAGE_RULES


def test_every_language_rule_has_its_tflint_peer() -> None:
    language = [cls for cls in rule_classes() if cls.code.startswith("TFX2")]
    assert len(language) == 18
    for cls in language:
        assert any(p.startswith("terraform_") for p in PEERS.get(cls.code, ())), cls.code
