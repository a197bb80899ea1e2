from __future__ import annotations

from collections.abc import Iterator

from ..api import (
    NEWLINE,
    Applicability,
    Diagnostic,
    Example,
    Fix,
    FixBuilder,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    is_identifier,
    parse_attribute,
    to_node,
)
from ..cst import nodes as n
from .module_structure import ChildModule, close_names, local_child, local_source, module_inputs, remember_module

__all__ = ["ModuleCallMismatch"]

#: block types that are Terraform's own, never an input written as a block
_RESERVED = frozenset({
    "lifecycle", "dynamic", "provisioner", "connection", "provider", "locals", "output", "module",
    "resource", "data", "terraform", "moved", "import", "removed", "check", "depends_on", "count",
    "for_each", "source", "version", "providers",
})  # fmt: skip


def _output_name(traversal: n.Node, node: n.Node) -> n.GetAttr | None:
    """In ``module.x[0].out.y`` (``traversal``) after ``module.x`` (``node``),
    the ``.out`` step: past one index or splat (a module with ``count`` or
    ``for_each``); None when the module object is used whole."""
    chain: list[n.Node] = []
    link = traversal
    while link is not node:
        chain.append(link)
        link = link.obj  # type: ignore[attr-defined]
    chain.reverse()  # innermost first: the step right after ``module.x`` leads
    if chain and type(chain[0]) in (n.Index, n.Splat):
        chain = chain[1:]
    if chain and type(chain[0]) is n.GetAttr:
        step = chain[0]
        assert type(step) is n.GetAttr
        return step
    return None


