"""Terraform's spellings of the ``fmt`` options, so that a script, Makefile or
CI step written for ``terraform fmt`` runs unchanged with ``tffix`` in its place.

Terraform parses its flags with Go's ``flag`` package: one dash or two, and a
boolean flag may carry a value (``-list=false``, ``-check=true``, ``-diff=0``).
click knows only the GNU spellings, and reads ``-check`` as the short options
``-c -h -e ...``. ``terraform_fmt_args`` rewrites each Terraform spelling into
the tffix option it means before click sees the command line; everything else
passes through untouched, so click still reports a misspelt option.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

__all__ = ["TerraformFmtCommand", "terraform_fmt_args"]

#: Terraform's boolean fmt flags -> (tffix option when true, when false);
#: None where the flag's false value is the default, so it needs no option
_FLAGS: dict[str, tuple[str, str | None]] = {
    "check": ("--check", None),
    "diff": ("--diff", None),
    "recursive": ("--recursive", None),
    "list": ("--list", "--no-list"),
    "write": ("--write", "--no-write"),
    "no-color": ("--no-color", None),
}

#: the values Go's strconv.ParseBool accepts, which is what ``-flag=value`` takes
_TRUE = {"1", "t", "T", "TRUE", "true", "True"}
_FALSE = {"0", "f", "F", "FALSE", "false", "False"}


def _translate(arg: str) -> list[str] | None:
    """The tffix options for one Terraform flag, or None if ``arg`` is not one."""
    if not arg.startswith("-") or arg in ("-", "--"):
        return None
    name, has_value, value = arg.lstrip("-").partition("=")
    if len(arg) - len(arg.lstrip("-")) > 2 or name not in _FLAGS:
        return None
    on, off = _FLAGS[name]
    if not has_value:
        if arg.startswith("--"):
            return None  # already tffix's spelling (or click's error to give)
        return [on]
    if value in _TRUE:
        return [on]
    if value in _FALSE:
        return [] if off is None else [off]
    # as Go's flag package does: a bad boolean is a usage error
    raise click.UsageError(f"invalid boolean value {value!r} for {arg.split('=', 1)[0]}: use true or false")


def terraform_fmt_args(args: Sequence[str]) -> list[str]:
    """``args`` with Terraform's fmt flags in tffix's spelling
    (``-check`` -> ``--check``, ``-list=false`` -> ``--no-list``,
    ``-check=false`` -> nothing). Arguments after ``--`` are paths and stay
    as they are. Raises click.UsageError for a flag with a bad boolean."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            out.extend(args[i:])
            break
        translated = _translate(arg)
        out.extend([arg] if translated is None else translated)
    return out


class TerraformFmtCommand(click.Command):
    """A click command that also takes Terraform's spellings of its options."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            args = terraform_fmt_args(args)
        except click.UsageError as e:
            e.ctx = ctx  # so the message comes with the usage line
            raise
        return super().parse_args(ctx, args)
