"""Seed coverage: every finding of the seed reviews in ../shared/seeds/*.txt
is either handled by a tffix rule (or `tffix fmt`) or listed here as out of
scope, with the reason.

The seeds are read, not copied: `parse_seed` splits each review into its
numbered sections (``### N. Title``) and collects their fenced snippets,
each marked as the MODEL_RESPONSE version (``before``), the IDEAL_RESPONSE
version (``after``) or neither (``other``), by the last ``**MODEL_RESPONSE``
/ ``**IDEAL_RESPONSE`` / other ``**Label**:`` line above it. ``SEEDS``
classifies every section, keyed by (seed prefix, number, title), and holds
a digest of the section's snippets: a new section, or changed code in one,
fails `test_every_seed_section_is_classified` until someone has looked at
it and updated the table.

For a section tffix handles, the test

- repairs the before snippet where it is a fragment (``Case.repair``,
  ``Case.wrap``, ``Case.context``: each documented in the table) and asserts
  that it parses;
- runs every rule of the case's profile on it and asserts that exactly the
  expected codes fire (``rules``, with each finding's fix class), plus any
  that the fragment's elisions cause (``also``, each with its reason);
- applies the fixes with that profile (and ``--unsafe-fixes`` or rule
  options where the table says so) and compares the result with the IDEAL
  snippet, where the rule docs call the IDEAL a correct fix (``compare``),
  or with what the docs say tffix does instead (``fixed``: where the IDEAL
  is a different but valid choice, or where the docs say the seed is wrong);
- checks which findings are left (display-only ones), that a second run
  changes nothing, and that the IDEAL itself draws none of the section's
  findings.

Sections that are not failures of Terraform code (tests, documentation,
response format, prompt or architecture mismatches) are ``out-of-scope``
with the reason; where they show Terraform code, the test still asserts
that it parses and that no rule fires on it.

"Equivalent to the IDEAL" means: the same tokens, ignoring layout and
comments (`canonical`). The IDEAL snippets carry review comments
(``# ✅ DYNAMIC VALUE``) and their own alignment, neither of which a fix
should be asked to reproduce; `format_source` would normalise the layout
but keep the comments, so it is used where layout is the point: the
formatting findings, where `format_source` must produce the IDEAL byte for
byte. Where the IDEAL also makes edits unrelated to the finding (a dropped
tag, extra password constraints), ``compare`` names the attributes that
carry the fix and only those are compared.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, SEED_DIR
from rule_harness import assert_sound, outputs, run

from tffix.cst import Node, Object
from tffix.fmt import format_source
from tffix.settings import Settings
from tffix.syntax.parser import parse_module

DOC = ROOT / "docs" / "seed-coverage.md"
HCL_LANGS = {"hcl", "terraform", "tf"}

pytestmark = pytest.mark.seeds

# ---------------------------------------------------------------- reading the seeds

_SECTION = re.compile(r"^### (\d+)\. (.+?)\s*$")
_HEADING = re.compile(r"^#{1,3} ")  # any heading up to ### ends a section
_FENCE = re.compile(r"^\s*```\s*([\w+-]*)\s*$")
_LABEL = re.compile(r"^\*\*([^*]+)\*\*")


@dataclass(frozen=True)
class Snippet:
    role: str  # "before" (MODEL_RESPONSE), "after" (IDEAL_RESPONSE) or "other"
    lang: str  # the fence's info string, "" when untagged
    text: str
    line: int  # 1-based line of the opening fence

    @property
    def is_hcl(self) -> bool:
        return self.lang.lower() in HCL_LANGS


@dataclass(frozen=True)
class Section:
    seed: str
    number: int
    title: str
    snippets: tuple[Snippet, ...]

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.seed, self.number, self.title)

    def hcl(self, role: str) -> list[str]:
        return [s.text for s in self.snippets if s.role == role and s.is_hcl]

    def digest(self) -> str:
        h = hashlib.sha256()
        for s in self.snippets:
            h.update(f"{s.role}\0{s.lang}\0{s.text}\0".encode())
        return h.hexdigest()[:12]


def _role(label: str) -> str:
    if label.startswith("MODEL_RESPONSE"):
        return "before"
    if label.startswith("IDEAL_RESPONSE"):
        return "after"
    return "other"


def parse_seed(path: Path) -> list[Section]:
    """The numbered sections of one review with their fenced snippets.

    Fences follow CommonMark: one opens with ```` ```lang ```` (or bare
    ```` ``` ````) and closes at the next bare ```` ``` ```` line, so headings
    and labels inside a fence are ignored. (A fence nested inside a
    ```` ```markdown ```` example therefore ends that example early, as any
    Markdown renderer would show it; seed 004 section 11 does this, and its
    snippets are documentation either way.)
    """
    seed = path.name.split("_", 1)[0]
    sections: list[Section] = []
    current: tuple[int, str] | None = None
    snippets: list[Snippet] = []
    role = "other"
    fence: tuple[str, int, list[str]] | None = None

    def close_section() -> None:
        if current is not None:
            sections.append(Section(seed, current[0], current[1], tuple(snippets)))

    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if fence is not None:
            if line.strip() == "```":
                lang, start, body = fence
                if current is not None:
                    snippets.append(Snippet(role, lang, "".join(f"{b}\n" for b in body), start))
                fence = None
            else:
                fence[2].append(line)
            continue
        m = _FENCE.match(line)
        if m:
            fence = (m.group(1), lineno, [])
            continue
        m = _SECTION.match(line)
        if m or _HEADING.match(line):
            close_section()
            current = (int(m.group(1)), m.group(2)) if m else None
            snippets, role = [], "other"
            continue
        m = _LABEL.match(line)
        if m:
            role = _role(m.group(1))
    assert fence is None, f"{path.name}: unclosed fence from line {fence[1]}"
    close_section()
    return sections


def seed_sections() -> list[Section]:
    if not SEED_DIR.is_dir():
        return []  # the tests are marked `seeds`: skipped, or failed under CI
    files = sorted(SEED_DIR.glob("*.txt"))
    assert files, f"no seeds in {SEED_DIR}"
    return [section for path in files for section in parse_seed(path)]


# ---------------------------------------------------------------- the classification


@dataclass(frozen=True)
class Re:
    """A repair by regular expression (re.DOTALL), for cuts a plain string can't say."""

    pattern: str
    new: str


