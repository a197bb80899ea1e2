"""Plugins: rules and codemods that users write, found beside the built-in ones.

A plugin is a Python module that defines subclasses of ``tffix.api.Rule``
and ``tffix.api.Codemod``. tffix loads it from two places only, both the
user's own choice:

- the ``plugins`` key of the configuration file (``.tffix.toml`` or
  ``[tool.tffix]``): a path relative to that file (a ``.py`` file, a folder
  of ``.py`` files, or a package folder, one with ``__init__.py``) or the
  name of an importable module (``acme_tffix``);
- the entry-point group ``tffix.plugins`` of installed packages (each entry
  point names a module).

``--isolated`` loads neither. What is loaded forms a ``Catalogue``: the
built-in rules and codemods, then the plugins', each with where it came
from. Plugin codes have their own prefix (``ACME001``; ``TFX`` is tffix's);
two rules or codemods with one code or name are an error naming both
sources, and so is a plugin that does not import or defines a malformed
rule: a ``PluginError``, whose message is one line (``details`` keeps the
traceback for ``--debug``). Never a silent skip.

A ``PluginSpec`` (strings only) says which plugins a run uses; it travels
with the settings to worker processes, which load the same plugins from it
(``load`` caches the catalogue per process). The catalogue's
``fingerprint`` is a digest of the plugins' source files, part of the
result cache's key: an edited plugin is run again, and ``load`` imports the
edited source afresh.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import inspect
import re
import sys
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from .diagnostics import Applicability, Severity
from .rule import Codemod, Example, Option, Rule
from .rules.registry import codemod_classes, resolve, rule_classes, selection

#: the suffix of pattern files (``tffix.patterns``), read without importing them
PATTERN_SUFFIX = ".tffix.hcl"

__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "Catalogue",
    "LoadedPlugin",
    "PluginError",
    "PluginSpec",
    "builtin_catalogue",
    "load",
    "patterns_only",
]

#: the entry-point group installed plugin packages declare
ENTRY_POINT_GROUP = "tffix.plugins"

#: the source of the rules and codemods that ship with tffix
BUILTIN = "built-in"

_RESERVED = "TFX"
_MODULE = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$")


class PluginError(ValueError):
    """A plugin that cannot be used. ``str()`` is one line naming the plugin
    and the reason; ``details`` the traceback behind it, if any."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


@dataclass(frozen=True)
class PluginSpec:
    """Which plugins a run loads: the configuration file's ``plugins``
    entries (``config`` is that file; paths are relative to its folder) and
    whether installed entry points load too. Plain strings, so it pickles
    into worker processes as it is."""

    entries: tuple[str, ...] = ()
    config: str | None = None
    entry_points: bool = False

    @property
    def root(self) -> Path:
        return Path(self.config).parent if self.config else Path(".")


@dataclass(frozen=True)
class LoadedPlugin:
    """One loaded plugin: its name as the user gave it, where it was read
    from, and the codes and names it contributed."""

    name: str
    origin: str
    rules: tuple[str, ...] = ()
    codemods: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Catalogue:
    """The rules and codemods a run knows of: the built-in ones first, then
    the plugins' in the order the configuration names them."""

    rules: tuple[type[Rule], ...]
    codemods: tuple[type[Codemod], ...]
    plugins: tuple[LoadedPlugin, ...] = ()
    #: class -> ``BUILTIN`` or the plugin's origin
    sources: Mapping[type, str] = field(default_factory=dict)
    #: digest of the plugins' source files ("" without plugins)
    fingerprint: str = ""

    def source(self, cls: type) -> str:
        return self.sources.get(cls, BUILTIN)

    def resolve(self, key: str) -> type[Rule]:
        return resolve(key, self.rules)

    def selection(self, key: str) -> list[type[Rule]]:
        return selection(key, self.rules)

    def codemod(self, name: str) -> type[Codemod]:
        wanted = name.strip().lower()
        for cls in self.codemods:
            if cls.name == wanted:
                return cls
        known = ", ".join(cls.name for cls in self.codemods) or "none"
        raise ValueError(f"unknown codemod {name!r} (known: {known}; see `tffix codemod --list`)")


