"""Profiles: which rules run, with which options, and which unsafe fixes the
setting intends.

``default`` is for code that manages real, long-lived infrastructure: nothing
that could change a plan is applied without ``--unsafe-fixes``. ``ephemeral``
is for QA and test stacks that must be self-contained and destroyable (the
setting of the seed reviews): state stays local and data protection is off,
so those fixes are what the user wants there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["PROFILES", "Profile", "get_profile"]


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


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "default",
            "Production-safe: only fixes that keep the plan unchanged are applied by default.",
            options={"backend-with-dynamic-values": {"strategy": "partial-configuration"}},
            # advice that is right for throwaway stacks and noise for most production code
            excluded=frozenset({"wildcard-log-write-permissions", "hardcoded-resource-name", "non-production-cost"}),
        ),
        Profile(
            "ephemeral",
            "QA and test stacks that must be self-contained and destroyable: local state, no destroy protection.",
            options={
                "backend-with-dynamic-values": {"strategy": "comment-out"},
                "destroy-blocking-database-settings": {"strategy": "flip"},
            },
            intended_unsafe=frozenset({"backend-with-dynamic-values", "destroy-blocking-database-settings"}),
        ),
    )
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r} (choose from {', '.join(PROFILES)})") from None