#: (old, new): a plain replacement (``old`` must occur), or an ``Re``
Repair = "tuple[str, str] | Re"


@dataclass(frozen=True)
class FromBefore:
    """An expected value: the expression at ``path`` in the before snippet."""

    path: str


@dataclass(frozen=True)
class Case:
    #: what the seed says is wrong, in a few words
    finding: str
    #: fix: tffix's fix gives the IDEAL (compared as ``compare`` says)
    #: ideal-differs: the rule fires, but the docs say tffix fixes it otherwise (``fixed``)
    #: ideal-wrong: the docs say the seed's finding is not a failure: no finding
    #: no-finding: valid code; what the review wants is a deployment choice tffix leaves alone
    #: display-only: the rule reports, the author fixes (the IDEAL passes)
    #: fmt: unformatted code, `tffix fmt` must give the IDEAL
    #: out-of-scope: not a failure of Terraform code tffix can see
    kind: str
    #: codes that must fire on the before snippet, with each finding's fix
    #: class ("safe", "unsafe", "display-only", "none")
    rules: dict[str, str] = field(default_factory=dict)
    #: codes that fire only because the snippet is a fragment, with why
    also: dict[str, str] = field(default_factory=dict)
    #: the rule(s) the seed's finding is about when none fires (default: ``rules``)
    about: tuple[str, ...] = ()
    profile: str = "default"
    unsafe: bool = False
    #: rule options (code -> options), as a config file would set them
    options: dict[str, dict] = field(default_factory=dict)
    #: how the before snippet is made valid HCL while keeping the failure
    repair: tuple[Repair, ...] = ()
    #: (head, tail) put around the snippet (which is indented by two spaces)
    wrap: tuple[str, str] | None = None
    #: other files of the module, from the seed's stated context
    context: dict[str, str] = field(default_factory=dict)
    #: the same for the IDEAL snippet (wrap defaults to ``wrap``)
    ideal_repair: tuple[Repair, ...] = ()
    ideal_wrap: tuple[str, str] | None = None
    #: which IDEAL hcl snippet is the module (None: there must be exactly one)
    ideal_snippet: int | None = None
    #: the section shows no MODEL code: build the before from the IDEAL with ``repair``
    before_from_ideal: bool = False
    #: "module": the fixed main.tf equals the IDEAL; a tuple of paths:
    #: those nodes are equal; None: the IDEAL is not what tffix writes
    compare: str | tuple[str, ...] | None = None
    #: path -> expected expression source (None: absent) in the fixed main.tf
    fixed: dict[str, str | FromBefore | None] = field(default_factory=dict)
    #: codes still reported after the fix (display-only findings, and ``also``
    #: findings the profile does not fix)
    remaining: frozenset[str] = frozenset()
    #: why the IDEAL differs, or why the section is out of scope
    reason: str = ""
    digest: str = ""

    @property
    def subject(self) -> tuple[str, ...]:
        return self.about or tuple(self.rules)


ENV_SUFFIX = {
    # Seed 000 says every resource uses var.environment_suffix, and its IDEAL
    # references it: the module declares it (with no default).
    "variables.tf": 'variable "environment_suffix" {\n  type = string\n}\n',
}

DEV_ENVIRONMENT = {
    # Section 5 and 6 are about the dev deployment. The seed selects it with
    # -var-file=dev.tfvars, which tffix cannot see; a default stands in.
    "variables.tf": 'variable "environment_suffix" {\n  type    = string\n  default = "dev"\n}\n',
}

_ELIDED_DB_ARGS = """\
  db_subnet_group_name    = aws_db_subnet_group.main.name
  vpc_security_group_ids  = [aws_security_group.database.id]
  skip_final_snapshot     = true
  deletion_protection     = false
  backup_retention_period = 7
"""

