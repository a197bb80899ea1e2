"""Provider schemas: snapshots built from a cdktf package and from a schema
JSON by the path ``scripts/build_schemas.py`` takes, loading, versions,
which schemas a module is checked against, and the config/CLI plumbing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from tffix.api import META_ARGUMENTS, TerraformModule, check_block, schema_findings
from tffix.cli import main
from tffix.config import ConfigError, load_config
from tffix.schema import SchemaError, admits, bundled, bundled_names, load_schema_file, required_providers
from tffix.schema.resolve import SchemaSet
from tffix.schema.snapshot import dump_snapshot, load_snapshot, read_schema_json
from tffix.syntax.parser import parse_module

FIXTURES = ROOT / "tests" / "fixtures" / "schemas"


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("build_schemas", ROOT / "scripts" / "build_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_schemas"] = module
    spec.loader.exec_module(module)
    return module


def _settable(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot without what only a schema JSON knows (computed-only
    attributes, object field types) and where it came from."""

    def block(raw: dict[str, Any]) -> dict[str, Any]:
        attrs = {k: v for k, v in raw.get("a", {}).items() if "r" in v.split(":")[0] or "o" in v.split(":")[0]}
        return {"a": attrs, "b": {k: [m, lo, hi, block(b)] for k, (m, lo, hi, b) in raw.get("b", {}).items()}}

    return {
        "name": snapshot["name"],
        "source": snapshot["source"],
        "version": snapshot["version"],
        "resources": {t: block(b) for t, b in snapshot["resources"].items()},
        "data_sources": {t: block(b) for t, b in snapshot["data_sources"].items()},
    }


def test_a_package_and_a_schema_json_give_the_same_snapshot(tmp_path: Path) -> None:
    script = _script()
    from_package = list(script.snapshots(str(FIXTURES / "cdktf-demo"), tmp_path, {}, {"demo": "acme/demo"}))
    from_json = list(script.snapshots(str(FIXTURES / "demo-schema.json"), tmp_path, {"demo": "1.2.3"}, {}))
    assert len(from_package) == len(from_json) == 1
    assert from_package[0]["version"] == "1.2.3"  # the provider's, not the package's 4.0.0
    assert from_package[0]["origin"] == "npm @cdktf/provider-demo 4.0.0"
    assert _settable(from_package[0]) == _settable(from_json[0])
    schema = load_snapshot(dump_snapshot(from_package[0]))
    widget = schema.block("resource", "demo_widget")
    assert widget is not None
    assert widget.attributes["size_gb"].required and widget.attributes["size_gb"].type == "number"
    assert widget.attributes["tags"].type == "map(string)"
    assert widget.attributes["rule"].collection_of_objects  # attributes as blocks: written null when unset
    assert widget.blocks["disk"].required and widget.blocks["disk"].max_items == 1
    assert widget.blocks["disk"].block.attributes["volume_type"].required
    assert schema.block("data", "demo_thing") is not None and schema.block("resource", "demo_thing") is None


def test_the_script_writes_snapshots_and_refuses_a_json_without_version(tmp_path: Path) -> None:
    script = _script()
    assert script.main([str(FIXTURES / "demo-schema.json"), "--version", "demo=1.2.3", "--out", str(tmp_path)]) == 0
    (written,) = tmp_path.glob("*.json.gz")
    assert written.name == "demo-1.2.3.json.gz"
    assert load_snapshot(written.read_bytes()).source == "acme/demo"
    with pytest.raises(SystemExit):
        script.main([str(FIXTURES / "demo-schema.json"), "--out", str(tmp_path)])


def test_deprecated_and_sensitive_flags_come_from_a_schema_json() -> None:
    (random, *_) = [s for s in load_schema_file(FIXTURES / "deprecations.json") if s.name == "random"]
    block = random.block("resource", "random_password")
    assert block is not None
    assert block.attributes["number"].deprecated and not block.attributes["numeric"].deprecated
    assert block.attributes["result"].sensitive and not block.attributes["result"].settable


def test_bad_schema_files_are_refused_with_their_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    with pytest.raises(SchemaError, match="bad.json: not JSON"):
        load_schema_file(bad)
    with pytest.raises(SchemaError, match="provider_schemas"):
        read_schema_json('{"x": 1}', "x.json")
    with pytest.raises(SchemaError, match="cannot read"):
        load_schema_file(tmp_path / "missing.json")


