from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    parents,
    ref,
    walk,
)
from ..cst import nodes as n
from .module_structure import close_names, declarations_visible

__all__ = ["UndeclaredVariable", "inferred_type"]

#: operators whose operands are numbers, and those whose operands are booleans
_ARITHMETIC = frozenset({"+", "-", "*", "/", "%"})
_LOGIC = frozenset({"&&", "||"})


def _use_type(node: n.Node, up: dict[int, n.Node]) -> str | None:
    """The type one use of ``var.x`` asks for, where one word says it: in a
    string template with other text, ``string``; a ``count``, or arithmetic,
    ``number``; a condition or a logical operand, ``bool``; inside
    ``toset(...)``, ``list(string)``. ``""`` where the use says nothing."""
    parent = up.get(id(node))
    kind = type(parent)
    if kind is n.Interpolation:
        template = up.get(id(parent))
        if type(template) is n.Template and len(template.parts) > 1:
            return "string"
        if type(template) is n.Heredoc:
            return "string"
        return ""
    if kind is n.Attribute:
        return "number" if parent.name.text == "count" else ""  # type: ignore[union-attr]
    if kind is n.Conditional:
        return "bool" if parent.condition is node else ""  # type: ignore[union-attr]
    if kind is n.UnaryOp:
        return "bool" if parent.op.text == "!" else "number"  # type: ignore[union-attr]
    if kind is n.BinaryOp:
        op = parent.op.text  # type: ignore[union-attr]
        return "number" if op in _ARITHMETIC else "bool" if op in _LOGIC else ""
    if kind is n.Element:
        call = up.get(id(parent))
        if type(call) is n.FunctionCall and call.function_name == "toset":
            return "list(string)"
    return ""


def inferred_type(uses: list[tuple[n.Node, n.Node, dict[int, n.Node]]]) -> str | None:
    """The type every use of an undeclared variable agrees on, or None.

    ``uses`` holds each use's name node (``var.x``), the whole traversal it
    starts, and the parent map of its file. A use that reads into the value
    (``var.x.name``, ``var.x[0]``) means an object or a collection whose
    element type the code does not say: no type."""
    kinds: set[str] = set()
    for node, traversal, up in uses:
        if traversal is not node:
            return None
        kind = _use_type(node, up)
        if kind:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None


class UndeclaredVariable(Rule):
    """Reference to an undeclared input variable

    ## What it does
    Finds `var.<name>` where no `variable "<name>"` block is declared in any
    `.tf` file of the module. When a declared variable has a close name
    (`var.regin` and `variable "region"`), the finding suggests it.

    A module that has a `.tf.json` file, or a file that does not parse, is
    left alone: the declaration may be in what tffix cannot read.

    ## Why is this bad?
    `terraform validate` and `plan` stop with "Reference to undeclared input
    variable". Values in `.tfvars` files or `-var` options do not declare a
    variable: Terraform only warns about them and the reference still fails.
    Generated code often uses a variable it forgot to declare.

    ## Example
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "${var.prefix}-logs"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "${var.prefix}-logs"
    }

    variable "prefix" {
      type = string
    }
    ```

    ## Fix safety
    Unsafe. When exactly one declared variable has a close name, the fix
    renames the reference to it (the author may have meant another
    variable). Otherwise it declares the variable, with no default, in the
    file that holds the module's variables (`variables.tf` when there is
    none): the module then asks its caller for a value. The type is written
    when every use agrees on one (text around it in a string: `string`;
    `count`: `number`; a condition: `bool`; `toset(var.x)`: `list(string)`);
    otherwise it is `any`, which says that nobody chose one yet (and keeps
    tflint's `terraform_typed_variables` quiet).

    ## References
    - https://developer.hashicorp.com/terraform/language/values/variables
    - https://developer.hashicorp.com/terraform/cli/commands/validate
    """

    code = "TFX301"
    name = "undeclared-variable"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE

    valid = (
        'variable "name" {\n  type = string\n}\n\nresource "aws_s3_bucket" "a" {\n  bucket = var.name\n}\n',
        'resource "aws_instance" "a" {\n  count = length(local.names)\n  tags  = { Name = "${path.module}-${count.index}" }\n}\n',
    )
    invalid = (
        Example(
            'variable "env" {\n  type = string\n}\n\n'
            'resource "aws_s3_bucket" "a" {\n  bucket = "${var.prefix}-${var.env}"\n}\n',
            'variable "env" {\n  type = string\n}\n\n'
            'resource "aws_s3_bucket" "a" {\n  bucket = "${var.prefix}-${var.env}"\n}\n\n'
            'variable "prefix" {\n  type = string\n}\n',
            unsafe=True,
        ),
        Example(
            'variable "region" {\n  type = string\n}\n\nprovider "aws" {\n  region = var.regin\n}\n',
            'variable "region" {\n  type = string\n}\n\nprovider "aws" {\n  region = var.region\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        unresolved = [r for r in module.index.references.unresolved() if r.kind == "variable"]
        if not unresolved or not declarations_visible(module):
            return
        # a `terraform` block (backend, cloud) takes no variables at all: backend-with-dynamic-values
        # reports those, and declaring the variable would not help
        settings_nodes = {id(node) for entry in module.index.blocks("terraform") for node in walk(entry.block)}
        unresolved = [r for r in unresolved if id(r.node) not in settings_nodes]
        if not unresolved:
            return
        declared = [d.name[0] for d in module.index.declarations("variable") if not d.override]
        parent_maps: dict[object, dict[int, n.Node]] = {}

        def up(file: SourceFile) -> dict[int, n.Node]:
            found = parent_maps.get(file.path)
            if found is None:
                assert file.tree is not None
                found = parent_maps[file.path] = parents(file.tree)
            return found

        uses: dict[str, list[tuple[n.Node, n.Node, dict[int, n.Node]]]] = {}
        for reference in unresolved:
            file = module.files[reference.file]
            uses.setdefault(reference.name[0], []).append((reference.node, reference.traversal, up(file)))
        for reference in unresolved:
            name = reference.name[0]
            file = module.files[reference.file]
            close = close_names(name, declared)
            rewrite = FixBuilder(module, file)
            if len(close) == 1:
                rewrite.replace(reference.node, ref("var", close[0]))
                fix = rewrite.build(f"Use var.{close[0]}", Applicability.UNSAFE)
            else:
                kind = inferred_type(uses[name]) or "any"  # explicit: nobody chose a type yet
                used = rewrite.ensure_variable(name, type=kind)
                fix = rewrite.build(f'Declare variable "{used}"', Applicability.UNSAFE)
            hint = f"; did you mean var.{' or var.'.join(close)}?" if close else ""
            yield module.diagnostic(
                self, file, reference.node, f'var.{name} is not declared: no variable "{name}" block{hint}', fix=fix
            )
