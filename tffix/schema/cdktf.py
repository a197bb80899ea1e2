"""Provider schemas read from a prebuilt CDK-for-Terraform provider package.

The npm packages ``@cdktf/provider-NAME`` carry, for every resource and data
source, two views of the same schema the generator was given:

- the ``.jsii`` assembly: each class's config struct with its properties,
  which are required (not ``optional``) and which hold nested structs (a
  struct itself: at most one item; an array of structs: a list);
- the compiled JavaScript: ``X.tfResourceType = "aws_instance"`` names each
  class's Terraform type, and each ``synthesizeHclAttributes`` /
  ``xToHclTerraform`` lists every argument under its Terraform (snake_case)
  name with the camelCase property it reads, whether it is a block, and its
  type (``simple``, ``list``, ``set``, ``map`` and a storage class such as
  ``stringList``). The names are taken from there, never converted by hand.

``schema_json_from_cdktf`` turns a package into the document ``terraform
providers schema -json`` prints, so snapshots are built from either source
by one path (``snapshot_from_schema_json``). A nested struct whose fields
the generator writes as ``null`` when unset is the provider's "attributes as
blocks" (``ingress`` of ``aws_security_group``): it becomes an attribute of
type ``list(object)``/``set(object)``, which Terraform accepts in both
syntaxes. Computed-only attributes are read from the getters of each
class and of its nested blocks' ``OutputReference`` classes
(``this.getStringAttribute('arn')``), with the type the getter reads; the
document then says so (``"tffix_exports": true``). The package knows nothing
of deprecations; those come only from a schema JSON.
"""

from __future__ import annotations

import io
import json
import re
import tarfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["CdktfPackage", "read_package", "schema_json_from_cdktf"]

_TOP = re.compile(r"^(?:class (\w+) extends ([\w.]+) \{|function (\w+)ToHclTerraform\(struct\) \{)", re.MULTILINE)
_ENTRY = re.compile(
    r"^\s+[\"']?([\w-]+)[\"']?: \{\s*\n\s+value: (.*),\s*\n\s+isBlock: (true|false),\s*\n"
    r"\s+type: \"(\w+)\",\s*\n\s+storageClassType: \"(\w+)\",",
    re.MULTILINE,
)
_TYPE_NAME = re.compile(r"^(\w+)\.tfResourceType = \"([\w-]+)\";", re.MULTILINE)
_VERSION = re.compile(r"providerVersion: '([^']+)'")
_READ = re.compile(r"(?:this\._|struct\.)(\w+)")
_NESTED_FN = re.compile(r"(?<![.\w])(\w+)ToHclTerraform\b")
_ANCHOR = re.compile(r"\{@link https://registry\.terraform\.io/\S+#([\w-]+) \w+#[\w-]+\}")
_SCALARS = {"string": "string", "number": "number", "boolean": "bool", "any": "dynamic"}
#: what a class exports: ``this.getStringAttribute('arn')``, nested objects and maps
#: (``new XList(this, "certificate_authority", false)``, ``new cdktf.StringMap(this,
#: "outputs")``), and the generator's own note ``// arn - computed: true, ...``
_EXPORT = re.compile(
    r"this\.get(\w*)Attribute\('([\w-]+)'\)|new [\w.]+\(this, [\"']([\w-]+)[\"']"
    r"|// ([\w-]+) - computed: true, optional: false, required: false"
)
_GETTER_TYPES = {
    "String": "string", "Number": "number", "Boolean": "bool", "List": "list(string)",
    "NumberList": "list(number)", "StringMap": "map(string)", "NumberMap": "map(number)",
    "BooleanMap": "map(bool)",
}  # fmt: skip


@dataclass
class CdktfPackage:
    """What a package holds: its ``.jsii`` assembly and its JavaScript files
    (path -> text)."""

    assembly: Mapping[str, Any]
    scripts: Mapping[str, str] = field(default_factory=dict)


