from __future__ import annotations

from collections.abc import Iterator

from ..api import Applicability, Diagnostic, Edit, Example, Rule, Severity, SourceFile, TerraformModule, fix
from ..cst import nodes as n
from ._hcl import arguments, bool_literal, function_calls, traversal

__all__ = ["TimestampInResourceArgument"]

SNAPSHOT_FORMAT = '"YYYYMMDDhhmmss"'


class TimestampInResourceArgument(Rule):
    """`timestamp()` in a resource argument

    ## What it does
    Finds resource arguments whose value calls `timestamp()`, unless
    `lifecycle { ignore_changes }` covers the argument.

    ## Why is this bad?
    `timestamp()` is only known at apply time and changes on every run, so the
    plan never settles: every plan shows a change (a perpetual diff), and for
    arguments that force replacement, a new resource. Its RFC 3339 value
    also holds `:`, which snapshot identifiers do not allow.
    `plantimestamp()` changes on every plan too, so it is not a fix.

    ## Example
    ```hcl
    resource "aws_db_instance" "main" {
      skip_final_snapshot       = false
      final_snapshot_identifier = "app-final-${formatdate("YYYYMMDDhhmmss", timestamp())}"
    }
    ```

    Use instead:
    ```hcl
    resource "time_static" "main_final_snapshot" {}

    resource "aws_db_instance" "main" {
      skip_final_snapshot       = false
      final_snapshot_identifier = "app-final-${formatdate("YYYYMMDDhhmmss", time_static.main_final_snapshot.rfc3339)}"
    }
    ```

    ## Fix safety
    `final_snapshot_identifier` with `skip_final_snapshot = true` is never
    used: removing it is safe (the seed review's fix). Otherwise the fix is
    unsafe: a `time_static` resource (from `hashicorp/time`, added to
    `required_providers` when that block exists) fixes the time once, at
    creation, and `formatdate("YYYYMMDDhhmmss", ...)` makes it a valid
    identifier; the plan adds the resource and updates the argument once.
    Other arguments are reported only: whether the value should be fixed at
    creation or ignored is the author's call.

    ## References
    - https://developer.hashicorp.com/terraform/language/functions/timestamp
    - https://registry.terraform.io/providers/hashicorp/time/latest/docs/resources/static
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#final_snapshot_identifier
    """

    code = "TFX109"
    name = "timestamp-in-resource-argument"
    severity = Severity.WARNING
    fixable = Applicability.SAFE

    valid = (
        'resource "aws_db_instance" "a" {\n  identifier = "a"\n}\n',
        'resource "aws_instance" "a" {\n  tags = { Created = timestamp() }\n\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n',
        'output "now" {\n  value = timestamp()\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_db_instance" "a" {\n  skip_final_snapshot       = true\n'
            '  final_snapshot_identifier = "a-${timestamp()}"\n}\n',
            'resource "aws_db_instance" "a" {\n  skip_final_snapshot = true\n}\n',
        ),
        Example(
            'resource "aws_db_instance" "a" {\n  final_snapshot_identifier = "a-${timestamp()}"\n}\n',
            'resource "aws_db_instance" "a" {\n  final_snapshot_identifier = "a-${formatdate("YYYYMMDDhhmmss", time_static.a_final_snapshot.rfc3339)}"\n}\n\n'
            'resource "time_static" "a_final_snapshot" {}\n',
            unsafe=True,
        ),
        Example('resource "aws_s3_bucket" "a" {\n  tags = {\n    Created = timestamp()\n  }\n}\n'),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, block in module.blocks("resource"):
            if len(block.labels) < 2:
                continue
            ignored = _ignored(block)
            for attr, outermost in arguments(block.body, skip=("lifecycle", "provisioner", "connection")):
                if outermost is None and attr.name.text in META:
                    continue
                calls = [c for c in function_calls(attr.value) if c.function_name == "timestamp"]
                # ignore_changes names top-level arguments and blocks
                if not calls or "all" in ignored or (outermost or attr.name.text) in ignored:
                    continue
                yield self._finding(module, file, block, attr, calls)

    def _finding(
        self, module: TerraformModule, file: SourceFile, block: n.Block, attr: n.Attribute, calls: list[n.FunctionCall]
    ) -> Diagnostic:
        label = ".".join(block.label_values[:2])
        message = f"{label}: `{attr.name.text}` calls timestamp(), so every plan shows a change"
        if (
            attr.name.text != "final_snapshot_identifier"
            or block.body.attribute("final_snapshot_identifier") is not attr
        ):
            hint = "; pin it with a time_static resource or lifecycle ignore_changes"
            return module.diagnostic(self, file, calls[0], message + hint)
        skip = block.body.attribute("skip_final_snapshot")
        if skip is not None and bool_literal(skip.value) is True:
            (edit,) = file.remove_items([attr], block.body)
            return module.diagnostic(
                self, file, calls[0], message + "; it is unused with skip_final_snapshot = true",
                fix=fix("Remove final_snapshot_identifier", Applicability.SAFE, edit),
            )  # fmt: skip
        kind, label = block.label_values[:2]
        twins = [b for _, b in module.blocks("resource", None, label) if b.body.attribute("final_snapshot_identifier")]
        # two databases named alike (aws_rds_cluster.main, aws_db_instance.main) need distinct names
        name = f"{label}_final_snapshot" if len(twins) < 2 else f"{kind.removeprefix('aws_')}_{label}_final_snapshot"
        taken = {b.label_values[1] for _, b in module.blocks("resource", "time_static") if len(b.labels) > 1}
        if name in taken:
            return module.diagnostic(
                self, file, calls[0], message + f"; time_static.{name} exists already: pin it by hand"
            )
        edits = [self._replace_call(file, attr, call, name) for call in calls]
        edits.append(file.insert_after(block, f'\nresource "time_static" "{name}" {{}}\n'))
        edits += _require_time_provider(module)
        return module.diagnostic(
            self, file, calls[0], message + f"; pin it with time_static.{name}",
            fix=fix("Use a time_static resource", Applicability.UNSAFE, *edits),
        )  # fmt: skip

    def _replace_call(self, file: SourceFile, attr: n.Attribute, call: n.FunctionCall, name: str) -> Edit:
        fixed = f"time_static.{name}.rfc3339"
        for outer in function_calls(attr.value):
            if outer.function_name == "formatdate" and len(outer.args) == 2 and outer.args[1].value is call:
                return file.replace(call, fixed)
        return file.replace(call, f"formatdate({SNAPSHOT_FORMAT}, {fixed})")


