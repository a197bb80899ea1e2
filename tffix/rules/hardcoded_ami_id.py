from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    NotLiteral,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    is_identifier,
    literal_value,
    parse_block,
    placeholder,
    ref,
    template_text,
)
from ..api import matchers as m
from ..cst import nodes as n

__all__ = ["HardcodedAmiId"]

#: resource type -> the argument holding the image
ARGUMENTS = {
    "aws_instance": "ami",
    "aws_spot_instance_request": "ami",
    "aws_launch_template": "image_id",
    "aws_launch_configuration": "image_id",
}
_AMI = re.compile(r"ami-[0-9a-f]{8}([0-9a-f]{9})?")
_RESOURCES = m.Block("resource", m.OneOf(*ARGUMENTS), m.ANY)
_DASH = str.maketrans("-", "_")
STRATEGIES = ("variable", "data-source")


def _ami(attribute: n.Attribute | None) -> str | None:
    if attribute is None or type(attribute.value) is not n.Template:
        return None
    text = template_text(attribute.value)
    return text if text is not None and _AMI.fullmatch(text) else None


def _holds_another(module: TerraformModule, name: str, ami: str) -> bool:
    """Whether ``variable "<name>"`` exists with a default other than ``ami``:
    reusing it would change the image."""
    declared = module.variables.get(name)
    default = declared[1].body.attribute("default") if declared is not None else None
    if default is None:
        return False
    try:
        return bool(literal_value(default.value) != ami)
    except (NotLiteral, ValueError):
        return True


class HardcodedAmiId(Rule):
    """Hard-coded AMI id

    ## What it does
    Finds `ami = "ami-..."` on `aws_instance` and `aws_spot_instance_request`,
    and `image_id = "ami-..."` on `aws_launch_template` and
    `aws_launch_configuration`. Textbook dummies such as `ami-12345678` are
    left to TFX120 (placeholder-value), which says what they are.

    ## Why is this bad?
    An AMI id exists in one region only, so the module fails in every other
    region with "InvalidAMIID.NotFound". The image also ages: it never gets
    the security fixes of later releases, and when its owner deprecates it,
    new launches fail. Generated code copies ids from tutorials, which are
    stale by the time anyone reads them.

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      ami           = "ami-0c55b159cbfafe1f0"
      instance_type = "t3.micro"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_instance" "web" {
      ami           = var.ami
      instance_type = "t3.micro"
    }

    variable "ami" {
      description = "AMI of aws_instance.web (per region)."
      type        = string
      default     = "ami-0c55b159cbfafe1f0"
    }
    ```

    ## Fix safety
    Unsafe: the id moves into a variable named after the argument (`ami`,
    `image_id`; `<name>_ami` when the module has several machines, or a
    variable of that name with another default),
    with the id as its default, so the plan stays the same until someone
    sets it; a `.tfvars` file may already set a variable of that name. A
    declared `string` variable of that name is reused. With the option
    `strategy = "data-source"` the fix is a display-only suggestion of a
    `data "aws_ami"` lookup instead, pinned to the same image by an
    `image-id` filter: replace the filter by a name pattern and owner to
    follow new releases.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ami
    - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/finding-an-ami.html
    """

    code = "TFX121"
    name = "hardcoded-ami-id"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {
        "strategy": Option(
            "variable",
            'How to fix: "variable" (unsafe, the id becomes a variable default) or "data-source" '
            '(display-only, a data "aws_ami" lookup).',
            choices=STRATEGIES,
        )
    }

    valid = (
        'resource "aws_instance" "a" {\n  ami = data.aws_ami.al2023.id\n}\n',
        'resource "aws_instance" "a" {\n  ami = var.ami\n}\n',
        'resource "aws_launch_template" "a" {\n  image_id = "ami-12345678"\n}\n',
        'resource "aws_ami_copy" "a" {\n  source_ami_id = "ami-0c55b159cbfafe1f0"\n}\n',
    )
    invalid = (
        Example(
            'variable "ami" {\n  type    = string\n  default = "ami-0c55b159cbfafe1f0"\n}\n\n'
            'resource "aws_instance" "a" {\n  ami = "ami-0c55b159cbfafe1f0"\n}\n',
            'variable "ami" {\n  type    = string\n  default = "ami-0c55b159cbfafe1f0"\n}\n\n'
            'resource "aws_instance" "a" {\n  ami = var.ami\n}\n',
            unsafe=True,
        ),
        Example(
            'resource "aws_instance" "a" {\n  ami = "ami-0c55b159cbfafe1f0"\n}\n',
            options={"strategy": "data-source"},
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        sites: list[tuple[SourceFile, n.Block, n.Attribute, str]] = []
        machines = 0
        for file, found in m.find_by_file(_RESOURCES, module.parsed()):
            block = found
            assert type(block) is n.Block
            machines += 1
            attribute = block.body.attribute(ARGUMENTS[block.label_values[0]])
            ami = _ami(attribute)
            if attribute is None or ami is None or placeholder(ami) is not None:
                continue
            sites.append((file, block, attribute, ami))
        # one variable per machine where the module has several (counted over
        # all of them, fixed or not, so the names do not change as fixes apply)
        several = machines > 1
        for file, block, attribute, ami in sites:
            label = ".".join(block.label_values[:2])
            if self.settings["strategy"] == "data-source":
                yield self._lookup(module, file, block, attribute, ami, label)
                continue
            argument = attribute.name.text
            name = argument
            if several or _holds_another(module, argument, ami):
                prefixed = "_".join((block.label_values[1].translate(_DASH), argument))
                name = prefixed if is_identifier(prefixed) else argument
            rewrite = FixBuilder(module, file)
            variable = rewrite.ensure_variable(
                name, type="string", default=ami, description="AMI of " + label + " (per region)."
            )
            rewrite.replace(attribute.value, ref("var", variable))
            fix = rewrite.build(f"Use var.{variable}", Applicability.UNSAFE)
            yield module.diagnostic(
                self, file, attribute.value,
                f'{label}: {argument} = "{ami}" is one image in one region; make it var.{variable}'
                ' (or look it up with a data "aws_ami" block)',
                fix=fix,
            )  # fmt: skip

    def _lookup(
        self,
        module: TerraformModule,
        file: SourceFile,
        block: n.Block,
        attribute: n.Attribute,
        ami: str,
        label: str,
    ) -> Diagnostic:
        name = block.label_values[1].translate(_DASH)
        argument = attribute.name.text
        if not is_identifier(name):
            return module.diagnostic(
                self, file, attribute.value, f'{label}: {argument} = "{ami}" is one image in one region'
            )
        lookup = parse_block(
            'data "aws_ami" {0} {\n  most_recent = true\n  filter {\n    name   = "image-id"\n    values = {1}\n  }\n}',
            name,
            [ami],
        )
        rewrite = FixBuilder(module, file)
        rewrite.insert_before(block, lookup)
        rewrite.replace(attribute.value, ref("data", "aws_ami", name, "id"))
        fix = rewrite.build('Look the image up with a data "aws_ami" block', Applicability.DISPLAY_ONLY)
        return module.diagnostic(
            self, file, attribute.value,
            f'{label}: {argument} = "{ami}" is one image in one region; look it up with a data "aws_ami" block',
            fix=fix,
        )  # fmt: skip
