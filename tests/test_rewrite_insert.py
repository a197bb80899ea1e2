"""Adding items (`insert_before`, `insert_after`, `append`, `set_attribute`,
`set_object_item`): new lines take the indentation of their siblings in the
file's own unit, blocks stand apart by a blank line, and a fmt-clean file
stays clean by the real `terraform fmt`."""

from __future__ import annotations

import re

import pytest
from rewrite_support import changed_lines, first, rewrite_one, terraform_clean

from tffix.rewrite import parse_attribute, parse_block

CLEAN = """resource "aws_s3_bucket_lifecycle_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  rule {
    id     = "expire"
    status = "Enabled"

    expiration {
      days = 30
    }
  }
}
"""
UNITS = {"2 spaces": "  ", "4 spaces": "    ", "8 spaces": "        ", "tabs": "\t"}


def styled(text: str, unit: str) -> str:
    return re.sub("(?m)^(?:  )+", lambda m: unit * (len(m.group()) // 2), text)


def rule(f):  # the `rule` block
    return first(f.tree, 0, 2)


OPS = {
    "insert_before": lambda b, f: b.insert_before(first(rule(f), 3), parse_block("filter {\n}")),
    "insert_after": lambda b, f: b.insert_after(first(rule(f), 1), parse_attribute('prefix = "tmp/"')),
    "append": lambda b, f: b.append(rule(f), parse_block("noncurrent_version_expiration {\nnoncurrent_days = 7\n}")),
    "set_attribute": lambda b, f: b.set_attribute(rule(f), "priority", 1),
}


@pytest.mark.parametrize("op", list(OPS))
@pytest.mark.parametrize("unit", list(UNITS))
def test_new_lines_take_the_file_unit(op: str, unit: str) -> None:
    before = styled(CLEAN, UNITS[unit])
    after = rewrite_one(before, OPS[op])
    old, new = changed_lines(before, after)
    if op == "set_attribute":  # a longer name widens the aligned group: its lines change only in spacing
        assert [" ".join(line.split()) for line in old] == [" ".join(line.split()) for line in new[: len(old)]]
    else:
        assert not [line for line in old if line.strip()]  # nothing was rewritten, only added
    for line in new:
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        assert indent == UNITS[unit] * (len(indent) // len(UNITS[unit])), repr(line)
    assert after == styled(rewrite_one(CLEAN, OPS[op]), UNITS[unit])  # the same change, in the file's unit
    assert (after.replace("\n", "\r\n")) == rewrite_one(before.replace("\n", "\r\n"), OPS[op])


@pytest.mark.parametrize("op", list(OPS))
def test_clean_in_clean_out(op: str) -> None:
    assert terraform_clean(CLEAN)
    assert terraform_clean(rewrite_one(CLEAN, OPS[op]))


def test_set_attribute_goes_after_the_attributes_and_replaces_an_existing_one() -> None:
    after = rewrite_one(CLEAN, OPS["set_attribute"])
    assert '    status   = "Enabled"\n    priority = 1\n\n    expiration {' in after
    replaced = rewrite_one(CLEAN, lambda b, f: b.set_attribute(rule(f), "status", "Disabled"))
    assert replaced == CLEAN.replace('"Enabled"', '"Disabled"')


def test_append_opens_a_one_line_block_and_fills_an_empty_one() -> None:
    text = 'resource "a" "b" {\n  lifecycle {}\n  timeouts {\n  }\n}\n'

    def op(b, f):
        b.append(first(f.tree, 0, 0), parse_attribute("prevent_destroy = true"))
        b.append(first(f.tree, 0, 1), parse_attribute('create = "5m"'))

    after = rewrite_one(text, op)
    assert after == (
        'resource "a" "b" {\n  lifecycle {\n    prevent_destroy = true\n  }\n  timeouts {\n    create = "5m"\n  }\n}\n'
    )
    assert terraform_clean(after)


def test_a_new_top_level_block_is_separated_by_a_blank_line() -> None:
    after = rewrite_one(CLEAN, lambda b, f: b.append(f.tree, parse_block('locals {\nname = "x"\n}')))
    assert after == CLEAN + '\nlocals {\n  name = "x"\n}\n'
    assert terraform_clean(after)


def test_set_object_item_in_every_object_shape() -> None:
    text = "locals {\n  o = {\n    a = 1\n  }\n  p = {}\n  q = { a = 1 }\n}\n"

    def op(b, f):
        for i in range(3):
            b.set_object_item(first(f.tree, 0, i).value, "b", "z")

    after = rewrite_one(text, op)
    assert after == 'locals {\n  o = {\n    a = 1\n    b = "z"\n  }\n  p = { b = "z" }\n  q = { a = 1, b = "z" }\n}\n'
    assert terraform_clean(after)
    again = rewrite_one(after, lambda b, f: b.set_object_item(first(f.tree, 0, 0).value, "a", 2))
    assert "    a = 2\n" in again


def test_items_put_at_one_point_keep_the_order_they_were_asked_for() -> None:
    """Two insertions after one anchor are one edit, first asked first (a rule
    adding several resources below the one it rewrites)."""
    text = 'resource "a" "x" {\n}\n\nresource "a" "z" {\n}\n'

    def op(b, f):
        b.insert_after(first(f.tree, 0), parse_block('resource "a" "y1" {\n}'))
        b.insert_after(first(f.tree, 0), parse_block('resource "a" "y2" {\n}'))

    after = rewrite_one(text, op)
    assert (
        after == 'resource "a" "x" {\n}\n\nresource "a" "y1" {\n}\n\nresource "a" "y2" {\n}\n\nresource "a" "z" {\n}\n'
    )


def test_blank_line_says_whether_a_blank_line_parts_new_and_anchor() -> None:
    text = 'rule {\n  id = "x"\n\n  expiration {\n    days = 1\n  }\n}\n'
    anchor = (0, 0)
    apart = rewrite_one(
        text, lambda b, f: b.insert_after(first(f.tree, *anchor), parse_block("filter {}"), blank_line=True)
    )
    assert apart == 'rule {\n  id = "x"\n\n  filter {}\n\n  expiration {\n    days = 1\n  }\n}\n'
    close = rewrite_one(text, lambda b, f: b.insert_after(first(f.tree, *anchor), parse_block("filter {}")))
    assert close == 'rule {\n  id = "x"\n  filter {}\n\n  expiration {\n    days = 1\n  }\n}\n'
    tight = rewrite_one(
        text, lambda b, f: b.insert_before(first(f.tree, 0, 2), parse_block("a {\n  b = 1\n}"), blank_line=False)
    )
    assert tight == 'rule {\n  id = "x"\n\n  a {\n    b = 1\n  }\n  expiration {\n    days = 1\n  }\n}\n'
    assert terraform_clean(apart) and terraform_clean(close)
