"""Pattern files (``*.tffix.hcl``): ``rule`` and ``codemod`` blocks read
into rule and codemod classes. Reading never evaluates anything: every
value is a literal, a pattern or a check."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ..context.module import TerraformModule
from ..cst import nodes as n
from ..cst.values import NotLiteral, literal_value
from ..diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ..rewrite import FixBuilder
from ..rule import DOC_SECTIONS, Codemod, Example, Rule
from .language import metavariable, unmark
from .matching import Capture, is_not_block
from .pattern import (
    Constraint,
    Found,
    Pattern,
    PatternError,
    build_pattern,
    compile_pattern,
    constraint,
    locate,
    parse_pattern_text,
)

__all__ = ["INLINE_NAME", "PATTERN_SUFFIX", "PatternChecks", "inline_codemod", "load_pattern_file", "pattern_classes"]

#: the suffix of pattern files
PATTERN_SUFFIX = ".tffix.hcl"

_RULE_KEYS = {
    "code",
    "message",
    "severity",
    "safety",
    "description",
    "fix_message",
    "todo",
    "references",
    "follow_locals",
}
_CODEMOD_KEYS = {"message", "description", "todo", "fix_message", "follow_locals"}
_BLOCKS = {"example", "pattern"}
_PATTERN_BLOCKS = {"match", "replace", "where", "inside", "not_inside", "unless", "requires", "add", "pattern"}
_EXAMPLE_KEYS = {"before", "after", "reported"}
_SAFETY = {"safe": Applicability.SAFE, "unsafe": Applicability.UNSAFE, "display-only": Applicability.DISPLAY_ONLY}
_DOLLAR = re.compile(r"\$([A-Z_][A-Z0-9_]*)")


class PatternChecks:
    """What a rule or codemod written as a pattern does: find the pattern's
    matches in every file of the module, report each with the ``message``
    (captures filled in) and, with a ``replace``, the fix made of it."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    patterns: ClassVar[tuple[Pattern, ...]]
    follow_locals: ClassVar[bool] = False
    message: ClassVar[str]
    fix_message: ClassVar[str]
    safety: ClassVar[Applicability]
    todo: ClassVar[str | None] = None
    origin: ClassVar[str] = ""

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        trees = [file.tree for file in module.parsed() if file.tree is not None]
        resolve = module.local_value if self.follow_locals else None
        for file, pattern, found in self._found(module, trees, resolve):
            message = fill(pattern.message or self.message, found.captures)
            if found.undecided:
                if self.todo is None:
                    continue
                todo = self._todo(module, file, found, message)
                if todo is not None:
                    yield todo
                continue
            fix = None
            where: Any = found.captures[pattern.at].nodes[0] if pattern.at else _first_item(pattern, found)
            if pattern.replace is not None:
                builder = FixBuilder(module, file)
                focus = pattern.rewrite(builder, found)
                if focus is None:
                    continue  # already what replace says: nothing to report
                where = focus
                fix = builder.build(fill(self.fix_message, found.captures), self.safety)
            yield module.diagnostic(self, file, _where(where), message, fix=fix)

    def _found(
        self, module: TerraformModule, trees: list[n.Module], resolve: Any
    ) -> Iterator[tuple[Any, Pattern, Found]]:
        """Every match of every pattern, in every file; code two patterns
        match alike is reported by the first."""
        indexed = [_indexed(module, pattern) for pattern in self.patterns]
        for file in module.parsed():
            assert file.tree is not None
            taken: set[tuple[int, ...]] = set()
            for pattern, blocks in zip(self.patterns, indexed):
                candidates = None if blocks is None else blocks.get(file.path)
                if blocks is not None and candidates is None:
                    continue  # none of the blocks it can match is in this file
                for found in pattern.find(file.tree, module=trees, resolve=resolve, candidates=candidates):
                    key = tuple(sorted(id(code) for code in found.state.pairs.values() if type(code) is not tuple))
                    if key in taken:
                        continue
                    taken.add(key)
                    yield file, pattern, found

    def _todo(self, module: TerraformModule, file: Any, found: Found, message: str) -> Diagnostic | None:
        """A match a ``where`` could not decide: reported, with a fix that
        leaves a follow-up comment above the item for a person; once the
        comment is there, it stands for the finding (None)."""
        assert self.todo is not None
        note = fill(self.todo, found.captures)
        item = found.node if isinstance(found.node, (n.Attribute, n.Block)) else None
        text = f"{message} (undecided: {', '.join(found.undecided)})"
        if item is None:
            return module.diagnostic(self, file, _where(found.node), text)
        start, own = file.owned_span(item)[0], file.span(item)[0]
        indent = file.line_indent(own)
        comment = f"# TODO(tffix:{self.name}): {note}"
        if comment in file.text[start:own]:
            return None
        start -= len(file.line_indent(start))
        edit = Edit(file.path, start, start, indent + comment + _newline(file.text))
        fix = Fix(f"Leave a follow-up comment: {note}", (edit,), Applicability.SAFE)
        return module.diagnostic(self, file, _where(item), text, fix=fix)


