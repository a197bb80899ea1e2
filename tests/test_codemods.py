"""``tffix codemod``: codemods from a plugin, run through the real command
line: listed, run in order, each to its fixed point, with typed options, and
with ``tffix apply``'s guarantees (re-parsed, a second run changes nothing,
a module's files written together, nothing written on error, exit codes)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import run_cli

CODEMODS = textwrap.dedent('''\
    from tffix.api import Applicability, Codemod, Example, FixBuilder, Option, key, literal_value, parse_expression


    class RenameTag(Codemod):
        """Rename a tag key in every `tags` object.

        ## What it does
        Renames the key `old` to `new` in `tags = {...}`.
        """

        name = "rename-tag"
        options = {
            "old": Option("Env", "The tag key to rename."),
            "new": Option("Environment", "Its new name."),
        }
        invalid = (Example('locals {\\n  tags = {\\n    Env = "qa"\\n  }\\n}\\n',
                           'locals {\\n  tags = {\\n    Environment = "qa"\\n  }\\n}\\n'),)

        def visit_ObjectItem(self, node, ctx):
            old, new = self.settings["old"], self.settings["new"]
            if node.key_name == old and any(getattr(a, "name", None) is not None and
                                             getattr(a.name, "text", None) == "tags" for a in ctx.ancestors):
                fix = FixBuilder(ctx.module, ctx.file)
                fix.replace(node.key, key(new))
                ctx.report(node.key, f"renamed tag {old} to {new}", fix=fix.build("rename", Applicability.SAFE))


    class RenameStage(RenameTag):
        """Rename the Stage tag to Phase."""

        name = "rename-stage"
        options = {
            "old": Option("Stage", "The tag key to rename."),
            "new": Option("Phase", "Its new name."),
        }
        invalid = ()


    class CountUp(Codemod):
        """Raise every `count` to `target`, one at a time."""

        name = "count-up"
        options = {"target": Option(3, "The count to reach."), "loud": Option(False, "Unused flag.")}

        def visit_Attribute(self, node, ctx):
            if node.name.text == "count":
                value = literal_value(node.value)
                if value < self.settings["target"]:
                    fix = FixBuilder(ctx.module, ctx.file)
                    fix.replace(node.value, parse_expression("{0}", value + 1))
                    ctx.report(node.value, f"count {value} -> {value + 1}", fix=fix.build("up", Applicability.UNSAFE))


    class Forever(Codemod):
        """Never done: a change that comes back."""

        name = "forever"

        def visit_Attribute(self, node, ctx):
            if node.name.text == "count":
                fix = FixBuilder(ctx.module, ctx.file)
                fix.replace(node.value, parse_expression("{0}", literal_value(node.value) + 1))
                ctx.report(node.value, "again", fix=fix.build("again", Applicability.SAFE))
''')

MAIN = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = {\n    Env  = "qa"\n    Team = "a"\n  }\n}\n'
RENAMED = MAIN.replace('Env  = "qa"\n    Team = "a"', 'Environment = "qa"\n    Team        = "a"')
COUNT = 'resource "null_resource" "n" {\n  count = 0\n}\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "codemods.py").write_text(CODEMODS, encoding="utf-8")
    (tmp_path / ".tffix.toml").write_text('plugins = ["mods"]\n', encoding="utf-8")
    (tmp_path / "main.tf").write_text(MAIN, encoding="utf-8")
    return tmp_path


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_list_names_each_codemod_its_options_and_source(project: Path) -> None:
    result = run_cli("codemod", "--list", cwd=project)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # tffix's own codemods first, then the plugins', names padded to the longest
    assert lines[0].startswith("aws-s3-bucket-v4  Upgrade `aws_s3_bucket` to AWS provider v4")
    assert lines[0].endswith("(options: import=False)")
    assert lines[1] == (
        "rename-tag        Rename a tag key in every `tags` object.  (options: old='Env', new='Environment')"
        f"  [plugin: {project / 'mods'}]"
    )
    assert [line.split()[0] for line in lines] == [
        "aws-s3-bucket-v4",
        "rename-tag",
        "rename-stage",
        "count-up",
        "forever",
    ]
    isolated = run_cli("codemod", "--list", "--isolated", cwd=project)
    assert isolated.exit_code == 0 and "rename-tag" not in isolated.output


def test_codemod_rewrites_in_the_files_style_and_a_second_run_changes_nothing(project: Path) -> None:
    diff = run_cli("codemod", "rename-tag", "--diff", cwd=project)
    assert diff.exit_code == 1 and '+    Environment = "qa"\n+    Team        = "a"\n' in diff.stdout
    assert read(project / "main.tf") == MAIN
    result = run_cli("codemod", "rename-tag", ".", cwd=project)
    assert result.exit_code == 0, result.output
    assert read(project / "main.tf") == RENAMED
    again = run_cli("codemod", "rename-tag", cwd=project)
    assert again.exit_code == 0 and "rename-tag: nothing to change." in again.output


def test_crlf_and_tabs_are_kept(project: Path) -> None:
    text = 'locals {\r\n\ttags = {\r\n\t\tEnv = "qa"\r\n\t}\r\n}\r\n'
    (project / "main.tf").write_bytes(text.encode())
    assert run_cli("codemod", "rename-tag", cwd=project).exit_code == 0
    assert read(project / "main.tf") == text.replace("Env", "Environment")


def test_options_are_typed_and_checked(project: Path) -> None:
    result = run_cli("codemod", "rename-tag", "-o", "old=Team", "--option", "new=Owner", ".", cwd=project)
    assert result.exit_code == 0, result.output
    assert '    Owner = "a"\n' in read(project / "main.tf")
    (project / "main.tf").write_text(COUNT, encoding="utf-8")
    assert run_cli("codemod", "count-up", "-o", "target=5", "-o", "loud=true", cwd=project).exit_code == 0
    assert read(project / "main.tf") == COUNT.replace("0", "5")
    for option, message in (
        ("target=five", "--option 'target=five': not a int"),
        ("loud=maybe", "--option 'loud=maybe': must be true or false"),
        ("colour=red", "--option 'colour=red': none of count-up has an option 'colour'"),
        ("target=1.5", "--option: codemod count-up option target must be a int, not float"),
        ("rename-tag.old=x", "--option 'rename-tag.old=x': codemod rename-tag has an option 'old'"),
        ("novalue", "--option 'novalue': write KEY=VALUE"),
    ):
        bad = run_cli("codemod", "count-up", "-o", option, cwd=project)
        assert bad.exit_code == 2 and message in bad.output, (option, bad.output)


def test_several_codemods_run_in_order_and_name_key_picks_one(project: Path) -> None:
    (project / "main.tf").write_text(MAIN.replace("Team", "Stage"), encoding="utf-8")
    # rename-tag makes Env Environment; rename-stage then makes Stage Phase
    result = run_cli("codemod", "rename-tag", "rename-stage", "-o", "rename-tag.new=Stage", ".", cwd=project)
    assert result.exit_code == 0, result.output
    assert "Phase" in read(project / "main.tf") and "Stage" not in read(project / "main.tf")
    # the other order: rename-stage finds Stage only once rename-tag made it, after it ran
    (project / "main.tf").write_text(MAIN.replace("Team", "Other"), encoding="utf-8")
    assert run_cli("codemod", "rename-stage", "rename-tag", "-o", "rename-tag.new=Stage", cwd=project).exit_code == 0
    assert '    Stage = "qa"\n' in read(project / "main.tf")


def test_each_codemod_runs_to_its_fixed_point(project: Path) -> None:
    (project / "main.tf").write_text(COUNT, encoding="utf-8")
    result = run_cli("codemod", "count-up", "--show-changes", cwd=project)
    assert result.exit_code == 0, result.output
    assert read(project / "main.tf") == COUNT.replace("0", "3")
    assert [line.split(": ", 2)[2] for line in result.stderr.splitlines()[:3]] == [
        "count 0 -> 1",
        "count 1 -> 2",
        "count 2 -> 3",
    ]


def test_nothing_is_written_when_any_module_fails(project: Path) -> None:
    (project / "other").mkdir()
    (project / "other" / "main.tf").write_text(COUNT, encoding="utf-8")
    (project / "broken").mkdir()
    (project / "broken" / "main.tf").write_text("resource {\n", encoding="utf-8")
    result = run_cli("codemod", "rename-tag", ".", cwd=project)
    assert result.exit_code == 2 and "broken/main.tf:" in result.output
    assert "Nothing written" in result.output and read(project / "main.tf") == MAIN
    (project / "broken" / "main.tf").unlink()
    result = run_cli("codemod", "rename-tag", "forever", ".", cwd=project)
    assert result.exit_code == 2
    assert (
        "main.tf:2:11: internal error in forever (forever): the finding is still there after its fix" in result.output
    )
    assert read(project / "main.tf") == MAIN and read(project / "other" / "main.tf") == COUNT


def test_jobs_stdin_and_unknown_names(project: Path) -> None:
    for name in "abcd":
        (project / name).mkdir()
        (project / name / "main.tf").write_text(MAIN, encoding="utf-8")
    serial = run_cli("codemod", "rename-tag", "--diff", "-j", "1", cwd=project)
    parallel = run_cli("codemod", "rename-tag", "--diff", "-j", "2", cwd=project)
    assert serial.exit_code == parallel.exit_code == 1 and serial.output == parallel.output
    assert serial.stdout.count("+    Environment") == 5
    piped = run_cli("codemod", "rename-tag", "-", "--stdin-filename", "x/main.tf", stdin=MAIN, cwd=project)
    assert piped.exit_code == 0 and piped.stdout == RENAMED
    unknown = run_cli("codemod", "nope", cwd=project)
    assert unknown.exit_code == 2 and "no codemod named: 'nope' is none of them" in unknown.output


def test_explain_a_codemod(project: Path) -> None:
    result = run_cli("explain", "rename-tag", cwd=project)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# codemod rename-tag\n\nRun it with `tffix codemod rename-tag`. Source: plugin ")
    assert "## What it does" in result.stdout and "- `old` (default 'Env'): The tag key to rename." in result.stdout


def test_a_failing_codemod_stops_the_ones_after_it(project: Path) -> None:
    (project / "main.tf").write_text(MAIN + COUNT, encoding="utf-8")
    result = run_cli("codemod", "forever", "rename-tag", ".", cwd=project)
    assert result.exit_code == 2 and "internal error in forever" in result.output
    assert read(project / "main.tf") == MAIN + COUNT  # nothing written, rename-tag not run after the failure