def read_package(path: Path) -> CdktfPackage:
    """A package from its ``.tgz`` (as ``npm pack`` saves it) or an unpacked folder."""
    if path.is_dir():
        root = path / "package" if (path / "package" / ".jsii").exists() else path
        scripts = {str(p.relative_to(root)): p.read_text("utf-8") for p in (root / "lib").rglob("*.js")}
        return CdktfPackage(json.loads((root / ".jsii").read_text("utf-8")), scripts)
    assembly: Any = None
    scripts = {}
    with tarfile.open(path) as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = member.name.split("/", 1)[1] if "/" in member.name else member.name
            if name == ".jsii" or (name.startswith("lib/") and name.endswith(".js")):
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                data = handle.read()
                if name == ".jsii":
                    assembly = json.load(io.BytesIO(data))
                else:
                    scripts[name] = data.decode("utf-8")
    if assembly is None:
        raise ValueError(f"{path}: no .jsii assembly: not a CDK-for-Terraform provider package")
    return CdktfPackage(assembly, scripts)


@dataclass
class _Entry:
    name: str
    prop: str | None
    is_block: bool
    kind: str
    storage: str
    nested: str | None


@dataclass
class _Definition:
    base: str | None
    entries: list[_Entry]
    text: str


def _definitions(text: str) -> Iterator[tuple[str, _Definition]]:
    """Each top-level ``class X extends Base`` / ``function xToHclTerraform``
    of a script with the argument entries it lists."""
    marks = list(_TOP.finditer(text))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        chunk = text[mark.start() : end]
        entries = []
        for m in _ENTRY.finditer(chunk):
            reads = _READ.findall(m.group(2))
            nested = [f for f in _NESTED_FN.findall(m.group(2))]
            entries.append(
                _Entry(
                    m.group(1),
                    reads[-1] if reads else None,
                    m.group(3) == "true",
                    m.group(4),
                    m.group(5),
                    nested[-1] if nested else None,
                )
            )
        if mark.group(1):
            yield mark.group(1), _Definition(mark.group(2), entries, chunk)
        else:
            yield "fn:" + mark.group(3), _Definition(None, entries, chunk)


def _attribute_type(entry: _Entry) -> str:
    storage = entry.storage
    for suffix, wrap in (("List", entry.kind if entry.kind in ("list", "set") else "list"), ("Map", "map")):
        if storage.endswith(suffix) and storage[: -len(suffix)] in _SCALARS:
            return f"{wrap}({_SCALARS[storage[: -len(suffix)]]})"
    if storage in _SCALARS:
        return _SCALARS[storage]
    if entry.kind in ("list", "set"):
        return f"{entry.kind}(object)"
    if entry.kind == "map":
        return "map(object)" if entry.nested else "map(dynamic)"
    return "object" if entry.nested else "dynamic"


def _tf_type(compact: str) -> Any:
    """The compact type back in Terraform's JSON form."""
    m = re.fullmatch(r"(list|set|map)\((.*)\)", compact)
    if m:
        return [m.group(1), _tf_type(m.group(2))]
    if compact == "object":
        return ["object", {}]
    return compact