def test_the_shipped_snapshots() -> None:
    names = set(bundled_names())
    for name in (
        "aws",
        "azurerm",
        "google",
        "kubernetes",
        "random",
        "null",
        "local",
        "tls",
        "archive",
        "time",
        "http",
        "helm",
    ):
        assert name in names
    total = sum(p.stat().st_size for p in (ROOT / "tffix" / "schema" / "snapshots").glob("*.json.gz"))
    assert total < 3 * 1024 * 1024
    aws = bundled("aws")
    assert aws is not None and aws.source == "hashicorp/aws" and aws.version
    instance = aws.block("resource", "aws_instance")
    assert instance is not None and "root_block_device" in instance.blocks and "tags" in instance.attributes
    db = aws.block("resource", "aws_db_instance")
    assert db is not None and db.attributes["instance_class"].required


def test_one_provider_is_read_once_and_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # the 50 ms budget is a figure of scripts/bench.py; here: loading is lazy and once per process
    from tffix.schema import snapshot

    reads: list[int] = []
    real = snapshot.load_snapshot
    monkeypatch.setattr(snapshot, "load_snapshot", lambda data: reads.append(len(data)) or real(data))
    bundled.cache_clear()
    aws = bundled("aws")
    assert aws is not None and bundled("aws") is aws
    assert len(reads) == 1
    bundled("random")
    assert len(reads) == 2 and reads[0] != reads[1]
    bundled.cache_clear()


@pytest.mark.parametrize(
    ("constraint", "version", "expected"),
    [
        ("~> 5.0", "5.100.0", True),
        ("~> 5.0", "6.25.0", False),
        ("~> 5.31.0", "5.31.4", True),
        ("~> 5.31.0", "5.32.0", False),
        (">= 4.0, < 6.0", "5.100.0", True),
        (">= 6.28", "6.25.0", False),
        ("= 3.2.4", "3.2.4", True),
        ("!= 3.2.4", "3.2.4", False),
        ("~> 5", "6.0.0", True),
        ("latest", "1.0.0", None),
    ],
)
def test_version_constraints(constraint: str, version: str, expected: bool | None) -> None:
    assert admits(constraint, version) is expected


def _schemas(text: str, user: list[tuple[str, bytes]] | None = None) -> tuple[SchemaSet, Any]:
    tree = parse_module(text)
    return SchemaSet(required_providers([tree]), user or []), tree


def test_the_constraint_picks_the_snapshots() -> None:
    pinned = 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\n'
    schemas, _ = _schemas(pinned)
    found = schemas.candidates("aws")
    assert found is not None and [s.version.split(".")[0] for s in found.schemas] == ["5"]
    old, _ = _schemas(pinned.replace("~> 5.0", "~> 3.0"))
    assert old.candidates("aws") is None
    fork, _ = _schemas(pinned.replace("hashicorp/aws", "acme/aws"))
    assert fork.candidates("aws") is None
    legacy, _ = _schemas('terraform {\n  required_providers {\n    aws = "~> 5.0"\n  }\n}\n')
    assert legacy.candidates("aws") is not None
    free, _ = _schemas("")
    unpinned = free.candidates("aws")
    assert unpinned is not None and len(unpinned.schemas) >= 2 and "," in unpinned.label


def test_a_users_schema_wins_over_the_snapshot() -> None:
    data = (FIXTURES / "deprecations.json").read_bytes()
    schemas, tree = _schemas('resource "aws_instance" "x" {\n  ami = "a"\n}\n', [("mine.json", data)])
    found = schemas.for_block(next(tree.blocks("resource")))
    assert found is not None and found.schemas[0].version == ""  # the user's file, not a snapshot
    (finding,) = check_block(next(tree.blocks("resource")), found)
    assert finding.kind == "unknown-type"  # the user's schema has no aws_instance


@given(st.sampled_from(sorted(META_ARGUMENTS)), st.booleans())
def test_meta_arguments_are_never_reported(name: str, as_block: bool) -> None:
    value = "aws" if name == "provider" else "null"
    item = f"  {name} {{\n  }}\n" if as_block else f"  {name} = {value}\n"
    text = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n' + item + "}\n"
    schemas, tree = _schemas(text)
    block = next(tree.blocks("resource"))
    found = schemas.for_block(block)
    assert found is not None
    assert list(check_block(block, found)) == []