def _indexed(module: TerraformModule, pattern: Pattern) -> dict[Any, list[n.Block]] | None:
    """For a pattern that can only match a few top-level blocks
    (``Pattern.by_label``): those blocks by file, from the module's index
    (shared by every rule); None for any other pattern."""
    if pattern.by_label is None:
        return None
    kind, labels = pattern.by_label
    out: dict[Any, list[n.Block]] = {}
    for entry in module.index.blocks(kind):
        if labels is None or (entry.labels and entry.labels[0] in labels):
            out.setdefault(entry.file, []).append(entry.block)
    return out


def _first_item(pattern: Pattern, found: Found) -> Any:
    """Where a match without edits is shown: the first attribute the
    pattern names, inside the blocks it names (else what matched)."""
    if not isinstance(pattern.match, tuple):
        return found.node
    items = [i for i in pattern.match if type(i) in (n.Attribute, n.Block) and not is_not_block(i)]
    while items:
        first = items[0]
        code = found.state.pairs.get(id(first))
        if code is None or type(code) is tuple:
            break
        if type(first) is n.Attribute:
            return code
        inner = [i for i in first.body.items if type(i) in (n.Attribute, n.Block) and not is_not_block(i)]
        if not inner:
            return code
        items = inner
    return found.node


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _where(node: Any) -> Any:
    """Where a finding is shown: a block by its type and labels' line, not its whole body."""
    if type(node) is n.Block:
        return node.type
    if type(node) is n.Attribute:
        return node
    return node


def fill(template: str, captures: dict[str, Capture]) -> str:
    """``template`` with each ``$NAME`` replaced by what it captured."""
    return _DOLLAR.sub(lambda m: captures[m.group(1)].text if m.group(1) in captures else m.group(0), template)


@dataclass
class _Reader:
    path: str
    tree: n.Module

    def error(self, node: Any, message: str) -> PatternError:
        line, column = locate(self.tree, node)
        return PatternError(message, self.path, line, column)

    def string(self, attribute: n.Attribute) -> str:
        try:
            value = literal_value(attribute.value)
        except NotLiteral:
            value = None
        if not isinstance(value, str):
            raise self.error(attribute.value, f"{attribute.name.text} must be a string")
        return unmark(value)

    def boolean(self, attribute: n.Attribute) -> bool:
        try:
            value = literal_value(attribute.value)
        except NotLiteral:
            value = None
        if not isinstance(value, bool):
            raise self.error(attribute.value, f"{attribute.name.text} must be true or false")
        return value


def load_pattern_file(path: Path) -> tuple[list[type[Rule]], list[type[Codemod]]]:
    """The rules and codemods a pattern file defines. Raises PatternError
    (``file:line:col: message``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PatternError(f"cannot read: {e}", str(path)) from None
    return pattern_classes(text, str(path))


def pattern_classes(text: str, path: str = "<pattern>") -> tuple[list[type[Rule]], list[type[Codemod]]]:
    """The rules and codemods of a pattern file's text."""
    tree = parse_pattern_text(text, path)
    reader = _Reader(path, tree)
    rules: list[type[Rule]] = []
    codemods: list[type[Codemod]] = []
    for item in tree.body.items:
        if type(item) is n.EmptyLine:
            continue
        if type(item) is not n.Block or item.type.text not in ("rule", "codemod"):
            what = item.name.text if type(item) is n.Attribute else item.type.text
            raise reader.error(
                item, f"unknown top-level {unmark(what)!r}: a pattern file holds rule and codemod blocks"
            )
        if len(item.labels) != 1:
            raise reader.error(
                item.type, f'{item.type.text} needs one label, its name: {item.type.text} "my-name" {{ }}'
            )
        cls = _build(reader, item)
        if issubclass(cls, Codemod):
            codemods.append(cls)
        else:
            rules.append(cls)
    return rules, codemods


