"""``tffix fmt`` over many files: in parallel, and with a cache of verdicts.

As black and ruff do, each file is formatted on its own (files are
independent), across a process pool (``batch.ordered_map``), with results in
the order of the files, so the output is a serial run's. What the formatter
said about a text is kept in a verdict cache (``fmt_cache.py``), so a run over
an unchanged tree reads files and hashes them, and formats nothing.

A verdict is enough for ``--check`` and ``--list``; where the formatted text
itself is needed (a diff, a write) a file that changes is formatted again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import FMT_SUFFIXES, read_error, read_source, terraform_file, unsupported_file
from ..fmt import SelfCheckError, format_source
from ..syntax.errors import ParseError
from . import fmt_cache
from .batch import ordered_map

__all__ = ["FileOutcome", "format_files", "format_text"]


@dataclass(frozen=True)
class FileOutcome:
    """What formatting one file gave: a failure (a message for the report),
    or whether it changes, with the text read and, when it was computed, the
    formatted text."""

    path: Path
    failure: str | None = None
    changed: bool = False
    text: str | None = None
    result: str | None = None


def format_text(text: str, name: str, settings: Mapping[str, Any] | None = None) -> tuple[str | None, str | None]:
    """``(formatted text, None)``, or ``(None, message)`` for input Terraform
    refuses or a formatter bug. ``settings`` are ``format_source``'s options."""
    outcome = _format(text, name, dict(settings or {}))
    if outcome[0] == "ok":
        return outcome[1], None
    return None, _message(outcome, name)


# What a worker sends back: ("ok", formatted text), ("parse", ParseError),
# or ("internal", SelfCheckError's message).
_Answer = tuple[str, Any]


def _format(text: str, name: str, settings: dict[str, Any]) -> _Answer:
    try:
        # Terraform's rewrites for Terraform's files only; .hcl files get hclwrite's layout alone
        options = {"terraform": terraform_file(name), **settings}
        return "ok", format_source(text, filename=name, **options)
    except ParseError as e:
        return "parse", e
    except SelfCheckError as e:
        return "internal", str(e)


def _message(answer: _Answer, name: str) -> str:
    if answer[0] == "parse":
        return str(answer[1])
    return f"internal error: {answer[1]}; nothing was written. Please report this."


def _work(item: tuple[str, str, dict[str, Any], bool]) -> _Answer:
    """One file in a worker: its answer, the formatted text only when the
    caller needs it (otherwise whether it changed is all that travels back)."""
    text, name, settings, need_output = item
    answer = _format(text, name, settings)
    if answer[0] == "ok" and not need_output:
        return "same" if answer[1] == text else "changed", None
    return answer


def format_files(
    paths: Sequence[Path],
    *,
    workers: int,
    use_cache: bool,
    need_output: bool,
    settings: Mapping[str, Any] | None = None,
) -> Iterator[FileOutcome]:
    """Format ``paths`` (named or found by walking), one ``FileOutcome`` each,
    in order. ``need_output``: outcomes of files that change carry the
    formatted text. ``settings`` are ``format_source``'s options; they are
    part of the cache's key."""
    options = dict(settings or {})
    cache = fmt_cache.VerdictCache.open(options) if use_cache else None
    read: list[FileOutcome] = []
    keys: list[str | None] = []
    todo: list[tuple[str, str, dict[str, Any], bool]] = []
    for path in paths:
        outcome, key = _read(path, cache, need_output)
        read.append(outcome)
        keys.append(key)
        if outcome.failure is None and outcome.text is not None and key is not None:
            todo.append((outcome.text, str(path), options, need_output))
    answers = ordered_map(_work, todo, workers=workers)
    try:
        for outcome, key in zip(read, keys):
            if key is None:
                yield outcome
                continue
            assert outcome.text is not None
            answer = next(answers)
            if cache is not None:
                cache.record(key, outcome.text, answer, str(outcome.path))
            yield _outcome(outcome.path, outcome.text, answer)
    finally:
        if cache is not None:
            cache.save()


def _read(path: Path, cache: fmt_cache.VerdictCache | None, need_output: bool) -> tuple[FileOutcome, str | None]:
    """The file read and, where the cache answers, its outcome; else the
    outcome so far and the key under which to record the answer to come
    (``""`` without a cache)."""
    refusal = unsupported_file(path, FMT_SUFFIXES, "formatted")
    if refusal:
        return FileOutcome(path, failure=refusal), None
    try:
        text = read_source(path)
    except (OSError, UnicodeDecodeError) as e:
        return FileOutcome(path, failure=read_error(path, e)), None
    if cache is None:
        return FileOutcome(path, text=text), ""
    key = cache.text_key(path.name, text)
    verdict = cache.get(key, str(path))
    if verdict is None or (verdict is fmt_cache.CHANGED and need_output):
        return FileOutcome(path, text=text), key
    if isinstance(verdict, ParseError):
        return FileOutcome(path, failure=str(verdict), text=text), None
    return FileOutcome(path, changed=verdict is fmt_cache.CHANGED, text=text), None


def _outcome(path: Path, text: str, answer: _Answer) -> FileOutcome:
    kind, value = answer
    if kind == "ok":
        return FileOutcome(path, changed=value != text, text=text, result=value)
    if kind in ("same", "changed"):
        return FileOutcome(path, changed=kind == "changed", text=text)
    return FileOutcome(path, failure=_message(answer, str(path)), text=text)