SEEDS: dict[tuple[str, int, str], Case] = {
    # ------------------------------------------------------------ 000
    ("000", 1, "Hardcoded Environment Values in Default Tags"): Case(
        '`Environment = "production"` in provider default_tags',
        "fix",
        rules={"TFX101": "unsafe"},
        unsafe=True,  # an existing variable without a default: the plan may change
        context=ENV_SUFFIX,
        compare=("provider.aws/default_tags/tags/Environment",),
        reason="The IDEAL also drops the `Suffix` tag, an edit unrelated to the finding: only the "
        "Environment value is compared.",
        digest="c23c0da29c96",
    ),
    ("000", 2, "Hardcoded Environment Values in AWS Backup Tags"): Case(
        '`Environment = "production"` in backup recovery_point_tags',
        "fix",
        rules={"TFX101": "unsafe"},
        unsafe=True,
        context=ENV_SUFFIX,
        compare="module",
        digest="776ea9c62e04",
    ),
    ("000", 3, "Hardcoded Environment Values in Backup Selection"): Case(
        '`value = "production"` in an aws_backup_selection selection_tag',
        "fix",
        rules={"TFX101": "unsafe"},  # always unsafe in aws_backup_selection (forces replacement)
        unsafe=True,
        context=ENV_SUFFIX,
        compare="module",
        digest="bb7335eab931",
    ),
    # ------------------------------------------------------------ 001
    ("001", 1, "Code Formatting Inconsistency"): Case(
        "attribute alignment not as `terraform fmt` writes it",
        "fmt",
        repair=(
            # The MODEL snippet elides five arguments with `# ...` that the IDEAL
            # shows; fmt aligns on the longest name, so they are restored
            # (verbatim from the IDEAL) for the outputs to be comparable.
            ("  # ...\n", _ELIDED_DB_ARGS),
            # comments naming the version, not part of the layout
            ("# MODEL_RESPONSE (inconsistent spacing)", "# IDEAL_RESPONSE (consistent spacing)"),
            ("\n# Provider tags had similar spacing issues\n", "\n"),
        ),
        reason="Without the restored arguments the fragment also draws TFX105 (skip_final_snapshot "
        "left out), which the seed's full code sets to true.",
        digest="8addd9797252",
    ),
    ("001", 1, "Backend Configuration Not Production-Ready"): Case(
        "REPLACE_ME placeholders in the S3 backend",
        "fix",
        rules={"TFX103": "unsafe"},
        profile="ephemeral",  # comment-out: QA stacks keep state locally, as the IDEAL does
        # The IDEAL's second block is a template "in separate backend.tf.example
        # or documentation", not part of the module: only the first block is.
        ideal_repair=(Re(r"\n# For production.*", ""),),
        compare="module",
        reason="The IDEAL's production template (your-terraform-state-bucket) would itself be "
        "reported if it were a .tf file; it belongs in an example file, as tffix's "
        "partial configuration (default profile) writes it.",
        digest="5e7faca064c4",
    ),
    # ------------------------------------------------------------ 002
    ("002", 1, "Fundamental Architecture Mismatch"): Case(
        "multi-region instead of multi-environment",
        "out-of-scope",
        reason="architecture / prompt mismatch: the code is valid, it answers another question",
        digest="e3b0c44298fc",
    ),
    ("002", 2, "Deletion Protection Enabled on RDS"): Case(
        "`deletion_protection = true`, `skip_final_snapshot = false` on aws_db_instance",
        "fix",
        rules={"TFX105": "unsafe"},
        profile="ephemeral",  # strategy flip, intended there
        wrap=('resource "aws_db_instance" "main_us_east_1" {\n', "}\n"),
        compare="module",
        digest="d7c7dc6614a3",
    ),
    ("002", 3, "Dynamic Timestamp in Resource Names"): Case(
        "`timestamp()` in final_snapshot_identifier",
        "fix",
        rules={"TFX109": "unsafe"},  # with skip_final_snapshot = false: pinned with time_static
        also={"TFX105": "the wrap holds the seed's section 2 settings of the same resource"},
        profile="ephemeral",
        # The identifier sits in the RDS instances of section 2, whose settings
        # the IDEAL's comment relies on ("With skip_final_snapshot = true").
        wrap=(
            'resource "aws_db_instance" "main_us_east_1" {\n  deletion_protection = true\n  skip_final_snapshot = false\n',
            "}\n",
        ),
        ideal_wrap=(
            'resource "aws_db_instance" "main_us_east_1" {\n  deletion_protection = false\n  skip_final_snapshot = true\n',
            "}\n",
        ),
        # ephemeral flips skip_final_snapshot (TFX105), after which the unused
        # identifier is removed (TFX109's safe fix, the seed review's fix)
        compare="module",
        digest="6cdc2a3cce08",
    ),
    ("002", 4, "Incomplete IAM Policy Resource"): Case(
        "aws_iam_role_policy without `policy`, `role = aws_iam_role.lambda`",
        "ideal-differs",
        rules={"TFX107": "none", "TFX108": "safe"},
        fixed={"resource.aws_iam_role_policy.lambda_s3_us_east_1/role": "aws_iam_role.lambda.name"},
        remaining=frozenset({"TFX107"}),
        reason="The IDEAL deletes the resource; TFX107 is display-only (writing permissions or "
        "deleting a resource is the author's call). TFX108 still fixes the role reference.",
        digest="55e331997f06",
    ),
    ("002", 5, "Missing Auto Scaling Groups"): Case(
        "static instances instead of the requested ASG",
        "out-of-scope",
        reason="architecture / prompt mismatch (the IDEAL keeps static instances too)",
        digest="c0157dac0875",
    ),
    ("002", 6, "Wrong Implementation of EC2 User Data"): Case(
        "`user_data = base64encode(...)`",
        "ideal-differs",
        rules={"TFX106": "unsafe"},
        unsafe=True,
        # The section shows no MODEL code, only prose ("uses base64encode()
        # wrapper and inline templating"): the before is the IDEAL's heredoc
        # wrapped in base64encode(), as the seed's code had it.
        before_from_ideal=True,
        repair=(("user_data = <<-EOF\n", "user_data = base64encode(<<-EOF\n"), (Re(r"\nEOF\n$", "\nEOF\n)\n"))),
        wrap=('resource "aws_instance" "app_us_east_1" {\n', "}\n"),
        fixed={
            "resource.aws_instance.app_us_east_1/user_data": None,
            "resource.aws_instance.app_us_east_1/user_data_base64": FromBefore(
                "resource.aws_instance.app_us_east_1/user_data"
            ),
        },
        reason="tffix renames the argument to user_data_base64 and keeps the value; dropping the "
        "encoder (the IDEAL, also valid) is the author's call.",
        digest="b20f2c737864",
    ),
    ("002", 7, "Deliverable Format Not Followed"): Case(
        "prose outside the required code blocks",
        "out-of-scope",
        reason="response format (prose), not code",
        digest="e3b0c44298fc",
    ),
    ("002", 8, "AMI Configurability Not Implemented as Specified"): Case(
        "no AMI override variable",
        "out-of-scope",
        reason="prompt mismatch: a missing input variable the prompt asked for",
        digest="e3b0c44298fc",
    ),
    ("002", 9, "AWS Services Mismatch"): Case(
        "services differ from metadata.json",
        "out-of-scope",
        reason="prompt / metadata mismatch, not code",
        digest="e3b0c44298fc",
    ),
    ("002", 10, "Minor Deviation from Tagging Expression"): Case(
        "tags merged differently than the prompt prescribed",
        "out-of-scope",
        reason="prompt mismatch in style; functionally equivalent code",
        digest="e3b0c44298fc",
    ),
    # ------------------------------------------------------------ 003
    ("003", 1, "Terraform Backend Variable Usage"): Case(
        "`${var.environment_suffix}` in the S3 backend",
        "fix",
        rules={"TFX103": "unsafe"},
        profile="ephemeral",  # comment-out, intended there
        # The snippet is the backend block alone; backends live in terraform {}.
        wrap=("terraform {\n", "}\n"),
        compare="module",  # both leave terraform {} with no backend: local state
        reason="tffix's comment keeps the block verbatim with how to restore it; the IDEAL "
        'abbreviates it to `# backend "s3" { ... }`.',
        digest="76526a4f651b",
    ),
    ("003", 2, "Missing S3 Lifecycle Filter Block"): Case(
        "lifecycle rule without `filter`",
        "fix",
        rules={"TFX102": "safe"},
        # `transition { ... }` elides the block's content with literal dots,
        # which is not HCL; an empty block keeps the rule's shape.
        repair=(("transition { ... }", "transition {}"),),
        ideal_repair=(("transition { ... }", "transition {}"),),
        compare="module",
        digest="2535ac07acee",
    ),
    ("003", 3, "Deprecated IAM Managed Policy Attachment Method"): Case(
        "`managed_policy_arns` on aws_iam_role",
        "ideal-differs",
        rules={"TFX104": "unsafe"},
        unsafe=True,
        fixed={
            "resource.aws_iam_role.backup/managed_policy_arns": None,
            "resource.aws_iam_role_policy_attachment.backup/role": "aws_iam_role.backup.name",
            "resource.aws_iam_role_policy_attachment.backup/for_each": """{
                AWSBackupServiceRolePolicyForBackup   = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
                AWSBackupServiceRolePolicyForRestores = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
            }""",
            "resource.aws_iam_role_policy_attachment.backup/policy_arn": "each.value",
        },
        reason='The IDEAL only documents the deprecation ("not implemented to maintain MODEL_RESPONSE '
        'structure") and sketches one attachment for one of the two ARNs; tffix moves both, '
        "with static for_each keys.",
        digest="cb31a293c8b5",
    ),
    ("003", 4, "Missing Unit Test Coverage Infrastructure"): Case(
        "no unit tests for the Lambda code",
        "out-of-scope",
        reason="tests",
        digest="e3b0c44298fc",
    ),
    ("003", 5, "Incomplete Documentation of Constraints"): Case(
        "constraints not documented",
        "out-of-scope",
        reason="documentation",
        digest="e3b0c44298fc",
    ),
    ("003", 6, "Missing Integration Test Structure"): Case(
        "no integration tests",
        "out-of-scope",
        reason="tests",
        digest="e3b0c44298fc",
    ),
    ("003", 7, "Environment Variable Defaults Not Clearly Documented"): Case(
        "Lambda (Python) defaults not documented",
        "out-of-scope",
        reason="documentation (the snippet is Python)",
        digest="2865fe682583",
    ),
    # ------------------------------------------------------------ 004
    ("004", 1, "RDS Aurora Configuration Conflict"): Case(
        "serverlessv2_scaling_configuration with provisioned instance classes",
        "ideal-wrong",
        about=("TFX110",),
        also={"TFX105": "`# ... other config ...` elides the cluster's skip_final_snapshot"},
        remaining=frozenset({"TFX105"}),  # a missing skip_final_snapshot is only reported (default profile)
        # the instance's `# ...` elides its cluster_identifier: restored, so
        # the rule does see the cluster and its instances together
        repair=(("  # ...\n}", "  cluster_identifier = aws_rds_cluster.main.id\n}"),),
        reason="Mixing db.serverless and provisioned instances in one cluster is valid (TFX110 docs), "
        'and the class here is a variable: no TFX110 finding. The seed\'s "mutually exclusive" '
        "claim is wrong; dropping the v2 block is a sizing choice.",
        digest="5c29803b3a2a",
    ),
    ("004", 2, "Hardcoded S3 Backend Configuration"): Case(
        "S3 backend with hard-coded bucket and table names",
        "no-finding",
        about=("TFX103",),
        profile="ephemeral",  # even where local state is intended
        reason="Literal real names are what a backend accepts (TFX103 docs); that the bucket must "
        "exist before init is a deployment matter. tffix keeps the backend; the IDEAL's "
        "commented-out backend is valid too.",
        digest="dc07d121fa83",
    ),
    ("004", 3, "Missing Lambda Deployment Package"): Case(
        "aws_lambda_function needs a function.zip built outside Terraform",
        "ideal-differs",
        rules={"TFX115": "unsafe"},
        unsafe=True,
        # Without `sources` the finding is display-only. The seed keeps the
        # code in lambda/index.py beside lambda/function.zip (its IDEAL and
        # build script say so), so the zip maps to the lambda folder.
        options={"TFX115": {"sources": {"lambda/function.zip": "lambda"}}},
        ideal_snippet=0,  # the second is the bash pre-build check
        fixed={
            "resource.aws_lambda_function.main/filename": "data.archive_file.main.output_path",
            "resource.aws_lambda_function.main/source_code_hash": "data.archive_file.main.output_base64sha256",
            "data.archive_file.main/output_path": '"${path.module}/lambda/function.zip"',
        },
        reason="The IDEAL archives the one file lambda/index.py (`source_file`) as "
        "data.archive_file.lambda; tffix archives the folder mapped by the `sources` option "
        "(`source_dir`) and names the data source after the function. Display-only without the option.",
        digest="e8797ff453bb",
    ),
    ("004", 4, "Unformatted Terraform Code"): Case(
        "files not `terraform fmt`-formatted",
        "fmt",
        reason="no code in the seed (files are named only); `tffix fmt` formats them",
        digest="e3b0c44298fc",
    ),
    ("004", 5, "Expensive NAT Gateway Configuration"): Case(
        "one NAT gateway per AZ in dev",
        "display-only",
        rules={"TFX118": "none"},
        profile="ephemeral",  # TFX118 is opt-in in the default profile
        context=DEV_ENVIRONMENT,
        remaining=frozenset({"TFX118"}),
        reason="Availability against cost is the team's call (info). The seed picks the environment "
        "with -var-file=dev.tfvars, which tffix cannot see: without a known non-production "
        "environment TFX118 stays silent.",
        digest="596a3594a7dc",
    ),
    ("004", 6, "Aurora Cluster Multiple Instances for Dev"): Case(
        "two Aurora instances in dev",
        "display-only",
        rules={"TFX118": "none"},
        profile="ephemeral",
        context=DEV_ENVIRONMENT,
        # `# ...` elides the instance's cluster_identifier, through which the
        # rule counts a cluster's instances
        repair=(("  # ...\n", "  cluster_identifier = aws_rds_cluster.main.id\n"),),
        ideal_repair=(("  # ...\n", "  cluster_identifier = aws_rds_cluster.main.id\n"),),
        ideal_snippet=0,  # the second shows three .tfvars files in one fence
        remaining=frozenset({"TFX118"}),
        reason="Sizing is the team's call (info); as in section 5, the environment must be known "
        "to tffix (a variable default or an auto-loaded .tfvars).",
        digest="a55318965de5",
    ),
    ("004", 7, "Lambda Build Script Dependency"): Case(
        "build script needs `zip`",
        "out-of-scope",
        reason="shell build script, not Terraform",
        digest="0614dfce13a8",
    ),
    ("004", 8, "README Instructions Require Manual Backend Setup"): Case(
        "manual backend setup in the README",
        "out-of-scope",
        reason="documentation",
        digest="c9c113a9524f",
    ),
    ("004", 9, "VPC Flow Logs IAM Policy Too Permissive"): Case(
        '`Resource = "*"` for log writes in the flow logs policy',
        "display-only",
        rules={"TFX116": "none"},
        profile="ephemeral",  # TFX116 is opt-in in the default profile
        remaining=frozenset({"TFX116"}),
        reason="Which log groups the role writes to is the author's to say (info); the IDEAL, "
        'scoped to the flow log group with Describe* on "*", passes.',
        digest="f4882d71f20a",
    ),
    ("004", 10, "Lambda Function URL Without Authentication"): Case(
        '`authorization_type = "NONE"` with `allow_origins = ["*"]`',
        "display-only",
        rules={"TFX111": "none"},
        remaining=frozenset({"TFX111"}),
        reason="Who may call the function is the author's choice; the IDEAL (IAM outside dev) passes.",
        digest="49da93d2d0b0",
    ),
    ("004", 11, "Missing Terraform Backend Variables Documentation"): Case(
        "README lacks backend options",
        "out-of-scope",
        reason="documentation",
        digest="92a8415c8f09",
    ),
    ("004", 12, "Workspace Naming vs Environment Suffix Confusion"): Case(
        "workspace name and environment_suffix not tied",
        "out-of-scope",
        reason="process / architecture: a convention, not invalid code",
        digest="3ec651377e37",
    ),
    ("004", 13, "RDS Password Special Character Issues"): Case(
        "random_password with the default special set for an RDS password",
        "fix",
        rules={"TFX112": "unsafe"},
        unsafe=True,
        # The password is the Aurora cluster's (section 1); the rule follows
        # master_password to the random_password, so the module holds that use.
        context={
            "rds.tf": 'resource "aws_rds_cluster" "main" {\n'
            '  engine              = "aurora-postgresql"\n'
            '  master_username     = "dbadmin"\n'
            "  master_password     = random_password.master.result\n"
            "  skip_final_snapshot = true\n"
            "}\n"
        },
        compare=("resource.random_password.master/override_special",),
        reason="The IDEAL also sets min_special/min_upper/min_lower/min_numeric, hardening unrelated "
        "to the rejected characters: only override_special is compared.",
        digest="56709e14f2bf",
    ),
}

