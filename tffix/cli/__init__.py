"""The ``tffix`` command line."""

from __future__ import annotations

import click

from .. import __version__
from .config_cmd import config
from .debug import debug
from .fmt import fmt
from .lint import apply, check
from .lsp import lsp
from .rules import explain, rules

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tffix")
def main() -> None:
    """tffix repairs Terraform code, keeping every byte it does not mean to change.

    \b
    Exit codes (each command's --help has its own details):
      0  success: nothing to change, or all changes written
      1  a check failed: files would change, or a round trip did not match
      2  usage error, unreadable or unparsable input, or internal error
    """


main.add_command(debug)
main.add_command(fmt)
main.add_command(check)
main.add_command(apply)
main.add_command(rules)
main.add_command(explain)
main.add_command(config)
main.add_command(lsp)
