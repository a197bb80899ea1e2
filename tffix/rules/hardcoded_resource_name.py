from __future__ import annotations

import re
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
    may_be_null,
    ref,
    string_value,
    template,
    traversal,
    type_fits,
)
from ..cst import nodes as n

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


#: names unique across all accounts (buckets) or an account's global namespace (IAM),
#: or that generated code hard-codes most: reported even without an environment variable
GLOBAL = {
    ("aws_s3_bucket", "bucket"), ("google_storage_bucket", "name"), ("aws_iam_role", "name"),
    ("aws_iam_policy", "name"), ("aws_lambda_function", "function_name"), ("aws_cloudwatch_log_group", "name"),
    # Azure names that are DNS names of their own (<name>.blob.core.windows.net, .vault.azure.net, .azurecr.io)
    ("azurerm_storage_account", "name"), ("azurerm_key_vault", "name"), ("azurerm_container_registry", "name"),
}  # fmt: skip
#: names of letters and digits only: the variable is appended with no separator
NO_SEPARATOR = frozenset({("azurerm_storage_account", "name"), ("azurerm_container_registry", "name")})
#: words that name an environment inside a name (`acme-prod-logs`)
ENV_WORDS = frozenset(
    {"prod", "production", "prd", "staging", "stage", "stg", "dev", "development", "qa", "uat", "preprod", "sandbox"}
)
_WORD = re.compile(r"[A-Za-z0-9]+")


def _fits(block: n.Block) -> bool:
    """A variable that can go into a name: a string, never null."""
    return type_fits(block, "string") and not may_be_null(block)


def _instance_keyed(value: n.Node) -> bool:
    """A string whose only interpolations are ``count.index`` / ``each.key``
    / ``each.value``: it tells instances apart, never environments."""
    if type(value) is not n.Template:
        return False
    parts = [p for p in value.parts if type(p) is not n.TemplateLiteral]
    return bool(parts) and all(
        type(p) is n.Interpolation and (traversal(p.expr) or ("",))[0] in ("count", "each") for p in parts
    )


def _env_word(text: str) -> re.Match[str] | None:
    """The one environment word of a name, split at ``-``, ``_``, ``.`` and
    ``/``; None when there is none or several (``dev-to-prod`` is no suffix)."""
    found = [m for m in _WORD.finditer(text) if m.group().lower() in ENV_WORDS]
    return found[0] if len(found) == 1 else None


