"""Testing rules and codemods: their embedded examples and fixture folders,
with the checks every fix must pass, for ``tffix test`` and for pytest.

A rule's ``valid`` texts must produce no finding, each of its ``invalid``
``Example`` s a finding of the rule and, fixed, the example's ``fixed``
text; a codemod's ``valid`` texts must stay as they are and its ``invalid``
examples become their ``fixed`` text. A fixture case is a folder:
``before/*.tf`` (one file or several: one module), ``after/*.tf`` what the
module must become, and an optional ``options.toml`` (the rule's or
codemod's options; a rule's case may also set ``unsafe-fixes = true`` under
``[case]``).

Whatever the case, without being asked, it also checks that every file
written parses; that a second run changes nothing; that a file that was
``terraform fmt``-clean stays so; that no comment is lost, other than those
inside the code a change replaced or removed; and that only the declared
files change (no file appears that the case does not list).

For pytest::

    from tffix.testing import assert_examples, assert_fixture, assert_transforms

    def test_examples():
        assert_examples(QuotedBool)

    def test_rename():
        assert_transforms(RenameTag, 'locals {\\n  tags = {\\n    Env = "qa"\\n  }\\n}\\n', ..., new="Stage")
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .engine.codemods import run_codemods
from .engine.discover import ModuleSource
from .engine.run import ModuleRun, run_module
from .fmt import format_source
from .rule import Codemod, Example, Rule, RuleSet
from .rules.profiles import get_profile
from .rules.registry import rule_classes
from .syntax.errors import ParseError
from .syntax.parser import parse_module

__all__ = [
    "CaseResult",
    "assert_examples",
    "assert_fixture",
    "assert_transforms",
    "check_examples",
    "check_fixture",
    "find_fixtures",
    "run_case",
]

#: the folder the in-memory module of a case lives in
DIRECTORY = Path("module")

_COMMENT = re.compile(r"#[^\r\n]*|//[^\r\n]*|/\*.*?\*/", re.DOTALL)


@dataclass
class CaseResult:
    """One case: its name, what went wrong (empty: it passed) and the files
    it produced (name -> text)."""

    name: str
    problems: list[str] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.problems


def _run(
    cls: type[Rule],
    texts: Mapping[str, str],
    options: Mapping[str, Any],
    unsafe: bool,
    *,
    fix: bool = True,
    profile: str = "default",
) -> ModuleRun:
    paths = {DIRECTORY / name: text for name, text in texts.items()}
    chosen = get_profile(profile)
    instance = cls(**{**chosen.options.get(cls.name, {}), **options})
    if isinstance(instance, Codemod):
        source = ModuleSource(DIRECTORY, paths, set(paths), frozenset(paths))
        if fix:
            return run_codemods(source, [instance])
        return run_module(DIRECTORY, paths, RuleSet((instance,)), fix=False)
    # suppressions may name any rule tffix knows (TFX001 reports those naming none)
    names = {known.name: known.code for known in (*rule_classes(), cls)}
    ruleset = RuleSet((instance,), unsafe_fixes=unsafe, intended_unsafe=chosen.intended_unsafe, names=names)
    return run_module(DIRECTORY, paths, ruleset, fix=fix, existing=frozenset(paths))


def _outputs(run: ModuleRun) -> dict[str, str]:
    return {path.name: text for path, text in run.texts.items()}


def _comments(text: str) -> list[tuple[int, str]]:
    """(offset, text) of every comment, read from the tree's trivia (so a
    ``#`` inside a string is no comment); none when the text does not parse."""
    try:
        tree = parse_module(text)
    except ParseError:
        return []
    out: list[tuple[int, str]] = []
    offset = len(tree.bom)
    for token in tree.tokens():
        for trivia, at in ((token.lead, offset), (token.trail, offset + len(token.lead) + len(token.text))):
            out.extend((at + m.start(), m.group()) for m in _COMMENT.finditer(trivia))
        offset += len(token.lead) + len(token.text) + len(token.trail)
    return out


def _fmt_clean(text: str) -> bool:
    try:
        return format_source(text) == text
    except ParseError:
        return False


def _diff(name: str, expected: str, actual: str) -> str:
    """A unified diff from the expected text to the actual one; when only
    line breaks differ, each line is shown escaped (a CRLF that became LF)."""
    old, new = expected.splitlines(keepends=True), actual.splitlines(keepends=True)
    if expected.splitlines() == actual.splitlines():
        old, new = ([repr(line)[1:-1] + "\n" for line in lines] for lines in (old, new))
    else:
        old, new = ([line.rstrip("\r\n") + "\n" for line in lines] for lines in (old, new))
    return "".join(difflib.unified_diff(old, new, f"expected/{name}", f"actual/{name}"))


