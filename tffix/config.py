"""Configuration files: ``.tffix.toml`` or ``[tool.tffix]`` in ``pyproject.toml``.

The nearest file above a module's folder wins (no merging across files, as
with ruff). Keys, all optional::

    profile = "default"            # or "ephemeral", "recommended"
    select = ["TFX101", "s3-lifecycle-rule-without-filter"]
    ignore = ["TFX117"]
    extend-select = ["TFX118"]     # added to select (or to the profile's rules)
    unsafe-fixes = false
    exclude = ["legacy/", "generated_*.tf"]   # gitignore patterns, relative to the file
    plugins = [".tffix/rules", "acme_tffix"]  # your own rules and codemods (tffix.plugins):
                                   # paths relative to the file, or module names
    provider-schemas = ["schema.json"]         # `terraform providers schema -json` output, relative to the file

    [fmt]
    terraform-exit-codes = false   # true: `tffix fmt --check` exits 3, as terraform fmt -check

    [rules.backend-with-dynamic-values]   # or [rules.TFX103]: rule options
    strategy = "comment-out"

    [[overrides]]                          # later entries win
    paths = ["envs/qa/**"]
    profile = "ephemeral"

Command-line options win over the file. An unknown key or a bad value is a
``ConfigError`` naming the file and the key; a plugin that cannot be loaded,
a ``tffix.plugins.PluginError`` naming the plugin. Installed plugins (the
``tffix.plugins`` entry points) load with or without a file.
"""

from __future__ import annotations

import fnmatch
import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

import pathspec

from .plugins import Catalogue, PluginSpec, load, patterns_only
from .rules.profiles import PROFILES
from .rules.registry import resolve
from .settings import Settings, provider_schema_options

__all__ = ["CONFIG_NAMES", "Config", "ConfigError", "find_config", "load_config"]

