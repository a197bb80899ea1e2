"""Comments as fix material: `FixBuilder.comment_out`, `with_comments` and
`multiline_object` (the pieces TFX103 builds its fixes from)."""

from __future__ import annotations

import re

import pytest
from rewrite_support import first, rewrite_one, terraform_clean

from tffix import parse_module
from tffix.cst import nodes as n
from tffix.rewrite import item_text, multiline_object, parse_attribute, with_comments

BACKEND = 'terraform {\n  # state\n  backend "s3" {\n    bucket = var.b # per env\n\n    key = "k"\n  }\n}\n'


@pytest.mark.parametrize("style", ["2 spaces", "4 spaces", "tabs", "crlf"])
def test_comment_out_turns_an_item_into_comments_under_a_note(style: str) -> None:
    unit = {"4 spaces": "    ", "tabs": "\t"}.get(style, "  ")
    before = re.sub("(?m)^((?:  )+)", lambda m: unit * (len(m.group(1)) // 2), BACKEND)
    if style == "crlf":
        before = before.replace("\n", "\r\n")
    after = rewrite_one(before, lambda b, f: b.comment_out(first(f.tree, 0, 0), "kept for later:\n  run init"))
    nl = "\r\n" if style == "crlf" else "\n"
    expected = nl.join(
        [
            "terraform {",
            f"{unit}# state",
            f"{unit}# kept for later:",
            f"{unit}#   run init",
            f'{unit}# backend "s3" {{',
            f"{unit}# {unit}bucket = var.b # per env",
            f"{unit}#",
            f'{unit}# {unit}key = "k"',
            f"{unit}# }}",
            "}",
            "",
        ]
    )
    assert after == expected
    assert parse_module(after).code == after
    if style == "2 spaces":
        assert terraform_clean(after)


def test_with_comments_puts_comment_lines_and_blank_lines_above_an_item() -> None:
    item = with_comments(parse_attribute('a = "x"'), "first", "", None, "after a blank")
    assert item_text(item, 1, "  ") == '  # first\n  #\n\n  # after a blank\n  a = "x"\n'
    with pytest.raises(ValueError, match="line break"):
        with_comments(parse_attribute("a = 1"), "two\nlines")


def test_multiline_object_writes_one_item_a_line() -> None:
    obj = multiline_object({"role_arn": "", "session_name": "terraform"})
    assert type(obj) is n.Object
    text = item_text(parse_attribute("{0} = {1}", "assume_role", obj), 0, "  ")
    assert text == 'assume_role = {\n  role_arn     = ""\n  session_name = "terraform"\n}\n'