def _build(reader: _Reader, block: n.Block) -> type[Rule]:
    codemod = block.type.text == "codemod"
    name = block.label_values[0]
    keys = _CODEMOD_KEYS if codemod else _RULE_KEYS
    attributes, blocks = _read_items(reader, block, keys, _BLOCKS | _PATTERN_BLOCKS)
    patterns: list[Pattern] = []
    if _has_match(attributes, blocks):
        patterns.append(_pattern_of(reader, block, attributes, blocks, codemod))
    for sub in blocks.get("pattern", []):
        sub_attributes, sub_blocks = _read_items(reader, sub, {"message", "at"}, _PATTERN_BLOCKS - {"pattern"})
        one = _pattern_of(reader, sub, sub_attributes, sub_blocks, codemod)
        if "at" in sub_attributes:
            one = dataclasses.replace(one, at=_at(reader, sub_attributes["at"], one))
        if "message" in sub_attributes:
            one = dataclasses.replace(one, message=reader.string(sub_attributes["message"]))
            _check_dollars(reader, sub_attributes, one, ("message",))
        patterns.append(one)
    if not patterns:
        raise reader.error(block.type, f"{block.type.text} {name!r} has no match")
    message = reader.string(attributes["message"]) if "message" in attributes else ""
    if not codemod and not message:
        raise reader.error(block.type, f"rule {name!r} has no message")
    for one in patterns:
        _check_dollars(
            reader, attributes, one, ("fix_message", "todo") if one.message else ("message", "fix_message", "todo")
        )
    safety = Applicability.SAFE
    if "safety" in attributes:
        text = reader.string(attributes["safety"])
        if text not in _SAFETY:
            raise reader.error(attributes["safety"].value, f"safety must be one of {', '.join(_SAFETY)}")
        safety = _SAFETY[text]
    elif not codemod:
        safety = Applicability.UNSAFE
    severity = Severity.WARNING
    if "severity" in attributes:
        text = reader.string(attributes["severity"])
        try:
            severity = Severity(text)
        except ValueError:
            raise reader.error(attributes["severity"].value, "severity must be one of error, warning, info") from None
    description = reader.string(attributes["description"]) if "description" in attributes else ""
    references = reader.string(attributes["references"]) if "references" in attributes else ""
    valid: list[str] = []
    invalid: list[Example] = []
    for example in blocks.get("example", []):
        _example(reader, example, safety, valid, invalid)
    attrs: dict[str, Any] = {
        "name": name,
        "patterns": tuple(patterns),
        "follow_locals": reader.boolean(attributes["follow_locals"]) if "follow_locals" in attributes else False,
        "message": message or f"{name}: rewrite",
        "fix_message": reader.string(attributes["fix_message"]) if "fix_message" in attributes else (f"Apply {name}"),
        "safety": safety,
        "todo": reader.string(attributes["todo"]) if "todo" in attributes else None,
        "origin": reader.path,
        "valid": tuple(valid),
        "invalid": tuple(invalid),
        "__doc__": _docs(name, message, description, references, safety, blocks.get("example", []), reader),
        "__module__": "tffix.patterns.loaded",
    }
    if not codemod:
        attrs.update(code=reader.string(attributes["code"]) if "code" in attributes else "", severity=severity)
        attrs["fixable"] = safety if any(p.replace is not None for p in patterns) else None
        if "code" not in attributes:
            raise reader.error(block.type, f"rule {name!r} has no code (such as ACME001)")
    class_name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name)) or "Pattern"
    try:
        return type(class_name, (PatternChecks, Codemod if codemod else Rule), attrs)
    except TypeError as e:
        code_attribute = attributes.get("code")
        node: Any = code_attribute.value if code_attribute is not None and "code" in str(e) else block.labels[0]
        raise reader.error(node, str(e).split(": ", 1)[-1]) from None


