"""The result cache (`tffix/engine/result_cache.py`): sound (a result is
reused only while everything it depends on is unchanged, the date and files
on disk included) and safe (entries are JSON; anything else in the cache
folder is a miss and is overwritten, never run or trusted)."""

from __future__ import annotations

import dataclasses
import datetime
import json
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from tffix.context import inputs
from tffix.context.inputs import Inputs
from tffix.engine import batch, result_cache
from tffix.engine.discover import ModuleSource, discover
from tffix.engine.run import ModuleRun
from tffix.engine.run_data import BadData, run_from_data, run_to_data
from tffix.rules.base import Applicability, Diagnostic, Edit, Fix, Severity
from tffix.settings import Settings
from tffix.syntax.errors import ParseError

DAY = datetime.date(2030, 1, 1)

BUCKET = 'resource "aws_s3_bucket" "a" {\n  tags = {\n    Environment = "prod"%s\n  }\n}\n'


@pytest.fixture()
def fresh_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Outside ``tmp_path``: a cache folder beside a module's files would change the module."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(cache))
    return cache


@pytest.fixture()
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime.date], None]:
    """Sets the date tffix sees."""

    def set_day(day: datetime.date) -> None:
        monkeypatch.setattr(inputs, "today", lambda: day)

    set_day(DAY)
    return set_day


@pytest.fixture()
def no_work(monkeypatch: pytest.MonkeyPatch) -> list[batch.Job]:
    """Counts the modules that were run rather than read from the cache."""
    calls: list[batch.Job] = []
    real = batch._work

    def counting(job: batch.Job) -> ModuleRun:
        calls.append(job)
        return real(job)

    monkeypatch.setattr(batch, "_work", counting)
    return calls


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "results").rglob("*") if p.is_file())


