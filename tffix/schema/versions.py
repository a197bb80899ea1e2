"""Terraform version constraints (``~> 5.0``, ``>= 4.2, < 6``): does one
admit a version?"""

from __future__ import annotations

import re

__all__ = ["admits", "admits_range", "parse_version"]

_CLAUSE = re.compile(r"^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+)*)(?:-[\w.]+)?\s*$")


def parse_version(text: str) -> tuple[int, ...] | None:
    """``5.31.0`` -> (5, 31, 0); None for text that is not a version."""
    m = re.fullmatch(r"v?(\d+(?:\.\d+)*)(?:-[\w.]+)?", text.strip())
    return tuple(int(p) for p in m.group(1).split(".")) if m else None


def _pad(v: tuple[int, ...]) -> tuple[int, ...]:
    return v + (0,) * (3 - len(v))


def admits(constraint: str, version: str) -> bool | None:
    """Whether ``version`` meets every clause of ``constraint`` (as
    Terraform reads it); None when either cannot be read."""
    have = parse_version(version)
    if have is None:
        return None
    have = _pad(have)
    for clause in constraint.split(","):
        if not clause.strip():
            continue
        m = _CLAUSE.match(clause)
        if m is None:
            return None
        op = m.group(1) or "="
        parts = tuple(int(p) for p in m.group(2).split("."))
        want = _pad(parts)
        if op == "=" and have != want:
            return False
        if op == "!=" and have == want:
            return False
        if op == ">" and not have > want:
            return False
        if op == ">=" and not have >= want:
            return False
        if op == "<" and not have < want:
            return False
        if op == "<=" and not have <= want:
            return False
        if op == "~>":
            # ~> 5.1 allows 5.x >= 5.1; ~> 5.1.2 allows 5.1.x >= 5.1.2; ~> 5 allows >= 5
            fixed = parts[:-1] if len(parts) > 1 else ()
            if have < want or have[: len(fixed)] != fixed:
                return False
    return True


def admits_range(constraint: str, low: str, high: str | None = None) -> bool | None:
    """Whether ``constraint`` admits some version from ``low`` up to (not
    including) ``high`` (no upper end when None); None when it cannot be
    read. The versions tried are the ends and every version the constraint
    names, with the next patch, minor and major of each: a constraint's
    admitted set changes only at those points."""
    lo, hi = parse_version(low), parse_version(high) if high is not None else None
    if lo is None or (high is not None and hi is None):
        raise ValueError(f"not a version range: {low!r} to {high!r}")
    points = {_pad(lo)}
    for clause in constraint.split(","):
        m = _CLAUSE.match(clause)
        if m is None:
            continue  # admits() below answers None for it
        v = _pad(tuple(int(p) for p in m.group(2).split(".")))
        points.update({v, (v[0], v[1], v[2] + 1), (v[0], v[1] + 1, 0), (v[0] + 1, 0, 0)})
    inside = [v for v in points if v >= _pad(lo) and (hi is None or v < _pad(hi))]
    answers = [admits(constraint, ".".join(map(str, v))) for v in sorted(inside)]
    if None in answers:
        return None
    return any(answers)
