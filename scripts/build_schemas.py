#!/usr/bin/env python3
"""Build the provider schema snapshots tffix ships (tffix/schema/snapshots/).

Each input is one of:

- ``npm:NAME[@SPEC]``: the prebuilt CDK-for-Terraform package
  ``@cdktf/provider-NAME`` from npm (``npm pack``; ``@19`` picks a major
  of the package, hence an older provider), read by ``tffix.schema.cdktf``;
- a ``.tgz`` of such a package, or its unpacked folder;
- a ``.json`` file printed by ``terraform providers schema -json``
  (give each provider's version with ``--version NAME=VERSION``).

All go through one path: package -> the schema JSON document ->
``snapshot_from_schema_json`` -> ``NAME-VERSION.json.gz``. The provider's
source is ``hashicorp/NAME`` unless ``--source NAME=NS/NAME`` says otherwise.

    python scripts/build_schemas.py npm:aws npm:random npm:null
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tffix.schema.cdktf import read_package, schema_json_from_cdktf
from tffix.schema.snapshot import dump_snapshot, snapshot_from_schema_json

OUT = ROOT / "tffix" / "schema" / "snapshots"


def _npm_pack(spec: str, folder: Path) -> Path:
    name, _, version = spec.partition("@")
    package = f"@cdktf/provider-{name}" + (f"@{version}" if version else "")
    out = subprocess.run(
        ["npm", "pack", package, "--pack-destination", str(folder)], capture_output=True, text=True, check=True
    )
    return folder / out.stdout.strip().splitlines()[-1]


def snapshots(item: str, folder: Path, versions: dict[str, str], sources: dict[str, str]) -> Iterator[dict[str, Any]]:
    """The snapshots one input yields (the path the tests take too)."""
    if item.endswith(".json"):
        doc = json.loads(Path(item).read_text("utf-8"))
        yield from snapshot_from_schema_json(doc, versions, origin=f"schema JSON {Path(item).name}")
        return
    if item.startswith("npm:"):
        path = _npm_pack(item[4:], folder)
    else:
        path = Path(item)
    package = read_package(path)
    name = str(package.assembly.get("name", "")).removeprefix("@cdktf/provider-")
    source = sources.get(name, f"hashicorp/{name}")
    mismatches: list[str] = []
    doc, version = schema_json_from_cdktf(package, source, mismatches)
    if mismatches:
        raise SystemExit(f"{item}: names that disagree with the docs links: {'; '.join(mismatches[:10])}")
    origin = f"npm {package.assembly.get('name')} {package.assembly.get('version')}"
    yield from snapshot_from_schema_json(doc, {source: version, **versions}, origin=origin)


def _pairs(values: list[str]) -> dict[str, str]:
    return dict(v.split("=", 1) for v in values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="npm:NAME[@SPEC], a package .tgz or folder, or a schema .json")
    parser.add_argument("--out", type=Path, default=OUT, help="where the snapshots go")
    parser.add_argument("--version", action="append", default=[], metavar="NAME=VERSION")
    parser.add_argument("--source", action="append", default=[], metavar="NAME=NS/NAME")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for item in args.inputs:
            for snapshot in snapshots(item, Path(tmp), _pairs(args.version), _pairs(args.source)):
                if not snapshot["version"]:
                    parser.error(f"{item}: no version for {snapshot['name']}: give --version {snapshot['name']}=X.Y.Z")
                target = args.out / f"{snapshot['name']}-{snapshot['version']}.json.gz"
                data = dump_snapshot(snapshot)
                target.write_bytes(data)
                print(
                    f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
                    f"{len(snapshot['resources'])} resources, {len(snapshot['data_sources'])} data sources, "
                    f"{len(data) / 1024:.0f} KiB"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
