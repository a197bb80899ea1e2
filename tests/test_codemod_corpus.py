"""tffix's own codemods over every module of the shared corpus: no internal
error; every file they change parses, stays fmt-clean where it was (tffix's
own formatter decides), loses no comment; and a second run changes nothing.

The corpus is provider-v4+ code (its few `aws_s3_bucket` are already
migrated, and must stay as they are), so a second test gives each of its
buckets provider-v3 arguments first, formatted, and runs the codemod on
that; the v3 shapes themselves are pinned by the golden cases
(golden/aws-s3-bucket-v4/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, CORPUS_SETS
from rule_harness import fmt_clean

from tffix.api import TerraformModule
from tffix.engine.codemods import run_codemods
from tffix.engine.discover import ModuleSource, discover
from tffix.fmt import format_source
from tffix.rules.registry import codemod_classes
from tffix.syntax.parser import parse_module
from tffix.testing import _lost_comments

pytestmark = pytest.mark.corpus

CODEMODS = {cls.name: cls for cls in codemod_classes()}


def _tf(texts: dict) -> dict:
    return {p: t for p, t in texts.items() if p.name.endswith(".tf")}


@pytest.mark.parametrize("name", sorted(CODEMODS))
@pytest.mark.parametrize("corpus_set", CORPUS_SETS)
def test_codemod_over_the_corpus(corpus_set: str, name: str) -> None:
    modules, errors = discover([str(CORPUS / corpus_set)])
    assert not errors and len(modules) > 100
    changed = 0
    for source in modules:
        run = run_codemods(source, [CODEMODS[name](**{"import": True})])
        assert not run.internal_errors, run.internal_errors
        for path in run.changed():
            changed += 1
            text = run.texts[path]
            parse_module(text, path=str(path))
            before = run.original.get(path)
            if before is not None and fmt_clean(before):
                assert fmt_clean(text), f"{path} was fmt-clean and is not after {name}"
            lost = _lost_comments(before or "", text, run, path.name)
            assert not lost, f"{path}: comments lost: {lost}"
        again = run_codemods(
            ModuleSource(source.directory, _tf(run.texts), set(_tf(run.texts)), source.existing | frozenset(run.texts)),
            [CODEMODS[name](**{"import": True})],
        )
        assert not again.internal_errors, again.internal_errors
        assert not again.applied, [f"{d.path}:{d.start}: {d.message}" for d in again.applied]
    print(f"{name} over {corpus_set}: {len(modules)} modules, {changed} files changed")
    if name == "aws-s3-bucket-v4":
        assert changed == 0  # the corpus's buckets are v4-style already: left alone


#: provider-v3 arguments given to every bucket of the corpus (then formatted)
V3 = """
  acl           = "private" # canned
  request_payer = "Requester"
  # versioning
  versioning {
    enabled = var.versioned # maybe
  }
  lifecycle_rule {
    enabled = true
    prefix  = "tmp/"
    tags    = { a = "b", c = "d" }
    expiration {
      date = "2030-01-01"
    }
  }
  dynamic "cors_rule" {
    for_each = var.cors
    content {
      allowed_methods = cors_rule.value.methods
      allowed_origins = ["*"]
    }
  }
  logging {
    target_bucket = "logs"
  }
"""


def _with_v3_arguments(path: Path, text: str) -> str:
    """``text`` with the V3 lines at the top of every multi-line bucket, formatted."""
    module = TerraformModule.from_texts(path.parent, {path: text})
    file = module.files[path]
    ats = [file.span(b.open_newline)[1] for _, b in module.blocks("resource", "aws_s3_bucket") if b.open_newline]
    for at in sorted(ats, reverse=True):
        text = text[:at] + V3.lstrip("\n") + text[at:]
    return format_source(text)


def test_v3_buckets_made_from_the_corpus() -> None:
    name = "aws-s3-bucket-v4"
    files = sorted(
        p for s in CORPUS_SETS for p in (CORPUS / s).rglob("*.tf") if 'resource "aws_s3_bucket"' in p.read_text("utf-8")
    )
    assert files
    migrated = 0
    for path in files:
        texts = {q: q.read_text("utf-8") for q in path.parent.glob("*.tf")}
        texts[path] = _with_v3_arguments(path, texts[path])
        if texts[path] == path.read_text("utf-8"):
            continue  # no bucket this test can open (e.g. one-line blocks)
        source = ModuleSource(path.parent, texts, set(texts), frozenset(texts))
        run = run_codemods(source, [CODEMODS[name]()])
        assert not run.internal_errors, run.internal_errors
        assert path in run.changed()
        migrated += len(run.applied)
        text = run.texts[path]
        parse_module(text, path=str(path))
        assert fmt_clean(text), f"{path}: fmt-clean v3 input, not fmt-clean after {name}"
        assert not _lost_comments(texts[path], text, run, path.name)
        for argument in ("acl", "request_payer", "versioning", "lifecycle_rule", "logging"):
            assert f"\n  {argument} " not in text.split('resource "aws_s3_bucket_', 1)[0]
        again = run_codemods(
            ModuleSource(path.parent, run.texts, set(run.texts), frozenset(run.texts)), [CODEMODS[name]()]
        )
        assert not again.applied and not again.internal_errors
    assert migrated > 0
