"""Node handlers: rules fed from one walk of each file (ruff's ``Checker``).

A rule may define ``visit_<Node>(self, node, ctx)`` and ``leave_<Node>(self,
node, ctx)`` methods (``visit_Block``, ``visit_Attribute``, ``visit_Call``...)
instead of, or besides, ``check(module)``. ``visit_module`` walks every parsed
file once with ``tffix.model.Dispatcher`` and calls the handlers of all the
rules given: N rules share one traversal, and a rule's cost grows with the
nodes it asked for, not with the tree.

``ctx`` is a ``NodeContext``: the module, the file being walked, the nodes
above the current one, and ``report(...)``, which makes the rule's finding.
A ``visit_X`` returning ``False`` skips the node's children for that rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..cst import nodes as n
from ..diagnostics import Diagnostic, Fix, Severity
from ..model import Dispatcher, node_classes
from .module import RuleIdentity, SourceFile, TerraformModule

__all__ = ["NodeContext", "handler_names", "visit_module"]

_PREFIXES = ("visit_", "leave_")
_NAMES: dict[type, tuple[str, ...]] = {}  # per rule class, worked out once


def handler_names(cls: type) -> tuple[str, ...]:
    """The ``visit_X`` / ``leave_X`` methods a rule class defines. A name
    that matches no CST node class is refused (a typo would never be called)."""
    known = _NAMES.get(cls)
    if known is not None:
        return known
    classes = node_classes()
    names = []
    for attr in dir(cls):
        if attr.startswith(_PREFIXES) and callable(getattr(cls, attr)):
            if attr[len("visit_") :] not in classes:
                raise TypeError(f"{cls.__name__}.{attr}: no CST node class {attr[len('visit_') :]!r}")
            names.append(attr)
    known = _NAMES[cls] = tuple(names)
    return known


class NodeContext:
    """What a handler receives besides the node: one per rule and module run.

    ``module`` is the module context (its ``index`` answers module-wide
    questions), ``file`` the ``SourceFile`` being walked, ``ancestors`` the
    nodes above the current one (its parent last). ``report`` makes a finding
    of the rule at a node or token of ``file`` (or ``(start, end)`` offsets)."""

    def __init__(self, module: TerraformModule, rule: RuleIdentity) -> None:
        self.module = module
        self.rule = rule
        self.found: list[Diagnostic] = []
        self._dispatcher = Dispatcher(())  # the walking one, set by ``visit_module``

    @property
    def file(self) -> SourceFile:
        path = self._dispatcher.file
        assert path is not None, "a NodeContext is only read during a walk"
        return self.module.files[path]  # type: ignore[index]

    @property
    def ancestors(self) -> Sequence[n.Node]:
        return self._dispatcher.ancestors

    @property
    def parent(self) -> n.Node | None:
        ancestors = self._dispatcher.ancestors
        return ancestors[-1] if ancestors else None

    def report(
        self,
        where: n.Node | n.Token | tuple[int, int],
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        secrets: tuple[str, ...] = (),
    ) -> Diagnostic:
        """Record (and return) a finding of the rule in the current file
        (``secrets``: texts outputs must mask, ``Diagnostic.secrets``)."""
        diagnostic = self.module.diagnostic(
            self.rule, self.file, where, message, fix=fix, severity=severity, secrets=secrets
        )
        self.found.append(diagnostic)
        return diagnostic


class _Handlers:
    """A rule as the dispatcher sees it: each handler, called with the node
    alone, calls the rule's with the node and the rule's context (one class
    per rule class, made on first use, with the rule's handler names)."""

    def __init__(self, rule: RuleIdentity, context: NodeContext) -> None:
        self.rule = rule
        self.context = context


def _forward(name: str) -> Callable[[_Handlers, Any], object]:
    def handler(self: _Handlers, node: Any) -> object:
        return getattr(self.rule, name)(node, self.context)

    handler.__name__ = name
    return handler


_CLASSES: dict[type, type[_Handlers]] = {}


def _handlers_class(cls: type) -> type[_Handlers]:
    made = _CLASSES.get(cls)
    if made is None:
        methods = {name: _forward(name) for name in handler_names(cls)}
        made = _CLASSES[cls] = type(f"{cls.__name__}Handlers", (_Handlers,), methods)
    return made


def visit_module(
    module: TerraformModule,
    rules: Sequence[RuleIdentity],
    on_error: Callable[[RuleIdentity, Exception], None] | None = None,
) -> list[list[Diagnostic]]:
    """Walk every parsed file of ``module`` once, calling the handlers of all
    ``rules``; the findings of each rule, in the order of ``rules``.

    ``on_error(rule, error)``, when given, is told when a handler raises; that
    rule's handlers are not called again in this walk (its findings so far
    are returned: the caller decides whether to trust them). Without it the
    error propagates."""
    contexts = [NodeContext(module, rule) for rule in rules]
    subscribers = [_handlers_class(type(rule))(rule, context) for rule, context in zip(rules, contexts)]

    def failed(subscriber: object, error: Exception) -> None:
        assert on_error is not None and isinstance(subscriber, _Handlers)
        on_error(subscriber.rule, error)

    dispatcher = Dispatcher(subscribers, on_error=None if on_error is None else failed)
    for context in contexts:
        context._dispatcher = dispatcher
    dispatcher.walk_files({file.path: file.tree for file in module.parsed() if file.tree is not None})
    return [context.found for context in contexts]
