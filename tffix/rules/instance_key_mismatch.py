from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Rule,
    Severity,
    TerraformModule,
    parse_expression,
    walk,
)
from ..cst import nodes as n
from .module_structure import declarations_visible

__all__ = ["InstanceKeyMismatch"]


#: attributes whose references name whole objects, where no instance key is asked for
_WHOLE_OBJECTS = frozenset({"depends_on", "replace_triggered_by", "ignore_changes"})


def _after(traversal: n.Node, node: n.Node) -> n.Node | None:
    """The link of ``traversal`` right after ``node`` (``aws_x.y``), or None."""
    link = traversal
    step = None
    while link is not node:
        step = link
        link = link.obj  # type: ignore[attr-defined]
    return step


def _whole_object_nodes(module: TerraformModule) -> set[int]:
    found: set[int] = set()
    for file in module.parsed():
        assert file.tree is not None
        stack: list[n.Block | n.Module] = [file.tree]
        while stack:
            block = stack.pop()
            for item in block.body.items:
                if type(item) is n.Block:
                    stack.append(item)
                elif type(item) is n.Attribute and item.name.text in _WHOLE_OBJECTS:
                    found.update(id(node) for node in walk(item.value))
    return found


def _inside_counted(file_tree: n.Module, node: n.Node) -> bool:
    """Whether ``node`` sits in a top-level block that has ``count``."""
    for item in file_tree.body.items:
        if type(item) is n.Block and any(node is x for x in walk(item)):
            return item.body.attribute("count") is not None
    return False


class InstanceKeyMismatch(Rule):
    """Instance key missing on a repeated object, or given to a single one

    ## What it does
    Finds attribute references to a resource, data source or module that
    has `count` or `for_each` without saying which instance
    (`aws_eip.nat.id` for `aws_eip.nat[0].id`), and references with an
    instance key (`aws_instance.web[0].id`) to one that has neither.
    References to the whole object (`aws_eip.nat`, `aws_eip.nat[*].id`,
    `depends_on`) are fine and left alone.

    ## Why is this bad?
    `terraform validate` stops with "Missing resource instance key" or
    "Unexpected resource instance key" (and the same for modules). Generated
    code adds `count = var.enabled ? 1 : 0` to a resource and keeps the
    references it had, or indexes a resource that was never repeated.

    ## Example
    ```hcl
    resource "aws_eip" "nat" {
      count  = var.enable_nat ? 1 : 0
      domain = "vpc"
    }

    resource "aws_nat_gateway" "main" {
      allocation_id = aws_eip.nat.id
      subnet_id     = var.public_subnet_id
    }
    ```

    Use instead:
    ```hcl
    resource "aws_eip" "nat" {
      count  = var.enable_nat ? 1 : 0
      domain = "vpc"
    }

    resource "aws_nat_gateway" "main" {
      allocation_id = aws_eip.nat[0].id
      subnet_id     = var.public_subnet_id
    }
    ```

    ## Fix safety
    Unsafe. For `count`, the fix indexes the reference with `[count.index]`
    when the referring block has `count` too (the instances pair up), else
    with `[0]`; the author may have meant a splat (`[*]`) or another
    instance. For `for_each` there is no fix: the key is the author's
    choice. An index on a single object is removed: the author may have
    meant to repeat the object instead.

    ## References
    - https://developer.hashicorp.com/terraform/language/meta-arguments/count#referring-to-instances
    - https://developer.hashicorp.com/terraform/language/meta-arguments/for_each#referring-to-instances
    """

    code = "TFX307"
    name = "instance-key-mismatch"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE

    valid = (
        'resource "aws_eip" "nat" {\n  count = 2\n}\n\noutput "ids" {\n  value = aws_eip.nat[*].id\n}\n',
        'resource "aws_eip" "nat" {\n  count = 2\n}\n\noutput "all" {\n  value = aws_eip.nat\n}\n',
    )
    invalid = (
        Example(
            'resource "aws_eip" "nat" {\n  count = 1\n}\n\noutput "ip" {\n  value = aws_eip.nat.public_ip\n}\n',
            'resource "aws_eip" "nat" {\n  count = 1\n}\n\noutput "ip" {\n  value = aws_eip.nat[0].public_ip\n}\n',
            unsafe=True,
        ),
        Example(
            'resource "aws_eip" "nat" {\n  domain = "vpc"\n}\n\noutput "ip" {\n  value = aws_eip.nat[0].public_ip\n}\n',
            'resource "aws_eip" "nat" {\n  domain = "vpc"\n}\n\noutput "ip" {\n  value = aws_eip.nat.public_ip\n}\n',
            unsafe=True,
        ),
        Example(
            'resource "aws_eip" "nat" {\n  for_each = toset(["a"])\n}\n\n'
            'output "ip" {\n  value = aws_eip.nat.public_ip\n}\n'
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        index = module.index
        candidates = []
        for reference in index.references:
            declaration = reference.declaration
            if declaration is None or reference.kind not in ("resource", "data", "module"):
                continue
            step = _after(reference.traversal, reference.node)
            if step is None or type(step) is n.Splat:
                continue
            candidates.append((reference, declaration, step))
        if not candidates or not declarations_visible(module):
            return
        whole = _whole_object_nodes(module)
        for reference, declaration, step in candidates:
            if id(reference.node) in whole:
                continue
            target = declaration.block
            if next(module.overrides(target), None) is not None:
                continue  # an override file may add or drop count / for_each
            attributes = index.attributes(target)
            repeat = "count" if "count" in attributes else "for_each" if "for_each" in attributes else None
            keyed = type(step) is n.Index or (type(step) is n.GetAttr and step.name.kind == "NUMBER_LIT")
            file = module.files[reference.file]
            address = reference.address
            if repeat is not None and not keyed:
                fix = None
                if repeat == "count":
                    assert file.tree is not None
                    paired = _inside_counted(file.tree, reference.node)
                    keyed_ref = parse_expression("{0}[count.index]" if paired else "{0}[0]", reference.node)
                    rewrite = FixBuilder(module, file)
                    rewrite.replace(reference.node, keyed_ref)
                    fix = rewrite.build(f"Use {keyed_ref.code.strip()}", Applicability.UNSAFE)
                if repeat == "count":
                    message = f"{address} has count: say which instance ({address}[0]) or use them all ({address}[*])"
                else:
                    message = (
                        f'{address} has for_each: say which instance ({address}["key"]) '
                        f"or use them all (values({address}))"
                    )
                yield module.diagnostic(self, file, reference.node, message, fix=fix)
            elif repeat is None and keyed:
                rewrite = FixBuilder(module, file)
                rewrite.replace(step, reference.node)  # `aws_x.y[0]` -> `aws_x.y`
                yield module.diagnostic(
                    self, file, step,
                    f"{address} has neither count nor for_each: it is one object, with no instance key",
                    fix=rewrite.build(f"Use {address}", Applicability.UNSAFE),
                )  # fmt: skip
