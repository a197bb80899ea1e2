from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from ..api import (
    Applicability,
    BlockSchema,
    Diagnostic,
    Example,
    FixBuilder,
    Option,
    Rule,
    Severity,
    TerraformModule,
    module_schemas,
    suggest,
)
from ..cst import nodes as n
from .module_structure import not_value_nodes
from .provider_schema_rules import PROVIDER_SCHEMAS, refuse_unusable

__all__ = ["UnknownAttributeReference"]

#: attributes every resource and data source instance has, whatever its schema says
_ALWAYS = frozenset({"id"})


def _links(traversal: n.Node, node: n.Node) -> list[n.Node]:
    """The links of ``traversal`` after ``node``, outward (``[0]``, ``.id``)."""
    out = []
    link = traversal
    while link is not node:
        out.append(link)
        link = link.obj  # type: ignore[attr-defined]
    out.reverse()
    return out


def _names(schemas: Sequence[BlockSchema]) -> set[str]:
    """Every name a reference may read from an instance of these blocks (in
    any candidate): attributes, computed ones too, and nested block types."""
    return {x for s in schemas for x in s.attributes} | {x for s in schemas for x in s.blocks}


def _likely(name: str, options: set[str]) -> list[str]:
    """What generated code usually means by ``name``, among ``options``:
    ``public_ip`` for ``public_ip_address``, ``image_id`` for ``image``,
    ``ip_address`` for ``public_ip_address``, ``arn`` for ``bucket_arn``."""
    found = []
    for option in sorted(options):
        longer = option.removeprefix(name) in ("_id", "_name") and option != name
        shorter = name.removeprefix(option) in ("_address", "_name")
        suffix = name.endswith(option) and name[: -len(option)].endswith("_")
        if longer or shorter or suffix:
            found.append(option)
    return found


def _steps(links: list[n.Node]) -> Iterator[n.GetAttr]:
    """The attribute names read, level by level: after an optional instance
    key (``[0]``, ``["a"]``, ``[*]``, ``.*``, legacy ``.0``), one name."""
    i = 0
    while i < len(links):
        link = links[i]
        if type(link) is n.Index or type(link) is n.Splat or (type(link) is n.GetAttr and link.name.text.isdigit()):
            i += 1
            if i == len(links):
                return
            link = links[i]
        if type(link) is not n.GetAttr:
            return
        yield link
        i += 1


class UnknownAttributeReference(Rule):
    """Reference to an attribute the resource or data source type does not have

    ## What it does
    Finds references such as `aws_instance.web.public_ip_address` or
    `data.aws_ami.ubuntu.image` whose attribute the schema of the type does
    not list (arguments and computed attributes alike), after any instance
    key or splat (`aws_instance.web[0].x`, `aws_instance.web[*].x`), and
    inside nested blocks (`aws_instance.web.root_block_device[0].x`). `id`
    is never reported, nor are attributes of objects the schema does not
    describe field by field, nor types of providers tffix has no schema for
    (see `unknown-resource-type` for where schemas come from).

    ## Why is this bad?
    `terraform validate` refuses it: "This object has no argument, nested
    block, or exported attribute named "x"". Generated code often spells an
    attribute the way another resource or provider does.

    ## Example
    ```hcl
    resource "aws_instance" "web" {
      ami           = "ami-0123456789abcdef0"
      instance_type = "t3.micro"
    }

    output "ip" {
      value = aws_instance.web.public_ip_address
    }
    ```

    Use instead:
    ```hcl
    output "ip" {
      value = aws_instance.web.public_ip
    }
    ```

    ## Fix safety
    Unsafe when exactly one close name exists: the reference reads another
    attribute, which the author should check is the one meant. With
    several close names the fix is display-only; with none there is no fix.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/references#references-to-resource-attributes
    - https://developer.hashicorp.com/terraform/cli/commands/providers/schema
    """

    code = "TFX407"
    name = "unknown-attribute-reference"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE
    options: ClassVar[dict[str, Option]] = {"provider_schemas": PROVIDER_SCHEMAS}

    valid = (
        (
            'resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n\n'
            'output "ip" {\n  value = aws_instance.web.public_ip\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n\n'
            'output "ip" {\n  value = aws_instance.web.public_ipp\n}\n',
            'resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n\n'
            'output "ip" {\n  value = aws_instance.web.public_ip\n}\n',
            unsafe=True,
        ),
    )

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        refuse_unusable(self.settings["provider_schemas"])

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        index = module.index
        references = [r for r in index.references if r.kind in ("resource", "data") and r.declaration is not None]
        if not references:
            return
        trees = [f.tree for f in module.parsed() if f.tree is not None]
        schemas = module_schemas(trees, self.settings["provider_schemas"], module.inputs.read_bytes)
        skip: set[int] | None = None
        for reference in references:
            declaration = reference.declaration
            assert declaration is not None
            if declaration.override or type(declaration.node) is not n.Block:
                continue
            candidates = schemas.for_block(declaration.node, declaration.name)
            if candidates is None or not all(s.exports for s in candidates.schemas):
                continue  # a schema that does not list computed attributes cannot tell
            kind = "resource" if reference.kind == "resource" else "data"
            found = candidates.blocks(kind, declaration.name[0])
            if found is None:
                continue
            if skip is None:
                skip = not_value_nodes(module)
            if id(reference.node) in skip:
                continue
            level: list[BlockSchema] = found
            path: list[str] = []
            for step in _steps(_links(reference.traversal, reference.node)):
                name = step.name.text
                if not path and name in _ALWAYS:
                    break
                if name not in _names(level):
                    yield self._report(module, reference, step, name, path, level, candidates.label)
                    break
                if not all(name in s.blocks for s in level):
                    break  # an attribute: objects and maps are not described field by field
                level = [s.blocks[name].block for s in level]
                path.append(name)

    def _report(
        self,
        module: TerraformModule,
        reference: Any,
        step: n.GetAttr,
        name: str,
        path: list[str],
        level: list[BlockSchema],
        label: str,
    ) -> Diagnostic:
        file = module.files[reference.file]
        options = _names(level)
        hints = _likely(name, options) or suggest(name, sorted(options))
        place = reference.address + "".join(f".{p}" for p in path)
        hint = "; did you mean " + " or ".join(f'"{h}"' for h in hints[:3]) + "?" if hints else ""
        message = f'{place} has no attribute "{name}" ({label}){hint}'
        fix = None
        if hints:
            rewrite = FixBuilder(module, file)
            rewrite.replace(step, step.with_changes(name=n.Token("IDENT", hints[0])))
            one = len(hints) == 1
            fix = rewrite.build(f'Use "{hints[0]}"', Applicability.UNSAFE if one else Applicability.DISPLAY_ONLY)
        return module.diagnostic(self, file, step.name, message, fix=fix)
