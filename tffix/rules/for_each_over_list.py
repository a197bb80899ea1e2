from __future__ import annotations

from ..api import (
    Applicability,
    Block,
    Example,
    FixBuilder,
    NodeContext,
    Rule,
    Severity,
    declared_type,
    parse_expression,
    template_text,
)
from ..cst import nodes as n
from .count_and_for_each import REPEATABLE

__all__ = ["ForEachOverList"]

#: functions that always return a list of strings
_STRING_LISTS = frozenset({"split", "keys", "compact", "sort", "formatlist"})
#: functions that always return a list (or tuple) of values of any type
_LISTS = frozenset({
    "concat", "distinct", "flatten", "values", "range", "tolist", "slice", "reverse", "chunklist",
    "matchkeys", "coalescelist", "regexall",
})  # fmt: skip

# What a ``for_each`` value is, as far as the code shows it
_NOT_LIST = 0
_LIST = 1  # a list or tuple: refused; no fix known
_STRINGS = 2  # a list of strings: toset(...) fixes it, unsafe
_LITERALS = 3  # distinct string literals: toset([...]) fixes it, safe


def _elements(value: n.Tuple) -> int:
    texts = []
    for element in value.elements:
        if type(element.value) is not n.Template:
            return _LIST
        texts.append(template_text(element.value))
    if texts and all(t is not None for t in texts) and len(set(texts)) == len(texts):
        return _LITERALS
    return _STRINGS if texts else _LIST


def _kind(value: n.Expression, ctx: NodeContext) -> tuple[int, str, str]:
    """What ``value`` is, and how a message names it: the form (``tuple``,
    ``for``, ``call``, ``var``, ``local``), a name and a declared type."""
    kind = type(value)
    if kind is n.Tuple:
        return _elements(value), "tuple", ""  # type: ignore[arg-type]
    if kind is n.ForExpr and value.open.text == "[":  # type: ignore[union-attr]
        strings = type(value.value_expr) is n.Template  # type: ignore[union-attr]
        return (_STRINGS if strings else _LIST), "for", ""
    if kind is n.FunctionCall:
        name = value.function_name  # type: ignore[union-attr]
        if name in _STRING_LISTS:
            return _STRINGS, "call", name
        if name in _LISTS:
            return _LIST, "call", name
        return _NOT_LIST, "", ""
    if kind in (n.GetAttr, n.Index, n.Splat):
        link: n.Expression = value
        while type(link) in (n.GetAttr, n.Index, n.Splat):
            if type(link) is n.Splat:
                return _LIST, "splat", ""  # `x[*].id` is always a tuple
            link = link.obj  # type: ignore[union-attr]
    if kind is n.GetAttr and type(value.obj) is n.Variable:  # type: ignore[union-attr]
        root, name = value.obj.name.text, value.name.text  # type: ignore[union-attr]
        index = ctx.module.index
        if root == "var":
            declaration = index.declaration("variable", name)
            if declaration is None or type(declaration.node) is not n.Block:
                return _NOT_LIST, "", ""
            if declaration.node.body.attribute("type") is None:
                return _NOT_LIST, "", ""  # untyped: the caller may pass a map or a set
            declared = declared_type(declaration.node)
            if declared in ("list(string)", "tuple([string])"):
                return _STRINGS, "var", name
            if declared is not None and declared.startswith(("list(", "tuple(")):
                return _LIST, "var", name
            return _NOT_LIST, "", ""
        if root == "local":
            declaration = index.declaration("local", name)
            if declaration is None or type(declaration.node) is not n.Attribute:
                return _NOT_LIST, "", ""
            local = declaration.node.value
            if type(local) is n.Tuple:
                return min(_elements(local), _STRINGS), "local", name
    return _NOT_LIST, "", ""


