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
    TerraformModule,
    ref,
    string_value,
    template,
    type_fits,
)

__all__ = ["HardcodedResourceName"]

#: (resource type, argument) pairs whose value must be unique per account/region
NAMES = {
    ("aws_s3_bucket", "bucket"), ("aws_db_instance", "identifier"), ("aws_rds_cluster", "cluster_identifier"),
    ("aws_lambda_function", "function_name"), ("aws_iam_role", "name"), ("aws_iam_policy", "name"),
    ("aws_dynamodb_table", "name"), ("aws_sqs_queue", "name"), ("aws_sns_topic", "name"),
    ("aws_cloudwatch_log_group", "name"), ("aws_ecs_cluster", "name"), ("aws_ecr_repository", "name"),
    ("aws_kms_alias", "name"), ("aws_secretsmanager_secret", "name"), ("aws_lb", "name"),
    ("aws_elasticache_replication_group", "replication_group_id"), ("aws_kinesis_stream", "name"),
    ("aws_sfn_state_machine", "name"), ("aws_db_subnet_group", "name"), ("aws_iam_user", "name"),
    ("aws_rds_cluster_instance", "identifier"), ("aws_iam_instance_profile", "name"), ("aws_lb_target_group", "name"),
    ("aws_cloudwatch_metric_alarm", "alarm_name"), ("aws_cloudwatch_event_rule", "name"),
    ("aws_elasticache_cluster", "cluster_id"), ("aws_backup_vault", "name"), ("aws_backup_plan", "name"),
}  # fmt: skip


class HardcodedResourceName(Rule):
    """Resource name that clashes between environments

    ## What it does
    In a module that declares an environment variable (`environment_suffix`,
    `environment`, `env`, `stage`; configurable), finds names that must be
    unique in an account or region (`bucket`, `identifier`,
    `cluster_identifier`, `function_name`, IAM and queue `name`, ...) written
    as a plain string.

    ## Why is this bad?
    Deploying the module a second time, for another environment in the same
    account, fails with "already exists" (S3 bucket names are even global).
    The module already has the variable that tells environments apart.

    ## Example
    ```hcl
    variable "environment_suffix" {
      type = string
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs"
    }
    ```

    Use instead:
    ```hcl
    variable "environment_suffix" {
      type = string
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs-${var.environment_suffix}"
    }
    ```

    ## Fix safety
    Unsafe: a new name forces the resource to be replaced (data in a bucket
    or database does not move). Information only, since one environment per
    account is a valid setup. Only a `string` variable is interpolated (or
    an untyped one whose default, if any, is a string): when the module's
    `environment` is a `map(string)`, say, a new string variable with a free
    name is declared instead, since `${var.environment}` would fail at
    validate.

    ## References
    - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    - https://developer.hashicorp.com/terraform/language/values/variables
    """

    code = "TFX117"
    name = "hardcoded-resource-name"
    severity = Severity.INFO
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {
        "variables": Option(
            ["environment_suffix", "environment", "env", "stage"], "Environment variables, in order of preference."
        )
    }

    valid = (
        'resource "aws_s3_bucket" "a" {\n  bucket = "acme-logs"\n}\n',
        'variable "env" {}\n\nresource "aws_s3_bucket" "a" {\n  bucket = "acme-logs-${var.env}"\n}\n',
    )
    invalid = (
        Example(
            'variable "env" {}\n\nresource "aws_sqs_queue" "a" {\n  name = "jobs" # queue\n}\n',
            'variable "env" {}\n\nresource "aws_sqs_queue" "a" {\n  name = "jobs-${var.env}" # queue\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        wanted: list[str] = self.settings["variables"]
        if not any(v in module.variables for v in wanted):
            return
        # only a string variable can go into a name: `${var.environment}` of a
        # map(string) parses but fails at validate, so then a new one is declared
        variable = next(
            (v for v in wanted if v in module.variables and type_fits(module.variables[v][1], "string")), None
        )
        for file, block in module.blocks("resource"):
            if len(block.labels) < 2:
                continue
            for kind, argument in NAMES:
                if block.label_values[0] != kind:
                    continue
                attr = block.body.attribute(argument)
                text = string_value(attr.value) if attr is not None else None
                if attr is None or not text or "$" in file.source(attr.value):
                    continue
                rewrite = FixBuilder(module, file)
                name = variable
                if name is None:
                    name = rewrite.ensure_variable(
                        wanted[0], type="string", description="Environment name, appended to names that must be unique."
                    )
                # FIFO queues and topics must keep ".fifo" at the end
                fifo = ".fifo" if text.endswith(".fifo") else ""
                rewrite.replace(attr.value, template(text.removesuffix(fifo), "-", ref("var", name), fifo))
                message = f'{kind}.{block.label_values[1]}: {argument} "{text}" is the same in every environment; add var.{name}'
                yield module.diagnostic(
                    self,
                    file,
                    attr.value,
                    message,
                    fix=rewrite.build(f"Append -${{var.{name}}}", Applicability.UNSAFE),
                )
