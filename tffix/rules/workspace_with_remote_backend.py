from __future__ import annotations

import re
from collections.abc import Iterator

from ..api import (
    Diagnostic,
    Example,
    NotLiteral,
    Rule,
    Severity,
    TerraformModule,
    find_by_file,
    literal_value,
)
from ..api import matchers as m

__all__ = ["WorkspaceWithRemoteBackend"]

#: ``terraform.workspace`` as an expression
WORKSPACE = m.Traversal("terraform", "workspace")
#: Terraform versions whose remote runs read ``terraform.workspace`` as "default"
_AFFECTED = tuple(
    (major, minor, patch) for major, minor in ((0, 12), (0, 13), (0, 14), (0, 15), (1, 0)) for patch in range(40)
)
_CONSTRAINT = re.compile(r"^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?")


def allows(constraints: str, version: tuple[int, int, int]) -> bool:
    """Whether a Terraform version constraint string admits ``version``
    (pre-releases and unreadable parts count as admitting it)."""
    for part in constraints.split(","):
        match = _CONSTRAINT.match(part)
        if match is None:
            continue
        op = match.group(1) or "="
        given = [match.group(i) for i in (2, 3, 4)]
        wanted = tuple(int(x) if x is not None else 0 for x in given)
        if op == "~>":
            precision = sum(1 for x in given if x is not None)
            upper = list(wanted[: max(precision - 1, 1)])
            upper[-1] += 1
            ceiling = tuple(upper + [0] * (3 - len(upper)))
            if not (wanted <= version < ceiling):
                return False
        elif not {"=": version == wanted, "!=": version != wanted, ">=": version >= wanted,
                  "<=": version <= wanted, ">": version > wanted, "<": version < wanted}[op]:  # fmt: skip
            return False
    return True


class WorkspaceWithRemoteBackend(Rule):
    """`terraform.workspace` read under a `remote` backend on Terraform 1.0 or older

    ## What it does
    Finds `terraform.workspace` in a module whose `backend "remote"` runs on
    Terraform Cloud or Enterprise, when its `required_version` admits a
    Terraform version older than 1.1. A module without `required_version`
    is assumed to run on a recent version, and is not reported.

    ## Why is this bad?
    Until Terraform 1.1, a run executed remotely saw `terraform.workspace`
    as `"default"`, whatever workspace it ran in, so names and tags built
    from it collide across environments. Terraform 1.1 fixed it; code that
    still admits older versions can still be run by one.

    ## Example
    ```hcl
    terraform {
      required_version = ">= 0.14"

      backend "remote" {
        organization = "acme"
      }
    }

    resource "aws_s3_bucket" "state" {
      bucket = "acme-${terraform.workspace}"
    }
    ```

    Use instead:
    ```hcl
    terraform {
      required_version = ">= 1.1"

      backend "remote" {
        organization = "acme"
      }
    }

    resource "aws_s3_bucket" "state" {
      bucket = "acme-${terraform.workspace}"
    }
    ```

    ## Fix safety
    No fix: raising `required_version` or passing the environment as a
    variable is the author's choice. If the workspaces run with local
    execution, turn the rule off.

    ## References
    - https://developer.hashicorp.com/terraform/language/state/workspaces#current-workspace-interpolation
    - https://developer.hashicorp.com/terraform/language/settings/backends/remote
    """

    code = "TFX216"
    name = "workspace-with-remote-backend"
    severity = Severity.WARNING

    valid = (
        'terraform {\n  required_version = ">= 1.1"\n  backend "remote" {}\n}\n\nlocals {\n  a = terraform.workspace\n}\n',
        'terraform {\n  backend "remote" {}\n}\n\nlocals {\n  a = terraform.workspace\n}\n',
        'terraform {\n  required_version = "~> 0.14"\n  backend "s3" {}\n}\n\nlocals {\n  a = terraform.workspace\n}\n',
    )
    invalid = (
        Example(
            'terraform {\n  required_version = "~> 0.14"\n  backend "remote" {}\n}\n\nlocals {\n  a = terraform.workspace\n}\n'
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        index = module.index
        terraform = [entry.block for entry in index.blocks("terraform")]
        if not any(block.body.block("backend", "remote") is not None for block in terraform):
            return
        versions = [index.attribute(block, "required_version") for block in terraform]
        constraints = [_string(attribute.value) for attribute in versions if attribute is not None]
        if not constraints or any(c is None for c in constraints):
            return  # no constraint: assumed recent; one not written as a string: unknown
        if not any(all(allows(c, v) for c in constraints if c is not None) for v in _AFFECTED):
            return
        for file, node in find_by_file(WORKSPACE, module.parsed()):
            message = "`terraform.workspace` is `default` in remote runs on Terraform before 1.1, which `required_version` admits"
            yield module.diagnostic(self, file, node, message)


def _string(value: object) -> str | None:
    try:
        got = literal_value(value)
    except NotLiteral:
        return None
    return got if type(got) is str else None
