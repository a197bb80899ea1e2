"""The ``tffix`` command line."""

from __future__ import annotations

import click

from .. import __version__
from .debug import debug

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tffix")
def main() -> None:
    """tffix repairs Terraform code, keeping every byte it does not mean to change.

    \b
    Exit codes:
      0  success
      1  the check failed (e.g. a round trip did not reproduce a file)
      2  usage error or unreadable input
    """


main.add_command(debug)
