"""Running rules over one module, and the checked fixed-point apply loop.

Each pass runs every rule over the parsed files, and applies the allowed
fixes that do not overlap (a fix's edits go in together or not at all). Then
it starts again on the new text, until a pass has nothing to apply. Only the
files a pass edited change: the next pass reuses the other files' parse, and
takes the edited files' trees from the formatter, which parsed them to check
its output (no file is parsed twice for one text). A fix whose
output does not parse is dropped and reported as that rule's internal error;
a fix whose finding is still there afterwards likewise; and if passes keep
finding work after ``MAX_PASSES``, the run stops and names the rules.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..context.inputs import Inputs
from ..context.module import MODULE_SUFFIX, RuleIdentity, SourceFile, TerraformModule
from ..context.suppressions import apply_suppressions
from ..context.visit import handler_names, visit_module
from ..cst import nodes as n
from ..diagnostics import Applicability, Diagnostic, Edit
from ..fmt.checks import SelfCheckError
from ..model import ModuleIndex
from ..rule import Rule, RuleSet, RuleSource
from ..syntax.errors import ParseError
from .edits import apply_fix_edits_parsed

__all__ = ["MAX_PASSES", "ModuleRun", "run_module"]

MAX_PASSES = 10


@dataclass
class ModuleRun:
    """What happened to one module. ``texts`` holds the final text of every
    file (new files included); ``original`` the text as read."""

    directory: Path
    original: dict[Path, str]
    texts: dict[Path, str]
    remaining: list[Diagnostic] = field(default_factory=list)
    applied: list[Diagnostic] = field(default_factory=list)
    parse_errors: list[ParseError] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    #: positions in ``remaining`` of the findings whose fix this run could apply
    fixable: set[int] = field(default_factory=set)
    #: the date and disk reads the result depends on besides its arguments
    inputs: Inputs = field(default_factory=Inputs)
    #: findings other fixes of this run made appear, whose unsafe fixes it left alone
    held_back: int = 0
    #: every secret a finding of any pass was about: outputs mask them all
    secrets: frozenset[str] = frozenset()

    def changed(self) -> list[Path]:
        return sorted(p for p, text in self.texts.items() if self.original.get(p) != text)


def _check(module: TerraformModule, ruleset: RuleSet, errors: list[str]) -> list[Diagnostic]:
    rules = ruleset.rules
    by_rule: list[list[Diagnostic]] = [[] for _ in rules]
    crashed: set[int] = set()
    for i, rule in enumerate(rules):
        if not _collect(module, rule, rule.check, (module,), by_rule[i], errors):
            crashed.add(i)
    # one walk of each file feeds the handlers of every rule that has some
    handling = [i for i, rule in enumerate(rules) if handler_names(type(rule)) and i not in crashed]
    position = {id(rules[i]): i for i in handling}

    def handler_failed(rule: RuleIdentity, error: Exception) -> None:
        crashed.add(position[id(rule)])
        _crashed(module, rules[position[id(rule)]], error, errors)

    handled = visit_module(module, [rules[i] for i in handling], handler_failed)
    for i, more in zip(handling, handled):
        by_rule[i].extend(more)
    # all or nothing: a crashed rule's findings are not trusted
    found = [diag for i, diags in enumerate(by_rule) if i not in crashed for diag in diags]
    found, directives = apply_suppressions(module.parsed(), found, module.inputs, ruleset.names)
    active = {r.code for r in rules}
    for rule in rules:  # the hook sees which directives covered a finding
        _collect(module, rule, rule.check_suppressions, (module, directives, active), found, errors)
    return sorted(found, key=lambda d: (str(d.path), d.offsets, d.code))


def _collect(
    module: TerraformModule,
    rule: Rule,
    check: Callable[..., Iterable[Diagnostic]],
    args: tuple[object, ...],
    found: list[Diagnostic],
    errors: list[str],
) -> bool:
    """Add what ``check(*args)`` finds, or record the rule's crash (False)."""
    try:
        found.extend(list(check(*args)))  # all or nothing: a crashed rule's findings are not trusted
    except Exception as e:  # noqa: BLE001 - a crashing rule must not stop the run
        _crashed(module, rule, e, errors)
        return False
    return True


def _crashed(module: TerraformModule, rule: RuleIdentity, error: Exception, errors: list[str]) -> None:
    message = f"{module.directory}: internal error in {rule.code} ({rule.name}): {type(error).__name__}: {error}"
    if message not in errors:  # it crashes again on every pass
        errors.append(message)


