"""What the module-structure rules (TFX301-TFX306) share: whether a module's
declarations can be known at all, names that look alike, the expressions that
name providers rather than values, and the declarations of a local child
module read from disk.

Precision first: a module whose declarations tffix cannot see completely (a
file that does not parse or cannot be read, a ``.tf.json`` or OpenTofu
``.tofu`` file, which tffix does not read) gets no "undeclared" finding at all, and a child module that
cannot be read completely gets no finding about its inputs or outputs.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..api import ParseError, TerraformModule, parse_beyond, template_text, walk
from ..cst import nodes as n

__all__ = [
    "ChildModule",
    "close_names",
    "declarations_visible",
    "local_child",
    "local_source",
    "not_value_nodes",
    "scoped_data_sources",
]

#: attributes whose expressions name providers (``aws.west``), never values, in any block
_PROVIDER_NAMES = frozenset({"provider", "providers"})

#: files Terraform (or OpenTofu, which reads ``.tofu`` files beside ``.tf``) takes
#: declarations from that tffix does not read
_UNREAD = (".tf.json", ".tofu", ".tofu.json")

#: how close a name must be to be suggested (difflib's ratio)
CUTOFF = 0.8


def declarations_visible(module: TerraformModule) -> bool:
    """Whether every declaration of the module is in a tree tffix has: every
    ``.tf`` file parsed and read, no ``.tf.json`` file beside them, and a
    folder of its own (not a lone editor buffer or stdin with no name)."""
    if not module.complete or module.lone:
        return False
    return not any(p.name.endswith(_UNREAD) for p in module.existing)


_DASH = str.maketrans("-", "_")
_BACKSLASH = str.maketrans("\\", "/")


def _normal(name: str) -> str:
    return name.lower().translate(_DASH)


def _word_more(longer: str, shorter: str) -> bool:
    """``storage_account_name`` is ``account_name`` with a word in front."""
    return len(longer) > len(shorter) and longer.endswith(shorter) and longer[: -len(shorter)].endswith("_")


def close_names(name: str, candidates: Iterable[str]) -> list[str]:
    """Declared names that look like ``name``, closest first: the same name in
    another case or with ``-`` for ``_``; else difflib's close matches; else
    the names that are ``name`` with a word more or less at the front
    (``account_name`` and ``storage_account_name``)."""
    pool = sorted(set(candidates) - {name})
    same = [c for c in pool if _normal(c) == _normal(name)]
    if same:
        return same
    close = difflib.get_close_matches(name, pool, n=3, cutoff=CUTOFF)
    if close:
        return close
    return [c for c in pool if _word_more(c, name) or _word_more(name, c)][:3]


def not_value_nodes(module: TerraformModule) -> set[int]:
    """Ids of every node under an attribute that names providers (``provider``,
    ``providers``), in any block of any file, and of every node of a
    ``terraform`` block (``configuration_aliases = [aws.west]``): the
    reference index reads some of them (an ``ephemeral`` block's
    ``provider = aws.west``) as resource references."""
    found: set[int] = set()
    for file in module.parsed():
        assert file.tree is not None
        stack: list[n.Block | n.Module] = [file.tree]
        while stack:
            block = stack.pop()
            if type(block) is n.Block and block.type.text == "terraform":
                found.update(id(node) for node in walk(block))
                continue
            for item in block.body.items:
                if type(item) is n.Block:
                    stack.append(item)
                elif type(item) is n.Attribute and item.name.text in _PROVIDER_NAMES:
                    found.update(id(node) for node in walk(item.value))
    return found


def scoped_data_sources(module: TerraformModule) -> set[tuple[str, str]]:
    """``(type, name)`` of the data sources declared inside ``check`` blocks,
    which the module's top-level index does not hold."""
    found: set[tuple[str, str]] = set()
    for entry in module.index.blocks("check"):
        for block in entry.block.body.blocks("data"):
            labels = module.index.labels(block)
            if len(labels) == 2:
                found.add((labels[0], labels[1]))
    return found


# -- local child modules ------------------------------------------------------


def local_source(block: n.Block) -> str | None:
    """The ``source`` of a module call when it is a local path (``./x``,
    ``../x``), as written; None for registry, git and other addresses."""
    source = block.body.attribute("source")
    if source is None or type(source.value) is not n.Template:
        return None
    text = template_text(source.value)
    if text is None:
        return None
    if text in (".", "..") or text.startswith(("./", "../", ".\\", "..\\")):
        return text
    return None


@dataclass(frozen=True)
class ChildModule:
    """What a local child module declares, read from its folder.

    ``found`` is False when the folder does not exist (or is not a folder).
    ``known`` is False when its declarations cannot all be seen (a file that
    does not parse or cannot be read, a ``.tf.json`` or ``.tofu`` file, no
    ``.tf`` file at all): nothing is then
    said about its inputs or outputs. ``variables`` maps each input to
    whether it is required (no ``default``); ``defaults_overridden`` is True
    when an override file may give a variable a default."""

    directory: Path
    found: bool
    known: bool = False
    variables: dict[str, bool] | None = None
    outputs: frozenset[str] = frozenset()
    defaults_overridden: bool = False