def _at(reader: _Reader, attribute: n.Attribute, pattern: Pattern) -> str:
    """``at = $X``: the metavariable a finding is shown at."""
    meta = metavariable(attribute.value.name.text) if type(attribute.value) is n.Variable else None
    if meta is None or meta.kind != "one" or meta.name not in pattern.bound:
        raise reader.error(attribute.value, "at names a metavariable match binds to one node: at = $X")
    return meta.name


def _has_match(attributes: dict[str, n.Attribute], blocks: dict[str, list[n.Block]]) -> bool:
    return "match" in attributes or "match" in blocks


def _read_items(
    reader: _Reader, block: n.Block, keys: set[str], known_blocks: set[str]
) -> tuple[dict[str, n.Attribute], dict[str, list[n.Block]]]:
    """The attributes and blocks of a rule, codemod or pattern block, each
    checked against what may be there."""
    what = f"{block.type.text} {block.label_values[0]!r}" if block.labels else block.type.text
    attributes: dict[str, n.Attribute] = {}
    blocks: dict[str, list[n.Block]] = {}
    allowed = keys | {"match", "replace"}
    for item in block.body.items:
        if type(item) is n.Attribute:
            key = item.name.text
            if key not in allowed:
                known = ", ".join(sorted(allowed | known_blocks))
                raise reader.error(item.name, f"unknown key {unmark(key)!r} in {what} (known: {known})")
            attributes[key] = item
        elif type(item) is n.Block:
            kind = item.type.text
            if kind not in known_blocks:
                known = ", ".join(sorted(known_blocks))
                raise reader.error(item.type, f"unknown block {unmark(kind)!r} in {what} (known: {known})")
            if kind not in ("example", "pattern") and item.labels:
                raise reader.error(item.type, f"{kind} takes no label")
            if kind not in ("example", "pattern") and kind in blocks:
                raise reader.error(item.type, f"{what} has two {kind} blocks")
            blocks.setdefault(kind, []).append(item)
    for key in ("match", "replace"):
        if key in blocks and key in attributes:
            raise reader.error(
                attributes[key].name, f"{key} is either a block (body items) or an attribute (one expression), not both"
            )
    return attributes, blocks


def _pattern_of(
    reader: _Reader,
    block: n.Block,
    attributes: dict[str, n.Attribute],
    blocks: dict[str, list[n.Block]],
    codemod: bool,
) -> Pattern:
    if not _has_match(attributes, blocks):
        raise reader.error(block.type, f"{block.type.text} has no match")
    if codemod and "replace" not in blocks and "replace" not in attributes:
        raise reader.error(block.type, f"{block.type.text} has no replace (a codemod changes what it matches)")
    found: tuple[Any, ...] | n.Expression = (
        tuple(blocks["match"][0].body.items) if "match" in blocks else attributes["match"].value
    )
    replaced: tuple[Any, ...] | n.Expression | None = None
    if "replace" in blocks:
        replaced = tuple(blocks["replace"][0].body.items)
    elif "replace" in attributes:
        replaced = attributes["replace"].value
    if replaced is not None and (type(found) is tuple) != (type(replaced) is tuple):
        raise reader.error(block.type, "match and replace must both be blocks or both be attributes (one expression)")
    where = tuple(_where_block(reader, blocks["where"][0])) if "where" in blocks else ()

    def items(kind: str) -> tuple[Any, ...]:
        return tuple(blocks[kind][0].body.items) if kind in blocks else ()

    return build_pattern(
        found,
        replaced,
        where,
        path=reader.path,
        tree=reader.tree,
        inside=items("inside"),
        not_inside=items("not_inside"),
        unless=items("unless"),
        requires=items("requires"),
        add=items("add"),
    )


def _check_dollars(
    reader: _Reader, attributes: dict[str, n.Attribute], pattern: Pattern, keys: tuple[str, ...]
) -> None:
    """Every ``$NAME`` in a message is one that match (or inside) binds."""
    bound = set(pattern.bound)
    for key in keys:
        if key in attributes:
            for m in _DOLLAR.finditer(reader.string(attributes[key])):
                if m.group(1) not in bound and m.group(1) != "_":
                    raise reader.error(attributes[key].value, f"unknown metavariable ${m.group(1)} in {key}")