def _non_overlapping(candidates: list[Diagnostic], *, join: bool = True) -> tuple[list[Diagnostic], bool]:
    """The fixes one pass applies, and whether two of them insert at one point
    (``join``: both go in, in the order chosen, instead of one per pass)."""
    chosen: list[Diagnostic] = []
    taken = _Taken(join)
    for diag in candidates:
        assert diag.fix is not None
        if any(taken.overlaps(edit) for edit in diag.fix.edits):
            continue  # left for the next pass, which sees the new text
        chosen.append(diag)
        for edit in diag.fix.edits:
            taken.add(edit)
    return chosen, taken.joined


def _inserted_together(a: Edit, b: Edit) -> bool:
    """Two insertions at one point of a file that exists (new files are made
    by one fix at a time): ten fixes each declaring a variable at the end of
    variables.tf need not take ten passes."""
    return a.start == a.end == b.start == b.end and not (a.create or b.create)


def _declares_twice(module: TerraformModule, new_texts: Mapping[Path, tuple[str, n.Module]]) -> bool:
    """Whether the new trees declare something twice that the old ones did not
    (two fixes inserting one variable each, with different text, in one pass)."""

    def twice(tree: n.Module) -> set[tuple[str, tuple[str, ...]]]:
        names = Counter((d.kind, d.name) for d in ModuleIndex({0: tree}).declarations() if not d.override)
        return {name for name, count in names.items() if count > 1}

    for path, (_, tree) in new_texts.items():
        old = module.files.get(path)
        if twice(tree) - (twice(old.tree) if old is not None and old.tree is not None else set()):
            return True
    return False


class _Taken:
    """The edits chosen so far, per file in order of start, so that an
    overlap check looks only at those that can reach the new edit (those
    starting at most the longest one's length before it), not at every
    edit of the file: a large file has thousands of fixes."""

    def __init__(self, join: bool) -> None:
        self.edits: dict[Path, list[tuple[int, int, Edit]]] = {}  # (start, order, edit)
        self.longest: dict[Path, int] = {}
        self.join = join
        self.joined = False

    def add(self, edit: Edit) -> None:
        spans = self.edits.setdefault(edit.path, [])
        insort(spans, (edit.start, len(spans), edit))
        self.longest[edit.path] = max(self.longest.get(edit.path, 0), edit.end - edit.start)

    def overlaps(self, edit: Edit) -> bool:
        spans = self.edits.get(edit.path, [])
        i = bisect_left(spans, (edit.start - self.longest.get(edit.path, 0),))
        while i < len(spans) and spans[i][0] <= edit.end:
            if spans[i][2].overlaps(edit):
                if not (self.join and _inserted_together(spans[i][2], edit)):
                    return True
                self.joined = True
            i += 1
        return False


def _apply(texts: dict[Path, str], fixes: list[Diagnostic]) -> dict[Path, tuple[str, n.Module]]:
    """New texts (and their trees) of the files the fixes edit. Raises
    ParseError/SelfCheckError/ValueError."""
    # an edit two fixes share (the same variable declared for both) is made once
    edits = dict.fromkeys(edit for diag in fixes if diag.fix is not None for edit in diag.fix.edits)
    return apply_fix_edits_parsed(texts, edits)