class _Converter:
    def __init__(self, package: CdktfPackage) -> None:
        self.types: Mapping[str, Any] = package.assembly.get("types", {})
        self.functions: dict[str, _Definition] = {}
        #: every class's text by name (the ``OutputReference`` classes hold nested blocks' getters)
        self.class_texts: dict[str, str] = {}
        self.classes: list[tuple[str, str, _Definition]] = []
        self.version = ""
        for script in sorted(package.scripts):
            text = package.scripts[script]
            names = dict(_TYPE_NAME.findall(text))
            if not self.version:
                found = _VERSION.search(text)
                self.version = found.group(1) if found else ""
            for key, definition in _definitions(text):
                if key.startswith("fn:"):
                    self.functions[key[3:]] = definition
                    continue
                self.class_texts[key] = definition.text
                if key in names and definition.base in ("cdktf.TerraformResource", "cdktf.TerraformDataSource"):
                    self.classes.append((key, names[key], definition))
        self.structs: dict[str, Any] = {}
        self.configs: dict[str, Any] = {}
        #: arguments whose Terraform name differs from the one the property's docs link names
        self.mismatches: list[str] = []
        for spec in self.types.values():
            if spec.get("kind") == "interface" and spec.get("datatype"):
                self.structs.setdefault(spec["name"], spec)
            if spec.get("kind") == "class":
                for param in spec.get("initializer", {}).get("parameters", []):
                    if param.get("name") == "config" and "fqn" in param.get("type", {}):
                        self.configs[spec["name"]] = self.types.get(param["type"]["fqn"])

    def block(
        self, entries: list[_Entry], struct: Mapping[str, Any] | None, exports: str | None = None
    ) -> dict[str, Any]:
        """The schema JSON block of ``entries``; ``exports`` is the text of the
        class whose getters name what the block exports."""
        props = {p["name"]: p for p in (struct or {}).get("properties", [])}
        attributes: dict[str, Any] = {}
        blocks: dict[str, Any] = {}
        for entry in entries:
            prop = props.get(entry.prop or "")
            anchor = _ANCHOR.search(str((prop or {}).get("docs", {}).get("remarks", "")))
            if anchor is not None and anchor.group(1) != entry.name:
                self.mismatches.append(f"{(struct or {}).get('name')}.{entry.prop}: {entry.name} != {anchor.group(1)}")
            required = prop is not None and not prop.get("optional", False)
            inner = self.functions.get(entry.nested) if entry.nested else None
            if entry.is_block and entry.kind == "struct":
                # a single nested object: an object attribute or a single-nesting block, which
                # the package does not tell apart; kept as an object attribute (either syntax passes)
                attributes[entry.name] = {
                    "type": ["object", {}],
                    **({"required": True} if required else {"optional": True}),
                }
            elif entry.is_block and inner is not None and "=== undefined ? null" not in inner.text:
                single = prop is not None and "fqn" in prop.get("type", {})
                upper = entry.nested[:1].upper() + entry.nested[1:] if entry.nested else ""
                nested_struct = self.structs.get(upper) if upper else None
                blocks[entry.name] = {
                    "nesting_mode": entry.kind if entry.kind in ("list", "set") else "list",
                    "block": self.block(inner.entries, nested_struct, self.class_texts.get(upper + "OutputReference")),
                    **({"min_items": 1} if required else {}),
                    **({"max_items": 1} if single else {}),
                }
            else:
                tf_type = _attribute_type(entry)
                if entry.is_block:  # attributes as blocks
                    tf_type = f"{entry.kind if entry.kind in ('list', 'set') else 'list'}(object)"
                attributes[entry.name] = {
                    "type": _tf_type(tf_type),
                    **({"required": True} if required else {"optional": True}),
                }
        for m in _EXPORT.finditer(exports or ""):
            name = m.group(2) or m.group(3) or m.group(4)
            if name not in attributes and name not in blocks:
                tf_type = _GETTER_TYPES.get(m.group(1), "dynamic") if m.group(2) else "dynamic"
                attributes[name] = {"type": _tf_type(tf_type), "computed": True}
        out: dict[str, Any] = {}
        if attributes:
            out["attributes"] = attributes
        if blocks:
            out["block_types"] = blocks
        return out

    def provider_schema(self) -> dict[str, Any]:
        resources: dict[str, Any] = {}
        data_sources: dict[str, Any] = {}
        for class_name, tf_type, definition in sorted(self.classes, key=lambda c: c[1]):
            target = resources if definition.base == "cdktf.TerraformResource" else data_sources
            block = self.block(definition.entries, self.configs.get(class_name), definition.text)
            target[tf_type] = {"version": 0, "block": block}
        return {"resource_schemas": resources, "data_source_schemas": data_sources}


def schema_json_from_cdktf(
    package: CdktfPackage, source: str, mismatches: list[str] | None = None
) -> tuple[dict[str, Any], str]:
    """The ``terraform providers schema -json`` document for the provider a
    package was generated from (``source`` as ``hashicorp/aws``), and that
    provider's version as the package records it. Each argument's name, read
    from the JavaScript, is checked against the registry docs link of its
    property in the assembly (``...#size_gb``); ``mismatches`` receives
    every disagreement (none is expected)."""
    converter = _Converter(package)
    if not converter.classes:
        raise ValueError("no resource or data source classes found: not a CDK-for-Terraform provider package")
    if mismatches is not None:
        mismatches.extend(converter.mismatches)
    address = f"registry.terraform.io/{source}"
    doc = {"format_version": "1.0", "provider_schemas": {address: converter.provider_schema()}, "tffix_exports": True}
    return doc, converter.version
