"""`tffix check` and `tffix apply` from the command line (issue: lint CLI).

Each test builds small Terraform modules in ``tmp_path`` and runs the CLI
in-process with click's CliRunner (stdout and stderr kept apart), or as a
real process where the pipe itself matters.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]

# -- fixtures ---------------------------------------------------------------

#: TFX101: a hard-coded environment tag (safe fix: var.environment).
TAGGED = """\
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Environment = "production"
    Team        = "platform"
  }
}
"""
TAGGED_FIXED = TAGGED.replace('"production"', "var.environment")

#: The variable TFX101 reuses (its default equals the literal: safe).
VARIABLES = """\
variable "environment" {
  type    = string
  default = "production"
}
"""

#: What TFX101 declares when the module has no such variable.
NEW_VARIABLE = """\
variable "environment" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "production"
}
"""

#: TFX102: a lifecycle rule without `filter` (safe fix: `filter {}`).
LIFECYCLE = """\
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = "acme-logs"

  rule {
    id     = "expire-old-logs"
    status = "Enabled"

    expiration {
      days = 30
    }
  }
}
"""
LIFECYCLE_FIXED = LIFECYCLE.replace('    status = "Enabled"\n\n', '    status = "Enabled"\n\n    filter {}\n\n')

#: TFX103: a backend using a variable (unsafe fix only).
BACKEND = """\
terraform {
  backend "s3" {
    bucket = "tfstate-${var.environment}"
    key    = "app/terraform.tfstate"
    region = "us-east-1"
  }
}
"""

CLEAN = """\
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Environment = var.environment
  }
}
"""

BROKEN = 'resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n'

FINDING_LINE = re.compile(
    r"^(?P<path>\S+?):(?P<line>\d+):(?P<col>\d+): (?P<code>TFX\d{3})(?P<mark> \[\*\])? (?P<message>.+)$"
)


_run = run_cli

# The ephemeral profile also gives advice on names (TFX117); these tests are
# about the fixes, so they leave that rule out.
EPHEMERAL = ("--profile", "ephemeral", "--ignore", "hardcoded-resource-name")


def _module(directory: Path, **files: str) -> Path:
    """Write ``files`` (``main_tf="..."`` names ``main.tf``) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name.replace("_tf", ".tf")).write_text(text)
    return directory


def _findings(output: str) -> list[re.Match[str]]:
    return [m for m in map(FINDING_LINE.match, output.splitlines()) if m]


def _codes_in(output: str) -> list[str]:
    return [m["code"] for m in _findings(output)]


def _snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file below ``root`` (hidden ones too): bytes, mtime, mode."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() or path.is_symlink():
            st = path.lstat()
            out[str(path.relative_to(root))] = (path.read_bytes() if path.exists() else b"", st.st_mtime_ns, st.st_mode)
    return out


def _no_temp_files(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.name.endswith(".tffix") or (p.name.startswith(".") and p.is_file())]


# -- tffix check: text output ---------------------------------------------


def test_check_prints_path_line_col_code_message_with_snippet_and_carets(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED, variables_tf=VARIABLES)
    result = _run("check", ".", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == 'main.tf:5:19: TFX101 [*] hard-coded environment "production" in aws_s3_bucket.logs tags; use var.environment'
    )
    assert lines[1:4] == [
        "  |",
        '5 |     Environment = "production"',
        "  |                   ^^^^^^^^^^^^",  # exactly under "production", quotes included
    ]
    assert lines[-1] == "Found 1 finding (1 fixable with `tffix apply`)."


def test_check_default_path_is_the_current_directory(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED, variables_tf=VARIABLES)
    result = _run("check", cwd=tmp_path)
    assert result.exit_code == 1
    assert [m["path"] for m in _findings(result.stdout)] == ["main.tf"]


def test_check_marks_only_fixable_findings_and_unsafe_only_with_unsafe_fixes(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED + "\n" + LIFECYCLE, variables_tf=VARIABLES, backend_tf=BACKEND)
    result = _run("check", str(tmp_path))
    assert result.exit_code == 1
    marks = {m["code"]: bool(m["mark"]) for m in _findings(result.stdout)}
    assert marks == {"TFX101": True, "TFX102": True, "TFX103": False}  # TFX103's fix is unsafe
    assert (
        result.stdout.splitlines()[-1]
        == "Found 3 findings (2 fixable with `tffix apply`; 1 more with `--unsafe-fixes`)."
    )

    unsafe = _run("check", "--unsafe-fixes", str(tmp_path))
    assert {m["code"]: bool(m["mark"]) for m in _findings(unsafe.stdout)} == {
        "TFX101": True,
        "TFX102": True,
        "TFX103": True,
    }
    assert unsafe.stdout.splitlines()[-1] == "Found 3 findings (3 fixable with `tffix apply`)."

    # the ephemeral profile intends the backend fix: fixable without --unsafe-fixes
    ephemeral = _run("check", *EPHEMERAL, str(tmp_path))
    assert {m["code"]: bool(m["mark"]) for m in _findings(ephemeral.stdout)}["TFX103"] is True


