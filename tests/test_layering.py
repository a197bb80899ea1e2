"""The layering of ``docs/architecture.md``, kept true.

Every import of ``tffix`` in the package (at module level, inside functions,
under ``TYPE_CHECKING``: an import is a dependency wherever it stands) must
go from a package to one the document lists for it; every package must be
listed; and no two packages may import each other, directly or around a
loop. The allowed imports are read from the document, so the two cannot
drift apart.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tffix"
DOC = ROOT / "docs" / "architecture.md"

#: Imports against the layering that are known and not fixed yet, exactly:
#: (importing module, imported module). Empty: there are none.
ALLOWED_VIOLATIONS: frozenset[tuple[str, str]] = frozenset()

_LAYER = re.compile(r"^- `(?P<name>[\w.]+)` -> (?P<deps>.*?): ")


def documented_layers(text: str) -> dict[str, frozenset[str]]:
    """Package -> the packages it may import, from the document's list."""
    section = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    layers: dict[str, frozenset[str]] = {}
    for line in section.splitlines():
        match = _LAYER.match(line)
        if match is None:
            assert not line.startswith("- "), f"unreadable layer line: {line}"
            continue
        deps = match.group("deps")
        names = frozenset() if deps == "(nothing)" else frozenset(re.findall(r"`([\w.]+)`", deps))
        assert match.group("name") not in layers, f"{match.group('name')} listed twice"
        layers[match.group("name")] = names
    return layers


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every tffix module ``path`` imports (absolute name, line), wherever the
    import statement stands. ``from . import x`` names ``pkg.x``."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "tffix":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "tffix":
                continue
            if node.module is None or target == "tffix":
                # `from . import engine` / `from tffix import __version__`: each name may be a module
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    yield (sub if _is_module(sub) else target), node.lineno
            else:
                yield target, node.lineno


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def component(name: str) -> str:
    """The layer a module belongs to: ``tffix.engine.run`` -> ``engine``; the
    package's own ``__init__`` is ``tffix``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "tffix"


def import_graph() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) module pairs across layers -> where (file:line)."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        for target, line in imports(path):
            if component(source) != component(target):
                edges.setdefault((source, target), []).append(f"{path.relative_to(ROOT)}:{line}")
    return edges


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one package (Tarjan's)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


LAYERS = documented_layers(DOC.read_text(encoding="utf-8"))


def test_every_package_is_placed_in_the_layering() -> None:
    present = {component(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert sorted(present - set(LAYERS)) == [], "add these to docs/architecture.md"
    assert sorted(set(LAYERS) - present) == [], "the document lists packages that do not exist"
    unknown = {dep for deps in LAYERS.values() for dep in deps} - set(LAYERS)
    assert sorted(unknown) == []


def test_the_documented_layering_has_no_cycle() -> None:
    graph = {name: set(deps) for name, deps in LAYERS.items()}
    assert cycles(graph) == []
    assert all(name not in deps for name, deps in graph.items())


def violations(
    edges: dict[tuple[str, str], list[str]], layers: dict[str, frozenset[str]]
) -> dict[tuple[str, str], list[str]]:
    """The edges whose target's layer is not allowed for the source's."""
    return {
        pair: where
        for pair, where in edges.items()
        if component(pair[1]) not in layers.get(component(pair[0]), frozenset())
    }


def test_no_import_goes_against_the_layering() -> None:
    found = violations(import_graph(), LAYERS)
    unexpected = {pair: where for pair, where in found.items() if pair not in ALLOWED_VIOLATIONS}
    assert unexpected == {}, "imports against docs/architecture.md"
    fixed = sorted(ALLOWED_VIOLATIONS - set(found))
    assert fixed == [], "these allowed violations are gone: remove them from ALLOWED_VIOLATIONS"


def test_no_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for source, target in import_graph():
        graph.setdefault(component(source), set()).add(component(target))
    assert cycles(graph) == []


def test_the_scan_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    """The scanner itself: imports inside functions and ``TYPE_CHECKING``
    blocks count, relative imports resolve, and a cycle is found."""
    path = PACKAGE / "engine" / "run.py"
    found = {target for target, _ in imports(path)}
    assert {"tffix.rule", "tffix.context.module", "tffix.engine.edits"} <= found
    lazy = {target for target, _ in imports(PACKAGE / "engine" / "result_cache.py")}
    assert "tffix.syntax.lalr" in lazy  # imported inside a function
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_a_violation_is_reported() -> None:
    """Made-up imports against the layering (the tree importing the parser,
    the engine a concrete rule or the settings, a rule the engine) are
    rejected; imports down the layers are not."""
    edges = {
        ("tffix.cst.builders", "tffix.syntax.parser"): ["x"],
        ("tffix.engine.run", "tffix.rules.unused_suppression"): ["x"],
        ("tffix.engine.batch", "tffix.settings"): ["x"],
        ("tffix.rules.foo", "tffix.engine.module"): ["x"],
        ("tffix.engine.run", "tffix.rule"): ["x"],
        ("tffix.syntax.parser", "tffix.cst.nodes"): ["x"],
    }
    assert sorted(violations(edges, LAYERS)) == sorted(list(edges)[:4])


@pytest.mark.parametrize("module", ["tffix.api", "tffix.engine.run", "tffix.rule", "tffix.cst", "tffix.context"])
def test_importing_the_vocabulary_loads_no_rule_cli_or_lsp(module: str) -> None:
    """What a rule author (or the engine) imports pulls in no concrete rule,
    no command line and no language server."""
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    heavy = [
        name
        for name in loaded
        if name.startswith(("tffix.rules", "tffix.cli", "tffix.lsp", "tffix.settings", "tffix.config"))
        or name.split(".")[0] in ("click", "pygls", "lsprotocol", "rich")
    ]
    assert heavy == []
    assert module in loaded


#: rules-package modules that are not rules: the registry, profiles and the old vocabulary path
_NOT_RULES = frozenset({"__init__.py", "registry.py", "profiles.py", "base.py"})


def test_built_in_rules_import_only_the_public_api() -> None:
    """A rule author reads our rules to learn how to write one, so they use
    exactly what a plugin can: `tffix.api` (and the node classes of
    `tffix.cst.nodes` it re-exports), no private helper."""
    wrong = []
    for path in sorted((PACKAGE / "rules").glob("*.py")):
        if path.name in _NOT_RULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "tffix" for a in node.names):
                wrong.append(f"{path.name}:{node.lineno}")
            elif isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("tffix")):
                module = ("." * node.level) + (node.module or "")
                names = {a.name for a in node.names}
                if module in ("..api", "tffix.api") or (module == "..cst" and names == {"nodes"}):
                    continue
                if node.level == 1 and node.module and not node.module.startswith("_"):
                    continue  # another rule's module: what it shares is public, as rules are
                wrong.append(f"{path.name}:{node.lineno}: {module}")
    assert wrong == []
    assert not [p.name for p in (PACKAGE / "rules").glob("_*.py") if p.name != "__init__.py"]
