from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from ..api import (
    Applicability,
    Attribute,
    Block,
    Diagnostic,
    Example,
    FixBuilder,
    GetAttr,
    NotLiteral,
    Object,
    ObjectItem,
    Rule,
    Severity,
    TerraformModule,
    Variable,
    find_by_file,
    literal_value,
    walk,
)
from ..api import matchers as m

__all__ = ["UnusedDeclaration"]

_KINDS: tuple[Literal["variable", "local", "data"], ...] = ("variable", "local", "data")
#: where configuration names a provider configuration: a resource's (data
#: source's, import's...) ``provider``, a module's ``providers``
_PROVIDER_ARGUMENTS = m.Attribute(m.OneOf("provider", "providers"))
_NAME_CHAR = re.compile(r"[\w.-]")


class UnusedDeclaration(Rule):
    """Variable, local value, data source or provider alias that nothing references

    ## What it does
    Finds `variable` blocks, `locals` entries and `data` sources of a module
    that no expression of the module refers to, and `provider` blocks with
    an `alias` that no `provider` or `providers` argument names, and offers
    to remove them with the comment lines above them.

    ## Why is this bad?
    A declaration nobody reads is dead code that still costs something: an
    unused variable is an input callers set for nothing (and believe has an
    effect), an unused data source is read on every plan and may fail it,
    and an unused local is one more name to understand. They are usually
    what is left of a refactoring.

    ## Example
    ```hcl
    variable "region" {}

    variable "legacy_ami" {
      description = "No longer used"
    }

    data "aws_caller_identity" "current" {}

    provider "aws" {
      region = var.region
    }
    ```

    Use instead:
    ```hcl
    variable "region" {}

    provider "aws" {
      region = var.region
    }
    ```

    ## Fix safety
    Unsafe: removing a variable breaks every caller of the module that sets
    it (a child module's variables are its interface, and `tffix` cannot see
    its callers; like `tflint --recursive`, every folder is checked as a root
    module), and `terraform.tfvars` files that set it then warn; removing a
    data source stops reading it (an `external` program no longer runs), and
    removing a provider alias breaks the resources in state that used it. A
    reference from the declaration's own body (a variable's `validation`)
    does not count as a use. The rule holds back when a file of the module
    does not parse or a `.tf.json` file of the folder cannot be read, and a
    name that appears in a `.tf.json` file counts as used; a declaration an
    override file also names is reported, not removed. A `locals` block
    left empty goes with its last entry.

    ## References
    - https://developer.hashicorp.com/terraform/language/values/variables
    - https://developer.hashicorp.com/terraform/language/values/locals
    - https://developer.hashicorp.com/terraform/language/data-sources
    """

    code = "TFX206"
    name = "unused-declaration"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE

    valid = (
        'variable "a" {}\n\nlocals {\n  b = var.a\n}\n\noutput "c" {\n  value = [local.b, data.d.e.id]\n}\n\ndata "d" "e" {}\n',
        'resource "a" "b" {\n  count = 2\n  name  = "${path.module}-${count.index}-${terraform.workspace}"\n}\n',
    )
    invalid = (
        Example('variable "a" {\n  type = string\n}\n', "", unsafe=True),
        Example(
            'locals {\n  # gone\n  a = 1\n  b = 2\n}\n\noutput "b" {\n  value = local.b\n}\n',
            'locals {\n  b = 2\n}\n\noutput "b" {\n  value = local.b\n}\n',
            unsafe=True,
        ),
        Example('data "aws_region" "current" {}\n', None),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        if not module.complete:
            return  # a file that did not parse may hold the only reference
        index = module.index
        json_text = _json_text(module)
        if json_text is None:
            return  # a `.tf.json` file that cannot be read may hold the only reference
        references = index.references
        for declaration in (d for kind in _KINDS for d in index.declarations(kind)):
            if declaration.override:
                continue
            file = module.files[declaration.file]
            # a use is a reference from anywhere but the declaration's own body, or its name in a .tf.json file
            uses = references.references_to(declaration)
            if any(r.file != declaration.file for r in uses):
                continue
            if uses:  # all in its file: is one outside its own body? (no positions: they cost a file walk)
                inside = {id(node) for node in walk(declaration.node)}
                if any(id(r.node) not in inside for r in uses):
                    continue
            if _mentions(json_text, declaration.address):
                continue
            if declaration.kind == "local":
                where = declaration.node.name  # type: ignore[union-attr]
                message = f"local.{declaration.name[0]} is declared but never used"
            else:
                where = declaration.block.labels[-1]
                if declaration.kind == "variable":
                    message = f'variable "{declaration.name[0]}" is declared but never used'
                else:
                    message = f'data "{declaration.name[0]}" "{declaration.name[1]}" is declared but never used'
            if len(index.declared(declaration.kind, *declaration.name)) > 1:
                yield module.diagnostic(self, file, where, message)  # overrides name it too: report only
                continue
            rewrite = FixBuilder(module, file)
            rewrite.remove(_removed_item(module, declaration.node, declaration.block))
            yield module.diagnostic(self, file, where, message, fix=rewrite.build("Remove it", Applicability.UNSAFE))
        yield from self._provider_aliases(module, json_text)

    def _provider_aliases(self, module: TerraformModule, json_text: str) -> Iterator[Diagnostic]:
        """``provider`` blocks with an ``alias`` that no ``provider`` /
        ``providers`` argument (at any depth) names."""
        index = module.index
        aliases = []
        for entry in index.blocks("provider"):
            alias = index.attribute(entry.block, "alias")
            value = _string(alias.value) if alias is not None else None
            if alias is not None and entry.labels and value:
                aliases.append((entry, alias, value))
        if not aliases:
            return
        used: set[tuple[str, str]] = set()
        for _, attribute in find_by_file(_PROVIDER_ARGUMENTS, module.parsed()):
            assert type(attribute) is Attribute
            values = [attribute.value]
            if type(attribute.value) is Object:
                values = [item.value for item in attribute.value.items if type(item) is ObjectItem]
            used.update(address for address in map(_provider_address, values) if address is not None)
        for entry, alias, value in aliases:
            name = entry.labels[0]
            if (name, value) in used or _mentions(json_text, name, value):
                continue
            file = module.files[entry.file]
            message = f'provider "{name}" with alias "{value}" is declared but never used'
            rewrite = FixBuilder(module, file)
            rewrite.remove(entry.block)
            fix = rewrite.build("Remove it", Applicability.UNSAFE)
            yield module.diagnostic(self, file, alias.value, message, fix=fix)


def _provider_address(expr: object) -> tuple[str, str] | None:
    """``("aws", "west")`` of ``aws.west`` (or of ``"aws.west"``, the 0.11 form)."""
    if type(expr) is GetAttr and type(expr.obj) is Variable:
        return (expr.obj.name.text, expr.name.text)
    name, _, alias = (_string(expr) or "").partition(".")
    return (name, alias) if name and alias else None


def _string(value: object) -> str | None:
    try:
        got = literal_value(value)
    except NotLiteral:
        return None
    return got if type(got) is str else None


def _removed_item(module: TerraformModule, node: Attribute | Block, block: Block) -> Attribute | Block:
    """A local's attribute (``node``), or its whole ``locals`` block when it
    is the last entry; else the declaring block."""
    if type(node) is Block:
        return node
    if len(module.index.attributes(block)) == 1 and not list(block.body.blocks()):
        return block
    return node


def _mentions(text: str, *parts: str) -> bool:
    """Whether the address ``parts`` joined by dots appears in ``text`` as a
    whole name (``var.a`` is not in ``var.ab``)."""
    address = ".".join(parts)
    at = text.find(address)
    while at >= 0:
        end = at + len(address)
        if (at == 0 or not _NAME_CHAR.match(text[at - 1])) and (end == len(text) or not _NAME_CHAR.match(text[end])):
            return True
        at = text.find(address, at + 1)
    return False


def _json_text(module: TerraformModule) -> str | None:
    """The text of the folder's ``.tf.json`` files (Terraform reads them
    with the ``.tf`` files; tffix does not parse them), or None when one
    cannot be read."""
    texts = []
    for path in sorted(module.existing):
        if path.name.endswith(".tf.json"):
            data = module.inputs.read_bytes(module.directory / path.name)
            if data is None:
                return None
            texts.append(data.decode("utf-8", "replace"))
    return "\n".join(texts)
