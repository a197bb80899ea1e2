"""``tffix rename OLD NEW``: rename a resource, data source, module call,
variable, local or output, with every reference to it, and record the move
for Terraform's state in a ``moved`` block."""

from __future__ import annotations

from pathlib import Path

import click

from ..refactor import RenameError, RenamePlan, plan_rename
from ..writeback import Change, write_unit
from .diff import unified_diff

__all__ = ["rename"]

EXIT_WOULD_CHANGE = 1
EXIT_ERROR = 2


@click.command("rename")
@click.argument("old")
@click.argument("new")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--dry-run",
    "--diff",
    "dry_run",
    is_flag=True,
    help="Print a unified diff of every file the rename changes; write nothing.",
)
@click.option(
    "--moved-file", default="moved.tf", show_default=True, metavar="NAME",
    help="The module file that gets the moved block (created when missing).",
)  # fmt: skip
@click.option(
    "--no-moved", is_flag=True,
    help="Add no moved block: Terraform will destroy the old object and create the new one.",
)  # fmt: skip
@click.option(
    "--root", type=click.Path(file_okay=False, exists=True, path_type=Path), metavar="DIR",
    help=(
        "Look below DIR for modules calling this one (for variables and outputs) and for other modules' "
        "test files running it. [default: the current directory]"
    ),
)  # fmt: skip
def rename(
    old: str, new: str, paths: tuple[Path, ...], dry_run: bool, moved_file: str, no_moved: bool, root: Path | None
) -> None:
    """Rename OLD to NEW in the module in PATHS (folders, or a file standing
    for its folder; default: the current directory), and every reference to
    it.

    \b
    OLD is an address: aws_s3_bucket.logs (a resource), data.TYPE.NAME,
    module.NAME, var.NAME, local.NAME or output.NAME. NEW is an address of
    the same kind, or only the new name:
      tffix rename aws_s3_bucket.logs access_logs
      tffix rename module.vpc module.network modules/app

    References are renamed everywhere Terraform reads them: expressions,
    strings and heredocs, depends_on, count and for_each, lifecycle,
    import and removed blocks, and the module's .tftest.hcl files. A
    variable is also renamed in *.tfvars files and in the module blocks
    calling the module by its local path; an output in those callers'
    module.CALL.OUTPUT references. A renamed resource or module call gets a
    `moved` block, which needs required_version to admit Terraform 1.1.
    Every file is written, or none.

    \b
    Exit codes:
      0  renamed
      1  --dry-run: the diff of what would change was printed
      2  the rename cannot be made (the message says why), or a file could not be written
    """
    folders: list[Path] = []
    for path in paths or (Path("."),):
        if not path.exists():
            _fail(f"{path}: no such file or folder")
        folder = path if path.is_dir() else path.parent
        if folder.resolve() not in [f.resolve() for f in folders]:
            folders.append(folder)
    plans: list[RenamePlan] = []
    try:
        for folder in folders:
            plans.append(plan_rename(folder, old, new, root=root, moved_file=moved_file, moved=not no_moved))
    except RenameError as e:
        _fail(str(e))
    except Exception as e:  # noqa: BLE001 - a bug in tffix: still one line and exit 2, as the contract says
        _fail(f"tffix rename: internal error: {type(e).__name__}: {e}")
    changes: list[Change] = [change for plan in plans for change in plan.changes]
    seen: set[Path] = set()
    for change in changes:
        if change.path.resolve() in seen:
            _fail(f"{change.path}: changed by the renames of two of the folders given; rename in one at a time")
        seen.add(change.path.resolve())
    if dry_run:
        for change in changes:
            new_file = change.original is None
            click.echo(unified_diff(str(change.path), change.original or "", change.text, new_file=new_file), nl=False)
        raise SystemExit(EXIT_WOULD_CHANGE if changes else 0)
    problems = write_unit(changes)
    if problems:
        for path, reason in problems.items():
            click.echo(f"{path}: not written: {reason}", err=True)
        click.echo("tffix rename: nothing was written (a rename's files are written together)", err=True)
        raise SystemExit(EXIT_ERROR)
    for plan in plans:
        where = f"; moved block in {plan.moved_file}" if plan.moved_file is not None else ""
        files = len(plan.changes)
        click.echo(f"renamed {plan.old} to {plan.new}: {files} file{'s' if files != 1 else ''} changed{where}")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    raise SystemExit(EXIT_ERROR)
