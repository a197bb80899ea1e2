"""The LALR table cache (`tffix/syntax/table.py`): used when current, rebuilt
when missing, stale or corrupt, and optional where nothing can be written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tffix import caches
from tffix.syntax import table
from tffix.syntax.lalr import grammar_text

GRAMMAR = grammar_text()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def canonical(data: table.Table) -> tuple:
    """The table with states numbered in breadth-first order from the start
    and rules written out: Lark numbers both differently from run to run."""
    rows, rules = data["rows"], data["rules"]
    number = {data["start"]: 0}
    order = [data["start"]]
    for state in order:
        for act in (rows[state][key] for key in sorted(rows[state])):
            if type(act) is int and act not in number:
                number[act] = len(order)
                order.append(act)
    assert len(order) == len(rows)
    out = [
        tuple(
            (key, number[act] if type(act) is int else tuple(map(str, rules[act[0]])))
            for key, act in sorted(rows[state].items())
        )
        for state in order
    ]
    return tuple(out), number[data["end"]]


BUILT = canonical(table.build(GRAMMAR))


def _boom(grammar: str) -> table.Table:
    raise AssertionError("the table should have come from the cache")


def test_a_miss_builds_and_writes_the_table(cache: Path) -> None:
    data = table.table_data(GRAMMAR)
    (written,) = cache.glob("lalr-*.json")
    assert data == json.loads(written.read_text())["table"]
    assert canonical(data) == BUILT
    assert [p.name for p in cache.iterdir()] == [written.name]  # no temporary file left


def test_a_hit_does_not_build(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = table.table_data(GRAMMAR)
    monkeypatch.setattr(table, "build", _boom)
    assert table.table_data(GRAMMAR) == first


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: "{not json",
        lambda d: json.dumps([]),
        lambda d: json.dumps({**d, "format": table.FORMAT + 1}),
        lambda d: json.dumps({**d, "lark": "another lark"}),
        lambda d: json.dumps({**d, "grammar": d["grammar"] + "\n// edited\n"}),
        lambda d: json.dumps({**d, "table": []}),
    ],
    ids=["corrupt", "not-an-object", "old-format", "other-lark", "other-grammar", "no-table"],
)
def test_a_stale_or_corrupt_file_is_rebuilt_and_replaced(cache: Path, spoil) -> None:
    table.table_data(GRAMMAR)
    (path,) = cache.glob("lalr-*.json")
    spoilt = spoil(json.loads(path.read_text()))
    path.write_text(spoilt)
    data = table.table_data(GRAMMAR)
    assert canonical(data) == BUILT
    assert path.read_text() != spoilt and json.loads(path.read_text())["table"] == data


def test_an_edited_grammar_gets_its_own_table(cache: Path) -> None:
    table.table_data(GRAMMAR)
    edited = GRAMMAR.replace("?expr:", "?expr :", 1)
    assert edited != GRAMMAR
    table.table_data(edited)
    assert len(list(cache.glob("lalr-*.json"))) == 2


def test_each_lark_installation_keeps_its_own_table(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Environments with their own Lark share the user's cache folder: neither
    may evict the other's table, or every run of each would rebuild it."""
    first = table.table_data(GRAMMAR)
    monkeypatch.setattr(table, "_lark_stamp", lambda: "another lark")
    assert canonical(table.table_data(GRAMMAR)) == BUILT
    assert len(list(cache.glob("lalr-*.json"))) == 2
    monkeypatch.setattr(table, "build", _boom)  # both are hits now
    table.table_data(GRAMMAR)
    monkeypatch.undo()
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(cache))
    monkeypatch.setattr(table, "build", _boom)
    assert table.table_data(GRAMMAR) == first


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert canonical(table.table_data(GRAMMAR)) == BUILT


def test_a_read_only_cache_directory_is_skipped(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.mkdir()

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(caches.tempfile, "mkstemp", read_only)  # chmod would not stop root
    assert canonical(table.table_data(GRAMMAR)) == BUILT
    assert list(cache.iterdir()) == []


def test_a_warm_cache_spares_importing_lark(tmp_path: Path) -> None:
    env = {**os.environ, "TFFIX_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    probe = "import sys, tffix; assert tffix.parse_module('a = 1\\n').code == 'a = 1\\n'; print('lark' in sys.modules)"
    runs = [
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert runs == ["True\n", "False\n"]
