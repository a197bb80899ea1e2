"""Pattern rules from the command line, as a user runs them: the issue's
example in ``examples/patterns/.tffix/acme.tffix.hcl`` passes ``tffix
test``, is listed by ``tffix rules``, reported by ``tffix check``, applied
by ``tffix apply --unsafe-fixes`` changing one line, and a second apply
changes nothing; errors in pattern files are ``file:line:col: message``
with exit 2."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "patterns"


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__", "dogfood"))
    return target


def test_the_acceptance_example(tmp_path: Path) -> None:
    project = copy(tmp_path)
    tested = run_cli("test", cwd=project)
    assert tested.exit_code == 0, tested.output
    assert "1 passed, 0 failed" in tested.output
    listing = run_cli("rules", cwd=project)
    assert listing.exit_code == 0
    line = next(line for line in listing.stdout.splitlines() if line.startswith("ACME002"))
    assert "t2-to-t3" in line and "warning" in line and "unsafe" in line and "acme.tffix.hcl" not in line
    found = run_cli("check", ".", cwd=project)
    assert found.exit_code == 1
    assert "main.tf:3:19: ACME002 aws_instance.web uses the previous-generation t2.micro" in found.stdout
    before = (project / "main.tf").read_text(encoding="utf-8")
    applied = run_cli("apply", "--unsafe-fixes", ".", cwd=project)
    assert applied.exit_code == 0, applied.output
    after = (project / "main.tf").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [('  instance_type = "t2.micro"', '  instance_type = "t3.micro"')]
    assert len(before.splitlines()) == len(after.splitlines())
    again = run_cli("apply", "--unsafe-fixes", ".", cwd=project)
    assert again.exit_code == 0 and "0 files fixed" in again.output
    assert (project / "main.tf").read_text(encoding="utf-8") == after
    assert run_cli("check", ".", cwd=project).exit_code == 0


def test_explain_is_built_from_the_pattern_file(tmp_path: Path) -> None:
    project = copy(tmp_path)
    explained = run_cli("explain", "ACME002", cwd=project)
    assert explained.exit_code == 0
    assert "## Example" in explained.stdout and 'instance_type = "t3.micro"' in explained.stdout


def test_without_unsafe_fixes_nothing_changes(tmp_path: Path) -> None:
    project = copy(tmp_path)
    before = (project / "main.tf").read_bytes()
    assert run_cli("apply", ".", cwd=project).exit_code == 1
    assert (project / "main.tf").read_bytes() == before


def _broken(tmp_path: Path, text: str) -> tuple[int, str]:
    project = copy(tmp_path)
    (project / ".tffix" / "acme.tffix.hcl").write_text(text, encoding="utf-8")
    result = run_cli("check", ".", cwd=project)
    return result.exit_code, result.output


RULE = """rule "r" {{
  code    = "ACME009"
  message = "m"
{body}
}}
"""


def test_unknown_metavariable_in_replace(tmp_path: Path) -> None:
    body = "  match {\n    a = $X\n  }\n  replace {\n    a = $Y\n  }\n"
    code, output = _broken(tmp_path, RULE.format(body=body))
    assert code == 2
    assert "acme.tffix.hcl:8:9: unknown metavariable $Y in replace (match binds: $X)" in output


def test_many_where_one_expression_is_needed(tmp_path: Path) -> None:
    body = "  match {\n    a = $...X\n  }\n"
    code, output = _broken(tmp_path, RULE.format(body=body))
    assert code == 2
    assert "acme.tffix.hcl:5:9: $...X stands for several items; here one expression is needed" in output


def test_invalid_hcl(tmp_path: Path) -> None:
    code, output = _broken(tmp_path, 'rule "r" {\n  code = \n}\n')
    assert code == 2 and "acme.tffix.hcl:2:" in output


def test_unknown_key(tmp_path: Path) -> None:
    body = '  match {\n    a = 1\n  }\n  sevrity = "error"\n'
    code, output = _broken(tmp_path, RULE.format(body=body))
    assert code == 2 and "acme.tffix.hcl:7:3: unknown key 'sevrity' in rule 'r'" in output


def test_a_wrong_after_shows_the_diff(tmp_path: Path) -> None:
    project = copy(tmp_path)
    path = project / ".tffix" / "acme.tffix.hcl"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('        instance_type = "t3.micro"', '        instance_type = "t3.small"'), encoding="utf-8"
    )
    tested = run_cli("test", cwd=project)
    assert tested.exit_code == 1
    assert "FAILED t2-to-t3: example 't2 becomes t3, comments kept' (acme.tffix.hcl:18)" in tested.output
    assert '-  instance_type = "t3.small"' in tested.output and '+  instance_type = "t3.micro"' in tested.output


def test_grep_prints_locations_and_captures(tmp_path: Path) -> None:
    project = copy(tmp_path)
    result = run_cli("grep", 'resource "aws_instance" "$N" { instance_type = $T }', ".", cwd=project)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        'main.tf:1:1: resource "aws_instance" "web" {',
        "    $N = web",
        "    $T = t2.micro",
        'main.tf:10:1: resource "aws_instance" "db" {',
        "    $N = db",
        "    $T = m5.large",
    ]
    expression = run_cli("grep", '"t2.micro"', "main.tf", cwd=project)
    assert expression.exit_code == 0 and expression.stdout == 'main.tf:3:19: "t2.micro"\n'
    assert run_cli("grep", "nothing($X)", ".", cwd=project).exit_code == 1
    bad = run_cli("grep", "a = $...X", ".", cwd=project)
    assert bad.exit_code == 2 and "<pattern>:1:5: $...X stands for several items" in bad.output


def test_codemod_match_replace_without_a_file(tmp_path: Path) -> None:
    project = copy(tmp_path)
    before = (project / "main.tf").read_text(encoding="utf-8")
    args = ("codemod", "--match", 'instance_type = "t2.micro"', "--replace", 'instance_type = "t3.nano"')
    dry = run_cli(*args, "--dry-run", ".", cwd=project)
    assert dry.exit_code == 1 and '+  instance_type = "t3.nano"' in dry.stdout
    assert (project / "main.tf").read_text(encoding="utf-8") == before
    done = run_cli(*args, ".", cwd=project)
    assert done.exit_code == 0 and "match-replace: 1 file changed (1 change)." in done.output
    assert (project / "main.tf").read_text(encoding="utf-8") == before.replace('"t2.micro"', '"t3.nano"')
    assert run_cli("codemod", "--match", "$X", ".", cwd=project).exit_code == 2


def test_a_pattern_codemod_runs_by_name(tmp_path: Path) -> None:
    project = copy(tmp_path)
    (project / ".tffix" / "tags.tffix.hcl").write_text(
        'codemod "rename-name-tag" {\n'
        '  description = "Name tags become Title"\n'
        "  match {\n    tags = {\n      Name = $V\n      $...REST\n    }\n  }\n"
        "  replace {\n    tags = {\n      Title = $V\n      $...REST\n    }\n  }\n"
        "}\n",
        encoding="utf-8",
    )
    listed = run_cli("codemod", "--list", cwd=project)
    assert listed.exit_code == 0 and re.search(r"rename-name-tag +Name tags become Title", listed.stdout)
    done = run_cli("codemod", "rename-name-tag", ".", cwd=project)
    assert done.exit_code == 0, done.output
    assert '    Title = "web"\n' in (project / "main.tf").read_text(encoding="utf-8")


def test_pattern_files_load_where_code_plugins_are_not_trusted(tmp_path: Path) -> None:
    from tffix.config import load_config

    project = copy(tmp_path)
    untrusted = load_config(project / ".tffix.toml", trust_plugins=False)
    assert untrusted.plugins.entries == (".tffix",) and untrusted.untrusted_plugins == ()
    (project / ".tffix" / "code.py").write_text("", encoding="utf-8")
    mixed = load_config(project / ".tffix.toml", trust_plugins=False)
    assert mixed.plugins.entries == () and mixed.untrusted_plugins == (".tffix",)


def test_an_edited_pattern_file_changes_the_cache_key(tmp_path: Path) -> None:
    from tffix.plugins import PluginSpec, load

    project = copy(tmp_path)
    spec = PluginSpec((".tffix",), str(project / ".tffix.toml"))
    before = load(spec)
    assert [cls.code for cls in before.rules if before.source(cls) != "built-in"] == ["ACME002"]
    path = project / ".tffix" / "acme.tffix.hcl"
    path.write_text(path.read_text(encoding="utf-8").replace("previous-generation", "old"), encoding="utf-8")
    after = load(spec)
    assert after.fingerprint != before.fingerprint
    rule = next(cls for cls in after.rules if cls.code == "ACME002")
    assert "old t2.micro" in rule.message  # type: ignore[attr-defined]
