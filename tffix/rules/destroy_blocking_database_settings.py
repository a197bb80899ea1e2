from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

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
    bool_literal,
    is_null,
    parse_attribute,
    to_node,
    use_variable,
)
from ..cst import nodes as n

__all__ = ["DestroyBlockingDatabaseSettings"]

DATABASES = ("aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster")
#: argument -> (the literal that blocks destroy, the literal that does not)
SETTINGS = {"deletion_protection": (True, False), "skip_final_snapshot": (False, True)}
STRATEGIES = ("variable", "flip")


class DestroyBlockingDatabaseSettings(Rule):
    """Database settings that block `terraform destroy`

    ## What it does
    Finds `deletion_protection = true` and `skip_final_snapshot = false` (or
    `skip_final_snapshot` left out, whose default is `false`, with no
    `final_snapshot_identifier`) on `aws_db_instance`, `aws_rds_cluster`,
    `aws_docdb_cluster` and `aws_neptune_cluster`.

    ## Why is this bad?
    In stacks that must be destroyable (QA, previews, tests) these settings
    make `terraform destroy` fail: deletion protection refuses the delete,
    and a final snapshot needs `final_snapshot_identifier`, which is missing
    ("final_snapshot_identifier is required when skip_final_snapshot is
    false"). In production they are exactly right, so the choice belongs in
    a variable, not a literal.

    ## Example
    ```hcl
    resource "aws_db_instance" "main" {
      identifier          = "app"
      deletion_protection = true
      skip_final_snapshot = false
    }
    ```

    Use instead (the `default` profile's safe fix):
    ```hcl
    resource "aws_db_instance" "main" {
      identifier          = "app"
      deletion_protection = var.deletion_protection
      skip_final_snapshot = var.skip_final_snapshot
    }

    variable "deletion_protection" {
      description = "Protect the database from deletion (turn off for destroyable stacks)."
      type        = bool
      default     = true
    }

    variable "skip_final_snapshot" {
      description = "Skip the final snapshot on destroy (turn on for destroyable stacks)."
      type        = bool
      default     = false
    }
    ```

    ## Fix safety
    In the `default` profile, the literal becomes a variable whose default is
    the old value: safe, the plan does not change, and each environment can
    choose. An existing variable of that name with another default makes it
    unsafe. A missing `skip_final_snapshot` is only reported there. Flipping
    the value (`strategy = "flip"`, the `ephemeral` profile's strategy and a
    fix that profile intends) is never done silently elsewhere: it turns off
    data protection. `aws_rds_cluster_instance` has neither argument and is
    not checked.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#deletion_protection
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#skip_final_snapshot
    """

    code = "TFX105"
    name = "destroy-blocking-database-settings"
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {
        "strategy": Option(
            "variable",
            "variable: move the value into a variable (safe); flip: set the destroyable value (unsafe).",
            choices=STRATEGIES,
        ),
    }

    valid = (
        'resource "aws_db_instance" "a" {\n  deletion_protection = false\n  skip_final_snapshot = true\n}\n',
        'resource "aws_db_instance" "a" {\n  deletion_protection       = var.protect\n  final_snapshot_identifier = "a-final"\n}\n',
        'resource "aws_rds_cluster_instance" "a" {\n  cluster_identifier = aws_rds_cluster.a.id\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_db_instance" "a" {\n  deletion_protection = true\n  skip_final_snapshot = true\n}\n',
            'resource "aws_db_instance" "a" {\n  deletion_protection = false\n  skip_final_snapshot = true\n}\n',
            profile="ephemeral",
        ),
        Example(
            'resource "aws_rds_cluster" "a" {\n  engine = "aurora-postgresql"\n}\n',
            'resource "aws_rds_cluster" "a" {\n  engine              = "aurora-postgresql"\n  skip_final_snapshot = true\n}\n',
            profile="ephemeral",
        ),
        Example(
            'resource "aws_db_instance" "a" {\n  skip_final_snapshot = true\n  deletion_protection = true\n}\n\n'
            'variable "deletion_protection" {\n  type    = bool\n  default = true\n}\n',
            'resource "aws_db_instance" "a" {\n  skip_final_snapshot = true\n  deletion_protection = var.deletion_protection\n}\n\n'
            'variable "deletion_protection" {\n  type    = bool\n  default = true\n}\n',
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for kind in DATABASES:
            for file, block in module.blocks("resource", kind):
                label = ".".join(block.label_values[:2])
                named = _given(block, "final_snapshot_identifier")
                for argument, (blocking, _) in SETTINGS.items():
                    attr = block.body.attribute(argument)
                    if attr is not None and bool_literal(attr.value) is blocking:
                        yield self._literal(module, file, label, attr, named)
                if not _given(block, "skip_final_snapshot") and not named:
                    yield self._missing(module, file, label, block)

    def _literal(
        self, module: TerraformModule, file: SourceFile, label: str, attr: n.Attribute, named: bool
    ) -> Diagnostic:
        argument = attr.name.text
        blocking, destroyable = (str(v).lower() for v in SETTINGS[argument])
        rewrite = FixBuilder(module, file)
        if argument == "skip_final_snapshot" and named:
            message = f"{label}: `{argument} = {blocking}` makes destroy leave a snapshot behind (and fail once one of that name exists)"
        else:
            message = f"{label}: `{argument} = {blocking}` blocks `terraform destroy`"
        if self.settings["strategy"] == "flip":
            rewrite.replace(attr.value, to_node(not SETTINGS[argument][0]))
            return module.diagnostic(
                self,
                file,
                attr.value,
                message,
                fix=rewrite.build(f"Set {argument} = {destroyable}", Applicability.UNSAFE),
            )
        description = {
            "deletion_protection": "Protect the database from deletion (turn off for destroyable stacks).",
            "skip_final_snapshot": "Skip the final snapshot on destroy (turn on for destroyable stacks).",
        }[argument]
        use = use_variable(
            rewrite,
            attr.value,
            [argument],
            new_name=argument,
            type="bool",
            description=description,
            default=SETTINGS[argument][0],
        )
        if use.new and not module.complete:
            applicability = Applicability.DISPLAY_ONLY
        else:
            applicability = Applicability.SAFE if use.keeps_plan else Applicability.UNSAFE
        caveat = "" if use.keeps_plan else f" (var.{use.name} has no default of {blocking} here, so the plan changes)"
        return module.diagnostic(
            self, file, attr.value, f"{message}; make it a variable (var.{use.name}) so destroyable stacks can turn it off{caveat}",
            fix=rewrite.build(f"Use var.{use.name}", applicability),
        )  # fmt: skip

    def _missing(self, module: TerraformModule, file: SourceFile, label: str, block: n.Block) -> Diagnostic:
        message = f"{label}: no `skip_final_snapshot` (default false) and no `final_snapshot_identifier`: `terraform destroy` fails"
        if self.settings["strategy"] != "flip":
            return module.diagnostic(self, file, block.labels[1], message)
        if block.open_newline is None:
            return module.diagnostic(self, file, block.labels[1], message)
        rewrite = FixBuilder(module, file)
        rewrite.add_argument(block, parse_attribute("skip_final_snapshot = true"))
        return module.diagnostic(
            self,
            file,
            block.labels[1],
            message,
            fix=rewrite.build("Add skip_final_snapshot = true", Applicability.UNSAFE),
        )


def _given(block: n.Block, name: str) -> bool:
    """The argument is set to something other than ``null``."""
    attr = block.body.attribute(name)
    return attr is not None and not is_null(attr.value)
