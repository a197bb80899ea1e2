"""``examples/plugins/``: a project with a rule and a codemod of its own,
copied elsewhere and used from the command line as a user would: listed by
``tffix rules`` and ``tffix codemod --list``, found by ``tffix check``,
fixed by ``tffix apply``, run by ``tffix codemod``; and every fixture case
(``.tffix/fixtures/<rule or codemod>/<case>/before`` -> ``after``, with an
optional ``options.toml``) gives exactly its ``after`` files, and nothing
more on a second run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugins"
FIXTURES = EXAMPLE / ".tffix" / "fixtures"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.tf"))}


def test_the_example_as_a_user_runs_it(tmp_path: Path) -> None:
    project = copy(tmp_path)
    listing = run_cli("rules", cwd=project)
    assert listing.exit_code == 0 and "ACME001  quoted-bool" in listing.stdout
    codemods = run_cli("codemod", "--list", cwd=project)
    assert codemods.exit_code == 0
    assert any(  # after tffix's own codemods
        line.startswith("rename-tag") and "Rename a tag key in every `tags` object" in line
        for line in codemods.stdout.splitlines()
    )
    found = run_cli("check", "--select", "ACME", cwd=project)
    assert found.exit_code == 1
    assert "main.tf:3:19: ACME001 [*] force_destroy is the string 'true': write the boolean" in found.stdout
    assert "variables.tf:3:13: ACME001 [*] default is the string 'false': write the boolean" in found.stdout
    fixed = run_cli("apply", "--select", "ACME001", cwd=project)
    assert fixed.exit_code == 0, fixed.output
    assert "force_destroy = true\n" in (project / "main.tf").read_text(encoding="utf-8")
    changed = run_cli("codemod", "rename-tag", "-o", "new=Environment", cwd=project)
    assert changed.exit_code == 0 and "rename-tag: 1 file changed (1 change)." in changed.output
    assert '    Environment = "qa"\n' in (project / "main.tf").read_text(encoding="utf-8")
    assert run_cli("check", "--select", "ACME", cwd=project).exit_code == 0


def test_the_example_in_a_process_of_its_own(tmp_path: Path) -> None:
    project = copy(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tffix", "check", "--select", "ACME001", "--format", "concise", "."],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "main.tf:3:19: ACME001 [*] force_destroy is the string 'true': write the boolean",
        "variables.tf:3:13: ACME001 [*] default is the string 'false': write the boolean",
    ]


CASES = sorted(f"{case.parent.name}/{case.name}" for case in FIXTURES.glob("*/*") if case.is_dir())


def test_there_are_fixture_cases_for_the_rule_and_the_codemod() -> None:
    assert {case.split("/")[0] for case in CASES} == {"quoted-bool", "rename-tag"}
    for case in CASES:
        assert texts(FIXTURES / case / "before") and texts(FIXTURES / case / "after"), case


@pytest.mark.parametrize("case", CASES)
def test_fixture_case(tmp_path: Path, case: str) -> None:
    project = copy(tmp_path)
    name = case.split("/")[0]
    folder = project / "case"
    shutil.copytree(FIXTURES / case / "before", folder)
    options_file = FIXTURES / case / "options.toml"
    options = tomllib.loads(options_file.read_text(encoding="utf-8")) if options_file.exists() else {}
    codemods = run_cli("codemod", "--list", cwd=project).stdout
    if any(line.split()[0] == name for line in codemods.splitlines()):
        args = ["codemod", name, *(f"-o{key}={value}" for key, value in options.items()), "case"]
    else:
        assert not options, "rule options belong in the config file"
        args = ["apply", "--select", name, "case"]
    result = run_cli(*args, cwd=project)
    assert result.exit_code == 0, result.output
    assert texts(folder) == texts(FIXTURES / case / "after")
    again = run_cli(*args, cwd=project)  # a second run changes nothing
    assert again.exit_code == 0 and texts(folder) == texts(FIXTURES / case / "after")


def test_editing_the_example_plugin_invalidates_the_cache(tmp_path: Path) -> None:
    project = copy(tmp_path)
    first = run_cli("check", "--select", "ACME001", "--format", "concise", cwd=project)
    assert "write the boolean" in first.stdout
    assert run_cli("check", "--select", "ACME001", "--format", "concise", cwd=project).stdout == first.stdout
    plugin = project / ".tffix" / "plugins" / "acme.py"
    plugin.write_text(
        plugin.read_text(encoding="utf-8").replace(": write the boolean", ": use a bool"), encoding="utf-8"
    )
    again = run_cli("check", "--select", "ACME001", "--format", "concise", cwd=project)
    assert again.stdout == first.stdout.replace(": write the boolean", ": use a bool") != first.stdout


def test_tffix_config_names_the_plugins(tmp_path: Path) -> None:
    import json

    project = copy(tmp_path)
    document = json.loads(run_cli("config", ".", cwd=project).stdout)
    assert document["plugins"] == [
        {
            "name": ".tffix/plugins",
            "origin": str(project / ".tffix" / "plugins"),
            "rules": ["ACME001"],
            "codemods": ["rename-tag"],
        }
    ]
    assert "ACME001" in document["rules"]
    assert json.loads(run_cli("config", "--isolated", ".", cwd=project).stdout)["plugins"] == []
