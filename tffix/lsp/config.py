"""The settings the language server runs each document with.

Two sources, resolved per document (so per workspace folder):

* the editor's settings, from ``initializationOptions``,
  ``workspace/didChangeConfiguration`` or (per workspace folder)
  ``workspace/configuration``: ``{"profile": "default",
  "select": ["TFX101"], "ignore": [], "unsafeFixes": false, "options":
  {"rule": {"option": value}}, "enablePlugins": false}``, at the top level
  or under a ``"tffix"`` key (VS Code sends its whole settings section that
  way);
* the configuration files (``.tffix.toml`` / ``[tool.tffix]``), through
  ``load_file_config``.

The editor's keys win over the file's (what the user set in the editor is
what they see), keys the editor leaves out come from the file.

Plugins are code: the Python plugins a workspace's configuration file names
are imported only when the editor sets ``enablePlugins`` (an editor sends it
once the user trusts the workspace). Until then the file's settings apply
without them, and a message says so. Installed plugins (entry points) load,
as tffix itself was installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..plugins import PluginSpec
from ..settings import Settings

__all__ = ["EditorSettings", "load_file_config", "resolve_settings", "workspace_folder"]

#: editor key -> Settings field
_KEYS = {
    "profile": "profile",
    "select": "select",
    "ignore": "ignore",
    "unsafeFixes": "unsafe_fixes",
    "options": "options",
    "enablePlugins": "enable_plugins",
}


@dataclass(frozen=True)
class EditorSettings:
    """What the editor set (only the keys it gave), and what was wrong with it."""

    values: Mapping[str, Any] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @classmethod
    def parse(cls, raw: Any) -> EditorSettings:
        if raw is None:
            return cls()
        if isinstance(raw, Mapping) and isinstance(raw.get("tffix"), Mapping):
            raw = raw["tffix"]
        if not isinstance(raw, Mapping):
            return cls(problems=(f"tffix settings must be an object, not {type(raw).__name__}",))
        values: dict[str, Any] = {}
        problems = []
        for key, value in raw.items():
            if key not in _KEYS:
                problems.append(f"unknown tffix setting {key!r} (known: {', '.join(_KEYS)})")
                continue
            problem = _invalid(key, value)
            if problem:
                problems.append(f"tffix setting {key!r}: {problem}")
            elif value is not None:
                values[_KEYS[key]] = tuple(value) if key in ("select", "ignore") else value
        return cls(values, tuple(problems))


def _invalid(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if key == "profile" and not isinstance(value, str):
        return "must be a string"
    if key in ("select", "ignore") and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return "must be a list of rule codes, names, code prefixes or ALL"
    if key in ("unsafeFixes", "enablePlugins") and not isinstance(value, bool):
        return "must be true or false"
    if key == "options" and not (isinstance(value, Mapping) and all(isinstance(v, Mapping) for v in value.values())):
        return "must map rule codes or names to objects of options"
    return None


def load_file_config(folder: Path | None, path: Path, *, trust_plugins: bool = False) -> Mapping[str, Any] | None:
    """HOOK for file-based configuration: the ``Settings`` fields (``select``,
    ``ignore``, ``profile``, ``unsafe_fixes``, ``options``) that the
    configuration files set for ``path``, found by walking up from it
    (``folder`` is its workspace folder, where the walk may stop), or None
    when there is no configuration file. Raise ValueError for a bad file:
    the message is shown to the user. The file's Python plugins are
    imported only with ``trust_plugins``; else ``untrusted_plugins`` names them.

    Uses the same files as the command line (``tffix.config``): the nearest
    ``.tffix.toml`` / ``[tool.tffix]`` above the document, with its
    per-path overrides applied to the document's folder.
    """
    from ..config import ConfigError, find_config, load_config

    found = find_config(path.parent)
    if found is None:
        return None
    try:
        config = load_config(found, trust_plugins=trust_plugins)
        settings = config.settings_for(path.parent)
    except ConfigError as e:
        raise ValueError(str(e)) from None
    return {
        "select": settings.select,
        "ignore": settings.ignore,
        "profile": settings.profile,
        "unsafe_fixes": settings.unsafe_fixes,
        "options": settings.options,
        "plugins": settings.plugins,
        "untrusted_plugins": (found, config.untrusted_plugins),
    }


def workspace_folder(path: Path, folders: Iterable[Path]) -> Path | None:
    """The innermost workspace folder holding ``path``."""
    holding = [f for f in folders if path.is_relative_to(f)]
    return max(holding, key=lambda f: len(f.parts), default=None)


def resolve_settings(path: Path | None, folders: Iterable[Path], editor: EditorSettings) -> tuple[Settings, list[str]]:
    """The settings for the document at ``path`` (None: not a file), and
    problems to show. Bad settings fall back to the defaults, never to no
    linting at all."""
    problems = list(editor.problems)
    merged: dict[str, Any] = {"plugins": PluginSpec(entry_points=True)}
    values = dict(editor.values)
    trusted = bool(values.pop("enable_plugins", False))
    if path is not None:
        try:
            found = dict(load_file_config(workspace_folder(path, folders), path, trust_plugins=trusted) or {})
        except ValueError as e:
            problems.append(str(e))
        else:
            config, skipped = found.pop("untrusted_plugins", (None, ()))
            if skipped:
                problems.append(
                    f"{config} names Python plugins ({', '.join(skipped)}), not loaded: plugins are code, "
                    "and run only in a trusted workspace (set tffix.enablePlugins to true to load them)"
                )
            merged.update(found)
    merged.update(values)
    try:
        settings = Settings(**merged)
        settings.rules()  # unknown codes, profiles and options raise here
        return settings, problems
    except (TypeError, ValueError) as e:
        problems.append(f"tffix settings: {e}; using the defaults")
        return Settings(), problems
