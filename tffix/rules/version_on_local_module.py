from __future__ import annotations

from ..api import Applicability, Block, Example, FixBuilder, NodeContext, Rule, Severity, Template, template_text
from .module_structure import local_source

__all__ = ["VersionOnLocalModule"]


class VersionOnLocalModule(Rule):
    """Version constraint on a module with a local source

    ## What it does
    Finds `version` in a `module` block whose `source` is a local path
    (`./...`, `../...`).

    ## Why is this bad?
    Only modules from a registry have versions. Terraform refuses the call
    ("Cannot apply a version constraint to module ... because it has a
    relative local path"), so `terraform init` fails. Generated code copies
    the `version` line of a registry module into calls of local folders.

    ## Example
    ```hcl
    module "network" {
      source  = "./modules/network"
      version = "1.0.0"
    }
    ```

    Use instead:
    ```hcl
    module "network" {
      source = "./modules/network"
    }
    ```

    ## Fix safety
    Safe: the line is removed with its comments. Terraform refuses the call
    as it is, so no working configuration changes; a local module is always
    the code in its folder.

    ## References
    - https://developer.hashicorp.com/terraform/language/modules/syntax#version
    - https://developer.hashicorp.com/terraform/language/modules/sources#local-paths
    """

    code = "TFX304"
    name = "version-on-local-module"
    severity = Severity.ERROR
    fixable = Applicability.SAFE

    valid = ('module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.1.0"\n}\n',)
    invalid = (
        Example(
            'module "net" {\n  source  = "./modules/net"\n  version = "1.0.0"\n}\n',
            'module "net" {\n  source = "./modules/net"\n}\n',
        ),
    )

    def visit_Block(self, node: Block, ctx: NodeContext) -> bool:
        if node.type.text == "module":
            version = node.body.attribute("version")
            source = local_source(node)
            written = version is not None and type(version.value) is Template and template_text(version.value)
            if version is not None and written and source is not None:
                rewrite = FixBuilder(ctx.module, ctx.file)
                rewrite.remove(version)
                ctx.report(
                    version.name,
                    f"{source} is a local path: local modules have no version, and Terraform refuses the constraint",
                    fix=rewrite.build("Remove version", Applicability.SAFE),
                )
        return False  # nothing of interest below a top-level block
