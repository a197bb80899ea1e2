"""``tffix config``: the settings that apply to a path, and where they come from."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Config, ConfigError, find_config, load_config
from ..plugins import PluginSpec
from ..rules.profiles import get_profile

__all__ = ["config"]


@click.command("config")
@click.argument("path", default=".", type=click.Path(exists=True, path_type=Path))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
def config(path: Path, config_path: Path | None, isolated: bool) -> None:
    """Print the effective configuration for PATH (a file or folder) as JSON:
    the config file used, the profile, and every active rule with its options."""
    folder = path if path.is_dir() else path.parent
    try:
        source = config_path if config_path is not None else (None if isolated else find_config(folder))
        loaded = load_config(source) if not isolated or config_path is not None else Config(None, plugins=PluginSpec())
        settings = loaded.settings_for(folder)
        rules = settings.rules()
    except (ConfigError, ValueError) as e:
        click.echo(f"config error: {e}", err=True)
        raise SystemExit(2) from None
    profile = get_profile(settings.profile)
    document = {
        "config_file": str(source) if source is not None else None,
        "profile": settings.profile,
        "unsafe_fixes": settings.unsafe_fixes,
        "unsafe_fixes_intended_by_profile": sorted(profile.intended_unsafe),
        "excluded": path != folder and loaded.excludes(path) or loaded.excludes(folder),
        "rules": {rule.code: {"name": rule.name, "options": rule.settings} for rule in rules},
        "plugins": [
            {
                "name": plugin.name,
                "origin": plugin.origin,
                "rules": list(plugin.rules),
                "codemods": list(plugin.codemods),
            }
            for plugin in settings.catalogue().plugins
        ],
    }
    click.echo(json.dumps(document, indent=2))
