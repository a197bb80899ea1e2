"""What a rule is and what it produces: diagnostics carrying optional fixes.

Diagnostics are plain values (code, message, range, fix), so every output
(text, JSON, and later SARIF and the language server) renders the same thing.
A fix is a list of text edits against the files as the rule saw them; the
engine applies non-overlapping fixes, formats the lines they touched, and
re-runs the rules until nothing changes.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from ..engine.module import TerraformModule

__all__ = [
    "DOC_SECTIONS",
    "Applicability",
    "Diagnostic",
    "Edit",
    "Example",
    "Fix",
    "Option",
    "Rule",
    "Severity",
]


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

    @property
    def fingerprint(self) -> tuple[str, str, str]:
        return (self.code, str(self.path), self.message)


@dataclass(frozen=True)
class Example:
    """An INVALID example: ``code`` must produce a finding, and with the fix
    applied (``unsafe`` allows unsafe fixes) it must read ``fixed`` (None:
    the fix is display-only or absent, so the code stays as it is)."""

    code: str
    fixed: str | None = None
    unsafe: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    profile: str = "default"


@dataclass(frozen=True)
class Option:
    default: Any
    help: str


#: The sections every rule's docs must have, in this order.
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix safety", "References")

_CODE = re.compile(r"^TFX\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Rule:
    """Base class of all rules. Subclasses set the class attributes, write
    their docs as the class docstring (``DOC_SECTIONS`` as ``## `` headings),
    and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    #: The strongest fix the rule can offer (the listing shows it).
    fixable: ClassVar[Applicability | None] = None
    options: ClassVar[dict[str, Option]] = {}
    valid: ClassVar[tuple[str, ...]] = ()
    invalid: ClassVar[tuple[Example, ...]] = ()

    def __init__(self, **settings: Any) -> None:
        unknown = set(settings) - set(self.options)
        if unknown:
            raise ValueError(f"{self.code} ({self.name}) has no option {', '.join(sorted(unknown))}")
        for key, value in settings.items():
            wanted = type(self.options[key].default)
            if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
                raise ValueError(
                    f"{self.code} ({self.name}) option {key} must be a {wanted.__name__}, not {type(value).__name__}"
                )
        self.settings = {key: settings.get(key, option.default) for key, option in self.options.items()}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not _CODE.match(getattr(cls, "code", "")):
            raise TypeError(f"{cls.__name__}: code must look like TFX123")
        if not _NAME.match(getattr(cls, "name", "")):
            raise TypeError(f"{cls.__name__}: name must be kebab-case")

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def docs(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        raise NotImplementedError