#: Meta-arguments: Terraform itself rejects an unknown value in these.
META = ("count", "for_each", "depends_on", "provider")


def _ignored(block: n.Block) -> set[str]:
    lifecycle = block.body.block("lifecycle")
    attr = lifecycle.body.attribute("ignore_changes") if lifecycle is not None else None
    if attr is None:
        return set()
    if type(attr.value) is n.Variable:
        return {attr.value.name.text}  # `ignore_changes = all`
    if type(attr.value) is not n.Tuple:
        return set()
    out = set()
    for element in attr.value.elements:
        path = traversal(element.value)
        if path:
            out.add(path[0])
    return out


def _require_time_provider(module: TerraformModule) -> list[Edit]:
    """``time`` in ``required_providers``, when the module has that block."""
    for file, terraform in module.blocks("terraform"):
        required = terraform.body.block("required_providers")
        if required is None or required.body.attribute("time") is not None or required.open_newline is None:
            continue
        last = [item for item in required.body.items if type(item) is not n.EmptyLine]
        entry = 'time = {\nsource  = "hashicorp/time"\nversion = ">= 0.9"\n}\n'
        if last:
            return [file.insert_after(last[-1], entry)]
        start = file.span(required)[1] - 1 - len(required.close.lead)
        return [Edit(file.path, start, start, entry)]
    return []
