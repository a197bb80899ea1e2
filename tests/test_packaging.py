"""The wheel ships the grammar and works from an installed location."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_ships_grammar_and_parses_from_installed_package(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("tffix-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = zf.read("tffix/grammars/hcl.lark")
        assert "tffix/py.typed" in zf.namelist()
        snapshots = {Path(name).name for name in zf.namelist() if name.startswith("tffix/schema/snapshots/")}
    shipped_snapshots = {p.name for p in (ROOT / "tffix" / "schema" / "snapshots").glob("*.json.gz")}
    assert shipped_snapshots and shipped_snapshots <= snapshots
    assert shipped == (ROOT / "grammars" / "hcl.lark").read_bytes()

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
    )
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import tffix, importlib.resources as r;"
        "assert tffix.__file__.startswith(sys.argv[1]), tffix.__file__;"
        "assert r.files('tffix').joinpath('grammars').joinpath('hcl.lark').is_file();"
        "from tffix.schema import bundled; assert bundled('aws').block('resource', 'aws_instance');"
        "print(tffix.parse_module('a = [1, 2] # c\\n').code, end='')"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(site)], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert out.stdout == "a = [1, 2] # c\n"


def test_module_entry_point_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "tffix", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("tffix, version ")
