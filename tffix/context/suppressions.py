"""Suppression comments: ``tffix:ignore`` and the peers' equivalents.

Recognised in all three comment styles (``#``, ``//``, ``/* */``):

- ``tffix:ignore CODE[,CODE] [exp:YYYY-MM-DD] [-- reason]`` at the end of the
  line holding the finding, or on its own line directly above the item (an
  attribute, block or object item) holding it; further comment lines may sit
  in between, blank lines may not;
- ``tffix:ignore-file CODE[,CODE] ...`` before the first item of a file;
- ``tflint-ignore: rule_name``, ``checkov:skip=CKV_ID:reason`` and
  ``trivy:ignore:AVD-ID`` (or trivy's ``AWS-0107`` spelling), for the rules
  with a documented peer (``PEERS``).

Codes may be rule codes or names; ``all`` matches every rule. An expired,
unused or misplaced ``tffix:ignore`` is itself a finding (TFX001), and so is
one that cannot do anything: without a code, naming an unknown rule, or
spelt almost right (``tffix: ignore``, ``tffix-ignore``, ``tffix:ignore:X``),
which would otherwise be skipped as an ordinary comment.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..cst import nodes as n
from ..cst.visitor import walk
from ..diagnostics import Diagnostic
from .inputs import Inputs
from .module import SourceFile

__all__ = ["PEERS", "Suppression", "apply_suppressions", "find_suppressions"]

#: tffix code -> the IDs other tools use for the same finding (only where
#: the peer's documentation describes the same pattern)
PEERS: dict[str, tuple[str, ...]] = {
    "TFX104": ("aws_iam_role_deprecated_policy_attributes",),  # tflint-ruleset-aws
    "TFX111": ("CKV_AWS_258",),  # checkov: Lambda function URL AuthType NONE
    "TFX113": ("terraform_deprecated_interpolation",),  # tflint-ruleset-terraform
    # tflint-ruleset-terraform: the Terraform language rules (TFX2xx)
    "TFX201": ("terraform_deprecated_index",),
    "TFX202": ("terraform_deprecated_lookup",),
    "TFX203": ("terraform_empty_list_equality",),
    "TFX204": ("terraform_comment_syntax",),
    "TFX205": ("terraform_module_shallow_clone",),
    "TFX206": ("terraform_unused_declarations",),
    "TFX207": ("terraform_required_providers",),
    "TFX208": ("terraform_typed_variables",),
    "TFX209": ("terraform_documented_variables",),
    "TFX210": ("terraform_documented_outputs",),
    "TFX211": ("terraform_required_version",),
    "TFX212": ("terraform_module_version",),
    "TFX213": ("terraform_module_pinned_source",),
    "TFX214": ("terraform_naming_convention",),
    "TFX215": ("terraform_standard_module_structure",),
    "TFX216": ("terraform_workspace_remote",),
    "TFX217": ("terraform_map_duplicate_keys",),
    "TFX218": ("terraform_unused_required_providers",),
    # Checked against checkov's and trivy-checks' own sources (checkov 03d5fdad, trivy-checks 80e53822).
    # checkov: SSH (CKV_AWS_24), RDP (25), every port (277) from 0.0.0.0/0 in security groups; RDS
    # publicly_accessible (CKV_AWS_17); Azure NSG RDP / SSH from the internet (CKV_AZURE_9, 10); GCP
    # firewall SSH / RDP / MySQL (CKV_GCP_2, 3, 88); trivy: security group SSH/RDP ingress (0107), RDS
    # public access (0180), Azure NSG public ingress / RDP / SSH (0047, 0048, 0050), GCP firewall public
    # ingress / RDP / SSH (0027, 0070, 0071)
    "TFX119": (
        "CKV_AWS_24",
        "CKV_AWS_25",
        "CKV_AWS_277",
        "CKV_AWS_17",
        "CKV_AZURE_9",
        "CKV_AZURE_10",
        "CKV_GCP_2",
        "CKV_GCP_3",
        "CKV_GCP_88",
        "AVD-AWS-0107",
        "AVD-AWS-0180",
        "AVD-AZU-0047",
        "AVD-AZU-0048",
        "AVD-AZU-0050",
        "AVD-GCP-0027",
        "AVD-GCP-0070",
        "AVD-GCP-0071",
    ),
    # checkov: AWS keys in the provider (CKV_AWS_41), secrets in Lambda environment variables (45), in EC2
    # user data (46) and in Azure VM custom data (CKV_AZURE_45), plaintext GitHub Actions secrets
    # (CKV_GIT_4), and its secret scanners: AWS access key (CKV_SECRET_2), Azure storage key (3), URL
    # credentials (4), high-entropy strings (6, 19), secret keywords such as `password = "..."` (10),
    # private keys (13); trivy: AWS keys in EC2 and launch-configuration user data (0029, 0129), secrets
    # in ECS task environments (0036), Azure VM custom data (AVD-AZU-0037), plaintext GitHub secrets
    # (AVD-GIT-0002)
    "TFX122": (
        "CKV_AWS_41",
        "CKV_AWS_45",
        "CKV_AWS_46",
        "CKV_AZURE_45",
        "CKV_GIT_4",
        "CKV_SECRET_2",
        "CKV_SECRET_3",
        "CKV_SECRET_4",
        "CKV_SECRET_6",
        "CKV_SECRET_10",
        "CKV_SECRET_13",
        "CKV_SECRET_19",
        "AVD-AWS-0029",
        "AVD-AWS-0036",
        "AVD-AWS-0129",
        "AVD-AZU-0037",
        "AVD-GIT-0002",
    ),
    # checkov: "*" actions / admin statements in policy documents (CKV_AWS_1, 49) and policies (62, 63),
    # AdministratorAccess attached (274), full IAM access (CKV2_AWS_40), Azure custom roles with
    # subscription owner permissions (CKV_AZURE_39), Google basic roles at organization, folder and
    # project level (CKV_GCP_115, 116, 117); trivy: IAM policy wildcards (0057)
    "TFX123": (
        "CKV_AWS_1",
        "CKV_AWS_49",
        "CKV_AWS_62",
        "CKV_AWS_63",
        "CKV_AWS_274",
        "CKV2_AWS_40",
        "CKV_AZURE_39",
        "CKV_GCP_115",
        "CKV_GCP_116",
        "CKV_GCP_117",
        "AVD-AWS-0057",
    ),
}

_COMMENT = re.compile(r"#[^\r\n]*|//[^\r\n]*|/\*.*?\*/", re.DOTALL)
_TFFIX = re.compile(r"tffix:ignore(?P<file>-file)?\s+(?P<codes>[\w-]+(?:\s*,\s*[\w-]+)*)(?P<rest>.*)", re.DOTALL)
#: ``tffix:ignore`` with no code: only a reason, or nothing
_BARE = re.compile(r"tffix:ignore(?P<file>-file)?(?:\s+--.*)?\s*$", re.DOTALL)
#: spellings close enough to be meant as a directive, which tffix does not read
_NEAR_MISS = re.compile(r"tffix\s*[:_-]?\s*ignore(?P<file>[\s_-]*file)?\b", re.IGNORECASE)
_EXPIRY = re.compile(r"exp:(\d{4}-\d{2}-\d{2})")
_PEER = re.compile(
    r"tflint-ignore(?P<file>-file)?:\s*(?P<tflint>[\w\s,-]+)|checkov:skip=(?P<checkov>[\w-]+)|trivy:ignore:(?P<trivy>[\w-]+)"
)


@dataclass
class Suppression:
    """One directive and what it covers. ``lines`` is None for a whole file."""

    codes: frozenset[str]
    line: int
    column: int
    offsets: tuple[int, int]
    lines: tuple[int, int] | None
    own: bool  # a tffix directive (peers' directives are never reported as unused)
    expires: datetime.date | None = None
    misplaced: bool = False
    used: bool = field(default=False)
    #: codes that name no rule of this tffix
    unknown: frozenset[str] = frozenset()
    #: why the comment suppresses nothing at all (no code, a misspelling)
    problem: str | None = None

    def covers(self, diag: Diagnostic, inputs: Inputs) -> bool:
        if self.problem is not None or self.misplaced or (self.expires is not None and inputs.expired(self.expires)):
            return False
        if "all" not in self.codes and diag.code not in self.codes:
            return False
        return self.lines is None or self.lines[0] <= diag.start[0] <= self.lines[1]


def _comments(file: SourceFile) -> Iterable[tuple[int, str]]:
    """(offset, text) of every comment, from the trivia only, so a ``#`` in
    a string is never read as one."""
    assert file.tree is not None
    offset = len(file.tree.bom)
    for token in file.tree.tokens():
        for trivia, at in ((token.lead, offset), (token.trail, offset + len(token.lead) + len(token.text))):
            for match in _COMMENT.finditer(trivia):
                yield at + match.start(), match.group()
        offset += len(token.lead) + len(token.text) + len(token.trail)


def _codes(raw: Iterable[str], names: Mapping[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """Rule codes of the listed codes or rule names (``names``: name -> code),
    and the entries that name no known rule (reported). Without ``names``
    every entry is taken as a code."""
    known = set(names.values())
    out = set()
    unknown = set()
    for code in raw:
        code = code.strip()  # never empty: _TFFIX's pattern has no empty entry
        if code.lower() == "all":
            out.add("all")
            continue
        resolved = names.get(code.lower(), code.upper())
        if not known or resolved in known:
            out.add(resolved)
        else:
            unknown.add(code.upper() if re.fullmatch(r"[A-Za-z]+\d+", code) else code)
    return frozenset(out), frozenset(unknown)


def _peer_codes(match: re.Match[str]) -> frozenset[str]:
    tflint = [i.strip() for i in (match.group("tflint") or "").split(",")]
    if "all" in tflint:  # every rule tflint has: those with a tflint rule ID as peer
        return frozenset(code for code, peers in PEERS.items() if any(_TFLINT_ID.match(p) for p in peers))
    trivy = match.group("trivy") or ""
    ids = tflint + [
        match.group("checkov") or "",
        trivy,
        "AVD-" + trivy,  # trivy's own spelling of its IDs, AWS-0107, is AVD-AWS-0107 with the prefix
    ]
    return frozenset(code for code, peers in PEERS.items() if any(i and i in peers for i in ids))


#: tflint rule IDs (``terraform_deprecated_index``, ``aws_...``), not checkov's or trivy's
_TFLINT_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")

#: text every directive contains: files without any skip the tree walks below
_MARKERS = ("tffix", "TFFIX", "tflint-ignore", "checkov:skip=", "trivy:ignore:")


def find_suppressions(file: SourceFile, names: Mapping[str, str] | None = None) -> list[Suppression]:
    """The file's directives; ``names`` maps rule names to codes, so that a
    directive may name a rule (``tffix.rule.RuleSet.names``)."""
    if file.tree is None or not any(marker in file.text for marker in _MARKERS):
        return []
    items = _item_lines(file)
    first_item = min((start for start, _ in items.values()), default=10**9)
    code_lines = _code_lines(file)
    comment_only = _comment_only(file, code_lines)
    out = []
    for offset, comment in _comments(file):
        body = comment.lstrip("#/*").rstrip("*/").strip()
        line, column = file.location(offset)
        problem = _malformed(body)
        if problem is not None:
            out.append(
                Suppression(frozenset(), line, column, (offset, offset + len(comment)), None, True, problem=problem)
            )
            continue
        own = _TFFIX.match(body)
        peer = None if own else _PEER.match(body)
        match = own or peer
        if match is None:
            continue
        whole_file = bool(match.group("file"))
        codes, unknown = (
            _codes(own.group("codes").split(","), names or {}) if own else (_peer_codes(match), frozenset[str]())
        )
        if not codes and not unknown:
            continue
        expiry = _EXPIRY.search(own.group("rest") if own else body)
        expires = datetime.date.fromisoformat(expiry.group(1)) if expiry else None
        end = offset + len(comment)
        if whole_file:
            out.append(
                Suppression(
                    codes,
                    line,
                    column,
                    (offset, end),
                    None,
                    bool(own),
                    expires,
                    misplaced=line > first_item,
                    unknown=unknown,
                )
            )
            continue
        if line in code_lines:  # trailing: covers its own line
            covered = (line, line)
        else:
            target = line + 1
            while target in comment_only and target not in items:
                target += 1
            covered = items.get(target, (target, target))
        out.append(Suppression(codes, line, column, (offset, end), covered, bool(own), expires, unknown=unknown))
    return out


def _malformed(body: str) -> str | None:
    """Why a comment meant as a ``tffix:ignore`` suppresses nothing, or None
    when it is a well-formed directive or no directive at all."""
    bare = _BARE.match(body)
    if bare is not None:
        directive = "tffix:ignore-file" if bare.group("file") else "tffix:ignore"
        return f"`{directive}` names no rule, so it suppresses nothing: add a code (`{directive} TFX101`) or `all`"
    if _TFFIX.match(body):
        return None
    near = _NEAR_MISS.match(body)
    if near is None:
        return None
    directive = "tffix:ignore-file" if near.group("file") else "tffix:ignore"
    spelt = body.split(None, 3 if " " in near.group() else 1)
    shown = " ".join(spelt[:-1]) if len(spelt) > 1 else body
    return f"`{shown}` is not read as a suppression: the form is `{directive} CODE`"


def _item_lines(file: SourceFile) -> dict[int, tuple[int, int]]:
    """First line -> (first, last line) of the widest item starting there."""
    out: dict[int, tuple[int, int]] = {}
    for node in walk(file.tree):  # type: ignore[arg-type]
        if type(node) in (n.Attribute, n.Block, n.ObjectItem):
            start, end = file.span(node)
            first, last = file.location(start)[0], file.location(end)[0]
            if first not in out or last > out[first][1]:
                out[first] = (first, last)
    return out


def _code_lines(file: SourceFile) -> set[int]:
    """Lines holding the start of a non-trivia token."""
    lines = set()
    for node in walk(file.tree):  # type: ignore[arg-type]
        if type(node) in (n.Attribute, n.Block, n.ObjectItem, n.Element):
            lines.add(file.location(file.span(node)[0])[0])
            lines.add(file.location(file.span(node)[1])[0])
    return lines


def _comment_only(file: SourceFile, code_lines: set[int]) -> set[int]:
    lines = file.text.split("\n")
    return {
        i + 1 for i, text in enumerate(lines) if text.strip().startswith(("#", "//", "/*")) and i + 1 not in code_lines
    }


def apply_suppressions(
    files: Iterable[SourceFile], found: list[Diagnostic], inputs: Inputs, names: Mapping[str, str] | None = None
) -> tuple[list[Diagnostic], dict[Path, list[Suppression]]]:
    """The findings no directive covers, and every file's directives by path
    (marked ``used`` where they covered something). Expiries are compared
    with ``inputs.today``, which records them for the result cache."""
    by_path = {file.path: find_suppressions(file, names) for file in files}
    kept = []
    for diag in found:
        match = next((s for s in by_path.get(diag.path, ()) if s.covers(diag, inputs)), None)
        if match is None:
            kept.append(diag)
        else:
            match.used = True
    return kept, by_path
