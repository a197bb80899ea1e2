from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    Fix,
    FixBuilder,
    Option,
    Rule,
    SchemaFinding,
    Severity,
    SourceFile,
    TerraformModule,
    schema_findings,
)
from ..cst import nodes as n
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable, where

__all__ = ["WrongValueKind"]


class WrongValueKind(Rule):
    """A string where a list is required, or a list where a string is

    ## What it does
    Finds a quoted string given to an argument whose schema type is a list
    or set of strings, numbers or bools (`vpc_security_group_ids =
    "sg-123"`) or one resource's `id`/`arn` there (`security_groups =
    aws_security_group.web.id`), and a list literal given to an argument
    that takes a string (`ami = ["ami-123"]`). Otherwise only literals are
    judged: `"${var.ids}"` alone is the value of `var.ids` to Terraform, and
    other references, calls and conditionals are left alone. Types of providers tffix has no schema for
    are never reported (see `unknown-resource-type` for where schemas come
    from).

    ## Why is this bad?
    `terraform validate` refuses it: "Inappropriate value for attribute
    "x": set of string required". Terraform converts numbers and bools to
    strings by itself, but never a string to a list nor a list to a string.

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      vpc_security_group_ids = "sg-0123456789abcdef0"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web" {
      vpc_security_group_ids = ["sg-0123456789abcdef0"]
    }
    ```

    ## Fix safety
    A string where a list is required is wrapped in `[...]`, a list of
    that one string: safe, since the configuration did not validate before
    and the list holds exactly what was written. A list where a string is
    required is fixed only when it holds one element, by taking that
    element out: unsafe, since the author may have meant another argument
    that takes a list. A longer list is reported without a fix.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types
    - https://developer.hashicorp.com/terraform/cli/commands/validate
    """

    code = "TFX406"
    name = "wrong-value-kind"
    severity = Severity.ERROR
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = (
        (
            'resource "aws_instance" "web" {\n  ami                    = "ami-123"\n'
            '  vpc_security_group_ids = ["sg-1"]\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_instance" "web" {\n  vpc_security_group_ids = "sg-1"\n}\n',
            'resource "aws_instance" "web" {\n  vpc_security_group_ids = ["sg-1"]\n}\n',
        ),
        Example(
            'resource "aws_instance" "web" {\n  ami = ["ami-123"]\n}\n',
            'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n',
            unsafe=True,
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        kinds = {"string-for-list", "list-for-string"}
        for file, finding in schema_findings(module, self.settings["provider_schemas"], kinds):
            types = sorted({_words(s.attributes[finding.name].type) for s in _schemas(finding)})
            if finding.kind == "string-for-list":
                message = (
                    f'{where(finding)}: "{finding.name}" takes a {" or ".join(types)}, not a string; '
                    f"write it as a list ({finding.candidates.label})"
                )
            else:
                message = f'{where(finding)}: "{finding.name}" takes a string, not a list ({finding.candidates.label})'
            yield module.diagnostic(self, file, finding.where, message, fix=self._fix(module, file, finding))

    def _fix(self, module: TerraformModule, file: SourceFile, finding: SchemaFinding) -> Fix | None:
        item = finding.item
        assert type(item) is n.Attribute
        value = item.value
        rewrite = FixBuilder(module, file)
        if finding.kind == "string-for-list":
            rewrite.wrap(value, "[{0}]")
            return rewrite.build("Write it as a list of one element", Applicability.SAFE)
        assert type(value) is n.Tuple
        if len(value.elements) != 1 or _has_comments(file, value):
            return None
        if type(value.elements[0].value) in (n.Tuple, n.Object, n.ForExpr):
            return None  # still a collection once taken out: nothing tells what string was meant
        rewrite.replace(value, value.elements[0].value)
        return rewrite.build("Take the one element out of the list", Applicability.UNSAFE)


def _words(type: str) -> str:
    """``set(string)`` -> ``set of strings``."""
    outer, _, inner = type.partition("(")
    return f"{outer} of {inner.rstrip(')')}s" if inner else type


def _schemas(finding: SchemaFinding) -> Iterator[Any]:
    """The block schemas of every candidate at the finding's path."""
    kind = "resource" if finding.resource.type.text == "resource" else "data"
    type_name = finding.resource.label_values[0]
    for schema in finding.candidates.schemas:
        block = schema.block(kind, type_name)
        for step in finding.path:
            if block is None:
                break
            nested = block.blocks.get(step)
            block = nested.block if nested is not None else None
        if block is not None and finding.name in block.attributes:
            yield block


def _has_comments(file: SourceFile, value: n.Tuple) -> bool:
    """Whether anything but the one element and blanks sits in the brackets
    (a comment would be lost with them)."""
    start, end = file.span(value)
    inner_start, inner_end = file.span(value.elements[0].value)
    rest = file.text[start + 1 : inner_start] + file.text[inner_end : end - 1]
    return bool(rest.strip(" \t\r\n,"))
