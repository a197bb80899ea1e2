"""Running codemods over one module: each in turn, each to its fixed point.

A codemod is written as a rule is (``tffix.rule.Codemod``), so it runs
through the same checked loop as ``tffix apply`` (``run.run_module``):
its changes are fixes, applied pass after pass until it has nothing left
to change, each pass re-parsed and formatted in the file's style, a change
that breaks its file or comes back after it was made refused as an internal
error. Codemods run in the order given, the next one on the texts the
previous one left. Being asked for by name, a codemod's unsafe fixes apply
too; display-only ones never do, and are left as notes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..rule import Codemod, RuleSet
from .discover import ModuleSource
from .run import ModuleRun, run_module

__all__ = ["CodemodChoice", "CodemodJob", "run_codemod_job", "run_codemods"]


class CodemodChoice(Protocol):
    """The codemods of a run, configured: ``make()`` builds fresh instances
    (one per module run, never shared), in the order they run. It is sent
    to worker processes, so it must pickle."""

    def make(self) -> Sequence[Codemod]: ...


@dataclass
class CodemodJob:
    source: ModuleSource
    choice: CodemodChoice
    #: the date of the whole run, the same in every worker process
    today: datetime.date | None = None


def run_codemod_job(job: CodemodJob) -> ModuleRun:
    return run_codemods(job.source, job.choice.make(), today=job.today)


def run_codemods(source: ModuleSource, codemods: Sequence[Codemod], *, today: datetime.date | None = None) -> ModuleRun:
    """The module after every codemod, in order. ``applied`` lists each
    change made; ``remaining`` the changes a codemod offered but could not
    make (display-only, or in a file this run may not write); a parse error
    or an internal error stops the codemods that follow."""
    out = ModuleRun(source.directory, dict(source.texts), dict(source.texts))
    for codemod in codemods:
        run = run_module(
            source.directory,
            out.texts,
            RuleSet((codemod,), unsafe_fixes=True),
            fix=True,
            targets=source.targets,
            writable=None if source.whole else source.targets,
            may_create=source.whole,
            existing=source.existing,
            unreadable=source.unreadable,
            today=today,
        )
        out.texts = run.texts
        out.applied.extend(run.applied)
        out.remaining.extend(run.remaining)
        out.internal_errors.extend(run.internal_errors)
        out.parse_errors.extend(e for e in run.parse_errors if str(e) not in map(str, out.parse_errors))
        if run.parse_errors or run.internal_errors:
            break
    return out
