"""Formatting only part of a file (`tffix.fmt.region`): the selected lines come
out as terraform fmt writes them, every other byte stays."""

from __future__ import annotations

import random

import pytest
from conftest import corpus_files, read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tffix import parse_module
from tffix.fmt import format_source
from tffix.fmt.region import format_lines, format_nodes
from tffix.fmt.tokens import fmt_tokens

CLEAN = [p for p in corpus_files("dev") if read(p).strip()]
_TEMPLATE = {"STRING_LIT", "CHEREDOC", "QUOTED_LIT", "CQUOTE", "TEMPLATE_SEQ_END"}


def mangle(text: str, lines: set[int], rng: random.Random) -> str:
    """Change whitespace between tokens on ``lines`` only (never inside
    templates or heredocs, never gluing two tokens together)."""
    module = parse_module(text)
    tokens = fmt_tokens(module.tokens(), bom=module.bom)
    line = 1
    out = []
    previous = None
    for tok in tokens:
        start = line + tok.ws.count("\n")
        ws = tok.ws
        in_template = tok.kind in _TEMPLATE or (
            previous is not None
            and previous.kind in ("OHEREDOC", "STRING_LIT", "CHEREDOC", "OQUOTE", "TEMPLATE_INTERP", "TEMPLATE_CONTROL")
        )
        if start in lines and "\n" not in ws and not in_template and tok.kind != "EOF":
            if tok.kind == "NEWLINE":
                ws = rng.choice(["", " ", "  ", "\t "])
            elif ws:
                ws = rng.choice([" ", "  ", "\t", "   "])
            elif previous is not None and previous.ends_line:
                ws = rng.choice(["", " ", "\t"])
        out.append(ws + tok.text)
        line = start + tok.text.count("\n")
        previous = tok
    return module.bom + "".join(out)


@pytest.mark.corpus
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(CLEAN),
    st.integers(min_value=1, max_value=400),
    st.integers(min_value=0, max_value=12),
    st.integers(),
)
def test_formatting_a_mangled_region_restores_the_clean_file(path, first, size, seed) -> None:
    clean = read(path)
    total = clean.count("\n") + 1
    first = 1 + (first - 1) % total
    region = set(range(first, min(total, first + size) + 1))
    mangled = mangle(clean, region, random.Random(seed))
    assert format_lines(mangled, region) == clean


@pytest.mark.corpus
@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CLEAN), st.integers(min_value=1, max_value=400), st.integers(min_value=0, max_value=12))
def test_any_region_of_a_clean_file_stays_clean(path, first, size) -> None:
    clean = read(path)
    region = set(range(first, first + size + 1))
    assert format_lines(clean, region) == clean


def test_only_the_selected_lines_change() -> None:
    text = "a=1\n\nb   =   2 # x\n\nc=3\n"
    assert format_lines(text, {3}) == "a=1\n\nb = 2 # x\n\nc=3\n"
    assert format_lines(text, {1, 2, 3, 4, 5}) == format_source(text)


def test_a_selected_line_pulls_in_its_alignment_run() -> None:
    text = "locals {\n  a = 1\n  b = 2\n}\n"
    edited = text.replace("  b = 2\n", "  b = 2\n  long_name = 3\n")
    # formatting just the inserted line realigns its neighbours too
    assert format_lines(edited, {4}) == "locals {\n  a         = 1\n  b         = 2\n  long_name = 3\n}\n"


def test_rewrites_apply_inside_the_selection_only() -> None:
    text = 'a = "${var.x}"\nb = "${var.y}"\n'
    assert format_lines(text, {2}) == 'a = "${var.x}"\nb = var.y\n'


def test_format_nodes_formats_the_lines_of_a_node() -> None:
    module = parse_module('x = 1\nresource "r" "n" {\nname="a"\n}\ny   =   2\n')
    block = module.block("resource")
    assert format_nodes(module, [block]) == 'x = 1\nresource "r" "n" {\n  name = "a"\n}\ny   =   2\n'


def test_tabs_and_crlf_outside_the_region_are_kept() -> None:
    text = "a\t=\t1\r\n\r\nb=2\r\n"
    assert format_lines(text, {3}) == "a\t=\t1\r\n\r\nb = 2\r\n"


def test_a_neighbour_in_the_alignment_run_gets_its_assignment_formatted() -> None:
    text = "  a=1\nbb   =   2\n"
    # line 1 is pulled in only for its `= value` cell: its indentation stays
    assert format_lines(text, {2}) == "  a  = 1\nbb = 2\n"
