"""Profiles: which rules run, with which options, and which unsafe fixes the
setting intends.

``default`` is for code that manages real, long-lived infrastructure: nothing
that could change a plan is applied without ``--unsafe-fixes``. ``ephemeral``
is for QA and test stacks that must be self-contained and destroyable (the
setting of the seed reviews): state stays local and data protection is off,
so those fixes are what the user wants there. ``recommended`` runs the
equivalents of tflint-ruleset-terraform's ``recommended`` preset and nothing
else, for a team that switches from tflint and wants the same checks.

The Terraform language rules (TFX201-TFX218) run in ``recommended`` (those
of tflint's preset) and when selected (``--extend-select TFX2``, or
``extend-select`` in the configuration); ``default`` and ``ephemeral`` leave
them out, so adopting them is a choice, as enabling tflint's plugin is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["LANGUAGE_RULES", "PROFILES", "RECOMMENDED", "TFLINT_OPT_IN", "VALIDATE_RULES", "Profile", "get_profile"]


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    #: rule name -> option overrides
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: rule names whose unsafe fixes this profile applies without --unsafe-fixes
    intended_unsafe: frozenset[str] = frozenset()
    #: rule names left out of this profile (still available with --select)
    excluded: frozenset[str] = frozenset()
    #: when set, the only rule names this profile runs (``excluded`` still applies)
    only: frozenset[str] | None = None

    def runs(self, rule_name: str) -> bool:
        """Whether the profile runs the rule when nothing is selected."""
        return rule_name not in self.excluded and (self.only is None or rule_name in self.only)


#: tflint-ruleset-terraform's rules outside its ``recommended`` preset: opt-in everywhere
TFLINT_OPT_IN = frozenset({
    "slash-comment", "undocumented-variable", "undocumented-output", "nonconforming-name",
    "nonstandard-module-layout", "unused-required-provider", "git-module-without-shallow-clone",
})  # fmt: skip

#: the Terraform language rules (TFX201-TFX218): opt-in in ``default`` and ``ephemeral``
LANGUAGE_RULES = TFLINT_OPT_IN | frozenset({
    "legacy-index-syntax", "lookup-without-default", "empty-list-comparison", "duplicate-map-key",
    "unpinned-module-source", "registry-module-without-version", "missing-required-provider",
    "missing-required-version", "untyped-variable", "unused-declaration", "workspace-with-remote-backend",
})  # fmt: skip

#: what ``terraform validate`` would refuse (TFX301-TFX307, TFX401-TFX407): on in every
#: profile but ``recommended``, and alone in ``validate``; a buffer with no folder of its
#: own (``TerraformModule.lone``) gets no finding about what the rest of its module declares
VALIDATE_RULES = frozenset({
    "unknown-resource-type", "unknown-argument", "missing-required-argument", "block-attribute-confusion",
    "deprecated-argument", "wrong-value-kind", "unknown-attribute-reference", "undeclared-variable", "undeclared-reference", "module-call-mismatch",
    "version-on-local-module", "for-each-over-list", "count-and-for-each", "instance-key-mismatch",
})  # fmt: skip

#: the equivalents of tflint-ruleset-terraform's ``recommended`` preset (its
#: ``terraform_json_syntax`` has none: tffix does not edit ``.tf.json`` files),
#: and the check of tffix's own suppression comments
RECOMMENDED = frozenset({
    "legacy-index-syntax",  # terraform_deprecated_index
    "interpolation-only-expression",  # terraform_deprecated_interpolation
    "lookup-without-default",  # terraform_deprecated_lookup
    "empty-list-comparison",  # terraform_empty_list_equality
    "duplicate-map-key",  # terraform_map_duplicate_keys
    "unpinned-module-source",  # terraform_module_pinned_source
    "registry-module-without-version",  # terraform_module_version
    "missing-required-provider",  # terraform_required_providers
    "missing-required-version",  # terraform_required_version
    "untyped-variable",  # terraform_typed_variables
    "unused-declaration",  # terraform_unused_declarations
    "workspace-with-remote-backend",  # terraform_workspace_remote
    "unused-suppression",
})  # fmt: skip


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "default",
            "Production-safe: only fixes that keep the plan unchanged are applied by default.",
            options={"backend-with-dynamic-values": {"strategy": "partial-configuration"}},
            # advice that is right for throwaway stacks and noise for most production code
            excluded=frozenset({"wildcard-log-write-permissions", "hardcoded-resource-name", "non-production-cost"})
            | LANGUAGE_RULES,
        ),
        Profile(
            "ephemeral",
            "QA and test stacks that must be self-contained and destroyable: local state, no destroy protection.",
            options={
                "backend-with-dynamic-values": {"strategy": "comment-out"},
                "destroy-blocking-database-settings": {"strategy": "flip"},
            },
            intended_unsafe=frozenset({"backend-with-dynamic-values", "destroy-blocking-database-settings"}),
            excluded=LANGUAGE_RULES,
        ),
        Profile(
            "validate",
            "What `terraform validate` would refuse, found offline: provider schemas and module structure.",
            only=VALIDATE_RULES | {"unused-suppression"},
        ),
        Profile(
            "recommended",
            "tflint-ruleset-terraform's recommended preset: the Terraform language checks a tflint user had.",
            only=RECOMMENDED,
        ),
    )
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r} (choose from {', '.join(PROFILES)})") from None
