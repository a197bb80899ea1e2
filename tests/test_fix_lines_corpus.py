"""Issue 16's acceptance test over the whole corpus: a fix changes only the
lines of the items it edits.

"The fixed items' lines" are the lines of the original text that the fix's
own edits (``Fix.edits``, what the rule asked for) cover: the line of each
edit's start through the line of its end (an insertion at the start of a line
covers no existing line). What the engine writes for a fix is
``written_edits`` (the one truth JSON, SARIF and the language server show, and
``apply`` writes); every line it changes must be one of those lines. The one
exception: in a fmt-clean file (in its own indentation unit: a tab-indented
file aligned as ``terraform fmt`` aligns counts), kept lines may change the
spaces before their ``=`` (an aligned group's neighbours); that such a file
stays fmt-clean is tests/test_rules_corpus.py's concern.

Checked twice, in all three corpus sets, with safe fixes and with
``--unsafe-fixes --select ALL``: each fix the first check offers, alone, on
the original text; and every pass of a real ``apply`` run (the fixes a pass
applies together, on the text of that pass), recorded in process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CORPUS, CORPUS_SETS

import tffix.engine.run as engine_run
from tffix.diagnostics import Diagnostic, Edit
from tffix.engine.discover import discover
from tffix.engine.edits import edits_by_path, fmt_clean, written_edits
from tffix.engine.run import run_module
from tffix.settings import Settings
from tffix.text.lines import Lines

pytestmark = pytest.mark.corpus

SETTINGS = {
    "safe": Settings(),
    "unsafe-all": Settings(select=("ALL",), unsafe_fixes=True),
}

#: about half of the fixes the first check offered when this test was written
MIN_FIXES = {
    ("dev", "safe"): 0,
    ("dev", "unsafe-all"): 2,
    ("dev-unformatted", "safe"): 0,
    ("dev-unformatted", "unsafe-all"): 2,
    ("rough", "safe"): 130,
    ("rough", "unsafe-all"): 1000,
}


def edit_lines(text: str, edits: Iterable[Edit]) -> tuple[set[int], set[int]]:
    """The lines of ``text`` the edits cover (0-based, see the module's
    docstring), and the lines before which an edit inserts whole lines."""
    index = Lines(text)
    lines: set[int] = set()
    gaps: set[int] = set()
    for edit in edits:
        first = index.line(edit.start)
        at_line_start = edit.start == 0 or text[edit.start - 1] == "\n"
        if edit.start == edit.end and at_line_start:
            gaps.add(first if edit.start < len(text) else len(text.splitlines()))
            continue
        last = index.line(edit.end - 1) if edit.end > edit.start else first
        lines.update(range(first, last + 1))
    return lines, gaps


_BEFORE_EQUALS = re.compile(r"[ \t]+=")


def _aligned(line: str) -> str:
    """``line`` with the spaces before its first ``=`` made one."""
    return _BEFORE_EQUALS.sub(" =", line, count=1)


def collateral(text: str, new: str, lines: set[int], gaps: AbstractSet[int] = frozenset()) -> list[str]:
    """Lines of ``text`` kept outside ``lines`` (which may be replaced by
    anything) that ``new`` does not hold, in order, around the replaced lines
    and the insertions before ``gaps``. In a fmt-clean file a kept line may
    change the spaces before its ``=`` (an aligned group's neighbour)."""
    old_lines = text.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    if fmt_clean(text):
        old_lines = [_aligned(line) for line in old_lines]
        new_lines = [_aligned(line) for line in new_lines]
    # runs of kept lines, each with whether something may come before it
    segments: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(old_lines):
        if i in lines:
            i += 1
            continue
        j = i
        while j < len(old_lines) and j not in lines and (j == i or j not in gaps):
            j += 1
        segments.append((i, j, i in gaps or i - 1 in lines))
        i = j
    tail_open = len(old_lines) in gaps or len(old_lines) - 1 in lines
    pos = 0
    for k, (a, b, open_before) in enumerate(segments):
        run = old_lines[a:b]
        last = k == len(segments) - 1
        if last and not tail_open:
            at = len(new_lines) - len(run)
            ok = at >= pos and new_lines[at:] == run and (open_before or at == pos)
        elif not open_before:
            at = pos
            ok = new_lines[at : at + len(run)] == run
        else:
            at = next((p for p in range(pos, len(new_lines) - len(run) + 1) if new_lines[p : p + len(run)] == run), -1)
            ok = at >= 0
        if not ok:
            return [f"{line + 1}: {text.splitlines()[line]!r}" for line in range(a, min(b, a + 3))]
        pos = at + len(run)
    return []


@contextmanager
def recorded_passes() -> Iterator[list[tuple[dict[Path, str], list[Diagnostic], dict[Path, str]]]]:
    """Every set of fixes a run applies together: the texts before, the fixes, the texts after."""
    seen: list[tuple[dict[Path, str], list[Diagnostic], dict[Path, str]]] = []
    real = engine_run._apply

    def spy(texts: dict[Path, str], fixes: list[Diagnostic]):  # type: ignore[no-untyped-def]
        result = real(texts, fixes)
        seen.append((dict(texts), list(fixes), {p: t for p, (t, _) in result.items()}))
        return result

    engine_run._apply = spy  # type: ignore[assignment]
    try:
        yield seen
    finally:
        engine_run._apply = real  # type: ignore[assignment]


def _violations(texts: dict[Path, str], fixes: list[Diagnostic], result: dict[Path, str], what: str) -> list[str]:
    out = []
    edits = [e for d in fixes if d.fix is not None for e in d.fix.edits]
    for path, group in edits_by_path(edits).items():
        before = texts.get(path)
        if before is None or path not in result:
            continue  # a new file has no lines to keep
        bad = collateral(before, result[path], *edit_lines(before, group))
        if bad:
            codes = sorted({d.code for d in fixes if d.fix and any(e.path == path for e in d.fix.edits)})
            out.append(f"{path} ({what}, {', '.join(codes)}): {bad[:5]}")
    return out


@pytest.mark.parametrize("mode", sorted(SETTINGS))
@pytest.mark.parametrize("corpus_set", CORPUS_SETS)
def test_fixes_change_only_their_lines(corpus_set: str, mode: str) -> None:
    settings = SETTINGS[mode]
    modules, errors = discover([str(CORPUS / corpus_set)])
    assert not errors and len(modules) > 100
    problems: list[str] = []
    fixes_seen = passes_seen = 0
    for source in modules:
        first = run_module(
            source.directory, source.texts, settings, fix=False, targets=source.targets, existing=source.existing
        )
        assert not first.internal_errors, first.internal_errors
        # each fix alone, as JSON, SARIF and the language server show it
        for i in sorted(first.fixable):
            diag = first.remaining[i]
            assert diag.fix is not None
            fixes_seen += 1
            shown = written_edits(source.texts, diag.fix.edits)
            for path, group in edits_by_path(shown).items():
                before = source.texts.get(path)
                if before is None or any(e.create for e in group):
                    continue
                new = _spliced(before, group)
                raw = [e for e in diag.fix.edits if e.path == path]
                bad = collateral(before, new, *edit_lines(before, raw))
                if bad:
                    problems.append(f"{path} (alone, {diag.code}): {bad[:5]}")
        # and every pass of a real run
        with recorded_passes() as passes:
            run = run_module(
                source.directory, source.texts, settings, fix=True, targets=source.targets, existing=source.existing
            )
        assert not run.internal_errors, run.internal_errors
        for texts, fixes, result in passes:
            passes_seen += 1
            problems += _violations(texts, fixes, result, "in a run")
    # the test looked at something: few fixes apply to the published modules of dev, thousands to rough
    assert fixes_seen >= MIN_FIXES[corpus_set, mode] and passes_seen >= min(fixes_seen, 1)
    assert not problems, "\n".join(problems[:40])


def _spliced(text: str, edits: list[Edit]) -> str:
    out = text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: edit.start] + edit.text + out[edit.end :]
    return out


