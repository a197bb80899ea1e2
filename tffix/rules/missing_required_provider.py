from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from ..api import (
    Applicability,
    Attribute,
    Diagnostic,
    Example,
    FixBuilder,
    FunctionCall,
    Label,
    Node,
    NotLiteral,
    Object,
    ObjectItem,
    Option,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    Token,
    Variable,
    find_by_file,
    literal_value,
    parse_expression,
)
from ..api import matchers as m

__all__ = ["OFFICIAL", "MissingRequiredProvider", "provider_references", "required_providers"]

#: providers HashiCorp publishes as ``hashicorp/<name>``: the source Terraform
#: assumes for them is the right one, so writing it down changes nothing
OFFICIAL = frozenset({
    "ad", "archive", "aws", "awscc", "azuread", "azurerm", "azurestack", "boundary", "cloudinit", "consul",
    "dns", "external", "google", "google-beta", "googleworkspace", "hcp", "helm", "http", "kubernetes",
    "local", "nomad", "null", "random", "template", "tfe", "time", "tls", "vault", "vsphere",
})  # fmt: skip

#: built into Terraform (``terraform_data``, ``terraform_remote_state``): never required
_BUILTIN = "terraform"
_BLOCKS = ("resource", "data", "ephemeral")
#: ``provider::<name>::<function>(...)``
_PROVIDER_FUNCTION = m.MatchIf(
    lambda node: type(node) is FunctionCall and len(node.name) >= 5 and node.name[0].text == "provider"
)


def provider_references(module: TerraformModule) -> dict[str, tuple[SourceFile, Label | Token]]:
    """Each provider local name the module uses, with where it is first used:
    resources, data sources and ephemeral resources (their ``provider``, else
    their type's prefix), ``provider`` blocks (a ``state_store``'s too),
    modules' ``providers``, and provider functions (``provider::x::f()``)."""
    found: dict[str, tuple[SourceFile, Label | Token]] = {}
    index = module.index
    for entry in index.blocks():
        file = module.files[entry.file]
        kind = entry.type
        if kind in _BLOCKS and len(entry.labels) == 2:
            chosen = index.attribute(entry.block, "provider")
            name = _root(chosen.value) if chosen is not None else entry.labels[0].split("_", 1)[0]
            if name:
                found.setdefault(name, (file, entry.block.labels[0]))
        elif kind == "provider" and entry.labels:
            found.setdefault(entry.labels[0], (file, entry.block.labels[0]))
        elif kind == "module":
            passed = index.attribute(entry.block, "providers")
            if passed is not None and type(passed.value) is Object:
                for item in passed.value.items:
                    name = _root(item.value) if type(item) is ObjectItem else None
                    if name:
                        found.setdefault(name, (file, entry.block.labels[0]))
        elif kind in ("import", "removed"):
            # the provider of the resource they name (their own `provider` first)
            chosen = index.attribute(entry.block, "provider")
            target = index.attribute(entry.block, "to" if kind == "import" else "from")
            name = _root(chosen.value) if chosen is not None else _type_prefix(target.value if target else None)
            if name:
                found.setdefault(name, (file, entry.block.type))
        elif kind == "terraform":
            for store in entry.block.body.blocks("state_store"):
                for inner in store.body.blocks("provider"):
                    labels = index.labels(inner)
                    if labels:
                        found.setdefault(labels[0], (file, inner.labels[0]))
    # `::` in no file (nearly every module): no provider function to look for
    for file, call in find_by_file(_PROVIDER_FUNCTION, (f for f in module.parsed() if "::" in f.text)):
        assert type(call) is FunctionCall
        found.setdefault(call.name[2].text, (file, call.name[2]))
    found.pop(_BUILTIN, None)
    return found


def _type_prefix(expr: object) -> str | None:
    """``aws`` of a resource address ``aws_instance.web`` (``module.x...`` names none)."""
    name = _root(expr)
    return None if name is None or name in ("module", "data") else name.split("_", 1)[0]


def _root(expr: object) -> str | None:
    """``aws`` of ``aws`` or ``aws.west``."""
    while hasattr(expr, "obj"):
        expr = expr.obj
    return expr.name.text if type(expr) is Variable else None


def required_providers(module: TerraformModule) -> dict[str, tuple[Path, Attribute]]:
    """Every ``required_providers`` entry of the module's ``terraform`` blocks, by name."""
    index = module.index
    out: dict[str, tuple[Path, Attribute]] = {}
    for entry in index.blocks("terraform"):
        for block in entry.block.body.blocks("required_providers"):
            for name, attribute in index.attributes(block).items():
                out.setdefault(name, (entry.file, attribute))
    return out