class _Pass:
    """State shared by the passes of one run."""

    def __init__(self, ruleset: RuleSet, writable: set[Path], existing: frozenset[Path], creatable: set[Path]) -> None:
        self.ruleset = ruleset
        self.writable = writable
        self.existing = existing
        self.creatable = creatable
        self.banned: set[tuple[str, str, str]] = set()
        self.errors: list[str] = []
        #: what `tffix check` showed, as (code, file, text found on); None before the first check
        self.first_seen: set[tuple[str, Path, str]] | None = None
        #: the module's texts now (the run's own dict, updated in place)
        self.texts: dict[Path, str] = {}
        #: the rules whose fixes this run applied, and those `tffix check` showed findings of
        self.fixed_codes: set[str] = set()
        self.first_codes: set[str] = set()

    def may_apply(self, diag: Diagnostic) -> bool:
        """The rule set allows the fix and it only edits files this run may write."""
        fix = diag.fix
        if fix is None or not self.ruleset.allows(diag.name, fix) or diag.fingerprint in self.banned:
            return False
        if self.cascaded(diag):
            return False
        # e.g. an editor buffer on stdin: other files cannot change
        return all(e.path in self.writable or (e.create and e.path.parent in self.creatable) for e in fix.edits)

    def cascaded(self, diag: Diagnostic) -> bool:
        """An unsafe fix of a finding that only another rule's fix made
        appear: not applied, since the user never saw it (TFX101's new
        variable must not let TFX117 rename resources in the same run)."""
        fix = diag.fix
        return (
            fix is not None
            and fix.applicability is Applicability.UNSAFE
            and self.first_seen is not None
            and diag.code not in self.fixed_codes  # a rule (or codemod) may follow its own fixes to a fixed point
            and diag.code not in self.first_codes  # a rule check showed findings of: they may move with the code
            and _found_on(diag, self.texts) not in self.first_seen
        )

    def candidates(self, diags: list[Diagnostic], texts: dict[Path, str]) -> list[Diagnostic]:
        out = []
        for diag in diags:
            if not self.may_apply(diag):
                continue
            fix = diag.fix
            assert fix is not None
            clash = [e.path for e in fix.edits if e.create and (e.path in self.existing or e.path in texts)]
            if clash:
                self.ban(diag, f"its fix would overwrite {clash[0]}")
                continue
            out.append(diag)
        return out

    def ban(self, diag: Diagnostic, why: str) -> None:
        self.banned.add(diag.fingerprint)
        self.errors.append(
            f"{diag.path}:{diag.start[0]}:{diag.start[1]}: internal error in {diag.code} ({diag.name}): {why}; fix not applied"
        )

    def apply(
        self, texts: dict[Path, str], chosen: list[Diagnostic]
    ) -> tuple[dict[Path, tuple[str, n.Module]], list[Diagnostic]]:
        """Apply ``chosen``; fixes that break their file are banned and left out."""
        try:
            return _apply(texts, chosen), chosen
        except (ParseError, SelfCheckError, ValueError):
            pass
        good = []
        for diag in chosen:
            try:
                _apply(texts, [diag])
                good.append(diag)
            except (ParseError, SelfCheckError, ValueError) as e:
                self.ban(diag, f"its fix {_refusal(e)}")
        try:
            return _apply(texts, good), good
        except (ParseError, SelfCheckError, ValueError) as e:
            for diag in good:
                self.ban(diag, f"fixes together {_refusal(e)}")
            return {}, []

    def apply_joined(
        self, texts: dict[Path, str], module: TerraformModule, candidates: list[Diagnostic]
    ) -> tuple[dict[Path, tuple[str, n.Module]], list[Diagnostic]]:
        """``apply`` of the fixes one pass can make; insertions at one point go
        in together unless together they break the file or declare a name
        twice, and then the pass falls back to one of them."""
        chosen, joined = _non_overlapping(candidates)
        if joined:
            try:
                new_texts = _apply(texts, chosen)
                if not _declares_twice(module, new_texts):
                    return new_texts, chosen
            except (ParseError, SelfCheckError, ValueError):
                pass
            chosen, _ = _non_overlapping(candidates, join=False)
        return self.apply(texts, chosen)


def _refusal(error: Exception) -> str:
    """Why edits were not applied, for an internal-error message."""
    if isinstance(error, ParseError):
        return f"would write code that does not parse ({error})"
    if isinstance(error, SelfCheckError):
        return f"failed the formatter's self-check ({error})"
    return f"cannot be applied ({error})"  # e.g. its own edits overlap


