from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..api import Diagnostic, Example, NotLiteral, Option, Rule, Severity, TerraformModule, literal_value
from .git_module_without_shallow_clone import git_source, query_params

__all__ = ["UnpinnedModuleSource"]

_SEMVER = re.compile(r"^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
_DEFAULT_BRANCHES = ("master", "main", "default", "develop")


class UnpinnedModuleSource(Rule):
    """Git or Mercurial module source not pinned to a revision

    ## What it does
    Finds `module` blocks whose source is a Git or Mercurial repository
    with no `ref` (`rev` for Mercurial), or pinned to a default branch
    (`main`, `master`, `default`, `develop`, plus the option
    `default_branches`). With `style = "semver"` the revision must be a
    version tag (`v1.4.0`).

    ## Why is this bad?
    An unpinned source installs whatever the branch holds at `init` time:
    two runs of the same code can deploy different module code, and a
    change pushed to the module's repository reaches every caller at once,
    unreviewed. A tag or commit makes upgrades a change in the caller's
    code.

    ## Example
    ```hcl
    module "network" {
      source = "git::https://example.com/infra/network.git"
    }
    ```

    Use instead:
    ```hcl
    module "network" {
      source = "git::https://example.com/infra/network.git?ref=v1.4.0"
    }
    ```

    ## Fix safety
    No fix: which revision to pin is the author's choice (the one deployed
    today is not known offline).

    ## References
    - https://developer.hashicorp.com/terraform/language/modules/sources#selecting-a-revision
    - https://developer.hashicorp.com/terraform/language/modules/sources#generic-mercurial-repository
    """

    code = "TFX213"
    name = "unpinned-module-source"
    severity = Severity.WARNING
    options: ClassVar[dict[str, Option]] = {
        "style": Option("flexible", "`flexible`: any revision but a default branch; `semver`: a version tag.",
                        choices=("flexible", "semver")),
        "default_branches": Option([], "More branch names that count as unpinned (added to main, master...)."),
    }  # fmt: skip

    valid = (
        'module "a" {\n  source = "git::https://example.com/a.git?ref=v1.2.0"\n}\n',
        'module "a" {\n  source = "hg::https://example.com/a?rev=v1.2.0"\n}\n',
        'module "a" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n',
    )
    invalid = (
        Example('module "a" {\n  source = "git::https://example.com/a.git"\n}\n'),
        Example('module "a" {\n  source = "github.com/org/a?ref=main"\n}\n'),
        Example(
            'module "a" {\n  source = "git::https://example.com/a.git?ref=feature"\n}\n', options={"style": "semver"}
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        index = module.index
        defaults = set(_DEFAULT_BRANCHES) | {str(b) for b in self.settings["default_branches"]}
        for file, block in module.blocks("module"):
            source = index.attribute(block, "source")
            text = _string(source.value) if source is not None else None
            if source is None or text is None:
                continue
            if git_source(text):
                key = "ref"
            elif text.startswith("hg::"):
                key = "rev"
            else:
                continue
            name = index.labels(block)[0]
            revision = next((value for param, value, _ in query_params(text) if param == key), "")
            if not revision:
                message = f'module "{name}": `{text}` is not pinned to a revision (`?{key}=`)'
            elif self.settings["style"] == "flexible" and revision in defaults:
                message = f'module "{name}": `{key}={revision}` is a default branch, which moves'
            elif self.settings["style"] == "semver" and not _SEMVER.match(revision):
                message = f'module "{name}": `{key}={revision}` is not a version tag'
            else:
                continue
            yield module.diagnostic(self, file, source.value, message)


def _string(value: object) -> str | None:
    try:
        got = literal_value(value)
    except NotLiteral:
        return None
    return got if type(got) is str else None
