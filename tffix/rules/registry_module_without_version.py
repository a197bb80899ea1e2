from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..api import Diagnostic, Example, NotLiteral, Option, Rule, Severity, TerraformModule, literal_value

__all__ = ["RegistryModuleWithoutVersion", "registry_source"]

# [hostname/]namespace/name/provider[//subdirectory]: the registry address form
_REGISTRY = re.compile(r"^(?:[\w-]+(?:\.[\w-]+)+(?::\d+)?/)?[\w-]+/[\w-]+/[\w-]+(?://[^?]*)?$")
# hosts Terraform fetches from directly, never as a registry
_NOT_REGISTRY = ("github.com/", "bitbucket.org/")
# one version, `1.2.0` or `= 1.2.0` (with a pre-release or build part)
_EXACT = re.compile(r"^\s*=?\s*v?\d+(\.\d+){0,2}([-+][\w.+-]*)?\s*$")


def registry_source(source: str) -> bool:
    """Whether a module ``source`` is a registry address (public or private)."""
    return bool(_REGISTRY.match(source)) and not source.startswith(_NOT_REGISTRY)


class RegistryModuleWithoutVersion(Rule):
    """Registry module without a `version` constraint

    ## What it does
    Finds `module` blocks whose source is a module registry address
    (`terraform-aws-modules/vpc/aws`, `app.terraform.io/acme/net/aws`) and
    that set no `version`; with the option `exact`, also those whose
    `version` is a range rather than one version.

    ## Why is this bad?
    Without a constraint, `terraform init` takes the newest release of the
    module, and a new major version can rename or replace the resources it
    manages: the next plan on a fresh machine destroys what the last one
    built. Even a loose constraint (`~> 5.0`) keeps breaking releases out.

    ## Example
    ```hcl
    module "vpc" {
      source = "terraform-aws-modules/vpc/aws"
    }
    ```

    Use instead:
    ```hcl
    module "vpc" {
      source  = "terraform-aws-modules/vpc/aws"
      version = "~> 5.0"
    }
    ```

    ## Fix safety
    No fix: which versions the code works with is the author's knowledge
    (`.terraform.lock.hcl` does not record module versions).

    ## References
    - https://developer.hashicorp.com/terraform/language/modules/syntax#version
    - https://developer.hashicorp.com/terraform/language/modules/sources#terraform-registry
    """

    code = "TFX212"
    name = "registry-module-without-version"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "exact": Option(False, "Require one exact version (`1.2.0` or `= 1.2.0`), no range."),
    }

    valid = (
        'module "a" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.0"\n}\n',
        'module "a" {\n  source = "./modules/a"\n}\n',
        'module "a" {\n  source = "github.com/org/repo?ref=v1.0.0"\n}\n',
    )
    invalid = (
        Example('module "a" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n'),
        Example(
            'module "a" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = ">= 5.0"\n}\n',
            options={"exact": True},
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        index = module.index
        for file, block in module.blocks("module"):
            source = index.attribute(block, "source")
            text = _string(source.value) if source is not None else None
            if source is None or text is None or not registry_source(text):
                continue
            name = index.labels(block)[0]
            version = index.attribute(block, "version")
            if version is None:
                yield module.diagnostic(self, file, block.labels[0], f'module "{name}": no `version` for `{text}`')
                continue
            constraint = _string(version.value)
            if self.settings["exact"] and constraint is not None and not _EXACT.match(constraint):
                message = f'module "{name}": `{constraint}` is a range; pin one exact version'
                yield module.diagnostic(self, file, version.value, message)


def _string(value: object) -> str | None:
    try:
        got = literal_value(value)
    except NotLiteral:
        return None
    return got if type(got) is str else None