class ForEachOverList(Rule):
    """for_each over a list

    ## What it does
    Finds `for_each` on `resource`, `data`, `ephemeral` and `module` blocks
    whose value is a list: a `[...]` literal, a `[for ...]` expression, a
    splat (`aws_subnet.private[*].id`), a function that returns a list
    (`split`, `keys`, `concat`, `distinct`, `values`...), a variable
    declared `list(...)` or a local holding a `[...]` literal. `dynamic`
    blocks, which take lists, are not concerned.

    ## Why is this bad?
    `for_each` takes a map or a set of strings, which give each instance a
    stable key; Terraform refuses a list ("The given "for_each" argument
    value is unsuitable"). Generated code writes `for_each = ["a", "b"]` or
    `for_each = var.names` for a `list(string)` variable.

    ## Example
    ```hcl
    resource "google_storage_bucket" "data" {
      for_each = ["raw", "curated"]
      name     = "acme-${each.key}"
      location = "EU"
    }
    ```

    Use instead:
    ```hcl
    resource "google_storage_bucket" "data" {
      for_each = toset(["raw", "curated"])
      name     = "acme-${each.key}"
      location = "EU"
    }
    ```

    ## Fix safety
    Where the list is one of strings, the fix wraps it in `toset(...)`, which
    makes each string the instance key (`each.key` and `each.value` are both
    the string), as the author of such code expects. It is safe for a
    literal list of distinct strings: Terraform refuses the code as it is,
    so no working configuration changes. It is unsafe otherwise: `toset`
    drops duplicates without a word, and a value known only after apply
    still fails. A list of other values (objects, numbers) has no fix: it
    needs a key chosen for each element (`{ for x in ... : x.name => x }`);
    nor has a splat, whose values are mostly known only after apply.

    ## References
    - https://developer.hashicorp.com/terraform/language/meta-arguments/for_each
    - https://developer.hashicorp.com/terraform/language/functions/toset
    """

    code = "TFX305"
    name = "for-each-over-list"
    severity = Severity.ERROR
    fixable = Applicability.SAFE

    valid = (
        'resource "aws_iam_user" "a" {\n  for_each = toset(["x", "y"])\n  name     = each.key\n}\n',
        'resource "aws_iam_user" "a" {\n  for_each = { x = 1 }\n  name     = each.key\n}\n',
        (
            'resource "aws_security_group" "a" {\n  dynamic "ingress" {\n    for_each = [22, 443]\n'
            "    content {\n      from_port = ingress.value\n    }\n  }\n}\n"
        ),
    )
    invalid = (
        Example(
            'resource "aws_iam_user" "a" {\n  for_each = ["x", "y"]\n  name     = each.key\n}\n',
            'resource "aws_iam_user" "a" {\n  for_each = toset(["x", "y"])\n  name     = each.key\n}\n',
        ),
        Example(
            'variable "names" {\n  type = list(string)\n}\n\n'
            'resource "aws_iam_user" "a" {\n  for_each = var.names\n  name     = each.key\n}\n',
            'variable "names" {\n  type = list(string)\n}\n\n'
            'resource "aws_iam_user" "a" {\n  for_each = toset(var.names)\n  name     = each.key\n}\n',
            unsafe=True,
        ),
        Example('resource "aws_iam_user" "a" {\n  for_each = [{ name = "x" }]\n  name     = each.value.name\n}\n'),
        Example('resource "aws_eip" "nat" {\n  for_each = aws_subnet.public[*].id\n  domain   = "vpc"\n}\n'),
    )

    def visit_Block(self, node: Block, ctx: NodeContext) -> bool:
        if node.type.text not in REPEATABLE:
            return False
        for_each = ctx.module.index.attribute(node, "for_each")
        if for_each is None:
            return False
        value = for_each.value
        while type(value) is n.Parens:
            value = value.expr
        kind, form, name = _kind(value, ctx)
        if kind == _NOT_LIST:
            return False
        if form == "call":
            what = f"{name}(...), a list"
        elif form == "var":
            what = f"var.{name}, declared a list"
        elif form == "local":
            what = f"local.{name}, a list"
        elif form == "for":
            what = "a [for ...] list"
        elif form == "splat":
            what = "a splat ([*]), a list"
        else:
            what = "a list"
        fix = None
        if kind in (_STRINGS, _LITERALS):
            rewrite = FixBuilder(ctx.module, ctx.file)
            rewrite.replace(value, parse_expression("toset({0})", value))
            applicability = Applicability.SAFE if kind == _LITERALS else Applicability.UNSAFE
            fix = rewrite.build("Wrap in toset(...)", applicability)
        advice = "wrap it in toset(...)" if fix is not None else "make it a map with a key per element"
        ctx.report(
            for_each.value,
            f"for_each over {what}: for_each takes a map or a set of strings; {advice}",
            fix=fix,
        )
        return False
