from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    label,
    ref,
    schema_findings,
)
from ..cst import nodes as n
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable

__all__ = ["UnknownResourceType"]


#: the option every schema rule takes (the config's `provider-schemas`, `--provider-schema`)
class UnknownResourceType(Rule):
    """Resource or data source type the provider does not have

    ## What it does
    Finds `resource` and `data` blocks whose type the provider's schema does
    not list (`aws_rds_instance`, `google_compute_vm`), and names the close
    types it does list. The schema is the user's own (`provider-schemas`,
    `--provider-schema`) or a snapshot tffix ships, of a version the module's
    `required_providers` constraint admits; providers tffix has no schema
    for are never reported.

    ## Why is this bad?
    `terraform validate` and `plan` refuse the whole configuration: "The
    provider hashicorp/aws does not support resource type". Generated code
    invents such types often, from names that sound right.

    ## Example
    ```hcl
    resource "aws_rds_instance" "db" {
      instance_class = "db.t3.micro"
    }

    output "endpoint" {
      value = aws_rds_instance.db.endpoint
    }
    ```

    Use instead:
    ```hcl
    resource "aws_db_instance" "db" {
      instance_class = "db.t3.micro"
    }

    output "endpoint" {
      value = aws_db_instance.db.endpoint
    }
    ```

    ## Fix safety
    Unsafe, and offered only when exactly one close type exists: the type
    and every reference to the block are renamed, but the other type may
    take other arguments. Without a single close type the finding is
    reported with no fix.

    ## References
    - https://developer.hashicorp.com/terraform/cli/commands/providers/schema
    - https://developer.hashicorp.com/terraform/cli/commands/validate
    """

    code = "TFX401"
    name = "unknown-resource-type"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = (
        'resource "aws_db_instance" "db" {\n  instance_class = "db.t3.micro"\n}\n',
        'resource "acme_thing" "x" {\n  anything = 1\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_rds_instance" "db" {\n  instance_class = "db.t3.micro"\n}\n\n'
            'output "endpoint" {\n  value = aws_rds_instance.db.endpoint\n}\n',
            'resource "aws_db_instance" "db" {\n  instance_class = "db.t3.micro"\n}\n\n'
            'output "endpoint" {\n  value = aws_db_instance.db.endpoint\n}\n',
            unsafe=True,
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, finding in schema_findings(module, self.settings["provider_schemas"], {"unknown-type"}):
            block = finding.resource
            kind = "data source" if block.type.text == "data" else "resource"
            hint = ""
            if finding.suggestions:
                hint = "; did you mean " + " or ".join(f'"{s}"' for s in finding.suggestions[:3]) + "?"
            message = f'{finding.candidates.label} has no {kind} type "{finding.name}"{hint}'
            fix = None
            if len(finding.suggestions) == 1:
                fix = self._rename(module, file, block, finding.suggestions[0])
            yield module.diagnostic(self, file, finding.where, message, fix=fix)

    def _rename(self, module: TerraformModule, file: SourceFile, block: n.Block, new: str) -> Any:
        rewrite = FixBuilder(module, file)
        rewrite.replace(block.labels[0], label(new))  # type: ignore[arg-type]  # a label is a token or a string
        name = block.label_values[1]
        data = block.type.text == "data"
        declaration = module.index.declaration("data" if data else "resource", block.label_values[0], name)
        if declaration is not None:
            for reference in module.index.references.references_to(declaration):
                rewrite.replace(reference.node, ref("data", new, name) if data else ref(new, name))
        return rewrite.build(f'Use "{new}"', Applicability.UNSAFE)
