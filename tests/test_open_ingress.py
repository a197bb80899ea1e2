"""TFX119 open-ingress: which port specs count as exposed, and that the
peers' suppressions (checkov, trivy) silence it."""

from __future__ import annotations

import pytest
from rule_harness import run

from tffix.settings import Settings

RULE = (
    'resource "aws_security_group_rule" "a" {{\n  type        = "ingress"\n  from_port   = {low}\n'
    '  to_port     = {high}\n  protocol    = "{protocol}"\n  cidr_blocks = ["0.0.0.0/0"]{comment}\n}}\n'
)
FIREWALL = (
    'resource "google_compute_firewall" "a" {{\n  {direction}allow {{\n    protocol = "tcp"\n    ports    = {ports}\n'
    '  }}\n  source_ranges = ["0.0.0.0/0"]\n}}\n'
)


def _messages(text: str) -> list[str]:
    return [d.message for d in run({"main.tf": text}, Settings(select=("TFX119",)), fix=False).remaining]


@pytest.mark.parametrize(
    ("low", "high", "protocol", "reported"),
    [
        (22, 22, "tcp", "SSH (port 22)"),
        ('"3389"', '"3389"', "6", "RDP (port 3389)"),
        (20, 25, "tcp", "SSH (port 20-25)"),
        (0, 65535, "tcp", "every port (0-65535)"),
        (0, 0, "-1", "every port and protocol"),
        (0, 0, "all", "every port and protocol"),
        (6379, 6379, "tcp", "Redis (port 6379)"),
        (80, 80, "tcp", None),
        (443, 443, "tcp", None),
        (8080, 8443, "tcp", None),
        (8, 0, "icmp", None),
        (-1, -1, "icmpv6", None),
    ],
)
def test_aws_port_ranges(low: object, high: object, protocol: str, reported: str | None) -> None:
    messages = _messages(RULE.format(low=low, high=high, protocol=protocol, comment=""))
    if reported is None:
        assert messages == []
    else:
        assert len(messages) == 1 and reported in messages[0]


@pytest.mark.parametrize(
    ("direction", "ports", "reported"),
    [
        ("", '["22"]', "SSH"),
        ("", '["1000-2000"]', "SQL Server"),
        ("", '[3306, "443"]', "MySQL"),
        ("", '["80", "443", "8080"]', None),
        ('direction = "EGRESS"\n  ', '["22"]', None),
    ],
)
def test_google_ports(direction: str, ports: str, reported: str | None) -> None:
    messages = _messages(FIREWALL.format(direction=direction, ports=ports))
    assert (messages == []) if reported is None else (len(messages) == 1 and reported in messages[0])


@pytest.mark.parametrize(
    "comment",
    [" # checkov:skip=CKV_AWS_24:bastion", " # trivy:ignore:AVD-AWS-0107", " # tffix:ignore open-ingress"],
)
def test_peer_suppressions(comment: str) -> None:
    assert len(_messages(RULE.format(low=22, high=22, protocol="tcp", comment=""))) == 1
    assert _messages(RULE.format(low=22, high=22, protocol="tcp", comment=comment)) == []


@pytest.mark.parametrize(
    ("value", "reported"),
    [
        ('[{ from_port = 0, to_port = 0, protocol = "-1", cidr_blocks = ["0.0.0.0/0"] }]', "every port and protocol"),
        ('[{ from_port = 22, to_port = 22, protocol = "tcp", ipv6_cidr_blocks = ["::/0"] }]', "SSH (port 22)"),
        ('[{ from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = ["10.0.0.0/8"] }]', None),
        ('[{ from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = var.open }]', None),
        ("[for r in var.rules : r]", None),
        ("var.ingress_rules", None),
        ("[local.rule]", None),
    ],
)
def test_ingress_written_as_a_list_attribute(value: str, reported: str | None) -> None:
    text = f'resource "aws_security_group" "a" {{\n  ingress = {value}\n}}\n'
    messages = _messages(text)
    assert (messages == []) if reported is None else (len(messages) == 1 and reported in messages[0])
    # the same objects as egress are never read
    assert _messages(text.replace("ingress =", "egress =")) == []
