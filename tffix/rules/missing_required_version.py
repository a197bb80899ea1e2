from __future__ import annotations

from collections.abc import Iterator

from ..api import Diagnostic, Example, Rule, Severity, TerraformModule

__all__ = ["MissingRequiredVersion"]


class MissingRequiredVersion(Rule):
    """Module without a Terraform `required_version`

    ## What it does
    Reports a module none of whose `terraform` blocks sets
    `required_version`: on its `terraform` block, or on the first block of
    its first file when it has none.

    ## Why is this bad?
    Without a constraint any Terraform version runs the code: an older one
    fails on syntax it does not know with a confusing error, and a newer
    one may upgrade the state so that colleagues on the older version can
    no longer use it. `required_version` stops a wrong version before it
    does anything.

    ## Example
    ```hcl
    terraform {
      required_providers {
        aws = {
          source  = "hashicorp/aws"
          version = "~> 5.0"
        }
      }
    }
    ```

    Use instead:
    ```hcl
    terraform {
      required_version = ">= 1.5"

      required_providers {
        aws = {
          source  = "hashicorp/aws"
          version = "~> 5.0"
        }
      }
    }
    ```

    ## Fix safety
    No fix: which versions the code supports is the author's knowledge.
    A module with only a `.tf.json` file setting it is not told apart
    (tffix does not read JSON files).

    ## References
    - https://developer.hashicorp.com/terraform/language/terraform#terraform-required_version
    - https://developer.hashicorp.com/terraform/language/expressions/version-constraints
    """

    code = "TFX211"
    name = "missing-required-version"
    severity = Severity.WARNING

    valid = ('terraform {\n  required_version = ">= 1.5"\n}\n',)
    invalid = (Example('terraform {\n  backend "local" {}\n}\n'), Example('resource "a" "b" {}\n'))

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        if not module.complete:
            return
        index = module.index
        blocks = index.blocks("terraform")
        if any(index.attribute(entry.block, "required_version") is not None for entry in blocks):
            return
        if any(path.name.endswith(".tf.json") for path in module.existing):
            return  # it may be set there
        message = "no `required_version`: any Terraform version may run this module"
        if blocks:
            entry = blocks[0]
            yield module.diagnostic(self, module.files[entry.file], entry.block.type, message)
            return
        first = next(iter(index.blocks()), None)  # on the first block of all, when no file has a terraform block
        if first is not None:
            yield module.diagnostic(self, module.files[first.file], first.block.type, message)