def run_module(
    directory: Path,
    texts: dict[Path, str],
    settings: RuleSource,
    *,
    fix: bool,
    targets: set[Path] | None = None,
    writable: set[Path] | None = None,
    may_create: bool = True,
    existing: frozenset[Path] = frozenset(),
    rules: list[Rule] | None = None,
    unreadable: frozenset[Path] = frozenset(),
    today: datetime.date | None = None,
    known: Mapping[Path, SourceFile] | None = None,
    declare_in_place: bool = False,
    declare_in: frozenset[Path] | None = None,
    lone: bool = False,
) -> ModuleRun:
    """Check (and with ``fix``, repair) the module made of ``texts``.

    ``targets`` limits the reported findings to some files (default: all);
    ``writable`` the files fixes may edit (default: every file of the module,
    since a fix for one file may declare a variable in another);
    ``may_create`` whether fixes may add files to ``directory``; ``existing``
    the paths already on disk there, which a new file must not replace;
    ``settings`` gives the rules and which fixes may apply (a ``RuleSet``,
    or anything with a ``ruleset()`` such as ``Settings``);
    ``rules`` overrides its rule selection (tests use it);
    ``unreadable`` names module files that could not be read, which makes
    the module incomplete, as a parse error does; ``today`` is the date
    suppressions' expiries are compared with (default: ``inputs.today()``);
    ``known`` files already parsed (the language server's, from an earlier
    check), taken as they are where their text is the same.
    ``declare_in_place``: a fix that needs a declaration the module has no
    file for writes it in a file it may edit (an editor's buffer) instead of
    a new file; ``declare_in`` names those files (default: ``writable``);
    ``lone`` a buffer with no folder of its own (``TerraformModule.lone``)."""
    targets = set(texts) if targets is None else targets
    creatable = {directory} if may_create else set()
    ruleset = settings.ruleset()
    if rules is not None:
        ruleset = replace(ruleset, rules=tuple(rules))
    state = _Pass(ruleset, set(texts if writable is None else writable), existing, creatable)
    run = ModuleRun(directory, dict(texts), dict(texts), inputs=Inputs() if today is None else Inputs(today))
    # an editor's buffer (or named files): fixes declare what they need in the files they may edit
    editable = (declare_in or frozenset(state.writable)) if declare_in_place else None
    module = TerraformModule.from_texts(
        directory, run.texts, existing, unreadable, run.inputs, known=known, editable=editable, lone=lone
    )
    diags = _check(module, ruleset, state.errors)
    state.texts = run.texts
    seen_secrets = {secret for d in diags for secret in d.secrets}
    state.first_seen = {_found_on(d, run.texts) for d in diags}
    state.first_codes = {d.code for d in diags}
    expected: Counter[tuple[str, str, str]] = Counter()
    for _ in range(MAX_PASSES if fix else 0):
        _verify_gone(diags, expected, state)
        new_texts, chosen = state.apply_joined(run.texts, module, state.candidates(diags, run.texts))
        if not chosen:
            break
        run.texts.update((path, text) for path, (text, _) in new_texts.items())
        state.writable.update(p for p in new_texts if p not in run.original)  # a file made in pass 1 may grow in pass 2
        run.applied.extend(chosen)
        state.fixed_codes.update(d.code for d in chosen)
        expected = Counter(d.fingerprint for d in diags)
        expected.subtract(d.fingerprint for d in chosen)
        # only the edited files change: the others keep their parse, the edited ones take the formatter's
        known = {path: file for path, file in module.files.items() if path not in new_texts}
        known.update(
            (path, SourceFile.from_tree(path, text, tree))
            for path, (text, tree) in new_texts.items()
            if path.name.endswith(MODULE_SUFFIX)
        )
        module = TerraformModule.from_texts(
            directory, run.texts, existing, unreadable, run.inputs, known=known, editable=editable, lone=lone
        )
        diags = _check(module, ruleset, state.errors)
        seen_secrets.update(secret for d in diags for secret in d.secrets)
    else:
        if fix:
            names = sorted({f"{d.code} ({d.name})" for d in diags if d.fix and state.ruleset.allows(d.name, d.fix)})
            if names:
                state.errors.append(
                    f"{directory}: fixes did not converge after {MAX_PASSES} passes: {', '.join(names)}"
                )
    run.remaining = [d for d in diags if d.path in targets or d.path not in run.original]
    run.fixable = {i for i, d in enumerate(run.remaining) if state.may_apply(d)}
    run.secrets = frozenset(seen_secrets)
    run.held_back = sum(
        1 for d in run.remaining if d.fix is not None and state.cascaded(d) and state.ruleset.allows(d.name, d.fix)
    )
    run.parse_errors = [f.error for f in module.files.values() if f.error is not None and f.path in targets]
    run.internal_errors = state.errors
    return run


def _found_on(diag: Diagnostic, texts: dict[Path, str]) -> tuple[str, Path, str]:
    """A finding as its rule and the code it is on: unlike the message
    (which may name a variable an earlier fix declared), this stays the
    same across the passes of a run until the code itself is fixed."""
    start, end = diag.offsets
    return diag.code, diag.path, texts.get(diag.path, "")[start:end]


def _verify_gone(diags: list[Diagnostic], expected: Counter[tuple[str, str, str]], state: _Pass) -> None:
    """A finding whose fix was applied must be gone in the next pass."""
    if not expected:
        return
    seen = Counter(d.fingerprint for d in diags)
    for diag in diags:
        key = diag.fingerprint
        if key in expected and seen[key] > max(expected[key], 0) and key not in state.banned:
            state.ban(diag, "the finding is still there after its fix")
