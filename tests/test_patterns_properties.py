"""Properties of the pattern language (hypothesis):

- reading a pattern file is lossless: any HCL file, with metavariables
  written into it, parses as a pattern and prints back byte for byte;
- applying a pattern rule to any file writes a file that parses, and a
  second run changes nothing (with the other checks every fix gets)."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import TERRAFORM_1_0, Program, hcl_programs

from tffix.patterns import pattern_classes
from tffix.patterns.language import MARK, unmark
from tffix.patterns.pattern import parse_pattern_text
from tffix.testing import run_case

#: pattern items with every kind of metavariable, appended to generated files
SNIPPETS = [
    'resource "$T" "$N" {\n  a = $X\n  $...REST\n}\n',
    "x = f($...ARGS, $_)\n",
    'y = [$...A, "*"]\n',
    "z = {\n  k = $V\n  $...OTHER\n}\n",
    "$K = $F($X)\n",
    'w = "prefix-$N"\n',
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hcl_programs(TERRAFORM_1_0), st.lists(st.sampled_from(SNIPPETS), max_size=3))
def test_pattern_files_read_losslessly(program: Program, snippets: list[str]) -> None:
    text = program.src
    assume(MARK not in text)
    if snippets:
        text = text + ("" if text.endswith("\n") or not text else "\n") + "".join(snippets)
    tree = parse_pattern_text(text)
    assert unmark(tree.code) == text


#: codemods that apply to any file: inserting into every block (once); a comparison of a value with itself
CODEMODS = [
    (
        'codemod "insert" {\n  pattern {\n    match {\n      $B {\n      }\n    }\n'
        "    replace {\n      $B {\n        tffix_added = 1\n      }\n    }\n  }\n"
        '  pattern {\n    match {\n      $B "$L" {\n      }\n    }\n'
        '    replace {\n      $B "$L" {\n        tffix_added = 1\n      }\n    }\n  }\n}\n'
    ),
    'codemod "same" {\n  match   = $X == $X\n  replace = true\n}\n',
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hcl_programs(TERRAFORM_1_0), st.sampled_from(CODEMODS))
def test_applying_a_pattern_keeps_the_file_parseable_and_is_idempotent(program: Program, codemod: str) -> None:
    text = program.src
    _, codemods = pattern_classes(codemod)
    result = run_case(codemods[0], {"main.tf": text}, None)
    # the case says "unchanged", so a change is listed as a difference: every other problem is a failure
    problems = [p for p in result.problems if "differs from what is expected" not in p]
    assert problems == [], problems
