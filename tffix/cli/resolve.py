"""Settings per module folder: the nearest config file, then the command
line on top."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import click

from ..config import Config, find_config, load_config
from ..plugins import PluginError, PluginSpec
from ..settings import Settings

__all__ = ["PluginFailure", "Resolver", "debugging"]


def debugging() -> bool:
    """``tffix --debug`` (or ``TFFIX_DEBUG=1``): show the tracebacks behind errors."""
    context = click.get_current_context(silent=True)
    if context is not None and context.find_root().params.get("debug"):
        return True
    return os.environ.get("TFFIX_DEBUG", "") not in ("", "0")


class PluginFailure(click.ClickException):
    """A plugin that cannot be loaded: one line, exit 2 (with ``--debug``,
    the traceback first)."""

    exit_code = 2

    def __init__(self, error: PluginError) -> None:
        super().__init__(str(error))
        self.details = error.details if debugging() else ""  # asked now: show() runs outside the command

    def show(self, file: IO[Any] | None = None) -> None:
        if self.details:
            click.echo(self.details.rstrip(), err=True)
        click.echo(f"tffix: {self.message}", err=True)


class Resolver:
    """Finds and caches config files; ``for_directory`` merges the command
    line's explicit options over the file's settings for that folder."""

    def __init__(
        self,
        flags: Settings,
        *,
        profile_given: bool,
        config_path: Path | None,
        isolated: bool,
        only: bool = False,
        plugins: bool = True,
    ) -> None:
        #: whether the plugins config files name are imported (`tffix fmt` needs no rule)
        self.load_plugins = plugins
        self.flags = flags
        #: --only: ``flags.select`` is the whole choice, whatever the file selects or ignores
        self.only = only
        self.profile_given = profile_given
        self.isolated = isolated
        self.explicit = load_config(config_path, trust_plugins=plugins) if config_path is not None else None
        self._cache: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # folder -> nearest config file, asked once per run
        self.jobs = 1  # modules processed in parallel
        self.use_cache = True
        self.verbose = False  # --verbose: name the plugins loaded
        self.said: set[str] = set()  # what --verbose already said

    def plugins_for(self, directory: Path) -> PluginSpec:
        """The plugins a run over ``directory`` loads (the command line's
        choices are checked against their rules)."""
        if self.isolated and self.explicit is None:
            return PluginSpec()
        return self.config_for(directory).plugins

    def config_for(self, directory: Path) -> Config:
        """Raises ConfigError for a bad file, PluginError for a bad plugin."""
        if self.explicit is not None:
            return self.explicit
        path = None if self.isolated else find_config(directory, seen=self._found)
        if path not in self._cache:
            self._cache[path] = load_config(path, trust_plugins=self.load_plugins)
        return self._cache[path]

    def for_directory(self, directory: Path) -> Settings:
        base = self.config_for(directory).settings_for(directory)
        options = {key: dict(value) for key, value in base.options.items()}
        for key, value in self.flags.options.items():
            options.setdefault(key, {}).update(value)
        if self.only:
            base = replace(base, select=(), ignore=(), extend_select=())
        merged = replace(
            base,
            select=self.flags.select or base.select,
            # a --select on the command line starts the choice afresh, as in ruff
            extend_select=(() if self.flags.select else base.extend_select) + self.flags.extend_select,
            ignore=self.flags.ignore or base.ignore,
            profile=self.flags.profile if self.profile_given else base.profile,
            unsafe_fixes=self.flags.unsafe_fixes or base.unsafe_fixes,
            options=options,
            # --isolated: no config file, and no plugin either, installed or named
            plugins=PluginSpec() if self.isolated and self.explicit is None else base.plugins,
        )
        merged.rules()  # raises ValueError for a bad combination
        return merged
