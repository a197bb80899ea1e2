"""Plugins: a user's own rules, found from ``.tffix.toml`` (``plugins``) and
the ``tffix.plugins`` entry points, driven through the real command line
(click's runner, and subprocesses where a process of its own matters: worker
processes started with ``spawn``, the installed entry points, the language
server). A plugin rule gets what a built-in one has; a broken plugin is one
line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]

#: a plugin rule with an option and a safe fix
ACME = textwrap.dedent('''\
    """ACME's own rules."""

    from tffix.api import Applicability, FixBuilder, NotLiteral, Option, Rule, Severity, literal_value, parse_expression


    class BucketPrefix(Rule):
        """S3 bucket names start with the company prefix.

        ## What it does
        Reports a literal `bucket` name without the prefix, and adds it.
        """

        code = "ACME001"
        name = "bucket-prefix"
        severity = Severity.WARNING
        fixable = Applicability.SAFE
        options = {"prefix": Option("acme-", "The prefix every bucket name starts with.")}
        valid = ('resource "aws_s3_bucket" "a" {\\n  bucket = "acme-logs"\\n}\\n',)

        def visit_Attribute(self, node, ctx):
            if node.name.text != "bucket":
                return
            try:
                value = literal_value(node.value)
            except NotLiteral:
                return
            prefix = self.settings["prefix"]
            if isinstance(value, str) and not value.startswith(prefix):
                fix = FixBuilder(ctx.module, ctx.file)
                fix.replace(node.value, parse_expression("{0}", prefix + value))
                ctx.report(node.value, f"bucket name lacks the {prefix} prefix",
                           fix=fix.build("add the prefix", Applicability.SAFE))


    class OneInstance(Rule):
        """Each module run has an instance of its own."""

        code = "ACME002"
        name = "one-instance"
        severity = Severity.INFO

        def check(self, module):
            self.seen = getattr(self, "seen", 0) + 1
            if self.seen > 1:
                for file in module.parsed():
                    yield module.diagnostic(self, file, file.tree, "this instance ran over another module before")
                    return
