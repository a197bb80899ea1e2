from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ..api import (
    Diagnostic,
    Example,
    Option,
    Rule,
    Severity,
    TerraformModule,
    schema_findings,
)
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable, where

__all__ = ["MissingRequiredArgument"]


class MissingRequiredArgument(Rule):
    """Required argument or nested block missing

    ## What it does
    Finds resource and data blocks (and their nested blocks, `dynamic`
    `content` included) that leave out an argument or a block the schema
    requires. Types of providers tffix has no schema for are never reported
    (see `unknown-resource-type` for where schemas come from).

    ## Why is this bad?
    `terraform validate` refuses it: "The argument "x" is required, but no
    definition was found". Generated code often leaves out the one argument
    that has no sensible default.

    ## Example
    ```hcl
    resource "aws_db_instance" "db" {
      engine = "postgres"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_db_instance" "db" {
      engine         = "postgres"
      instance_class = "db.t3.micro"
    }
    ```

    ## Fix safety
    No fix: only the author knows the value.

    ## References
    - https://developer.hashicorp.com/terraform/cli/commands/validate
    - https://developer.hashicorp.com/terraform/cli/commands/providers/schema
    """

    code = "TFX403"
    name = "missing-required-argument"
    severity = Severity.ERROR
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = ('resource "aws_db_instance" "db" {\n  instance_class = "db.t3.micro"\n}\n',)
    invalid = (Example('resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n'),)

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, finding in schema_findings(module, self.settings["provider_schemas"], {"missing"}):
            what = "block" if finding.is_block else "argument"
            message = f'{where(finding)} lacks the required {what} "{finding.name}" ({finding.candidates.label})'
            yield module.diagnostic(self, file, finding.where, message)
