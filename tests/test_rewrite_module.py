"""Module follow-ups queued on a fix (`ensure_variable`,
`ensure_required_provider`, `new_file`), LibCST's AddImportsVisitor idea:
they add what is missing, once, where a reader looks for it."""

from __future__ import annotations

import pytest
from rewrite_support import rewrite, terraform_clean

from tffix.rewrite import parse_block

MAIN = 'resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n'


def test_a_new_variable_goes_to_a_new_variables_tf_quoted_and_clean() -> None:
    out, edits = rewrite(
        MAIN,
        lambda b, f: b.ensure_variable("env", type="string", default=None, description='Say "${x}"\nplease'),
    )
    assert set(out) == {"variables.tf"} and edits[0].create
    assert out["variables.tf"] == (
        'variable "env" {\n'
        '  description = "Say \\"$${x}\\"\\nplease"\n'
        "  type        = string\n"
        "  default     = null\n"
        "}\n"
    )
    assert terraform_clean(out["variables.tf"])


def test_the_file_holding_the_variables_is_reused_in_its_own_unit() -> None:
    files = {"main.tf": MAIN, "vars.tf": 'variable "region" {\n    type = string\n}\n'}
    out, _ = rewrite(files, lambda b, f: b.ensure_variable("flag", type="bool", default=True))
    assert out == {"vars.tf": files["vars.tf"] + '\nvariable "flag" {\n    type    = bool\n    default = true\n}\n'}


def test_a_declared_or_already_asked_variable_is_not_added_again() -> None:
    files = {"main.tf": MAIN, "variables.tf": 'variable "env" {}\n'}
    out, edits = rewrite(files, lambda b, f: b.ensure_variable("env", type="string"))
    assert out == {} and edits == []

    def twice(b, f):
        assert b.ensure_variable("a", default=[1, 2]) == "a"
        b.ensure_variable("a", default=[1, 2])
        b.ensure_variable("b", default={"k": "v"})

    out, edits = rewrite(MAIN, twice)
    assert len(edits) == 1
    assert (
        out["variables.tf"] == 'variable "a" {\n  default = [1, 2]\n}\n\nvariable "b" {\n  default = { k = "v" }\n}\n'
    )


def test_crlf_modules_get_crlf_variables() -> None:
    files = {"main.tf": MAIN.replace("\n", "\r\n"), "variables.tf": 'variable "x" {}\r\n'}
    out, _ = rewrite(files, lambda b, f: b.ensure_variable("y"))
    assert out["variables.tf"] == 'variable "x" {}\r\n\r\nvariable "y" {\r\n}\r\n'


AWS = '    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.0"\n    }\n'
RANDOM = '    random = {\n      source = "hashicorp/random"\n    }\n'
REQUIRED = "  required_providers {\n%s  }\n"
PROVIDER_CASES = {
    "new file": ({}, "terraform {\n" + REQUIRED % AWS + "}\n"),
    "terraform block": (
        {"versions.tf": 'terraform {\n  required_version = ">= 1.0"\n}\n'},
        'terraform {\n  required_version = ">= 1.0"\n\n' + REQUIRED % AWS + "}\n",
    ),
    "required_providers block": (
        {"versions.tf": "terraform {\n" + REQUIRED % RANDOM + "}\n"},
        "terraform {\n" + REQUIRED % (RANDOM + AWS) + "}\n",
    ),
}


@pytest.mark.parametrize("case", list(PROVIDER_CASES))
def test_required_provider_goes_where_providers_are_required(case: str) -> None:
    files, expected = PROVIDER_CASES[case]
    out, _ = rewrite(
        {"main.tf": MAIN, **files}, lambda b, f: b.ensure_required_provider("aws", "hashicorp/aws", ">= 5.0")
    )
    assert out == {"versions.tf": expected}
    assert terraform_clean(expected)


def test_a_required_provider_already_there_adds_nothing() -> None:
    files = {"main.tf": MAIN, "versions.tf": "terraform {\n  required_providers {\n    aws = {}\n  }\n}\n"}
    assert rewrite(files, lambda b, f: b.ensure_required_provider("aws", "hashicorp/aws")) == ({}, [])


def test_new_file_creates_or_appends() -> None:
    block = parse_block('output "id" {\nvalue = aws_instance.web.id\n}')
    out, edits = rewrite(MAIN, lambda b, f: b.new_file("outputs.tf", block))
    assert out == {"outputs.tf": 'output "id" {\n  value = aws_instance.web.id\n}\n'} and edits[0].create
    out, _ = rewrite(MAIN, lambda b, f: b.new_file("main.tf", block))
    assert out["main.tf"] == MAIN + '\noutput "id" {\n  value = aws_instance.web.id\n}\n'


# -- reuse only a variable of the right type (issue 22, item 5) -------------

REUSE_CASES = {
    "same type": ('variable "env" {\n  type = string\n}\n', "string", "env"),
    "same type, spaced": ('variable "env" {\n  type = list( string )\n}\n', "list(string)", "env"),
    "legacy quoted type": ('variable "env" {\n  type = "string"\n}\n', "string", "env"),
    "untyped, no default": ('variable "env" {}\n', "string", "env"),
    "untyped, string default": ('variable "env" {\n  default = "dev"\n}\n', "string", "env"),
    "any": ('variable "env" {\n  type = any\n}\n', "string", "env"),
    "map(string)": ('variable "env" {\n  type = map(string)\n}\n', "string", "env_2"),
    "untyped, map default": ('variable "env" {\n  default = { a = "b" }\n}\n', "string", "env_2"),
    "untyped, number default": ('variable "env" {\n  default = 3\n}\n', "string", "env_2"),
    "string where a list is wanted": ('variable "env" {\n  type = string\n}\n', "list(string)", "env_2"),
    "next name taken too": (
        'variable "env" {\n  type = bool\n}\n\nvariable "env_2" {\n  type = number\n}\n',
        "string",
        "env_3",
    ),
    "next name fits": (
        'variable "env" {\n  type = bool\n}\n\nvariable "env_2" {\n  type = string\n}\n',
        "string",
        "env_2",
    ),
}


@pytest.mark.parametrize("case", REUSE_CASES, ids=list(REUSE_CASES))
def test_a_variable_is_reused_only_when_its_type_fits(case: str) -> None:
    declared, wanted, expected = REUSE_CASES[case]
    files = {"main.tf": MAIN, "variables.tf": declared}
    used: list[str] = []
    out, _ = rewrite(files, lambda b, f: used.append(b.ensure_variable("env", type=wanted)))
    assert used == [expected]
    if expected in declared:
        assert out == {}
    else:
        assert f'variable "{expected}" {{\n  type = {wanted}\n}}\n' in out["variables.tf"]


def test_a_name_asked_twice_with_another_type_gets_the_next_name() -> None:
    def twice(b, f):
        assert b.ensure_variable("x", type="string") == "x"
        assert b.ensure_variable("x", type="string") == "x"
        assert b.ensure_variable("x", type="bool") == "x_2"

    out, _ = rewrite(MAIN, twice)
    assert out["variables.tf"].count("variable ") == 2
