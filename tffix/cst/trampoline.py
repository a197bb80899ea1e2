"""Recursion that does not use Python's call stack.

Terraform reads nesting thousands of levels deep (templates in templates,
calls in calls), far deeper than Python's recursion limit of about a
thousand frames. A function that recurses over such input is written as a
generator that ``yield``s each recursive call (another such generator) and
receives its result; ``trampoline`` runs it with a list as the stack. An
exception travels up the suspended generators as it would up the calls, so
a ``try`` around a ``yield`` works as it did around the call.

    def depth(node):
        inner = node.expr if type(node) is Parens else None
        return 0 if inner is None else 1 + (yield depth(inner))

    trampoline(depth(tree))
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, TypeVar

__all__ = ["Nested", "trampoline"]

T = TypeVar("T")

#: A generator that yields nested calls and returns its result.
Nested = Generator[Any, Any, T]


def trampoline(call: Nested[T]) -> T:
    """The value ``call`` returns, running every call it yields (and theirs)
    to completion first and sending each result back."""
    stack: list[Nested[Any]] = [call]
    value: Any = None
    error: BaseException | None = None
    while True:
        top = stack[-1]
        try:
            inner = top.send(value) if error is None else top.throw(error)
        except StopIteration as done:
            stack.pop()
            if not stack:
                return done.value  # type: ignore[no-any-return]
            value, error = done.value, None
        except BaseException as exc:  # handed to the caller's generator, as a call would get it
            stack.pop()
            if not stack:
                raise
            value, error = None, exc
        else:
            stack.append(inner)
            value, error = None, None