def run_case(
    cls: type[Rule],
    before: Mapping[str, str],
    after: Mapping[str, str] | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    unsafe: bool = False,
    finding: bool | None = None,
    name: str = "",
    profile: str = "default",
) -> CaseResult:
    """Run ``cls`` (a rule or a codemod) over the module ``before`` (file
    name -> text) and check the result: ``after`` (None: unchanged) and, for
    a rule, whether it must (``finding=True``) or must not report; then the
    checks every case gets. ``profile`` gives the rule its options and
    intended unsafe fixes, as ``--profile`` does."""
    options = dict(options or {})
    result = CaseResult(name or cls.name)
    try:
        if finding is not None and not issubclass(cls, Codemod):
            checked = _run(cls, before, options, unsafe, fix=False, profile=profile)
            codes = [d for d in checked.remaining if d.code == cls.code]
            if finding and not codes:
                result.problems.append(f"{cls.code} reports nothing here, but the case says it must")
            elif not finding and codes:
                listed = "; ".join(f"{d.path.name}:{d.start[0]}:{d.start[1]}: {d.message}" for d in codes)
                result.problems.append(f"{cls.code} reports {listed}, but the case says it must not")
        run = _run(cls, before, options, unsafe, profile=profile)
    except Exception as e:  # noqa: BLE001 - a failing rule is a failing case, not a crash of the run
        result.problems.append(f"{type(e).__name__}: {e}")
        return result
    result.outputs = _outputs(run)
    for error in run.parse_errors:
        result.problems.append(f"the input does not parse: {error}")
    result.problems.extend(run.internal_errors)
    expected = dict(before if after is None else after)
    for file in sorted(set(expected) | set(result.outputs)):
        if file not in result.outputs:
            result.problems.append(f"{file}: expected, but the run left no such file")
        elif file not in expected:
            result.problems.append(f"{file}: written, but the case declares no such file")
        elif result.outputs[file] != expected[file]:
            result.problems.append(
                f"{file} differs from what is expected:\n" + _diff(file, expected[file], result.outputs[file])
            )
    result.problems.extend(_soundness(cls, before, result.outputs, run, options, unsafe, profile))
    return result


def _soundness(
    cls: type[Rule],
    before: Mapping[str, str],
    outputs: Mapping[str, str],
    run: ModuleRun,
    options: Mapping[str, Any],
    unsafe: bool,
    profile: str,
) -> Iterator[str]:
    """The checks every case gets, whatever it expects."""
    for file, text in outputs.items():
        if not file.endswith(".tf") or text == before.get(file):
            continue
        try:
            parse_module(text, path=file)
        except ParseError as e:
            yield f"{file}: the result does not parse: {e}"
            continue
        if (file not in before or _fmt_clean(before[file])) and not _fmt_clean(text):
            yield f"{file}: fmt-clean before, not after:\n" + _diff(file, format_source(text), text)
        lost = _lost_comments(before.get(file, ""), text, run, file)
        if lost:
            yield f"{file}: comments lost: {', '.join(repr(c) for c in lost)}"
    if run.parse_errors or run.internal_errors:
        return
    try:
        again = _run(cls, outputs, options, unsafe, profile=profile)
    except Exception as e:  # noqa: BLE001 - see run_case
        yield f"a second run failed: {type(e).__name__}: {e}"
        return
    changed = [f for f, text in _outputs(again).items() if outputs.get(f) != text]
    for file in changed:
        yield f"{file}: a second run changes it again:\n" + _diff(file, outputs.get(file, ""), _outputs(again)[file])


def _said(comment: str) -> str:
    """What a line comment says, whichever marker it is written with
    (``// x`` turned into ``# x`` keeps the comment)."""
    if comment.startswith(("//", "#")):
        return comment.lstrip("/#").strip()  # a rule of slashes may become one of hashes
    return comment


def _lost_comments(before: str, after: str, run: ModuleRun, file: str) -> list[str]:
    """Comments of ``before`` missing from ``after``, except those inside
    code a change removed or replaced (an edit whose old text holds more
    than comments and blanks took them along with that code). An edit that
    drops a comment and nothing else is a lost comment. Offsets are read
    against ``before``, as the first pass's edits are."""
    now = Counter(_said(text) for _, text in _comments(after))
    spans = []
    for diag in run.applied:
        for edit in diag.fix.edits if diag.fix is not None else ():
            old = before[edit.start : edit.end] if edit.path.name == file else ""
            if _COMMENT.sub("", old).strip():
                spans.append((edit.start, edit.end))
    lost = []
    for offset, text in _comments(before):
        if now[_said(text)] > 0:
            now[_said(text)] -= 1
        elif not any(start <= offset < end for start, end in spans):
            lost.append(text)
    return lost