# ---------------------------------------------------------------- helpers


def _apply_repairs(text: str, repairs: tuple[Repair, ...]) -> str:
    for repair in repairs:
        if isinstance(repair, Re):
            text, n = re.subn(repair.pattern, repair.new, text, flags=re.DOTALL)
            assert n, f"repair pattern {repair.pattern!r} not found: the seed changed"
        else:
            old, new = repair
            assert old in text, f"repair {old!r} not found: the seed changed"
            text = text.replace(old, new)
    return text


def _wrap(text: str, wrap: tuple[str, str] | None) -> str:
    if wrap is None:
        return text
    head, tail = wrap
    return head + "".join(f"  {line}" if line.strip() else line for line in text.splitlines(True)) + tail


def _one(snippets: list[str], what: str) -> str:
    assert len(snippets) == 1, f"expected one {what} hcl snippet, found {len(snippets)}"
    return snippets[0]


def before_files(section: Section, case: Case) -> dict[str, str]:
    source = section.hcl("after") if case.before_from_ideal else section.hcl("before")
    text = _wrap(_apply_repairs(_one(source, "source"), case.repair), case.wrap)
    return {"main.tf": text, **case.context}


def ideal_files(section: Section, case: Case) -> dict[str, str]:
    wrap = case.ideal_wrap if case.ideal_wrap is not None else case.wrap
    ideals = section.hcl("after")
    ideal = _one(ideals, "IDEAL") if case.ideal_snippet is None else ideals[case.ideal_snippet]
    text = _wrap(_apply_repairs(ideal, case.ideal_repair), wrap)
    return {"main.tf": text, **case.context}


