from __future__ import annotations

import re
from collections.abc import Iterator

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    FixBuilder,
    Rule,
    Severity,
    Template,
    TerraformModule,
    parse_expression,
    template_text,
)

__all__ = ["GitModuleWithoutShallowClone", "git_source"]

# what Terraform's module installer reads as a Git address when no `git::` forces it
_SCP = re.compile(r"^[\w.-]+@[\w.-]+:")  # git@github.com:org/repo.git
_GITHUB = re.compile(r"^github\.com/")
#: a ref that may be a commit ID, which `git clone --branch` (what depth=1 uses) cannot fetch
_COMMIT = re.compile(r"^[0-9a-fA-F]{7,40}$")


def git_source(source: str) -> bool:
    """Whether a module ``source`` is fetched with Git: forced with ``git::``,
    a ``git://`` URL, a GitHub shorthand, or an SSH ``user@host:path`` address."""
    return source.startswith(("git::", "git://")) or bool(_GITHUB.match(source)) or bool(_SCP.match(source))


def query_params(source: str) -> list[tuple[str, str, int]]:
    """The query parameters of a source address: (name, value, offset of the
    name in ``source``)."""
    mark = source.find("?")
    if mark < 0:
        return []
    out = []
    at = mark + 1
    for part in source[mark + 1 :].split("&"):
        name, _, value = part.partition("=")
        out.append((name, value, at))
        at += len(part) + 1
    return out


class GitModuleWithoutShallowClone(Rule):
    """Git module pinned to a tag or branch without `depth=1`

    ## What it does
    Finds `module` blocks whose source is a Git repository pinned with
    `ref=` to a tag or branch and not cloned shallow, and adds `depth=1` to
    the address: `git::https://example.com/net.git?ref=v1.2.0` becomes
    `git::https://example.com/net.git?depth=1&ref=v1.2.0`.

    ## Why is this bad?
    Without `depth=1`, `terraform init` clones the repository's whole
    history to use one commit of it: slow for large repositories, and paid
    again on every CI run with a fresh working directory. A shallow clone
    downloads that commit only.

    ## Example
    ```hcl
    module "network" {
      source = "git::https://example.com/infra/network.git?ref=v1.4.0"
    }
    ```

    Use instead:
    ```hcl
    module "network" {
      source = "git::https://example.com/infra/network.git?depth=1&ref=v1.4.0"
    }
    ```

    ## Fix safety
    Safe: the same commit is installed, and the plan does not change. A
    shallow clone goes through `git clone --branch`, which takes branch and
    tag names only, so a `ref` that may be a commit ID (7 to 40 hex digits)
    or a full `refs/...` name is left alone; so are sources with no `ref` at
    all (TFX213 reports those) and sources that set another `depth`
    (reported, not changed).

    ## References
    - https://developer.hashicorp.com/terraform/language/modules/sources#shallow-clone
    - https://developer.hashicorp.com/terraform/language/modules/sources#selecting-a-revision
    """

    code = "TFX205"
    name = "git-module-without-shallow-clone"
    severity = Severity.INFO
    fixable = Applicability.SAFE

    valid = (
        'module "a" {\n  source = "git::https://example.com/a.git?depth=1&ref=v1.0.0"\n}\n',
        'module "a" {\n  source = "git::https://example.com/a.git?ref=51d462976d84fdea54b47d80dcabbf680badcdb8"\n}\n',
        'module "a" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n',
    )
    invalid = (
        Example(
            'module "a" {\n  source = "github.com/org/a?ref=v1.0.0"\n}\n',
            'module "a" {\n  source = "github.com/org/a?depth=1&ref=v1.0.0"\n}\n',
        ),
        Example(
            'module "a" {\n  source = "git@github.com:org/a.git//sub?ref=main"\n}\n',
            'module "a" {\n  source = "git@github.com:org/a.git//sub?depth=1&ref=main"\n}\n',
        ),
        Example('module "a" {\n  source = "git::https://example.com/a.git?ref=v1&depth=5"\n}\n', None),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file, block in module.blocks("module"):
            attribute = module.index.attribute(block, "source")
            if attribute is None or type(attribute.value) is not Template:
                continue
            source = template_text(attribute.value)
            if source is None or not git_source(source):
                continue
            params = query_params(source)
            ref = next(((value, at) for name, value, at in params if name == "ref"), None)
            depth = next((value for name, value, _ in params if name == "depth"), None)
            if ref is None or not ref[0] or _COMMIT.match(ref[0]) or ref[0].startswith("refs/") or depth == "1":
                continue
            name = module.index.labels(block)[0]
            message = (
                f'module "{name}": Git source pinned to `{ref[0]}` is cloned with its whole history; add `depth=1`'
            )
            if depth is not None:
                yield module.diagnostic(self, file, attribute.value, message)
                continue
            shallow = "".join((source[: ref[1]], "depth=1&", source[ref[1] :]))
            rewrite = FixBuilder(module, file)
            rewrite.replace(attribute.value, parse_expression("{0}", shallow))
            yield module.diagnostic(
                self, file, attribute.value, message, fix=rewrite.build("Add depth=1", Applicability.SAFE)
            )
