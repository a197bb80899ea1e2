"""The pre-commit hooks, run for real with `pre-commit try-repo` against a
temporary git repository (pre-commit installs tffix from this checkout)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

UGLY = 'resource "aws_s3_bucket_lifecycle_configuration" "a" {\n  bucket = "x"\n  rule {\n    id = "r"\n    status = "Enabled"\n  }\n}\n'


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed to test the pre-commit hooks")
    repo = tmp_path_factory.mktemp("project")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def _try(project: Path, hook: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    (project / "main.tf").write_text(UGLY)
    subprocess.run(["git", "add", "main.tf"], cwd=project, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(env_home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", "main.tf", "--color", "never"],
        cwd=project, env=env, check=False, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_hooks_format_check_and_fix(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")  # one environment for all three hooks
    fmt = _try(project, "tffix-fmt", home)
    assert fmt.returncode == 1, fmt.stdout + fmt.stderr  # files were modified
    assert '    id     = "r"' in (project / "main.tf").read_text()

    check = _try(project, "tffix-check", home)
    assert check.returncode == 1 and "TFX102" in check.stdout, check.stdout + check.stderr
    assert (project / "main.tf").read_text() == UGLY  # check writes nothing

    apply = _try(project, "tffix-apply", home)
    assert apply.returncode == 1, apply.stdout + apply.stderr  # modified files fail the hook, as fixers do
    assert "filter {}" in (project / "main.tf").read_text()