''')

MAIN = 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n'
FIXED = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-logs"\n}\n'


def project(tmp_path: Path, config: str = 'plugins = [".tffix/rules"]\n', plugin: str = ACME) -> Path:
    (tmp_path / ".tffix" / "rules").mkdir(parents=True, exist_ok=True)
    (tmp_path / ".tffix" / "rules" / "acme.py").write_text(plugin, encoding="utf-8")
    (tmp_path / ".tffix.toml").write_text(config, encoding="utf-8")
    (tmp_path / "main.tf").write_text(MAIN, encoding="utf-8")
    return tmp_path


def tffix(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m tffix ARGS`` in a process of its own."""
    more = dict(env or {})
    environ = {**os.environ, **more, "PYTHONPATH": os.pathsep.join([str(ROOT), more.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "tffix", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# -- discovery and the catalogue -----------------------------------------------


def test_rules_lists_plugin_rules_with_their_source(tmp_path: Path) -> None:
    project(tmp_path)
    result = run_cli("rules", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("ACME001"))
    assert "bucket-prefix" in line and "safe" in line and f"[plugin: {tmp_path / '.tffix' / 'rules'}]" in line
    assert "TFX101" in result.output  # the built-in ones are still there
    assert f"plugin '.tffix/rules' loaded from {tmp_path / '.tffix' / 'rules'}: ACME001, ACME002" in result.output
    rows = json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)
    sources = {row["code"]: row["source"] for row in rows}
    assert sources["ACME001"] == str(tmp_path / ".tffix" / "rules") and sources["TFX101"] == "built-in"
    isolated = run_cli("rules", "--isolated", cwd=tmp_path)
    assert isolated.exit_code == 0 and "ACME001" not in isolated.output


def test_explain_a_plugin_rule(tmp_path: Path) -> None:
    project(tmp_path)
    result = run_cli("explain", "acme001", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ACME001 bucket-prefix\n")
    assert "Source: plugin" in result.output and "## What it does" in result.output
    assert "- `prefix` (default 'acme-'): The prefix every bucket name starts with." in result.output
    assert run_cli("explain", "bucket-prefix", "--isolated", cwd=tmp_path).exit_code == 2


def test_check_select_ignore_and_prefixes(tmp_path: Path) -> None:
    project(tmp_path)
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    assert "main.tf:2:12: ACME001 [*] bucket name lacks the acme- prefix" in result.output
    for selector in ("ACME", "ACME0", "ACME001", "bucket-prefix", "acme001"):
        selected = run_cli("check", "--no-cache", "--select", selector, "--format", "json", ".", cwd=tmp_path)
        assert {d["code"] for d in json.loads(selected.stdout)["findings"]} == {"ACME001"}, selector
    ignored = run_cli("check", "--no-cache", "--ignore", "ACME", ".", cwd=tmp_path)
    assert ignored.exit_code == 0 and "ACME001" not in ignored.output
    # the selection in the config file itself
    (tmp_path / ".tffix.toml").write_text('plugins = [".tffix/rules"]\nignore = ["ACME0"]\n', encoding="utf-8")
    assert run_cli("check", "--no-cache", ".", cwd=tmp_path).exit_code == 0
    # a profile runs plugin rules as well
    (tmp_path / ".tffix.toml").write_text('plugins = [".tffix/rules"]\nprofile = "ephemeral"\n', encoding="utf-8")
    assert "ACME001" in run_cli("check", "--no-cache", ".", cwd=tmp_path).output
    # from another folder: the config of the path named decides
    assert "ACME001" in run_cli("check", "--no-cache", "--select", "ACME", str(tmp_path), cwd=tmp_path.parent).output


def test_isolated_loads_no_plugin(tmp_path: Path) -> None:
    project(tmp_path, plugin="raise RuntimeError('must not be imported')\n")
    result = run_cli("check", "--no-cache", "--isolated", ".", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    result = run_cli("check", "--no-cache", "--isolated", "--select", "ACME001", ".", cwd=tmp_path)
    assert result.exit_code == 2 and "unknown rule 'ACME001'" in result.output


def test_rule_options_from_the_config_file(tmp_path: Path) -> None:
    project(tmp_path, 'plugins = [".tffix/rules"]\n[rules.ACME001]\nprefix = "corp-"\n')
    result = run_cli("apply", "--no-cache", ".", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "main.tf").read_text(encoding="utf-8") == MAIN.replace('"logs"', '"corp-logs"')
    (tmp_path / ".tffix.toml").write_text('plugins = [".tffix/rules"]\n[rules.bucket-prefix]\nprefix = 1\n')
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "rules.bucket-prefix: ACME001 (bucket-prefix) option prefix must be a str, not int" in result.output


def test_suppressions_name_plugin_rules_and_unused_ones_are_reported(tmp_path: Path) -> None:
    project(tmp_path)
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_bucket" "b" {\n  bucket = "logs" # tffix:ignore ACME001\n}\n'
        'resource "aws_s3_bucket" "c" {\n  bucket = "x" # tffix:ignore bucket-prefix\n}\n'
        'resource "aws_s3_bucket" "d" {\n  bucket = "acme-d" # tffix:ignore ACME001\n}\n',
        encoding="utf-8",
    )
    result = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    found = [(d["code"], d["start"]["line"]) for d in json.loads(result.stdout)["findings"]]
    assert found == [("TFX001", 8)], result.output


def test_apply_fixes_plugin_findings(tmp_path: Path) -> None:
    project(tmp_path)
    diff = run_cli("apply", "--no-cache", "--diff", ".", cwd=tmp_path)
    assert diff.exit_code == 1 and '+  bucket = "acme-logs"' in diff.output
    assert (tmp_path / "main.tf").read_text(encoding="utf-8") == MAIN
    result = run_cli("apply", "--no-cache", ".", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "main.tf").read_text(encoding="utf-8") == FIXED
    assert run_cli("check", "--no-cache", ".", cwd=tmp_path).exit_code == 0


def test_output_formats_describe_plugin_rules(tmp_path: Path) -> None:
    project(tmp_path)
    sarif = json.loads(run_cli("check", "--no-cache", "--format", "sarif", ".", cwd=tmp_path).stdout)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (result,) = run["results"]
    assert rules[result["ruleIndex"]]["id"] == "ACME001" and result["ruleId"] == "ACME001"
    assert rules[result["ruleIndex"]]["shortDescription"]["text"] == "S3 bucket names start with the company prefix."
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "acme-"
    github = run_cli("check", "--no-cache", "--format", "github", ".", cwd=tmp_path).output
    assert github.startswith(
        "::warning file=main.tf,line=2,col=12,endLine=2,endColumn=18,title=ACME001 bucket-prefix::"
        "bucket name lacks the acme- prefix"
    )
    data = json.loads(run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path).stdout)
    assert [d["code"] for d in data["findings"]] == ["ACME001"]


def test_one_rule_instance_per_module_run(tmp_path: Path) -> None:
    project(tmp_path)
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text("locals {}\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "-j", "1", "--select", "ACME002", ".", cwd=tmp_path)
    assert result.exit_code == 0 and "another module" not in result.output, result.output


def test_an_edited_plugin_is_run_again_not_read_from_the_cache(tmp_path: Path) -> None:
    project(tmp_path)
    first = run_cli("check", ".", cwd=tmp_path)
    assert "lacks the acme- prefix" in first.output
    assert run_cli("check", ".", cwd=tmp_path).output == first.output  # from the cache
    plugin = tmp_path / ".tffix" / "rules" / "acme.py"
    plugin.write_text(ACME.replace("bucket name lacks", "bucket name misses"), encoding="utf-8")
    assert "bucket name misses the acme- prefix" in run_cli("check", ".", cwd=tmp_path).output
    # and in a process of its own, which reads the cache the runs above wrote
    assert "bucket name misses the acme- prefix" in tffix("check", ".", cwd=tmp_path).stdout


def test_worker_processes_started_with_spawn_load_the_same_plugins(tmp_path: Path) -> None:
    project(tmp_path)
    for name in ("a", "b", "c", "d"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(MAIN.replace('"b"', f'"{name}"'), encoding="utf-8")
    script = (
        "import multiprocessing, sys\n"
        "from tffix.cli import main\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    sys.argv = ['tffix', 'check', '--no-cache', '-j', '2', '--format', 'concise', '.']\n"
        "    main()\n"
    )
    (tmp_path / "run.py").write_text(script, encoding="utf-8")
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    spawned = subprocess.run(
        [sys.executable, "run.py"], cwd=tmp_path, env=environ, capture_output=True, text=True, check=False
    )
    serial = tffix("check", "--no-cache", "-j", "1", "--format", "concise", ".", cwd=tmp_path)
    assert spawned.returncode == serial.returncode == 1, spawned.stderr
    assert spawned.stdout == serial.stdout and spawned.stdout.count("ACME001") == 5


# -- the forms a plugin takes --------------------------------------------------


def test_a_package_a_single_file_and_a_module_name(tmp_path: Path) -> None:
    package = tmp_path / "acme_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .rules import BucketPrefix\n", encoding="utf-8")
    (package / "rules.py").write_text(ACME, encoding="utf-8")
    project(tmp_path, 'plugins = ["acme_pkg"]\n')
    result = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert "ACME001" in result.output and "ACME002" not in run_cli("rules", cwd=tmp_path).output
    (tmp_path / ".tffix.toml").write_text('plugins = [".tffix/rules/acme.py"]\n', encoding="utf-8")
    assert "ACME001" in run_cli("check", "--no-cache", ".", cwd=tmp_path).output
    # an importable module, by name, in a process whose path finds it
    site = tmp_path / "site"
    site.mkdir()
    (site / "acme_tffix.py").write_text(ACME, encoding="utf-8")
    (tmp_path / ".tffix.toml").write_text('plugins = ["acme_tffix"]\n', encoding="utf-8")
    result = tffix("rules", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert result.returncode == 0, result.stderr
    assert "ACME001" in result.stdout and f"acme_tffix ({site / 'acme_tffix.py'})" in result.stdout


def test_pyproject_and_an_explicit_config_name_plugins_too(tmp_path: Path) -> None:
    project(tmp_path, "")
    (tmp_path / ".tffix.toml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.tffix]\nplugins = [".tffix/rules"]\n', encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "ACME001", ".", cwd=tmp_path)
    assert result.exit_code == 1 and "ACME001" in result.output
    (tmp_path / "pyproject.toml").unlink()
    elsewhere = tmp_path / "conf" / "tffix.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('plugins = ["../.tffix/rules"]\n', encoding="utf-8")  # relative to the file
    result = run_cli("check", "--no-cache", "--config", str(elsewhere), "--select", "ACME", ".", cwd=tmp_path)
    assert result.exit_code == 1 and "ACME001" in result.output
    assert "ACME001" in run_cli("rules", "--config", str(elsewhere), cwd=tmp_path).output


def test_installed_entry_points_load_unless_isolated(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "acme_pack").mkdir(parents=True)
    (site / "acme_pack" / "__init__.py").write_text(ACME, encoding="utf-8")
    info = site / "acme_pack-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-pack\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[tffix.plugins]\nacme = acme_pack\n", encoding="utf-8")
    (tmp_path / "main.tf").write_text(MAIN, encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    listed = tffix("rules", cwd=tmp_path, env=env)
    assert "ACME001" in listed.stdout and "plugin 'entry point acme (acme-pack)' loaded from" in listed.stderr
    assert "ACME001" in tffix("check", "--no-cache", ".", cwd=tmp_path, env=env).stdout
    isolated = tffix("check", "--no-cache", "--isolated", ".", cwd=tmp_path, env=env)
    assert isolated.returncode == 0 and "ACME001" not in isolated.stdout


def test_verbose_names_the_plugins_loaded(tmp_path: Path) -> None:
    project(tmp_path)
    result = run_cli("check", "--no-cache", "-v", ".", cwd=tmp_path)
    assert (
        f"tffix: plugin '.tffix/rules' loaded from {tmp_path / '.tffix' / 'rules'}: ACME001, ACME002" in result.output
    )


# -- broken plugins --------------------------------------------------------------

BROKEN = {
    "syntax error": (
        "class Broken(:\n",
        "plugin '.tffix/rules': cannot import {rules}: SyntaxError: invalid syntax (acme.py, line 1)",
    ),
    "reserved code": (
        ACME.replace('"ACME001"', '"TFX999"'),
        (
            "plugin '.tffix/rules': rule BucketPrefix has code TFX999, but the prefix TFX is reserved for tffix's own "
            "rules (choose a prefix of your own, such as ACME001)"
        ),
    ),
    "two rules, one code": (
        ACME.replace('"ACME002"', '"ACME001"'),
        "plugin '.tffix/rules': two rules have the code ACME001: one in {rules}, OneInstance in {rules}",
    ),
    "a built-in rule's name": (
        ACME.replace('"one-instance"', '"unused-suppression"'),
        "plugin '.tffix/rules': two rules have the name unused-suppression: one in built-in, OneInstance in {rules}",
    ),
    "malformed code": (
        ACME.replace('"ACME001"', '"acme1"'),
        (
            "plugin '.tffix/rules': cannot import {rules}: TypeError: BucketPrefix: code 'acme1' must be 2-6 capital "
            "letters and 3 digits (ACME001)"
        ),
    ),
    "malformed option": (
        ACME.replace('Option("acme-", ', '("acme-", '),
        "plugin '.tffix/rules': rule BucketPrefix is malformed: options must map names to tffix.api.Option",
    ),
    "no rule": (
        "from tffix.api import Rule\n",
        (
            "plugin '.tffix/rules': {rules} defines no rule or codemod (subclasses of tffix.api.Rule or "
            "tffix.api.Codemod, at the top level of the module or named in its __all__)"
        ),
    ),
    "import error": (
        "import acme_missing_module\n",
        "plugin '.tffix/rules': cannot import {rules}: ModuleNotFoundError: No module named 'acme_missing_module'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
@pytest.mark.parametrize("command", ["check", "rules", "apply"])
def test_a_broken_plugin_is_one_line_and_exit_2(tmp_path: Path, case: str, command: str) -> None:
    source, message = BROKEN[case]
    project(tmp_path, plugin=source)
    result = run_cli(command, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.output == "tffix: " + message.format(rules=tmp_path / ".tffix" / "rules") + "\n"
    assert (tmp_path / "main.tf").read_text(encoding="utf-8") == MAIN


def test_broken_plugin_in_a_process_and_its_traceback_with_debug(tmp_path: Path) -> None:
    project(tmp_path, plugin="x = 1\nraise RuntimeError('boom')\n")
    result = tffix("check", ".", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    rules = tmp_path / ".tffix" / "rules"
    assert result.stderr == f"tffix: plugin '.tffix/rules': cannot import {rules}: RuntimeError: boom\n"
    debug = tffix("--debug", "check", ".", cwd=tmp_path)
    assert debug.returncode == 2 and "Traceback (most recent call last)" in debug.stderr
    assert 'acme.py", line 2' in debug.stderr and debug.stderr.endswith("RuntimeError: boom\n")


def test_missing_plugin_paths_and_modules(tmp_path: Path) -> None:
    project(tmp_path, 'plugins = ["rules/nope.py"]\n')
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        result.output
        == f"tffix: plugin 'rules/nope.py' (named in {tmp_path / '.tffix.toml'}): {tmp_path / 'rules' / 'nope.py'} does not exist\n"
    )
    (tmp_path / ".tffix.toml").write_text('plugins = ["acme_not_installed"]\n', encoding="utf-8")
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 2 and result.output == (
        f"tffix: plugin acme_not_installed (named in {tmp_path / '.tffix.toml'}): no module named "
        "'acme_not_installed' (is it installed?)\n"
    )


def test_fmt_imports_no_plugin(tmp_path: Path) -> None:
    project(tmp_path, plugin="raise RuntimeError('must not be imported')\n")
    result = run_cli("fmt", "--check", ".", cwd=tmp_path)
    assert result.exit_code == 0, result.output


# -- the language server ------------------------------------------------------------


def test_language_server_reports_and_quick_fixes_a_plugin_rule_in_a_trusted_workspace(tmp_path: Path) -> None:
    from lsprotocol import types as lsp
    from test_lsp import Session, apply_text_edits, session, whole

    project(tmp_path)

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", MAIN)
        (diagnostic,) = await s.diagnostics(uri)
        assert (diagnostic.code, diagnostic.message) == ("ACME001", "bucket name lacks the acme- prefix")
        (action,) = await s.code_actions(uri, diagnostic.range, only=[lsp.CodeActionKind.QuickFix])
        assert apply_text_edits(MAIN, action.edit.changes[uri]) == FIXED
        (fix_all,) = await s.code_actions(uri, whole(MAIN), only=[lsp.CodeActionKind.SourceFixAll])
        assert apply_text_edits(MAIN, fix_all.edit.changes[uri]) == FIXED

    session(scenario, tmp_path, options={"tffix": {"enablePlugins": True}})


def test_language_server_imports_no_plugin_until_the_workspace_is_trusted(tmp_path: Path) -> None:
    from test_lsp import Session, session

    project(tmp_path, 'plugins = [".tffix/rules"]\nselect = ["ACME001", "TFX113"]\n')
    marker = tmp_path / "imported"
    plugin = tmp_path / ".tffix" / "rules" / "acme.py"
    plugin.write_text(f"open({str(marker)!r}, 'w').close()\n" + ACME, encoding="utf-8")
    text = MAIN.replace('"logs"', '"${var.name}"')

    async def scenario(s: Session) -> None:
        uri = s.open(tmp_path / "main.tf", text)
        assert [d.code for d in await s.diagnostics(uri)] == ["TFX113"]  # the file's settings, without the plugin
        assert any("names Python plugins (.tffix/rules), not loaded" in m for m in s.messages), s.messages

    session(scenario, tmp_path)
    assert not marker.exists()


def test_language_server_settings_with_a_broken_plugin_fall_back_to_the_defaults(tmp_path: Path) -> None:
    from tffix.lsp.config import EditorSettings, resolve_settings

    project(tmp_path, plugin="raise RuntimeError('boom')\n")
    trusted = EditorSettings.parse({"tffix": {"enablePlugins": True}})
    settings, problems = resolve_settings(tmp_path / "main.tf", [tmp_path], trusted)
    rules = tmp_path / ".tffix" / "rules"
    assert problems == [f"plugin '.tffix/rules': cannot import {rules}: RuntimeError: boom"]
    assert "ACME001" not in {rule.code for rule in settings.rules()} and settings.rules()
    settings, problems = resolve_settings(tmp_path / "main.tf", [tmp_path], EditorSettings())
    assert len(problems) == 1 and "names Python plugins (.tffix/rules), not loaded" in problems[0]
    assert EditorSettings.parse({"enablePlugins": "yes"}).problems == (
        "tffix setting 'enablePlugins': must be true or false",
    )
