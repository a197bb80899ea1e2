"""`tffix check` / `apply` options a ruff or tflint user expects (issue 19):
--fix, --show-fixes, --statistics, --quiet, --exit-zero,
--exit-non-zero-on-fix, --output-file, --color, --extend-select, --only,
--minimum-failure-severity, the concise format, `--select ""`, Ctrl-C."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

#: TFX101 (warning, safe fix) and TFX103 (error, unsafe fix only)
MAIN = """\
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Environment = "production"
    Team        = "platform"
  }
}

terraform {
  backend "s3" {
    bucket = "tfstate-${var.environment}"
    key    = "app/terraform.tfstate"
    region = "us-east-1"
  }
}
"""

#: only TFX101, whose safe fix leaves nothing behind
TAGGED = MAIN.split("\nterraform {")[0]

VARIABLES = """\
variable "environment" {
  type    = string
  default = "production"
}
"""

#: TFX118 (non-production-cost, info) is opt-in for the default profile
COSTLY = """\
variable "environment" {
  default = "dev"
}

variable "public_subnet_ids" {
  type = list(string)
}

resource "aws_nat_gateway" "main" {
  count     = length(var.public_subnet_ids)
  subnet_id = var.public_subnet_ids[count.index]
}
"""

ANSI = re.compile(r"\x1b\[[0-9;]*m")
HEAD = re.compile(r"^\S+:\d+:\d+: TFX\d{3}( \[\*\])? .+$")


def _module(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name.replace("_tf", ".tf")).write_text(text)
    return directory


def test_check_fix_applies_fixes_then_reports_what_is_left(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    result = run_cli("check", "--fix", str(module))
    assert result.exit_code == 1, result.output  # the unsafe backend finding is left
    assert "Environment = var.environment" in (module / "main.tf").read_text()
    codes = [line.split()[1] for line in result.stdout.splitlines() if HEAD.match(line)]
    assert codes == ["TFX103"]
    assert result.stdout.splitlines()[-1] == "Found 2 findings (1 fixed, 1 remaining)."


def test_check_fix_exits_0_when_everything_is_fixed(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    result = run_cli("check", "--fix", str(module))
    assert result.exit_code == 0, result.output
    assert result.stdout == "Found 1 finding (1 fixed, 0 remaining).\n"
    again = run_cli("check", "--fix", str(module))
    assert again.exit_code == 0 and again.stdout == "Found 0 findings.\n"


def test_check_fix_from_stdin_prints_the_fixed_buffer(tmp_path: Path) -> None:
    _module(tmp_path, variables_tf=VARIABLES)
    result = run_cli("check", "--fix", "-", "--stdin-filename", str(tmp_path / "main.tf"), stdin=TAGGED)
    assert result.exit_code == 0, result.output
    assert result.stdout == TAGGED.replace('"production"', "var.environment")
    assert "1 fixed, 0 remaining" in result.stderr


def test_show_fixes_lists_the_fixes_applied_per_file(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    result = run_cli("apply", "--show-fixes", str(module))
    lines = result.stdout.splitlines()
    at = lines.index("Fixed 1 finding:")
    assert lines[at + 1 : at + 3] == [f"- {module / 'main.tf'}:", "    1 × TFX101 (hardcoded-environment-tag)"]
    assert "  fix: Move the dynamic arguments" in result.stdout  # the fix left, and why
    assert "(unsafe; not applied with these options)" in result.stdout


def test_show_fixes_without_fixing_says_what_each_fix_would_do(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    result = run_cli("check", "--show-fixes", str(module))
    lines = result.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if HEAD.match(line))
    assert lines[head + 4] == "  fix: Use var.environment"  # after the three snippet lines
    assert "Fixed" not in result.stdout
    assert (module / "main.tf").read_text() == TAGGED


def test_statistics_count_per_rule_in_ruffs_layout(tmp_path: Path) -> None:
    _module(tmp_path / "a", main_tf=MAIN, variables_tf=VARIABLES)
    _module(tmp_path / "b", main_tf=TAGGED, variables_tf=VARIABLES)
    result = run_cli("check", "--statistics", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2\tTFX101\t[*] hardcoded-environment-tag",
        "1\tTFX103\t    backend-with-dynamic-values",
        "[*] fixable with `tffix apply`",
        "Found 3 findings (2 fixable with `tffix apply`; 1 more with `--unsafe-fixes`).",
    ]
    doc = json.loads(run_cli("check", "--statistics", "--format", "json", str(tmp_path)).stdout)
    assert doc["statistics"] == [
        {"code": "TFX101", "name": "hardcoded-environment-tag", "count": 2, "fixable": True},
        {"code": "TFX103", "name": "backend-with-dynamic-values", "count": 1, "fixable": False},
    ]


def test_quiet_prints_findings_but_no_summary(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    result = run_cli("check", "-q", "--format", "concise", str(module))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2 and all(map(HEAD.match, result.stdout.splitlines()))
    assert run_cli("check", "--quiet", str(_module(tmp_path / "clean", variables_tf=VARIABLES))).stdout == ""


def test_concise_is_one_line_per_finding(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    full = run_cli("check", str(module)).stdout.splitlines()
    concise = run_cli("check", "--output-format", "concise", str(module)).stdout.splitlines()
    assert concise[:-1] == [line for line in full if HEAD.match(line)]
    assert concise[-1] == full[-1]  # the same summary


def test_exit_zero_and_exit_non_zero_on_fix(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    assert run_cli("check", "--exit-zero", str(module)).exit_code == 0
    assert run_cli("check", "--exit-zero", str(tmp_path / "missing")).exit_code == 2  # errors still fail
    tagged = _module(tmp_path / "t", main_tf=TAGGED, variables_tf=VARIABLES)
    fixed = run_cli("check", "--fix", "--exit-non-zero-on-fix", str(tagged))
    assert fixed.exit_code == 1, fixed.output  # nothing left, but a fix was applied
    assert run_cli("check", "--fix", "--exit-non-zero-on-fix", str(tagged)).exit_code == 0  # nothing to fix now
    again = _module(tmp_path / "u", main_tf=TAGGED, variables_tf=VARIABLES)
    assert run_cli("apply", "--exit-zero", "--exit-non-zero-on-fix", str(again)).exit_code == 0  # as ruff: zero wins


def test_output_file_takes_the_report(tmp_path: Path) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    target = tmp_path / "report.json"
    result = run_cli("check", "--format", "json", "--output-file", str(target), str(module))
    assert result.exit_code == 1 and result.stdout == ""
    assert {f["code"] for f in json.loads(target.read_text())["findings"]} == {"TFX101", "TFX103"}
    text = tmp_path / "report.txt"
    assert run_cli("check", "-o", str(text), str(module)).stdout == ""
    assert text.read_text() == run_cli("check", str(module)).stdout
    bad = run_cli("check", "-o", str(tmp_path / "no" / "such" / "dir.txt"), str(module))
    assert bad.exit_code == 2 and "--output-file" in bad.stderr


def test_color_always_and_never_override_the_terminal_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    plain = run_cli("check", str(module)).stdout
    assert not ANSI.search(plain)
    coloured = run_cli("check", "--color", "always", str(module)).stdout
    assert ANSI.search(coloured) and ANSI.sub("", coloured) == plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert run_cli("check", "--color", "never", str(module)).stdout == plain
    assert ANSI.search(run_cli("check", "--color", "auto", str(module)).stdout)


def test_extend_select_adds_to_the_profiles_rules(tmp_path: Path) -> None:
    _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    _module(tmp_path / "c", main_tf=COSTLY)
    module = tmp_path
    base = run_cli("check", "--format", "json", str(module))
    assert {f["code"] for f in json.loads(base.stdout)["findings"]} == {"TFX101"}
    extended = run_cli("check", "--format", "json", "--extend-select", "TFX118", str(module))
    assert {f["code"] for f in json.loads(extended.stdout)["findings"]} == {"TFX101", "TFX118"}
    # and to --select's choice; --ignore still wins
    both = run_cli("check", "--format", "json", "--select", "TFX118", "--extend-select", "TFX101", str(module))
    assert {f["code"] for f in json.loads(both.stdout)["findings"]} == {"TFX101", "TFX118"}
    ignored = run_cli("check", "--format", "json", "--extend-select", "TFX118", "--ignore", "TFX118", str(module))
    assert {f["code"] for f in json.loads(ignored.stdout)["findings"]} == {"TFX101"}


def test_extend_select_in_the_config_file(tmp_path: Path) -> None:
    _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    _module(tmp_path / "c", main_tf=COSTLY)
    module = tmp_path
    (tmp_path / ".tffix.toml").write_text('extend-select = ["non-production-cost"]\n')
    codes = {f["code"] for f in json.loads(run_cli("check", "--format", "json", str(module)).stdout)["findings"]}
    assert codes == {"TFX101", "TFX118"}
    # a --select on the command line starts afresh, as in ruff
    only = run_cli("check", "--format", "json", "--select", "TFX101", str(module))
    assert {f["code"] for f in json.loads(only.stdout)["findings"]} == {"TFX101"}


def test_only_runs_just_those_rules_whatever_the_config_says(tmp_path: Path) -> None:
    _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    _module(tmp_path / "c", main_tf=COSTLY)
    module = tmp_path
    (tmp_path / ".tffix.toml").write_text('ignore = ["TFX103"]\n')
    result = run_cli("check", "--format", "json", "--only", "TFX103", str(module))
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"TFX103"}
    clash = run_cli("check", "--only", "TFX103", "--select", "TFX101", str(module))
    assert clash.exit_code == 2 and "--only cannot be combined" in clash.stderr


@pytest.mark.parametrize("option", ["--select", "--extend-select", "--only", "--ignore"])
@pytest.mark.parametrize("value", ["", " , "])
def test_an_empty_rule_list_is_an_error_not_every_rule(tmp_path: Path, option: str, value: str) -> None:
    module = _module(tmp_path / "m", main_tf=MAIN, variables_tf=VARIABLES)
    result = run_cli("check", option, value, str(module))
    assert result.exit_code == 2
    assert f"{option} {value!r} names no rule" in result.stderr
    assert result.stdout == ""


def test_minimum_failure_severity(tmp_path: Path) -> None:
    tagged = _module(tmp_path / "t", main_tf=TAGGED, variables_tf=VARIABLES)  # a warning
    assert run_cli("check", str(tagged)).exit_code == 1
    assert run_cli("check", "--minimum-failure-severity", "error", str(tagged)).exit_code == 0
    costly = _module(tmp_path / "c", main_tf=COSTLY)  # an info finding
    assert run_cli("check", "--select", "TFX118", str(costly)).exit_code == 0
    for level in ("info", "notice"):
        assert run_cli("check", "--select", "TFX118", "--minimum-failure-severity", level, str(costly)).exit_code == 1
    backend = _module(tmp_path / "b", main_tf=MAIN, variables_tf=VARIABLES)  # an error too
    assert run_cli("check", "--minimum-failure-severity", "error", str(backend)).exit_code == 1


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    _module(tmp_path, main_tf=MAIN, variables_tf=VARIABLES)
    probe = (
        "import sys\n"
        "import tffix.engine.batch as batch\n"
        "def interrupted(*args, **kwargs):\n"
        "    raise KeyboardInterrupt\n"
        "batch.run_jobs = interrupted\n"
        "import tffix.cli.lint as lint\n"
        "lint.run_jobs = interrupted\n"
        "from tffix.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    for command in ("check", "apply"):
        proc = subprocess.run(
            [sys.executable, "-c", probe, command, "."], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert proc.returncode == 130, proc.stderr
        assert proc.stderr == "tffix: interrupted\n"
        assert proc.stdout == ""
    assert (tmp_path / "main.tf").read_text() == MAIN


def test_help_names_the_new_exit_codes() -> None:
    text = run_cli("check", "--help").output
    assert "--exit-zero" in text and "--fix" in text and "130" in text


def test_suppressions_that_do_nothing_are_reported_by_tfx001(tmp_path: Path) -> None:
    text = TAGGED.replace(
        '    Team        = "platform"\n',
        '    Team        = "platform" # tffix:ignore\n'
        '    Owner       = "ops" # tffix:ignore TFX999\n'
        '    Cost        = "cc" # tffix: ignore TFX101\n',
    )
    module = _module(tmp_path / "m", main_tf=text, variables_tf=VARIABLES)
    result = run_cli("check", "--format", "concise", "--select", "TFX001,TFX101", str(module))
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if " TFX001 " in line]
    assert [line.split(":")[1] for line in lines] == ["6", "7", "8"]
    assert "`tffix:ignore` names no rule" in lines[0]
    assert "unknown rule TFX999" in lines[1]
    assert "`tffix: ignore` is not read as a suppression" in lines[2]
    assert " TFX101 " in result.stdout  # the near miss suppressed nothing


ROLE = """\
resource "aws_iam_role" "backup" {
  name               = "backup"
  assume_role_policy = "{}"
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
  ]
}
"""


def test_emit_import_blocks_outside_a_root_module_says_why_none_were_added(tmp_path: Path) -> None:
    child = _module(tmp_path / "child", main_tf=ROLE)
    result = run_cli("apply", "--unsafe-fixes", "--emit-import-blocks", "--select", "TFX104", str(child))
    assert result.exit_code == 0, result.output
    assert "import {" not in (child / "main.tf").read_text()
    checked = run_cli(
        "check", "--emit-import-blocks", "--select", "TFX104", str(_module(tmp_path / "c2", main_tf=ROLE))
    )
    assert "no import blocks added: this folder has no provider, backend or cloud block" in checked.stdout
    root = _module(tmp_path / "root", main_tf=ROLE, providers_tf='provider "aws" {\n  region = "eu-west-1"\n}\n')
    rooted = run_cli("check", "--emit-import-blocks", "--select", "TFX104", str(root))
    assert "no import blocks" not in rooted.stdout
    plain = run_cli("check", "--select", "TFX104", str(_module(tmp_path / "c3", main_tf=ROLE)))
    assert "no import blocks" not in plain.stdout  # not asked for: nothing to explain


def test_watch_checks_again_on_a_change_and_ctrl_c_ends_it(tmp_path: Path) -> None:
    import queue
    import signal
    import threading

    module = _module(tmp_path / "m", main_tf=TAGGED, variables_tf=VARIABLES)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tffix", "check", "--watch", "--no-cache", "--format", "concise", str(module)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[tuple[str, str]] = queue.Queue()

    def pump(name: str, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.put((name, line.rstrip("\n")))

    for name, stream in (("out", proc.stdout), ("err", proc.stderr)):
        threading.Thread(target=pump, args=(name, stream), daemon=True).start()

    watching = ("err", "Watching for file changes (Ctrl-C to stop).")

    def until(*wanted: tuple[str, str], touch: Path | None = None) -> list[tuple[str, str]]:
        """Lines until every wanted one came (stdout and stderr interleave
        freely); ``touch`` is rewritten now and then meanwhile, in case the
        first write came before the watcher was ready. The bound is not a
        speed assert: a hung watch fails here."""
        seen: list[tuple[str, str]] = []
        for _ in range(60):
            if touch is not None:
                touch.write_text(touch.read_text())
            try:
                while not all(item in seen for item in wanted):
                    seen.append(lines.get(timeout=4))
                return seen
            except queue.Empty:
                continue
        raise AssertionError(f"never saw {wanted}: {seen}")

    try:
        first = until(watching, ("out", "Found 1 finding (1 fixable with `tffix apply`)."))
        assert first.count(watching) == 1
        (module / "main.tf").write_text(TAGGED.replace('"production"', "var.environment"))
        second = until(watching, ("out", "Found 0 findings."), touch=module / "main.tf")
        assert any(stream == "err" and text.endswith(": checking again.") for stream, text in second)
        assert not any(stream == "out" and " TFX101 " in text for stream, text in second)
        (module / ".hidden").mkdir()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 130
        rest = []
        while not lines.empty():
            rest.append(lines.get())
        assert rest[-1:] == [("err", "tffix: interrupted")]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_watch_refuses_stdin() -> None:
    result = run_cli("check", "--watch", "-", stdin=TAGGED)
    assert result.exit_code == 2 and "--watch cannot read standard input" in result.stderr