def _where_block(reader: _Reader, block: n.Block) -> Iterator[Constraint]:
    for item in block.body.items:
        if type(item) is n.EmptyLine:
            continue
        if type(item) is not n.Attribute:
            raise reader.error(item, "where holds NAME = check lines")
        meta = metavariable(item.name.text)
        name = meta.name if meta is not None else item.name.text
        value = item.value
        sub = (
            value.args[0].value
            if type(value) is n.FunctionCall and value.function_name == "match" and len(value.args) == 1
            else None
        )
        yield Constraint(name, constraint(value, reader.tree, reader.path), unmark(item.code.strip()), sub)


def _example(reader: _Reader, block: n.Block, safety: Applicability, valid: list[str], invalid: list[Example]) -> None:
    values: dict[str, n.Attribute] = {}
    for item in block.body.items:
        if type(item) is n.EmptyLine:
            continue
        if type(item) is not n.Attribute or item.name.text not in _EXAMPLE_KEYS:
            what = item.name.text if type(item) is n.Attribute else item.type.text
            raise reader.error(
                item, f"unknown key {unmark(what)!r} in example (known: {', '.join(sorted(_EXAMPLE_KEYS))})"
            )
        values[item.name.text] = item
    if "before" not in values:
        raise reader.error(block.type, "example has no before")
    before = reader.string(values["before"])
    label = block.label_values[0] if block.labels else ""
    line = locate(reader.tree, block)[0]
    name = (
        f"example {label!r} ({Path(reader.path).name}:{line})"
        if label
        else f"example ({Path(reader.path).name}:{line})"
    )
    if "after" in values:
        after = reader.string(values["after"])
        fixed = None if safety is Applicability.DISPLAY_ONLY else after
        invalid.append(Example(before, fixed, unsafe=safety is Applicability.UNSAFE, name=name))
    elif "reported" in values and reader.boolean(values["reported"]):
        invalid.append(Example(before, None, name=name))
    else:
        valid.append(before)


def _docs(
    name: str,
    message: str,
    description: str,
    references: str,
    safety: Applicability,
    examples: list[n.Block],
    reader: _Reader,
) -> str:
    summary = (description.strip().splitlines() or [message or name])[0]
    parts = {
        DOC_SECTIONS[0]: description.strip() or f"Finds code matching the pattern of `{name}` ({reader.path}).",
        DOC_SECTIONS[1]: f"{message}" if message else "A transformation asked for by name.",
        DOC_SECTIONS[2]: _example_docs(reader, examples),
        DOC_SECTIONS[3]: {
            Applicability.SAFE: "Safe: the pattern's author marks the rewrite as keeping behaviour.",
            Applicability.UNSAFE: "Unsafe: applied with `--unsafe-fixes` only.",
            Applicability.DISPLAY_ONLY: "Display-only: the rewrite is shown, never applied.",
        }[safety],
        DOC_SECTIONS[4]: references.strip() or f"- {reader.path}",
    }
    return summary + "\n\n" + "\n\n".join(f"## {title}\n\n{text}" for title, text in parts.items())


def _example_docs(reader: _Reader, examples: list[n.Block]) -> str:
    for block in examples:
        values = {i.name.text: i for i in block.body.items if type(i) is n.Attribute}
        if "before" in values and "after" in values:
            before, after = reader.string(values["before"]), reader.string(values["after"])
            return f"```hcl\n{before.rstrip()}\n```\n\nUse instead:\n\n```hcl\n{after.rstrip()}\n```"
    return "(no example)"


#: the name of the codemod ``tffix codemod --match ... --replace ...`` runs
INLINE_NAME = "match-replace"


def inline_codemod(match_text: str, replace_text: str) -> type[Codemod]:
    """The codemod of a ``--match`` / ``--replace`` pair (no pattern file).
    Raises PatternError."""
    pattern = compile_pattern(match_text, replace_text, path="<--match/--replace>")
    attrs: dict[str, Any] = {
        "name": INLINE_NAME,
        "patterns": (pattern,),
        "message": "rewrite",
        "fix_message": "rewrite",
        "safety": Applicability.SAFE,
        "__doc__": "Rewrite what --match finds into --replace",
        "__module__": "tffix.patterns.loaded",
    }
    cls: type[Codemod] = type("MatchReplace", (PatternChecks, Codemod), attrs)
    return cls
