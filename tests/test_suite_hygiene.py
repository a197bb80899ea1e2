"""The suite's own rules: it runs from a plain clone, and CI cannot pass by
skipping the corpus tests or by rewriting the golden files it checks."""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rule_harness
from conftest import ROOT, golden_update_requested
from rule_harness import fmt_clean

from tffix.fmt.checks import SelfCheckError

# modules that read the corpus or the seeds while they are collected
SHARED_DATA_TESTS = ["tests/test_corpus_roundtrip.py", "tests/test_rules_corpus.py", "tests/test_seed_coverage.py"]


def _pytest(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """The suite's own pytest in a subprocess, with ``env`` on top of a clean
    environment (no CI, no golden rewriting, no coverage of the child)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CI", "TFFIX_UPDATE_GOLDEN", "COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")
        and not k.startswith(("PYTEST_", "COV_CORE_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def _summary(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_without_the_corpus_its_tests_are_skipped_and_say_why(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    result = _pytest(SHARED_DATA_TESTS, TFFIX_CORPUS=str(missing), TFFIX_SEEDS=str(missing))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ skipped in .*", _summary(result)), _summary(result)
    assert f"corpus missing at {missing} (put ../shared beside the checkout, or set TFFIX_CORPUS)" in result.stdout
    assert f"seeds missing at {missing} (put ../shared beside the checkout, or set TFFIX_SEEDS)" in result.stdout


def test_under_ci_a_missing_corpus_fails(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    result = _pytest(SHARED_DATA_TESTS, TFFIX_CORPUS=str(missing), TFFIX_SEEDS=str(missing), CI="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ errors? in .*", _summary(result)), _summary(result)
    assert "skipped" not in result.stdout
    assert f"corpus missing at {missing}" in result.stdout and f"seeds missing at {missing}" in result.stdout
    assert "under CI this is a failure, never a skip" in result.stdout


HCL_TOOLS_TESTS = ["tests/test_golden_hclfmt.py"]


def test_without_the_hclwrite_oracle_its_tests_are_skipped_and_say_why(tmp_path: Path) -> None:
    result = _pytest([*HCL_TOOLS_TESTS, "-m", "hcl_tools"], TFFIX_HCL_TOOLS=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ skipped, \d+ deselected in .*", _summary(result)), _summary(result)
    assert f"@cdktf/hcl-tools missing at {tmp_path}" in result.stdout


def test_under_ci_a_missing_hclwrite_oracle_fails(tmp_path: Path) -> None:
    result = _pytest([*HCL_TOOLS_TESTS, "-m", "hcl_tools"], TFFIX_HCL_TOOLS=str(tmp_path), CI="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ deselected, \d+ errors? in .*", _summary(result)), _summary(result)
    assert "skipped" not in result.stdout
    assert "under CI this is a failure, never a skip" in result.stdout


def test_ci_installs_the_hclwrite_oracle_where_the_tests_look() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"npm install --prefix \S+ .*@cdktf/hcl-tools@\d+\.\d+\.\d+", script)
    assert "export TFFIX_HCL_TOOLS=" in script


def _tree_state(folder: Path) -> dict[str, tuple[int, str]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_golden_rewriting_is_refused_under_ci() -> None:
    before = _tree_state(ROOT / "golden")
    result = _pytest(
        ["tests/test_golden_fmt.py::test_golden_after_is_what_terraform_writes"], CI="true", TFFIX_UPDATE_GOLDEN="1"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ errors? in .*", _summary(result)), _summary(result)
    assert "TFFIX_UPDATE_GOLDEN is refused under CI" in result.stdout
    assert _tree_state(ROOT / "golden") == before


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, False), ({"TFFIX_UPDATE_GOLDEN": "1"}, True), ({"TFFIX_UPDATE_GOLDEN": "1", "CI": "false"}, True)],
)
def test_golden_update_is_asked_for_with_1(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: bool
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TFFIX_UPDATE_GOLDEN", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert golden_update_requested() is expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TFFIX_UPDATE_GOLDEN": "1", "CI": "true"}, "TFFIX_UPDATE_GOLDEN is refused under CI"),
        ({"TFFIX_UPDATE_GOLDEN": "yes", "CI": "1"}, "TFFIX_UPDATE_GOLDEN is refused under CI"),
        ({"TFFIX_UPDATE_GOLDEN": "yes"}, "TFFIX_UPDATE_GOLDEN='yes': set it to 1"),
    ],
)
def test_golden_update_fails_loudly(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str) -> None:
    monkeypatch.delenv("CI", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(pytest.fail.Exception, match=re.escape(message)):
        golden_update_requested()


def test_fmt_clean_reads_a_parse_error_as_not_clean() -> None:
    assert fmt_clean("a = 1\n") and not fmt_clean("a=1\n")
    assert not fmt_clean("a = {\n")
    assert not fmt_clean("a = 1\na = 2\n")  # Terraform rejects it: "Attribute redefined"


@pytest.mark.parametrize("error", [SelfCheckError("unstable output"), RecursionError("deep"), KeyError("bug")])
def test_fmt_clean_lets_a_formatter_bug_through(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    def broken(text: str, *, filename: str | None = None) -> str:
        raise error

    monkeypatch.setattr(rule_harness, "format_source", broken)
    with pytest.raises(type(error)):
        fmt_clean("a = 1\n")


def test_fmt_clean_is_the_one_the_harness_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "stays fmt-clean" check of every rule case sees the bug too."""

    def broken(text: str, *, filename: str | None = None) -> str:
        raise SelfCheckError("unstable output")

    monkeypatch.setattr(rule_harness, "format_source", broken)
    with pytest.raises(SelfCheckError):
        rule_harness.assert_sound({"main.tf": "a = 1\n"}, {"main.tf": "a = 1\n"}, rule_harness.Settings())


def _marks(decorators: list[ast.expr]) -> set[str]:
    """Names of the ``pytest.mark.NAME`` markers among ``decorators``."""
    found = set()
    for decorator in decorators:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and ast.unparse(target.value) == "pytest.mark":
            found.add(target.attr)
    return found


SHARED_NAMES = {
    "CORPUS": "corpus",
    "corpus_files": "corpus",
    "MUTATION_CORPUS": "corpus",
    "SEED_DIR": "seeds",
    "hclwrite_format": "hcl_tools",  # the npm oracle, installed by .ci/run
}


def test_every_test_that_reads_shared_data_is_marked() -> None:
    """A test that reads ../shared without its marker would fail (not skip)
    on a checkout without it, and could not be told apart from a real failure."""
    unmarked = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_marks: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in node.targets):
                values = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else [node.value]
                module_marks |= _marks(values)
        for node in tree.body:
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
                continue
            used = {SHARED_NAMES[n.id] for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in SHARED_NAMES}
            missing = used - module_marks - _marks(node.decorator_list)
            if missing:
                unmarked.append(f"{path.name}::{node.name} needs {sorted(missing)}")
    assert not unmarked, unmarked


def test_ci_runs_the_readme_test_command_and_the_gates() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)
    [test_command] = [c for c in commands if "pytest" in c]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in script
    for gate in ("gate python3 -m ruff check .", "gate python3 -m ruff format --check .", "gate python3 -m mypy"):
        assert gate in script
