"""`--format junit` and `--format checkstyle` (issue 19): parsed back with
xml.etree, checked for the elements and attributes CI systems read (GitLab
and Jenkins test reports: testsuites/testsuite/testcase/failure|error with
counts; Checkstyle consumers: checkstyle/file[@name]/error with line,
column, severity, message and source)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_cli

MAIN = """\
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  tags = {
    Environment = "production"
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
BROKEN = 'resource "aws_s3_bucket" "broken" {\n  bucket = \n}\n'


def _tree(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text(MAIN)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "main.tf").write_text(BROKEN)


def _int(element: ET.Element, name: str) -> int:
    value = element.get(name)
    assert value is not None and value.isdigit(), (element.tag, name, value)
    return int(value)


def test_junit_has_the_shape_ci_systems_read(tmp_path: Path) -> None:
    _tree(tmp_path)
    result = run_cli("check", "--format", "junit", "m", "bad", "missing", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert {s.get("name") for s in suites} == {"m/main.tf", "bad/main.tf", "missing"}
    for suite in suites:
        cases = suite.findall("testcase")
        assert _int(suite, "tests") == len(cases) > 0
        assert _int(suite, "failures") == sum(c.find("failure") is not None for c in cases)
        assert _int(suite, "errors") == sum(c.find("error") is not None for c in cases)
        for case in cases:
            assert case.get("name") and case.get("classname")
            [outcome] = list(case)
            assert outcome.tag in ("failure", "error") and outcome.get("message") and outcome.text
    assert _int(root, "tests") == sum(_int(s, "tests") for s in suites) == 4
    assert (_int(root, "failures"), _int(root, "errors")) == (2, 2)
    main = next(s for s in suites if s.get("name") == "m/main.tf")
    by_name = {c.get("name"): c for c in main.findall("testcase")}
    tag = by_name["TFX101 hardcoded-environment-tag"]
    assert tag.get("file") == "m/main.tf" and tag.get("line") == "5"
    failure = tag.find("failure")
    assert failure is not None and failure.get("type") == "warning"
    assert failure.get("message", "").startswith('hard-coded environment "production"')  # quotes survive escaping
    assert (failure.text or "").startswith("m/main.tf:5:19: TFX101 ")
    backend = by_name["TFX103 backend-with-dynamic-values"].find("failure")
    assert backend is not None and backend.get("type") == "error"
    parse = next(s for s in suites if s.get("name") == "bad/main.tf").find("testcase/error")
    assert parse is not None and parse.get("message", "").startswith("Invalid expression")


def test_junit_clean_run_is_one_passing_case(tmp_path: Path) -> None:
    (tmp_path / "clean.tf").write_text("locals {\n  a = 1\n}\n")
    result = run_cli("check", "--format", "junit", ".", cwd=tmp_path)
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout)
    [suite] = root.findall("testsuite")
    [case] = suite.findall("testcase")
    assert list(case) == [] and (_int(root, "tests"), _int(root, "failures"), _int(root, "errors")) == (1, 0, 0)


def test_checkstyle_has_the_shape_ci_systems_read(tmp_path: Path) -> None:
    _tree(tmp_path)
    result = run_cli("check", "--format", "checkstyle", "m", "bad", cwd=tmp_path)
    assert result.exit_code == 2
    root = ET.fromstring(result.stdout)
    assert root.tag == "checkstyle" and root.get("version")
    files = {f.get("name"): f for f in root.findall("file")}
    assert set(files) == {"m/main.tf", "bad/main.tf"}
    for file in files.values():
        assert [child.tag for child in file] == ["error"] * len(file) and len(file) > 0
        for error in file:
            assert error.get("severity") in ("error", "warning", "info", "ignore")
            assert error.get("message") and error.get("source")
            assert _int(error, "line") > 0 and _int(error, "column") > 0
    findings = {e.get("source"): e for e in files["m/main.tf"]}
    tag = findings["tffix.TFX101.hardcoded-environment-tag"]
    assert (tag.get("line"), tag.get("column"), tag.get("severity")) == ("5", "19", "warning")
    assert findings["tffix.TFX103.backend-with-dynamic-values"].get("severity") == "error"
    [parse] = files["bad/main.tf"]
    assert (parse.get("line"), parse.get("column"), parse.get("source")) == ("2", "12", "tffix.error")


def test_checkstyle_clean_run_is_an_empty_report(tmp_path: Path) -> None:
    (tmp_path / "clean.tf").write_text("locals {\n  a = 1\n}\n")
    result = run_cli("check", "--format", "checkstyle", ".", cwd=tmp_path)
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout)
    assert root.tag == "checkstyle" and list(root) == []


@pytest.mark.parametrize("output_format", ["junit", "checkstyle"])
def test_xml_reports_from_stdin_go_to_stdout(tmp_path: Path, output_format: str) -> None:
    result = run_cli("apply", "-", "--stdin-filename", "main.tf", "--format", output_format, stdin=MAIN, cwd=tmp_path)
    root = ET.fromstring(result.stdout)  # the report alone on stdout, no fixed buffer around it
    assert root.tag in ("testsuites", "checkstyle")
    assert result.stderr == ""
