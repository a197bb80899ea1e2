"""Running rules the way `tffix apply` does, on in-memory modules, for the
rule example and golden tests."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from tffix.engine.run import ModuleRun, run_module
from tffix.fmt import format_source
from tffix.fmt.region import indent_unit
from tffix.settings import Settings
from tffix.syntax.errors import ParseError
from tffix.syntax.parser import parse_module

DIRECTORY = Path("module")


def golden_cases(golden: Path, names: Iterable[str]) -> list[tuple[str, str]]:
    """``(name, case)`` for every golden case of these rules or codemods:
    ``case.before.tf`` files and ``case/before/`` folders under ``golden/NAME``."""
    out = []
    for name in names:
        folder = golden / name
        if not folder.is_dir():
            continue
        out += [(name, p.name[: -len(".before.tf")]) for p in folder.glob("*.before.tf")]
        out += [(name, p.name) for p in folder.iterdir() if (p / "before").is_dir()]
    return sorted(out)


def read_dir(folder: Path) -> dict[str, str]:
    """The files of a golden case's folder, by name, as text."""
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(folder.iterdir()) if p.is_file()}


def settings_for(rule: str, options: dict[str, Any]) -> Settings:
    """Settings from a golden case's options file: `profile`, `unsafe-fixes`,
    `select`, and `[options]` for the rule under test."""
    known = {"profile", "unsafe-fixes", "select", "options"}
    unknown = set(options) - known
    assert not unknown, f"unknown keys in options file: {unknown}"
    return Settings(
        select=tuple(options.get("select", [rule])),
        profile=options.get("profile", "default"),
        unsafe_fixes=options.get("unsafe-fixes", False),
        options={rule: options.get("options", {})},
    )


def read_options(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}


def run(files: dict[str, str], settings: Settings, *, fix: bool = True, existing: tuple[str, ...] = ()) -> ModuleRun:
    texts = {DIRECTORY / name: text for name, text in files.items()}
    on_disk = frozenset(texts) | {DIRECTORY / name for name in existing}
    return run_module(DIRECTORY, texts, settings, fix=fix, existing=on_disk)


def outputs(result: ModuleRun) -> dict[str, str]:
    return {path.name: text for path, text in result.texts.items()}


def assert_sound(
    before: dict[str, str], after: dict[str, str], settings: Settings, *, existing: tuple[str, ...] = ()
) -> None:
    """What every fix must guarantee: output parses; files that were
    fmt-clean stay fmt-clean; a second run has nothing left to fix."""
    for name, text in after.items():
        if name.endswith(".tf"):
            parse_module(text, path=name)
            if name in before and fmt_clean(before[name]):
                assert format_source(text) == text, f"{name} is not fmt-clean after the fix:\n{text}"
            elif name not in before:
                # a new file: fmt-clean, in the indentation unit of the module's files
                sources = [t for k, t in before.items() if k.endswith(".tf")]
                units = {indent_unit(parse_module(t)) for t in sources if fmt_clean(t) is False} or {"  "}
                clean = format_source(text)
                assert any(clean == _in_unit(text, unit) for unit in units | {"  "}), (
                    f"{name} is neither fmt-clean nor fmt-clean in the module's indentation:\n{text}"
                )
                if all(fmt_clean(t) for t in sources):
                    assert clean == text, f"{name} is not fmt-clean in a fmt-clean module:\n{text}"
    again = run(after, settings, existing=existing)
    assert not again.internal_errors, again.internal_errors
    assert outputs(again) == after, "a second run changed the files again"


def _in_unit(text: str, unit: str) -> str:
    """``text`` with each level of ``unit`` at the start of a line made two spaces."""
    out = []
    for line in text.splitlines(keepends=True):
        depth = 0
        while unit and line.startswith(unit * (depth + 1)):
            depth += 1
        out.append("  " * depth + line[len(unit) * depth :])
    return "".join(out)


def fmt_clean(text: str) -> bool:
    """Whether ``text`` is what the formatter writes. Input Terraform rejects
    (a ParseError) is not clean; any other exception is a formatter bug and
    propagates, so it cannot switch the "stays fmt-clean" check off."""
    try:
        return format_source(text) == text
    except ParseError:
        return False
