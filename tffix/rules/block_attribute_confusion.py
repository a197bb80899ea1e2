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
    multiline_object,
    parse_attribute,
    parse_block,
    schema_findings,
)
from ..cst import nodes as n
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable, where

__all__ = ["BlockAttributeConfusion"]


def _has_comments(node: n.Node) -> bool:
    return any(type(t) is n.Token and t.kind == "COMMENT" for t in _tokens(node))


def _tokens(node: Any) -> Iterator[Any]:
    from ..api import walk

    for inner in walk(node):
        for value in vars(inner).values() if hasattr(inner, "__dict__") else ():
            items = value if isinstance(value, tuple) else (value,)
            yield from (v for v in items if type(v) is n.Token)


class BlockAttributeConfusion(Rule):
    """Block written as an attribute, or an attribute written as a block

    ## What it does
    Finds `name = { ... }` where the schema has a nested block `name`, and
    `name { ... }` where it has an attribute `name` (a map such as `tags`, a
    string, a number). Attributes that hold a list of objects are left
    alone: Terraform takes those in either syntax. Types of providers tffix
    has no schema for are never reported.

    ## Why is this bad?
    `terraform validate` refuses both: "An argument named "x" is not
    expected here. Did you mean to define a block of type "x"?" and
    "Blocks of type "tags" are not expected here".

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      root_block_device = {
        volume_size = 20
      }

      tags {
        Name = "web"
      }
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web" {
      root_block_device {
        volume_size = 20
      }

      tags = {
        Name = "web"
      }
    }
    ```

    ## Fix safety
    Safe: the rewrite keeps every key and value as written. It is offered
    when the object (or the block's body) holds only plain `key = value`
    items and no comments; otherwise the finding has no fix.

    ## References
    - https://developer.hashicorp.com/terraform/language/syntax/configuration#arguments-and-blocks
    - https://developer.hashicorp.com/terraform/language/attr-as-blocks
    """

    code = "TFX404"
    name = "block-attribute-confusion"
    severity = Severity.ERROR
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = ('resource "aws_instance" "web" {\n  tags = {\n    Name = "web"\n  }\n}\n',)
    invalid = (
        Example(
            'resource "aws_instance" "web" {\n  tags {\n    Name = "web"\n  }\n}\n',
            'resource "aws_instance" "web" {\n  tags = {\n    Name = "web"\n  }\n}\n',
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        kinds = {"block-as-attribute", "attribute-as-block"}
        for file, finding in schema_findings(module, self.settings["provider_schemas"], kinds):
            if finding.kind == "block-as-attribute":
                message = (
                    f'{where(finding)}: "{finding.name}" is a block: write `{finding.name} {{ ... }}`, '
                    f"not `{finding.name} = ...` ({finding.candidates.label})"
                )
            else:
                message = (
                    f'{where(finding)}: "{finding.name}" is an argument: write `{finding.name} = ...`, '
                    f"not a block ({finding.candidates.label})"
                )
            yield module.diagnostic(self, file, finding.where, message, fix=self._fix(module, file, finding))

    def _fix(self, module: TerraformModule, file: SourceFile, finding: SchemaFinding) -> Fix | None:
        item = finding.item
        if type(item) is n.Attribute:
            value = item.value
            if type(value) is not n.Object or _has_comments(value):
                return None
            pairs = [(i.key_name, i.value) for i in value.items if type(i) is n.ObjectItem]
            if not pairs or any(k is None for k, _ in pairs) or any(type(i) is not n.ObjectItem for i in value.items):
                return None
            body = tuple(parse_attribute("{0} = {1}\n", str(k), v) for k, v in pairs)
            new: n.Attribute | n.Block = parse_block("{0} {\n}\n", finding.name)
            new = new.with_changes(body=n.Body(body))
            message = f"Write {finding.name} as a block"
        elif type(item) is n.Block:
            if item.labels or _has_comments(item.body) or not all(type(i) is n.Attribute for i in item.body.items):
                return None
            attrs = [i for i in item.body.items if type(i) is n.Attribute]
            entries = {a.name.text: a.value for a in attrs}
            if len(entries) != len(attrs):
                return None
            new = parse_attribute("{0} = {1}\n", finding.name, multiline_object(entries))
            message = f"Write {finding.name} as an argument"
        else:
            return None
        rewrite = FixBuilder(module, file)
        rewrite.replace(item, new)
        return rewrite.build(message, Applicability.SAFE)
