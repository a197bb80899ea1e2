from __future__ import annotations

from ..api import (
    REMOVE,
    Applicability,
    Example,
    FixBuilder,
    Literal,
    Node,
    NodeContext,
    Object,
    ObjectItem,
    Rule,
    Severity,
    Transformer,
)

__all__ = ["DuplicateMapKey"]


class DuplicateMapKey(Rule):
    """Key written twice in one object or map

    ## What it does
    Finds object constructors (`{ ... }`) that set the same key twice, by
    value: `name`, `"name"` and `"n\\u0061me"` are one key, as are `1` and
    `"1"`. Keys computed by an expression (`(var.k)`, `"${var.k}"`) are not
    compared. The fix removes the earlier item, whose value Terraform drops.

    ## Why is this bad?
    Terraform keeps the last value of a repeated key without a word, so the
    first line reads as configuration but does nothing: usually a copy and
    paste that was meant to change the key, or a merge that kept both
    sides.

    ## Example
    ```hcl
    locals {
      ports = {
        http  = 80
        https = 443
        http  = 8080
      }
    }
    ```

    Use instead:
    ```hcl
    locals {
      ports = {
        https = 443
        http  = 8080
      }
    }
    ```

    ## Fix safety
    Unsafe: removing the earlier item keeps the value Terraform uses today,
    but the removed line may be the one the author meant (then the key of
    the other one needs changing instead). The removed item's comment
    lines go with it.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/types#maps-objects
    - https://github.com/hashicorp/terraform/issues/28727
    """

    code = "TFX217"
    name = "duplicate-map-key"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE

    valid = ("locals {\n  a = { x = 1, y = 2 }\n  b = { (var.k) = 1, (var.k) = 2 }\n}\n",)
    invalid = (
        Example(
            "locals {\n  a = {\n    x = 1\n    y = 2\n    x = 3 # wins\n  }\n}\n",
            "locals {\n  a = {\n    y = 2\n    x = 3 # wins\n  }\n}\n",
            unsafe=True,
        ),
        Example('locals {\n  a = { x = 1, "x" = 2 }\n}\n', 'locals {\n  a = { "x" = 2 }\n}\n', unsafe=True),
    )

    def visit_Object(self, obj: Object, ctx: NodeContext) -> None:
        seen: dict[str, ObjectItem] = {}
        for item in obj.items:
            if type(item) is not ObjectItem:
                continue
            key = _key(item)
            if key is None:
                continue
            first = seen.get(key)
            seen[key] = item
            if first is None:
                continue
            line = ctx.file.location(ctx.file.span(first.key)[0])[0]
            rewrite = FixBuilder(ctx.module, ctx.file)
            rewrite.replace(obj, obj.visit(_Drop(first)))
            ctx.report(
                item.key,
                f'key "{key}" is already set on line {line}; the earlier value is dropped',
                fix=rewrite.build("Remove the earlier item", Applicability.UNSAFE),
            )


def _key(item: ObjectItem) -> str | None:
    if type(item.key) is Literal and item.key.token.kind == "NUMBER_LIT":
        return item.key.token.text
    return item.key_name


class _Drop(Transformer):
    def __init__(self, item: ObjectItem) -> None:
        self.item = item

    def leave_ObjectItem(self, original: ObjectItem, updated: ObjectItem) -> Node:
        result: Node = REMOVE if original is self.item else updated
        return result
