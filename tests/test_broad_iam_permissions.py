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


ROLE = (
    'resource "aws_iam_role" "r" {{\n  assume_role_policy = jsonencode({{ Statement = [{{ Action = "sts:AssumeRole",'
    " Principal = {principal} }}] }})\n}}\n\n"
    'resource "aws_iam_role_policy" "p" {{\n  role   = {role}\n'
    '  policy = jsonencode({{ Statement = [{{ Action = {actions}, Resource = "*" }}] }})\n}}\n'
)


def _fixes(text: str) -> list[str | None]:
    found = run({"main.tf": text}, Settings(select=("TFX123",), unsafe_fixes=True), fix=False).remaining
    return [d.fix.message if d.fix else None for d in found]


@pytest.mark.parametrize(
    ("principal", "role", "actions", "fixed"),
    [
        ('{ Service = "lambda.amazonaws.com" }', "aws_iam_role.r.id", '"logs:*"', True),
        ('{ Service = "lambda.amazonaws.com" }', "aws_iam_role.r.name", '["logs:*", "s3:GetObject"]', True),
        ('{ Service = "vpc-flow-logs.amazonaws.com" }', "aws_iam_role.r.id", '["logs:*"]', True),
        # what the code of the function needs is not in the module
        ('{ Service = "lambda.amazonaws.com" }', "aws_iam_role.r.id", '"s3:*"', False),
        ('{ Service = "lambda.amazonaws.com" }', "aws_iam_role.r.id", '["logs:*", "s3:*"]', False),
        # a service whose needs tffix does not know, two services, people too
        ('{ Service = "ecs-tasks.amazonaws.com" }', "aws_iam_role.r.id", '"logs:*"', False),
        ('{ Service = ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }', "aws_iam_role.r.id", '"logs:*"', False),
        ('{ Service = "lambda.amazonaws.com", AWS = "arn:aws:iam::111122223333:root" }', "aws_iam_role.r.id",
         '"logs:*"', False),
        # a role the module does not declare
        ('{ Service = "lambda.amazonaws.com" }', "var.role", '"logs:*"', False),
        ('{ Service = "lambda.amazonaws.com" }', "aws_iam_role.other.id", '"logs:*"', False),
    ],
)  # fmt: skip
def test_log_wildcards_are_narrowed_only_for_a_role_one_known_service_assumes(
    principal: str, role: str, actions: str, fixed: bool
) -> None:
    fixes = _fixes(ROLE.format(principal=principal, role=role, actions=actions))
    assert len(fixes) == 1
    assert (fixes[0] is not None) == fixed, fixes
