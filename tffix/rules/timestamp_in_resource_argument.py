from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    arguments,
    bool_literal,
    function_calls,
    parse_attribute,
    parse_block,
    parse_expression,
    traversal,
)
from ..cst import nodes as n

__all__ = ["TimestampInResourceArgument"]


class TimestampInResourceArgument(Rule):
    """`timestamp()` in a resource argument

    ## What it does
    Finds resource arguments whose value calls `timestamp()`, directly or
    through locals (`"db-${local.stamp}"` with `stamp = timestamp()`, a few
    locals deep), unless `lifecycle { ignore_changes }` covers the argument.
    A finding through a local is reported where it is used, without a fix:
    the local may serve other places.

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
        if not any("timestamp" in file.text for file in module.parsed()):
            return  # the name in no file: no call, in a resource or a local
        for file, block in module.blocks("resource"):
            if len(block.labels) < 2:
                continue
            ignored = _ignored(block)
            for attr, outermost in arguments(block.body, skip=("lifecycle", "provisioner", "connection")):
                if outermost is None and attr.name.text in META:
                    continue
                # ignore_changes names top-level arguments and blocks
                if "all" in ignored or (outermost or attr.name.text) in ignored:
                    continue
                calls = [c for c in function_calls(attr.value) if c.function_name == "timestamp"]
                if calls:
                    yield self._finding(module, file, block, attr, calls)
                    continue
                timed = next((name for name, local in module.locals_used(attr.value) if _calls_timestamp(local)), None)
                if timed is not None:
                    label = ".".join(block.label_values[:2])
                    message = (
                        f"{label}: `{attr.name.text}` uses local.{timed}, which calls timestamp(), so every plan"
                        " shows a change; pin it with a time_static resource or lifecycle ignore_changes"
                    )
                    yield module.diagnostic(self, file, attr.value, message)

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
            rewrite = FixBuilder(module, file)
            rewrite.remove(attr)
            return module.diagnostic(
                self, file, calls[0], message + "; it is unused with skip_final_snapshot = true",
                fix=rewrite.build("Remove final_snapshot_identifier", Applicability.SAFE),
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
        rewrite = FixBuilder(module, file)
        pinned = parse_expression("time_static.{0}.rfc3339", name)
        for call in calls:
            _replace_call(rewrite, attr, call, pinned)
        rewrite.insert_after(block, parse_block('resource "time_static" {0} {}', name))
        _require_time_provider(rewrite, module)
        return module.diagnostic(
            self, file, calls[0], message + f"; pin it with time_static.{name}",
            fix=rewrite.build("Use a time_static resource", Applicability.UNSAFE),
        )  # fmt: skip


def _calls_timestamp(local: n.Attribute) -> bool:
    return any(c.function_name == "timestamp" for c in function_calls(local.value))


def _replace_call(rewrite: FixBuilder, attr: n.Attribute, call: n.FunctionCall, fixed: n.Expression) -> None:
    """``timestamp()`` becomes the pinned time ``fixed``, formatted as a
    snapshot name allows unless a ``formatdate`` already wraps it."""
    for outer in function_calls(attr.value):
        if outer.function_name == "formatdate" and len(outer.args) == 2 and outer.args[1].value is call:
            rewrite.replace(call, fixed)
            return
    rewrite.replace(call, parse_expression('formatdate("YYYYMMDDhhmmss", {0})', fixed))


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


def _require_time_provider(rewrite: FixBuilder, module: TerraformModule) -> None:
    """``time`` in ``required_providers``, when the module has that block
    (a module that declares no requirements is not given some)."""
    for _, terraform in module.blocks("terraform"):
        required = terraform.body.block("required_providers")
        if required is None or required.body.attribute("time") is not None or required.open_newline is None:
            continue
        rewrite.append(required, parse_attribute('time = {\n  source  = "hashicorp/time"\n  version = ">= 0.9"\n}'))
        return
