"""Following values through locals (`TerraformModule.local_value`,
`locals_used`): rules report `timestamp()` or `base64encode()` one or a
few locals away, where the value is used."""

from __future__ import annotations

from pathlib import Path

from tffix.api import TerraformModule, parse_expression

D = Path("/m")

LOCALS = """\
locals {
  stamp  = timestamp()
  clean  = replace(local.stamp, ":", "-")
  name   = "db-${local.clean}-${local.stamp}"
  alias  = local.clean
  a      = local.b
  b      = local.a
  deep1  = local.deep2
  deep2  = local.deep3
  deep3  = local.deep4
  deep4  = local.deep5
  deep5  = local.deep6
  deep6  = "bottom"
}
"""


def _module() -> TerraformModule:
    return TerraformModule.from_texts(D, {D / "main.tf": LOCALS})


def test_local_value_follows_plain_locals_and_stops() -> None:
    module = _module()
    assert module.local_value(parse_expression("local.alias")).code.strip() == 'replace(local.stamp, ":", "-")'
    assert module.local_value(parse_expression("local.stamp")).code.strip() == "timestamp()"
    assert module.local_value(parse_expression('"x"')) is None
    assert module.local_value(parse_expression("var.x")) is None
    assert module.local_value(parse_expression("local.stamp.id")) is None  # an attribute of it: not the value
    assert module.local_value(parse_expression("local.missing")) is None
    # a cycle ends after the depth bound, on one of its members
    assert module.local_value(parse_expression("local.a")).code.strip() in ("local.a", "local.b")
    # five steps: deep1 -> ... -> deep5's value, never deep6's
    assert module.local_value(parse_expression("local.deep1")).code.strip() == "local.deep6"
    assert module.local_value(parse_expression("local.deep1"), depth=6).code.strip() == '"bottom"'


def test_locals_used_walks_each_local_once_within_the_depth() -> None:
    module = _module()
    used = [name for name, _ in module.locals_used(parse_expression('"${local.name}-${local.name}"'))]
    assert used == ["name", "clean", "stamp"]
    assert [name for name, _ in module.locals_used(parse_expression("local.missing"))] == []
    assert [name for name, _ in module.locals_used(parse_expression("var.x"))] == []
    chain = [name for name, _ in module.locals_used(parse_expression("local.deep1"))]
    assert chain == ["deep1", "deep2", "deep3", "deep4", "deep5"]
    assert [name for name, _ in module.locals_used(parse_expression("local.a"))] == ["a", "b"]