class ModuleCallMismatch(Rule):
    """Module call that does not fit the module it calls

    ## What it does
    Finds `module` blocks that Terraform refuses for their shape:

    - a nested block (`tags { ... }`, `variable "x" { ... }`, `lifecycle`)
      inside `module { }`, whatever the source: a module call takes
      arguments only;

    and, for a local source (`./...`, `../...`), read from the child
    module's own `.tf` files:

    - a source folder that does not exist;
    - an argument the child declares no variable for (with the variable of
      the closest name, when there is one);
    - a required variable of the child (no `default`) that the call does not
      set;
    - `module.<name>.<output>` where the child declares no such output.

    Registry, git and other remote sources are never read. A child that has
    a file that does not parse, or a `.tf.json` file, is not judged on its
    inputs or outputs; nor are required inputs when it has override files.

    ## Why is this bad?
    `terraform init` fails on a missing folder; `terraform validate` fails
    with "Unsupported argument", "Missing required argument", "Unsupported
    block type" or "Unsupported attribute". Generated code invents module
    folders and input names, and writes module inputs as blocks.

    ## Example
    ```hcl
    module "network" {
      source = "./modules/network"

      cidr_block = "10.0.0.0/16"
    }
    ```

    Use instead (the child declares `variable "vpc_cidr"`):
    ```hcl
    module "network" {
      source = "./modules/network"

      vpc_cidr = "10.0.0.0/16"
    }
    ```

    ## Fix safety
    Unsafe, always: the fixes guess what the author meant.

    - An unknown argument is renamed to the child's variable of the closest
      name that the call does not set yet, when exactly one is close; or,
      when the call has exactly one unknown argument and misses exactly one
      required input, to that input.
    - An unknown output is renamed in the reference when exactly one output
      of the child has a close name.
    - A nested block of plain arguments without comments becomes an
      argument: `tags { Team = "core" }` -> `tags = { Team = "core" }`, and
      `variable "name" { default = "main" }` -> `name = "main"`. Terraform's
      own block types (`lifecycle`, `dynamic`, `provisioner`...) are
      reported only.

    Missing folders and missing required inputs are reported only.

    ## References
    - https://developer.hashicorp.com/terraform/language/modules/syntax
    - https://developer.hashicorp.com/terraform/language/modules/sources#local-paths
    """

    code = "TFX303"
    name = "module-call-mismatch"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE

    valid = (
        'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.0"\n\n  cidr = "10.0.0.0/16"\n}\n',
    )
    invalid = (
        Example(
            'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n\n  tags {\n    Team = "core"\n  }\n}\n',
            'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n\n  tags = {\n    Team = "core"\n  }\n}\n',
            unsafe=True,
        ),
        Example(
            'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n\n  variable "name" {\n    default = "main"\n  }\n}\n',
            'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n\n  name = "main"\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        remember_module(module)  # a later module of the run may call this one
        children: dict[str, ChildModule] = {}  # one read per child and run (a module may call one many times)
        for entry in module.index.blocks("module"):
            file = module.files[entry.file]
            block = entry.block
            name = entry.name or ""
            yield from self._blocks(module, file, block, name)
            if module.lone:
                continue  # a buffer with no folder: its sources name folders relative to nothing known
            if module.is_override(file) or next(module.overrides(block), None) is not None:
                continue  # an override file may change the source or the inputs
            source = local_source(block)
            if source is None:
                continue
            child = children.get(source) or children.setdefault(source, local_child(module, source))
            attribute = block.body.attribute("source")
            assert attribute is not None
            if not child.found:
                yield module.diagnostic(
                    self, file, attribute.value,
                    f'module "{name}": source "{source}" names no folder: nothing to call',
                )  # fmt: skip
                continue
            if not child.known or child.variables is None:
                continue
            yield from self._inputs(module, file, block, name, source, child)
            declaration = module.index.declaration("module", name)
            if declaration is not None and declaration.node is block:
                yield from self._outputs(module, declaration, name, source, child)

    def _blocks(self, module: TerraformModule, file: SourceFile, block: n.Block, name: str) -> Iterator[Diagnostic]:
        for nested in block.body.blocks():
            kind = nested.type.text
            if kind == "_":
                continue  # the escaping block: arguments named like meta-arguments
            if kind == "variable":
                message = (
                    f'module "{name}": a variable block cannot go inside a module call; '
                    "set the child's input as an argument (name = value)"
                )
            elif kind in _RESERVED:
                message = f'module "{name}": a module call takes no {kind} block'
            else:
                message = (
                    f'module "{name}": a module call takes no nested blocks; set {kind} as an argument ({kind} = ...)'
                )
            yield module.diagnostic(self, file, nested.type, message, fix=self._as_argument(module, file, nested))

    def _as_argument(self, module: TerraformModule, file: SourceFile, nested: n.Block) -> Fix | None:
        """``tags { a = 1 }`` -> ``tags = { a = 1 }``; ``variable "x" { default = v }``
        -> ``x = v``: only for a body of plain attributes without comments."""
        items = nested.body.items
        if nested.type.text in _RESERVED:
            return None
        if any(type(i) is n.Block or (type(i) is n.EmptyLine and i.comment is not None) for i in items):
            return None
        attributes = [i for i in items if type(i) is n.Attribute]
        if any(a.leading or (a.newline is not None and a.newline.text.strip()) for a in attributes):
            return None
        if nested.type.text == "variable":
            labels = module.index.labels(nested)
            default = nested.body.attribute("default")
            if len(labels) != 1 or not is_identifier(labels[0]) or default is None:
                return None
            new = parse_attribute("{0} = {1}", labels[0], default.value)
        else:
            if nested.labels or not attributes:
                return None
            obj = to_node({a.name.text: a.value for a in attributes})
            assert type(obj) is n.Object
            lines = tuple(i.with_changes(comma=None, newline=NEWLINE) for i in obj.items if type(i) is n.ObjectItem)
            new = parse_attribute("{0} = {1}", nested.type.text, obj.with_changes(open_newline=NEWLINE, items=lines))
        rewrite = FixBuilder(module, file)
        rewrite.replace(nested, new)
        return rewrite.build(f"Write it as the argument {new.name.text}", Applicability.UNSAFE)

    def _inputs(
        self, module: TerraformModule, file: SourceFile, block: n.Block, name: str, source: str, child: ChildModule
    ) -> Iterator[Diagnostic]:
        assert child.variables is not None
        given = {a.name.text for a in block.body.attributes()}
        unknown = [a for a in module_inputs(block) if a.name.text not in child.variables]
        missing = [v for v, required in child.variables.items() if required and v not in given]
        suggested: set[str] = set()
        for attribute in unknown:
            argument = attribute.name.text
            close = close_names(argument, (v for v in child.variables if v not in given))
            if not close and len(unknown) == 1 and len(missing) == 1 and not child.defaults_overridden:
                close = missing  # one input the child does not know, one it needs: the same one
            fix = None
            if len(close) == 1:
                suggested.add(close[0])
                rewrite = FixBuilder(module, file)
                rewrite.rename(attribute, close[0])
                fix = rewrite.build(f"Rename {argument} to {close[0]}", Applicability.UNSAFE)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            yield module.diagnostic(
                self, file, attribute.name,
                f'module "{name}": {source} declares no variable "{argument}"{hint}', fix=fix,
            )  # fmt: skip
        if child.defaults_overridden:
            return
        missing = [v for v in missing if v not in suggested]
        if missing:
            listed = ", ".join(sorted(missing))
            plural = "s" if len(missing) > 1 else ""
            yield module.diagnostic(
                self, file, block.labels[0],
                f'module "{name}": required input{plural} {listed} of {source} not set',
            )  # fmt: skip

    def _outputs(
        self, module: TerraformModule, declaration: object, name: str, source: str, child: ChildModule
    ) -> Iterator[Diagnostic]:
        for reference in module.index.references.references_to(declaration):  # type: ignore[arg-type]
            step = _output_name(reference.traversal, reference.node)
            if step is None or step.name.kind == "NUMBER_LIT":
                continue
            output = step.name.text
            if output in child.outputs:
                continue
            file = module.files[reference.file]
            close = close_names(output, child.outputs)
            fix = None
            if len(close) == 1:
                rewrite = FixBuilder(module, file)
                rewrite.replace(step, step.with_changes(name=step.name._replace(text=close[0])))
                fix = rewrite.build(f"Use module.{name}.{close[0]}", Applicability.UNSAFE)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            yield module.diagnostic(
                self, file, step.name, f'module.{name}.{output}: {source} declares no output "{output}"{hint}', fix=fix
            )
