"""The formatter's self-checks fire on a broken pass and write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import tffix.fmt as fmt
from tffix.cli import main
from tffix.fmt import SelfCheckError, format_source


def test_output_that_does_not_parse_is_an_internal_error(monkeypatch) -> None:
    monkeypatch.setattr(fmt, "render", lambda tokens: "a = = 1\n")
    with pytest.raises(SelfCheckError, match="does not parse"):
        format_source("a=1\n")


def test_unstable_output_is_an_internal_error(monkeypatch) -> None:
    # a rewrite that removes one level per run (as Terraform's does) is not stable
    import tffix.fmt.rewrites as rewrites

    real = rewrites.unwrap_interpolation

    def one_level(tokens):
        inner = tokens[2:-2]
        if real(tokens) is None:
            return None
        return [tok for tok in inner if tok.kind != "NEWLINE"]

    monkeypatch.setattr(rewrites, "unwrap_interpolation", one_level)
    with pytest.raises(SelfCheckError, match="not stable"):
        format_source('a = "${"${b}"}"\n')


def test_layout_depends_only_on_token_content() -> None:
    # what the cheap stability check relies on: whitespace in the input does not
    # change the output, only the tokens do
    assert format_source("a=1\nbb  =\t2 # c\n") == format_source("a =    1\nbb=2      # c\n")


def test_changed_content_is_an_internal_error(monkeypatch) -> None:
    real = fmt.render
    monkeypatch.setattr(fmt, "render", lambda tokens: real(tokens).replace("1", "2"))
    with pytest.raises(SelfCheckError, match="more than whitespace"):
        format_source("a=1\n")


def test_cli_writes_nothing_on_internal_error(monkeypatch, tmp_path: Path) -> None:
    f = tmp_path / "main.tf"
    f.write_text("a=1\n")
    monkeypatch.setattr(fmt, "render", lambda tokens: "a = = 1\n")
    result = CliRunner().invoke(main, ["fmt", str(f)])
    assert result.exit_code == 2 and "internal error" in result.output
    assert f.read_text() == "a=1\n"


def test_unchanged_input_skips_the_second_pass(monkeypatch) -> None:
    calls = []
    real = fmt._format
    monkeypatch.setattr(fmt, "_format", lambda module: calls.append(1) or real(module))
    assert format_source("a = 1\n") == "a = 1\n"
    assert len(calls) == 1