def test_edit_lines_and_collateral() -> None:
    """The test's own measures on small texts."""
    text = "a = 1\nbb = 2\n\nc {\n  d = 3\n}\n"
    assert edit_lines(text, [Edit(Path("m.tf"), 4, 5, "9")]) == ({0}, set())
    assert edit_lines(text, [Edit(Path("m.tf"), 6, 6, "x = 1\n")]) == (set(), {1})  # before line 2
    assert edit_lines(text, [Edit(Path("m.tf"), 5, 5, "\nx = 1")]) == ({0}, set())  # at the end of line 1
    assert edit_lines(text, [Edit(Path("m.tf"), 14, 24, "")]) == ({3, 4}, set())
    assert edit_lines(text, [Edit(Path("m.tf"), len(text), len(text), "e = 1\n")]) == (set(), {6})
    clean = "a  = 1\nbb = 2\n"
    assert collateral(clean, "a   = 1\nbbb = 2\n", {1}) == []  # an aligned neighbour of a fmt-clean file
    assert collateral("a = 1\nbb = 2\n", "a   = 1\nbbb = 2\n", {1}) == ["1: 'a = 1'"]
    assert collateral(clean, "a  = 7\nbb = 2\n", {1}) == ["1: 'a  = 1'"]
    # an inserted copy of a kept line is not mistaken for it
    assert collateral("}\n\nx {\n}\n", "}\n\ny {\n}\n\nx {\n}\n", set(), {2}) == []
    assert collateral("}\n\nx {\n}\n", "}\n\ny {\n}\n\nx {\n}\n", set(), set()) == ["1: '}'", "2: ''", "3: 'x {'"]
    assert collateral("a = 1\n", "a = 1\nb = 2\n", set(), {1}) == []
    assert collateral("a = 1\n", "a = 1\nb = 2\n", set(), set()) == ["1: 'a = 1'"]
