"""What the formatter checks: Terraform's refusal of repeated arguments, and
its own output (black's ``assert_equivalent`` / ``assert_stable``)."""

from __future__ import annotations

from ..cst import nodes as n
from ..syntax.errors import ParseError
from .tokens import FmtToken

__all__ = ["check_unique_attributes", "SelfCheckError", "same_content"]


class SelfCheckError(RuntimeError):
    """The formatter produced output that fails its own checks: a bug in
    tffix, reported as an internal error; nothing is written."""


def check_unique_attributes(module: n.Module, *, path: str | None = None) -> None:
    """Terraform refuses a body that sets an argument twice, and so does fmt."""

    def walk(body: n.Body) -> None:
        seen: dict[str, n.Attribute] = {}
        for item in body.items:
            if type(item) is n.Attribute:
                name = item.name.text
                if name in seen:
                    text = module.code[len(module.bom) :]
                    line, col = module.position(seen[name]).start
                    raise ParseError(
                        "Attribute redefined",
                        f'The argument "{name}" was already set at {path or "<input>"}:{line},{col}. '
                        "Each argument may be set only once.",
                        offset=_offset(text, module.position(item).start),
                        text=text,
                        path=path,
                    )
                seen[name] = item
            elif type(item) is n.Block:
                walk(item.body)

    walk(module.body)


def _offset(text: str, at: tuple[int, int]) -> int:
    line_start = 0
    for _ in range(at[0] - 1):
        line_start = text.index("\n", line_start) + 1
    return line_start + at[1] - 1


def same_content(a: list[FmtToken], b: list[FmtToken]) -> bool:
    """Equal token for token, spacing aside."""
    return len(a) == len(b) and all(x.kind == y.kind and x.text == y.text for x, y in zip(a, b))
