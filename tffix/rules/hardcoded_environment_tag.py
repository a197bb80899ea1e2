from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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
    string_value,
    use_variable,
)
from ..cst import nodes as n

__all__ = ["HardcodedEnvironmentTag"]

#: Attributes holding a tag map (``tags_all`` is computed: never written); Google
#: and Kubernetes call theirs ``labels``; module inputs often take ``default_tags``.
TAG_ATTRIBUTES = ("tags", "volume_tags", "recovery_point_tags", "labels", "default_tags")
#: Blocks holding one tag as ``key``/``value`` (ASG ``tag``, backup ``selection_tag``).
TAG_BLOCKS = ("tag", "selection_tag")
#: Resources whose tag fields force replacement when they change.
REPLACING = ("aws_backup_selection",)


@dataclass
class _Site:
    file: SourceFile
    value: n.Template
    literal: str
    #: what holds the tag, for messages: ("aws_s3_bucket.a", " ", "tags"), ("local", ".", "tags")
    where: tuple[str, str, str]
    always_unsafe: bool


class HardcodedEnvironmentTag(Rule):
    """Hard-coded environment name in tags

    ## What it does
    Finds an environment-like tag (`Environment`, `Env`, `Stage`; the keys are
    configurable) whose value is a plain string naming an environment
    (`production`, `staging`, `dev`, `qa`, `test`, `uat`, ...) in provider
    `default_tags`, resource and data `tags` (also inside `merge(...)`,
    nested blocks such as `tag_specifications`, and backup
    `recovery_point_tags`), Google and Kubernetes `labels`, the `tags`,
    `labels` and `default_tags` passed to module calls, a module call's own
    `environment` (`env`, `stage`) input, `locals` holding tag or label maps,
    `aws_autoscaling_group` `tag {}` blocks and `aws_backup_selection`
    `selection_tag` blocks.

    ## Why is this bad?
    The same code is deployed to several environments, but every copy says
    `production`: cost reports, ABAC policies and backup selections that key
    on the tag then match the wrong resources. A backup selection filtering on
    a hard-coded value misses resources tagged from a variable.

    ## Example
    ```hcl
    provider "aws" {
      default_tags {
        tags = {
          Environment = "production" # the only place that says so
          Project     = var.project_name
        }
      }
    }
    ```

    Use instead:
    ```hcl
    provider "aws" {
      default_tags {
        tags = {
          Environment = var.environment # the only place that says so
          Project     = var.project_name
        }
      }
    }

    variable "environment" {
      description = "Deployment environment, used in tags."
      type        = string
      default     = "production"
    }
    ```

    ## Fix safety
    The literal becomes a reference to an existing variable from the
    `variables` option (`environment`, `env`, `stage`, `environment_suffix`, in
    that order), or to a new `variable "environment"` added to `variables.tf`
    (or the file holding the other variables) with the replaced literal as its
    default. The fix is safe when the variable's default equals the literal,
    so the plan does not change; otherwise (an existing variable with another
    or no default) it is unsafe. It is always unsafe in `aws_backup_selection`,
    whose fields force replacement. When one module uses two different
    literals, no single default keeps the plan, so the finding is
    display-only. The comment beside the value is kept. `.tfvars` files,
    `Name`-like keys, `tags_all` and strings with interpolation are never
    touched.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs#default_tags
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_selection
    - https://developer.hashicorp.com/terraform/language/values/variables
    """

    code = "TFX101"
    name = "hardcoded-environment-tag"
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {
        "keys": Option(["environment", "env", "stage"], "Tag keys that name the environment (case-insensitive)."),
        "values": Option(
            [
                "production",
                "prod",
                "prd",
                "live",
                "staging",
                "stage",
                "stg",
                "development",
                "dev",
                "qa",
                "test",
                "testing",
                "uat",
                "preprod",
                "pre-prod",
                "nonprod",
                "non-prod",
                "sandbox",
                "demo",
            ],
            "String values that name an environment (case-insensitive).",
        ),
        "variables": Option(
            ["environment", "env", "stage", "environment_suffix"],
            "Existing variables to use, in order of preference.",
        ),
        "new_variable": Option("environment", "Name of the variable to add when none of `variables` exists."),
    }

    valid = (
        'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = var.environment\n    Name        = "production"\n  }\n}\n',
        'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "prod-${var.suffix}"\n  }\n}\n',
        'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "customer-facing"\n  }\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "production"\n  }\n}\n\n'
            'variable "environment" {\n  type    = string\n  default = "production"\n}\n',
            'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = var.environment\n  }\n}\n\n'
            'variable "environment" {\n  type    = string\n  default = "production"\n}\n',
        ),
        Example(
            'resource "aws_s3_bucket" "a" {\n  tags = {\n    Env = "dev" # note\n  }\n}\n\n'
            'variable "environment_suffix" {\n  type = string\n}\n',
            'resource "aws_s3_bucket" "a" {\n  tags = {\n    Env = var.environment_suffix # note\n  }\n}\n\n'
            'variable "environment_suffix" {\n  type = string\n}\n',
            unsafe=True,
        ),
        Example(
            'resource "aws_s3_bucket" "a" {\n  tags = { Environment = "prod" }\n}\n\n'
            'resource "aws_s3_bucket" "b" {\n  tags = { Environment = "dev" }\n}\n',
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        sites = list(self._sites(module))
        if not sites:
            return
        literals = sorted({site.literal for site in sites})
        for site in sites:
            if len(literals) > 1:
                others = '"' + '", "'.join(x for x in literals if x != site.literal) + '"'
                yield module.diagnostic(
                    self, site.file, site.value,
                    f'hard-coded environment "{site.literal}" in {"".join(site.where)}'
                    f" (the module also hard-codes {others}: pick one variable by hand)",
                )  # fmt: skip
                continue
            yield self._with_fix(module, site)

    def _with_fix(self, module: TerraformModule, site: _Site) -> Diagnostic:
        rewrite = FixBuilder(module, site.file)
        use = use_variable(
            rewrite, site.value, self.settings["variables"],
            new_name=self.settings["new_variable"], type="string", description="Deployment environment, used in tags.",
        )  # fmt: skip
        if use.new and not module.complete:
            applicability = Applicability.DISPLAY_ONLY  # a file failed to parse: it may declare the variable
        elif use.keeps_plan and not site.always_unsafe:
            applicability = Applicability.SAFE
        else:
            applicability = Applicability.UNSAFE
        # the message is built in the diagnostic call: it is text for people, never HCL
        advice = "; use var."
        caveat = ""
        if use.new:
            advice = "; use a variable (new var."
            caveat = f', default "{site.literal}")'
        elif not use.has_default:
            caveat = " (it has no default, so the plan may change)"
        elif not use.keeps_plan:
            caveat = f' (its default is not "{site.literal}" or a .tfvars file sets it, so the plan may change)'
        return module.diagnostic(
            self, site.file, site.value,
            f'hard-coded environment "{site.literal}" in {"".join(site.where)}{advice}{use.name}{caveat}',
            fix=rewrite.build(f"Use var.{use.name}", applicability),
        )  # fmt: skip

    # -- where environment tags live ---------------------------------------

    def _sites(self, module: TerraformModule) -> Iterator[_Site]:
        for file in module.parsed():
            for block in file.tree.body.blocks():  # type: ignore[union-attr]
                kind = block.type.text
                if kind in ("resource", "data", "provider", "module"):
                    labels = block.label_values
                    always_unsafe = kind == "resource" and bool(labels) and labels[0] in REPLACING
                    prefix = {"resource": "", "data": "data.", "module": "module."}.get(kind, "provider.")
                    owner = prefix + ".".join(labels[:2])
                    yield from self._body(file, block.body, owner, always_unsafe)
                    if kind == "module":
                        yield from self._module_inputs(file, block.body, owner)
                elif kind == "locals":
                    for attr in block.body.attributes():
                        if "tags" in attr.name.text.lower() or "labels" in attr.name.text.lower():
                            yield from self._tag_map(file, attr.value, ("local", ".", attr.name.text), False)

    def _module_inputs(self, file: SourceFile, body: n.Body, owner: str) -> Iterator[_Site]:
        """A module's own environment input (``environment = "production"``),
        named as the tag keys are."""
        for attr in body.attributes():
            if self._is_key(attr.name.text):
                site = self._site(file, attr.value, (owner, " ", attr.name.text), False)
                if site is not None:
                    yield site

    def _body(self, file: SourceFile, body: n.Body, owner: str, always_unsafe: bool) -> Iterator[_Site]:
        stack = [iter(body.items)]  # a stack, not recursion: blocks may nest deep
        while stack:
            for item in stack[-1]:
                if type(item) is n.Attribute and item.name.text in TAG_ATTRIBUTES:
                    yield from self._tag_map(file, item.value, (owner, " ", item.name.text), always_unsafe)
                elif isinstance(item, n.Block):
                    if item.type.text not in TAG_BLOCKS:
                        stack.append(iter(item.body.items))
                        break
                    site = self._tag_block(file, item, owner, always_unsafe)
                    if site is not None:
                        yield site
            else:
                stack.pop()

    def _tag_map(
        self, file: SourceFile, expr: n.Node, where: tuple[str, str, str], always_unsafe: bool
    ) -> Iterator[_Site]:
        """Tags of a map, and of the maps ``merge()`` (at any depth) combines."""
        stack = [iter((expr,))]
        while stack:
            for value in stack[-1]:
                if type(value) is n.Object:
                    for item in value.items:
                        if type(item) is n.ObjectItem and self._is_key(item.key_name):
                            site = self._site(file, item.value, where, always_unsafe)
                            if site is not None:
                                yield site
                elif type(value) is n.FunctionCall and value.function_name == "merge":
                    stack.append(iter([arg.value for arg in value.args]))
                    break
            else:
                stack.pop()

    def _tag_block(self, file: SourceFile, block: n.Block, owner: str, always_unsafe: bool) -> _Site | None:
        key, value = block.body.attribute("key"), block.body.attribute("value")
        if key is None or value is None or not self._is_key(string_value(key.value)):
            return None
        return self._site(file, value.value, (owner, " ", block.type.text), always_unsafe)

    def _site(self, file: SourceFile, value: n.Node, where: tuple[str, str, str], always_unsafe: bool) -> _Site | None:
        if type(value) is not n.Template:
            return None
        text = string_value(value)
        if text is None or text.lower() not in {v.lower() for v in self.settings["values"]}:
            return None
        return _Site(file, value, text, where, always_unsafe)

    def _is_key(self, key: str | None) -> bool:
        return key is not None and key.lower() in {k.lower() for k in self.settings["keys"]}
