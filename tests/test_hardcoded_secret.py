"""TFX122 hardcoded-secret: which names and values count as secrets, that
findings carry their secrets for masking, and that the peers' suppressions
(checkov, trivy) silence it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st
from rule_harness import run

from tffix.cli.report import OUTPUT_FORMATS
from tffix.rules.hardcoded_secret import secret_name
from tffix.settings import Settings


def _found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.message, d.secrets) for d in run({"main.tf": text}, Settings(select=("TFX122",)), fix=False).remaining]


@pytest.mark.parametrize(
    "name",
    [
        "password", "master_password", "admin_password", "administrator_login_password", "secret", "client_secret",
        "token", "auth_token", "api_key", "private_key", "access_key", "secret_key", "storage_account_access_key",
        "DB_PASSWORD", "JWT_SECRET", "STRIPE_API_KEY", "password_wo", "secret_string", "shared_key", "passphrase",
    ],
)  # fmt: skip
def test_secret_names(name: str) -> None:
    assert secret_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "password_length", "secret_arn", "token_url", "kms_key_id", "db_secret_name", "manage_master_user_password",
        "creation_token", "client_token", "public_key", "key_name", "ssh_public_key", "enable_token",
        "secret_id", "password_policy", "token_ttl", "secret_version", "passwords", "keyword",
    ],
)  # fmt: skip
def test_names_that_hold_no_secret(name: str) -> None:
    assert not secret_name(name)


@pytest.mark.parametrize(
    ("value", "reported"),
    [
        ('"Sup3rS3cret!"', True),
        ('"admin1234"', True),
        ('"CHANGE_ME"', False),  # a placeholder: TFX120's
        ('"<db-password>"', False),
        ('""', False),
        ('"abc"', False),  # too short to be a credential
        ('"password"', False),  # an obvious dummy
        ('"secret"', False),
        ("var.db_password", False),
        ("random_password.db.result", False),
        ('"${random_password.db.result}"', False),
        ('"pre-${var.suffix}"', False),
        ("true", False),
        ("42", False),
        ('"arn:aws:secretsmanager:us-east-1:111122223333:secret:db"', False),
        ('"~/.ssh/id_rsa"', False),
    ],
)
def test_values(value: str, reported: bool) -> None:
    found = _found(f'resource "aws_db_instance" "a" {{\n  password = {value}\n}}\n')
    assert len(found) == int(reported)


def test_findings_carry_the_secret_as_written_and_as_it_reads() -> None:
    ((message, secrets),) = _found('resource "x" "a" {\n  token = "tok\\"en-1234"\n}\n')
    assert 'tok"en-1234' in secrets and 'tok\\"en-1234' in secrets
    assert 'tok"en-1234' not in message and '"****"' in message


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters='"\\$%'),
               min_size=8, max_size=30))  # fmt: skip
def test_no_message_depends_on_the_secret(value: str) -> None:
    (reference,) = _found('resource "x" "a" {\n  client_secret = "s3cr3t-value"\n}\n')
    for message, secrets in _found(f'resource "x" "a" {{\n  client_secret = "{value}"\n}}\n'):
        assert message == reference[0] and value in secrets


@pytest.mark.parametrize(
    "comment",
    [" # checkov:skip=CKV_AWS_41:legacy", " # trivy:ignore:AVD-AWS-0029", " # tffix:ignore hardcoded-secret"],
)
def test_peer_suppressions(comment: str) -> None:
    text = 'provider "aws" {{\n  access_key = "AKIAZ7QW3ERTY5UIOP2L"{comment}\n}}\n'
    assert len(_found(text.format(comment=""))) == 1
    assert _found(text.format(comment=comment)) == []


def test_explain_names_the_peers() -> None:
    result = run_cli("explain", "TFX122")
    assert result.exit_code == 0
    assert "## Peer IDs" in result.output and "CKV_AWS_41" in result.output and "AVD-AWS-0029" in result.output


#: the schema-sensitive golden case: each value is a secret only because the schema says so
SCHEMA_CASE = Path(__file__).parent.parent / "golden" / "hardcoded-secret" / "schema_sensitive_arguments_unsafe"
SCHEMA_FILE = Path(__file__).parent / "fixtures" / "schemas" / "sensitive.json"
SCHEMA_SECRETS = ("YWRtaW46c3VwZXJzZWNyZXQ=", "ZGV2OmRldnNlY3JldDQy", "ghs_8Yq2RkL0w3nPzT5v", "k8sDsnValue-7731")


def test_without_the_users_schema_sensitive_arguments_are_not_known() -> None:
    """The shipped snapshots do not record `sensitive`: of the case's values,
    none named like a secret, only the GitHub secret's `plaintext_value`
    (a secret by its resource) is reported without a schema file."""
    result = run_cli(
        "check", "--isolated", "--no-cache", "--select", "TFX122", "--format", "concise", str(SCHEMA_CASE / "before")
    )
    assert result.exit_code == 1, result.output
    assert [line.split(": ", 1)[1] for line in result.output.splitlines() if "TFX122" in line] == [
        (
            'TFX122 github_actions_secret.deploy: plaintext_value is a hard-coded secret ("****"); '
            "pass it in as the sensitive var.deploy_plaintext_value"
        )
    ]


@pytest.mark.parametrize("output_format", OUTPUT_FORMATS)
@pytest.mark.parametrize("command", [("check", "--show-fixes"), ("apply", "--diff")])
def test_schema_sensitive_secrets_are_masked_everywhere(
    tmp_path: Path, output_format: str, command: tuple[str, ...]
) -> None:
    shutil.copytree(SCHEMA_CASE / "before", tmp_path / "m")
    result = run_cli(
        *command, "--isolated", "--no-cache", "--unsafe-fixes", "--select", "TFX122",
        "--provider-schema", str(SCHEMA_FILE), "--format", output_format, str(tmp_path / "m"),
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert [s for s in SCHEMA_SECRETS if s in result.output] == [], result.output
    assert command[0] == "apply" or "****" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "reported"),
    [
        ("adminPassword: Adm1nPassw0rd", True),
        ("password: Adm1nPassw0rd", True),
        ('"db.password": "Adm1nPassw0rd"', True),
        ('{"name": "API_TOKEN", "value": "Adm1nPassw0rd"}', True),
        ("export PGPASSWORD=Adm1nPassw0rd", True),
        ("passwordKey: db-password", False),
        ("existingSecret: db-credentials", False),
        ("password_length: 32", False),
        ('"secretsmanager:VersionStage": "AWSCURRENT"', False),
        ('{"name": "TABLE_NAME", "value": "items-table"}', False),
    ],
)
def test_secrets_in_any_heredoc(line: str, reported: bool) -> None:
    text = f'resource "helm_release" "a" {{\n  values = [<<-EOT\n    {line}\n    EOT\n  ]\n}}\n'
    found = _found(text)
    assert len(found) == (1 if reported else 0), found
    assert all("Adm1nPassw0rd" in secrets for _, secrets in found)


def test_two_secrets_under_one_name_get_two_variables() -> None:
    text = (
        'resource "aws_lambda_function" "a" {\n  environment {\n    variables = { DB_PASSWORD = "first-S3cret" }\n'
        '  }\n}\n\nresource "aws_lambda_function" "b" {\n  environment {\n'
        '    variables = { DB_PASSWORD = "second-S3cret" }\n  }\n}\n'
    )
    messages = [message for message, _ in _found(text)]
    assert [m.rsplit(" ", 1)[-1] for m in messages] == ["var.a_db_password", "var.b_db_password"]
