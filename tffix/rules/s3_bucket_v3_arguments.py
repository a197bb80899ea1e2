from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..api import (
    Applicability,
    Diagnostic,
    Example,
    Rule,
    Severity,
    SourceFile,
    TerraformModule,
    admits_range,
    provider_constraint,
)
from ..cst import nodes as n
from .aws_s3_bucket_v4 import AwsS3BucketV4, v3_arguments, v3_items

__all__ = ["S3BucketV3Arguments"]

#: the AWS provider release that made the inline arguments read-only
READ_ONLY_FROM = "4.0.0"


class S3BucketV3Arguments(Rule):
    """Provider-v3 arguments inline in `aws_s3_bucket`

    ## What it does
    Finds the arguments AWS provider v4 moved out of `aws_s3_bucket` into
    resources of their own (`acl`, `grant`, `versioning`,
    `server_side_encryption_configuration`, `lifecycle_rule`, `logging`,
    `cors_rule`, `website`, `policy`, `replication_configuration`,
    `object_lock_configuration`'s rule, `request_payer`,
    `acceleration_status`), the shape generated code still writes most. It is
    silent where the module's `hashicorp/aws` constraint admits only v3
    releases.

    ## Why is this bad?
    Provider 4.0 made these arguments read-only on the bucket, and 4.9 took
    them back only as deprecated ones: on 4.0-4.8 a plan fails, later they
    are on their way out, and a setting managed both inline and by its own
    resource (as v4-style modules around it do) flips on every apply.

    ## Example
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs"
      acl    = "private"
    }
    ```

    Use instead:
    ```hcl
    resource "aws_s3_bucket" "logs" {
      bucket = "acme-logs"
    }

    resource "aws_s3_bucket_acl" "logs" {
      bucket = aws_s3_bucket.logs.id
      acl    = "private"
    }
    ```

    ## Fix safety
    Unsafe: the fix is the `aws-s3-bucket-v4` codemod's for this bucket
    (`tffix codemod aws-s3-bucket-v4` runs it over a tree, and adds `import {}`
    blocks with `-o import=true`). Without an import, the first plan creates
    the new resources, which write the same settings again.

    ## References
    - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#s3-bucket-refactor
    - docs/codemods/aws-s3-bucket-v4.md
    """

    code = "TFX124"
    name = "s3-bucket-v3-arguments"
    severity = Severity.WARNING
    fixable = Applicability.UNSAFE
    valid = (
        'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n',
        (
            'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n'
            '      version = "~> 3.75"\n    }\n  }\n}\n\nresource "aws_s3_bucket" "a" {\n  bucket = "a"\n'
            '  acl    = "private"\n}\n'
        ),
    )
    invalid = (
        Example(
            'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n  acl    = "private"\n}\n',
            'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket_acl" "a" {\n'
            '  bucket = aws_s3_bucket.a.id\n  acl    = "private"\n}\n',
            unsafe=True,
        ),
    )

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        # the codemod reports each bucket at its first v3 argument: that place names the bucket
        buckets: dict[tuple[Path, int], tuple[SourceFile, n.Block, n.Token]] = {}
        for file, block in module.blocks("resource", "aws_s3_bucket"):
            items = v3_items(block)
            if len(block.labels) == 2 and items:
                node = items[0].name if type(items[0]) is n.Attribute else items[0].type
                buckets[file.path, file.span(node)[0]] = (file, block, node)
        if not buckets:
            return
        trees = (file.tree for file in module.files.values() if file.tree is not None)
        constraint = provider_constraint(trees, "hashicorp/aws")
        if constraint is not None and admits_range(constraint, READ_ONLY_FROM) is False:
            return  # a v3 module: these arguments are how v3 wants them
        for found in AwsS3BucketV4().check(module):
            place = buckets.get((found.path, found.offsets[0]))
            if found.fix is None or place is None:
                continue  # the codemod's follow-up notes: its own business
            file, block, node = place
            names = v3_arguments(block)
            one = len(names) == 1
            message = "{}: {} {}, deprecated since {}; {} (tffix codemod aws-s3-bucket-v4)".format(
                f"aws_s3_bucket.{block.label_values[1]}",
                ", ".join(f"`{name}`" for name in names),
                "is an AWS provider v3 argument" if one else "are AWS provider v3 arguments",
                READ_ONLY_FROM,
                "move it to its own resource" if one else "move them to their own resources",
            )
            yield module.diagnostic(self, file, node, message, fix=found.fix)
