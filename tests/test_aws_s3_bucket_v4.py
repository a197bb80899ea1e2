"""Properties of the ``aws-s3-bucket-v4`` codemod over generated provider-v3
buckets: any mix of v3 arguments, with comments above and beside them,
``count`` / ``for_each`` / ``provider``, in two-space, four-space or tab
indentation, LF or CRLF. The output parses, keeps every comment, is
fmt-clean in the file's own indentation, fits the provider schemas tffix
ships, leaves no v3 argument on the bucket (but those a TODO marks), and a
second run changes nothing. The exact outputs are pinned by the golden cases
(golden/aws-s3-bucket-v4/)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_harness import _in_unit

from tffix.api import TerraformModule
from tffix.engine.run import run_module
from tffix.fmt import format_source
from tffix.rules.aws_s3_bucket_v4 import MARKER, AwsS3BucketV4
from tffix.settings import Settings
from tffix.testing import assert_examples, run_case

#: v3 arguments, each as the lines it takes in the bucket's body (unformatted)
PIECES = {
    "acl": ['acl = "private"', "acl = var.acl"],
    "policy": ["policy = data.aws_iam_policy_document.b.json"],
    "request_payer": ['request_payer = "Requester"'],
    "acceleration_status": ['acceleration_status = "Enabled"'],
    "versioning": [
        "versioning {\nenabled = true\n}",
        "versioning {\nenabled = false\nmfa_delete = true\n}",
        "versioning {\nenabled = var.on\n}",
    ],
    "server_side_encryption_configuration": [
        'server_side_encryption_configuration {\nrule {\napply_server_side_encryption_by_default {\nsse_algorithm = "AES256"\n}\n}\n}'
    ],
    "lifecycle_rule": [
        'lifecycle_rule {\nid = "a"\nenabled = true\nprefix = "a/"\nexpiration {\ndays = 3\n}\n}',
        'lifecycle_rule {\nenabled = var.on\ntags = {\nk = "v"\n}\ntransition {\ndate = "2030-01-01"\nstorage_class = "GLACIER"\n}\n}',
        "lifecycle_rule {\nenabled = true\nabort_incomplete_multipart_upload_days = 2\nnoncurrent_version_expiration {\ndays = 4\n}\n}",
        'lifecycle_rule {\nid = "b"\nenabled = true\nprefix = "b/"\ntags = {\nk = "v"\nj = "w"\n}\n}',
        'dynamic "lifecycle_rule" {\nfor_each = var.rules\ncontent {\nid = lifecycle_rule.key\nenabled = true\nprefix = lifecycle_rule.value\n}\n}',
    ],
    "logging": ['logging {\ntarget_bucket = "logs"\ntarget_prefix = "b/"\n}', "logging {\ntarget_bucket = var.logs\n}"],
    "cors_rule": ['cors_rule {\nallowed_methods = ["GET"]\nallowed_origins = ["*"]\n}'],
    "website": ['website {\nindex_document = "index.html"\nerror_document = "error.html"\n}'],
    "object_lock_configuration": [
        'object_lock_configuration {\nobject_lock_enabled = "Enabled"\n}',
        'object_lock_configuration {\nobject_lock_enabled = "Enabled"\nrule {\ndefault_retention {\nmode = "GOVERNANCE"\ndays = 1\n}\n}\n}',
    ],
    "grant": [
        'grant {\ntype = "Group"\npermissions = ["READ", "WRITE"]\nuri = "http://acs.amazonaws.com/groups/s3/LogDelivery"\n}'
    ],
    "dynamic versioning": ['dynamic "versioning" {\nfor_each = var.v\ncontent {\nenabled = true\n}\n}'],
}
META = ["", "count = 2", "for_each = toset(var.names)", "provider = aws.west"]
V3_NAMES = (
    "acl", "grant", "versioning", "server_side_encryption_configuration", "lifecycle_rule", "logging",
    "cors_rule", "website", "policy", "replication_configuration", "object_lock_configuration",
    "request_payer", "acceleration_status",
)  # fmt: skip


@st.composite
def buckets(draw: st.DrawFn) -> tuple[str, str, str]:
    """A fmt-clean (in its unit) v3 bucket: (text, indentation unit, newline)."""
    kinds = draw(st.lists(st.sampled_from(sorted(PIECES)), min_size=1, max_size=6, unique=True))
    kinds += [k for k in ("lifecycle_rule", "cors_rule", "grant") if k in kinds and draw(st.booleans())]  # repeated
    if "dynamic versioning" in kinds and "versioning" in kinds:
        kinds.remove("dynamic versioning")
    if "acl" in kinds and "grant" in kinds and draw(st.booleans()):
        kinds.remove("grant")
    lines = ["# the bucket", 'resource "aws_s3_bucket" "b" {']
    meta = draw(st.sampled_from(META))
    if meta:
        lines.append(meta)
    lines.append('bucket = "acme-b"')
    for number, kind in enumerate(kinds):
        piece = draw(st.sampled_from(PIECES[kind]))
        if kind == "lifecycle_rule" and "for_each" in piece and meta.startswith("for_each"):
            piece = piece.replace("var.rules", "var.rules_by_name")
        if draw(st.booleans()):
            lines.append("")
        if draw(st.booleans()):
            lines.append(f"# about {kind} {number}")
        body = piece.split("\n")
        if draw(st.booleans()):
            body[0] += f" # beside {number}"
        lines += body
    lines.append("}")
    text = format_source("\n".join(lines) + "\n")
    unit = draw(st.sampled_from(["  ", "    ", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    out = "".join(
        unit * ((len(line) - len(line.lstrip(" "))) // 2) + line.lstrip(" ") for line in text.splitlines(keepends=True)
    )
    return out.replace("\n", newline), unit, newline


def _bucket_arguments(text: str) -> list[str]:
    """The v3 arguments left on the bucket, but those a marker sits above."""
    module = TerraformModule.from_texts(Path("m"), {Path("m/main.tf"): text})
    left = []
    for _, bucket in module.blocks("resource", "aws_s3_bucket"):
        for item in bucket.body.items:
            name = getattr(getattr(item, "name", None), "text", None) or (
                item.label_values[0] if getattr(item, "type", None) and item.type.text == "dynamic" else None  # type: ignore[union-attr]
            )
            name = name or getattr(getattr(item, "type", None), "text", None)
            marked = any(MARKER in (line.comment or "") for line in getattr(item, "leading", ()))
            if name in V3_NAMES and not marked:
                left.append(name)
    return left


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(buckets())
def test_generated_v3_buckets(case: tuple[str, str, str]) -> None:
    text, unit, newline = case
    result = run_case(AwsS3BucketV4, {"main.tf": text}, None)
    problems = [p for p in result.problems if "differs from what is expected" not in p]
    assert not problems, "\n".join(problems)
    out = result.outputs["main.tf"]
    assert out != text  # every generated bucket has something to move (or to mark)
    if newline == "\r\n":
        assert out.count("\r\n") == out.count("\n")
    two_spaces = (
        _in_unit(out.replace("\r\n", "\n"), unit)
        if unit != "\t"
        else "".join(
            "  " * (len(line) - len(line.lstrip("\t"))) + line.lstrip("\t")
            for line in out.replace("\r\n", "\n").splitlines(keepends=True)
        )
    )
    assert format_source(two_spaces) == two_spaces, two_spaces
    assert _bucket_arguments(out) == []
    paths = {Path("module/main.tf"): out}
    schema = Settings(select=("TFX401", "TFX402", "TFX403", "TFX404"))
    found = run_module(Path("module"), paths, schema, fix=False, existing=frozenset(paths)).remaining
    assert [d.message for d in found] == []


def test_examples() -> None:
    assert_examples(AwsS3BucketV4)


def test_import_option_is_typed() -> None:
    assert AwsS3BucketV4.options["import"].default is False
    before = 'provider "aws" {}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "acme-b"\n  acl    = "private"\n}\n'
    with_imports = run_case(AwsS3BucketV4, {"main.tf": before}, None, options={"import": True}).outputs["main.tf"]
    assert 'import {\n  to = aws_s3_bucket_acl.b\n  id = "acme-b,private"\n}\n' in with_imports
    without = run_case(AwsS3BucketV4, {"main.tf": before}, None).outputs["main.tf"]
    assert "import {" not in without and "aws_s3_bucket_acl" in without


def test_through_the_command_line(tmp_path: Path) -> None:
    """`tffix codemod aws-s3-bucket-v4 -o import=true`: written with import
    blocks (a provider block makes it a root module), the follow-ups printed
    as notes on this run and the next, which changes nothing."""
    (tmp_path / "providers.tf").write_text('provider "aws" {}\n', encoding="utf-8")
    main = tmp_path / "main.tf"
    main.write_bytes(
        b'resource "aws_s3_bucket" "b" {\r\n  bucket = "acme-b"\r\n\r\n  lifecycle_rule {\r\n    enabled = true\r\n'
        b'    prefix  = "tmp/"\r\n  }\r\n}\r\n'
    )
    diff = run_cli("codemod", "aws-s3-bucket-v4", "--diff", "-o", "import=true", ".", cwd=tmp_path)
    assert diff.exit_code == 1, diff.output
    assert b"lifecycle_rule" in main.read_bytes()  # --diff writes nothing
    done = run_cli("codemod", "aws-s3-bucket-v4", "-o", "import=true", ".", cwd=tmp_path)
    assert done.exit_code == 0, done.output
    text = main.read_bytes().decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # CRLF kept, new lines included
    assert 'import {\r\n  to = aws_s3_bucket_lifecycle_configuration.b\r\n  id = "acme-b"\r\n}\r\n' in text
    assert "main.tf:10:5: aws-s3-bucket-v4: follow-up: v3 generated this rule's id" in done.stderr
    again = run_cli("codemod", "aws-s3-bucket-v4", "-o", "import=true", ".", cwd=tmp_path)
    assert again.exit_code == 0 and main.read_bytes().decode("utf-8") == text
    assert "follow-up: v3 generated this rule's id" in again.stderr and "nothing to change" in again.stderr
