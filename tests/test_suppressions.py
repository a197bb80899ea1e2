"""Suppression comments: where they apply, the peers' forms, expiry, and
the TFX001 report of unused, expired and misplaced ones."""

from __future__ import annotations

import pytest
from rule_harness import outputs, run

from tffix.settings import Settings

TAG = '  tags = {\n    Environment = "prod"%s\n  }\n'


def _bucket(inside: str, above: str = "") -> str:
    return f'{above}resource "aws_s3_bucket" "a" {{\n{inside}}}\n'


def _codes(text: str, *select: str) -> list[str]:
    settings = Settings(select=select or ("TFX001", "TFX101"))
    return [d.code for d in run({"main.tf": text}, settings, fix=False).remaining]


@pytest.mark.parametrize("style", ["# tffix:ignore TFX101", "// tffix:ignore TFX101", "/* tffix:ignore TFX101 */"])
def test_trailing_comment_in_every_style(style: str) -> None:
    assert _codes(_bucket(TAG % f" {style}")) == []


def test_comment_above_the_item_covers_all_of_it() -> None:
    above = "  # tffix:ignore hardcoded-environment-tag -- fixed by the platform team\n"
    assert _codes(_bucket(above + TAG % "")) == []
    assert _codes(_bucket(TAG % ""), "TFX101") == ["TFX101"]
    assert _codes(_bucket(TAG % "", above="# tffix:ignore TFX101\n# more words\n")) == []


def test_a_blank_line_ends_the_reach() -> None:
    text = _bucket(TAG % "", above="# tffix:ignore TFX101\n\n")
    assert _codes(text) == ["TFX001", "TFX101"]


def test_ignore_file_at_the_top_and_misplaced() -> None:
    assert _codes("# tffix:ignore-file TFX101\n" + _bucket(TAG % "")) == []
    late = _bucket(TAG % "") + "\n# tffix:ignore-file TFX101\n"
    assert sorted(_codes(late)) == ["TFX001", "TFX101"]


def test_all_and_unknown_codes() -> None:
    assert _codes(_bucket(TAG % " # tffix:ignore all")) == []
    assert _codes(_bucket(TAG % " # tffix:ignore TFX102")) == ["TFX101"]  # TFX102 did not run: not unused


def test_names_unknown_codes_and_empty_entries_in_one_list() -> None:
    # a name resolves to its code; neither an unknown code nor a trailing
    # comma stops the rest of the list from applying; the unknown code is
    # reported (it was silently kept before issue 19)
    assert _codes(_bucket(TAG % " # tffix:ignore hardcoded-environment-tag, TFX999,")) == ["TFX001"]


def _messages(text: str) -> list[str]:
    settings = Settings(select=("TFX001", "TFX101"))
    return [d.message for d in run({"main.tf": text}, settings, fix=False).remaining if d.code == "TFX001"]


@pytest.mark.parametrize(
    ("comment", "says"),
    [
        ("# tffix:ignore", "`tffix:ignore` names no rule"),
        ("# tffix:ignore -- the reason alone", "`tffix:ignore` names no rule"),
        ("// tffix:ignore-file", "`tffix:ignore-file` names no rule"),
        ("# tffix:ignore TFX999", "suppression names unknown rule TFX999"),
        ("# tffix:ignore no-such-rule", "suppression names unknown rule no-such-rule"),
        ("# tffix: ignore TFX101", "`tffix: ignore` is not read as a suppression: the form is `tffix:ignore CODE`"),
        ("# tffix :ignore TFX101", "`tffix :ignore` is not read as a suppression"),
        ("/* tffix-ignore TFX101 */", "`tffix-ignore` is not read as a suppression"),
        ("# tffix:ignore:TFX101", "`tffix:ignore:TFX101` is not read as a suppression"),
        ("# TFFIX: IGNORE-FILE TFX101", "the form is `tffix:ignore-file CODE`"),
    ],
)
def test_suppressions_that_do_nothing_are_reported(comment: str, says: str) -> None:
    text = _bucket(TAG % f" {comment}")
    assert _codes(text) == ["TFX101", "TFX001"] or sorted(_codes(text)) == ["TFX001", "TFX101"]
    [message] = _messages(text)
    assert says in message


def test_prose_about_tffix_is_not_a_near_miss() -> None:
    for comment in ("# tffix ignores the bucket name here", "# see the tffix docs", "# tffix:ignored"):
        assert _codes(_bucket(TAG % f" {comment}")) == ["TFX101"]


def test_an_unknown_code_beside_a_used_one_still_suppresses() -> None:
    assert _messages(_bucket(TAG % " # tffix:ignore TFX101, TFX999")) == [
        "suppression names unknown rule TFX999 (see `tffix rules`)"
    ]
    assert _codes(_bucket(TAG % " # tffix:ignore TFX101, TFX999"), "TFX101") == []


def test_comment_above_a_line_with_nested_items_covers_the_outer_one() -> None:
    one_line = '  tags = { Environment = "prod" }\n'
    assert _codes(_bucket(one_line)) == ["TFX101"]
    assert _codes(_bucket("  # tffix:ignore TFX101\n" + one_line)) == []


def test_expiry() -> None:
    assert _codes(_bucket(TAG % " # tffix:ignore TFX101 exp:2999-01-01 -- until the migration")) == []
    expired = _codes(_bucket(TAG % " # tffix:ignore TFX101 exp:2000-01-01"))
    assert sorted(expired) == ["TFX001", "TFX101"]


def test_unused_is_reported_only_for_rules_that_ran() -> None:
    text = _bucket('  bucket = "a" # tffix:ignore TFX101\n')
    assert _codes(text) == ["TFX001"]
    assert _codes(text, "TFX001", "TFX102") == []


def test_peer_comments_for_rules_with_a_peer_id() -> None:
    role = 'resource "aws_iam_role" "a" {\n  name                = "a"\n  managed_policy_arns = ["arn:aws:iam::aws:policy/X"]%s\n}\n'
    assert _codes(role % "", "TFX104") == ["TFX104"]
    assert _codes(role % " # tflint-ignore: aws_iam_role_deprecated_policy_attributes", "TFX104") == []
    url = 'resource "aws_lambda_function_url" "a" {\n  authorization_type = "NONE"%s\n  cors {\n    allow_origins = ["*"]\n  }\n}\n'
    assert _codes(url % " #checkov:skip=CKV_AWS_258:public webhook", "TFX111") == []
    assert _codes(url % " #trivy:ignore:AVD-AWS-0001", "TFX111") == ["TFX111"]  # no mapped peer: no effect


def test_text_in_strings_is_not_a_comment() -> None:
    text = _bucket('  bucket = "# tffix:ignore TFX101"\n' + TAG % "")
    assert _codes(text) == ["TFX101"]


def test_suppressed_findings_are_not_fixed() -> None:
    text = _bucket(TAG % " # tffix:ignore TFX101") + '\nvariable "environment" {\n  default = "prod"\n}\n'
    assert outputs(run({"main.tf": text}, Settings(select=("TFX101",))))["main.tf"] == text


def test_tflint_ignore_all_covers_the_rules_tflint_has() -> None:
    text = "locals {\n  a = var.m.0 # tflint-ignore: all\n  b = var.m.1\n}\n"
    assert _codes(text, "TFX201") == ["TFX201"]  # only line 3's
    tagged = _bucket(TAG % " # tflint-ignore: all")
    assert _codes(tagged, "TFX101") == ["TFX101"]  # a tffix rule without a tflint peer is not tflint's