def check_examples(cls: type[Rule]) -> list[CaseResult]:
    """Every ``valid`` and ``invalid`` example of ``cls``, as cases."""
    out = []
    for i, text in enumerate(cls.valid):
        out.append(run_case(cls, {"main.tf": text}, finding=False, name=f"{cls.name}: valid[{i}]"))
    for i, example in enumerate(cls.invalid):
        out.append(_example(cls, example, f"{cls.name}: {example.name or f'invalid[{i}]'}"))
    return out


def _example(cls: type[Rule], example: Example, name: str) -> CaseResult:
    after = None if example.fixed is None else {"main.tf": example.fixed}
    return run_case(
        cls,
        {"main.tf": example.code},
        after,
        options=example.options,
        unsafe=example.unsafe,
        finding=True,
        name=name,
        profile=example.profile,
    )


def find_fixtures(root: Path, classes: Sequence[type[Rule]]) -> Iterator[tuple[type[Rule], Path]]:
    """The cases under ``root``, each with the rule or codemod it is named
    after: ``root`` holds a folder per rule or codemod (``root/<name or
    code>/<case>/before``), or is one (``root/<case>/before``), or is a case
    itself (``root/before``). Raises ValueError for a folder that names
    none (a typo must not skip its cases)."""
    by_key = {key: cls for cls in classes for key in (cls.name, cls.code.upper())}

    def named(folder: Path) -> type[Rule] | None:
        return by_key.get(folder.resolve().name) or by_key.get(folder.resolve().name.upper())

    if (root / "before").is_dir():
        cls = named(root.resolve().parent)
        if cls is None:
            raise ValueError(
                f"{root.resolve().parent}: names no rule or codemod (a case's folder is in one named after it)"
            )
        yield cls, root
        return
    folders = (
        [root]
        if named(root) is not None
        else sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    )
    for folder in folders:
        cls = named(folder)
        if cls is None:
            raise ValueError(f"{folder}: names no rule or codemod (a folder per rule or codemod, named after it)")
        cases = sorted(p for p in folder.iterdir() if p.is_dir() and (p / "before").is_dir())
        if not cases:
            raise ValueError(f"{folder}: no case (<case>/before/*.tf and <case>/after/*.tf)")
        for case in cases:
            yield cls, case


def _read(folder: Path) -> dict[str, str]:
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.tf"))} if folder.is_dir() else {}


def check_fixture(cls: type[Rule], case: Path, *, update: bool = False) -> CaseResult:
    """The case in ``case`` (``before/``, ``after/``, ``options.toml``).
    ``update`` writes what the run produced to ``after/`` (for review)."""
    options_file = case / "options.toml"
    options = tomllib.loads(options_file.read_text("utf-8")) if options_file.exists() else {}
    settings = options.pop("case", {})
    before, after = _read(case / "before"), _read(case / "after")
    result = run_case(
        cls,
        before,
        after if (case / "after").is_dir() else None,
        options=options,
        unsafe=bool(settings.get("unsafe-fixes", False)),
        name=f"{case.parent.name}/{case.name}",
    )
    if update and result.outputs:
        target = case / "after"
        target.mkdir(exist_ok=True)
        for old in target.glob("*.tf"):
            if old.name not in result.outputs:
                old.unlink()
        for file, text in result.outputs.items():
            (target / file).write_bytes(text.encode("utf-8"))
    return result


def _raise(results: Sequence[CaseResult]) -> None:
    failed = [r for r in results if not r.passed]
    if failed:
        raise AssertionError("\n\n".join(f"{r.name}:\n" + "\n".join(r.problems) for r in failed))


def assert_examples(cls: type[Rule]) -> None:
    """Raise AssertionError naming every example of ``cls`` that fails."""
    _raise(check_examples(cls))


def assert_fixture(cls: type[Rule], case: Path) -> None:
    """Raise AssertionError when the fixture case in ``case`` fails."""
    _raise([check_fixture(cls, case)])


def assert_transforms(
    cls: type[Rule],
    before: str | Mapping[str, str],
    after: str | Mapping[str, str] | None,
    *,
    unsafe: bool = False,
    **options: Any,
) -> None:
    """``cls`` with ``options`` turns ``before`` into ``after`` (a text is
    ``main.tf``; None: unchanged), with every check a case gets (LibCST's
    ``CodemodTest.assertCodemod``)."""
    files = {"main.tf": before} if isinstance(before, str) else dict(before)
    expected = None if after is None else ({"main.tf": after} if isinstance(after, str) else dict(after))
    _raise([run_case(cls, files, expected, options=options, unsafe=unsafe)])