def builtin_catalogue() -> Catalogue:
    return Catalogue(rule_classes(), codemod_classes())


# -- loading ------------------------------------------------------------------


@dataclass
class _Found:
    """A plugin before import: its name, origin, and how to import it."""

    name: str
    origin: str
    files: list[Path]
    module: str | None = None  # an importable module's name
    path: Path | None = None  # a file or package folder
    folder: Path | None = None  # for files of a folder: the folder (their sibling imports)
    patterns: list[Path] = field(default_factory=list)  # pattern files (``*.tffix.hcl``)


_loaded: dict[tuple[PluginSpec, str], Catalogue] = {}
_module_digests: dict[str, str] = {}


def load(spec: PluginSpec) -> Catalogue:
    """The catalogue of ``spec``'s plugins and the built-in rules. Raises
    PluginError. Loaded once per process while the plugins' sources stay the
    same; an edited plugin is imported again."""
    if not spec.entries and not spec.entry_points:
        return builtin_catalogue()
    found = list(_find(spec))
    digest = _digest(found)
    key = (spec, digest)
    if key not in _loaded:
        _loaded[key] = _catalogue(found, digest)
    return _loaded[key]


def _find(spec: PluginSpec) -> Iterator[_Found]:
    where = f" (named in {spec.config})" if spec.config else ""
    for entry in spec.entries:
        candidate = spec.root / entry
        if "/" in entry or "\\" in entry or entry.endswith(".py") or entry.startswith(".") or candidate.exists():
            yield _path_plugin(entry, candidate, where)
        elif _MODULE.match(entry):
            yield _module_plugin(entry, entry, where)
        else:
            raise PluginError(f"plugin {entry!r}{where}: neither a path nor a module name")
    if spec.entry_points:
        for name, module, dist in _entry_points():
            yield _module_plugin(module, f"entry point {name} ({dist})", "")


@functools.lru_cache(maxsize=1)
def _entry_points() -> tuple[tuple[str, str, str], ...]:
    """(name, module, distribution) of every installed ``tffix.plugins``
    entry point: the installed packages are read once per process."""
    points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return tuple(
        (point.name, point.value.split(":")[0].strip(), point.dist.name if point.dist is not None else "?")
        for point in sorted(points, key=lambda p: p.name)
    )


def _path_plugin(entry: str, path: Path, where: str) -> _Found:
    label = f"plugin {entry!r}{where}"
    if not path.exists():
        raise PluginError(f"{label}: {path} does not exist")
    path = path.resolve()
    if path.is_file():
        if path.name.endswith(PATTERN_SUFFIX):
            return _Found(entry, str(path), [path], patterns=[path])
        if path.suffix != ".py":
            raise PluginError(f"{label}: {path} is not a .py file (nor a {PATTERN_SUFFIX} pattern file)")
        return _Found(entry, str(path), [path], path=path)
    patterns = sorted(path.glob("*" + PATTERN_SUFFIX))
    if (path / "__init__.py").is_file():
        return _Found(entry, str(path), sorted(path.rglob("*.py")) + patterns, path=path, patterns=patterns)
    files = sorted(p for p in path.glob("*.py") if not p.name.startswith("_"))
    if not files and not patterns:
        raise PluginError(f"{label}: {path} holds no .py file and no {PATTERN_SUFFIX} pattern file")
    if not files:
        return _Found(entry, str(path), patterns, patterns=patterns)
    return _Found(entry, str(path), files + patterns, folder=path, patterns=patterns)


def _module_plugin(name: str, label: str, where: str) -> _Found:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError) as e:
        raise PluginError(f"plugin {label}{where}: cannot import {name}: {e}", traceback.format_exc()) from None
    if spec is None:
        raise PluginError(f"plugin {label}{where}: no module named {name!r} (is it installed?)")
    files: list[Path] = []
    if spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            files.extend(sorted(Path(location).rglob("*.py")))
    elif spec.origin and spec.origin.endswith(".py"):
        files.append(Path(spec.origin))
    origin = spec.origin or name
    return _Found(label if label != name else name, f"{name} ({origin})", files, module=name)


