"""No step of ``check``, ``fmt --check`` or ``apply`` grows faster than the file
(issue 17, item 5): a 20 MB file must not take hours because each finding
redoes work over the whole file.

Time is not measured (it moves with the machine's load); work is: the number
of function calls (Python functions and C built-ins alike) that cProfile
counts while the command runs in this process on generated files of 1, 4 and
16 units (``tests/large_files.py``: several rules' findings in every unit).
That count is the same on every run, so the bound can be tight: a linear
command makes about 4x the calls on 4x the file (less, for the fixed costs),
while one step per finding over the whole file makes the ratio head for 16x
(and did: ``check`` took 58 s on 1 MB when the indentation unit was worked
out again for every fix). What calls cannot see, a C built-in going over the
whole text once per finding, is held by the tests of the caches that
prevent it (``Lines.of``, ``newline_style``) in tests/test_text.py.
"""

from __future__ import annotations

import cProfile
import itertools
import pstats
from pathlib import Path

import pytest
from click.testing import CliRunner
from large_files import module_of_units

from tffix.cli import main

#: Generator units per step: 1, 4 and 16 steps make files of about 5, 21 and 84 KB.
STEP = 2
#: Calls on 4x the file over calls on the file: linear work gives at most 4.
BOUND = 4.4

COMMANDS = {
    "check": ["check", "--no-cache", "--jobs", "1"],
    "fmt": ["fmt", "--check", "--no-cache"],
    "apply": ["apply", "--no-cache", "--jobs", "1"],
}


def _text(steps: int) -> str:
    return module_of_units(STEP * steps)


def _calls(args: list[str], folder: Path, steps: int) -> dict[tuple[str, int, str], int]:
    """Calls per function while ``tffix ARGS folder`` runs on ``steps`` steps."""
    (folder / "main.tf").write_text(_text(steps), encoding="utf-8")
    profile = cProfile.Profile()
    profile.enable()
    try:
        result = CliRunner().invoke(main, [*args, str(folder)])
    finally:
        profile.disable()
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output  # 1: findings or files to format
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return {key: value[1] for key, value in stats.items()}


def test_the_generated_files_grow_by_four_and_have_findings(tmp_path: Path) -> None:
    sizes = [len(_text(steps)) for steps in (1, 4, 16)]
    assert 3.5 < sizes[1] / sizes[0] < sizes[2] / sizes[1] < 4  # the fixed head aside, 4x
    (tmp_path / "main.tf").write_text(_text(1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--statistics", str(tmp_path)])
    assert result.exit_code == 1
    for code in ("TFX101", "TFX113", "TFX114", "TFX119"):
        assert code in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_work_grows_linearly_with_the_file(command: str, tmp_path: Path) -> None:
    args = COMMANDS[command]
    # imports, parser tables: not part of the growth; another text than the measured
    # ones, so that no cache keyed by text makes the smallest run look cheap
    _calls(args, tmp_path, 2)
    counts = [_calls(args, tmp_path, steps) for steps in (1, 4, 16)]
    totals = [sum(c.values()) for c in counts]
    ratios = [b / a for a, b in itertools.pairwise(totals)]
    # the functions whose calls grew most beyond 4x, to say where the fault is
    small, large = counts[1], counts[2]
    grown = sorted(((large[k] - 4 * small.get(k, 0), k) for k in large if k[0] != "~"), reverse=True)[:5]
    where = "; ".join(f"{k[2]} ({k[0].rsplit('/', 1)[-1]}:{k[1]}) {small.get(k, 0)} -> {large[k]}" for _, k in grown)
    assert max(ratios) <= BOUND, f"{command}: calls {totals}, ratios {ratios}; grew most: {where}"
    assert totals[0] < totals[1] < totals[2]  # the work does follow the file


def test_whole_tree_facts_are_worked_out_once_per_module() -> None:
    # asked once per fix: the parent map and the indentation unit
    from tffix import parse_module
    from tffix.cst.visitor import parents
    from tffix.fmt.region import indent_unit

    module = parse_module('resource "a" "b" {\n    x = 1\n    tags = {\n        k = "v"\n    }\n}\n')
    assert parents(module) is parents(module)
    block = module.body.items[0]
    assert parents(block) is not parents(block)  # a subtree's map is not kept
    assert parents(block)[id(block.body)] is block is parents(module)[id(block.body)]
    assert indent_unit(module) == "    " and module._memo is not None and module._memo["indent_unit"] == "    "
    assert indent_unit(module, skip=[2, 3, 4, 5]) == "  "  # only line 1 left: nothing tells, fmt's unit; not kept
    assert indent_unit(module) == "    "
    # a module made otherwise keeps its own facts
    other = parse_module("a = {\n\tb = 1\n}\n")
    assert indent_unit(other) == "\t" and indent_unit(module) == "    "