def test_schema_findings_skip_override_files() -> None:
    module = TerraformModule.from_texts(
        Path("m"), {Path("m/main_override.tf"): 'resource "aws_db_instance" "db" {\n  engine = "x"\n}\n'}
    )
    assert list(schema_findings(module, [], {"missing"})) == []
    module = TerraformModule.from_texts(
        Path("m"), {Path("m/main.tf"): 'resource "aws_db_instance" "db" {\n  engine = "x"\n}\n'}
    )
    assert [f.name for _, f in schema_findings(module, [], {"missing"})] == ["instance_class"]


def test_config_key_and_command_line_option(tmp_path: Path) -> None:
    (tmp_path / "schema.json").write_bytes((FIXTURES / "deprecations.json").read_bytes())
    (tmp_path / "main.tf").write_text('resource "random_password" "p" {\n  length = 10\n  number = true\n}\n', "utf-8")
    (tmp_path / ".tffix.toml").write_text('provider-schemas = ["schema.json"]\n', "utf-8")
    config = load_config(tmp_path / ".tffix.toml")
    assert config.provider_schemas == (str((tmp_path / "schema.json").resolve()),)
    runner = CliRunner()
    args = ["check", "--no-cache", "--select", "TFX405", str(tmp_path)]
    assert "TFX405" in runner.invoke(main, args).output
    isolated = runner.invoke(main, ["check", "--isolated", "--no-cache", "--select", "TFX405", str(tmp_path)])
    assert "TFX405" not in isolated.output
    given_file = runner.invoke(
        main, [*args[:-1], "--isolated", "--provider-schema", str(tmp_path / "schema.json"), str(tmp_path)]
    )
    assert "TFX405" in given_file.output
    (tmp_path / "schema.json").write_text("{", "utf-8")
    with pytest.raises(ConfigError, match="provider-schemas"):
        load_config(tmp_path / ".tffix.toml")
    refused = runner.invoke(
        main,
        ["check", "--isolated", "--select", "TFX4", "--provider-schema", str(tmp_path / "schema.json"), str(tmp_path)],
    )
    assert refused.exit_code == 2 and "not JSON" in refused.output and "Traceback" not in refused.output


# -- what the schema checks read (issue 21, default-on) --------------------------


def _kinds(files: dict[str, str], schema_files: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    module = TerraformModule.from_texts(Path("m"), {Path("m") / name: text for name, text in files.items()})
    return [(f.kind, f.name) for _, f in schema_findings(module, schema_files, {"missing", "unknown-argument"})]


DB = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n'


def test_a_block_an_override_file_merges_into_is_not_missing_anything() -> None:
    assert _kinds({"main.tf": DB}) == [("missing", "instance_class")]
    override = 'resource "aws_db_instance" "db" {\n  instance_class = "db.t3.micro"\n}\n'
    assert _kinds({"main.tf": DB, "override.tf": override}) == []


def test_an_escaping_block_holds_the_resources_own_arguments() -> None:
    text = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n\n  _ {\n    instance_class = "db.t3.micro"\n  }\n}\n'
    assert _kinds({"main.tf": text}) == []


def test_a_computed_only_attribute_is_no_argument_but_id_is() -> None:
    text = 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  arn = "x"\n  id  = "y"\n}\n'
    assert _kinds({"main.tf": text}) == [("unknown-argument", "arn")]


def test_the_findings_of_one_module_are_kept_per_schema_file_choice() -> None:
    module = TerraformModule.from_texts(Path("m"), {Path("m/main.tf"): DB})
    first = list(schema_findings(module, (), {"missing"}))
    user = str(ROOT / "tests" / "fixtures" / "schemas" / "exports.json")
    assert [f.name for _, f in first] == ["instance_class"]
    # the user's schema has no aws_db_instance: its provider (azurerm, google) is all it knows
    assert [f.name for _, f in schema_findings(module, (user,), {"missing"})] == ["instance_class"]


def test_snapshots_built_from_packages_list_computed_attributes() -> None:
    aws = bundled("aws", "6.25.0")
    assert aws is not None and aws.exports
    instance = aws.block("resource", "aws_instance")
    assert instance is not None
    assert instance.attributes["public_ip"].computed and not instance.attributes["public_ip"].settable
    assert instance.blocks["root_block_device"].block.attributes["volume_id"].computed
    null = bundled("null")
    assert null is not None
    data = null.block("data", "null_data_source")
    assert data is not None and "outputs" in data.attributes
