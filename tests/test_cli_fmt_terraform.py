"""`tffix fmt` in place of `terraform fmt` in scripts written for it: Terraform's
option spellings, its exit code 3, its diff labels (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st
from oracles import TERRAFORM

from tffix.cli.terraform_args import terraform_fmt_args


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-check", "-recursive", "-diff"], ["--check", "--recursive", "--diff"]),
        (["-list=false", "-write=false"], ["--no-list", "--no-write"]),
        (["-list=true", "-write=1", "-check=T"], ["--list", "--write", "--check"]),
        (["-check=false", "-diff=0", "-recursive=F", "-no-color=FALSE"], []),
        (["-no-color", "dir"], ["--no-color", "dir"]),
        (["--check", "--list=false", "--diff=true"], ["--check", "--no-list", "--diff"]),
        (["-r", "--no-write", "-", "main.tf"], ["-r", "--no-write", "-", "main.tf"]),
        (["-check", "--", "-diff"], ["--check", "--", "-diff"]),  # after --, a path
        (["---check", "-checks", "-bogus"], ["---check", "-checks", "-bogus"]),  # click's to refuse
    ],
)
def test_terraform_spellings_become_tffix_options(args: list[str], expected: list[str]) -> None:
    assert terraform_fmt_args(args) == expected


def test_a_bad_boolean_is_a_usage_error() -> None:
    with pytest.raises(click.UsageError, match="invalid boolean value 'maybe' for -check"):
        terraform_fmt_args(["-check=maybe"])
    result = run_cli("fmt", "-list=nope", ".")
    assert result.exit_code == 2
    assert "Usage: " in result.output and "invalid boolean value 'nope' for -list" in result.output


_WORDS = st.sampled_from(
    [
        "-check",
        "-diff",
        "-list=false",
        "-write=true",
        "--list",
        "--no-write",
        "-r",
        "-",
        "--",
        "a.tf",
        "-x",
        "-no-color",
    ]
)


@given(st.lists(_WORDS, max_size=8))
def test_translating_twice_changes_nothing_more(args: list[str]) -> None:
    """tffix's own spellings are never rewritten, so a translated command line
    is a fixed point (and no argument after ``--`` is ever touched)."""
    once = terraform_fmt_args(args)
    assert terraform_fmt_args(once) == once
    if "--" in args:
        assert once[once.index("--") :] == args[args.index("--") :]


def test_unknown_single_dash_options_are_still_refused() -> None:
    result = run_cli("fmt", "-bogus", ".")
    assert result.exit_code == 2 and "No such option" in result.output


def test_terraform_exit_codes_flag_and_config_key(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("a=1\n")
    assert run_cli("fmt", "-check", str(tmp_path)).exit_code == 1
    assert run_cli("fmt", "--terraform-exit-codes", "-check", str(tmp_path)).exit_code == 3
    (tmp_path / ".tffix.toml").write_text("[fmt]\nterraform-exit-codes = true\n")
    assert run_cli("fmt", "-check", ".", cwd=tmp_path).exit_code == 3
    assert run_cli("fmt", "--no-terraform-exit-codes", "-check", ".", cwd=tmp_path).exit_code == 1
    assert run_cli("fmt", "--isolated", "-check", ".", cwd=tmp_path).exit_code == 1
    # only "would change" becomes 3; clean stays 0 and errors stay 2
    (tmp_path / "main.tf").write_text("a = 1\n")
    assert run_cli("fmt", "-check", ".", cwd=tmp_path).exit_code == 0
    (tmp_path / "main.tf").write_text("a = \n")
    assert run_cli("fmt", "-check", ".", cwd=tmp_path).exit_code == 2


def test_a_bad_fmt_table_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".tffix.toml").write_text("[fmt]\nterraform-exit-codes = 'yes'\n")
    result = run_cli("fmt", ".", cwd=tmp_path)
    assert result.exit_code == 2 and "fmt: terraform-exit-codes: must be true or false" in result.output
    (tmp_path / ".tffix.toml").write_text("[fmt]\nexit-codes = true\n")
    result = run_cli("fmt", ".", cwd=tmp_path)
    assert result.exit_code == 2 and "unknown key 'exit-codes'" in result.output


# A CI step written for `terraform fmt`, run once with the real binary and
# once with `tffix` in its place (a `terraform` on PATH that runs tffix).
SCRIPT = """\
set -u
terraform fmt -check -recursive -diff; echo "rc=$?"
terraform fmt -check -recursive -diff -no-color modules; echo "rc=$?"
terraform fmt -list=false -write=false; echo "rc=$?"
terraform fmt -check -list=false modules/net; echo "rc=$?"
terraform fmt -check=true -diff=true -write=false modules/net/main.tf; echo "rc=$?"
terraform fmt -write=false -diff; echo "rc=$?"
terraform fmt -recursive -list=false modules; echo "rc=$?"
terraform fmt -recursive; echo "rc=$?"
terraform fmt -check -recursive -diff; echo "rc=$?"
mkdir broken && printf 'a=1\n' > broken/a_good.tf && printf 'a = \n' > broken/b_bad.tf
terraform fmt -diff broken; echo "rc=$?"
"""

TREE = {
    "main.tf": 'resource "a" "b" {\nx=1\nlonger_name = "${var.y}"\n}\n',
    "vars.tfvars": 'region="eu"\nzone = 1\n',
    "clean.tf": "a = 1\n",
    "config.tf.json": '{"a":1}\n',
    ".hidden/skip.tf": "a=1\n",
    "modules/net/main.tf": 'variable "v" {\ntype = "string"\n}\nlocals {\n  a = 1\n  bb = 2\n}\n',
    "modules/net/ok.tf": "b = 2\n",
    "modules/db/x.tf": "a =   {\nb=1\n  c = 2}\n",
    "modules/db/nl.tf": "d=4",
}


def _tree(root: Path) -> None:
    for name, text in TREE.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())


def _run_script(work: Path, terraform_dir: Path) -> tuple[str, dict[str, bytes]]:
    env = {**os.environ, "PATH": f"{terraform_dir}{os.pathsep}{os.environ['PATH']}", "CHECKPOINT_DISABLE": "1"}
    env.pop("CI", None)
    proc = subprocess.run(
        ["sh", "-c", SCRIPT], cwd=work, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    files = {str(p.relative_to(work)): p.read_bytes() for p in sorted(work.rglob("*")) if p.is_file()}
    return proc.stdout, files


def _terraform_shim(folder: Path, command: str) -> Path:
    """A folder holding a ``terraform`` that runs ``command`` (``$@``: its arguments)."""
    folder.mkdir()
    shim = folder / "terraform"
    shim.write_text(f'#!/bin/sh\ncommand="$1"\nshift\nexec {command}\n')
    shim.chmod(0o755)
    return folder


@pytest.mark.parametrize("how", ["config key", "flag"])
def test_a_script_for_terraform_fmt_runs_unchanged_with_tffix(tmp_path: Path, how: str) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    for work in (ours, theirs):
        _tree(work)
    tffix = f"{sys.executable} -m tffix"
    if how == "config key":  # a hidden file, which terraform fmt never reads
        (ours / ".tffix.toml").write_text("[fmt]\nterraform-exit-codes = true\n")
        shim = _terraform_shim(tmp_path / "bin-ours", f'{tffix} "$command" "$@"')
    else:  # `terraform fmt ARGS` runs `tffix fmt --terraform-exit-codes ARGS`
        shim = _terraform_shim(tmp_path / "bin-ours", f'{tffix} "$command" --terraform-exit-codes "$@"')
    real = _terraform_shim(tmp_path / "bin-theirs", f'{TERRAFORM} "$command" "$@"')
    their_output, their_files = _run_script(theirs, real)
    our_output, our_files = _run_script(ours, shim)
    our_files.pop(".tffix.toml", None)
    # the script's own checks: what the comparison covers
    assert their_output.count("rc=3") == 4 and their_output.endswith("+a = 1\nrc=2\n"), their_output
    assert "--- old/main.tf\n" in their_output
    assert our_output == their_output
    assert our_files == their_files