#: rules that judge a module as a whole, left out here: a seed's snippets are excerpts of a
#: module (``# ... other config ...``), so the variables, resources and required arguments
#: they leave out are the excerpt's, not the code's (golden/ and the corpus test these rules)
EXCERPT_IGNORE = ("TFX301", "TFX302", "TFX303", "TFX307", "TFX403")


def settings(case: Case) -> Settings:
    return Settings(profile=case.profile, unsafe_fixes=case.unsafe, options=case.options, ignore=EXCERPT_IGNORE)


def canonical(node: Node | None) -> tuple[tuple[str, str], ...] | None:
    """The node's tokens without layout and comments (None for a missing node)."""
    if node is None:
        return None
    return tuple((t.kind, t.text) for t in node.tokens() if t.kind not in ("NEWLINE", "EOF"))


def lookup(text: str, path: str) -> Node | None:
    """The node at ``path`` in ``text``: ``/``-separated steps, each a block
    (``resource.aws_instance.web``: type and labels), an attribute or an
    object key. An attribute or key step gives its value expression."""
    node: Node | None = parse_module(text)
    for step in path.split("/"):
        if node is None:
            return None
        if isinstance(node, Object):
            item = node.item(step)
            node = item.value if item is not None else None
            continue
        body = getattr(node, "body", None)
        if body is None:
            return None
        if "." not in step and (attr := body.attribute(step)) is not None:
            node = attr.value
        else:
            kind, *labels = step.split(".")
            node = body.block(kind, *labels)
    return node


