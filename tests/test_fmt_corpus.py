"""The formatter against `terraform fmt` 1.0.3's outputs in ../shared/corpus."""

from __future__ import annotations

import pytest

from conftest import CORPUS, corpus_files, read
from tffix.fmt import format_source

# dev and dev-unformatted exercise hclwrite's layout; rough (Terraform's own
# rewrites) follows with the rewrite passes.
CASES = [p for name in ("dev", "dev-unformatted") for p in corpus_files(name) if p.with_name(p.name + ".fmt").exists()]


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(CORPUS)) for p in CASES])
def test_formats_like_terraform(path) -> None:
    expected = read(path.with_name(path.name + ".fmt"))
    assert format_source(read(path)) == expected


def test_every_dev_file_has_an_expected_output() -> None:
    assert len(CASES) == 416 + 414
