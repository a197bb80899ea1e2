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


def test_variables_declared_in_tf_json_files_are_known(tmp_path: Path) -> None:
    """A fix never declares again what a `.tf.json` file declares; files that
    are not JSON, or not shaped as Terraform's, declare nothing."""
    import json

    (tmp_path / "variables.tf.json").write_text(json.dumps({"variable": {"environment": {"type": "string"}}}))
    (tmp_path / "more.tf.json").write_text(json.dumps({"variable": [{"region": {}}, "odd"], "locals": {}}))
    (tmp_path / "list.tf.json").write_text(json.dumps(["not", "a", "module"]))
    (tmp_path / "broken.tf.json").write_text("{ not json")
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  tags = { Environment = "prod" }\n}\n')
    existing = frozenset(tmp_path.iterdir())
    module = TerraformModule.from_texts(tmp_path, {tmp_path / "main.tf": (tmp_path / "main.tf").read_text()}, existing)
    assert module.json_variables == {"environment", "region"}
    assert set(module.inputs.digests) >= {tmp_path / "variables.tf.json", tmp_path / "broken.tf.json"}


def test_a_fix_does_not_declare_a_variable_a_tf_json_file_declares(tmp_path: Path) -> None:
    import json

    from conftest import run_cli

    (tmp_path / "variables.tf.json").write_text(json.dumps({"variable": {"environment": {"type": "map(string)"}}}))
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  tags = { Environment = "prod" }\n}\n')
    result = run_cli("apply", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "var.environment_2" in (tmp_path / "main.tf").read_text()
    assert 'variable "environment_2"' in (tmp_path / "variables.tf").read_text()
