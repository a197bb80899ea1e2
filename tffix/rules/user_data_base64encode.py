from __future__ import annotations

from collections.abc import Iterator

from ..api import Applicability, Diagnostic, Example, FixBuilder, Rule, Severity, TerraformModule
from ..cst import nodes as n

__all__ = ["UserDataBase64encode"]

#: Resources with both `user_data` (text) and `user_data_base64`.
RESOURCES = ("aws_instance", "aws_spot_instance_request", "aws_launch_configuration")
ENCODERS = ("base64encode", "base64gzip", "filebase64", "textencodebase64")


class UserDataBase64encode(Rule):
    """Base64-encoded value in `user_data`

    ## What it does
    Finds `user_data = base64encode(...)` (or `base64gzip`, `filebase64`) on
    `aws_instance`, `aws_spot_instance_request` and
    `aws_launch_configuration`, also when the value is a local holding it
    (`user_data = local.user_data`).

    ## Why is this bad?
    `user_data` takes the script as text and encodes it itself. A value that
    already looks like base64 is passed through, so this works by a guess the
    provider makes, and what the author wrote is hidden behind an encoded
    blob; gzip data through `user_data` is documented as unsupported. The
    argument for encoded data is `user_data_base64`. `aws_launch_template` is
    different: its `user_data` must be base64, so it is never reported.

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      ami       = data.aws_ami.al2.id
      user_data = base64encode(templatefile("${path.module}/init.sh", {}))
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web" {
      ami              = data.aws_ami.al2.id
      user_data_base64 = base64encode(templatefile("${path.module}/init.sh", {}))
    }
    ```

    ## Fix safety
    Unsafe: the same bytes reach EC2, but the argument changes, so the plan
    shows an update of `user_data`/`user_data_base64`, and changing user data
    stops and starts the instance (or replaces it with
    `user_data_replace_on_change`). The value is kept as written; dropping
    the encoder to use plain `user_data`, as the seed review did, is the
    author's call.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#user_data
    """

    code = "TFX106"
    name = "user-data-base64encode"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE

    valid = (
        'resource "aws_launch_template" "a" {\n  user_data = base64encode("echo hi")\n}\n',
        'resource "aws_instance" "a" {\n  user_data = <<-EOF\n    echo hi\n  EOF\n}\n',
        'resource "aws_instance" "a" {\n  user_data_base64 = base64encode("echo hi")\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_instance" "a" {\n  ami       = "ami-1"\n  user_data = base64encode("echo hi") # boot\n}\n',
            'resource "aws_instance" "a" {\n  ami              = "ami-1"\n  user_data_base64 = base64encode("echo hi") # boot\n}\n',
            unsafe=True,
        ),
        Example(
            'resource "aws_instance" "a" {\n  user_data        = base64encode("a")\n  user_data_base64 = "Yg=="\n}\n',
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for kind in RESOURCES:
            for file, block in module.blocks("resource", kind):
                attr = block.body.attribute("user_data")
                if attr is None:
                    continue
                call = _encoder(attr.value)
                via = ""
                if call is None:  # `user_data = local.user_data`, the local being base64encode(...)
                    value = module.local_value(attr.value)
                    call = _encoder(value) if value is not None else None
                    via = f" (through {file.source(attr.value)})"
                if call is None:
                    continue
                label = ".".join(block.label_values[:2])
                message = f"{label}: `user_data` holds {call.function_name}(...){via}; base64 data belongs in `user_data_base64`"
                if block.body.attribute("user_data_base64") is not None:
                    yield module.diagnostic(
                        self, file, attr.name, message + " (which is also set: the two conflict, keep one)"
                    )
                    continue
                rewrite = FixBuilder(module, file)
                rewrite.rename(attr, "user_data_base64")
                fix = rewrite.build("Rename to user_data_base64", Applicability.UNSAFE)
                yield module.diagnostic(self, file, attr.name, message, fix=fix)


def _encoder(expr: n.Node) -> n.FunctionCall | None:
    """The encoding call a value consists of, also in the legacy ``"${f(x)}"`` form."""
    if type(expr) is n.Template and len(expr.parts) == 1 and type(expr.parts[0]) is n.Interpolation:
        expr = expr.parts[0].expr
    if type(expr) is n.FunctionCall and expr.function_name in ENCODERS:
        return expr
    return None