@dataclass(frozen=True)
class _FileFacts:
    variables: tuple[tuple[str, bool], ...]
    outputs: tuple[str, ...]


#: (sha256 of a file's bytes) -> what it declares; None when it does not parse
_FACTS: dict[str, _FileFacts | None] = {}
_FACTS_LIMIT = 4096


#: a line that may start a ``variable`` or ``output`` block: the word, then a
#: label (``variable = "..."`` in an IAM policy's ``condition`` is an argument)
_DECLARES = re.compile(rb"^[ \t]*(?:variable|output)(?:[ \t]+[\"A-Za-z_]|\")", re.MULTILINE)
_NOTHING = _FileFacts((), ())


def _tree_facts(tree: n.Module) -> _FileFacts:
    variables: list[tuple[str, bool]] = []
    outputs: list[str] = []
    for item in tree.body.items:
        if type(item) is not n.Block or len(item.labels) != 1:
            continue
        name = _label(item.labels[0])
        if item.type.text == "variable":
            variables.append((name, item.body.attribute("default") is None))
        elif item.type.text == "output":
            outputs.append(name)
    return _FileFacts(tuple(variables), tuple(outputs))


def _remember(digest: str, facts: _FileFacts | None) -> None:
    if len(_FACTS) >= _FACTS_LIMIT:
        _FACTS.clear()
    _FACTS[digest] = facts


def remember_module(module: TerraformModule) -> None:
    """Keep what the files of ``module`` that declare variables or outputs
    declare, from the trees the run already has: when a later module of the
    run calls this one, they need no second parse (modules run in path
    order, so a root module comes before the ``examples/`` that call it)."""
    index = module.index
    declaring = {e.file for e in index.blocks("variable")} | {e.file for e in index.blocks("output")}
    for path in declaring:
        file = module.files[path]
        digest = hashlib.sha256(file.text.encode("utf-8")).hexdigest()  # as Inputs digests the bytes
        if digest not in _FACTS and file.tree is not None:
            _remember(digest, _tree_facts(file.tree))


def _facts(module: TerraformModule, path: Path) -> _FileFacts | None:
    """What a child's file declares, read and kept by the SHA-256 of its
    bytes. A file with no line that could start a ``variable`` or ``output``
    block (a module's ``main.tf``, mostly) is not parsed: it declares
    neither, and parsing it is most of the cost."""
    data = module.inputs.read_bytes(path)
    digest = module.inputs.digests.get(path)
    if data is None or digest is None:
        return None
    facts: _FileFacts | None = _NOTHING
    if (b"variable" in data or b"output" in data) and _DECLARES.search(data):
        try:
            text = data.decode("utf-8")  # as the engine decodes it (a BOM kept: the parser reads past it)
            facts = _tree_facts(parse_beyond(path, text))
        except (UnicodeDecodeError, ParseError, RecursionError):
            facts = None
    _remember(digest, facts)
    return facts


def _label(label: n.Label) -> str:
    if type(label) is n.Token:
        return label.text
    return template_text(label) or ""


def local_child(module: TerraformModule, source: str) -> ChildModule:
    """The child module a local ``source`` names, read through the run's
    ``Inputs`` (so a cached result is dropped when the child changes); each
    file is parsed once per process for a given content."""
    directory = Path(os.path.normpath(module.directory / source.translate(_BACKSLASH)))
    names = module.inputs.list_dir(directory)
    if names is None:
        return ChildModule(directory, found=False)
    if any(name.endswith(_UNREAD) for name in names) or not any(name.endswith(".tf") for name in names):
        return ChildModule(directory, found=True)  # what it declares is not (all) in .tf files
    variables: dict[str, bool] = {}
    outputs: set[str] = set()
    overridden = False
    for name in names:
        if not name.endswith(".tf"):
            continue
        path = directory / name
        digest = module.inputs.digest(path)  # recorded: a cached result is dropped when the file changes
        if digest is None:
            if os.path.isdir(path):
                continue  # a folder named like a file: Terraform skips it too
            return ChildModule(directory, found=True)
        facts = _FACTS[digest] if digest in _FACTS else _facts(module, path)
        if facts is None:
            return ChildModule(directory, found=True)
        if name == "override.tf" or name.endswith("_override.tf"):
            overridden = overridden or bool(facts.variables)
            continue
        for variable, required in facts.variables:
            variables.setdefault(variable, required)
        outputs.update(facts.outputs)
    return ChildModule(directory, True, True, variables, frozenset(outputs), overridden)


def module_inputs(block: n.Block) -> Sequence[n.Attribute]:
    """The attributes of a module call that set the child's variables (not
    ``source``, ``version`` or the meta-arguments)."""
    return [a for a in block.body.attributes() if a.name.text not in MODULE_META]


#: attributes of a module call that are not inputs of the child
MODULE_META = frozenset({"source", "version", "count", "for_each", "providers", "depends_on"})
