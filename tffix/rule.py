"""What a rule is: its identity, options, examples and docs, the checks it
runs over a module, and the set of configured rules a run receives.

The engine depends on this vocabulary only, never on a concrete rule: what
used to be special-cased for one rule (reporting unused suppressions) is a
hook here, ``Rule.check_suppressions``, that any rule may implement. The
engine gets its rules as a ``RuleSet`` (``Settings.ruleset()`` builds one
from the registry), so it imports neither the settings nor the registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

from .context.module import TerraformModule
from .context.suppressions import Suppression
from .context.visit import handler_names
from .diagnostics import Applicability, Diagnostic, Fix, Severity

__all__ = [
    "DOC_SECTIONS",
    "Codemod",
    "Example",
    "Option",
    "Rule",
    "RuleSet",
    "RuleSource",
]


@dataclass(frozen=True)
class Example:
    """An INVALID example: ``code`` must produce a finding, and with the fix
    applied (``unsafe`` allows unsafe fixes) it must read ``fixed`` (None:
    the fix is display-only or absent, so the code stays as it is).
    ``name`` names the case in ``tffix test`` (default: its index)."""

    code: str
    fixed: str | None = None
    unsafe: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    profile: str = "default"
    name: str = ""


@dataclass(frozen=True)
class Option:
    """A rule option: its default (whose type every value must have), its
    help text, and, when only some values make sense, the ``choices``."""

    default: Any
    help: str
    choices: tuple[Any, ...] = ()


#: The sections every rule's docs must have, in this order.
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix safety", "References")

#: a rule's code: a prefix of 2 to 6 capital letters and 3 digits (``TFX`` is
#: tffix's own; a plugin picks its own prefix, ``ACME001``)
_CODE = re.compile(r"^[A-Z]{2,6}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Rule:
    """Base class of all rules. Subclasses set the class attributes, write
    their docs as the class docstring (``DOC_SECTIONS`` as ``## `` headings),
    and find problems in either or both of two ways:

    - **Node handlers** (ruff's ``Checker``): define ``visit_<Node>(self,
      node, ctx)`` and/or ``leave_<Node>(self, node, ctx)`` for the CST node
      classes the rule cares about (``visit_Block``, ``visit_Attribute``,
      ``visit_FunctionCall``...). The engine walks each file once and calls
      the handlers of every enabled rule from that one walk, so a rule costs
      what its matches cost, not a walk of its own. ``ctx`` is a
      ``tffix.context.NodeContext``: ``ctx.module`` (the module, whose
      ``index`` answers module-wide questions), ``ctx.file`` (the
      ``SourceFile`` being walked), ``ctx.ancestors`` / ``ctx.parent`` (the
      nodes above, parent last) and ``ctx.report(where, message, fix=...,
      severity=...)``, which records a finding. A ``visit_X`` returning
      ``False`` skips that node's children for this rule only. A handler
      name that names no node class is refused when the class is defined.
    - **``check(module)``**: a whole-module look, yielding ``Diagnostic`` s
      (``module.diagnostic(self, file, node, message)`` makes one). The
      default finds nothing.

    A rule that raises, in ``check`` or in a handler, is reported as an
    internal error of that rule, and none of its findings of that pass are
    kept; the other rules are not affected. To look at suppression comments
    after the other rules ran, implement ``check_suppressions``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    #: The strongest fix the rule can offer (the listing shows it).
    fixable: ClassVar[Applicability | None] = None
    options: ClassVar[dict[str, Option]] = {}
    valid: ClassVar[tuple[str, ...]] = ()
    invalid: ClassVar[tuple[Example, ...]] = ()

    def __init__(self, **settings: Any) -> None:
        self.settings = checked_options(self._label(), self.options, settings)

    @classmethod
    def _label(cls) -> str:
        return f"{cls.code} ({cls.name})"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__module__ == __name__ and cls.__name__ == "Codemod":
            return  # the codemod base class: its subclasses are checked below
        if not _NAME.match(getattr(cls, "name", "")):
            raise TypeError(f"{cls.__name__}: name must be kebab-case")
        if issubclass(cls, Codemod):
            cls.code = cls.name  # a codemod is known by its name; its changes carry it
        elif not _CODE.match(getattr(cls, "code", "")):
            raise TypeError(
                f"{cls.__name__}: code {getattr(cls, 'code', None)!r} must be 2-6 capital letters and 3 digits (ACME001)"
            )
        handler_names(cls)  # refuses a handler named after no node class

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def docs(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        """Findings of a whole-module look; none by default (a rule may work
        through node handlers alone)."""
        return iter(())

    def check_suppressions(
        self, module: TerraformModule, directives: Mapping[Path, list[Suppression]], active: set[str]
    ) -> Iterator[Diagnostic]:
        """Findings about suppression comments, called once the other rules'
        findings were matched against them: ``directives`` holds every
        file's directives (``used`` set where one covered a finding) and
        ``active`` the codes of the rules that ran. None by default."""
        return iter(())


def checked_options(label: str, options: Mapping[str, Option], settings: Mapping[str, Any]) -> dict[str, Any]:
    """Every option's value: the given ones checked against their ``Option``
    (known key, the default's type, one of the choices), the defaults for the
    rest. Raises ValueError naming ``label`` (the rule or codemod)."""
    unknown = set(settings) - set(options)
    if unknown:
        raise ValueError(f"{label} has no option {', '.join(sorted(unknown))}")
    for key, value in settings.items():
        option = options[key]
        wanted = type(option.default)
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise ValueError(f"{label} option {key} must be a {wanted.__name__}, not {type(value).__name__}")
        if option.choices and value not in option.choices:
            raise ValueError(f"{label}: {key} must be one of {', '.join(map(str, option.choices))}")
    return {key: settings.get(key, option.default) for key, option in options.items()}


class Codemod(Rule):
    """Base class of codemods: one-off transformations a user asks for by
    name (``tffix codemod NAME``), which need no finding to run.

    A codemod is written as a rule is (``docs/writing-codemods.md``): a
    kebab-case ``name``, typed ``options`` (``Option``), docs as the class
    docstring, node handlers (``visit_<Node>`` / ``leave_<Node>``) and/or
    ``check(module)``, and a ``FixBuilder`` for each change, passed to
    ``ctx.report(where, message, fix=...)``: the message says what changed.
    ``valid`` holds texts it leaves alone and ``invalid`` its ``Example`` s
    (``code`` -> ``fixed``, with ``options``). ``tffix codemod`` applies every
    change whose fix is safe or unsafe (being asked for, the codemod is
    trusted; display-only fixes are never applied), pass after pass until
    nothing changes, with the checks and writes of ``tffix apply``.

    Its ``code`` is its name; codemods have no severity of their own."""

    code: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.INFO
    fixable: ClassVar[Applicability | None] = Applicability.SAFE

    @classmethod
    def _label(cls) -> str:
        return f"codemod {cls.name}"


class RuleSource(Protocol):
    """Anything that yields the rules of a run: a ``RuleSet`` itself, or the
    run's settings (``tffix.settings.Settings``)."""

    def ruleset(self) -> RuleSet: ...


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The configured rules of one run and which of their fixes it may apply:
    all the engine needs to know about rules.

    ``intended_unsafe`` names rules whose unsafe fixes apply without
    ``unsafe_fixes`` (a profile's choice); ``names`` maps every known rule's
    name to its code, so a suppression comment may name a rule that did not
    run."""

    rules: tuple[Rule, ...]
    unsafe_fixes: bool = False
    intended_unsafe: frozenset[str] = frozenset()
    names: Mapping[str, str] = field(default_factory=dict)
    #: what the rules' code is beyond tffix's own: the digest of the loaded
    #: plugins' sources, so that a result cached before a plugin changed is not used
    fingerprint: str = ""

    def ruleset(self) -> RuleSet:
        return self

    def allows(self, rule_name: str, fix: Fix) -> bool:
        """Whether ``tffix apply`` under this rule set applies ``fix``."""
        if fix.applicability is Applicability.SAFE:
            return True
        if fix.applicability is Applicability.UNSAFE:
            return self.unsafe_fixes or rule_name in self.intended_unsafe
        return False

    def cache_key(self) -> dict[str, Any]:
        """Everything about the rules that decides a run's result, as plain data."""
        return {
            "rules": [[rule.code, rule.settings] for rule in self.rules],
            "unsafe_fixes": self.unsafe_fixes,
            "intended_unsafe": sorted(self.intended_unsafe),
            "names": sorted(self.names.items()),
            "fingerprint": self.fingerprint,
        }
