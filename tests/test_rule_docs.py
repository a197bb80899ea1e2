"""docs/rules/ is generated from the rules and must not be stale."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_rule_pages_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
