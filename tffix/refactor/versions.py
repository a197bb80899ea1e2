"""Does a ``required_version`` constraint admit a Terraform version?

``moved`` blocks need Terraform 1.1, so a rename writes one only when the
module's constraints let some version >= 1.1 run it. Constraints follow
Terraform's syntax (``>= 1.2, < 2.0``, ``~> 1.0.0``, ``= 1.5.7``, a bare
version meaning ``=``); several ``required_version`` settings must all hold.
Pre-release suffixes are read as their release (``1.1.0-beta1`` as
``1.1.0``): close enough to tell whether 1.1 is in reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ConstraintError", "Version", "admits"]

Version = tuple[int, int, int]

_PART = re.compile(
    r"\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\s*"
)


class ConstraintError(ValueError):
    """A constraint string that is not in Terraform's syntax."""


def _parse(constraint: str) -> list[tuple[str, Version, int]]:
    """``(operator, version, segments written)`` for each comma-separated part."""
    out = []
    for part in constraint.split(","):
        m = _PART.fullmatch(part)
        if m is None:
            raise ConstraintError(f"`{part.strip()}` is not a version constraint")
        op, major, minor, patch = m.groups()
        segments = 1 + (minor is not None) + (patch is not None)
        out.append((op or "=", (int(major), int(minor or 0), int(patch or 0)), segments))
    return out


def _bounds(op: str, v: Version, segments: int) -> list[tuple[str, Version]]:
    if op != "~>":
        return [(op, v)]
    if segments == 3:
        upper = (v[0], v[1] + 1, 0)
    else:  # ~> 1.2 allows 1.x from 1.2; ~> 1 allows 1.x
        upper = (v[0] + 1, 0, 0)
    return [(">=", v), ("<", upper)]


def _holds(op: str, bound: Version, v: Version) -> bool:
    return {
        "=": v == bound, "!=": v != bound, ">": v > bound, ">=": v >= bound, "<": v < bound, "<=": v <= bound,
    }[op]  # fmt: skip


def admits(constraints: Iterable[str], minimum: Version) -> bool:
    """Whether some version at or above ``minimum`` meets every constraint.
    Raises ``ConstraintError`` for one Terraform would not read."""
    parts = [bound for c in constraints for op, v, segments in _parse(c) for bound in _bounds(op, v, segments)]
    # the versions where the answer can change: the minimum, each bound and the next releases after it
    candidates = {minimum}
    for _, v in parts:
        candidates |= {v, (v[0], v[1], v[2] + 1), (v[0], v[1] + 1, 0), (v[0] + 1, 0, 0)}
    return any(v >= minimum and all(_holds(op, bound, v) for op, bound in parts) for v in candidates)
