from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from ..api import Diagnostic, Example, Rule, Severity, Suppression, TerraformModule

__all__ = ["UnusedSuppression"]


class UnusedSuppression(Rule):
    """`tffix:ignore` comment that is unused, expired or misplaced

    ## What it does
    Reports `tffix:ignore` comments that suppress nothing (the finding was
    fixed or never there), whose `exp:YYYY-MM-DD` date has passed, and
    `tffix:ignore-file` comments that come after the first block of the file.
    Also those that cannot work: a `tffix:ignore` without a code, a code that
    is no rule's (`TFX999`), and near-miss spellings such as `tffix: ignore`
    or `tffix-ignore`, which would otherwise pass for ordinary comments.
    Comments for other tools (`tflint-ignore`, `checkov:skip`, `trivy:ignore`)
    are honoured for rules with a peer ID but never reported here.

    ## Why is this bad?
    A stale suppression hides the next real finding at that place, and an
    expired one no longer suppresses anything while still reading as if it
    did. An exception that outlives its reason should be looked at again.

    ## Example
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "logs" # tffix:ignore TFX117 exp:2024-01-31 -- until the rename
    }
    ```

    Use instead (the exception renewed, or the comment removed):
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "logs" # tffix:ignore TFX117 exp:2027-01-31 -- until the rename
    }
    ```

    ## Fix safety
    Display-only: whether to renew, remove or act on the finding is the
    author's call. Unused suppressions are only reported for rules that ran,
    so `--select` never makes a valid suppression look unused.

    ## References
    - https://github.com/terraform-linters/tflint/blob/master/docs/user-guide/annotations.md
    - https://aquasecurity.github.io/trivy/latest/docs/scanner/misconfiguration/#skipping-resources-by-inline-comments
    """

    code = "TFX001"
    name = "unused-suppression"
    severity = Severity.WARNING
    fixable = None

    valid = ("# tffix:ignore-file TFX101 -- generated file\nlocals {}\n",)
    invalid = (
        Example('resource "aws_s3_bucket" "a" {\n  bucket = "a" # tffix:ignore TFX117 exp:2000-01-01\n}\n'),
        Example("locals {}\n\n# tffix:ignore-file TFX101\n"),
        Example('resource "aws_s3_bucket" "a" {\n  bucket = "a" # tffix:ignore\n}\n'),
        Example('resource "aws_s3_bucket" "a" {\n  bucket = "a" # tffix:ignore TFX999\n}\n'),
        Example('resource "aws_s3_bucket" "a" {\n  bucket = "a" # tffix: ignore TFX117\n}\n'),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        return iter(())  # suppressions are reported by the hook below, after the other rules ran

    def check_suppressions(
        self, module: TerraformModule, directives: Mapping[Path, list[Suppression]], active: set[str]
    ) -> Iterator[Diagnostic]:
        for path, suppressions in directives.items():
            file = module.files[path]
            for s in suppressions:
                if not s.own:
                    continue
                if s.problem is not None:
                    yield module.diagnostic(self, file, s.offsets, s.problem)
                    continue
                if s.unknown:
                    names = ", ".join(sorted(s.unknown))
                    rules = "rule" if len(s.unknown) == 1 else "rules"
                    yield module.diagnostic(
                        self, file, s.offsets, f"suppression names unknown {rules} {names} (see `tffix rules`)"
                    )
                    if not s.codes:
                        continue
                codes = ", ".join(sorted(s.codes))
                if s.misplaced:
                    message = f"`tffix:ignore-file {codes}` must come before the first block of the file"
                elif s.expires is not None and module.inputs.expired(s.expires):
                    message = f"suppression of {codes} expired on {s.expires.isoformat()}"
                elif not s.used and ("all" in s.codes or s.codes <= active):
                    message = f"suppression of {codes} is unused: nothing here is reported"
                else:
                    continue
                yield module.diagnostic(self, file, s.offsets, message)
