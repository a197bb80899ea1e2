"""Bounded process-wide memories of the engine's inputs: file digests by
(mtime, size), and trees of files read beyond a module (`parse_beyond`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tffix.context import inputs as inputs_module
from tffix.context import module as module_module
from tffix.context.inputs import Inputs
from tffix.context.module import parse_beyond


def test_digest_of_a_folder_is_none_and_the_memory_stays_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Inputs()
    assert reads.digest(tmp_path) is None  # stat works, reading does not
    assert reads.digest(tmp_path / "missing.tf") is None
    monkeypatch.setattr(inputs_module, "_DIGESTS_LIMIT", 1)
    first, second = tmp_path / "a.tf", tmp_path / "b.tf"
    first.write_text("a = 1\n")
    second.write_text("b = 2\n")
    one, two = reads.digest(first), reads.digest(second)
    assert one is not None and two is not None and one != two
    assert list(inputs_module._DIGESTS) == [second]  # the first was forgotten, not grown past the bound
    assert reads.digest(second) == two  # and answered from memory, unchanged


def test_read_ahead_trees_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module_module, "_READ_AHEAD", {})
    monkeypatch.setattr(module_module, "_READ_AHEAD_LIMIT", 2)
    for i in range(3):
        parse_beyond(Path(f"/x/{i}.tf"), f"a{i} = {i}\n")
    assert list(module_module._READ_AHEAD) == ["a1 = 1\n", "a2 = 2\n"]
