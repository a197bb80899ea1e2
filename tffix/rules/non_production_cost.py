from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..api import (
    Diagnostic,
    Example,
    Option,
    ParseError,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    parse_module,
    string_value,
    traversal,
    walk,
)
from ..cst import nodes as n

__all__ = ["NonProductionCost"]

NON_PRODUCTION = (
    "dev",
    "development",
    "test",
    "testing",
    "qa",
    "staging",
    "stage",
    "stg",
    "sandbox",
    "uat",
    "demo",
    "nonprod",
    "non-prod",
)


class NonProductionCost(Rule):
    """Production-sized networking or database in a non-production environment

    ## What it does
    When the module's environment is known to be non-production (the default
    of an `environment`-like variable, or its value in `terraform.tfvars` /
    `*.auto.tfvars` beside the module; never guessed from names), reports a
    NAT gateway per subnet or zone (`count`/`for_each` on `aws_nat_gateway`)
    and more than one Aurora instance per cluster.

    ## Why is this bad?
    A NAT gateway costs about $32 a month plus data processing, each; a
    second Aurora instance doubles the database bill. Development and test
    stacks rarely need the availability these buy.

    ## Example
    ```hcl
    variable "environment" {
      default = "dev"
    }

    resource "aws_nat_gateway" "main" {
      count     = length(var.public_subnet_ids)
      subnet_id = var.public_subnet_ids[count.index]
    }
    ```

    Use instead:
    ```hcl
    variable "environment" {
      default = "dev"
    }

    resource "aws_nat_gateway" "main" {
      count     = var.environment == "prod" ? length(var.public_subnet_ids) : 1
      subnet_id = var.public_subnet_ids[count.index]
    }
    ```

    ## Fix safety
    Display-only information: availability against cost is the team's call,
    and the route tables that use the gateways must change with them.

    ## References
    - https://aws.amazon.com/vpc/pricing/
    - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html
    """

    code = "TFX118"
    name = "non-production-cost"
    severity = Severity.INFO
    fixable = None
    options: ClassVar[dict[str, Option]] = {
        "variables": Option(
            ["environment", "env", "stage", "environment_suffix"], "Variables that name the environment."
        )
    }

    valid = (
        'variable "environment" {\n  default = "prod"\n}\n\nresource "aws_nat_gateway" "a" {\n  count = 3\n}\n',
        'resource "aws_nat_gateway" "a" {\n  count = 3\n}\n',
    )
    invalid = (
        Example(
            'variable "env" {\n  default = "dev"\n}\n\nresource "aws_nat_gateway" "a" {\n  count = length(var.subnets)\n}\n'
        ),
        Example(
            'variable "env" {\n  default = "qa"\n}\n\nresource "aws_rds_cluster" "c" {}\n\n'
            'resource "aws_rds_cluster_instance" "i" {\n  count              = 2\n  cluster_identifier = aws_rds_cluster.c.id\n}\n'
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        environment = self._environment(module)
        if environment is None or environment.lower() not in NON_PRODUCTION:
            return
        where = f'the environment is "{environment}"'
        for file, block in module.blocks("resource", "aws_nat_gateway"):
            meta = block.body.attribute("count") or block.body.attribute("for_each")
            if meta is not None and _per_subnet(meta):
                yield module.diagnostic(
                    self,
                    file,
                    meta.name,
                    f"{'.'.join(block.label_values[:2])}: one NAT gateway per subnet, but {where}; one shared gateway costs a fraction",
                )
        per_cluster: dict[str, list[tuple[SourceFile, n.Block, int]]] = {}
        for file, block in module.blocks("resource", "aws_rds_cluster_instance"):
            attr = block.body.attribute("cluster_identifier")
            path = traversal(attr.value) if attr is not None else None
            if not path or path[0] != "aws_rds_cluster" or len(path) < 2:
                continue
            number = _instances(block)
            per_cluster.setdefault(path[1], []).append((file, block, number))
        for cluster, instances in per_cluster.items():
            total = sum(number for _, _, number in instances)
            if total > 1:
                file, block, _ = instances[0]
                yield module.diagnostic(
                    self,
                    file,
                    block.labels[1],
                    f"aws_rds_cluster.{cluster} has {total} instances, but {where}; one is enough outside production",
                )

    def _environment(self, module: TerraformModule) -> str | None:
        for name in self.settings["variables"]:
            value = _tfvars_value(module, name)
            if value is None and name in module.variables:
                _, block = module.variables[name]
                default = block.body.attribute("default")
                value = string_value(default.value) if default is not None else None
            if value is not None:
                return value
        return None


def _tfvars_value(module: TerraformModule, name: str) -> str | None:
    """The variable's value in an auto-loaded .tfvars file on disk (later files win, as in Terraform)."""
    found = None
    files = sorted(p for p in module.existing if p.name == "terraform.tfvars") + sorted(
        p for p in module.existing if p.name.endswith(".auto.tfvars")
    )
    for path in files:
        data = module.inputs.read_bytes(path)  # recorded: the result cache checks the file is unchanged
        if data is None:
            continue
        try:
            tree = parse_module(data.decode("utf-8"), path=str(path))
        except (UnicodeDecodeError, ParseError):
            continue
        attr = tree.attribute(name)
        if attr is not None and string_value(attr.value) is not None:
            found = string_value(attr.value)
    return found


def _per_subnet(meta: n.Attribute) -> bool:
    """``count = length(...)``, a literal above 1, or ``for_each`` over a
    collection; a conditional (``env == "prod" ? n : 1``) already chose."""

    value = meta.value
    if any(type(node) is n.Conditional for node in walk(value)):
        return False
    if meta.name.text == "for_each":
        size = _literal_size(value)
        return size is None or size > 1
    if type(value) is n.Literal:
        return value.token.text.isdigit() and int(value.token.text) > 1
    return type(value) is n.FunctionCall and value.function_name == "length"


def _literal_size(expr: n.Node) -> int | None:
    """Elements of a literal list, set or map (``toset([...])`` too), else None."""
    if type(expr) is n.FunctionCall and expr.function_name in ("toset", "tomap", "tolist") and len(expr.args) == 1:
        expr = expr.args[0].value
    if type(expr) is n.Tuple:
        return len(expr.elements)
    if type(expr) is n.Object:
        return sum(1 for item in expr.items if type(item) is n.ObjectItem)
    return None


def _instances(block: n.Block) -> int:
    """How many instances a resource block makes, when the code says (else 1)."""
    count = block.body.attribute("count")
    if count is not None and type(count.value) is n.Literal and count.value.token.text.isdigit():
        return int(count.value.token.text)
    for_each = block.body.attribute("for_each")
    size = _literal_size(for_each.value) if for_each is not None else None
    return size if size is not None else 1