def _check(*args: str) -> tuple[int, str]:
    result = run_cli("check", "--jobs", "1", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


# -- the date -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("check",), ("apply", "--dry-run")])
def test_a_suppression_that_expired_since_the_run_was_cached_no_longer_hides_the_finding(
    tmp_path: Path, fresh_cache: Path, clock: Callable[[datetime.date], None], command: tuple[str, ...]
) -> None:
    (tmp_path / "main.tf").write_text(BUCKET % " # tffix:ignore TFX101 exp:2030-01-03 -- until the move")
    before = run_cli(*command, "--jobs", "1", str(tmp_path))
    assert "TFX101" not in before.output and _entries(fresh_cache)
    clock(DAY + datetime.timedelta(days=5))
    later = run_cli(*command, "--jobs", "1", str(tmp_path))
    uncached = run_cli(*command, "--jobs", "1", "--no-cache", str(tmp_path))
    assert "TFX101" in uncached.output and "TFX001" in uncached.output  # expired, and said so
    assert (later.output, later.exit_code) == (uncached.output, uncached.exit_code)


def test_a_result_stays_cached_until_a_suppression_expires(
    tmp_path: Path, fresh_cache: Path, clock: Callable[[datetime.date], None], no_work: list[batch.Job]
) -> None:
    """Not a new result every day: only the day the answer changes."""
    (tmp_path / "main.tf").write_text(BUCKET % " # tffix:ignore TFX101 exp:2030-01-03")
    first = _check(str(tmp_path))
    clock(datetime.date(2030, 1, 3))  # the last day it holds
    assert _check(str(tmp_path)) == first and len(no_work) == 1
    clock(datetime.date(2030, 1, 4))
    assert "TFX101" in _check(str(tmp_path))[1] and len(no_work) == 2


def test_the_jobs_date_decides_expiry_and_is_recorded() -> None:
    """The suppression and TFX001 both compare with the job's date (one date
    for the whole run, in every worker), and the run records the answer."""
    source = _source({"main.tf": BUCKET % " # tffix:ignore TFX101 exp:2030-01-03"})
    run = batch._work(batch.Job(source, Settings(), False, datetime.date(2030, 1, 10)))
    assert sorted(d.code for d in run.remaining) == ["TFX001", "TFX101"]
    assert run.inputs.expiries == {datetime.date(2030, 1, 3): True}


def _source(texts: dict[str, str]) -> ModuleSource:
    directory = Path("m")
    paths = {directory / name: text for name, text in texts.items()}
    return ModuleSource(directory, paths, set(paths), frozenset(paths))


# -- files on disk ------------------------------------------------------------------------------


def test_a_lambda_package_appearing_in_a_nested_folder_is_noticed(tmp_path: Path, fresh_cache: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_lambda_function" "a" {\n  filename = "build/dist/a.zip"\n}\n')
    (tmp_path / "build" / "dist").mkdir(parents=True)
    assert "TFX115" in _check(str(tmp_path))[1]
    (tmp_path / "build" / "dist" / "a.zip").write_bytes(b"PK")  # the folder beside main.tf does not change
    assert "TFX115" not in _check(str(tmp_path))[1]
    assert "TFX115" not in _check("--no-cache", str(tmp_path))[1]


def test_a_lambda_package_in_the_parent_folder_is_noticed(tmp_path: Path, fresh_cache: Path) -> None:
    module = tmp_path / "module"
    module.mkdir()
    (module / "main.tf").write_text('resource "aws_lambda_function" "a" {\n  filename = "../a.zip"\n}\n')
    assert "TFX115" in _check(str(module))[1]
    (tmp_path / "a.zip").write_bytes(b"PK")
    assert "TFX115" not in _check(str(module))[1]


def test_an_edited_tfvars_file_is_noticed(tmp_path: Path, fresh_cache: Path, no_work: list[batch.Job]) -> None:
    (tmp_path / "main.tf").write_text('variable "environment" {}\n\nresource "aws_nat_gateway" "a" {\n  count = 3\n}\n')
    (tmp_path / "terraform.tfvars").write_text('environment = "dev"\n')
    assert "TFX118" in _check("--select", "TFX118", str(tmp_path))[1]
    assert "TFX118" in _check("--select", "TFX118", str(tmp_path))[1] and len(no_work) == 1  # unchanged: cached
    (tmp_path / "terraform.tfvars").write_text('environment = "prod"\n')
    assert "TFX118" not in _check("--select", "TFX118", str(tmp_path))[1] and len(no_work) == 2


def test_tffix_grammar_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from tffix.syntax import lalr

    source = _source({"main.tf": "locals {}\n"})
    before = result_cache.key(source, Settings(), fix=False)
    monkeypatch.setattr(lalr, "grammar_text", lambda: "another grammar")
    result_cache.code_hash.cache_clear()
    try:
        assert result_cache.key(source, Settings(), fix=False) != before
    finally:
        result_cache.code_hash.cache_clear()


# -- what is in the cache folder ------------------------------------------------------------------


class _Payload:
    """Leaves a mark when unpickled."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.mark,))


def _two_modules(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    for name, value in (("a", "prod"), ("b", "staging")):
        (tree / name).mkdir(parents=True)
        (tree / name / "main.tf").write_text(BUCKET.replace("prod", value) % "")
    return tree


def test_an_entry_is_never_unpickled(tmp_path: Path, fresh_cache: Path, no_work: list[batch.Job]) -> None:
    tree = _two_modules(tmp_path)
    cold = _check(str(tree))
    mark = tmp_path / "unpickled"
    entries = _entries(fresh_cache)
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Payload(mark)))
    assert _check(str(tree)) == cold
    assert not mark.exists()
    assert len(no_work) == 4  # both modules ran again
    assert all(json.loads(entry.read_bytes())["format"] == result_cache.FORMAT for entry in entries)  # overwritten


def _spoil_run(change: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def spoil(data: bytes) -> bytes:
        entry = json.loads(data)
        change(entry["run"])
        return json.dumps(entry).encode()

    return spoil


SPOILERS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "not-json": lambda data: b"\x80\x04\x95 not json",
    "not-utf8": lambda data: data.replace(b"{", b"{\xff", 1),
    "not-an-object": lambda data: b"[]",
    "deeply-nested": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "old-format": lambda data: json.dumps({**json.loads(data), "format": 0}).encode(),
    "no-format": lambda data: json.dumps({k: v for k, v in json.loads(data).items() if k != "format"}).encode(),
    "no-run": lambda data: json.dumps({**json.loads(data), "run": None}).encode(),
    "wrong-shape": _spoil_run(lambda run: run.update(remaining=[{"code": 1}])),
    "missing-field": _spoil_run(lambda run: run.pop("inputs")),
    "bool-for-int": _spoil_run(lambda run: run.update(fixable=[True])),
    "bad-date": _spoil_run(lambda run: run["inputs"].update(today="yesterday")),
    "bad-severity": _spoil_run(lambda run: [d.update(severity="fatal") for d in run["remaining"]]),
    "offsets-outside-the-text": _spoil_run(lambda run: [d.update(offsets=[0, 10**9]) for d in run["remaining"]]),
    "writes-outside-the-module": _spoil_run(lambda run: run["texts"].update({"/tmp/elsewhere.tf": "x"})),
    "another-modules-texts": _spoil_run(lambda run: run["original"].update({k: "" for k in run["original"]})),
}


@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_a_bad_entry_is_a_miss_and_is_replaced(
    tmp_path: Path, fresh_cache: Path, no_work: list[batch.Job], spoil: Callable[[bytes], bytes]
) -> None:
    tree = _two_modules(tmp_path)
    cold = _check(str(tree))
    assert "TFX101" in cold[1]
    entries = _entries(fresh_cache)
    good = {entry: entry.read_bytes() for entry in entries}
    for entry in entries:
        entry.write_bytes(spoil(good[entry]))
    assert _check(str(tree)) == cold and len(no_work) == 4
    assert {entry: entry.read_bytes() for entry in _entries(fresh_cache)} == good  # rewritten as they were


@pytest.mark.parametrize("rekey", [False, True], ids=["as-is", "with-the-key-changed"])
def test_another_modules_entry_is_a_miss(
    tmp_path: Path, fresh_cache: Path, no_work: list[batch.Job], rekey: bool
) -> None:
    """An entry under another name (a mix-up, or a forgery that even
    rewrites the key inside) is not this module's result."""
    tree = _two_modules(tmp_path)
    cold = _check(str(tree))
    first, second = _entries(fresh_cache)
    a, b = json.loads(first.read_bytes()), json.loads(second.read_bytes())
    if rekey:
        a["key"], b["key"] = b["key"], a["key"]
    first.write_text(json.dumps(b))
    second.write_text(json.dumps(a))
    assert _check(str(tree)) == cold and len(no_work) == 4


def test_old_pickle_entries_beside_are_ignored(tmp_path: Path, fresh_cache: Path) -> None:
    """Entries of earlier versions (a pickle named by the key alone) are never opened."""
    tree = _two_modules(tmp_path)
    cold = _check(str(tree))
    mark = tmp_path / "unpickled"
    for entry in _entries(fresh_cache):
        entry.with_suffix("").write_bytes(pickle.dumps(_Payload(mark)))
    assert _check(str(tree)) == cold and not mark.exists()


# -- faithful round trips -------------------------------------------------------------------------


def comparable(run: ModuleRun) -> tuple[Any, ...]:
    """Everything in a run; parse errors (exceptions compare by identity) by
    their attributes and message."""
    errors = [(type(e), vars(e), e.args) for e in run.parse_errors]
    return (
        run.directory, run.original, run.texts, run.remaining, run.applied, errors,
        run.internal_errors, run.fixable, run.inputs,
    )  # fmt: skip


def _through_json(run: ModuleRun) -> ModuleRun:
    return run_from_data(json.loads(json.dumps(run_to_data(run))))


_paths = st.builds(Path, st.text(min_size=1, max_size=8))
_pairs = st.tuples(st.integers(), st.integers())
_edits = st.builds(Edit, _paths, st.integers(), st.integers(), st.text(max_size=20), st.booleans())
_fixes = st.builds(Fix, st.text(max_size=20), st.lists(_edits, max_size=3).map(tuple), st.sampled_from(Applicability))
_diagnostics = st.builds(
    Diagnostic,
    st.text(max_size=8),
    st.text(max_size=8),
    st.sampled_from(Severity),
    st.text(max_size=20),
    _paths,
    _pairs,
    _pairs,
    _pairs,
    st.none() | _fixes,
)


@st.composite
def _parse_errors(draw: st.DrawFn) -> ParseError:
    text = draw(st.text(max_size=30))
    error = ParseError(
        draw(st.text(max_size=10)),
        draw(st.text(max_size=10)),
        offset=draw(st.integers(0, len(text))),
        text=text,
        path=draw(st.none() | st.text(max_size=8)),
    )
    return error


@st.composite
def _runs(draw: st.DrawFn) -> ModuleRun:
    original = draw(st.dictionaries(_paths, st.text(max_size=30), max_size=3))
    changed = st.sampled_from(sorted(original)) | _paths if original else _paths
    texts = {**original, **draw(st.dictionaries(changed, st.text(max_size=30), max_size=3))}
    return ModuleRun(
        draw(_paths),
        original,
        texts,
        remaining=draw(st.lists(_diagnostics, max_size=3)),
        applied=draw(st.lists(_diagnostics, max_size=2)),
        parse_errors=draw(st.lists(_parse_errors(), max_size=2)),
        internal_errors=draw(st.lists(st.text(max_size=20), max_size=2)),
        fixable=draw(st.sets(st.integers(0, 5), max_size=3)),
        inputs=Inputs(
            draw(st.dates()),
            draw(st.dictionaries(st.dates(), st.booleans(), max_size=3)),
            draw(st.dictionaries(_paths, st.booleans(), max_size=2)),
            draw(st.dictionaries(_paths, st.none() | st.text("0123456789abcdef", min_size=64, max_size=64))),
        ),
    )


@given(_runs())
def test_a_run_survives_plain_data(run: ModuleRun) -> None:
    assert comparable(_through_json(run)) == comparable(run)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=30,
)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict) and data:
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data:
        for i, value in enumerate(data):
            yield from _leaves(value, (*path, i))
    else:
        yield path


