"""``tffix edit VERB ADDRESS [VALUE] [PATHS...|-]``: scripted edits by address.

Reading verbs (``get``, ``list``) print what the address matches; writing
verbs (``set``, ``rm``, ``mv``, ``append``) change only the bytes they mean
to, format only the lines they touch, in each file's own style, and write
every changed file together or none of them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from ..context.module import TerraformModule
from ..diagnostics import Edit
from ..edit.address import Address, AddressError, parse_address
from ..edit.verbs import VALUE_VERBS, VERBS, EditError, NoMatch, Options, find, found, plan
from ..engine.discover import discover
from ..engine.edits import apply_fix_edits
from ..files import read_problem, read_stdin
from ..syntax.errors import ParseError
from ..writeback import Change, refusals, write_unit
from .diff import unified_diff

__all__ = ["edit"]

STDIN_DEFAULT_NAME = "<stdin>.tf"


def _fail(message: str) -> NoReturn:
    click.echo(f"tffix edit: {message}", err=True)
    sys.exit(2)


def _modules(paths: tuple[str, ...], stdin_name: str | None) -> tuple[list[TerraformModule], str | None]:
    """The modules to edit, and the stdin text when reading ``-``."""
    if paths == ("-",):
        name = Path(stdin_name or STDIN_DEFAULT_NAME)
        try:
            text = read_stdin()
        except (OSError, UnicodeDecodeError) as e:
            _fail(str(read_problem(str(name), e)))
        return [TerraformModule.from_texts(name.parent, {name: text})], text
    if "-" in paths:
        _fail("`-` (standard input) cannot be mixed with other paths")
    sources, errors = discover(paths, action="edited")
    if errors:
        _fail("\n".join(str(e) for e in errors))
    modules = []
    for source in sources:
        texts = source.texts if source.whole else {p: t for p, t in source.texts.items() if p in source.targets}
        module = TerraformModule.from_texts(source.directory, texts, source.existing)
        broken = [f.error for f in module.files.values() if f.error is not None]
        if broken:
            _fail("\n".join(str(e) for e in broken) + "\n(fix the syntax first: nothing was edited)")
        modules.append(module)
    return modules, None


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("verb", type=click.Choice(VERBS), metavar="VERB")
@click.argument("address")
@click.argument("rest", nargs=-1, metavar="[VALUE] [PATHS...|-]")
@click.option("--create", is_flag=True, help="set: also create what is missing on the way (attributes, keys, blocks).")
@click.option("--replace", is_flag=True, help="append: replace the item when it already exists.")
@click.option(
    "--block", "as_block", is_flag=True, help="append/set --create: the new item is a block (VALUE is its body)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="get/list: json gives each match's file, range and value.",
)
@click.option(
    "--dry-run", is_flag=True, help="Print the diff of what would change; write nothing (exit 1 when something would)."
)
@click.option("--diff", "show_diff", is_flag=True, help="Print the diff of what changes, and write it.")
@click.option("--stdin-filename", metavar="PATH", help="The path of the buffer read from `-`.")
def edit(
    verb: str,
    address: str,
    rest: tuple[str, ...],
    create: bool,
    replace: bool,
    as_block: bool,
    output_format: str,
    dry_run: bool,
    show_diff: bool,
    stdin_filename: str | None,
) -> None:
    """Get, set, remove, rename or add what ADDRESS names, keeping every other byte.

    \b
    VERB:
      get      print the source text of each match (a value, or a whole block)
      list     print the address of each match
      set      replace the value (VALUE: an expression; for a block, its body)
      rm       remove the item with its comments
      mv       rename an attribute, object key, block type or label (VALUE: the new name)
      append   add an attribute, block or object key (VALUE as for set)

    \b
    ADDRESS, e.g.:
      aws_s3_bucket.logs          resource.aws_s3_bucket.logs    data.aws_iam_policy_document.x
      module.vpc.azs[0]           var.region    local.name        output.id
      provider.aws[alias="west"]  terraform.required_providers.aws["version"]
      aws_instance.web.tags["Owner"]           aws_instance.*.tags["Owner"]
      aws_s3_bucket.b.lifecycle_rule[id="expire"].expiration.days
      module.*[source="terraform-aws-modules/vpc/aws"].version

    \b
    PATHS are folders (each module in them) or files; `.` when none; `-` reads
    standard input and writes the result to standard output.

    \b
    Exit codes:
      0  done (get/list: something matched)
      1  get/list: nothing matched; --dry-run: files would change
      2  bad address or value, no match to change, or a file cannot be read or written
    """
    try:
        parsed = parse_address(address)
    except AddressError as e:
        _fail(e.render())
    value: str | None = None
    if verb in VALUE_VERBS:
        if not rest:
            _fail(f"`{verb}` needs a VALUE after the address" + (" (the new name)" if verb == "mv" else ""))
        value, rest = rest[0], rest[1:]
    paths = rest or (".",)
    modules, stdin_text = _modules(paths, stdin_filename)
    if verb in ("get", "list"):
        _read(modules, parsed, verb, output_format)
        return
    options = Options(create=create, replace=replace, block=as_block)
    edits: list[tuple[TerraformModule, list[Edit]]] = []
    missing: list[str] = []
    for module in modules:
        try:
            edits.append((module, plan(module, verb, parsed, value, options)))
        except NoMatch as e:
            missing.append(str(e))
        except EditError as e:
            _fail(str(e))
    if not edits:
        _fail(missing[0] if missing else f"`{address}`: no module to edit")
    changes: list[Change] = []
    for module, module_edits in edits:
        texts = {path: file.text for path, file in module.files.items()}
        try:
            results = apply_fix_edits(texts, module_edits)
        except (ParseError, ValueError) as e:  # a bug of ours: say so, change nothing
            _fail(f"internal error: the edit gave code that does not parse ({e}); nothing was written")
        mine = [Change(path, text, texts.get(path)) for path, text in results.items() if text != texts.get(path)]
        if stdin_text is None and not dry_run:
            # as `tffix apply`: a symlink may not lead out of its module's folder
            refused = refusals(mine, within=module.directory)
            if refused:
                _fail(
                    "\n".join(f"{path}: not written: {why}" for path, why in refused.items())
                    + "\n(no file was changed)"
                )
        changes += mine
    if stdin_text is not None:
        result = changes[0].text if changes else stdin_text
        if dry_run or show_diff:
            click.echo(unified_diff(str(next(iter(modules[0].files))), stdin_text, result), nl=False)
        if not dry_run:
            click.echo(result, nl=False)
        sys.exit(1 if dry_run and changes else 0)
    if dry_run or show_diff:
        for change in changes:
            click.echo(
                unified_diff(str(change.path), change.original or "", change.text, new_file=change.original is None),
                nl=False,
            )
    if dry_run:
        sys.exit(1 if changes else 0)
    problems = write_unit(changes)
    if problems:
        _fail("\n".join(f"{path}: not written: {why}" for path, why in problems.items()) + "\n(no file was changed)")


def _read(modules: list[TerraformModule], address: Address, verb: str, output_format: str) -> None:
    """``get`` / ``list``: print every match of every module."""
    try:
        matches = [found(m) for module in modules for m in find(module, address)]
    except EditError as e:
        _fail(str(e))
    if output_format == "json":
        data = []
        for hit in matches:
            start, end = hit.file.location(hit.start), hit.file.location(hit.end)
            entry: dict[str, object] = {
                "address": hit.address,
                "kind": hit.kind,
                "file": str(hit.file.path),
                "range": {"start": {"line": start[0], "column": start[1]}, "end": {"line": end[0], "column": end[1]}},
            }
            if verb == "get":
                entry["value"] = hit.text
            data.append(entry)
        click.echo(json.dumps(data, indent=2))
    else:
        for hit in matches:
            click.echo(hit.address if verb == "list" else hit.text)
    if not matches:
        click.echo(f"tffix edit: `{address.text}` matches nothing", err=True)
        sys.exit(1)
