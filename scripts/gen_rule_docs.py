#!/usr/bin/env python3
"""Write docs/rules/ from the rules' own docs (one page per rule and an index).

    python3 scripts/gen_rule_docs.py          # rewrite the pages
    python3 scripts/gen_rule_docs.py --check  # exit 1 when a page is stale

tests/test_rule_docs.py runs the check, so the pages never drift from the code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tffix.context.suppressions import PEERS
from tffix.rules.profiles import PROFILES
from tffix.rules.registry import rule_classes

DOCS = ROOT / "docs" / "rules"


def page(cls: type) -> str:
    fix = cls.fixable.value if cls.fixable else "none (reported only)"
    profiles = ", ".join(name for name, p in PROFILES.items() if p.runs(cls.name)) or "none (opt-in: `--select`)"
    lines = [f"# {cls.code} `{cls.name}`", "", f"{cls.summary()}.", "",
             f"- Severity: {cls.severity.value}", f"- Fix: {fix}", f"- Profiles: {profiles}", ""]  # fmt: skip
    body = cls.docs().split("\n", 1)[1].strip() if "\n" in cls.docs() else ""
    lines.append(body)
    if cls.options:
        lines += ["", "## Options", ""]
        lines += [f"- `{key}` (default `{option.default!r}`): {option.help}" for key, option in cls.options.items()]
    peers = PEERS.get(cls.code, ())
    if peers:
        lines += ["", "## Peer IDs", ""]
        lines.append(
            "Other tools report the same pattern as " + ", ".join(f"`{peer}`" for peer in peers) + "; their "
            "suppression comments (`checkov:skip=`, `trivy:ignore:`, `tflint-ignore:`) suppress this rule too."
        )
    return "\n".join(lines).rstrip() + "\n"


def pages() -> dict[str, str]:
    out = {}
    rows = ["# Rules", "", "Generated from the rules' docs by `scripts/gen_rule_docs.py`; `tffix explain CODE` prints the same.", "",
            "| code | name | severity | fix | summary |", "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for cls in rule_classes():
        name = f"{cls.code}-{cls.name}.md"
        out[name] = page(cls)
        fix = cls.fixable.value if cls.fixable else "none"
        rows.append(f"| [{cls.code}]({name}) | `{cls.name}` | {cls.severity.value} | {fix} | {cls.summary()} |")
    out["README.md"] = "\n".join(rows) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when docs/rules/ is stale; write nothing")
    args = ap.parse_args(argv)
    wanted = pages()
    present = {p.name: p.read_text("utf-8") for p in DOCS.glob("*.md")} if DOCS.is_dir() else {}
    stale = sorted(name for name in set(wanted) | set(present) if wanted.get(name) != present.get(name))
    if args.check:
        for name in stale:
            print(f"docs/rules/{name} is stale: run scripts/gen_rule_docs.py")
        return 1 if stale else 0
    DOCS.mkdir(parents=True, exist_ok=True)
    for name in stale:
        if name in wanted:
            (DOCS / name).write_text(wanted[name], "utf-8")
        else:
            (DOCS / name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
