"""Findings as JUnit XML and as Checkstyle XML, the two reports most CI
systems read (GitLab's and Jenkins' test reports, reviewdog, Jenkins' warnings
plugin, SonarQube's external issues).

Both are built from the JSON form of each finding (``diagnostic_json``) and
of each error, with ``xml.etree`` so that every text is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

__all__ = ["checkstyle_report", "junit_report"]

#: Checkstyle's severities: error, warning, info (and ignore)
_CHECKSTYLE_SEVERITY = {"error": "error", "warning": "warning", "info": "info"}


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _by_path(items: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        grouped.setdefault(item["path"] or "", []).append(item)
    return grouped


def junit_report(findings: Sequence[dict[str, Any]], errors: Sequence[dict[str, Any]]) -> str:
    """One ``testsuite`` per file with findings or errors; in it one
    ``testcase`` per finding holding a ``failure`` (type: the severity) and
    one per error holding an ``error``. A run with neither has one suite
    with one passing case, so a test report shows the check ran (ruff does
    the same)."""
    root = ET.Element("testsuites", name="tffix")
    total = failures = error_count = 0
    for path, items in sorted(_by_path([*findings, *errors]).items()):
        suite = ET.SubElement(root, "testsuite", name=path or "tffix")
        for item in items:
            if "code" in item:
                start = item["start"]
                case = ET.SubElement(
                    suite,
                    "testcase",
                    name=f"{item['code']} {item['name']}",
                    classname=path,
                    file=path,
                    line=str(start["line"]),
                )
                failure = ET.SubElement(case, "failure", message=item["message"], type=item["severity"])
                failure.text = f"{path}:{start['line']}:{start['column']}: {item['code']} {item['message']}"
                failures += 1
            else:
                case = ET.SubElement(suite, "testcase", name="tffix error", classname=path or "tffix")
                if path:
                    case.set("file", path)
                if item["line"] is not None:
                    case.set("line", str(item["line"]))
                error = ET.SubElement(case, "error", message=item["message"], type="error")
                where = path + (f":{item['line']}:{item['column']}" if item["line"] is not None else "")
                error.text = f"{where}: {item['message']}" if where else item["message"]
                error_count += 1
        _counts(suite)
        total += len(items)
    if total == 0:
        suite = ET.SubElement(root, "testsuite", name="tffix")
        ET.SubElement(suite, "testcase", name="no findings", classname="tffix")
        _counts(suite)
        total = 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(error_count))
    return _xml(root)


def _counts(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    suite.set("errors", str(sum(1 for case in cases if case.find("error") is not None)))
    suite.set("skipped", "0")


def checkstyle_report(findings: Sequence[dict[str, Any]], errors: Sequence[dict[str, Any]]) -> str:
    """``<checkstyle><file name=PATH><error line column severity message
    source/></file></checkstyle>``: a finding's source is ``tffix.CODE``
    (with its rule name), an error's ``tffix.error``; errors without a file
    sit under a ``file`` of empty name, as Checkstyle's own do."""
    root = ET.Element("checkstyle", version="4.3")
    for path, items in sorted(_by_path([*findings, *errors]).items()):
        file = ET.SubElement(root, "file", name=path)
        for item in items:
            if "code" in item:
                ET.SubElement(
                    file,
                    "error",
                    line=str(item["start"]["line"]),
                    column=str(item["start"]["column"]),
                    severity=_CHECKSTYLE_SEVERITY[item["severity"]],
                    message=item["message"],
                    source=f"tffix.{item['code']}.{item['name']}",
                )
            else:
                attributes = {"severity": "error", "message": item["message"], "source": "tffix.error"}
                if item["line"] is not None:
                    attributes["line"] = str(item["line"])
                    attributes["column"] = str(item["column"])
                ET.SubElement(file, "error", attributes)
    return _xml(root)
