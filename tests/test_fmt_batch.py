"""``tffix fmt`` in parallel and with its verdict cache: the output is a serial
run's, and a verdict is never served for another text, another tffix or
other settings (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, run_cli

from tffix.engine import fmt_batch, fmt_cache, result_cache
from tffix.engine.fmt_batch import FileOutcome, format_files
from tffix.engine.fmt_cache import CHANGED, FORMATTED, VerdictCache
from tffix.syntax.errors import ParseError

UGLY = "a=1\nbb = 2\n"
PRETTY = "a  = 1\nbb = 2\n"
BROKEN = "a = \n"


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _files(folder: Path, **texts: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in texts.items():
        path = folder / name.replace("_", ".")
        path.write_text(text)
        out.append(path)
    return out


def _run(paths: list[Path], **kw: Any) -> list[FileOutcome]:
    kw.setdefault("workers", 1)
    kw.setdefault("use_cache", True)
    kw.setdefault("need_output", False)
    return list(format_files(paths, **kw))


def _no_formatting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make formatting fail the test; returns the texts it was asked for."""
    calls: list[str] = []

    def refuse(text: str, **kw: Any) -> str:
        calls.append(text)
        raise AssertionError("formatted although cached")

    monkeypatch.setattr(fmt_batch, "format_source", refuse)
    return calls


# -- the whole corpus: parallel, serial and warm give the same bytes ----------------------------------


@pytest.mark.corpus
def test_parallel_and_cached_output_equals_serial_over_the_corpus(fresh_cache: Path) -> None:
    tree = str(CORPUS)
    serial = run_cli("fmt", "--check", "--diff", "-r", "--no-cache", "--jobs", "1", tree)
    parallel = run_cli("fmt", "--check", "--diff", "-r", "--jobs", "3", tree)  # fills the cache
    assert any(fresh_cache.rglob("*.json"))
    warm = run_cli("fmt", "--check", "--diff", "-r", "--jobs", "2", tree)
    warm_listed = run_cli("fmt", "--check", "-r", "--jobs", "2", tree)  # verdicts only
    assert serial.exit_code == parallel.exit_code == warm.exit_code == 2  # the rough set has rejected files
    assert serial.stdout_bytes == parallel.stdout_bytes == warm.stdout_bytes
    assert serial.stderr_bytes == parallel.stderr_bytes == warm.stderr_bytes
    listed = [line for line in serial.stdout.splitlines() if line.startswith(tree)]  # the diff's lines start +-@
    assert warm_listed.stdout.splitlines() == listed and warm_listed.stderr_bytes == serial.stderr_bytes
    assert "Attribute redefined" in serial.stderr and "\n+" in serial.stdout  # errors and diffs were compared


