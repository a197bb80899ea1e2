from __future__ import annotations

from collections.abc import Iterator

from ..api import Applicability, Diagnostic, Example, FixBuilder, Rule, Severity, TerraformModule, ref
from ..cst import nodes as n
from .module_structure import close_names, declarations_visible, not_value_nodes, scoped_data_sources

__all__ = ["UndeclaredReference"]


#: roots that name other kinds of objects than resources (Terraform 1.10+
#: ephemeral resources, 1.14 actions), which the module index does not declare
_OTHER_ROOTS = frozenset({"ephemeral", "action", "list", "resource", "provider", "var", "local", "module", "data"})


def _address(kind: str, name: tuple[str, ...]) -> str:
    prefix = {"local": "local.", "module": "module.", "data": "data.", "resource": ""}[kind]
    return prefix + ".".join(name)


def _node(kind: str, name: tuple[str, ...]) -> n.Expression:
    if kind == "resource":
        return ref(name[0], *name[1:])
    return ref(kind, *name)


class UndeclaredReference(Rule):
    """Reference to an undeclared local value, resource, data source or module

    ## What it does
    Finds `local.<name>`, `<type>.<name>`, `data.<type>.<name>` and
    `module.<name>` references that nothing in the module declares, and
    suggests the declared name closest to it: another name of the same kind,
    or the same address as a data source when `data.` was left out (and the
    reverse). Data sources declared inside `check` blocks count.

    A module that has a `.tf.json` file, or a file that does not parse, is
    left alone: the declaration may be in what tffix cannot read.

    ## Why is this bad?
    `terraform validate` and `plan` stop with "Reference to undeclared local
    value", "Reference to undeclared resource" or "Reference to undeclared
    module". Generated code renames a block and keeps the old name in
    references, or writes `aws_ami.ubuntu` for `data.aws_ami.ubuntu`.

    ## Example
    ```hcl
    data "aws_ami" "ubuntu" {
      most_recent = true
      owners      = ["099720109477"]
    }

    resource "aws_instance" "web" {
      ami = aws_ami.ubuntu.id
    }
    ```

    Use instead:
    ```hcl
    data "aws_ami" "ubuntu" {
      most_recent = true
      owners      = ["099720109477"]
    }

    resource "aws_instance" "web" {
      ami = data.aws_ami.ubuntu.id
    }
    ```

    ## Fix safety
    Unsafe, and offered only when exactly one declared name is close: the
    reference is renamed to it, which may not be what the author meant.
    With no close name, or several, the finding is reported only.

    ## References
    - https://developer.hashicorp.com/terraform/language/expressions/references
    - https://developer.hashicorp.com/terraform/cli/commands/validate
    """

    code = "TFX302"
    name = "undeclared-reference"
    severity = Severity.ERROR
    fixable = Applicability.UNSAFE

    valid = (
        'locals {\n  name = "web"\n}\n\nresource "aws_instance" "a" {\n  tags = { Name = local.name }\n}\n',
        'resource "aws_instance" "a" {\n  provider = aws.west\n}\n',
        (
            'check "up" {\n  data "http" "site" {\n    url = "https://example.com"\n  }\n\n'
            '  assert {\n    condition     = data.http.site.status_code == 200\n    error_message = "down"\n  }\n}\n'
        ),
    )
    invalid = (
        Example(
            'data "aws_ami" "ubuntu" {\n  most_recent = true\n}\n\n'
            'resource "aws_instance" "web" {\n  ami = aws_ami.ubuntu.id\n}\n',
            'data "aws_ami" "ubuntu" {\n  most_recent = true\n}\n\n'
            'resource "aws_instance" "web" {\n  ami = data.aws_ami.ubuntu.id\n}\n',
            unsafe=True,
        ),
        Example('resource "aws_instance" "web" {\n  subnet_id = module.vpc.private_subnets[0]\n}\n'),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        unresolved = [
            r for r in module.index.references.unresolved()
            if r.kind != "variable" and not (r.kind == "resource" and r.name[0] in _OTHER_ROOTS)
        ]  # fmt: skip
        if not unresolved or not declarations_visible(module):
            return
        skip = not_value_nodes(module)
        scoped = scoped_data_sources(module)
        declared: dict[str, set[tuple[str, ...]]] = {"local": set(), "module": set(), "data": set(), "resource": set()}
        for declaration in module.index.declarations():
            if declaration.kind in declared and not declaration.override:
                declared[declaration.kind].add(declaration.name)
        declared["data"] |= scoped
        for reference in unresolved:
            if id(reference.node) in skip:
                continue
            if reference.kind == "data" and reference.name in scoped:
                continue
            file = module.files[reference.file]
            kind: str = reference.kind
            name = reference.name
            candidates: dict[str, tuple[str, tuple[str, ...]]] = {
                _address(kind, other): (kind, other) for other in declared[kind]
            }
            # `aws_ami.x` for `data.aws_ami.x`, and the reverse
            swapped = "data" if kind == "resource" else "resource" if kind == "data" else None
            exact: tuple[str, tuple[str, ...]] | None = None
            if swapped is not None and name in declared[swapped]:
                exact = (swapped, name)
            address = _address(kind, name)
            if exact is not None:
                close = [_address(*exact)]
                candidates[close[0]] = exact
            else:
                close = close_names(address, candidates)
            fix = None
            if len(close) == 1:
                rewrite = FixBuilder(module, file)
                rewrite.replace(reference.node, _node(*candidates[close[0]]))
                fix = rewrite.build(f"Use {close[0]}", Applicability.UNSAFE)
            what = {"local": "local value", "module": "module", "data": "data source", "resource": "resource"}[kind]
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            yield module.diagnostic(
                self, file, reference.node, f"{address} is not declared: no {what} of that name{hint}", fix=fix
            )
