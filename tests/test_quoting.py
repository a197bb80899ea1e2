"""The quoting helper: what it writes reads back as the text it was given,
by tffix's parser and by python-hcl2, and the nodes it builds print as the
parser would have read them."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

import hcl2
import pytest
from hcl2 import SerializationOptions
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from oracles import TERRAFORM

from tffix.cst import deep_equals, literal_value
from tffix.cst import nodes as n
from tffix.cst.quoting import escape, is_identifier, key, label, quote, ref, string, template, unescape
from tffix.syntax import parse_block, parse_expression
from tffix.syntax.errors import ParseError
from tffix.syntax.lexer import tokenize

# Python strings UTF-8 can encode: every character but the lone surrogates.
TEXTS = st.text(st.characters(exclude_categories=["Cs"]))
# Text heavy in what HCL escapes, so the interesting cases are common.
NASTY = st.text(st.sampled_from(['"', "\\", "$", "%", "{", "}", "\n", "\r", "\t", "\x00", "a", "é", "\u2028", "~"]))

_HCL2 = SerializationOptions(with_comments=False, strip_string_quotes=True)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("", '""'),
        ("plain", '"plain"'),
        ('a"b', '"a\\"b"'),
        ("a\\b", '"a\\\\b"'),
        ("${var.x}", '"$${var.x}"'),
        ("%{ if x }", '"%%{ if x }"'),
        ("$${x}", '"$$${x}"'),  # a literal "$${" is "$" then an escaped "${"
        ("$ and % alone", '"$ and % alone"'),
        ("line\nbreak\r\n", '"line\\nbreak\\r\\n"'),
        ("tab\there", '"tab\\there"'),
        ("nul\x00del\x7fc1\x85", '"nul\\u0000del\\u007fc1\\u0085"'),
        ("ls\u2028ps\u2029", '"ls\\u2028ps\\u2029"'),
        ("é ∀ 😀", '"é ∀ 😀"'),
        ("\\${", '"\\\\$${"'),
    ],
)
def test_quote_table(text: str, quoted: str) -> None:
    assert quote(text) == quoted
    assert unescape(quoted) == text
    assert literal_value(parse_expression(quoted)) == text


def test_quote_refuses_a_lone_surrogate() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        escape("a\ud800")


@pytest.mark.parametrize(
    "literal",
    [
        "plain",  # no quotes
        '"a',
        '"${x}"',  # an interpolation is no plain literal
        '"%{ if x }y%{ endif }"',
        '"a"b"',
        '"\\q"',  # no such escape
        '"\\u12"',
        '"\\U00110000"',  # beyond Unicode
        '"\\ud800"',  # a surrogate
        '"a\nb"',  # a raw line break
    ],
)
def test_unescape_rejects_what_is_no_plain_quoted_literal(literal: str) -> None:
    with pytest.raises(ValueError):
        unescape(literal)


@pytest.mark.parametrize(
    ("literal", "text"),
    [('"\\u00e9\\U0001F600"', "é😀"), ('"\\"\\\\\\n\\r\\t"', '"\\\n\r\t'), ('"$%"', "$%"), ('"$$${"', "$${")],
)
def test_unescape_reads_every_escape(literal: str, text: str) -> None:
    assert unescape(literal) == text


@settings(deadline=None)  # timing on a shared machine is no property
@given(st.one_of(TEXTS, NASTY))
@example("${}")
@example("%{}")
@example("$$${")
def test_quoted_text_reads_back_as_itself(text: str) -> None:
    quoted = quote(text)
    expr = parse_expression(quoted)
    assert literal_value(expr) == text
    assert unescape(quoted) == text
    # the built node is what the parser reads, and prints as the quoted text
    built = string(text)
    assert built.code == quoted
    assert deep_equals(built, expr)


@settings(deadline=None)  # timing on a shared machine is no property
@given(st.one_of(TEXTS, NASTY))
@example('a"b\\e\n\t\x00')
def test_python_hcl2_reads_the_same_text(text: str) -> None:
    """An independent parser agrees where it reads the file. python-hcl2
    8.1.4 leaves ``$${``/``%%{`` doubled and then decodes the escapes on one
    side of them only, so texts holding ``${``/``%{`` are left to the
    Terraform test below."""
    assume("${" not in text and "%{" not in text)
    assert hcl2.loads(f"x = {quote(text)}\n", serialization_options=_HCL2)["x"] == text


@settings(deadline=None)  # timing on a shared machine is no property
@given(TEXTS)
def test_is_identifier_agrees_with_the_lexer(text: str) -> None:
    try:
        tokens = tokenize(text)
    except ParseError:
        tokens = []
    lexed_as_one_name = len(tokens) == 2 and tokens[0].kind == "IDENT" and tokens[0].text == text
    assert is_identifier(text) == lexed_as_one_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a", True),
        ("_a", True),
        ("a-b_1", True),
        ("π", True),
        ("1a", False),
        ("-a", False),
        ("a b", False),
        ("", False),
    ],
)
def test_is_identifier_table(text: str, expected: bool) -> None:
    assert is_identifier(text) is expected


def test_template_mixes_text_and_interpolations() -> None:
    built = template(ref("path", "module"), "/", "src ${x}", '"')
    assert built.code == '"${path.module}/src $${x}\\""'
    assert deep_equals(built, parse_expression(built.code))


def test_labels_are_quoted_unless_asked_bare() -> None:
    block = parse_block('resource "a\\"b" c {\n}\n')
    # built nodes carry no trivia; the parsed labels have a space before them
    assert " " + label('a"b').code == block.labels[0].code
    assert type(label("c", bare=True)) is n.Token and " " + label("c", bare=True).code == block.labels[1].code
    assert label("c").code == '"c"'
    assert label("not bare", bare=True).code == '"not bare"'


@pytest.mark.parametrize(
    ("name", "code"),
    [("name", "name"), ("a-b", "a-b"), ("a b", '"a b"'), ("null", '"null"'), ("true", '"true"'), ("for", '"for"')],
)
def test_object_keys_are_bare_when_they_read_as_themselves(name: str, code: str) -> None:
    built = key(name)
    assert built.code == code
    obj = parse_expression(f"{{ {built.code} = 1 }}")
    assert type(obj) is n.Object
    item = obj.items[0]
    assert type(item) is n.ObjectItem
    assert item.key.code == " " + code
    assert literal_value(obj) == {name: 1}


@settings(deadline=None)  # timing on a shared machine is no property
@given(st.lists(st.one_of(TEXTS, st.integers(min_value=0, max_value=10**6)), max_size=4))
def test_references_print_and_parse_as_built(steps: list[str | int]) -> None:
    built = ref("data", *steps)
    assert deep_equals(built, parse_expression(built.code))


def test_reference_table() -> None:
    assert ref("var", "name").code == "var.name"
    assert ref("aws_s3_bucket", "b", "id").code == "aws_s3_bucket.b.id"
    assert ref("local", "m", "a b", 0).code == 'local.m["a b"][0]'
    with pytest.raises(ValueError):
        ref("1x")
    with pytest.raises(ValueError):
        ref("a", -1)
    with pytest.raises(TypeError):
        ref("a", True)


TERRAFORM_TEXTS = [
    'a"b',
    "back\\slash",
    "${var.x}",
    "$${x}",
    "%{ if x }",
    "%%{",
    "\\${",
    "line\nbreak\r\ttab",
    "nul\x00del\x7f\x85",
    "ls\u2028ps\u2029",
    "é ∀ 😀",
    "$ and % alone",
    "",
]


def test_terraform_reads_each_quoted_text_back() -> None:
    """The real Terraform is the last word: it evaluates a list of the quoted
    strings (one ``terraform console`` run) to exactly the texts."""
    expression = "jsonencode([" + ", ".join(quote(text) for text in TERRAFORM_TEXTS) + "])\n"
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [str(TERRAFORM), "console"],
            cwd=tmp,
            input=expression,
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"},
            timeout=60,
        )
    assert proc.returncode == 0, proc.stderr
    # the console shows the JSON text as a quoted string: JSON reads both layers
    assert json.loads(json.loads(proc.stdout.strip())) == TERRAFORM_TEXTS