def findings(files: dict[str, str], case: Case) -> list:
    result = run(files, settings(case), fix=False)
    assert not result.parse_errors, result.parse_errors
    assert not result.internal_errors, result.internal_errors
    return result.remaining


def fix_class(diag) -> str:
    return "none" if diag.fix is None else diag.fix.applicability.value


SECTIONS = seed_sections()
BY_KEY = {s.key: s for s in SECTIONS}
KEYS = sorted(SEEDS)


def _id(key: tuple[str, int, str]) -> str:
    return f"{key[0]}-{key[1]}-{key[2][:40]}"


def _cases(*kinds: str) -> list[tuple[str, int, str]]:
    return [k for k in KEYS if SEEDS[k].kind in kinds]


# ---------------------------------------------------------------- the tests


def test_every_seed_section_is_classified() -> None:
    extracted = [s.key for s in SECTIONS]
    assert len(extracted) == len(set(extracted)), "two sections share seed, number and title"
    assert set(extracted) == set(SEEDS), (
        f"unclassified sections: {sorted(set(extracted) - set(SEEDS))}; "
        f"classified but gone: {sorted(set(SEEDS) - set(extracted))}"
    )
    changed = {_id(k): BY_KEY[k].digest() for k in KEYS if BY_KEY[k].digest() != SEEDS[k].digest}
    assert not changed, f"code in these sections changed; review their classification and digests: {changed}"


