"""``admits_range`` (does a constraint admit some version of a range?) and
``provider_constraint``, which rules whose premise depends on the provider
version use through ``tffix.api`` (issue 16)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tffix.api import admits, admits_range, parse_module, provider_constraint

GRID = [f"{a}.{b}.{c}" for a, b, c in itertools.product(range(8), range(12), range(3))]

versions = st.tuples(st.integers(0, 7), st.integers(0, 11), st.integers(0, 2)).map(lambda v: ".".join(map(str, v)))
short = st.one_of(versions, versions.map(lambda v: v.rsplit(".", 1)[0]))
clause = st.tuples(st.sampled_from(["", "=", "!=", ">", ">=", "<", "<=", "~>"]), short).map(" ".join)
constraints = st.lists(clause, min_size=1, max_size=3).map(", ".join)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


@given(constraints, versions, st.one_of(st.none(), versions))
def test_admits_range_agrees_with_admits_on_every_version(constraint: str, low: str, high: str | None) -> None:
    inside = [v for v in GRID if _key(v) >= _key(low) and (high is None or _key(v) < _key(high))]
    expected = any(admits(constraint, v) for v in inside)
    got = admits_range(constraint, low, high)
    # the grid stops at 7.11.2: a constraint may admit only versions past it
    assert got == expected or (got and not expected and high is None)


def test_admits_range_examples() -> None:
    assert admits_range("~> 5.0", "5.90.0") is True
    assert admits_range("~> 4.0", "5.90.0") is False
    assert admits_range(">= 5.90, < 5.99", "5.99.0") is False
    assert admits_range("5.95.0", "5.90.0", "5.99.0") is True
    assert admits_range("!= 5.90.0, <= 5.90.0", "5.90.0") is False
    assert admits_range("> 5.90.0, < 5.90.2", "5.90.0", "5.91.0") is True
    assert admits_range("latest", "5.90.0") is None
    with pytest.raises(ValueError):
        admits_range("~> 5.0", "five")


def test_provider_constraint_joins_every_required_providers_entry() -> None:
    trees = [
        parse_module('terraform {\n  required_providers {\n    aws = {\n      version = ">= 5.0"\n    }\n  }\n}\n'),
        parse_module(
            'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "< 6.0"\n    }\n  }\n}\n'
        ),
        parse_module('terraform {\n  required_providers {\n    google = "~> 5.0"\n  }\n}\n'),
    ]
    assert provider_constraint(trees, "hashicorp/aws") == ">= 5.0, < 6.0"
    assert provider_constraint(trees, "registry.terraform.io/hashicorp/google") == "~> 5.0"
    assert provider_constraint(trees, "hashicorp/azurerm") is None
