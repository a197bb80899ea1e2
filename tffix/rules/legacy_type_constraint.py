from __future__ import annotations

from collections.abc import Iterator

from ..api import Applicability, Diagnostic, Example, FixBuilder, Rule, Severity, TerraformModule, modern_type

__all__ = ["LegacyTypeConstraint"]


class LegacyTypeConstraint(Rule):
    """Legacy type constraint in a `variable` block

    ## What it does
    Finds `type` arguments of `variable` blocks written the pre-0.12 way:
    quoted (`"string"`, `"list"`, `"map"`) or a bare collection without an
    element type (`list`, `map`, `set`).

    ## Why is this bad?
    Quoted type constraints are deprecated and rejected by newer tooling; a
    bare `list` silently means `list(any)`, which accepts mixed element types
    the module does not expect. `terraform fmt` rewrites them; this rule
    reports them, so `tffix check` shows them in CI.

    ## Example
    ```hcl
    variable "subnets" {
      type = "list"
    }
    ```

    Use instead:
    ```hcl
    variable "subnets" {
      type = list(string)
    }
    ```

    ## Fix safety
    Safe: the rewrite is Terraform's own (`"list"` meant `list(string)`, bare
    `list` means `list(any)`), applied with the formatter's pass.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/type-constraints
    - https://developer.hashicorp.com/terraform/cli/commands/fmt
    """

    code = "TFX114"
    name = "legacy-type-constraint"
    severity = Severity.WARNING
    fixable = Applicability.SAFE

    valid = ('variable "a" {\n  type = list(string)\n}\n',)
    invalid = (
        Example('variable "a" {\n  type = "map"\n}\n', 'variable "a" {\n  type = map(string)\n}\n'),
        Example('variable "a" {\n  type = set\n}\n', 'variable "a" {\n  type = set(any)\n}\n'),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, block in module.blocks("variable"):
            attr = block.body.attribute("type")
            new = modern_type(attr.value) if attr is not None else None
            if attr is None or new is None:
                continue
            message = f"legacy type constraint `{file.source(attr.value)}`; write `{new.code}`"
            rewrite = FixBuilder(module, file)
            rewrite.replace(attr.value, new)
            yield module.diagnostic(
                self, file, attr.value, message, fix=rewrite.build(f"Use {new.code}", Applicability.SAFE)
            )