def test_parser_reads_every_seed() -> None:
    """Every seed has sections, and each section's snippets are roles the
    table relies on: no code after **Root Cause** went unnoticed."""
    seeds = {s.seed for s in SECTIONS}
    assert seeds == {p.name.split("_", 1)[0] for p in SEED_DIR.glob("*.txt")}
    for section in SECTIONS:
        for snippet in section.snippets:
            assert snippet.role in ("before", "after"), f"{_id(section.key)}: snippet at line {snippet.line} is neither"


@pytest.mark.parametrize("key", KEYS, ids=_id)
def test_case_is_consistent(key) -> None:
    case = SEEDS[key]
    assert case.kind in {"fix", "ideal-differs", "ideal-wrong", "no-finding", "display-only", "fmt", "out-of-scope"}
    if case.kind in ("out-of-scope", "ideal-differs", "ideal-wrong", "no-finding", "display-only"):
        assert case.reason, "say why"
    if case.kind == "fix":
        assert case.compare, "a fix case compares with the IDEAL"
    if case.kind in ("ideal-differs",):
        assert case.fixed and case.compare is None


@pytest.mark.parametrize(
    "key", [k for k in KEYS if k in BY_KEY and (BY_KEY[k].hcl("before") or SEEDS[k].before_from_ideal)], ids=_id
)
def test_before_snippet_parses_after_repair(key) -> None:
    for name, text in before_files(BY_KEY[key], SEEDS[key]).items():
        parse_module(text, path=name)


@pytest.mark.parametrize(
    "key", [k for k in KEYS if k in BY_KEY and (BY_KEY[k].hcl("before") or SEEDS[k].before_from_ideal)], ids=_id
)
def test_expected_rules_fire_on_before(key) -> None:
    """Exactly the table's codes fire (out-of-scope code: none), with the
    fix class the rule docs give for this case."""
    section, case = BY_KEY[key], SEEDS[key]
    found = findings(before_files(section, case), case)
    assert {d.code for d in found} == set(case.rules) | set(case.also), [(d.code, d.message) for d in found]
    for diag in found:
        if diag.code in case.rules:
            assert fix_class(diag) == case.rules[diag.code], (diag.code, diag.message)


@pytest.mark.parametrize("key", _cases("fix", "ideal-differs", "display-only", "ideal-wrong", "no-finding"), ids=_id)
def test_fix_gives_the_ideal_or_what_the_docs_say(key) -> None:
    section, case = BY_KEY[key], SEEDS[key]
    before = before_files(section, case)
    result = run(before, settings(case))
    assert not result.internal_errors, result.internal_errors
    assert {d.code for d in result.remaining} == set(case.remaining), [(d.code, d.message) for d in result.remaining]
    assert_sound(before, outputs(result), settings(case))
    got = outputs(result)["main.tf"]
    if case.compare == "module":
        ideal = ideal_files(section, case)["main.tf"]
        assert canonical(parse_module(got)) == canonical(parse_module(ideal)), f"fixed:\n{got}\nIDEAL:\n{ideal}"
    elif case.compare:
        ideal = ideal_files(section, case)["main.tf"]
        for path in case.compare:
            assert lookup(ideal, path) is not None, f"{path} not in the IDEAL"
            assert canonical(lookup(got, path)) == canonical(lookup(ideal, path)), f"{path}; fixed:\n{got}"
    for path, want in case.fixed.items():
        if isinstance(want, FromBefore):
            expected = lookup(before["main.tf"], want.path)
            assert expected is not None
        elif want is None:
            expected = None
        else:
            expected = lookup(f"x = {want}\n", "x")
        assert canonical(lookup(got, path)) == canonical(expected), f"{path}; fixed:\n{got}"
    if not case.rules:
        assert got == before["main.tf"], "nothing to fix, nothing changed"


@pytest.mark.parametrize("key", [k for k in _cases("fix", "ideal-differs", "display-only", "no-finding")
                                 if k in BY_KEY and BY_KEY[k].hcl("after")], ids=_id)  # fmt: skip
