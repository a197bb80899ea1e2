from __future__ import annotations

from collections.abc import Iterator

from ..api import Applicability, Diagnostic, Example, FixBuilder, Rule, Severity, TerraformModule

__all__ = ["NonstandardModuleLayout"]

#: block type -> the file the standard module structure keeps it in
_HOMES = {"variable": "variables.tf", "output": "outputs.tf"}
_REQUIRED = ("main.tf",)


class NonstandardModuleLayout(Rule):
    """Module that does not follow the standard module structure

    ## What it does
    Checks a module against Terraform's standard module structure: a
    `main.tf`, every `variable` block in `variables.tf` and every `output`
    block in `outputs.tf`. A block in another file is moved to its file
    (created when missing). Unlike tflint, a module that declares no
    variables (or outputs) is not asked for an empty `variables.tf` (or
    `outputs.tf`).

    ## Why is this bad?
    The structure is what readers, `terraform-docs` and the registry expect:
    a module's interface is read from `variables.tf` and `outputs.tf`
    without opening the rest. Inputs declared in `main.tf` are easily
    missed, and a missing file makes one wonder whether it was forgotten.

    ## Example
    ```hcl
    # main.tf
    variable "name" {
      type = string
    }

    resource "aws_s3_bucket" "this" {
      bucket = var.name
    }
    ```

    Use instead:
    ```hcl
    # variables.tf
    variable "name" {
      type = string
    }
    ```

    ## Fix safety
    Safe: Terraform reads every `.tf` file of the folder as one, so moving
    a block (with its comment lines) between files changes nothing. Blocks
    of override files (`*_override.tf`) stay where they are. A missing file
    (`main.tf`) is only reported: what goes in it is the author's call.

    ## References
    - https://developer.hashicorp.com/terraform/language/modules/develop/structure
    - https://developer.hashicorp.com/terraform/language/style#file-names
    """

    code = "TFX215"
    name = "nonstandard-module-layout"
    severity = Severity.INFO
    fixable = Applicability.SAFE

    valid = ('resource "a" "b" {}\n',)
    invalid = (Example('variable "name" {}\n\nresource "a" "b" {}\n', 'resource "a" "b" {}\n'),)

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        if not module.complete:
            return
        present = {path.name for path in module.existing} | {path.name for path in module.files}
        first = next(module.parsed(), None)
        if first is None:
            return
        for name in _REQUIRED:
            if name not in present:
                at = len(first.tree.bom) if first.tree is not None else 0
                yield module.diagnostic(self, first, (at, at), f"the module has no `{name}`")
        index = module.index
        for kind, home in _HOMES.items():
            for entry in index.blocks(kind):
                file = module.files[entry.file]
                if file.path.name == home or module.is_override(file) or not entry.labels:
                    continue
                message = f'{kind} "{entry.labels[0]}" belongs in `{home}`'
                declared = [d for d in index.declared(kind, entry.labels[0]) if not d.override]  # type: ignore[arg-type]
                if len(declared) > 1:  # declared twice: Terraform refuses the module, and which one stays is open
                    yield module.diagnostic(self, file, entry.block.labels[0], message)
                    continue
                rewrite = FixBuilder(module, file)
                rewrite.remove(entry.block)
                rewrite.new_file(home, entry.block)
                fix = rewrite.build(f"Move it to {home}", Applicability.SAFE)
                yield module.diagnostic(self, file, entry.block.labels[0], message, fix=fix)
