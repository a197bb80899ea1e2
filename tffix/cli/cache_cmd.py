"""``tffix cache``: where the cache folder is, and emptying it (ruff's ``clean``)."""

from __future__ import annotations

import contextlib
import os
import shutil

import click

from ..caches import cache_dir
from ..engine import result_cache

__all__ = ["cache"]


@click.group("cache")
def cache() -> None:
    """The cache of parse tables and module results (TFFIX_CACHE_DIR, else
    the platform's cache folder). It is bounded by TFFIX_CACHE_MAX_MB
    (default 64): least recently used results go first."""


@cache.command("dir")
def cache_dir_command() -> None:
    """Print the cache folder."""
    folder = cache_dir()
    if folder is None:
        raise click.ClickException("no cache folder: there is no home folder and TFFIX_CACHE_DIR is not set")
    click.echo(str(folder))


@cache.command("clean")
def clean() -> None:
    """Remove what tffix stored in the cache folder: the results and the
    parse tables, nothing else (TFFIX_CACHE_DIR may name a shared folder)."""
    folder = cache_dir()
    if folder is None:
        click.echo("Nothing to clean: no cache folder.")
        return
    entries = result_cache.entry_files()
    size = sum(size for _, size, _ in entries)
    count = len(entries)
    shutil.rmtree(folder / "results", ignore_errors=True)
    with contextlib.suppress(OSError):
        for table in folder.glob("lalr-*.json"):
            size += table.stat().st_size
            count += 1
            table.unlink()
    with contextlib.suppress(OSError):
        os.rmdir(folder)  # only when nothing else is in it
    click.echo(f"Removed {count} cache {'file' if count == 1 else 'files'} ({size / 2**20:.1f} MiB) from {folder}")
