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

__all__ = ["DeprecatedArgument"]


class DeprecatedArgument(Rule):
    """Argument or nested block the provider marks deprecated

    ## What it does
    Finds arguments and nested blocks that the provider's schema marks
    `deprecated`. Only a schema that records deprecation can say so: the
    output of `terraform providers schema -json` does (give it with
    `provider-schemas` or `--provider-schema`); the snapshots tffix ships
    are built from packages that do not record it, so with them this rule
    finds nothing.

    ## Why is this bad?
    A deprecated argument is removed in a later major version of the
    provider; upgrading then fails on it, and it often already behaves
    differently from its replacement.

    ## Example
    ```hcl
    resource "random_password" "db" {
      length = 24
      number = true
    }
    ```

    Use instead:
    ```hcl
    resource "random_password" "db" {
      length  = 24
      numeric = true
    }
    ```

    ## Fix safety
    No fix: the schema says what is deprecated, not what replaces it.

    ## References
    - https://developer.hashicorp.com/terraform/cli/commands/providers/schema
    """

    code = "TFX405"
    name = "deprecated-argument"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = ('resource "random_password" "db" {\n  length = 24\n}\n',)
    #: the example reads the schema file the tests keep (relative to the repository)
    invalid = (
        Example(
            'resource "random_password" "db" {\n  length = 24\n  number = true\n}\n',
            options={"provider_schemas": ["tests/fixtures/schemas/deprecations.json"]},
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, finding in schema_findings(module, self.settings["provider_schemas"], {"deprecated"}):
            what = "block" if finding.is_block else "argument"
            message = f'{where(finding)}: the {what} "{finding.name}" is deprecated ({finding.candidates.label})'
            yield module.diagnostic(self, file, finding.where, message)
