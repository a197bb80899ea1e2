"""Terraform version constraints (``~> 5.0``, ``>= 4.2, < 6``): does one
admit a version?"""

from __future__ import annotations

import re

__all__ = ["admits", "parse_version"]

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
