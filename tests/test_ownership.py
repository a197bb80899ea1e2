"""Where comments and whitespace live (tffix/cst/README.md), not only that
printing works: a wrong owner still round-trips."""

from __future__ import annotations

from tffix import parse_expression, parse_module
from tffix.cst import Attribute, Block, EmptyLine, Object, ObjectItem, Tuple, remove

SRC = """\
# dangling: a blank line follows

# about name
# (two lines)
name = "x" # trailing on name
/* inline */ count = 1

block "a" { # after brace
  # about inner
  inner = true
  # dangling at the end of the block
}
# about last
last = [
  1, # after one
  # above two
  2,
]
"""


def _items(module):
    return [i for i in module.body.items if type(i) is not EmptyLine]


def test_comment_lines_above_an_item_belong_to_it() -> None:
    module = parse_module(SRC)
    name = module.attribute("name")
    assert [line.comment for line in name.leading] == ["# about name", "# (two lines)"]
    assert name.trailing_comment == "# trailing on name"


def test_comment_followed_by_blank_line_dangles_on_the_container() -> None:
    module = parse_module(SRC)
    first, second = module.body.items[:2]
    assert type(first) is EmptyLine and first.comment == "# dangling: a blank line follows"
    assert type(second) is EmptyLine and second.comment is None


def test_same_line_block_comment_before_an_item_is_on_its_first_token() -> None:
    count = parse_module(SRC).attribute("count")
    assert count.leading == ()
    assert count.name.lead == "/* inline */ "


def test_block_owns_comment_after_open_brace_and_dangling_comment_before_close() -> None:
    block = parse_module(SRC).block("block", "a")
    assert block.open_newline.lead == " # after brace"
    inner = block.body.attribute("inner")
    assert [line.comment for line in inner.leading] == ["# about inner"]
    assert type(block.body.items[-1]) is EmptyLine
    assert block.body.items[-1].comment == "# dangling at the end of the block"


def test_trailing_comment_inside_brackets_is_on_the_token_before_it() -> None:
    last = parse_module(SRC).attribute("last")
    assert [line.comment for line in last.leading] == ["# about last"]
    value = last.value
    assert type(value) is Tuple
    one, two = value.elements
    assert one.comma.trail == " # after one\n"
    assert two.value.token.lead == "  # above two\n  "


def test_removing_an_item_takes_its_comments_and_keeps_the_rest() -> None:
    module = parse_module(SRC)
    after = remove(module, module.attribute("name")).code
    assert "about name" not in after and "(two lines)" not in after and "trailing on name" not in after
    assert "# dangling: a blank line follows\n\n/* inline */ count = 1\n" in after
    assert SRC.replace('# about name\n# (two lines)\nname = "x" # trailing on name\n', "") == after


def test_moving_an_item_moves_its_comments() -> None:
    module = parse_module("a = 1\n# about b\nb = 2 # bee\n")
    a, b = module.body.items
    swapped = module.with_changes(body=module.body.with_changes(items=(b, a)))
    assert swapped.code == "# about b\nb = 2 # bee\na = 1\n"


def test_object_items_own_their_comments_and_separators() -> None:
    value = parse_expression("{\n  # about a\n  a = 1, # after a\n\n  b: 2\n}")
    assert type(value) is Object
    a = value.items[0]
    assert type(a) is ObjectItem and a.key_name == "a"
    assert [line.comment for line in a.leading] == ["# about a"]
    assert a.comma.text == "," and a.newline.lead == " # after a"
    assert type(value.items[1]) is EmptyLine  # the blank line
    b = value.items[2]
    assert b.separator.text == ":" and b.newline is not None


def test_bom_and_final_text_belong_to_the_module() -> None:
    module = parse_module("\ufeffa = 1\n# no newline at end")
    assert module.bom == "\ufeff"
    assert module.eof.lead == "# no newline at end"
    assert type(module.body.items[0]) is Attribute


def test_single_line_block_has_no_open_newline() -> None:
    block = parse_module('a "b" { c = 1 }\n').body.items[0]
    assert type(block) is Block and block.open_newline is None
    (attr,) = block.body.items
    assert attr.newline is None and block.newline.text == "\n"


def test_crlf_line_breaks_are_tokens_of_their_owner() -> None:
    module = parse_module("a = 1 # c\r\nb {\r\n}\r\n")
    a, b = module.body.items
    assert a.newline.text == "\r\n" and a.newline.lead == " # c"
    assert b.open_newline.text == "\r\n" and b.newline.text == "\r\n"
