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
    label,
    schema_findings,
)
from ..cst import nodes as n
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable

__all__ = ["UnknownArgument", "where_in"]


def where_in(finding: SchemaFinding) -> str:
    """``aws_instance.web`` or ``aws_instance.web, in root_block_device``."""
    labels = finding.resource.label_values
    prefix = "data." if finding.resource.type.text == "data" else ""
    place = f"{prefix}{labels[0]}.{labels[1]}"
    return place + (f" (in {'.'.join(finding.path)})" if finding.path else "")


class UnknownArgument(Rule):
    """Argument or nested block the resource type does not take

    ## What it does
    Finds arguments and nested blocks (`dynamic` ones too) that the schema of
    a resource or data source type does not list, at any depth, and names
    the close names it does list. Meta-arguments (`count`, `for_each`,
    `provider`, `depends_on`, `lifecycle`, `provisioner`, `connection`) are
    never reported, nor are types of providers tffix has no schema for (see
    `unknown-resource-type` for where schemas come from).

    ## Why is this bad?
    `terraform validate` refuses it: "An argument named "x" is not expected
    here". Generated code often spells an argument the way another resource
    or another provider spells it.

    ## Example
    ```hcl
    resource "aws_s3_bucket" "logs" {
      buckett = "acme-logs"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs"
    }
    ```

    ## Fix safety
    Unsafe when exactly one close name exists: the name is changed, and what
    the argument means under its right name may differ. With several close
    names the fix is display-only (the first is shown); with none there is
    no fix.

    ## References
    - https://developer.hashicorp.com/terraform/cli/commands/validate
    - https://developer.hashicorp.com/terraform/cli/commands/providers/schema
    """

    code = "TFX402"
    name = "unknown-argument"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = (
        'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  count  = 2\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_s3_bucket" "b" {\n  buckett = "x"\n}\n',
            'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n',
            unsafe=True,
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, finding in schema_findings(module, self.settings["provider_schemas"], {"unknown-argument"}):
            what = "block" if finding.is_block else "argument"
            hint = ""
            if finding.suggestions:
                hint = "; did you mean " + " or ".join(f'"{s}"' for s in finding.suggestions[:3]) + "?"
            message = f'{where_in(finding)} takes no {what} "{finding.name}" ({finding.candidates.label}){hint}'
            fix = None
            if finding.suggestions:
                one = len(finding.suggestions) == 1
                fix = self._rename(module, file, finding, finding.suggestions[0], one)
            yield module.diagnostic(self, file, finding.where, message, fix=fix)

    def _rename(self, module: TerraformModule, file: SourceFile, finding: SchemaFinding, new: str, one: bool) -> Fix:
        rewrite = FixBuilder(module, file)
        item = finding.item
        if type(item) is n.Block and item.type.text == "dynamic":
            rewrite.replace(item.labels[0], label(new))  # type: ignore[arg-type]  # a label is a token or a string
        elif item is not None:
            rewrite.rename(item, new)
        return rewrite.build(f'Use "{new}"', Applicability.UNSAFE if one else Applicability.DISPLAY_ONLY)