def test_ideal_draws_none_of_the_findings(key) -> None:
    """The IDEAL is valid in the rules' eyes (for `ideal-differs` too: the
    docs call it the author's alternative, not a mistake)."""
    section, case = BY_KEY[key], SEEDS[key]
    assert case.subject, "which rule the finding is about"
    found = findings(ideal_files(section, case), case)
    assert not {d.code for d in found} & set(case.subject), [(d.code, d.message) for d in found]


@pytest.mark.parametrize("key", [k for k in _cases("fix", "ideal-differs") if SEEDS[k].unsafe], ids=_id)
def test_unsafe_fix_waits_for_unsafe_fixes(key) -> None:
    """Where the table needs --unsafe-fixes, the profile alone changes nothing
    the rule would (the finding stays)."""
    section, case = BY_KEY[key], SEEDS[key]
    before = before_files(section, case)
    result = run(before, Settings(profile=case.profile, options=case.options, ignore=EXCERPT_IGNORE))
    unsafe_codes = {c for c, k in case.rules.items() if k == "unsafe"}
    assert unsafe_codes <= {d.code for d in result.remaining}


@pytest.mark.parametrize("key", _cases("fmt"), ids=_id)
def test_fmt_gives_the_ideal_layout(key) -> None:
    section = BY_KEY[key]
    case = SEEDS[key]
    if not section.hcl("before"):
        assert not section.hcl("after"), "an IDEAL without a before to format"
        return
    ideal = _one(section.hcl("after"), "IDEAL")
    assert format_source(ideal) == ideal, "the IDEAL is not fmt-clean"
    raw = _one(section.hcl("before"), "MODEL")
    assert format_source(raw) != raw, "the MODEL snippet is already formatted"
    before = before_files(section, case)["main.tf"]
    assert before != ideal
    assert format_source(before) == ideal


# ---------------------------------------------------------------- notes the docs make


def test_seed_001_production_template_is_reported_if_loaded() -> None:
    """The IDEAL's production backend is a template with your-... names: as a
    .tf file it would not initialise, which is why it belongs in an example."""
    section = BY_KEY[("001", 1, "Backend Configuration Not Production-Ready")]
    ideal = _one(section.hcl("after"), "IDEAL")
    template = ideal[ideal.index("# For production") :]
    found = run({"main.tf": template}, Settings(select=("TFX103",)), fix=False).remaining
    assert [d.code for d in found] == ["TFX103"]
    assert "placeholder" in found[0].message


def test_seed_004_aurora_mixed_classes_are_valid() -> None:
    """Section 1's claim in its strongest form: a v2 cluster with one
    db.serverless and one provisioned instance is valid, no TFX110."""
    section = BY_KEY[("004", 1, "RDS Aurora Configuration Conflict")]
    text = before_files(section, SEEDS[section.key])["main.tf"]
    text = text.replace("  count              = 2\n", "").replace("var.rds_instance_class", '"db.serverless"') + (
        'resource "aws_rds_cluster_instance" "provisioned" {\n'
        "  cluster_identifier = aws_rds_cluster.main.id\n"
        '  instance_class     = "db.r6g.large"\n'
        "}\n"
    )
    found = run({"main.tf": text}, Settings(select=("TFX110",)), fix=False)
    assert not found.parse_errors and found.remaining == []


def test_doc_table_lists_every_section() -> None:
    text = DOC.read_text("utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for seed, number, title in KEYS:
        assert any(row.startswith(f"| {seed} | {number}. {title} |") for row in rows), (seed, number, title)


def test_seed_004_lambda_archive_does_not_contain_itself() -> None:
    """Section 3: the seed builds lambda/function.zip from lambda/index.py, so
    the `sources` mapping is the lambda folder. An archive_file whose
    output_path lies inside its source_dir zips its own output (an extra
    entry on the first plan, the previous zip on the next: the hash never
    settles; hashicorp/terraform-provider-archive#173). The fix must write
    the zip elsewhere or exclude it, as the IDEAL does with source_file."""
    key = ("004", 3, "Missing Lambda Deployment Package")
    section, case = BY_KEY[key], SEEDS[key]
    got = outputs(run(before_files(section, case), settings(case)))["main.tf"]
    archive = parse_module(got).block("data", "archive_file")
    assert archive is not None, got
    source_dir = lookup(got, "data.archive_file.main/source_dir")
    output = lookup(got, "data.archive_file.main/output_path")
    excludes = lookup(got, "data.archive_file.main/excludes")
    source_text = source_dir.code.strip().strip('"') if source_dir is not None else None
    output_text = output.code.strip().strip('"')
    inside = source_text is not None and output_text.startswith(source_text.rstrip("/") + "/")
    excluded = excludes is not None and '"function.zip"' in excludes.code
    assert not inside or excluded, f"the archive would contain its own output:\n{got}"


@pytest.mark.parametrize("key", _cases("ideal-wrong", "no-finding"), ids=_id)
@pytest.mark.parametrize("profile", ["default", "ephemeral"])
def test_no_finding_in_any_profile(key, profile: str) -> None:
    """Where the docs say the seed's finding is not a code failure, no
    profile reports it."""
    section, case = BY_KEY[key], SEEDS[key]
    found = run(before_files(section, case), Settings(profile=profile, ignore=EXCERPT_IGNORE), fix=False).remaining
    assert not {d.code for d in found} & set(case.about), [(d.code, d.message) for d in found]
