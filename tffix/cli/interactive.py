"""Interactive review: each fix shown as a diff, and a question.

y apply this fix, n skip it, a apply it and every other fix of this rule
(or codemod), d skip it and every other of this rule, q skip everything
left. The fixes are found first (by worker processes, for ``tffix apply``);
the questions are asked here, in the main process, one module at a time;
then only the accepted fixes are applied, through the same checked loop as
``tffix apply`` (a fix the user accepted still has to parse and hold).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..diagnostics import Diagnostic, Fix
from ..engine.edits import apply_fix_edits
from ..rule import RuleSet
from .diff import unified_diff

__all__ = ["Chosen", "Review"]

_ANSWERS = {
    "y": "apply this fix",
    "n": "skip it",
    "a": "apply it and every other fix of this rule",
    "d": "skip it and every other fix of this rule",
    "q": "skip everything left",
}


@dataclass(frozen=True, eq=False)
class Chosen(RuleSet):
    """A rule set that applies only the fixes the user accepted: those
    named (as found, before any was applied) and any fix of the rules
    accepted whole."""

    accepted: frozenset[Fix] = frozenset()
    whole_rules: frozenset[str] = frozenset()

    @classmethod
    def of(cls, ruleset: RuleSet, accepted: frozenset[Fix], whole_rules: frozenset[str]) -> Chosen:
        return cls(
            ruleset.rules,
            ruleset.unsafe_fixes,
            ruleset.intended_unsafe,
            ruleset.names,
            ruleset.fingerprint,
            accepted=accepted,
            whole_rules=whole_rules,
        )

    def allows(self, rule_name: str, fix: Fix) -> bool:
        return super().allows(rule_name, fix) and (rule_name in self.whole_rules or fix in self.accepted)


@dataclass
class Review:
    """The answers of one run, across its modules."""

    #: rule (or codemod) names answered with a / d
    always: set[str] = field(default_factory=set)
    never: set[str] = field(default_factory=set)
    quit: bool = False
    applied: Counter[str] = field(default_factory=Counter)
    skipped: int = 0

    def ask(self, diags: Sequence[Diagnostic], texts: Mapping[Path, str]) -> tuple[frozenset[Fix], frozenset[str]]:
        """Ask about each fix of ``diags`` (fixes on ``texts``); the fixes
        accepted one by one, and the rules accepted whole."""
        accepted: set[Fix] = set()
        for diag in diags:
            assert diag.fix is not None
            if self.quit or diag.name in self.never:
                self.skipped += 1
                continue
            if diag.name in self.always:
                accepted.add(diag.fix)
                continue
            click.echo(f"\n{diag.path}:{diag.start[0]}:{diag.start[1]}: {diag.code} {diag.message}", err=True)
            click.echo(f"fix ({diag.fix.applicability.value}): {diag.fix.message}", err=True)
            click.echo(_preview(diag.fix, texts), nl=False, err=True)
            answer = click.prompt(
                "Apply? [y]es [n]o [a]ll of this rule [d]one with this rule [q]uit",
                type=click.Choice(list(_ANSWERS)),
                show_choices=False,
                err=True,
            )
            if answer in ("y", "a"):
                accepted.add(diag.fix)
                if answer == "a":
                    self.always.add(diag.name)
            else:
                self.skipped += 1
                if answer == "d":
                    self.never.add(diag.name)
                elif answer == "q":
                    self.quit = True
        return frozenset(accepted), frozenset(self.always)

    def count(self, applied: Sequence[Diagnostic]) -> None:
        self.applied.update(f"{d.code} ({d.name})" if d.code != d.name else d.name for d in applied)

    def summary(self) -> str:
        total = sum(self.applied.values())
        if not total:
            return f"Applied no fix ({self.skipped} skipped)."
        each = ", ".join(f"{name} x{count}" for name, count in sorted(self.applied.items()))
        return f"Applied {total} {'fix' if total == 1 else 'fixes'}: {each} ({self.skipped} skipped)."


def _preview(fix: Fix, texts: Mapping[Path, str]) -> str:
    """The fix as a diff of the files it edits, as it would write them."""
    try:
        new = apply_fix_edits(texts, fix.edits)
    except Exception as e:  # noqa: BLE001 - a preview must not stop the review; applying checks again
        return f"(no preview: {e})\n"
    return "".join(
        unified_diff(str(path), texts.get(path, ""), text, new_file=path not in texts)
        for path, text in sorted(new.items())
        if texts.get(path) != text
    )
