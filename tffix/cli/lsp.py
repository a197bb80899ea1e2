"""``tffix lsp``: the language server."""

from __future__ import annotations

import click

__all__ = ["lsp"]


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Speak over standard input and output (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run the language server over standard input and output.

    Editors start it themselves: diagnostics as you type, a quick-fix per
    finding, `source.fixAll.tffix`, and formatting as `terraform fmt` does.
    Settings come from the editor (initializationOptions or
    workspace/didChangeConfiguration): profile, select, ignore, unsafeFixes.
    """
    from ..lsp import serve  # pygls loads only here: the other commands start without it

    serve()