@given(_runs(), st.data())
@settings(max_examples=200)
def test_plain_data_with_any_one_value_replaced_gives_a_run_or_bad_data(run: ModuleRun, data: st.DataObject) -> None:
    plain = json.loads(json.dumps(run_to_data(run)))
    where = data.draw(st.sampled_from(list(_leaves(plain))))
    if where:
        target = plain
        for step in where[:-1]:
            target = target[step]
        target[where[-1]] = data.draw(_json)
    try:
        run_from_data(plain)
    except BadData:
        pass


@given(_json)
def test_any_json_gives_a_run_or_bad_data(data: Any) -> None:
    try:
        run_from_data(data)
    except BadData:
        pass


def _jobs(tree: Path, *, fix: bool) -> list[batch.Job]:
    modules, errors = discover([str(tree)])
    assert not errors
    return [batch.Job(source, Settings(), fix) for source in modules]


@pytest.mark.corpus
@pytest.mark.parametrize("fix", [False, True], ids=["check", "apply"])
def test_cached_runs_equal_uncached_runs_over_the_corpus(fresh_cache: Path, fix: bool, monkeypatch) -> None:
    """Every field of every module's run: findings, fixes and their edits,
    parse errors, new texts."""
    jobs = _jobs(CORPUS / "rough", fix=fix)
    uncached = [comparable(run) for run in batch.run_jobs(jobs, workers=2, use_cache=False)]
    assert any(run[3] for run in uncached) and any(run[5] for run in uncached)  # findings and parse errors
    if fix:
        assert any(run[4] for run in uncached)  # and applied fixes
    list(batch.run_jobs(jobs, workers=2))
    monkeypatch.setattr(batch, "_work", lambda job: pytest.fail(f"{job.source.directory} was not cached"))
    assert [comparable(run) for run in batch.run_jobs(jobs, workers=2)] == uncached


