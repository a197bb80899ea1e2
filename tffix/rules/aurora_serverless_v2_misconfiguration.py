from __future__ import annotations

from collections.abc import Iterator

from ..api import Diagnostic, Example, Rule, Severity, SourceFile, TerraformModule, string_value, traversal
from ..cst import nodes as n

__all__ = ["AuroraServerlessV2Misconfiguration"]

SERVERLESS = "db.serverless"


class AuroraServerlessV2Misconfiguration(Rule):
    """Aurora Serverless v2 settings that do not fit together

    ## What it does
    Matches each `aws_rds_cluster` with its `aws_rds_cluster_instance`s
    (through `cluster_identifier`, across the module's files) and reports:
    a `db.serverless` instance whose cluster has no
    `serverlessv2_scaling_configuration`; the v2 block together with
    `engine_mode = "serverless"` (that is v1); the v1
    `scaling_configuration` on a provisioned cluster; and, as information, a
    v2 block that no instance uses.

    ## Why is this bad?
    A `db.serverless` instance cannot start without the cluster's v2 capacity
    range, and the v1 and v2 settings belong to different engine modes: the
    API rejects these combinations at apply time. Mixing `db.serverless` and
    provisioned instances in one cluster is valid (a common way to save
    cost), so it is not reported; a seed review that called it a conflict
    was wrong.

    ## Example
    ```hcl
    resource "aws_rds_cluster" "main" {
      engine      = "aurora-postgresql"
      engine_mode = "provisioned"
    }

    resource "aws_rds_cluster_instance" "main" {
      cluster_identifier = aws_rds_cluster.main.id
      instance_class     = "db.serverless"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_rds_cluster" "main" {
      engine      = "aurora-postgresql"
      engine_mode = "provisioned"

      serverlessv2_scaling_configuration {
        min_capacity = 0.5
        max_capacity = 2
      }
    }

    resource "aws_rds_cluster_instance" "main" {
      cluster_identifier = aws_rds_cluster.main.id
      instance_class     = "db.serverless"
    }
    ```

    ## Fix safety
    Display-only: the capacity range, or the choice between v1 and v2, is a
    sizing and cost decision.

    ## References
    - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.html
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#serverlessv2_scaling_configuration
    """

    code = "TFX110"
    name = "aurora-serverless-v2-misconfiguration"
    severity = Severity.ERROR
    fixable = None

    valid = (
        (
            'resource "aws_rds_cluster" "c" {\n  serverlessv2_scaling_configuration {\n    min_capacity = 0.5\n    max_capacity = 2\n  }\n}\n\n'
            'resource "aws_rds_cluster_instance" "a" {\n  cluster_identifier = aws_rds_cluster.c.id\n  instance_class     = "db.serverless"\n}\n\n'
            'resource "aws_rds_cluster_instance" "b" {\n  cluster_identifier = aws_rds_cluster.c.id\n  instance_class     = "db.r6g.large"\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n}\n\n'
            'resource "aws_rds_cluster_instance" "a" {\n  cluster_identifier = aws_rds_cluster.c.id\n  instance_class     = "db.serverless"\n}\n'
        ),
        Example(
            'resource "aws_rds_cluster" "c" {\n  engine_mode = "provisioned"\n  scaling_configuration {\n    max_capacity = 4\n  }\n}\n'
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        clusters = {
            b.label_values[1]: (f, b) for f, b in module.blocks("resource", "aws_rds_cluster") if len(b.labels) > 1
        }
        classes: dict[str, list[str | None]] = {name: [] for name in clusters}
        for file, instance in module.blocks("resource", "aws_rds_cluster_instance"):
            cluster = _cluster_of(instance)
            if cluster not in clusters:
                continue
            attr = instance.body.attribute("instance_class")
            instance_class = string_value(attr.value) if attr is not None else None
            classes[cluster].append(instance_class)
            _, cluster_block = clusters[cluster]
            if (
                attr is not None
                and instance_class == SERVERLESS
                and not _has(cluster_block, "serverlessv2_scaling_configuration")
            ):
                label = ".".join(instance.label_values[:2])
                message = (
                    f"{label} is db.serverless, but aws_rds_cluster.{cluster} has no serverlessv2_scaling_configuration"
                )
                yield module.diagnostic(self, file, attr.value, message)
        for name, (file, block) in clusters.items():
            yield from self._cluster(module, file, name, block, classes[name])

    def _cluster(
        self, module: TerraformModule, file: SourceFile, name: str, cluster: n.Block, classes: list[str | None]
    ) -> Iterator[Diagnostic]:
        mode_attr = cluster.body.attribute("engine_mode")
        mode = string_value(mode_attr.value) if mode_attr is not None else "provisioned"
        v2 = cluster.body.block("serverlessv2_scaling_configuration")
        v1 = cluster.body.block("scaling_configuration")
        if v2 is not None and mode == "serverless":
            yield module.diagnostic(
                self,
                file,
                v2.type,
                f'aws_rds_cluster.{name}: serverlessv2_scaling_configuration needs engine_mode "provisioned", not "serverless" (v1)',
            )
        if v1 is not None and mode == "provisioned":
            yield module.diagnostic(
                self,
                file,
                v1.type,
                f'aws_rds_cluster.{name}: scaling_configuration is Serverless v1 and needs engine_mode "serverless"; for v2 use serverlessv2_scaling_configuration',
            )
        if v2 is not None and classes and all(c is not None and c != SERVERLESS for c in classes):
            message = (
                f"aws_rds_cluster.{name}: serverlessv2_scaling_configuration is unused: no instance is db.serverless"
            )
            yield module.diagnostic(self, file, v2.type, message, severity=Severity.INFO)


def _cluster_of(instance: n.Block) -> str | None:
    attr = instance.body.attribute("cluster_identifier")
    path = traversal(attr.value) if attr is not None else None
    if path and path[0] == "aws_rds_cluster" and len(path) >= 2:
        return path[1]
    return None


def _has(block: n.Block, name: str) -> bool:
    return block.body.block(name) is not None or block.body.block("dynamic", name) is not None
