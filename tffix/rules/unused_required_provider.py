from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    Attribute,
    Diagnostic,
    Example,
    NotLiteral,
    Object,
    ObjectItem,
    Rule,
    Severity,
    TerraformModule,
    literal_value,
)
from .missing_required_provider import provider_references, required_providers

__all__ = ["UnusedRequiredProvider"]


class UnusedRequiredProvider(Rule):
    """`required_providers` entry for a provider the module does not use

    ## What it does
    Finds entries of `terraform { required_providers { ... } }` naming a
    provider that no resource, data source, `provider` block or module
    `providers` argument of the module uses.

    ## Why is this bad?
    `terraform init` downloads every required provider, used or not, and
    the lock file pins it: a leftover entry costs time on every fresh init
    and makes readers look for resources that are not there. Each module
    should require the providers it uses itself.

    ## Example
    ```hcl
    terraform {
      required_providers {
        aws = {
          source  = "hashicorp/aws"
          version = "~> 5.0"
        }
        null = {
          source = "hashicorp/null"
        }
      }
    }

    resource "aws_s3_bucket" "logs" {}
    ```

    Use instead:
    ```hcl
    terraform {
      required_providers {
        aws = {
          source  = "hashicorp/aws"
          version = "~> 5.0"
        }
      }
    }

    resource "aws_s3_bucket" "logs" {}
    ```

    ## Fix safety
    No fix: an entry may be there on purpose, to constrain the version a
    child module uses. A module call without `providers` passes every
    default provider down, so while the module calls one, no entry is
    reported (tflint reports them, and documents the false alarm); one
    that passes `providers = { ... }` passes only the names it lists.

    ## References
    - https://developer.hashicorp.com/terraform/language/providers/requirements
    - https://developer.hashicorp.com/terraform/language/modules/develop/providers
    """

    code = "TFX218"
    name = "unused-required-provider"
    severity = Severity.INFO

    valid = (
        'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n\ndata "aws_region" "a" {}\n',
    )
    invalid = (
        Example(
            'terraform {\n  required_providers {\n    random = {\n      source = "hashicorp/random"\n    }\n  }\n}\n'
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        if not module.complete or any(path.name.endswith(".tf.json") for path in module.existing):
            return  # a use may be in what tffix cannot read
        used = provider_references(module)
        inherited = _maybe_inherited(module)
        for name, (path, entry) in required_providers(module).items():
            builtin = _source(entry).startswith("terraform.io/builtin/")
            if (
                name not in used
                and name != "terraform"
                and not builtin
                and inherited is not None
                and name not in inherited
            ):
                message = f'provider "{name}" is required but the module does not use it'
                yield module.diagnostic(self, module.files[path], entry.name, message)


def _maybe_inherited(module: TerraformModule) -> frozenset[str] | None:
    """Provider names a child module may receive from this one: None (any
    name) when a module call has no ``providers`` argument, else the names
    the ``providers`` arguments pass."""
    names: set[str] = set()
    index = module.index
    for entry in index.blocks("module"):
        passed = index.attribute(entry.block, "providers")
        if passed is None or type(passed.value) is not Object:
            return None
        for item in passed.value.items:
            if type(item) is ObjectItem and item.key_name is not None:
                names.add(item.key_name.split(".")[0])
    return frozenset(names)


def _source(entry: Attribute) -> str:
    source = entry.value.item("source") if type(entry.value) is Object else None
    if source is None:
        return ""
    try:
        value = literal_value(source.value)
    except NotLiteral:
        return ""
    return value if type(value) is str else ""