CONFIG_NAMES = (".tffix.toml", "pyproject.toml")
_SETTING_KEYS = {"profile", "select", "extend-select", "ignore", "unsafe-fixes", "rules"}
_TOP_KEYS = _SETTING_KEYS | {"exclude", "overrides", "fmt", "plugins", "provider-schemas"}
_FMT_KEYS = {"terraform-exit-codes"}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names file and key."""


@dataclass(frozen=True)
class Config:
    """One configuration file, validated."""

    path: Path | None
    values: dict[str, Any] = field(default_factory=dict)
    overrides: tuple[dict[str, Any], ...] = ()
    exclude: tuple[str, ...] = ()
    #: ``[fmt] terraform-exit-codes``: ``tffix fmt --check`` exits 3 as Terraform does
    fmt_terraform_exit_codes: bool = False
    #: the plugins this file names, and the installed ones
    plugins: PluginSpec = field(default_factory=lambda: PluginSpec(entry_points=True))
    #: the plugins the file names that were not loaded (``trust_plugins=False``)
    untrusted_plugins: tuple[str, ...] = ()
    #: ``provider-schemas``: the schema files (absolute paths) the schema rules read
    provider_schemas: tuple[str, ...] = ()

    @property
    def root(self) -> Path:
        return self.path.parent if self.path is not None else Path(".")

    def settings_for(self, directory: Path) -> Settings:
        """The settings for a module folder: the file's values, then each
        override whose ``paths`` match the folder."""
        values = dict(self.values)
        rules = provider_schema_options(list(self.provider_schemas)) if self.provider_schemas else {}
        for key, opts in values.pop("rules", {}).items():
            rules.setdefault(_rule_name(key), {}).update(opts)
        relative = _relative(directory, self.root)
        for override in self.overrides:
            if any(_matches(relative, pattern) for pattern in override["paths"]):
                for key, value in override.items():
                    if key == "rules":
                        for rule, opts in value.items():
                            rules.setdefault(_rule_name(rule), {}).update(opts)
                    elif key != "paths":
                        values[key] = value
        return Settings(
            select=tuple(values.get("select", ())),
            ignore=tuple(values.get("ignore", ())),
            extend_select=tuple(values.get("extend-select", ())),
            profile=values.get("profile", "default"),
            unsafe_fixes=bool(values.get("unsafe-fixes", False)),
            options=rules,
            plugins=self.plugins,
        )

    def excludes(self, path: Path) -> bool:
        """Whether ``exclude`` leaves out ``path``, for every command alike.
        The patterns mean what they mean in a ``.gitignore`` beside the config
        file: ``main.tf`` (no slash) matches at any depth, ``legacy/`` a folder
        and all below it, ``/main.tf`` only at the top, ``!keep.tf`` takes a
        file back."""
        return bool(self.exclude) and _exclude_spec(self.exclude).match_file(_relative(path, self.root))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@functools.lru_cache(maxsize=64)
def _exclude_spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """The compiled patterns (compiled once per file's list: every file of a
    run asks). Raises ValueError for a pattern git would not take either."""
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _matches(relative: str, pattern: str) -> bool:
    """Glob match on the path or any of its parent folders (``legacy/**``
    covers everything below ``legacy``)."""
    pattern = pattern.rstrip("/")
    parts = relative.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(
        fnmatch.fnmatchcase(c, pattern) or fnmatch.fnmatchcase(c, pattern.removesuffix("/**")) for c in candidates
    )


def find_config(start: Path, *, seen: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest configuration file in ``start`` or a folder above it.

    ``seen`` (folder -> its answer), kept by the caller over one run, spares
    asking the disk again about folders already looked at: a run over many
    sibling modules looks at their common parents once."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    seen = {} if seen is None else seen
    looked: list[Path] = []
    found: Path | None = None
    for candidate in (folder, *folder.parents):
        if candidate in seen:
            found = seen[candidate]
            break
        looked.append(candidate)
        found = next((candidate / name for name in CONFIG_NAMES if _is_config(candidate / name)), None)
        if found is not None:
            break
    for candidate in looked:
        seen[candidate] = found
    return found


def _is_config(path: Path) -> bool:
    return path.is_file() and (path.name != "pyproject.toml" or _has_tool_section(path))


def _has_tool_section(path: Path) -> bool:
    try:
        return "tffix" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: Path | None, *, trust_plugins: bool = True) -> Config:
    """Read and validate a configuration file (None: the built-in defaults).

    ``trust_plugins=False`` (the language server in a workspace not trusted)
    imports none of the plugins the file names: its settings run without
    them, and rule keys that may be theirs are not checked. Pattern files
    (``*.tffix.hcl``: data, never run as code) load all the same."""
    if path is None:
        return Config(None)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tffix", {})
        where = f"{path}: [tool.tffix]"
    else:
        where = str(path)
    _check_keys(where, data, _TOP_KEYS)
    plugins = PluginSpec(tuple(_strings(where, "plugins", data.get("plugins", []))), str(path), entry_points=True)
    skipped: tuple[str, ...] = ()
    if not trust_plugins:  # pattern files are data, not code: they load anyway
        kept = tuple(entry for entry in plugins.entries if patterns_only(plugins.root / entry))
        skipped = tuple(entry for entry in plugins.entries if entry not in kept)
        plugins = PluginSpec(kept, config=str(path), entry_points=True)
    lenient = bool(skipped)
    catalogue = load(plugins)  # raises PluginError
    values = _check_settings(where, {k: v for k, v in data.items() if k in _SETTING_KEYS}, catalogue, lenient)
    exclude = _strings(where, "exclude", data.get("exclude", []))
    try:
        _exclude_spec(tuple(exclude))
    except ValueError as e:
        raise ConfigError(f"{where}: exclude: {e}") from None
    fmt = data.get("fmt", {})
    if not isinstance(fmt, dict):
        raise ConfigError(f"{where}: fmt: must be a table ([fmt])")
    _check_keys(f"{where}: fmt", fmt, _FMT_KEYS)
    terraform_exit_codes = fmt.get("terraform-exit-codes", False)
    if not isinstance(terraform_exit_codes, bool):
        raise ConfigError(f"{where}: fmt: terraform-exit-codes: must be true or false")
    overrides = []
    raw = data.get("overrides", [])
    if not isinstance(raw, list) or not all(isinstance(o, dict) for o in raw):
        raise ConfigError(f"{where}: overrides: must be an array of tables ([[overrides]])")
    for number, override in enumerate(raw, 1):
        spot = f"{where}: overrides[{number}]"
        _check_keys(spot, override, _SETTING_KEYS | {"paths"})
        if "paths" not in override:
            raise ConfigError(f"{spot}: paths: required (globs of the folders it applies to)")
        checked = _check_settings(spot, {k: v for k, v in override.items() if k != "paths"}, catalogue, lenient)
        checked["paths"] = _strings(spot, "paths", override["paths"])
        overrides.append(checked)
    listed = _strings(where, "provider-schemas", data.get("provider-schemas", []))
    schemas = [str((path.parent / p).resolve()) for p in listed]
    for name, options in (provider_schema_options(schemas) if schemas else {}).items():
        try:
            resolve(name)(**options)  # the schema rules read the files now: a bad one is refused here
        except ValueError as e:
            raise ConfigError(f"{where}: provider-schemas: {e}") from None
    return Config(
        path, values, tuple(overrides), tuple(exclude), terraform_exit_codes, plugins, skipped, tuple(schemas)
    )


def _check_keys(where: str, data: dict[str, Any], allowed: set[str]) -> None:
    for key in data:
        if key not in allowed:
            raise ConfigError(f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")


def _strings(where: str, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key}: must be a list of strings")
    return value


def _check_settings(where: str, data: dict[str, Any], catalogue: Catalogue, lenient: bool = False) -> dict[str, Any]:
    """The settings, checked (``lenient``: keys naming no known rule are
    dropped, not refused, as they may name a plugin's rules not loaded)."""
    out = dict(data)
    if "profile" in data and data["profile"] not in PROFILES:
        raise ConfigError(f"{where}: profile: unknown profile {data['profile']!r} (choose from {', '.join(PROFILES)})")
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            kept = []
            for code in _strings(where, key, data[key]):
                try:
                    catalogue.selection(code)
                except ValueError as e:
                    if lenient:
                        continue
                    raise ConfigError(f"{where}: {key}: {e}") from None
                kept.append(code)
            out[key] = kept
    if "unsafe-fixes" in data and not isinstance(data["unsafe-fixes"], bool):
        raise ConfigError(f"{where}: unsafe-fixes: must be true or false")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: rules: must be a table of rule tables ([rules.NAME])")
    for key, options in list(rules.items()):
        try:
            cls = catalogue.resolve(key)
        except ValueError as e:
            if lenient:
                out["rules"] = {k: v for k, v in out["rules"].items() if k != key}
                continue
            raise ConfigError(f"{where}: rules.{key}: {e}") from None
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: rules.{key}: must be a table of options")
        try:
            cls(**options)
        except (TypeError, ValueError) as e:
            raise ConfigError(f"{where}: rules.{key}: {e}") from None
    return out


def _rule_name(key: str) -> str:
    """A built-in rule's name for its code or name, so options given both
    ways merge; a plugin's key is kept as written (its plugin resolves it)."""
    try:
        return resolve(key).name
    except ValueError:
        return key