def _digest(found: Sequence[_Found]) -> str:
    digest = hashlib.sha256()
    for plugin in found:
        digest.update(plugin.origin.encode())
        for path in plugin.files:
            digest.update(str(path).encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\0unreadable")
    return digest.hexdigest() if found else ""


def patterns_only(path: Path) -> bool:
    """Whether a ``plugins`` entry is pattern files alone (a ``*.tffix.hcl``
    file, or a folder holding some and no ``.py`` file): data, not code, so
    it loads where code plugins do not (a workspace the user has not trusted)."""
    if path.is_file():
        return path.name.endswith(PATTERN_SUFFIX)
    if not path.is_dir():
        return False
    return any(path.glob("*" + PATTERN_SUFFIX)) and not any(path.glob("*.py"))


def _catalogue(found: Sequence[_Found], fingerprint: str) -> Catalogue:
    rules: list[type[Rule]] = list(rule_classes())
    codemods: list[type[Codemod]] = list(codemod_classes())
    sources: dict[type, str] = {}
    by_code: dict[str, str] = {cls.code: BUILTIN for cls in rules}
    by_name: dict[str, str] = {cls.name: BUILTIN for cls in rules}
    codemod_names: dict[str, str] = {cls.name: BUILTIN for cls in codemods}
    builtin = set(rules) | set(codemods)
    loaded = []
    for plugin in found:
        modules = _import(plugin) if plugin.module or plugin.path or plugin.folder else []
        label = f"plugin {plugin.name!r}"
        own_rules: list[str] = []
        own_codemods: list[str] = []
        for cls in [*_classes(modules), *_pattern_classes(plugin)]:
            if cls in builtin or cls in sources:
                continue
            sources[cls] = plugin.origin
            if issubclass(cls, Codemod):
                _check_class(label, cls)
                if cls.name in codemod_names:
                    raise PluginError(
                        f"{label}: codemod {cls.name!r} is defined twice: in {codemod_names[cls.name]} "
                        f"and in {plugin.origin}"
                    )
                codemod_names[cls.name] = plugin.origin
                codemods.append(cls)
                own_codemods.append(cls.name)
                continue
            _check_class(label, cls)
            if cls.code.startswith(_RESERVED):
                raise PluginError(
                    f"{label}: rule {cls.__name__} has code {cls.code}, but the prefix {_RESERVED} is "
                    f"reserved for tffix's own rules (choose a prefix of your own, such as ACME001)"
                )
            for kind, table, key in (("code", by_code, cls.code), ("name", by_name, cls.name)):
                if key in table:
                    raise PluginError(
                        f"{label}: two rules have the {kind} {key}: one in {table[key]}, "
                        f"{cls.__name__} in {plugin.origin}"
                    )
                table[key] = plugin.origin
            rules.append(cls)
            own_rules.append(cls.code)
        if not own_rules and not own_codemods:
            raise PluginError(
                f"{label}: {plugin.origin} defines no rule or codemod (subclasses of tffix.api.Rule or "
                "tffix.api.Codemod, at the top level of the module or named in its __all__)"
            )
        loaded.append(LoadedPlugin(plugin.name, plugin.origin, tuple(own_rules), tuple(own_codemods)))
    return Catalogue(tuple(rules), tuple(codemods), tuple(loaded), sources, fingerprint)


def _pattern_classes(plugin: _Found) -> list[type[Rule]]:
    """The rules and codemods of the plugin's pattern files; a file that
    cannot be used is a PluginError whose line is ``file:line:col: message``."""
    if not plugin.patterns:
        return []
    from .patterns import PatternError, load_pattern_file

    out: list[type[Rule]] = []
    for path in plugin.patterns:
        try:
            rules, codemods = load_pattern_file(path)
        except PatternError as e:
            raise PluginError(str(e)) from None
        out += [*rules, *codemods]
    return out


def _import(plugin: _Found) -> list[ModuleType]:
    label = f"plugin {plugin.name!r}"
    try:
        if plugin.module is not None:
            return [_import_module(plugin.module, plugin.files)]
        if plugin.path is not None:
            return [_import_path(plugin.path)]
        assert plugin.folder is not None
        # the folder's files may import each other (and helpers starting with _)
        sys.path.insert(0, str(plugin.folder))
        try:
            return [_import_path(path) for path in plugin.files]
        finally:
            sys.path.remove(str(plugin.folder))
    except (PluginError, KeyboardInterrupt):
        raise
    except BaseException as e:  # noqa: BLE001 - whatever else a plugin raises (even SystemExit) is reported
        raise PluginError(f"{label}: cannot import {plugin.origin}: {_reason(e)}", traceback.format_exc()) from None


def _reason(error: BaseException) -> str:
    if isinstance(error, SyntaxError):
        where = f" ({Path(error.filename).name}, line {error.lineno})" if error.filename else ""
        return f"SyntaxError: {error.msg}{where}"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _import_module(name: str, files: Sequence[Path]) -> ModuleType:
    """Import (again, when its source changed since) an installed module."""
    digest = _digest([_Found(name, name, list(files))])
    module = sys.modules.get(name)
    if module is not None and _module_digests.get(name) not in (None, digest):
        module = importlib.reload(module)
    elif module is None:
        module = importlib.import_module(name)
    _module_digests[name] = digest
    return module


def _import_path(path: Path) -> ModuleType:
    """Import a file or package folder under a name of its own, which names
    its path and source, so an edited plugin is a new module."""
    init = path / "__init__.py" if path.is_dir() else path
    digest = hashlib.sha256(str(path).encode() + _digest([_Found(str(path), "", sorted(_files(path)))]).encode())
    stem = re.sub(r"\W", "_", path.stem if path.is_file() else path.name)
    name = f"_tffix_plugin_{stem}_{digest.hexdigest()[:12]}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, init, submodule_search_locations=[str(path)] if path.is_dir() else None
    )
    if spec is None or spec.loader is None:
        raise PluginError(f"plugin {str(path)!r}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _classes(modules: Sequence[ModuleType]) -> Iterator[type[Rule]]:
    """The rules and codemods the modules define or name (``__all__``, else
    every public name), each once."""
    seen: set[type] = set()
    for module in modules:
        names = getattr(module, "__all__", None)
        namespace = vars(module)
        for key in names if names is not None else list(namespace):
            value = namespace.get(key)
            if (
                inspect.isclass(value)
                and issubclass(value, Rule)
                and value not in (Rule, Codemod)
                and value not in seen
                and not inspect.isabstract(value)
            ):
                seen.add(value)
                yield value


def _check_class(label: str, cls: type[Rule]) -> None:
    """What the class statement could not check: the declared attributes'
    types, the examples, and that it builds with its default options."""
    what = f"codemod {cls.name}" if issubclass(cls, Codemod) else f"rule {cls.__name__}"
    problems = []
    if not isinstance(cls.severity, Severity):
        problems.append("severity must be a tffix.api.Severity")
    if cls.fixable is not None and not isinstance(cls.fixable, Applicability):
        problems.append("fixable must be a tffix.api.Applicability or None")
    if not isinstance(cls.options, dict) or not all(
        isinstance(k, str) and isinstance(v, Option) for k, v in cls.options.items()
    ):
        problems.append("options must map names to tffix.api.Option")
    else:
        for key, option in cls.options.items():
            if option.choices and option.default not in option.choices:
                problems.append(f"option {key}: the default {option.default!r} is not one of its choices")
    if not isinstance(cls.valid, tuple) or not all(isinstance(v, str) for v in cls.valid):
        problems.append("valid must be a tuple of strings")
    if not isinstance(cls.invalid, tuple) or not all(isinstance(v, Example) for v in cls.invalid):
        problems.append("invalid must be a tuple of tffix.api.Example")
    if not problems:
        try:
            cls()
        except Exception as e:  # noqa: BLE001 - a plugin's constructor may raise anything
            problems.append(f"cannot be built with its default options: {_reason(e)}")
    if problems:
        raise PluginError(f"{label}: {what} is malformed: {'; '.join(problems)}")