@pytest.mark.corpus
def test_cached_sarif_equals_uncached_sarif(fresh_cache: Path) -> None:
    """SARIF carries each fix's edits as replacements."""
    tree = str(CORPUS / "rough")
    args = ("apply", "--dry-run", "--jobs", "2", "--format", "sarif", tree)
    uncached = run_cli(*args, "--no-cache")
    assert '"replacements"' in uncached.output
    run_cli(*args)
    warm = run_cli(*args)
    assert (warm.output, warm.exit_code) == (uncached.output, uncached.exit_code)


# -- each refusal, by example (the properties above reach them only by chance) --------------------


def test_a_text_marked_unchanged_without_an_original_is_bad_data() -> None:
    data = run_to_data(ModuleRun(Path("m"), {Path("m/a.tf"): "x"}, {Path("m/a.tf"): "x"}))
    data["texts"]["m/b.tf"] = None  # "unchanged" from an original that does not exist
    with pytest.raises(BadData, match="no text for m/b.tf"):
        run_from_data(data)


def test_a_list_field_holding_something_else_is_bad_data() -> None:
    data = run_to_data(ModuleRun(Path("m"), {Path("m/a.tf"): "x"}, {Path("m/a.tf"): "x"}))
    data["remaining"] = {"not": "a list"}
    with pytest.raises(BadData, match="expected a list, got dict"):
        run_from_data(data)


