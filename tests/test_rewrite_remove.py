"""Removing body items (`FixBuilder.remove`): the item goes with the comment
lines it owns, its trailing comment and its line; dangling comments stay."""

from __future__ import annotations

import re

import pytest
from rewrite_support import first, rewrite_one, terraform_clean

CLEAN = """resource "aws_instance" "web" {
  ami = "ami-1"

  # the size
  instance_type = "t3.micro" # cheap
  # dangling, above a blank line

  tags = {}
}
"""
UNITS = {"2 spaces": "  ", "4 spaces": "    ", "tabs": "\t"}


def styled(text: str, unit: str, crlf: bool = False) -> str:
    text = re.sub("(?m)^  ", unit, text)
    return text.replace("\n", "\r\n") if crlf else text


@pytest.mark.parametrize("unit", list(UNITS))
@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_an_item_goes_with_its_comments_and_its_line(unit: str, crlf: bool) -> None:
    before = styled(CLEAN, UNITS[unit], crlf)
    after = rewrite_one(before, lambda b, f: b.remove(first(f.tree, 0, 2)))
    expected = before.replace(styled('  # the size\n  instance_type = "t3.micro" # cheap\n', UNITS[unit], crlf), "")
    assert after == expected
    assert "dangling" in after


def test_removing_from_a_clean_file_stays_terraform_clean() -> None:
    after = rewrite_one(CLEAN, lambda b, f: b.remove(first(f.tree, 0, 0)))
    assert after.startswith('resource "aws_instance" "web" {\n  # the size\n')  # no blank line left at the top
    assert terraform_clean(CLEAN) and terraform_clean(after)


def test_two_removals_in_one_body_leave_one_blank_line() -> None:
    text = "locals {\n  a = 1\n\n  b = 2\n\n  c = 3\n\n  d = 4\n}\n"
    after = rewrite_one(text, lambda b, f: (b.remove(first(f.tree, 0, 4)), b.remove(first(f.tree, 0, 2))))
    assert after == "locals {\n  a = 1\n\n  d = 4\n}\n"


def test_a_whole_block_goes() -> None:
    text = 'resource "a" "b" {\n  x = 1\n}\n\n# about c\nresource "a" "c" {\n  y = 2\n}\n'
    after = rewrite_one(text, lambda b, f: b.remove(first(f.tree, 2)))
    assert after == 'resource "a" "b" {\n  x = 1\n}\n'


def test_only_body_items_can_be_removed() -> None:
    with pytest.raises(ValueError, match="body item"):
        rewrite_one(CLEAN, lambda b, f: b.remove(first(f.tree, 0, 0).value))  # type: ignore[attr-defined]
