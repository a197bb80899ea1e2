"""The ``tffix`` command line."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .. import __version__

__all__ = ["EXIT_INTERRUPTED", "main"]

#: Ctrl-C: 128 + SIGINT, as shells report it; never 1, which means "findings"
EXIT_INTERRUPTED = 130

#: command name -> (module, attribute); imported only when the command runs,
#: so `tffix fmt` does not pay for the rule engine's imports
COMMANDS = {
    "debug": (".debug", "debug"),
    "edit": (".edit", "edit"),
    "fmt": (".fmt", "fmt"),
    "grep": (".grep", "grep"),
    "check": (".lint", "check"),
    "apply": (".lint", "apply"),
    "cache": (".cache_cmd", "cache"),
    "rules": (".rules", "rules"),
    "codemod": (".codemod", "codemod"),
    "test": (".plugin_tests", "test"),
    "explain": (".rules", "explain"),
    "config": (".config_cmd", "config"),
    "lsp": (".lsp", "lsp"),
    "rename": (".rename", "rename"),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        command: click.Command = getattr(importlib.import_module(module, __name__), attribute)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C ends the run with one line and exit 130 (click would say
        "Aborted!" and exit 1, the code for findings). Writes in progress
        are atomic per module, so nothing is left half-written."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            sys.stderr.write("tffix: interrupted\n")
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tffix")
@click.option(
    "--debug", is_flag=True, envvar="TFFIX_DEBUG", help="Show the traceback behind an error (a plugin's, say)."
)
def main(debug: bool) -> None:
    """tffix repairs Terraform code, keeping every byte it does not mean to change.

    \b
    Exit codes (each command's --help has its own details):
      0  success: nothing to change, or all changes written
      1  a check failed: files would change, or a round trip did not match
      2  usage error, unreadable or unparsable input, or internal error
      130  interrupted (Ctrl-C)
    """