def test_check_unsafe_tag_fix_is_not_marked(tmp_path: Path) -> None:
    # the existing variable's default differs: using it may change the plan
    _module(tmp_path, main_tf=TAGGED, variables_tf=VARIABLES.replace('"production"', '"staging"'))
    result = _run("check", str(tmp_path))
    assert result.exit_code == 1
    [finding] = _findings(result.stdout)
    assert finding["code"] == "TFX101" and finding["mark"] is None
    assert "1 more with `--unsafe-fixes`" in result.stdout


def test_check_exit_0_when_clean_and_writes_nothing(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=CLEAN, variables_tf=VARIABLES)
    before = _snapshot(tmp_path)
    result = _run("check", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == "Found 0 findings.\n"
    assert result.stderr == ""
    assert _snapshot(tmp_path) == before


def test_check_writes_nothing_when_findings(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED + "\n" + LIFECYCLE, backend_tf=BACKEND)
    before = _snapshot(tmp_path)
    assert _run("check", str(tmp_path)).exit_code == 1
    assert _snapshot(tmp_path) == before


def test_check_a_single_file_reports_only_that_file(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED, lifecycle_tf=LIFECYCLE, variables_tf=VARIABLES)
    result = _run("check", str(tmp_path / "lifecycle.tf"))
    assert result.exit_code == 1
    assert _codes_in(result.stdout) == ["TFX102"]
    # ...but the module is still read whole: the variable in variables.tf is seen
    tag = _run("check", str(tmp_path / "main.tf"))
    assert [m["message"].endswith("use var.environment") for m in _findings(tag.stdout)] == [True]


def test_check_missing_path_exits_2(tmp_path: Path) -> None:
    result = _run("check", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'}: no such file or directory" in result.stderr


# -- tffix check: JSON -----------------------------------------------------


def test_check_json_is_one_parseable_document(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED + "\n" + LIFECYCLE, backend_tf=BACKEND)
    result = _run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    by_code = {f["code"]: f for f in doc["findings"]}
    assert set(by_code) == {"TFX101", "TFX102", "TFX103"}
    for finding in doc["findings"]:
        assert {"code", "name", "severity", "message", "path", "start", "end", "fixable", "fix"} <= set(finding)
        assert set(finding["start"]) == {"line", "column"} and set(finding["end"]) == {"line", "column"}
    tag = by_code["TFX101"]
    assert tag["name"] == "hardcoded-environment-tag"
    assert tag["severity"] == "warning"
    assert tag["path"] == str(tmp_path / "main.tf")
    assert tag["start"] == {"line": 5, "column": 19} and tag["end"] == {"line": 5, "column": 31}
    assert tag["fixable"] is True
    assert tag["fix"]["applicability"] == "safe"
    edits = {e["path"]: e for e in tag["fix"]["edits"]}
    main_text = (tmp_path / "main.tf").read_text()
    replace = edits[str(tmp_path / "main.tf")]
    assert main_text[replace["start"] : replace["end"]] == '"production"' and replace["text"] == "var.environment"
    new = edits[str(tmp_path / "variables.tf")]
    assert new["create"] is True and 'variable "environment"' in new["text"]
    backend = by_code["TFX103"]
    assert backend["name"] == "backend-with-dynamic-values" and backend["severity"] == "error"
    assert backend["fixable"] is False and backend["fix"]["applicability"] == "unsafe"
    assert doc["summary"]["findings"] == 3 and doc["summary"]["fixable"] == 2 and doc["summary"]["errors"] == 0


def test_check_json_stays_parseable_with_a_parse_error(tmp_path: Path) -> None:
    _module(tmp_path / "good", main_tf=TAGGED, variables_tf=VARIABLES)
    _module(tmp_path / "bad", main_tf=BROKEN)
    result = _run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    doc = json.loads(result.stdout)  # the error goes to stderr, not into the document
    assert [f["code"] for f in doc["findings"]] == ["TFX101"]
    assert doc["summary"]["errors"] == 1
    assert f"{tmp_path / 'bad' / 'main.tf'}:2:12: " in result.stderr


# -- tffix apply -----------------------------------------------------------


def test_apply_writes_safe_fixes_only_and_summarises(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED + "\n" + LIFECYCLE, backend_tf=BACKEND)
    result = _run("apply", str(tmp_path))
    assert result.exit_code == 1, result.output  # the unsafe backend finding is left
    assert (tmp_path / "main.tf").read_text() == TAGGED_FIXED + "\n" + LIFECYCLE_FIXED
    assert (tmp_path / "variables.tf").read_text() == NEW_VARIABLE
    assert (tmp_path / "backend.tf").read_text() == BACKEND  # unsafe: untouched
    assert not list(tmp_path.glob("*.tfbackend*"))
    assert _codes_in(result.stdout) == ["TFX103"]
    assert result.stdout.splitlines()[-1] == "2 files fixed (2 fixes), 1 finding left"


def test_apply_unsafe_fixes_applies_the_backend_fix(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=CLEAN, variables_tf=VARIABLES, backend_tf=BACKEND)
    result = _run("apply", "--unsafe-fixes", str(tmp_path))
    assert result.exit_code == 0, result.output
    backend = (tmp_path / "backend.tf").read_text()
    assert "var.environment" not in backend and 'key    = "app/terraform.tfstate"' in backend
    example = tmp_path / "backend.s3.tfbackend.example"
    assert example.exists() and '# bucket = "tfstate-${var.environment}"' in example.read_text()
    assert result.stdout.splitlines()[-1] == "2 files fixed (1 fix), 0 findings left"


def test_apply_holds_back_unsafe_fixes_of_findings_other_fixes_made_appear(tmp_path: Path) -> None:
    queue = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n\n  tags = {\n    Environment = "production"\n  }\n}\n'
    _module(tmp_path, main_tf=queue)
    result = _run("apply", "--unsafe-fixes", "--select", "TFX101,TFX117", str(tmp_path))
    assert result.exit_code == 0, result.output  # TFX117 is information only
    assert 'name = "jobs"' in (tmp_path / "main.tf").read_text()
    assert _codes_in(result.stdout) == ["TFX117"]
    assert result.stdout.splitlines()[-1] == (
        "2 files fixed (1 fix), 1 finding left; 1 unsafe fix held back:"
        " other fixes made its finding appear (run again to apply)"
    )
    again = _run("apply", "--unsafe-fixes", "--select", "TFX101,TFX117", "--format", "json", str(tmp_path))
    assert json.loads(again.stdout)["summary"]["unsafe_fixes_held_back"] == 0
    assert 'name = "jobs-${var.environment}"' in (tmp_path / "main.tf").read_text()


def test_apply_ephemeral_profile_comments_out_the_backend(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=CLEAN, variables_tf=VARIABLES, backend_tf=BACKEND)
    result = _run("apply", *EPHEMERAL, str(tmp_path))
    assert result.exit_code == 0, result.output
    backend = (tmp_path / "backend.tf").read_text()
    assert backend.startswith('terraform {\n  # backend "s3" commented out by tffix (TFX103)')
    assert '  # backend "s3" {\n  #   bucket = "tfstate-${var.environment}"\n' in backend
    assert backend.endswith("  # }\n}\n")
    assert not list(tmp_path.glob("*.tfbackend*"))  # no partial configuration with this profile
    assert result.stdout.splitlines()[-1] == "1 file fixed (1 fix), 0 findings left"


def test_apply_exit_0_when_everything_fixed(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED, lifecycle_tf=LIFECYCLE, variables_tf=VARIABLES)
    result = _run("apply", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 files fixed (2 fixes), 0 findings left\n"
    assert (tmp_path / "variables.tf").read_text() == VARIABLES  # reused, not redeclared


def test_apply_is_idempotent(tmp_path: Path) -> None:
    _module(tmp_path / "a", main_tf=TAGGED, lifecycle_tf=LIFECYCLE)
    _module(tmp_path / "b", main_tf=CLEAN, variables_tf=VARIABLES, backend_tf=BACKEND)
    first = _run("apply", str(tmp_path))
    assert first.exit_code == 1  # the backend finding stays (unsafe)
    after_first = _snapshot(tmp_path)
    second = _run("apply", str(tmp_path))
    assert second.exit_code == 1
    assert second.stdout.splitlines()[-1] == "0 files fixed (0 fixes), 1 finding left"
    assert _snapshot(tmp_path) == after_first  # not even rewritten with the same bytes

    # with every finding fixable, the second run is clean
    ephemeral_first = _run("apply", *EPHEMERAL, str(tmp_path))
    assert ephemeral_first.exit_code == 0
    settled = _snapshot(tmp_path)
    again = _run("apply", *EPHEMERAL, str(tmp_path))
    assert again.exit_code == 0
    assert again.stdout == "0 files fixed (0 fixes), 0 findings left\n"
    assert _snapshot(tmp_path) == settled
    assert _run("check", *EPHEMERAL, str(tmp_path)).exit_code == 0


# -- --dry-run / --diff ----------------------------------------------------


@pytest.mark.parametrize("flag", ["--dry-run", "--diff"])
def test_dry_run_prints_a_unified_diff_and_writes_nothing(tmp_path: Path, flag: str) -> None:
    _module(tmp_path / "m", main_tf=TAGGED, lifecycle_tf=LIFECYCLE)
    before = _snapshot(tmp_path)
    result = _run("apply", flag, "m", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "--- a/m/lifecycle.tf\n+++ b/m/lifecycle.tf\n" in out
    assert "+    filter {}\n" in out
    assert "--- a/m/main.tf\n+++ b/m/main.tf\n" in out
    assert '-    Environment = "production"\n+    Environment = var.environment\n' in out
    # the new variables file comes from /dev/null, as git shows it
    assert "--- /dev/null\n+++ b/m/variables.tf\n@@ -0,0 +1,5 @@\n" in out
    assert '+  default     = "production"\n' in out
    assert out.splitlines()[-1] == "3 files would be fixed (2 fixes), 0 findings left"
    assert _snapshot(tmp_path) == before  # same bytes, same mtimes, no new file
    assert not (tmp_path / "m" / "variables.tf").exists()


def test_dry_run_and_diff_are_the_same_option(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED, lifecycle_tf=LIFECYCLE)
    assert _run("apply", "--dry-run", str(tmp_path)).output == _run("apply", "--diff", str(tmp_path)).output


def test_dry_run_exit_0_when_nothing_would_change(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=CLEAN, variables_tf=VARIABLES)
    result = _run("apply", "--dry-run", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "---" not in result.stdout
    assert result.stdout == "0 files would be fixed (0 fixes), 0 findings left\n"


def test_dry_run_with_only_unfixable_findings_prints_no_diff_and_exits_1(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=CLEAN, variables_tf=VARIABLES, backend_tf=BACKEND)
    before = _snapshot(tmp_path)
    result = _run("apply", "--diff", str(tmp_path))
    assert result.exit_code == 1  # a finding remains
    assert "+++ " not in result.stdout
    assert _codes_in(result.stdout) == ["TFX103"]
    assert _snapshot(tmp_path) == before


def test_dry_run_json_carries_the_diffs(tmp_path: Path) -> None:
    _module(tmp_path, lifecycle_tf=LIFECYCLE)
    result = _run("apply", "--dry-run", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    [change] = doc["changes"]
    assert change["path"] == str(tmp_path / "lifecycle.tf")
    assert "+    filter {}\n" in change["diff"]
    assert doc["summary"]["files_would_change"] == 1
    assert (tmp_path / "lifecycle.tf").read_text() == LIFECYCLE


# -- --select / --ignore ---------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--select", "TFX102", ["TFX102"]),
        ("--select", "s3-lifecycle-rule-without-filter", ["TFX102"]),
        ("--select", "TFX101,backend-with-dynamic-values", ["TFX103", "TFX101"]),
        ("--select", "tfx102", ["TFX102"]),
        ("--ignore", "TFX101", ["TFX103", "TFX102"]),
        ("--ignore", "hardcoded-environment-tag,TFX103", ["TFX102"]),
        # ruff's selectors: a code prefix, and ALL
        ("--select", "TFX10", ["TFX103", "TFX101", "TFX102"]),
        ("--ignore", "TFX10", []),
    ],
)
def test_select_and_ignore_by_code_and_name(tmp_path: Path, option: str, value: str, expected: list[str]) -> None:
    _module(tmp_path, backend_tf=BACKEND, main_tf=TAGGED + "\n" + LIFECYCLE, variables_tf=VARIABLES)
    result = _run("check", option, value, str(tmp_path))
    assert result.exit_code == (1 if expected else 0), result.output
    assert _codes_in(result.stdout) == expected


def test_select_all_includes_rules_the_profile_leaves_out(tmp_path: Path) -> None:
    # TFX117 is not in the default profile; ALL (like its code) selects it
    # (the Terraform language rules TFX2xx, opt-in too, are ignored here to compare)
    _module(tmp_path, backend_tf=BACKEND, main_tf=TAGGED + "\n" + LIFECYCLE, variables_tf=VARIABLES)
    default = _codes_in(_run("check", str(tmp_path)).stdout)
    everything = _codes_in(_run("check", "--select", "ALL", "--ignore", "TFX2", str(tmp_path)).stdout)
    assert "TFX117" not in default and sorted(everything) == sorted(default + ["TFX117"])
    assert _codes_in(_run("check", "--select", "ALL", "--ignore", "TFX11,TFX2", str(tmp_path)).stdout) == default
    assert any(code.startswith("TFX2") for code in _codes_in(_run("check", "--select", "ALL", str(tmp_path)).stdout))


def test_select_and_ignore_repeat_and_combine(tmp_path: Path) -> None:
    _module(tmp_path, backend_tf=BACKEND, main_tf=TAGGED + "\n" + LIFECYCLE, variables_tf=VARIABLES)
    result = _run("check", "--select", "TFX101", "--select", "TFX102,TFX103", "--ignore", "TFX103", str(tmp_path))
    assert _codes_in(result.stdout) == ["TFX101", "TFX102"]


def test_select_limits_what_apply_fixes(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED + "\n" + LIFECYCLE, variables_tf=VARIABLES)
    result = _run("apply", "--select", "s3-lifecycle-rule-without-filter", str(tmp_path))
    assert result.exit_code == 0  # only the selected rule's findings count
    assert (tmp_path / "main.tf").read_text() == TAGGED + "\n" + LIFECYCLE_FIXED


@pytest.mark.parametrize(
    "args", [("--select", "TFX999"), ("--ignore", "no-such-rule"), ("--select", "TFX101,TFX999"), ("--select", "TFX9")]
)
@pytest.mark.parametrize("command", ["check", "apply"])
def test_unknown_rule_is_a_usage_error(tmp_path: Path, command: str, args: tuple[str, str]) -> None:
    _module(tmp_path, main_tf=TAGGED, variables_tf=VARIABLES)
    before = _snapshot(tmp_path)
    result = _run(command, *args, str(tmp_path))
    assert result.exit_code == 2
    bad = args[1].split(",")[-1]
    assert f"unknown rule '{bad}'" in result.stderr
    assert "tffix rules" in result.stderr
    assert _codes_in(result.stdout) == []
    assert _snapshot(tmp_path) == before


# -- standard input --------------------------------------------------------


def test_stdin_apply_uses_the_folder_for_context_and_writes_nothing(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES, main_tf=LIFECYCLE)  # the buffer replaces main.tf's disk text
    before = _snapshot(tmp_path)
    result = _run("apply", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=TAGGED)
    assert result.exit_code == 0, result.output
    assert result.stdout == TAGGED_FIXED  # only the fixed buffer on stdout
    assert result.stderr == "1 file fixed (1 fix), 0 findings left\n"
    assert _snapshot(tmp_path) == before


def test_stdin_apply_declares_a_new_variable_in_the_buffer(tmp_path: Path) -> None:
    """With no variables file to add it to (an editor's buffer may not create
    one), the buffer declares the variable itself, so the fix applies and
    the buffer stays valid (issue 16)."""
    _module(tmp_path, lifecycle_tf=CLEAN)  # no variable "environment" anywhere
    before = _snapshot(tmp_path)
    buffer = TAGGED + "\n" + LIFECYCLE
    result = _run("apply", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=buffer)
    assert result.exit_code == 0, result.output
    assert result.stdout == TAGGED_FIXED + "\n" + LIFECYCLE_FIXED + "\n" + NEW_VARIABLE
    assert result.stderr.splitlines()[-1] == "1 file fixed (2 fixes), 0 findings left"
    assert _snapshot(tmp_path) == before
    assert not (tmp_path / "variables.tf").exists()


def test_stdin_apply_does_not_append_to_an_existing_sibling_file(tmp_path: Path) -> None:
    # variables.tf exists but lacks "environment": the fix would append to it
    region = 'variable "region" {\n  type    = string\n  default = "us-east-1"\n}\n'
    _module(tmp_path, variables_tf=region)
    before = _snapshot(tmp_path)
    result = _run("apply", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=TAGGED)
    assert result.exit_code == 1, result.output
    assert result.stdout == TAGGED  # no var.environment without its declaration
    assert _codes_in(result.stderr) == ["TFX101"]
    assert _snapshot(tmp_path) == before


def test_stdin_finding_needing_another_file_is_not_marked_fixable(tmp_path: Path) -> None:
    # `[*]` marks what `tffix apply` fixes with these options; on a buffer it
    # cannot append to variables.tf, so the tag finding must not claim to be fixable
    region = 'variable "region" {\n  type    = string\n  default = "us-east-1"\n}\n'
    _module(tmp_path, variables_tf=region)
    name = str(tmp_path / "main.tf")
    applied = _run("apply", "-", "--stdin-filename", name, stdin=TAGGED)
    assert applied.stdout == TAGGED
    [left] = _findings(applied.stderr)
    assert left["code"] == "TFX101" and left["mark"] is None, applied.stderr
    checked = _run("check", "-", "--stdin-filename", name, stdin=TAGGED)
    [finding] = _findings(checked.stdout)
    assert finding["mark"] is None, checked.stdout
    assert "fixable with `tffix apply`" not in checked.stdout


def test_stdin_check_reports_on_stdout_and_writes_nothing(tmp_path: Path) -> None:
    # as `ruff check -`: nothing else wants standard output (it was stderr before issue 19)
    _module(tmp_path, variables_tf=VARIABLES)
    before = _snapshot(tmp_path)
    result = _run("check", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=TAGGED)
    assert result.exit_code == 1
    assert result.stderr == ""
    [finding] = _findings(result.stdout)
    assert finding["path"] == str(tmp_path / "main.tf") and finding["line"] == "5" and finding["col"] == "19"
    assert finding["mark"] == " [*]" and finding["message"].endswith("use var.environment")
    assert result.stdout.splitlines()[-1] == "Found 1 finding (1 fixable with `tffix apply`)."
    assert _snapshot(tmp_path) == before
    assert _run("check", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=CLEAN).exit_code == 0


def test_stdin_without_filename(tmp_path: Path) -> None:
    result = _run("apply", "-", stdin=LIFECYCLE, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout == LIFECYCLE_FIXED
    assert list(tmp_path.iterdir()) == []


def test_stdin_syntax_error_returns_the_buffer_unchanged(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES)
    before = _snapshot(tmp_path)
    buffer = TAGGED + BROKEN
    result = _run("apply", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=buffer)
    assert result.exit_code == 2
    assert result.stdout == buffer
    assert f"{tmp_path / 'main.tf'}:10:12: " in result.stderr
    assert _snapshot(tmp_path) == before
    checked = _run("check", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=buffer)
    assert checked.exit_code == 2 and "Found 0" not in checked.stdout
    assert checked.stdout == "1 error (reported above): what it concerns was not checked.\n"
    assert f"{tmp_path / 'main.tf'}:10:12: " in checked.stderr


def test_stdin_dry_run_prints_a_diff_only(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES)
    name = tmp_path / "main.tf"
    result = _run("apply", "--diff", "-", "--stdin-filename", str(name), stdin=TAGGED)
    assert result.exit_code == 1
    n = str(name).lstrip("/")
    assert result.stdout.startswith(f"--- a/{n}\n+++ b/{n}\n")
    assert "+    Environment = var.environment\n" in result.stdout
    assert not name.exists()


def test_stdin_cannot_be_combined_with_paths(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=TAGGED)
    result = _run("check", "-", str(tmp_path), stdin=TAGGED)
    assert result.exit_code == 2


def test_stdin_through_a_real_pipe(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES)
    crlf = TAGGED.replace("\n", "\r\n")
    proc = subprocess.run(
        [sys.executable, "-m", "tffix", "apply", "-", "--stdin-filename", str(tmp_path / "main.tf")],
        input=crlf.encode(), check=False, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == TAGGED_FIXED.replace("\n", "\r\n").encode()  # bytes: CRLF survives the pipe
    assert proc.stderr.decode().endswith("0 findings left\n")


# -- directories and modules ----------------------------------------------


def test_directories_recurse_and_skip_hidden_entries(tmp_path: Path) -> None:
    _module(tmp_path / "envs" / "prod" / "app", lifecycle_tf=LIFECYCLE)
    hidden = _module(tmp_path / ".terraform" / "modules" / "vpc", main_tf=LIFECYCLE)
    _module(tmp_path / "envs" / "prod" / ".cache", main_tf=LIFECYCLE)
    (tmp_path / ".hidden.tf").write_text(LIFECYCLE)
    result = _run("check", str(tmp_path))
    assert [m["path"] for m in _findings(result.stdout)] == [str(tmp_path / "envs" / "prod" / "app" / "lifecycle.tf")]
    applied = _run("apply", str(tmp_path))
    assert applied.exit_code == 0
    assert (tmp_path / "envs" / "prod" / "app" / "lifecycle.tf").read_text() == LIFECYCLE_FIXED
    assert (hidden / "main.tf").read_text() == LIFECYCLE
    assert (tmp_path / "envs" / "prod" / ".cache" / "main.tf").read_text() == LIFECYCLE
    assert (tmp_path / ".hidden.tf").read_text() == LIFECYCLE


def test_each_directory_is_its_own_module(tmp_path: Path) -> None:
    a = _module(tmp_path / "a", main_tf=TAGGED, variables_tf=VARIABLES)
    b = _module(tmp_path / "b", main_tf=TAGGED)
    result = _run("check", str(tmp_path))
    messages = {m["path"]: m["message"] for m in _findings(result.stdout)}
    assert messages[str(a / "main.tf")].endswith("use var.environment")
    assert "new var.environment" in messages[str(b / "main.tf")]  # a's variable is not b's
    assert _run("apply", str(tmp_path)).exit_code == 0
    assert (a / "variables.tf").read_text() == VARIABLES
    assert (b / "variables.tf").read_text() == NEW_VARIABLE
    assert (b / "main.tf").read_text() == TAGGED_FIXED


def test_parent_and_child_directories_are_separate_modules(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES)
    child = _module(tmp_path / "modules" / "bucket", main_tf=TAGGED)
    result = _run("check", str(tmp_path))
    [finding] = _findings(result.stdout)
    assert finding["path"] == str(child / "main.tf") and "new var.environment" in finding["message"]


def test_parse_error_is_reported_and_other_modules_still_fixed(tmp_path: Path) -> None:
    good = _module(tmp_path / "good", main_tf=TAGGED, variables_tf=VARIABLES)
    bad = _module(tmp_path / "bad", broken_tf=BROKEN, lifecycle_tf=LIFECYCLE, main_tf=TAGGED)
    checked = _run("check", str(tmp_path))
    assert checked.exit_code == 2
    assert f"{bad / 'broken.tf'}:2:12: " in checked.stderr
    found = {(m["path"], m["code"]): bool(m["mark"]) for m in _findings(checked.stdout)}
    # the other files of the broken module are still checked
    assert (str(bad / "lifecycle.tf"), "TFX102") in found
    # broken.tf might declare the variable: the tag fix holds back there
    assert found[(str(bad / "main.tf"), "TFX101")] is False
    assert found[(str(good / "main.tf"), "TFX101")] is True

    applied = _run("apply", str(tmp_path))
    assert applied.exit_code == 2
    assert f"{bad / 'broken.tf'}:2:12: " in applied.stderr
    assert (good / "main.tf").read_text() == TAGGED_FIXED
    assert (bad / "broken.tf").read_text() == BROKEN
    assert (bad / "lifecycle.tf").read_text() == LIFECYCLE_FIXED
    assert (bad / "main.tf").read_text() == TAGGED
    assert not (bad / "variables.tf").exists()


def test_parse_error_position_format(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=BROKEN)
    result = _run("check", str(tmp_path))
    assert result.exit_code == 2
    assert re.search(rf"^{re.escape(str(tmp_path / 'main.tf'))}:2:12: \S", result.stderr, re.MULTILINE)


def test_one_variable_for_tags_in_two_files(tmp_path: Path) -> None:
    # both fixes want to create variables.tf: the fixed-point loop declares it once
    _module(tmp_path, a_tf=TAGGED, b_tf=TAGGED.replace('"logs"', '"data"'))
    result = _run("apply", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.tf").read_text() == TAGGED_FIXED
    assert (tmp_path / "b.tf").read_text() == TAGGED_FIXED.replace('"logs"', '"data"')
    assert (tmp_path / "variables.tf").read_text() == NEW_VARIABLE
    assert result.stdout == "3 files fixed (2 fixes), 0 findings left\n"
    assert _run("apply", str(tmp_path)).stdout == "0 files fixed (0 fixes), 0 findings left\n"


def test_unreadable_file_holds_back_fixes_that_need_the_whole_module(tmp_path: Path) -> None:
    # like a file that does not parse, a file that cannot be read may declare
    # the variable: declaring it again would break the module
    _module(tmp_path, main_tf=TAGGED)
    latin1 = tmp_path / "legacy.tf"
    latin1.write_bytes(b"# caf\xe9\n" + VARIABLES.encode())
    result = _run("apply", str(tmp_path))
    assert result.exit_code == 2
    assert f"{latin1}:1:6: not UTF-8" in result.stderr
    assert not (tmp_path / "variables.tf").exists(), (tmp_path / "variables.tf").read_text()
    assert (tmp_path / "main.tf").read_text() == TAGGED
    [finding] = _findings(result.stdout)
    assert finding["code"] == "TFX101" and finding["mark"] is None


def test_same_module_named_twice_is_processed_once(tmp_path: Path) -> None:
    _module(tmp_path / "m", main_tf=TAGGED)
    checked = _run("check", "m", str(tmp_path / "m"), "m/main.tf", cwd=tmp_path)
    assert len(_findings(checked.stdout)) == 1, checked.stdout
    applied = _run("apply", "m", str(tmp_path / "m"), cwd=tmp_path)
    assert applied.exit_code == 0
    assert applied.stdout == "2 files fixed (1 fix), 0 findings left\n"
    assert (tmp_path / "m" / "variables.tf").read_text() == NEW_VARIABLE


# -- writing files ---------------------------------------------------------


def test_apply_keeps_the_file_mode_and_writes_atomically(tmp_path: Path) -> None:
    _module(tmp_path, lifecycle_tf=LIFECYCLE)
    f = tmp_path / "lifecycle.tf"
    f.chmod(0o640)
    inode = f.stat().st_ino
    assert _run("apply", str(tmp_path)).exit_code == 0
    assert f.read_text() == LIFECYCLE_FIXED
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert f.stat().st_ino != inode  # a new file renamed into place, not rewritten in place
    assert _no_temp_files(tmp_path) == []


def test_a_failed_write_leaves_the_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _module(tmp_path, lifecycle_tf=LIFECYCLE)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = _run("apply", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'lifecycle.tf'}: not written: Permission denied" in result.stderr
    assert (tmp_path / "lifecycle.tf").read_text() == LIFECYCLE
    assert _no_temp_files(tmp_path) == []


def test_symlink_to_a_file_outside_the_module_is_not_written(tmp_path: Path) -> None:
    outside = _module(tmp_path / "shared", real_tf="")
    (outside / "real.tf").write_text(LIFECYCLE)
    module = _module(tmp_path / "stack", main_tf=CLEAN, variables_tf=VARIABLES)
    (module / "lifecycle.tf").symlink_to(outside / "real.tf")
    result = _run("apply", str(module))
    assert result.exit_code == 2
    assert f"{module / 'lifecycle.tf'}: not written" in result.stderr
    assert (module / "lifecycle.tf").is_symlink()
    assert (outside / "real.tf").read_text() == LIFECYCLE
    assert _no_temp_files(tmp_path) == []


def test_symlink_inside_the_module_is_written_through(tmp_path: Path) -> None:
    module = _module(tmp_path, main_tf=CLEAN, variables_tf=VARIABLES)
    (module / "parts").mkdir()
    (module / "parts" / "lifecycle.txt").write_text(LIFECYCLE)  # not a .tf file: not a module of its own
    (module / "lifecycle.tf").symlink_to(module / "parts" / "lifecycle.txt")
    result = _run("apply", str(module))
    assert result.exit_code == 0, result.output
    assert (module / "lifecycle.tf").is_symlink()
    assert (module / "parts" / "lifecycle.txt").read_text() == LIFECYCLE_FIXED


def test_files_not_written_are_not_counted_as_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a symlink leading out of the module is refused, and the module's other
    # file is not written either: a module is written whole or not at all
    outside = tmp_path / "shared"
    outside.mkdir()
    (outside / "real.tf").write_text(LIFECYCLE)
    module = _module(tmp_path / "stack", lifecycle_tf=LIFECYCLE)
    (module / "linked.tf").symlink_to(outside / "real.tf")
    result = _run("apply", str(module))
    assert result.exit_code == 2
    assert (module / "lifecycle.tf").read_text() == LIFECYCLE
    assert (outside / "real.tf").read_text() == LIFECYCLE
    # the errors have a summary line of their own, after the counts (issue 19)
    assert result.stdout.splitlines()[-2:] == [
        "0 files fixed (0 fixes), 2 findings left",
        "2 errors (reported above): what they concern was not fixed.",
    ], result.output

    # ...and so is a file whose write fails
    other = _module(tmp_path / "other", lifecycle_tf=LIFECYCLE)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    failed = _run("apply", str(other))
    assert failed.exit_code == 2
    assert (other / "lifecycle.tf").read_text() == LIFECYCLE
    assert failed.stdout.splitlines()[-2:] == [
        "0 files fixed (0 fixes), 1 finding left",
        "1 error (reported above): what it concerns was not fixed.",
    ], failed.output


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    module = _module(tmp_path)
    (module / "main.tf").write_bytes((TAGGED + "\n" + LIFECYCLE).replace("\n", "\r\n").encode())
    (module / "variables.tf").write_bytes(VARIABLES.replace("\n", "\r\n").encode())
    (module / "backend.tf").write_bytes(BACKEND.replace("\n", "\r\n").encode())
    result = _run("apply", *EPHEMERAL, str(module))
    assert result.exit_code == 0, result.output
    main_bytes = (module / "main.tf").read_bytes()
    assert main_bytes == (TAGGED_FIXED + "\n" + LIFECYCLE_FIXED).replace("\n", "\r\n").encode()
    backend = (module / "backend.tf").read_bytes()
    assert b'# backend "s3" commented out' in backend
    assert re.search(rb"(?<!\r)\n", backend) is None, backend  # every line break is still CRLF
    assert (module / "variables.tf").read_bytes() == VARIABLES.replace("\n", "\r\n").encode()
    again = _run("apply", *EPHEMERAL, str(module))
    assert again.exit_code == 0 and again.stdout.startswith("0 files fixed")


# -- help ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "apply"])
def test_help_documents_exit_codes(command: str) -> None:
    result = _run(command, "--help")
    assert result.exit_code == 0
    text = result.output
    assert "Exit codes:" in text
    assert re.search(r"^\s+0\s+no findings left", text, re.MULTILINE)
    assert re.search(r"^\s+1\s+error or warning findings remain", text, re.MULTILINE)
    assert re.search(r"^\s+2\s+.*pars", text, re.MULTILINE)
    if command == "apply":
        assert "--dry-run, --diff" in text and "--unsafe-fixes" in text and "--stdin-filename" in text


def test_console_entry_point_runs(tmp_path: Path) -> None:
    _module(tmp_path, lifecycle_tf=LIFECYCLE)
    proc = subprocess.run(
        [sys.executable, "-m", "tffix", "check", str(tmp_path)],
        check=False, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{tmp_path / 'lifecycle.tf'}:4:3: TFX102 [*] ")


def test_info_findings_are_reported_but_do_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'variable "environment" {\n  default = "dev"\n}\n\nresource "aws_nat_gateway" "a" {\n  count = 3\n}\n'
    )
    result = _run("check", "--select", "non-production-cost", str(tmp_path))
    assert "TFX118" in result.output and "1 finding" in result.output
    assert result.exit_code == 0


def test_info_rules_are_opt_in_for_the_default_profile(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('variable "env" {}\n\nresource "aws_sqs_queue" "a" {\n  name = "jobs"\n}\n')
    assert "TFX117" not in _run("check", str(tmp_path)).output
    assert "TFX117" in _run("check", "--profile", "ephemeral", str(tmp_path)).output
    assert "TFX117" in _run("check", "--select", "TFX117", str(tmp_path)).output
