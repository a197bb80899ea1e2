"""The settings of one run: which rules, which profile, which fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Fix
from .plugins import Catalogue, PluginSpec, load
from .rule import Rule, RuleSet
from .rules.profiles import Profile, get_profile
from .rules.registry import rule_classes

__all__ = ["Settings", "provider_schema_options"]


@dataclass(frozen=True)
class Settings:
    """``select`` / ``ignore`` hold rule codes, names, code prefixes or
    ``ALL`` (empty ``select``: every rule of the profile); ``extend_select``
    adds rules to that choice, as ruff's ``extend-select`` does (``ignore``
    still wins); ``options`` maps a rule code or name to option overrides,
    which win over the profile's. ``plugins`` says which plugins' rules
    join the built-in ones (``tffix.plugins``)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str = "default"
    unsafe_fixes: bool = False
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    extend_select: tuple[str, ...] = ()
    plugins: PluginSpec = field(default_factory=PluginSpec)

    def catalogue(self) -> Catalogue:
        """The rules and codemods known to this run: the built-in ones and
        the plugins'. Raises ``tffix.plugins.PluginError`` (a ValueError)."""
        return load(self.plugins)

    @property
    def profile_obj(self) -> Profile:
        return get_profile(self.profile)

    def rules(self) -> list[Rule]:
        """Instances of the selected rules, configured. Raises ValueError for
        an unknown code, name, option or profile."""
        profile = self.profile_obj
        catalogue = self.catalogue()
        chosen = (
            [cls for key in self.select for cls in catalogue.selection(key)]
            if self.select
            else [cls for cls in catalogue.rules if profile.runs(cls.name)]
        )
        chosen += [cls for key in self.extend_select for cls in catalogue.selection(key)]
        ignored = {cls for key in self.ignore for cls in catalogue.selection(key)}
        overrides: dict[type[Rule], dict[str, Any]] = {}
        for key, values in self.options.items():
            overrides.setdefault(catalogue.resolve(key), {}).update(values)
        out = []
        for cls in dict.fromkeys(chosen):
            if cls in ignored:
                continue
            options = {**profile.options.get(cls.name, {}), **overrides.get(cls, {})}
            out.append(cls(**options))
        return out

    def ruleset(self) -> RuleSet:
        """The selected rules, configured, and the fix policy: what the engine
        runs. Raises ValueError as ``rules`` does."""
        catalogue = self.catalogue()
        return RuleSet(
            tuple(self.rules()),
            unsafe_fixes=self.unsafe_fixes,
            intended_unsafe=frozenset(self.profile_obj.intended_unsafe),
            names={cls.name: cls.code for cls in catalogue.rules},
            fingerprint=catalogue.fingerprint,
        )

    def allows(self, rule_name: str, fix: Fix) -> bool:
        """Whether ``tffix apply`` with these settings applies ``fix``."""
        policy = RuleSet(
            (), unsafe_fixes=self.unsafe_fixes, intended_unsafe=frozenset(self.profile_obj.intended_unsafe)
        )
        return policy.allows(rule_name, fix)


def provider_schema_options(paths: list[str]) -> dict[str, dict[str, Any]]:
    """Rule options giving every rule that reads provider schemas (those with
    a ``provider_schemas`` option) these schema files: what the config's
    ``provider-schemas`` and ``--provider-schema`` mean."""
    return {cls.name: {"provider_schemas": list(paths)} for cls in rule_classes() if "provider_schemas" in cls.options}