def test_an_edit_of_the_wrong_length_is_bad_data() -> None:
    fix = Fix("f", (Edit(Path("m/a.tf"), 0, 1, "y"),), Applicability.SAFE)
    diag = Diagnostic("TFX101", "n", Severity.ERROR, "m", Path("m/a.tf"), (1, 1), (1, 2), (0, 1), fix)
    data = run_to_data(ModuleRun(Path("m"), {Path("m/a.tf"): "x"}, {Path("m/a.tf"): "x"}, remaining=[diag]))
    data["remaining"][0]["fix"]["edits"][0].pop()  # four fields where an edit has five
    with pytest.raises(BadData, match="expected a list of 5"):
        run_from_data(data)


def test_an_entry_whose_edit_falls_outside_the_file_is_a_miss(tmp_path: Path, fresh_cache: Path) -> None:
    """Well-formed data that cannot be this module's run (a forged entry) is
    not used: an edit past the end of its file would make apply write garbage."""
    (tmp_path / "main.tf").write_text(BUCKET % "")
    (source,), _ = discover([str(tmp_path)])
    job = batch.Job(source, Settings(), fix=False)
    [run] = list(batch.run_jobs([job], workers=1))
    [diag] = [d for d in run.remaining if d.fix is not None]
    assert diag.fix is not None
    edit = diag.fix.edits[0]
    size = len(source.texts[edit.path])
    key = result_cache.key(source, job.settings, fix=False)
    assert result_cache.load(key, source, job.today) is not None
    forged = Fix(diag.fix.message, (Edit(edit.path, size, size + 1, "x"),), diag.fix.applicability)
    run.remaining[run.remaining.index(diag)] = dataclasses.replace(diag, fix=forged)
    result_cache.store(key, run)
    assert result_cache.load(key, source, job.today) is None


def test_a_file_that_cannot_be_read_is_recorded_and_checked_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "terraform.tfvars"
    folder.mkdir()  # reading it fails as an unreadable file's read would
    recorded = Inputs(DAY)
    assert recorded.read_bytes(folder) is None
    assert recorded.digests == {folder: None}
    assert recorded.hold(DAY)  # still unreadable: the answer holds
    folder.rmdir()
    folder.write_text('environment = "prod"\n')
    assert not recorded.hold(DAY)  # readable now: the run must be redone
