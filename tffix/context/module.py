"""A Terraform module as rules see it: every ``.tf`` file of one directory.

Terraform reads all ``.tf`` files of a directory as one configuration, so a
variable declared in ``variables.tf`` is visible from ``main.tf``; rules get
the whole module and may edit several files or add one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from ..cst import nodes as n
from ..cst.positions import Spans, spans
from ..cst.queries import references, traversal
from ..diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ..model import ModuleIndex
from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from ..syntax.validate import check_unique_attributes
from ..text.lines import Lines
from .inputs import Inputs

__all__ = ["MODULE_SUFFIX", "RuleIdentity", "SourceFile", "TerraformModule", "fix", "parse_beyond"]


class RuleIdentity(Protocol):
    """What a finding takes from the rule that made it (a ``tffix.rule.Rule``
    has all three; the module context sits below rules, so it names only these)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Severity: ...


#: Files that make up a module (``.tf.json`` is JSON, never edited).
MODULE_SUFFIX = ".tf"
#: how many locals a value is followed through (``local.a`` = ``local.b`` = ...)
LOCAL_DEPTH = 5


@dataclass
class SourceFile:
    """One file's text and tree, with the offset helpers rules build edits with."""

    path: Path
    text: str
    tree: n.Module | None = None
    error: ParseError | None = None

    @classmethod
    def parse(cls, path: Path, text: str) -> SourceFile:
        tree = _READ_AHEAD.pop(text, None)  # parsed already for a rule that read this file from disk
        if tree is not None:
            return cls.from_tree(path, text, tree)
        try:
            return cls.from_tree(path, text, parse_module(text, path=str(path)))
        except ParseError as e:
            return cls(path, text, None, e)

    @classmethod
    def from_tree(cls, path: Path, text: str, tree: n.Module) -> SourceFile:
        """The file for ``text`` and the tree ``parse_module(text, path=str(path))``
        made of it (the apply loop has it from the formatter), checked as
        ``parse`` checks it."""
        try:
            check_unique_attributes(tree, path=str(path))  # Terraform refuses the file, so do we
        except ParseError as e:
            return cls(path, text, None, e)
        return cls(path, text, tree)

    @cached_property
    def _spans(self) -> Spans:
        assert self.tree is not None
        return spans(self.tree)

    @cached_property
    def _lines(self) -> Lines:
        return Lines(self.text)

    def span(self, node: n.Node | n.Token) -> tuple[int, int]:
        """Offsets of the node's (or token's) own text."""
        return self._spans.text[id(node)]

    def owned_span(self, node: n.Node) -> tuple[int, int]:
        """Offsets of the node with the comments and line break it owns."""
        return self._spans.owned[id(node)]

    def location(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; a BOM is not a column."""
        return self._lines.location(offset)

    def source(self, node: n.Node | n.Token) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def line_indent(self, offset: int) -> str:
        """The whitespace that starts the line holding ``offset``."""
        start = self._lines.start(self._lines.line(offset))
        line = self.text[start:offset]
        return line[: len(line) - len(line.lstrip(" \t"))]

    # -- edits -----------------------------------------------------------

    def replace(self, node: n.Node | n.Token, text: str) -> Edit:
        start, end = self.span(node)
        return Edit(self.path, start, end, text)

    def remove(self, item: n.Node) -> Edit:
        """Delete an item with its comment lines and line break."""
        start, end = self.owned_span(item)
        return Edit(self.path, start, end, "")

    def remove_items(self, items: list[n.Node], within: n.Body) -> list[Edit]:
        """Delete items of one body together, with their comment lines and
        line breaks, leaving the blank lines around them as a reader would:
        none at the start or end of the body, at most one in between."""
        gone = {id(item) for item in items}
        body = within.items
        edits: list[Edit] = []
        i = 0
        while i < len(body):
            if id(body[i]) not in gone:
                i += 1
                continue
            j = i  # widen to the blank lines on both sides of this run of removed items
            while j < len(body) and (id(body[j]) in gone or _blank(body[j])):
                j += 1
            while i > 0 and _blank(body[i - 1]):
                i -= 1
            run = list(body[i:j])
            keep = next((x for x in run if _blank(x)), None) if 0 < i and j < len(body) else None
            parts = [run] if keep is None else [run[: run.index(keep)], run[run.index(keep) + 1 :]]
            for part in parts:
                if part:
                    edits.append(Edit(self.path, self.owned_span(part[0])[0], self.owned_span(part[-1])[1], ""))
            i = j
        return edits

    def append(self, text: str) -> Edit:
        """Add ``text`` (whole lines) at the end, after a blank line (one the
        file already ends with counts; the lines before keep their bytes)."""
        body = self.text
        # the trailing blanks, found from the end: ``rstrip``/``strip`` copied
        # the whole text, once per fix that appends (issue 17: large files)
        start = len(body)
        while start and body[start - 1] in " \t\r\n":
            start -= 1
        tail = body[start:]
        if not body or body.isspace() or tail.count("\n") >= 2:
            sep = ""
        else:
            sep = "\n" if tail.endswith("\n") else "\n\n"
        return Edit(self.path, len(body), len(body), sep + text)


#: trees of files beyond a module that a rule parsed (a local child module's
#: ``variables.tf``), by text: when the run reaches that file's own module, its
#: ``SourceFile.parse`` takes the tree from here instead of parsing it again.
#: Each is taken once (no two files share a tree); the oldest go first.
_READ_AHEAD: dict[str, n.Module] = {}
_READ_AHEAD_LIMIT = 256


def parse_beyond(path: Path, text: str) -> n.Module:
    """``parse_module(text, path=str(path))`` for a file beyond the module a
    rule runs on (raises ``ParseError`` as it does). The tree is kept for the
    run's own parse of that file, so reading a module a later module of the
    run is made of costs no second parse."""
    tree = parse_module(text, path=str(path))
    if len(_READ_AHEAD) >= _READ_AHEAD_LIMIT:
        del _READ_AHEAD[next(iter(_READ_AHEAD))]
    _READ_AHEAD[text] = tree
    return tree


def _same(file: SourceFile | None, text: str) -> SourceFile | None:
    return file if file is not None and (file.text is text or file.text == text) else None


def _blank(item: object) -> bool:
    return type(item) is n.EmptyLine and item.comment is None


@dataclass
class TerraformModule:
    """The ``.tf`` files of one directory, keyed by path."""

    directory: Path
    files: dict[Path, SourceFile] = field(default_factory=dict)
    #: paths that exist on disk in the directory (any suffix): new files must not clash
    existing: frozenset[Path] = frozenset()
    #: module files that could not be read (not UTF-8, no permission)
    unreadable: frozenset[Path] = frozenset()
    #: today's date and files beyond the module: rules read them only through this
    inputs: Inputs = field(default_factory=Inputs)
    #: the only files fixes may edit, when the run limits them (an editor's
    #: buffer on stdin); no file may then be created. None: any file, new ones too
    editable: frozenset[Path] | None = None
    #: a buffer with no folder of its own (an untitled editor document, stdin
    #: without ``--stdin-filename``): what the rest of its module declares is
    #: unknown, so rules about the module as a whole say nothing
    lone: bool = False

    @classmethod
    def from_texts(
        cls,
        directory: Path,
        texts: Mapping[Path, str],
        existing: frozenset[Path] = frozenset(),
        unreadable: frozenset[Path] = frozenset(),
        inputs: Inputs | None = None,
        *,
        known: Mapping[Path, SourceFile] | None = None,
        editable: frozenset[Path] | None = None,
        lone: bool = False,
    ) -> TerraformModule:
        """The module of ``texts``. A file of ``known`` holding the same text
        as ``texts`` is taken as it is, not parsed again (trees never change)."""
        known = known or {}
        files = {
            path: _same(known.get(path), text) or SourceFile.parse(path, text)
            for path, text in sorted(texts.items())
            if path.name.endswith(MODULE_SUFFIX)
        }
        inputs = Inputs() if inputs is None else inputs
        return cls(directory, files, existing | frozenset(texts), unreadable, inputs, editable, lone)

    @property
    def complete(self) -> bool:
        """False when a file failed to parse or to be read: module-wide facts
        (which variables exist) may then be wrong, so fixes that rely on them
        hold back."""
        return not self.unreadable and all(f.tree is not None for f in self.files.values())

    def parsed(self) -> Iterator[SourceFile]:
        return (f for f in self.files.values() if f.tree is not None)

    def blocks(self, type: str, *labels: str | None) -> Iterator[tuple[SourceFile, n.Block]]:
        """Top-level blocks of every file, e.g. ``blocks("resource", "aws_iam_role")``
        (None matches any label), in source order. Answered from ``index``:
        labels are decoded once per module, not on every call."""
        files = self.files
        for entry in self.index.blocks(type, labels[0] if labels else None):
            got = entry.labels
            # as ``Block.matches``: no more labels asked than the block has, each equal or None
            if len(labels) <= len(got) and all(w is None or w == g for w, g in zip(labels, got)):
                yield files[entry.file], entry.block

    def is_override(self, file: SourceFile) -> bool:
        """``override.tf`` and ``*_override.tf`` merge into the blocks they name."""
        return file.path.name == "override.tf" or file.path.name.endswith("_override.tf")

    def overrides(self, block: n.Block) -> Iterator[n.Block]:
        """Blocks in override files that Terraform merges into ``block``."""
        for file, other in self.blocks(block.type.text, *self.index.labels(block)):
            if self.is_override(file):
                yield other

    @cached_property
    def index(self) -> ModuleIndex[Path]:
        """Blocks, declarations and references of the parsed files, built once
        on first use and shared by every rule (``tffix.model``)."""
        return ModuleIndex({file.path: file.tree for file in self.parsed() if file.tree is not None})

    def local_value(self, expr: n.Node, depth: int = LOCAL_DEPTH) -> n.Expression | None:
        """What ``expr`` stands for when it is just ``local.x``: the local's
        value, followed through further plain ``local.y`` values (at most
        ``depth`` locals, so a cycle ends); None when ``expr`` is no local."""
        found = None
        for _ in range(depth):
            local = self._local(expr)
            if local is None:
                break
            found = expr = local.value
        return found

    def locals_used(self, expr: n.Node, depth: int = LOCAL_DEPTH) -> Iterator[tuple[str, n.Attribute]]:
        """Every local ``expr`` uses, directly or through other locals (each
        once, at most ``depth`` steps away): its name and definition."""
        seen: set[str] = set()
        frontier = [expr]
        for _ in range(depth):
            following: list[n.Node] = []
            for node in frontier:
                for path in references(node):
                    if path[0] != "local" or len(path) < 2 or path[1] in seen:
                        continue
                    seen.add(path[1])
                    local = self._declared_local(path[1])
                    if local is not None:
                        yield path[1], local
                        following.append(local.value)
            frontier = following

    def _local(self, expr: n.Node) -> n.Attribute | None:
        path = traversal(expr)
        if path is None or len(path) != 2 or path[0] != "local":
            return None
        return self._declared_local(path[1])

    def _declared_local(self, name: str) -> n.Attribute | None:
        declared = self.index.declaration("local", name)
        if declared is None:
            return None
        assert type(declared.node) is n.Attribute  # a local is declared by its attribute
        return declared.node

    @cached_property
    def variables(self) -> dict[str, tuple[SourceFile, n.Block]]:
        out: dict[str, tuple[SourceFile, n.Block]] = {}
        for file, block in self.blocks("variable"):
            if block.labels:
                out.setdefault(block.label_values[0], (file, block))
        return out

    def variables_file(self) -> Path:
        """Where a new variable goes: ``variables.tf`` when present, else the
        file holding the most variables, else a new ``variables.tf`` (or,
        when the run may create no file, the file it may edit: an editor's
        buffer then declares the variable itself)."""
        return self.declarations_file(self._variable_files, self.directory / "variables.tf")

    @cached_property
    def _variable_files(self) -> list[Path]:
        """``variables.tf`` if present, then the files holding variables, most
        first (worked out once: every fix that declares a variable asks)."""
        conventional = self.directory / "variables.tf"
        counts: dict[Path, int] = {}
        for file, _ in self.variables.values():
            counts[file.path] = counts.get(file.path, 0) + 1
        ranked = [conventional] if conventional in self.files else []
        ranked += sorted(counts, key=lambda p: (-counts[p], p))
        return ranked

    def declarations_file(self, preferred: list[Path], new: Path) -> Path:
        """The first of ``preferred`` (existing files), else the file ``new``;
        but when there is none and the run may not create files (an
        editor's buffer on stdin), the first file it may edit, so the fix
        still applies there."""
        if preferred:
            return preferred[0]
        return new if self.editable is None else min(self.editable)

    @cached_property
    def json_variables(self) -> frozenset[str]:
        """Variables declared in the folder's ``.tf.json`` files: Terraform
        reads them with the ``.tf`` files, so a fix must not declare them
        again ("Duplicate variable declaration"). Read through the run's
        inputs; a file that is not JSON declares nothing we can know."""
        names: set[str] = set()
        for path in sorted(p for p in self.existing if p.name.endswith(".tf.json")):
            try:
                document = json.loads(self.inputs.read_bytes(path) or b"")
            except ValueError:
                continue
            sections = document.get("variable", []) if isinstance(document, dict) else []
            for section in sections if isinstance(sections, list) else [sections]:
                if isinstance(section, dict):
                    names.update(section)
        return frozenset(names)

    @property
    def has_auto_tfvars(self) -> bool:
        """Whether Terraform loads variable values from files in the folder."""
        return any(p.name == "terraform.tfvars" or p.name.endswith(".auto.tfvars") for p in self.existing)

    def new_file_edit(self, path: Path, text: str) -> Edit:
        """Append to ``path`` when it is a module file, else create it."""
        if path in self.files:
            return self.files[path].append(text)
        return Edit(path, 0, 0, text, create=True)

    def diagnostic(
        self,
        rule: RuleIdentity,
        file: SourceFile,
        where: n.Node | n.Token | tuple[int, int],
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        secrets: tuple[str, ...] = (),
    ) -> Diagnostic:
        """A finding at a node (or token) of ``file``, or at ``(start, end)`` offsets.
        ``secrets``: texts the finding is about that outputs must mask
        (``Diagnostic.secrets``)."""
        start, end = file.span(where) if isinstance(where, (n.Node, n.Token)) else where
        return Diagnostic(
            rule.code, rule.name, severity or rule.severity, message, file.path,
            file.location(start), file.location(end), (start, end), fix, secrets,
        )  # fmt: skip


def fix(message: str, applicability: Applicability, *edits: Edit) -> Fix:
    """Shorthand used by rules."""
    return Fix(message, tuple(edits), applicability)
