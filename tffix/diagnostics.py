"""What rules produce: diagnostics carrying optional fixes, made of text edits.

Diagnostics are plain values (code, message, range, fix), so every output
(text, JSON, SARIF and the language server) renders the same thing. A fix
is a list of text edits against the files as the rule saw them; the engine
applies non-overlapping fixes, formats the lines they touched, and re-runs
the rules until nothing changes.

This vocabulary is neutral: it imports nothing from tffix, so the engine,
the rules, the outputs and the language server all speak it without
depending on one another.

A finding about a secret (a hard-coded password, a private key) names the
secret's text in ``Diagnostic.secrets``; every output that shows source text
or a message (text snippets, JSON, SARIF, GitHub annotations, JUnit and
Checkstyle reports, dry-run diffs, the language server) passes it through
``mask``, which shows ``****`` in its place.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MASK", "Applicability", "Diagnostic", "Edit", "Fix", "Severity", "mask"]

#: what outputs show in place of a secret
MASK = "****"


class Applicability(enum.Enum):
    """How far a fix can be trusted (ruff's three levels)."""

    SAFE = "safe"  # keeps behaviour and comments: applied by `tffix apply`
    UNSAFE = "unsafe"  # correct, but may change the plan: needs --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown as a suggestion, never applied


class Severity(enum.Enum):
    ERROR = "error"  # Terraform or the provider rejects it, or it breaks deployments
    WARNING = "warning"  # works today, but is deprecated, drifts or misleads
    INFO = "info"


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` (character offsets) of ``path`` with ``text``.

    ``create`` edits make a new file (start = end = 0) and fail when it exists:
    a fix never overwrites a file it did not read."""

    path: Path
    start: int
    end: int
    text: str
    create: bool = False

    def overlaps(self, other: Edit) -> bool:
        if self.path != other.path:
            return False
        if self.start == other.start:
            return True  # two insertions at one point have no defined order
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability

    @property
    def paths(self) -> set[Path]:
        return {edit.path for edit in self.edits}


@dataclass(frozen=True)
class Diagnostic:
    """One finding: ``start``/``end`` are 1-based (line, column) with columns
    counted in characters; ``offsets`` index the file's text."""

    code: str
    name: str
    severity: Severity
    message: str
    path: Path
    start: tuple[int, int]
    end: tuple[int, int]
    offsets: tuple[int, int]
    fix: Fix | None = None
    #: texts this finding is about that no output may show (a password as
    #: written in the source and as it reads); outputs ``mask`` them
    secrets: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> tuple[str, str, str]:
        return (self.code, str(self.path), self.message)


def mask(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of each secret replaced by ``MASK``
    (longest first, so a secret that contains another goes whole). A secret
    that starts or ends with a letter or digit is masked where it stands
    alone there, not inside a longer word: a password ``admin1`` leaves
    ``admin12`` alone."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        if secret in text:
            # an escape before it (`\nMIIE...` in a quoted key) is a boundary, not part of a word
            head = r"(?<![A-Za-z0-9](?<!\\[nrt]))" if secret[0].isalnum() else ""
            tail = r"(?![A-Za-z0-9])" if secret[-1].isalnum() else ""
            text = re.sub(head + re.escape(secret) + tail, MASK, text)
    return text
