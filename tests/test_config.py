"""Configuration files: discovery, validation, per-path overrides, and how
the command line wins over them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from tffix.config import ConfigError, find_config, load_config

TAGGED = 'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "prod"\n  }\n}\n'
BACKEND = 'terraform {\n  backend "s3" {\n    bucket = "state-${var.env}"\n  }\n}\n'


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_nearest_file_wins_and_pyproject_needs_the_tool_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None
    _write(tmp_path / "pyproject.toml", "[tool.tffix]\nignore = ['TFX101']\n")
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_config(tmp_path / "a" / "b") == tmp_path / "pyproject.toml"
    _write(tmp_path / "a" / ".tffix.toml", "ignore = ['TFX102']\n")
    assert find_config(tmp_path / "a" / "b") == tmp_path / "a" / ".tffix.toml"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("bogus = 1\n", "bogus"),
        ("profile = 'prod'\n", "profile"),
        ("select = ['TFX999']\n", "select"),
        ("ignore = ['TFX9']\n", "ignore"),
        ("unsafe-fixes = 'yes'\n", "unsafe-fixes"),
        ("[rules.TFX103]\nstrategy = 'delete'\n", "rules.TFX103"),
        ("[rules.TFX101]\nkeys = 'Environment'\n", "rules.TFX101"),
        ("[rules.TFX101]\nnope = 1\n", "rules.TFX101"),
        ("[[overrides]]\nprofile = 'ephemeral'\n", "paths"),
        ("exclude = 'x'\n", "exclude"),
        ("select = [\n", "TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path / ".tffix.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and key in str(error.value)


def test_bad_config_is_exit_2_and_nothing_written(tmp_path: Path) -> None:
    _write(tmp_path / ".tffix.toml", "bogus = 1\n")
    main_tf = _write(tmp_path / "main.tf", TAGGED)
    result = run_cli("apply", str(tmp_path))
    assert result.exit_code == 2 and "unknown key 'bogus'" in result.output
    assert main_tf.read_text() == TAGGED


def test_config_selects_ignores_and_sets_rule_options(tmp_path: Path) -> None:
    _write(tmp_path / "main.tf", TAGGED + BACKEND)
    _write(tmp_path / ".tffix.toml", "ignore = ['hardcoded-environment-tag']\n")
    out = run_cli("check", str(tmp_path)).output
    assert "TFX101" not in out and "TFX103" in out
    _write(tmp_path / ".tffix.toml", "select = ['ALL']\nignore = ['TFX10', 'TFX2', 'TFX3', 'TFX4']\n")
    out = run_cli("check", str(tmp_path)).output
    assert "TFX10" not in out and "Found 0 findings" in out
    _write(
        tmp_path / ".tffix.toml", "unsafe-fixes = true\n[rules.backend-with-dynamic-values]\nstrategy = 'comment-out'\n"
    )
    run_cli("apply", str(tmp_path))
    assert '# backend "s3" {' in (tmp_path / "main.tf").read_text()


def test_overrides_apply_per_folder_and_flags_win(tmp_path: Path) -> None:
    _write(tmp_path / ".tffix.toml", "[[overrides]]\npaths = ['envs/qa']\nprofile = 'ephemeral'\n")
    qa = _write(tmp_path / "envs" / "qa" / "main.tf", BACKEND)
    prod = _write(tmp_path / "envs" / "prod" / "main.tf", BACKEND)
    run_cli("apply", str(tmp_path))
    assert "# backend" in qa.read_text()  # ephemeral intends the comment-out
    assert prod.read_text() == BACKEND  # default: unsafe, not applied
    info = json.loads(run_cli("config", str(tmp_path / "envs" / "qa")).output)
    assert info["profile"] == "ephemeral" and info["config_file"] == str(tmp_path / ".tffix.toml")
    assert run_cli("check", "--profile", "default", str(tmp_path / "envs" / "qa")).exit_code == 0


def test_exclude_globs_and_isolated(tmp_path: Path) -> None:
    _write(tmp_path / ".tffix.toml", "exclude = ['legacy/**']\n")
    _write(tmp_path / "legacy" / "main.tf", TAGGED)
    assert "TFX101" not in run_cli("check", str(tmp_path)).output
    assert "TFX101" in run_cli("check", "--isolated", str(tmp_path)).output


def test_explicit_config_path(tmp_path: Path) -> None:
    _write(tmp_path / "main.tf", TAGGED)
    other = _write(tmp_path / "elsewhere.toml", "ignore = ['TFX101']\n")
    assert "TFX101" in run_cli("check", str(tmp_path)).output
    assert "TFX101" not in run_cli("check", "--config", str(other), str(tmp_path)).output


def test_config_command_reports_bad_files_with_exit_2(tmp_path: Path) -> None:
    _write(tmp_path / ".tffix.toml", "profile = 'nope'\n")
    result = run_cli("config", str(tmp_path))
    assert result.exit_code == 2 and "profile" in result.output


def test_language_server_reads_the_same_files(tmp_path: Path) -> None:
    from tffix.lsp.config import load_file_config

    assert load_file_config(tmp_path, tmp_path / "main.tf") is None
    _write(tmp_path / ".tffix.toml", "ignore = ['TFX101']\n[[overrides]]\npaths = ['qa']\nprofile = 'ephemeral'\n")
    got = load_file_config(tmp_path, tmp_path / "qa" / "main.tf")
    assert got is not None and got["profile"] == "ephemeral" and got["ignore"] == ("TFX101",)
    _write(tmp_path / ".tffix.toml", "bogus = 1\n")
    with pytest.raises(ValueError, match="bogus"):
        load_file_config(tmp_path, tmp_path / "main.tf")


@pytest.mark.parametrize(
    ("patterns", "excluded", "kept"),
    [
        (["main.tf"], ["main.tf", "m/main.tf", "a/b/main.tf"], ["m/other.tf", "main.tf.bak"]),
        (["/main.tf"], ["main.tf"], ["m/main.tf"]),
        (["legacy/**"], ["legacy/a.tf", "legacy/x/b.tf"], ["new/legacy/a.tf", "legacy.tf"]),
        (["legacy/"], ["legacy/a.tf", "x/legacy/b.tf"], ["legacy.tf"]),
        (["generated_*.tf", "!generated_keep.tf"], ["generated_a.tf", "m/generated_b.tf"], ["m/generated_keep.tf"]),
        (["envs/*/gen.tf"], ["envs/qa/gen.tf"], ["envs/qa/x/gen.tf", "gen.tf"]),
    ],
)
def test_exclude_patterns_match_as_gitignore_does(
    tmp_path: Path, patterns: list[str], excluded: list[str], kept: list[str]
) -> None:
    config = load_config(_write(tmp_path / ".tffix.toml", f"exclude = {patterns!r}\n"))
    for name in excluded:
        assert config.excludes(tmp_path / name), name
    for name in kept:
        assert not config.excludes(tmp_path / name), name


def test_exclude_applies_to_fmt_check_and_apply_alike(tmp_path: Path) -> None:
    _write(tmp_path / ".tffix.toml", "exclude = ['main.tf']\n")
    nested = _write(tmp_path / "m" / "main.tf", TAGGED.replace(" = ", "="))
    other = _write(tmp_path / "m" / "other.tf", "a=1\n")
    assert "TFX101" not in run_cli("check", str(tmp_path / "m")).output
    result = run_cli("fmt", "--recursive", str(tmp_path))
    assert result.exit_code == 0 and result.output.splitlines() == [str(other)]
    assert other.read_text() == "a = 1\n" and "=" in nested.read_text() and " = " not in nested.read_text()
    # named on the command line, an excluded file is still left alone (pre-commit names every file)
    assert run_cli("fmt", "--check", str(nested)).exit_code == 0
    assert run_cli("fmt", "--check", "--isolated", str(nested)).exit_code == 1


def test_a_bad_exclude_pattern_is_a_config_error(tmp_path: Path) -> None:
    _write(tmp_path / ".tffix.toml", "exclude = ['!']\n")  # negates nothing: git refuses it too
    with pytest.raises(ConfigError, match="exclude"):
        load_config(tmp_path / ".tffix.toml")


def test_find_config_asks_about_each_folder_once_per_run(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "c").mkdir()
    (tmp_path / ".tffix.toml").write_text("")
    seen: dict[Path, Path | None] = {}
    assert find_config(tmp_path / "a" / "b", seen=seen) == tmp_path / ".tffix.toml"
    assert seen[(tmp_path / "a").resolve()] == tmp_path / ".tffix.toml"
    (tmp_path / "a" / ".tffix.toml").write_text("")  # appears mid-run: the run keeps its answer for a/
    assert find_config(tmp_path / "a" / "c", seen=seen) == tmp_path / ".tffix.toml"
    assert find_config(tmp_path / "a" / "c") == tmp_path / "a" / ".tffix.toml"  # a new run looks again
