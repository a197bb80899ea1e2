"""Every real file in ../shared/corpus prints back byte for byte (item 9)."""

from __future__ import annotations

import pytest
from conftest import CORPUS, CORPUS_SETS, corpus_files, read, rejected_by_terraform

from tffix import ParseError, parse_module

pytestmark = pytest.mark.corpus

CASES = [(name, path) for name in CORPUS_SETS for path in corpus_files(name)]
REJECTED = {name: rejected_by_terraform(name) for name in CORPUS_SETS}


def test_corpus_is_complete() -> None:
    # 416 dev files, 414 dev-unformatted files, 2,294 rough files (corpus README)
    counts = {name: sum(1 for n, _ in CASES if n == name) for name in CORPUS_SETS}
    assert counts == {"dev": 416, "dev-unformatted": 414, "rough": 2294}


@pytest.mark.parametrize(("name", "path"), CASES, ids=[str(p.relative_to(CORPUS)) for _, p in CASES])
def test_corpus_file_round_trips(name: str, path) -> None:
    text = read(path)
    rel = str(path.relative_to(CORPUS / name))
    try:
        module = parse_module(text, path=str(path))
    except ParseError as e:
        # only files Terraform itself rejects may fail, and with its wording
        assert rel in REJECTED[name], f"Terraform accepts this file but we raised: {e}"
        assert REJECTED[name][rel] == f"Error: {e.summary}"
        return
    assert module.code == text


def test_terraform_rejections_we_accept_are_semantic_or_newer_syntax() -> None:
    """Files Terraform 1.0.3 rejects that we parse: duplicate attributes (a
    semantic check) or provider-defined functions (newer than 1.0.3)."""
    accepted = []
    for name in CORPUS_SETS:
        for rel, error in REJECTED[name].items():
            path = CORPUS / name / rel
            if not path.exists():
                continue
            try:
                parse_module(read(path))
            except ParseError:
                continue
            accepted.append((rel, error))
    assert accepted, "expected some semantic rejections in the corpus"
    for rel, error in accepted:
        text = read(CORPUS / "rough" / rel)
        assert error == "Error: Attribute redefined" or "::" in text, (rel, error)
