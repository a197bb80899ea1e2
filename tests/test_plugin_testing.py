"""``tffix test`` and ``tffix.testing``: the examples and fixture folders of
a project's own rules and codemods, with the checks every case gets; and
tffix's own rules' examples, run through the same module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli

from tffix import testing
from tffix.rule import Example, Rule
from tffix.rules.registry import rule_classes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugins"
BASIC_AFTER = Path(".tffix") / "fixtures" / "quoted-bool" / "basic" / "after" / "main.tf"


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


#: rules whose examples create a file, which a one-file example cannot declare
_MAKES_FILES = {"TFX215"}


@pytest.mark.parametrize(
    "cls",
    [
        pytest.param(cls, marks=pytest.mark.xfail(strict=True, reason="its example creates variables.tf"))
        if cls.code in _MAKES_FILES
        else cls
        for cls in rule_classes()
    ],
    ids=lambda cls: cls.code,
)
def test_tffix_rules_pass_through_tffix_testing(cls: type[Rule]) -> None:
    results = testing.check_examples(cls)
    assert len(results) == len(cls.valid) + len(cls.invalid) > 0
    testing.assert_examples(cls)


def test_the_example_project_passes_tffix_test(tmp_path: Path) -> None:
    project = copy(tmp_path)
    result = run_cli("test", "-v", cwd=project)
    assert result.exit_code == 0, result.output
    assert "passed quoted-bool: invalid[0]" in result.stdout and "passed rename-tag/new-name" in result.stdout
    assert result.stderr.endswith("10 passed, 0 failed\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CI", None)
    process = subprocess.run(
        [sys.executable, "-m", "tffix", "test", ".tffix/fixtures"], cwd=project, env=env, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert process.returncode == 0 and process.stderr == "10 passed, 0 failed\n", process.stderr


def test_a_changed_expected_text_fails_with_a_diff_and_update_rewrites_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy(tmp_path)
    expected = project / BASIC_AFTER
    good = expected.read_text(encoding="utf-8")
    expected.write_text(good.replace("force_destroy = true", "force_destroy = false"), encoding="utf-8")
    result = run_cli("test", cwd=project)
    assert result.exit_code == 1
    assert (
        "FAILED quoted-bool/basic\n  main.tf differs from what is expected:\n  --- expected/main.tf\n" in result.stdout
    )
    assert (
        "  -  force_destroy = false # for the QA stack only\n  +  force_destroy = true # for the QA stack only\n"
        in (result.stdout)
    )
    monkeypatch.setenv("CI", "true")
    refused = run_cli("test", "--update", cwd=project)
    assert refused.exit_code == 2 and "refused when CI is set" in refused.output
    assert expected.read_text(encoding="utf-8") != good
    monkeypatch.delenv("CI")
    assert run_cli("test", "--update", cwd=project).exit_code == 0
    assert expected.read_text(encoding="utf-8") == good
    assert run_cli("test", cwd=project).exit_code == 0


def test_a_changed_embedded_example_fails(tmp_path: Path) -> None:
    project = copy(tmp_path)
    plugin = project / ".tffix" / "plugins" / "acme.py"
    source = plugin.read_text(encoding="utf-8")
    plugin.write_text(source.replace("'locals {\\n  tags = {\\n    Stage", "'locals {\\n  tags = {\\n    Phase"))
    result = run_cli("test", cwd=project)
    assert result.exit_code == 1 and "FAILED rename-tag: invalid[1]" in result.stdout
    assert '  -    Phase = "qa"\n  +    Stage = "qa"\n' in result.stdout


def test_a_fixture_folder_naming_no_rule_is_an_error(tmp_path: Path) -> None:
    project = copy(tmp_path)
    (project / ".tffix" / "fixtures" / "quoted-bools" / "x" / "before").mkdir(parents=True)
    result = run_cli("test", cwd=project)
    assert result.exit_code == 2 and "quoted-bools: names no rule or codemod" in result.output


BROKEN = textwrap.dedent('''\
    from tffix.api import Applicability, Edit, FixBuilder, Rule, Severity, fix, parse_block


    class DropsComment(Rule):
        """Drops a comment it was not asked to."""

        code = "ACME101"
        name = "drops-comment"
        severity = Severity.WARNING
        fixable = Applicability.SAFE

        def visit_Attribute(self, node, ctx):
            if node.name.text == "force_destroy" and node.trailing_comment:
                start = ctx.file.text.index(node.trailing_comment)
                edit = Edit(ctx.file.path, start - 1, start + len(node.trailing_comment), "")
                ctx.report(node, "comment", fix=fix("drop", Applicability.SAFE, edit))


    class AddsFile(Rule):
        """Writes a file of its own."""

        code = "ACME102"
        name = "adds-file"
        severity = Severity.WARNING
        fixable = Applicability.SAFE

        def visit_Block(self, node, ctx):
            if node.type.text == "resource" and "extra.tf" not in {p.name for p in ctx.module.files}:
                builder = FixBuilder(ctx.module, ctx.file)
                builder.new_file("extra.tf", parse_block("locals {}"))
                ctx.report(node, "file", fix=builder.build("file", Applicability.SAFE))
''')

BEFORE = 'resource "aws_s3_bucket" "a" {\n  force_destroy = true # keep me\n}\n'


def _rules(tmp_path: Path) -> dict[str, type[Rule]]:
    namespace: dict[str, object] = {}
    exec(compile(BROKEN, str(tmp_path / "broken.py"), "exec"), namespace)  # noqa: S102 - the test's own rules
    return {
        cls.code: cls
        for cls in namespace.values()
        if isinstance(cls, type) and issubclass(cls, Rule) and cls is not Rule
    }


def test_lost_comments_and_undeclared_files_fail_without_being_asked(tmp_path: Path) -> None:
    rules = _rules(tmp_path)
    dropped = BEFORE.replace(" # keep me", "")
    result = testing.run_case(rules["ACME101"], {"main.tf": BEFORE}, {"main.tf": dropped})
    assert result.problems == ["main.tf: comments lost: '# keep me'"]
    result = testing.run_case(rules["ACME102"], {"main.tf": BEFORE}, {"main.tf": BEFORE})
    assert result.problems == ["extra.tf: written, but the case declares no such file"]
    with pytest.raises(AssertionError, match="comments lost"):
        testing.assert_transforms(rules["ACME101"], BEFORE, dropped)


def test_examples_must_find_and_valid_texts_must_not(tmp_path: Path) -> None:
    rules = _rules(tmp_path)
    cls = rules["ACME101"]
    result = testing.run_case(cls, {"main.tf": BEFORE}, None, finding=False)
    assert result.problems[0] == "ACME101 reports main.tf:2:3: comment, but the case says it must not"
    result = testing.run_case(cls, {"main.tf": "locals {}\n"}, None, finding=True)
    assert result.problems == ["ACME101 reports nothing here, but the case says it must"]
    broken = type("Broken", (cls,), {"code": "ACME103", "name": "broken", "invalid": (Example("locals {}\n"),)})
    with pytest.raises(AssertionError, match=r"broken: invalid\[0\]:\nACME103 reports nothing here"):
        testing.assert_examples(broken)


GROWS = textwrap.dedent('''\
    from tffix.api import Applicability, FixBuilder, Rule, Severity


    class Grows(Rule):
        """Once per run: a fix a second run makes again."""

        code = "ACME104"
        name = "grows"
        severity = Severity.WARNING
        fixable = Applicability.SAFE

        def visit_Attribute(self, node, ctx):
            if node.name.text == "count" and not getattr(self, "done", False):
                self.done = True
                builder = FixBuilder(ctx.module, ctx.file)
                builder.wrap(node.value, "{0} + 1")
                ctx.report(node.value, "grow", fix=builder.build("grow", Applicability.SAFE))
''')


def test_a_second_run_that_changes_again_fails(tmp_path: Path) -> None:
    namespace: dict[str, object] = {}
    exec(compile(GROWS, str(tmp_path / "grows.py"), "exec"), namespace)  # noqa: S102 - the test's own rule
    grows = namespace["Grows"]
    assert isinstance(grows, type) and issubclass(grows, Rule)
    once = "locals {\n  count = 1 + 1\n}\n"
    result = testing.run_case(grows, {"main.tf": "locals {\n  count = 1\n}\n"}, {"main.tf": once})
    assert len(result.problems) == 1 and result.problems[0].startswith("main.tf: a second run changes it again:\n")
    assert "-  count = 1 + 1\n+  count = 1 + 1 + 1\n" in result.problems[0]


def test_tffix_test_takes_a_rules_folder_or_one_case(tmp_path: Path) -> None:
    project = copy(tmp_path)
    fixtures = Path(".tffix") / "fixtures"
    one_rule = run_cli("test", str(fixtures / "rename-tag"), cwd=project)
    assert one_rule.exit_code == 0 and one_rule.stderr == "7 passed, 0 failed\n", one_rule.output
    one_case = run_cli("test", "-v", str(fixtures / "quoted-bool" / "basic"), cwd=project)
    assert one_case.exit_code == 0 and "passed quoted-bool/basic\n" in one_case.stdout
    assert one_case.stderr == "6 passed, 0 failed\n"