class MissingRequiredProvider(Rule):
    """Provider used without a `required_providers` entry with `source` and `version`

    ## What it does
    Checks that each provider the module uses (by its resources, data
    sources, `provider` blocks and module `providers`) has an entry in
    `terraform { required_providers { ... } }` giving its `source` and a
    `version` constraint, and that no `provider` block sets `version`. The
    missing `source` of an official HashiCorp provider is added.

    ## Why is this bad?
    Without an entry, Terraform guesses `hashicorp/<name>` and installs the
    newest release: a new major version can break the next `init` on a fresh
    machine, and a provider published by anyone else (`datadog`,
    `cloudflare`) is not found at all. A `version` in a `provider` block is
    deprecated since Terraform 0.13. Written down, both are reviewed and
    reproducible.

    ## Example
    ```hcl
    terraform {
      required_providers {
        random = {
          version = "~> 3.6"
        }
      }
    }

    resource "random_pet" "name" {}
    ```

    Use instead:
    ```hcl
    terraform {
      required_providers {
        random = {
          version = "~> 3.6"
          source  = "hashicorp/random"
        }
      }
    }

    resource "random_pet" "name" {}
    ```

    ## Fix safety
    Safe, for providers HashiCorp publishes (`aws`, `google`, `random`...):
    `hashicorp/<name>` is the source Terraform already assumes, so the fix
    writes down what happens today. A missing entry is added (to the
    module's `required_providers`, else its `terraform` block, else a new
    `versions.tf`), a missing `source` is added to the entry, and a legacy
    string entry (`aws = "~> 5.0"`) becomes `{ source, version }`. Any
    other provider, and a missing `version`, are only reported: which
    source and which versions are right is the author's call. In a folder
    with `.tf.json` files, which tffix does not read, a missing entry is not
    reported (it may be there). Options:
    `source` and `version` (both true) turn those checks off, as tflint's
    rule options do.

    ## References
    - https://developer.hashicorp.com/terraform/language/providers/requirements
    - https://developer.hashicorp.com/terraform/language/expressions/version-constraints
    """

    code = "TFX207"
    name = "missing-required-provider"
    severity = Severity.WARNING
    fixable = Applicability.SAFE
    options: ClassVar[dict[str, Option]] = {
        "source": Option(True, "Require a `source` in every required_providers entry."),
        "version": Option(True, "Require a `version` constraint in every required_providers entry."),
    }

    valid = (
        'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\nresource "aws_s3_bucket" "a" {}\n',
        'resource "terraform_data" "a" {}\n\ndata "terraform_remote_state" "b" {\n  backend = "local"\n}\n',
    )
    invalid = (
        Example(
            'terraform {\n  required_providers {\n    aws = "~> 5.0"\n  }\n}\n\nresource "aws_s3_bucket" "a" {}\n',
            'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\nresource "aws_s3_bucket" "a" {}\n',
        ),
        Example(
            'terraform {\n  required_version = ">= 1.5"\n}\n\nresource "null_resource" "a" {}\n',
            'terraform {\n  required_version = ">= 1.5"\n\n  required_providers {\n    null = {\n      source = "hashicorp/null"\n    }\n  }\n}\n\nresource "null_resource" "a" {}\n',
        ),
        Example('resource "datadog_monitor" "a" {}\n', None),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        if not module.complete:
            return  # the entry may be in the file that did not parse
        index = module.index
        for file, block in module.blocks("provider"):
            version = index.attribute(block, "version")
            if version is not None:
                yield module.diagnostic(
                    self, file, version, "a provider's version constraint belongs in `required_providers`"
                )
        required = required_providers(module)
        # a `.tf.json` file (which tffix does not read) may hold the entry
        json = any(path.name.endswith(".tf.json") for path in module.existing)
        for name, (file, where) in provider_references(module).items():
            if name not in required:
                if not json:
                    yield self._missing(module, file, where, name)
                continue
            path, entry = required[name]
            yield from self._entry(module, module.files[path], entry, name)

    def _missing(self, module: TerraformModule, file: SourceFile, where: Label | Token, name: str) -> Diagnostic:
        message = f'provider "{name}" has no entry in `required_providers`'
        if name not in OFFICIAL or not self.settings["source"]:
            return module.diagnostic(self, file, where, message)
        rewrite = FixBuilder(module, file)
        rewrite.ensure_required_provider(name, f"hashicorp/{name}")
        fix = rewrite.build(f"Require hashicorp/{name}", Applicability.SAFE)
        return module.diagnostic(self, file, where, message, fix=fix)

    def _entry(self, module: TerraformModule, file: SourceFile, entry: Attribute, name: str) -> Iterator[Diagnostic]:
        value = entry.value
        if type(value) is not Object:
            constraint = _text(value)
            message = f'provider "{name}": a bare version string in `required_providers` is the legacy form; write `{{ source, version }}`'
            if name not in OFFICIAL or constraint is None:
                yield module.diagnostic(self, file, value, message)
                return
            rewrite = FixBuilder(module, file)
            rewrite.replace(value, _entry_object(_official(name), value))
            yield module.diagnostic(
                self, file, value, message, fix=rewrite.build("Write source and version", Applicability.SAFE)
            )
            return
        if self.settings["source"] and value.item("source") is None:
            message = f'provider "{name}" has no `source` in `required_providers`'
            if name in OFFICIAL:
                rewrite = FixBuilder(module, file)
                rewrite.set_object_item(value, "source", _official(name))
                fix = rewrite.build(f"Add source hashicorp/{name}", Applicability.SAFE)
                yield module.diagnostic(self, file, value, message, fix=fix)
            else:
                yield module.diagnostic(self, file, value, message)
        if self.settings["version"] and value.item("version") is None and not _builtin(value):
            yield module.diagnostic(self, file, value, f'provider "{name}" has no `version` constraint')


def _text(value: object) -> str | None:
    try:
        got = literal_value(value)
    except NotLiteral:
        return None
    return got if type(got) is str else None


def _builtin(entry: Object) -> bool:
    source = entry.item("source")
    return source is not None and _text(source.value) == "terraform.io/builtin/terraform"


def _official(name: str) -> Node:
    """The string ``"hashicorp/<name>"``."""
    return parse_expression("{0}", f"hashicorp/{name}")


def _entry_object(source: Node, version: Node) -> Object:
    """``{ source = ..., version = ... }`` one item a line."""
    new = parse_expression("{\n  source  = {0}\n  version = {1}\n}", source, version)
    assert type(new) is Object
    return new
