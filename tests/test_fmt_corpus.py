"""The formatter against `terraform fmt` 1.0.3's outputs in ../shared/corpus:
every accepted file formats to Terraform's output byte for byte, and every
rejected file is rejected with Terraform's message."""

from __future__ import annotations

import pytest
from conftest import CORPUS, CORPUS_SETS, corpus_files, read, rejected_by_terraform

from tffix import ParseError
from tffix.fmt import format_source

# path -> (what we write, what Terraform writes): documented deviations only.
# Terraform's label rewrite drops a comment between labels; we keep it.
pytestmark = pytest.mark.corpus

DEVIATIONS = {
    "rough/hashicorp+terraform/internal/command/testdata/fmt/general_in.tf": (
        'resource "foo_instance" /* ... */ "baz" {',
        'resource "foo_instance" "baz" {',
    ),
}

ACCEPTED = [p for name in CORPUS_SETS for p in corpus_files(name) if p.with_name(p.name + ".fmt").exists()]
REJECTED = [
    (name, CORPUS / name / rel, error)
    for name in CORPUS_SETS
    for rel, error in rejected_by_terraform(name).items()
    if (CORPUS / name / rel).exists()
]


@pytest.mark.parametrize("path", ACCEPTED, ids=[str(p.relative_to(CORPUS)) for p in ACCEPTED])
def test_formats_like_terraform(path) -> None:
    expected = read(path.with_name(path.name + ".fmt"))
    got = format_source(read(path))
    deviation = DEVIATIONS.get(str(path.relative_to(CORPUS)))
    if deviation is not None:
        ours, theirs = deviation
        assert ours in got
        got = got.replace(ours, theirs)
    assert got == expected


@pytest.mark.parametrize(("name", "path", "error"), REJECTED, ids=[str(p.relative_to(CORPUS)) for _, p, _ in REJECTED])
def test_rejects_what_terraform_rejects(name: str, path, error: str) -> None:
    text = read(path)
    if "::" in text and "Error: Missing" in error:
        # provider-defined functions: newer syntax than Terraform 1.0.3 knows
        assert format_source(text) == format_source(format_source(text))
        return
    with pytest.raises(ParseError) as info:
        format_source(text, filename=str(path))
    assert error == f"Error: {info.value.summary}"


def test_corpus_counts() -> None:
    # 416 + 414 accepted dev files, 2,268 accepted rough files (corpus README)
    assert len(ACCEPTED) == 416 + 414 + 2268
    assert len(REJECTED) == 26
