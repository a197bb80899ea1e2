from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from ..api import Diagnostic, Example, Label, Option, Rule, Severity, TerraformModule, Token

__all__ = ["NonconformingName"]

_FORMATS = {
    "snake_case": re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"),
    "mixed_snake_case": re.compile(r"^[a-zA-Z][a-zA-Z0-9]*(_[a-zA-Z0-9]+)*$"),
}
# block type -> the label that names it
_NAMED = {"resource": 1, "data": 1, "ephemeral": 1, "module": 0, "output": 0, "variable": 0, "check": 0}


class NonconformingName(Rule):
    """Name that does not follow the naming convention

    ## What it does
    Checks the names a module gives: resources, data sources, ephemeral
    resources, modules, outputs, variables, checks and local values,
    against a convention: `snake_case` by default, `mixed_snake_case`, or a
    regular expression of your own (option `custom`).

    ## Why is this bad?
    Names are how code refers to things (`aws_instance.web_server`), and
    the part of an address people type and search for. Mixed conventions
    (`webServer`, `web-server`, `web_server`) make every reference a guess,
    and dashes need quoting in some places. Terraform's style guide asks
    for lower-case words joined by underscores.

    ## Example
    ```hcl
    resource "aws_instance" "webServer" {
      ami = "ami-123"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web_server" {
      ami = "ami-123"
    }
    ```

    ## Fix safety
    No fix: renaming moves the resource's address, which needs a `moved`
    block and every reference changed, across modules for outputs and
    variables. Options: `format` (`snake_case`, `mixed_snake_case` or
    `none`) and `custom` (a regular expression every name must match,
    which replaces `format`); one setting for all block types.

    ## References
    - https://developer.hashicorp.com/terraform/language/style#naming-conventions
    """

    code = "TFX214"
    name = "nonconforming-name"
    severity = Severity.INFO
    options: ClassVar[dict[str, Option]] = {
        "format": Option(
            "snake_case", "The convention names follow.", choices=("snake_case", "mixed_snake_case", "none")
        ),
        "custom": Option("", "A regular expression every name must match (replaces `format`)."),
    }

    valid = ('resource "aws_instance" "web_server" {}\n\nlocals {\n  max_size = 3\n}\n',)
    invalid = (
        Example('resource "aws_instance" "webServer" {}\n'),
        Example("locals {\n  max-size = 3\n}\n"),
        Example('variable "Region" {}\n', options={"format": "snake_case"}),
        Example('output "id" {\n  value = 1\n}\n', options={"custom": "^[a-z]+_[a-z]+$"}),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        custom: str = self.settings["custom"]
        try:
            self.pattern = re.compile(custom) if custom else _FORMATS.get(self.settings["format"])
        except re.error as e:
            raise ValueError(f"{self.code} ({self.name}): custom is not a regular expression: {e}") from None

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        custom: str = self.settings["custom"]
        pattern = self.pattern
        if pattern is None:
            return
        wanted = f"match `{custom}`" if custom else f"be {self.settings['format']}"
        index = module.index
        for entry in index.blocks():
            file = module.files[entry.file]
            where: list[tuple[str, str, Label | Token]] = []
            if entry.type in _NAMED and len(entry.labels) > _NAMED[entry.type]:
                at = _NAMED[entry.type]
                where.append((entry.type, entry.labels[at], entry.block.labels[at]))
            elif entry.type == "locals":
                where += [("local", name, attribute.name) for name, attribute in index.attributes(entry.block).items()]
            for kind, name, node in where:
                if not pattern.search(name):
                    yield module.diagnostic(self, file, node, f'{kind} name "{name}" should {wanted}')
