"""TFX123 broad-iam-permissions: which actions, resources and managed
policies count as broad, the shared policy reader it uses with TFX116, and
the peers' suppressions."""

from __future__ import annotations

import pytest
from conftest import run_cli
from rule_harness import run

from tffix.api import parse_module, policy_statements, walk
from tffix.settings import Settings

STATEMENT = (
    'data "aws_iam_policy_document" "a" {{\n  statement {{\n    effect    = "{effect}"\n'
    "    actions   = {actions}\n    resources = {resources}\n  }}{comment}\n}}\n"
)


def _messages(text: str) -> list[str]:
    return [d.message for d in run({"main.tf": text}, Settings(select=("TFX123",)), fix=False).remaining]


@pytest.mark.parametrize(
    ("effect", "actions", "resources", "reported"),
    [
        ("Allow", '["*"]', '["*"]', True),
        ("Allow", '["s3:*"]', '["*"]', True),
        ("Allow", '["*:*"]', '["*"]', True),
        ("Allow", '["s3:Get*", "s3:List*"]', '["*"]', False),
        ("Allow", '["s3:GetObject"]', '["*"]', False),
        ("Allow", '["s3:*"]', "[aws_s3_bucket.b.arn]", False),
        ("Allow", '["s3:*"]', '["arn:aws:s3:::b/*"]', False),
        ("Deny", '["*"]', '["*"]', False),
        ("Allow", '["${var.service}:*"]', '["*"]', False),
    ],
)
def test_statements(effect: str, actions: str, resources: str, reported: bool) -> None:
    text = STATEMENT.format(effect=effect, actions=actions, resources=resources, comment="")
    assert len(_messages(text)) == int(reported)


@pytest.mark.parametrize(
    ("arn", "reported"),
    [
        ("arn:aws:iam::aws:policy/AdministratorAccess", True),
        ("arn:aws-us-gov:iam::aws:policy/AmazonEC2FullAccess", True),
        ("arn:${data.aws_partition.current.partition}:iam::aws:policy/AWSLambda_FullAccess", True),
        ("arn:aws:iam::aws:policy/PowerUserAccess", True),
        ("arn:aws:iam::aws:policy/ReadOnlyAccess", False),
        ("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", False),
        ("arn:aws:iam::111122223333:policy/AdministratorAccess", False),  # a customer policy of that name
    ],
)
def test_managed_policies(arn: str, reported: bool) -> None:
    text = f'resource "aws_iam_role_policy_attachment" "a" {{\n  policy_arn = "{arn}"\n}}\n'
    assert len(_messages(text)) == int(reported)


def test_the_policy_reader_reads_all_three_spellings() -> None:
    text = (
        'resource "aws_iam_policy" "j" {\n  policy = jsonencode({ Statement = [{ Action = "s3:*", Resource = "*" }] })\n}\n'
        'resource "aws_iam_policy" "h" {\n  policy = <<EOF\n{"Statement": {"Effect": "Allow", "Action": "sqs:*",'
        ' "Resource": "${aws_sqs_queue.q.arn}"}}\nEOF\n}\n'
        'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["sns:*"]\n    resources = ["*"]\n'
        '    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\n'
    )
    statements = [s for node in walk(parse_module(text)) for s in policy_statements(node)]
    assert [(s.actions, s.resources, s.principals) for s in statements] == [
        (["s3:*"], ["*"], False),
        (["sqs:*"], ["${...}"], False),
        (["sns:*"], ["*"], True),
    ]


@pytest.mark.parametrize(
    "comment", [" # checkov:skip=CKV_AWS_49:admin", " # trivy:ignore:AVD-AWS-0057", " # tffix:ignore TFX123"]
)
def test_peer_suppressions(comment: str) -> None:
    text = 'resource "aws_iam_role_policy_attachment" "a" {{\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"{c}\n}}\n'
    assert len(_messages(text.format(c=""))) == 1
    assert _messages(text.format(c=comment)) == []


def test_explain_names_the_peers() -> None:
    result = run_cli("explain", "broad-iam-permissions")
    assert result.exit_code == 0 and "CKV_AWS_62" in result.output and "AVD-AWS-0057" in result.output
