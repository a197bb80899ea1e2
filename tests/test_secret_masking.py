"""No output ever shows a secret a finding is about (issue 22, item 1).

A module full of hard-coded secrets (AWS, Azure, Google; a provider key, a
variable default, a Lambda environment, a boot script, a private key, a URL
password, and a password another rule reports too) is run through every
output format of `tffix check` and `tffix apply --diff`, with and without
the result cache, through standard input, and through the language server;
none of the outputs may contain any secret, and each must show the mask.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from test_lsp import Session, session, whole

from tffix.cli.report import OUTPUT_FORMATS
from tffix.diagnostics import MASK, Diagnostic, mask

#: every secret in MAIN, as written
SECRETS = (
    "AKIAQWERTYUIOPASDFGH",
    "wJalrXUtnFEMIK7MDENGbPxRfiCYzzKEYabc1234",
    "hunter2hunter2",
    "Sup3r/S3cret@rds",
    "lambdaSecret99",
    "urlSecret77",
    "scriptSecret42",
    "AzureP@ssw0rd123",
    "GcpSqlPassw0rd!",
    "MIIEowIBAAKCAQEAx7secretkeybodyline0123456789abcdefghijkl",
)

MAIN = """\
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAQWERTYUIOPASDFGH"
  secret_key = "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"
}

variable "db_password" {
  type    = string
  default = "hunter2hunter2"
}

resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "app"
  password = "Sup3r/S3cret@rds"
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"

  environment {
    variables = {
      DB_PASSWORD  = "lambdaSecret99"
      DATABASE_URL = "postgres://app:urlSecret77@db.internal:5432/app"
    }
  }
}

resource "aws_instance" "web" {
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_PASSWORD=scriptSecret42
  EOT
}

resource "azurerm_linux_virtual_machine" "vm" {
  admin_username = "azureuser"
  admin_password = "AzureP@ssw0rd123"
}

resource "google_sql_user" "app" {
  name     = "app"
  instance = "main"
  password = "GcpSqlPassw0rd!"
}

