"""Replacing nodes (`FixBuilder.replace`, `rename`, `wrap`, `transform`):
the edit is the difference, in the file's own style, and every other byte
stays."""

from __future__ import annotations

import re
from typing import Any

import pytest
from rewrite_support import changed_lines, first, rewrite, rewrite_one, terraform_clean

from tffix.cst import nodes as n
from tffix.cst.visitor import Transformer
from tffix.rewrite import parse_attribute, parse_block, parse_expression

CLEAN = 'resource "aws_iam_role_policy" "a" {\n  role   = aws_iam_role.x # exec\n  policy = "{}"\n}\n'
STYLES = {
    "2 spaces": CLEAN,
    "4 spaces": re.sub("(?m)^  ", "    ", CLEAN),
    "8 spaces": re.sub("(?m)^  ", "        ", CLEAN),
    "tabs": re.sub("(?m)^  ", "\t", CLEAN),
    "crlf": CLEAN.replace("\n", "\r\n"),
    "not fmt-clean": CLEAN.replace("role   =", "role =").replace('policy = "{}"', 'policy="{}"'),
}


def attr(file: Any, i: int) -> n.Attribute:
    item = first(file.tree, 0, i)
    assert type(item) is n.Attribute
    return item


@pytest.mark.parametrize("style", list(STYLES))
def test_replacing_an_expression_is_one_insertion(style: str) -> None:
    before = STYLES[style]

    def op(b, f):
        value = attr(f, 0).value
        b.replace(value, parse_expression("{0}.{1}", value, "name"))

    out, edits = rewrite(before, op)
    assert [e.text for e in edits] == [".name"]
    assert out["main.tf"] == before.replace("aws_iam_role.x", "aws_iam_role.x.name")


def test_replacing_an_expression_in_a_clean_file_stays_terraform_clean() -> None:
    after = rewrite_one(CLEAN, lambda b, f: b.replace(attr(f, 1).value, parse_expression("jsonencode({})")))
    assert after == CLEAN.replace('"{}"', "jsonencode({})")
    assert terraform_clean(CLEAN) and terraform_clean(after)


@pytest.mark.parametrize("style", list(STYLES))
def test_rename_changes_only_the_name_and_realigns_in_clean_files(style: str) -> None:
    before = STYLES[style]
    after = rewrite_one(before, lambda b, f: b.rename(attr(f, 0), "role_name"))
    _, new = changed_lines(before, after)
    assert "role_name" in new[0] and "# exec" in new[0]
    if style in ("2 spaces", "crlf"):
        assert terraform_clean(after.replace("\r\n", "\n"))  # the aligned group moves with the longer name
    if style == "not fmt-clean":
        assert new == ["  role_name = aws_iam_role.x # exec\n"]  # the untidy neighbour is not touched
    if style == "tabs":
        assert all(line.startswith("\t") for line in new)
    if style == "4 spaces":
        assert all(line.startswith("    ") and not line.startswith("     ") for line in new)


def test_replacing_an_item_keeps_its_comments_unless_it_brings_its_own() -> None:
    before = "locals {\n  # why\n  a = 1 # note\n}\n"
    kept = rewrite_one(before, lambda b, f: b.replace(first(f.tree, 0, 0), parse_attribute("a = 2")))
    assert kept == "locals {\n  # why\n  a = 2 # note\n}\n"
    own = rewrite_one(before, lambda b, f: b.replace(first(f.tree, 0, 0), parse_attribute("# new\nb = 3 # mine")))
    assert own == "locals {\n  # new\n  b = 3 # mine\n}\n"


def test_wrap_puts_the_expression_in_a_hole() -> None:
    after = rewrite_one(CLEAN, lambda b, f: b.wrap(attr(f, 1).value, "jsonencode({0})"))
    assert 'policy = jsonencode("{}")' in after


class _Upper(Transformer):
    def leave_Literal(self, original: n.Literal, updated: n.Literal) -> n.Node:
        return updated.with_changes(token=updated.token._replace(text="false"))


def test_a_transformer_run_becomes_minimal_edits() -> None:
    before = "locals {\n    a = true\n    b = [\n        true, # one\n    ]\n}\n"
    out, edits = rewrite(before, lambda b, f: b.transform(_Upper()))
    assert out["main.tf"] == before.replace("true", "false")
    assert sorted(e.text for e in edits) == ["fals", "fals"]  # only the differing characters


def test_two_operations_on_one_node_are_refused() -> None:
    def op(b, f):
        value = attr(f, 1).value
        b.replace(value, parse_expression("1"))
        b.replace(value, parse_expression("2"))

    with pytest.raises(ValueError, match="touch"):
        rewrite(CLEAN, op)


def test_wrapping_a_heredoc_keeps_its_closing_marker_on_its_own_line() -> None:
    before = "locals {\n  script = <<-EOT\n    echo hi\n  EOT\n}\n"
    after = rewrite_one(before, lambda b, f: b.wrap(first(f.tree, 0, 0).value, "base64encode({0})"))  # type: ignore[attr-defined]
    assert after == "locals {\n  script = base64encode(<<-EOT\n    echo hi\n  EOT\n  )\n}\n"
    assert terraform_clean(after)


MOVING = 'rule {\n  id     = "x"\n  # the logs\n  prefix = "logs/" # only these\n  status = "Enabled"\n}\n'


@pytest.mark.parametrize("style", ["2 spaces", "4 spaces", "tabs", "crlf"])
def test_an_item_moved_into_a_new_block_keeps_its_comments(style: str) -> None:
    before = {
        "2 spaces": MOVING,
        "4 spaces": re.sub("(?m)^  ", "    ", MOVING),
        "tabs": re.sub("(?m)^  ", "\t", MOVING),
        "crlf": MOVING.replace("\n", "\r\n"),
    }[style]

    def op(b, f):
        prefix = attr(f, 1)
        b.replace(prefix, parse_block("filter {\n}").with_changes(body=n.Body((prefix,))))

    after = rewrite_one(before, op)
    unit = {"4 spaces": "    ", "tabs": "\t"}.get(style, "  ")
    nl = "\r\n" if style == "crlf" else "\n"
    expected = nl.join(
        [
            "rule {",
            f'{unit}id     = "x"',  # not fmt-clean (aligned across the comment): the line is not the fix's
            f"{unit}# the logs",
            f"{unit}filter {{",
            f'{unit}{unit}prefix = "logs/" # only these',
            f"{unit}}}",
            f'{unit}status = "Enabled"',
            "}",
            "",
        ]
    )
    assert after == expected
    if style == "2 spaces":  # the fmt-clean form of the file stays fmt-clean
        after = rewrite_one(MOVING.replace('id     = "x"', 'id = "x"'), op)
        assert after == expected.replace('id     = "x"', 'id = "x"')
        assert terraform_clean(after)


def test_replacing_an_item_of_a_one_line_block_opens_it_up() -> None:
    before = 'rule { prefix = "logs/" }\n'

    def op(b, f):
        prefix = attr(f, 0)
        b.replace(prefix, parse_block("filter {\n}").with_changes(body=n.Body((prefix,))))

    after = rewrite_one(before, op)
    assert after == 'rule {\n  filter {\n    prefix = "logs/"\n  }\n}\n'
    assert terraform_clean(after)
    flat = rewrite_one(before, lambda b, f: b.replace(attr(f, 0), parse_attribute('prefix = "all/"')))
    assert flat == 'rule { prefix = "all/" }\n'
