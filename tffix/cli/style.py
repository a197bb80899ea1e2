"""Coloured text output on a terminal (rich, imported only when it is used).

Colour is on when the output stream is a terminal, and off when it is piped
or redirected. ``FORCE_COLOR`` turns it on for a pipe too; ``NO_COLOR``
(https://no-color.org) and ``TERM=dumb`` turn it off, whatever else is set. The coloured lines have the same text as the plain ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, TextIO

from ..diagnostics import mask
from ..rules.base import Diagnostic, Severity
from .render import snippet

__all__ = ["ColourWriter", "colour_enabled"]

SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}


def colour_enabled(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class ColourWriter:
    """Writes findings in colour, with the snippet and carets of ``render_text``."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console

        self.console = Console(
            file=stream, force_terminal=True, highlight=False, markup=False, emoji=False, soft_wrap=True
        )

    def finding(self, diag: Diagnostic, text: str | None, *, fixable: bool, secrets: Iterable[str] = ()) -> None:
        from rich.text import Text

        severity = SEVERITY_STYLES[diag.severity]
        out = Text()
        out.append(str(diag.path), style="bold")
        out.append(f":{diag.start[0]}:{diag.start[1]}:", style="dim")
        out.append(" ")
        out.append(diag.code, style=severity)
        if fixable:
            out.append(" [*]", style="bold green")
        hidden = (*diag.secrets, *secrets)
        out.append(f" {mask(diag.message, hidden)}\n")
        shown = snippet(diag, text, hidden)
        if shown is not None:
            number, line, caret = shown
            gutter = " " * len(str(number))
            out.append(f"{gutter} |\n", style="blue")
            out.append(f"{number} | ", style="blue")
            out.append(f"{line}\n")
            out.append(f"{gutter} | ", style="blue")
            out.append(f"{caret}\n", style=severity)
        self._print(out)

    def _print(self, text: Any) -> None:
        self.console.print(text, end="")