locals {
  deploy_key = <<-EOT
    -----BEGIN RSA PRIVATE KEY-----
    MIIEowIBAAKCAQEAx7secretkeybodyline0123456789abcdefghijkl
    -----END RSA PRIVATE KEY-----
  EOT
}
"""


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture
def module(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text(MAIN, encoding="utf-8")
    return tmp_path


def test_the_module_holds_every_secret_and_the_rule_finds_them(module: Path) -> None:
    result = run_cli("check", "--no-cache", "--format", "json", "--select", "TFX122", str(module))
    assert result.exit_code == 1
    assert result.output.count('"code": "TFX122"') == len(SECRETS)  # one finding a secret
    assert _leaks(MAIN) == list(SECRETS)


@pytest.mark.parametrize("output_format", OUTPUT_FORMATS)
@pytest.mark.parametrize(
    "command",
    [
        ("check", "--select", "ALL"),
        ("check", "--select", "ALL", "--show-fixes", "--unsafe-fixes"),
        ("check", "--select", "TFX122,TFX112", "--color", "always"),
        ("apply", "--diff", "--unsafe-fixes", "--select", "ALL"),
        ("apply", "--diff", "--select", "ALL"),
    ],
    ids=["check", "show-fixes", "colour", "diff-unsafe", "diff"],
)
def test_no_output_format_shows_a_secret(
    module: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
    output_format: str, command: tuple[str, ...],
) -> None:  # fmt: skip
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for attempt in ("cold", "cached"):
        result = run_cli(*command, "--format", output_format, str(module))
        assert result.exit_code in (0, 1), result.output
        assert _leaks(result.output) == [], (attempt, result.output)
        # a finding about a hard-coded value shows the mask (when any is left to show)
        assert "hard-coded" not in result.output or MASK in result.output, result.output
    if command[0] == "check":
        assert "hard-coded" in result.output
    assert (module / "main.tf").read_text(encoding="utf-8") == MAIN  # nothing written


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
@pytest.mark.parametrize("command", [("check",), ("apply", "--diff", "--unsafe-fixes")])
def test_standard_input_shows_no_secret(module: Path, output_format: str, command: tuple[str, ...]) -> None:
    result = run_cli(
        *command, "--no-cache", "--select", "ALL", "--format", output_format,
        "--stdin-filename", str(module / "main.tf"), "-", stdin=MAIN,
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    assert _leaks(result.output) == [], result.output


def test_a_fixed_buffer_is_the_file_and_keeps_what_no_fix_removed(module: Path) -> None:
    """`apply -` prints the fixed buffer itself (an editor replaces its text
    with it): the secrets no fix removes stay, as in the file; the findings
    on standard error are masked."""
    result = run_cli(
        "apply", "--no-cache", "--unsafe-fixes", "--select", "TFX122",
        "--stdin-filename", str(module / "main.tf"), "-", stdin=MAIN,
    )  # fmt: skip
    fixed = result.stdout
    assert "hunter2hunter2" not in fixed and "AzureP@ssw0rd123" not in fixed  # fixed: gone from the code
    assert "MIIEowIBAAKCAQEAx7secretkeybodyline0123456789abcdefghijkl" in fixed  # a key: reported, no fix
    assert _leaks(result.stderr) == []


def test_mask_replaces_whole_secrets_only() -> None:
    assert mask('password = "admin1"', ["admin1"]) == 'password = "****"'
    assert mask("admin12 admin1", ["admin1"]) == "admin12 ****"
    assert mask("a secret: s3cr3t/x", ["s3cr3t/x", "s3cr3t"]) == "a secret: ****"
    assert mask("nothing here", []) == "nothing here"
    assert mask("-p@ss-", ["p@ss-"]) == "-****"


def test_the_result_cache_keeps_a_findings_secrets() -> None:
    from tffix.engine.run_data import _diagnostic, _diagnostic_to_data
    from tffix.rules.base import Severity

    diag = Diagnostic("TFX122", "hardcoded-secret", Severity.WARNING, "m", Path("a.tf"), (1, 1), (1, 2), (0, 1),
                      None, ("s3cr3t!",))  # fmt: skip
    assert _diagnostic(_diagnostic_to_data(diag)) == diag


def test_the_language_server_shows_no_secret(module: Path) -> None:
    async def scenario(s: Session) -> None:
        uri = s.open(module / "main.tf", MAIN)
        diagnostics = await s.diagnostics(uri)
        assert sum(d.code == "TFX122" for d in diagnostics) == len(SECRETS)
        shown = repr([(d.message, d.data) for d in diagnostics])
        assert _leaks(shown) == [] and MASK in shown
        actions = await s.code_actions(uri, whole(MAIN))
        titles = [a.title for a in actions]
        assert any("sensitive variable" in title for title in titles)
        assert _leaks(repr(titles)) == []
        for action in actions:
            if action.diagnostics:
                assert _leaks(repr([(d.message, d.data) for d in action.diagnostics])) == []
            # an edit replaces the secret; it never writes it back (the buffer holds it already)
            assert _leaks(repr(action.edit)) == [], action.title
        assert any("var.db_password" in repr(a.edit) or "manage_master_user_password" in repr(a.edit) for a in actions)

    assert session(scenario, module, options={"unsafeFixes": True, "select": ["ALL"]}) is not None


def test_a_fix_whose_text_would_show_a_secret_is_withheld(tmp_path: Path) -> None:
    """TFX105 adds `skip_final_snapshot` and realigns the block, password line
    included: SARIF's whole-line replacement would echo the password, so the
    log leaves that fix out (and says so) rather than mask it into a wrong one."""
    (tmp_path / "main.tf").write_text(
        'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  password = "Sup3rS3cret!"\n}\n', encoding="utf-8"
    )
    result = run_cli("check", "--no-cache", "--unsafe-fixes", "--profile", "ephemeral", "--select", "TFX105,TFX122",
                     "--format", "sarif",
                     str(tmp_path))  # fmt: skip
    results = json.loads(result.stdout)["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert "fixes" not in by_rule["TFX105"] and by_rule["TFX105"]["properties"]["fixWithheld"]
    assert "fixes" in by_rule["TFX122"]  # its own fix replaces the password: nothing to hide
    assert "Sup3rS3cret!" not in result.stdout


#: secrets inside text: a Helm values heredoc (YAML), an ECS container definition (JSON) and a
#: Kubernetes env block
TEXT_SECRETS = ("HelmY4mlSecret", "EcsJs0nSecret", "K8sEnvT0kenValue")
TEXT_MODULE = """\
resource "helm_release" "db" {
  name = "db"
  values = [<<-YAML
    auth:
      adminPassword: HelmY4mlSecret
    YAML
  ]
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<-JSON
    [{"name": "app", "environment": [{"name": "DB_PASSWORD", "value": "EcsJs0nSecret"}]}]
  JSON
}

resource "kubernetes_deployment" "app" {
  spec {
    template {
      spec {
        container {
          env {
            name  = "API_TOKEN"
            value = "K8sEnvT0kenValue"
          }
        }
      }
    }
  }
}
"""


@pytest.mark.parametrize("output_format", OUTPUT_FORMATS)
@pytest.mark.parametrize(
    "command", [("check", "--show-fixes", "--unsafe-fixes"), ("apply", "--diff", "--unsafe-fixes")], ids=str
)
def test_secrets_inside_text_are_masked_in_every_format(
    tmp_path: Path, output_format: str, command: tuple[str, ...]
) -> None:
    (tmp_path / "main.tf").write_text(TEXT_MODULE, encoding="utf-8")
    result = run_cli(*command, "--no-cache", "--select", "TFX122", "--format", output_format, str(tmp_path))
    assert result.exit_code == 1, result.output
    assert [s for s in TEXT_SECRETS if s in result.output] == [], result.output
    if command[0] == "check":
        assert result.output.count(MASK) >= len(TEXT_SECRETS), result.output