def test_a_warm_run_formats_nothing_and_says_the_same(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _files(tmp_path / "m", a_tf=UGLY, b_tf=PRETTY, c_tf=BROKEN, d_tfvars=UGLY, e_tf=UGLY)  # e: a's verdict
    cold = run_cli("fmt", "--check", "-r", "--jobs", "2", str(tmp_path))
    calls = _no_formatting(monkeypatch)
    warm = run_cli("fmt", "--check", "-r", "--jobs", "1", str(tmp_path))
    assert not calls
    assert (cold.exit_code, cold.stdout, cold.stderr) == (warm.exit_code, warm.stdout, warm.stderr)
    assert warm.exit_code == 2 and "a.tf" in warm.stdout and "b.tf" not in warm.stdout
    assert f"{tmp_path / 'm' / 'c.tf'}:1:" in warm.stderr


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    run_cli("fmt", "--check", "--no-cache", str(path))
    assert not fresh_cache.exists() or not any(fresh_cache.rglob("*.json"))
    run_cli("fmt", "--check", str(path))  # fills it
    calls = []
    real = fmt_batch.format_source
    monkeypatch.setattr(fmt_batch, "format_source", lambda text, **kw: calls.append(text) or real(text, **kw))
    assert run_cli("fmt", "--check", "--no-cache", str(path)).exit_code == 1 and calls == [UGLY]


# -- never served for what changed ---------------------------------------------------------------------


def test_a_changed_file_is_formatted_again(tmp_path: Path, fresh_cache: Path) -> None:
    [path] = _files(tmp_path, a_tf=PRETTY)
    assert run_cli("fmt", "--check", str(path)).exit_code == 0
    path.write_text(UGLY)
    assert run_cli("fmt", "--check", str(path)).exit_code == 1
    path.write_text(BROKEN)
    assert run_cli("fmt", "--check", str(path)).exit_code == 2
    path.write_text(PRETTY)
    assert run_cli("fmt", "--check", str(path)).exit_code == 0


def test_a_file_of_another_kind_has_its_own_verdict() -> None:
    assert VerdictCache.text_key("a.tf", UGLY) == VerdictCache.text_key("b.tf", UGLY)
    assert VerdictCache.text_key("a.tf", UGLY) != VerdictCache.text_key("a.tftest.hcl", UGLY)
    assert VerdictCache.text_key("a.tf", UGLY) != VerdictCache.text_key("a.tf", PRETTY)
    assert VerdictCache.text_key("a.tf", UGLY) != VerdictCache.text_key("a.tfvars", UGLY)


def _forge(settings: dict[str, Any], text: str, verdict: Any, name: str = "a.tf") -> Path:
    """Store ``verdict`` for ``text`` in the cache file of ``settings``."""
    cache = VerdictCache.open(settings)
    assert cache.path is not None
    cache.path.parent.mkdir(parents=True, exist_ok=True)
    verdicts = {VerdictCache.text_key(name, text): verdict}
    cache.path.write_text(json.dumps({"format": fmt_cache.FORMAT, "key": cache.key, "verdicts": verdicts}))
    return cache.path


def test_a_forged_verdict_is_used_only_under_its_own_key(tmp_path: Path, fresh_cache: Path) -> None:
    """The forged verdict proves the lookup: the same settings and tffix read
    it, any other settings or tffix version do not."""
    [path] = _files(tmp_path, a_tf=UGLY)
    _forge({}, UGLY, 0)
    assert [o.changed for o in _run([path])] == [False]  # served, though wrong
    assert [o.changed for o in _run([path], use_cache=False)] == [True]


def test_a_changed_tffix_version_misses(tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    _forge({}, UGLY, 0)
    before = fmt_cache.cache_path({})
    monkeypatch.setattr(result_cache, "__version__", "999.0")
    result_cache.code_hash.cache_clear()
    try:
        assert fmt_cache.cache_path({}) != before
        assert [o.changed for o in _run([path])] == [True]
    finally:
        result_cache.code_hash.cache_clear()


def test_changed_tffix_code_misses(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tffix.syntax import lalr

    before = fmt_cache.cache_path({})
    monkeypatch.setattr(lalr, "grammar_text", lambda: "another grammar")
    result_cache.code_hash.cache_clear()
    try:
        assert fmt_cache.cache_path({}) != before
    finally:
        result_cache.code_hash.cache_clear()


def test_changed_settings_miss_and_reach_the_formatter(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    _forge({}, UGLY, 0)
    seen: list[dict[str, Any]] = []

    def formatter(text: str, *, filename: str, **settings: Any) -> str:
        seen.append(settings)
        return text if settings.get("keep") else PRETTY

    monkeypatch.setattr(fmt_batch, "format_source", formatter)
    assert fmt_cache.cache_path({"keep": True}) != fmt_cache.cache_path({}) != fmt_cache.cache_path({"keep": False})
    assert [o.changed for o in _run([path], settings={"keep": True})] == [False]
    assert [o.changed for o in _run([path], settings={"keep": False})] == [True]
    # a .tf file: Terraform's rewrites on, with the settings given
    assert seen == [{"terraform": True, "keep": True}, {"terraform": True, "keep": False}]
    assert [o.changed for o in _run([path], settings={"keep": False})] == [True] and len(seen) == 2  # now cached


# -- what is cached, and what is not -------------------------------------------------------------------


def test_errors_are_cached_for_their_own_path(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _files(tmp_path, a_tf="a = 1\na = 2\n", b_tf="a = 1\na = 2\n")
    [cold] = _run([first])
    assert cold.failure is not None and f"already set at {first}:1,1" in cold.failure
    calls = _no_formatting(monkeypatch)
    [warm] = _run([first])
    assert warm == cold and not calls
    with pytest.raises(AssertionError, match="formatted although cached"):  # the other path is formatted
        _run([second])


def test_formatter_bugs_are_not_cached(tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tffix import fmt

    [path] = _files(tmp_path, a_tf=UGLY)
    monkeypatch.setattr(fmt, "render", lambda tokens: "a = = 1\n")
    [bug] = _run([path])
    assert bug.failure is not None and bug.failure.startswith("internal error: ")
    monkeypatch.undo()
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(fresh_cache))
    assert [o.changed for o in _run([path])] == [True]


def test_the_formatted_result_is_cached_as_formatted(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run after a write is warm: the output's verdict is known."""
    [path] = _files(tmp_path, a_tf=UGLY)
    assert run_cli("fmt", str(path)).exit_code == 0 and path.read_text() == PRETTY
    _no_formatting(monkeypatch)
    assert run_cli("fmt", "--check", str(path)).exit_code == 0


def test_a_cached_change_is_formatted_again_when_its_text_is_needed(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    assert _run([path])[0].result is None  # a verdict only
    [again] = _run([path], need_output=True)
    assert again.changed and again.result == PRETTY
    diff = run_cli("fmt", "--check", "--diff", str(path))
    assert diff.exit_code == 1 and "+a  = 1" in diff.stdout
    calls = _no_formatting(monkeypatch)
    assert run_cli("fmt", "--check", str(path)).exit_code == 1 and not calls


def test_unformattable_inputs_are_outcomes(tmp_path: Path, fresh_cache: Path) -> None:
    other, bad = _files(tmp_path, a_txt="x", b_tf="")
    bad.write_bytes(b"\xff")
    outcomes = _run([other, bad, tmp_path / "gone.tf"], workers=2)
    assert [o.failure is not None for o in outcomes] == [True, True, True]
    assert "only .tf" in str(outcomes[0].failure) and "not UTF-8" in str(outcomes[1].failure)


def test_format_text_words_failures_as_the_cli_does() -> None:
    assert fmt_batch.format_text(UGLY, "x.tf") == (PRETTY, None)
    result, failure = fmt_batch.format_text(BROKEN, "x.tf")
    assert result is None and failure is not None and failure.startswith("x.tf:1:")


def test_parallel_outcomes_carry_what_was_asked(tmp_path: Path, fresh_cache: Path) -> None:
    paths = _files(tmp_path, a_tf=UGLY, b_tf=PRETTY, c_tf=BROKEN)
    quick = _run(paths, workers=2, use_cache=False)
    full = _run(paths, workers=2, use_cache=False, need_output=True)
    assert [o.changed for o in quick] == [o.changed for o in full] == [True, False, False]
    assert [o.result for o in quick] == [None, None, None]
    assert [o.result for o in full] == [PRETTY, PRETTY, None]
    assert quick[2].failure == full[2].failure is not None


# -- the cache file ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps([1]),
        json.dumps({"format": 0, "key": "", "verdicts": {}}),
        "WRONG KEY",
        "VERDICTS NOT A DICT",
    ],
)
def test_a_bad_cache_file_is_a_miss(tmp_path: Path, fresh_cache: Path, content: str) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    cache_file = _forge({}, UGLY, 0)
    if content == "WRONG KEY":
        content = json.dumps({"format": fmt_cache.FORMAT, "key": "other", "verdicts": {}})
    elif content == "VERDICTS NOT A DICT":
        content = json.dumps({"format": fmt_cache.FORMAT, "key": VerdictCache.open({}).key, "verdicts": [0]})
    cache_file.write_text(content)
    assert [o.changed for o in _run([path])] == [True]
    assert VerdictCache.open({})._load()  # replaced by a sound file


@pytest.mark.parametrize(
    "verdict",
    [2, True, "0", None, [0], ["PATH", "s", "d", 0, 1], ["other.tf", "s", "d", 0, 1, 1], ["PATH", "s", 3, 0, 1, 1],
     ["PATH", "s", "d", 0, "1", 1]],
)  # fmt: skip
def test_a_bad_verdict_is_a_miss(tmp_path: Path, fresh_cache: Path, verdict: Any) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    if type(verdict) is list and verdict[0] == "PATH":
        verdict = [str(path), *verdict[1:]]
    _forge({}, UGLY, verdict)
    assert [o.changed for o in _run([path])] == [True]


def test_a_forged_error_verdict_is_read_as_data(tmp_path: Path, fresh_cache: Path) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    _forge({}, UGLY, [str(path), "Made up", "detail", 0, 7, 3])
    [outcome] = _run([path])
    assert outcome.failure == f"{path}:7:3: Made up: detail"
    verdict = VerdictCache.open({}).get(VerdictCache.text_key("a.tf", UGLY), str(path))
    assert isinstance(verdict, ParseError) and (verdict.line, verdict.column, verdict.offset) == (7, 3, 0)


def test_verdict_names() -> None:
    assert (repr(FORMATTED), repr(CHANGED)) == ("FORMATTED", "CHANGED")


def test_a_warm_run_writes_nothing(tmp_path: Path, fresh_cache: Path) -> None:
    [path] = _files(tmp_path, a_tf=UGLY)
    _run([path])
    cache_file = fmt_cache.cache_path({})
    assert cache_file is not None
    cache_file.write_text(cache_file.read_text() + " ")  # a mark a rewrite would drop
    _run([path])
    assert cache_file.read_text().endswith(" ")


def test_saving_merges_what_another_run_saved(tmp_path: Path, fresh_cache: Path) -> None:
    one, two = _files(tmp_path, a_tf=UGLY, b_tf="b=2\n")
    mine = VerdictCache.open({})
    assert mine.get(mine.text_key("a.tf", UGLY), str(one)) is None
    _run([two])  # another run saves meanwhile
    mine.record(mine.text_key("a.tf", UGLY), UGLY, ("changed", None), str(one))
    mine.save()
    again = VerdictCache.open({})
    assert again.get(again.text_key("a.tf", UGLY), str(one)) is CHANGED
    assert again.get(again.text_key("b.tf", "b=2\n"), str(two)) is CHANGED
    assert again.get(again.text_key("b.tf", "b = 2\n"), str(two)) is None  # ("changed": no text to learn from)


def test_the_oldest_verdicts_go_first(tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt_cache, "MAX_VERDICTS", 3)
    cache = VerdictCache.open({})
    for i in range(5):
        cache.record(f"k{i}", "x", ("same", None), "a.tf")
    cache.save()
    assert list(VerdictCache.open({})._load()) == ["k2", "k3", "k4"]
    reused = VerdictCache.open({})
    assert reused.get("k2", "a.tf") is FORMATTED  # used: moves to the recent end
    reused.record("k5", "x", ("changed", None), "a.tf")
    reused.save()
    assert list(VerdictCache.open({})._load()) == ["k4", "k2", "k5"]


def test_without_a_cache_folder_nothing_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt_cache, "cache_dir", lambda: None)
    [path] = _files(tmp_path, a_tf=UGLY)
    assert fmt_cache.cache_path({}) is None
    assert [o.changed for o in _run([path])] == [True]
    assert [o.changed for o in _run([path])] == [True]


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(blocker))
    [path] = _files(tmp_path / "m", a_tf=UGLY)
    assert run_cli("fmt", "--check", str(path)).exit_code == 1 and blocker.read_text() == ""


def test_hcl_files_are_formatted_without_terraform_s_rewrites(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps verdicts per kind of file: the same text in a .tf file
    and in terragrunt.hcl is formatted with and without Terraform's rewrites."""
    text = 'x = "${var.a}"\n'  # interpolation-only: Terraform unwraps it, hclwrite keeps it
    (tmp_path / "a.tf").write_text(text)
    (tmp_path / "terragrunt.hcl").write_text(text)
    paths = [tmp_path / "a.tf", tmp_path / "terragrunt.hcl"]
    for _ in range(2):  # cold, then from the cache
        assert [o.changed for o in _run(paths)] == [True, False]
