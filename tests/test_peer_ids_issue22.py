"""The peer IDs of issue 22's rules (TFX119, TFX122, TFX123): each one's
suppression comment silences the matching rule, and only it, and `tffix
explain` names every one. The IDs themselves were checked against checkov's
and trivy-checks' sources (see the comment above them in PEERS)."""

from __future__ import annotations

import pytest
from conftest import run_cli
from rule_harness import run

from tffix.context.suppressions import PEERS
from tffix.settings import Settings

#: one finding of each rule, with `{c}` where a comment goes (the end of the finding's line)
FINDINGS = {
    "TFX119": (
        'resource "aws_security_group_rule" "a" {{\n  type        = "ingress"\n  from_port   = 22\n'
        '  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]{c}\n}}\n'
    ),
    "TFX122": 'resource "google_sql_user" "a" {{\n  name     = "app"\n  password = "Sup3rS3cret!"{c}\n}}\n',
    "TFX123": (
        'resource "aws_iam_role_policy_attachment" "a" {{\n'
        '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"{c}\n}}\n'
    ),
}
CASES = [(code, peer) for code in FINDINGS for peer in PEERS[code]]


def _codes(text: str) -> list[str]:
    settings = Settings(select=tuple(FINDINGS))
    return [d.code for d in run({"main.tf": text}, settings, fix=False).remaining]


def _comment(peer: str) -> str:
    return f"  # checkov:skip={peer}:accepted" if peer.startswith("CKV") else f"  # trivy:ignore:{peer}"


@pytest.mark.parametrize(("code", "peer"), CASES, ids=[f"{c}-{p}" for c, p in CASES])
def test_each_peer_id_suppresses_its_rule_only(code: str, peer: str) -> None:
    assert _codes(FINDINGS[code].format(c="")) == [code]
    assert _codes(FINDINGS[code].format(c=_comment(peer))) == []
    for other, text in FINDINGS.items():
        if other != code and peer not in PEERS[other]:
            assert _codes(text.format(c=_comment(peer))) == [other], (peer, other)


@pytest.mark.parametrize("peer", ["AWS-0107", "AWS-0057"])
def test_trivys_own_spelling_without_the_avd_prefix(peer: str) -> None:
    code = "TFX119" if peer == "AWS-0107" else "TFX123"
    assert _codes(FINDINGS[code].format(c=f"  # trivy:ignore:{peer}")) == []


@pytest.mark.parametrize("code", list(FINDINGS))
def test_explain_names_every_peer(code: str) -> None:
    result = run_cli("explain", code)
    assert result.exit_code == 0
    assert [peer for peer in PEERS[code] if f"`{peer}`" not in result.output] == []