class HardcodedResourceName(Rule):
    """Resource name that clashes between environments

    ## What it does
    In a module that declares an environment variable (`environment_suffix`,
    `environment`, `env`, `stage`; configurable), finds names that must be
    unique in an account or region (`bucket`, `identifier`,
    `cluster_identifier`, `function_name`, IAM and queue `name`, ...) written
    as a plain string. Names that clash beyond one deployment (S3 and GCS
    buckets, IAM roles and policies, Lambda functions, log groups, Azure
    storage accounts, key vaults and container registries) are reported in
    any module.

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
    When the name holds one environment word (`acme-prod-logs`), the word
    becomes the variable (`acme-${var.environment_suffix}-logs`); when the
    variable is new, its default is the word, so the name and the plan stay
    the same and the fix is safe (also when an existing variable's default
    is that word and no `.tfvars` file may set it). Otherwise the variable is
    appended (`acme-logs-${var.environment_suffix}`; with no `-` to Azure
    storage account and registry names, which allow letters and digits
    only), which is unsafe: a new
    name forces the resource to be replaced (data in a bucket or database
    does not move), and a new variable has no default. Information only,
    since one environment per account is a valid setup. Only a `string`
    variable is interpolated (or an untyped one whose default, if any, is a
    string), and never one that may be null (`default = null`, or
    `nullable = true` without a default: `"${var.x}"` of null fails): when
    the module's `environment` is a `map(string)` or defaults to null, a new
    string variable with a free name is declared instead.

    A name that only interpolates `count.index` or `each.key` is the same
    in every environment too, and gets the variable appended.

    ## References
    - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    - https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/resource-name-rules
    - https://developer.hashicorp.com/terraform/language/values/variables
    """

    code = "TFX117"
    name = "hardcoded-resource-name"
    severity = Severity.INFO
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {
        "variables": Option(
            ["environment_suffix", "environment", "env", "stage"], "Environment variables, in order of preference."
        )
    }

    valid = (
        'resource "aws_sqs_queue" "a" {\n  name = "jobs"\n}\n',
        'variable "env" {}\n\nresource "aws_s3_bucket" "a" {\n  bucket = "acme-logs-${var.env}"\n}\n',
    )
    invalid = (
        Example(
            'variable "env" {\n  default = "prod"\n}\n\nresource "aws_s3_bucket" "a" {\n  bucket = "acme-prod-logs"\n}\n',
            'variable "env" {\n  default = "prod"\n}\n\nresource "aws_s3_bucket" "a" {\n  bucket = "acme-${var.env}-logs"\n}\n',
        ),
        Example(
            'variable "env" {}\n\nresource "aws_sqs_queue" "a" {\n  name = "jobs" # queue\n}\n',
            'variable "env" {}\n\nresource "aws_sqs_queue" "a" {\n  name = "jobs-${var.env}" # queue\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        wanted: list[str] = self.settings["variables"]
        declared = any(v in module.variables for v in wanted)
        # only a string variable can go into a name: `${var.environment}` of a
        # map(string) parses but fails at validate, so then a new one is declared
        variable = next((v for v in wanted if v in module.variables and _fits(module.variables[v][1])), None)
        for file, block in module.blocks("resource"):
            if len(block.labels) < 2:
                continue
            for kind, argument in sorted(NAMES | GLOBAL):
                if block.label_values[0] != kind or not (declared or (kind, argument) in GLOBAL):
                    continue
                attr = block.body.attribute(argument)
                if attr is None:
                    continue
                text = string_value(attr.value)
                if text is None and _instance_keyed(attr.value):
                    text = file.source(attr.value)[1:-1]  # "orders-${count.index}": the same in every environment
                elif not text or "$" in file.source(attr.value):
                    continue
                yield self._finding(module, file, block, (kind, argument), attr, text, variable, declared)

    def _finding(
        self,
        module: TerraformModule,
        file: SourceFile,
        block: n.Block,
        where: tuple[str, str],
        attr: n.Attribute,
        text: str,
        variable: str | None,
        declared: bool,
    ) -> Diagnostic:
        wanted: list[str] = self.settings["variables"]
        kind, argument = where
        rewrite = FixBuilder(module, file)
        keyed = type(attr.value) is n.Template and _instance_keyed(attr.value)
        word = None if keyed else _env_word(text)
        name = variable
        keeps_plan = False
        if word is not None:
            # the environment word becomes the variable: with it as the default, the name stays
            if name is None:
                name = rewrite.ensure_variable(
                    wanted[0],
                    type="string",
                    default=word.group(),
                    description="Environment name, used in names.",
                    nullable=False,
                )
                keeps_plan = name not in module.variables
            else:
                default = module.variables[name][1].body.attribute("default")
                keeps_plan = default is not None and string_value(default.value) == word.group()
            keeps_plan = keeps_plan and not module.has_auto_tfvars  # a tfvars file may set another value
            new = template(text[: word.start()], ref("var", name), text[word.end() :])
            how = f'Use var.{name} for "{word.group()}"'
        else:
            if name is None:
                name = rewrite.ensure_variable(
                    wanted[0],
                    type="string",
                    description="Environment name, appended to names that must be unique.",
                    nullable=False,
                )
            # FIFO queues and topics must keep ".fifo" at the end
            fifo = ".fifo" if text.endswith(".fifo") else ""
            separator = "" if where in NO_SEPARATOR else "-"
            new = template(text.removesuffix(fifo), separator, ref("var", name), fifo)
            if keyed:
                assert type(attr.value) is n.Template
                new = attr.value.with_changes(parts=(*attr.value.parts, *template(separator, ref("var", name)).parts))
            how = f"Append {separator}${{var.{name}}}"
        rewrite.replace(attr.value, new)
        scope = (
            "the same in every environment"
            if declared
            else "hard-coded, and must be unique (a second deployment fails)"
        )
        advice = f'use var.{name} for "{word.group()}"' if word is not None else f"add var.{name}"
        message = f'{kind}.{block.label_values[1]}: {argument} "{text}" is {scope}; {advice}'
        applicability = Applicability.SAFE if keeps_plan else Applicability.UNSAFE
        return module.diagnostic(self, file, attr.value, message, fix=rewrite.build(how, applicability))
