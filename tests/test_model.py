"""``tffix.model``: the module index, the references index and the dispatcher."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from model_oracle import naive_references
from strategies import FULL, Program, hcl_programs

from tffix.cst import nodes as n
from tffix.cst import walk
from tffix.model import Dispatcher, ModuleIndex, collect_references, decode_label, is_override_file, node_classes
from tffix.syntax.parser import parse_module
from tffix.syntax.snippets import parse_expression


def index(**files: str) -> ModuleIndex[str]:
    """An index of files given as ``main_tf="..."`` (``_tf`` becomes ``.tf``)."""
    return ModuleIndex({name.replace("_tf", ".tf"): parse_module(text) for name, text in files.items()})


# ------------------------------------------------------------------ ModuleIndex

TWO_FILES = {
    "main_tf": """
resource "aws_instance" "web" {
  ami = var.ami
}
resource "aws_instance" "db" {}
resource "aws_s3_bucket" "logs" {}
data "aws_ami" "ubuntu" {}
module "vpc" {
  source = "./vpc"
}
locals {
  a = 1
  b = local.a
}
""",
    "variables_tf": """
variable "ami" {}
variable "tab\\tname" {}
output "id" {
  value = aws_instance.web.id
}
provider "aws" {}
terraform {}
locals {
  c = 2
}
""",
}


def test_blocks_by_type_and_first_label_in_source_order() -> None:
    ix = index(**TWO_FILES)
    assert [e.labels for e in ix.blocks("resource")] == [
        ("aws_instance", "web"), ("aws_instance", "db"), ("aws_s3_bucket", "logs"),
    ]  # fmt: skip
    assert [e.labels[1] for e in ix.blocks("resource", "aws_instance")] == ["web", "db"]
    assert [e.file for e in ix.blocks("locals")] == ["main.tf", "variables.tf"]
    assert ix.blocks("resource", "nope") == ()
    assert ix.blocks("nope") == ()
    assert len(ix.blocks()) == 12
    assert ix.block_types() == ["resource", "data", "module", "locals", "variable", "output", "provider", "terraform"]
    web = ix.blocks("resource", "aws_instance")[0]
    assert ix.entry(web.block) is web
    assert (web.type, web.name) == ("resource", "aws_instance")
    nested = parse_module('a "b" {\n  c "d" {}\n}\n').body.items[0]
    assert ix.entry(nested) is None  # type: ignore[arg-type]


def test_labels_are_decoded_once_with_escapes() -> None:
    ix = index(**TWO_FILES)
    (variable,) = [e for e in ix.blocks("variable") if e.name != "ami"]
    assert variable.labels == ("tab\tname",)
    assert ix.labels(variable.block) is variable.labels  # cached, not decoded again
    block = parse_module('x "a\\u00e9" b "$${y}" {}\n').body.items[0]
    assert isinstance(block, n.Block)
    assert ix.labels(block) == ("a\u00e9", "b", "${y}") == block.label_values


@pytest.mark.parametrize(
    ("kind", "name", "address", "file"),
    [
        ("variable", ("ami",), "var.ami", "variables.tf"),
        ("variable", ("tab\tname",), "var.tab\tname", "variables.tf"),
        ("local", ("a",), "local.a", "main.tf"),
        ("local", ("c",), "local.c", "variables.tf"),
        ("resource", ("aws_instance", "web"), "aws_instance.web", "main.tf"),
        ("data", ("aws_ami", "ubuntu"), "data.aws_ami.ubuntu", "main.tf"),
        ("module", ("vpc",), "module.vpc", "main.tf"),
        ("output", ("id",), "output.id", "variables.tf"),
        ("provider", ("aws",), "provider.aws", "variables.tf"),
        ("terraform", (), "terraform", "variables.tf"),
    ],
)
def test_declarations(kind: Any, name: tuple[str, ...], address: str, file: str) -> None:
    ix = index(**TWO_FILES)
    declaration = ix.declaration(kind, *name)
    assert declaration is not None
    assert (declaration.address, declaration.file, declaration.override) == (address, file, False)
    assert ix.declared(kind, *name) == [declaration]
    if kind == "local":
        assert isinstance(declaration.node, n.Attribute) and declaration.block.type.text == "locals"
    else:
        assert declaration.node is declaration.block


def test_declarations_by_kind_and_missing() -> None:
    ix = index(**TWO_FILES)
    assert [d.address for d in ix.declarations("local")] == ["local.a", "local.b", "local.c"]
    assert len(ix.declarations()) == 13
    assert ix.declaration("variable", "nope") is None
    assert ix.declaration("resource", "aws_instance") is None  # a resource is named by two labels


def test_override_files_declare_nothing() -> None:
    ix = index(main_tf='variable "a" {}\n', a_override_tf='variable "a" {}\nvariable "b" {}\n')
    assert [d.override for d in ix.declared("variable", "a")] == [False, True]
    assert ix.declaration("variable", "a") is ix.declared("variable", "a")[0]
    assert ix.declaration("variable", "b") is None
    assert [r.declaration for r in index(x_tf="a = var.b\n", override_tf='variable "b" {}\n').references] == [None]


@pytest.mark.parametrize(
    ("name", "override"),
    [("override.tf", True), ("x_override.tf", True), ("dir/override.tf", True), ("override.tf.json", False),
     ("overrides.tf", False), ("main.tf", False), ("my-override.tf", False)],
)  # fmt: skip
def test_is_override_file(name: str, override: bool) -> None:
    from pathlib import Path

    assert is_override_file(name) is override
    assert is_override_file(Path(name)) is override


def test_attributes_by_name() -> None:
    ix = index(**TWO_FILES)
    locals_block = ix.blocks("locals")[0].block
    attributes = ix.attributes(locals_block)
    assert list(attributes) == ["a", "b"]
    assert ix.attributes(locals_block.body) is attributes  # one dict per body
    assert ix.attribute(locals_block, "b") is locals_block.body.items[1]
    assert ix.attribute(locals_block, "z") is None
    tree = ix.files["main.tf"]
    assert ix.attributes(tree) == {}
    repeated = parse_module("a = 1\na = 2\nb = 3\n")
    first = repeated.body.items[0]
    assert ix.attributes(repeated) == {"a": first, "b": repeated.body.items[2]}


def test_decode_label() -> None:
    block = parse_module('x bare "q\\"uote" {}\n').body.items[0]
    assert isinstance(block, n.Block)
    interpolating = parse_expression('"${interp}"')  # the parser refuses it as a label; a builder may not
    assert isinstance(interpolating, n.Template)
    labels = (*block.labels, interpolating)
    assert [decode_label(label) for label in labels] == ["bare", 'q"uote', ""]


# ------------------------------------------------------------------ references

REFERENCE_CASES: list[tuple[str, str, list[str]]] = [
    ("variable", "a = var.x\n", ["var.x"]),
    ("local", "a = local.x\n", ["local.x"]),
    ("module output", "a = module.m.out\n", ["module.m"]),
    ("data source", "a = data.aws_ami.u.id\n", ["data.aws_ami.u"]),
    ("resource", "a = aws_instance.web.id\n", ["aws_instance.web"]),
    ("index traversal", "a = aws_instance.web[0].id\n", ["aws_instance.web"]),
    ("legacy index", "a = aws_instance.web.0.id\n", ["aws_instance.web"]),
    ("splat", "a = aws_instance.web[*].id\n", ["aws_instance.web"]),
    ("legacy splat", "a = aws_instance.web.*.id\n", ["aws_instance.web"]),
    ("index key", "a = var.m[local.k]\n", ["var.m", "local.k"]),
    ("template", 'a = "x-${var.x}-${local.y}"\n', ["var.x", "local.y"]),
    ("heredoc", "a = <<EOT\n${var.x}\nEOT\n", ["var.x"]),
    ("strip heredoc", "a = <<-EOT\n  %{ if var.c }${var.x}%{ endif }\n  EOT\n", ["var.c", "var.x"]),
    ("escaped interpolation", 'a = "$${var.x}"\n', []),
    ("function arguments", "a = merge(var.a, { b = local.b })\n", ["var.a", "local.b"]),
    ("object key", "a = { (var.k) = 1 }\n", ["var.k"]),
    ("conditional", "a = var.c ? aws_s3_bucket.x.id : null\n", ["var.c", "aws_s3_bucket.x"]),
    ("parens root", "a = (aws_instance.x).id\n", ["aws_instance.x"]),
    ("call root", "a = values(var.m)[0].id\n", ["var.m"]),
    ("reserved roots", "a = [count.index, each.key, self.id, path.module, terraform.workspace]\n", []),
    ("bare names", "a = [var, aws_instance, data.x]\n", []),
    ("number after root", "a = var.0\n", []),
    ("index on root", 'a = var["x"]\n', []),
    ("data needs two names", "a = data.x[0].y\n", []),
    ("for shadows", "a = [for v in var.list : v.id]\n", ["var.list"]),
    ("for key shadows", "a = {for k, v in var.m : k.x => v.y if v.z}\n", ["var.m"]),
    ("for shadows var itself", "a = [for var in local.l : var.x]\n", ["local.l"]),
    ("for collection is outside", "a = [for v in v.list : v]\n", ["v.list"]),
    ("nested for", "a = [for x in var.a : [for y in x.b : y.c if z.d]]\n", ["var.a", "z.d"]),
    ("for directive", 'a = "%{ for s in var.l }${s.x}${t.y}%{ endfor }"\n', ["var.l", "t.y"]),
    ("for directive key", 'a = "%{ for i, s in var.l }${i.x}%{ endfor }"\n', ["var.l"]),
    ("provider address", 'resource "a" "b" {\n  provider = aws.west\n  x = aws.west\n}\n', ["aws.west"]),
    ("data provider", 'data "a" "b" {\n  provider = aws.west\n}\n', []),
    ("module providers", 'module "m" {\n  providers = { aws = aws.west }\n  x = var.y\n}\n', ["var.y"]),
    ("ignore_changes", 'resource "a" "b" {\n  lifecycle {\n    ignore_changes = [tags.x]\n  }\n}\n', []),
    ("replace_triggered_by", 'resource "a" "b" {\n  lifecycle {\n    replace_triggered_by = [c.d]\n  }\n}\n', ["c.d"]),
    ("depends_on", 'resource "a" "b" {\n  depends_on = [c.d, module.m]\n}\n', ["c.d", "module.m"]),
    ("variable type", 'variable "v" {\n  type = object({ a = string })\n  default = x.y\n}\n', ["x.y"]),
    ("moved", "moved {\n  from = a.b\n  to = a.c\n}\n", []),
    ("top-level provider attribute", "provider = aws.west\n", ["aws.west"]),
    (
        "dynamic iterator",
        (
            'resource "a" "b" {\n  dynamic "ingress" {\n    for_each = ingress.all\n    content {\n'
            "      port = ingress.value.port\n    }\n  }\n}\n"
        ),
        ["ingress.all"],
    ),
    (
        "dynamic named iterator",
        (
            'resource "a" "b" {\n  dynamic "ingress" {\n    for_each = var.r\n    iterator = rule\n    content {\n'
            "      port = rule.value.port\n      other = ingress.x\n    }\n  }\n}\n"
        ),
        ["var.r", "ingress.x"],
    ),
    (
        "dynamic labels",
        (
            'resource "a" "b" {\n  dynamic "setting" {\n    for_each = var.s\n    labels = [setting.key, other.x]\n'
            "    content {}\n  }\n}\n"
        ),
        ["var.s", "other.x"],
    ),
    (
        "nested dynamic",
        (
            'resource "a" "b" {\n  dynamic "outer" {\n    for_each = var.o\n    content {\n'
            '      dynamic "inner" {\n        for_each = outer.value.list\n        content {\n'
            "          x = inner.value\n          y = outer.key\n        }\n      }\n    }\n  }\n}\n"
        ),
        ["var.o"],
    ),
]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in REFERENCE_CASES], ids=[c[0] for c in REFERENCE_CASES])
def test_references(source: str, expected: list[str]) -> None:
    ix = index(main_tf=source)
    assert [r.address for r in ix.references] == expected
    tree = ix.files["main.tf"]
    assert [(k, name, id(node), id(t)) for k, name, node, t in collect_references(tree)] == [
        (k, name, id(node), id(t)) for k, name, node, t in naive_references(tree)
    ]


def test_reference_nodes() -> None:
    ix = index(main_tf="a = aws_instance.web[0].id\nb = data.t.n.x\nc = var.v\n")
    web, data, var = ix.references
    assert (web.node.code, web.traversal.code) == (" aws_instance.web", " aws_instance.web[0].id")
    assert (data.node.code, data.traversal.code) == (" data.t.n", " data.t.n.x")
    assert var.node is var.traversal
    assert ix.references.at(web.traversal) is web and ix.references.at(web.node) is web
    assert ix.references.at(ix.files["main.tf"]) is None
    assert (web.kind, web.name, data.kind, data.name) == ("resource", ("aws_instance", "web"), "data", ("t", "n"))


def test_references_resolve_across_files_both_ways() -> None:
    ix = index(**TWO_FILES, outputs_tf='output "x" {\n  value = [var.ami, local.c, module.vpc.id, var.missing]\n}\n')
    refs = ix.references
    assert [(r.address, r.file) for r in refs.unresolved()] == [("var.missing", "outputs.tf")]
    ami = ix.declaration("variable", "ami")
    assert ami is not None
    assert [(r.file, r.address) for r in refs.references_to(ami)] == [("main.tf", "var.ami"), ("outputs.tf", "var.ami")]
    assert all(r.declaration is ami for r in refs.references_to(ami))
    local_a = ix.declaration("local", "a")
    web = ix.declaration("resource", "aws_instance", "web")
    assert local_a is not None and web is not None
    assert [r.file for r in refs.references_to(local_a)] == ["main.tf"]
    assert [r.file for r in refs.references_to(web)] == ["variables.tf"]
    db = ix.declaration("resource", "aws_instance", "db")
    assert db is not None and not refs.is_referenced(db) and refs.references_to(db) == ()
    assert refs.is_referenced(web)
    assert [r.address for r in refs.in_file("variables.tf")] == ["aws_instance.web"]
    assert refs.in_file("nope.tf") == ()
    assert [r.address for r in refs.of_kind("local")] == ["local.a", "local.c"]
    assert len(refs) == 7
    data = ix.declaration("data", "aws_ami", "ubuntu")
    assert data is not None and refs.references_to(data) == ()
    assert ix.references is refs  # built once


@given(hcl_programs(FULL))
def test_references_agree_with_naive_walk(program: Program) -> None:
    tree = parse_module(program.src)
    mine = [(k, name, id(node), id(t)) for k, name, node, t in collect_references(tree)]
    assert mine == [(k, name, id(node), id(t)) for k, name, node, t in naive_references(tree)]


def test_deep_nesting_does_not_recurse() -> None:
    depth = 3000
    tree = parse_module("a = " + "[" * depth + "var.x" + "]" * depth + "\n")
    assert [r.address for r in ModuleIndex({"m.tf": tree}).references] == ["var.x"]
    seen = Recorder()
    Dispatcher([seen]).walk(tree)
    assert sum(1 for kind, _ in seen.events if kind == "visit") == sum(1 for _ in walk(tree))


# ------------------------------------------------------------------ Dispatcher


class Recorder:
    """Records every visit and leave, for any node class."""

    def __init__(self) -> None:
        self.events: list[tuple[str, n.Node]] = []

    def __getattr__(self, attr: str) -> Any:  # not used by the dispatcher: it reads the class
        raise AttributeError(attr)


for _name in node_classes():
    setattr(Recorder, f"visit_{_name}", lambda self, node: self.events.append(("visit", node)))
    setattr(Recorder, f"leave_{_name}", lambda self, node: self.events.append(("leave", node)))


def expected_events(tree: n.Node) -> list[tuple[str, n.Node]]:
    """Pre-order visits and post-order leaves, by a plain recursive walk."""
    out: list[tuple[str, n.Node]] = []

    def go(node: n.Node) -> None:
        out.append(("visit", node))
        for child in node.children():
            if isinstance(child, n.Node):
                go(child)
        out.append(("leave", node))

    go(tree)
    return out


@given(hcl_programs(FULL))
def test_dispatcher_visits_like_a_recursive_walk(program: Program) -> None:
    tree = parse_module(program.src)
    first, second = Recorder(), Recorder()
    Dispatcher([first, second]).walk(tree)
    assert [(k, id(node)) for k, node in first.events] == [(k, id(node)) for k, node in expected_events(tree)]
    assert [(k, id(node)) for k, node in second.events] == [(k, id(node)) for k, node in first.events]


class Blocks:
    """Subscribes to blocks and attributes only; skips what is under ``skip`` blocks."""

    def __init__(self, dispatcher: list[Dispatcher]) -> None:
        self.seen: list[str] = []
        self.dispatcher = dispatcher

    def visit_Block(self, node: n.Block) -> bool:
        d = self.dispatcher[0]
        self.seen.append(f"{d.file}:{node.type.text}:{len(d.ancestors)}")
        return node.type.text != "skip"

    def leave_Block(self, node: n.Block) -> None:
        self.seen.append(f"/{node.type.text}")

    def visit_Attribute(self, node: n.Attribute) -> None:
        self.seen.append(node.name.text)


SKIPPING = "a {\n  x = 1\n}\nskip {\n  y = 1\n  inner {}\n}\nb {\n  z = 1\n}\n"


def test_dispatcher_subscriptions_and_per_subscriber_skip() -> None:
    holder: list[Dispatcher] = []
    blocks, everything = Blocks(holder), Recorder()
    dispatcher = Dispatcher([blocks, everything])
    holder.append(dispatcher)
    tree = parse_module(SKIPPING)
    dispatcher.walk_files({"one.tf": tree})
    # ancestors: Module, Body above a top-level block
    assert blocks.seen == ["one.tf:a:2", "x", "/a", "one.tf:skip:2", "/skip", "one.tf:b:2", "z", "/b"]
    assert len(everything.events) == 2 * sum(1 for _ in walk(tree))  # the skip was only for `blocks`
    assert dispatcher.file is None  # only set during a walk


def test_dispatcher_stops_walking_when_every_subscriber_skips() -> None:
    holder: list[Dispatcher] = []
    blocks = Blocks(holder)
    holder.append(Dispatcher([blocks]))
    holder[0].walk(parse_module("skip {\n  a {}\n}\nb {}\n"))
    assert blocks.seen == ["None:skip:2", "/skip", "None:b:2", "/b"]


def test_dispatcher_without_subscribers_and_no_handlers() -> None:
    Dispatcher([]).walk(parse_module("a = 1\n"))
    Dispatcher([object()]).walk(parse_module("a = 1\n"))


def test_dispatcher_refuses_a_method_for_no_node_class() -> None:
    class Typo:
        def visit_Atribute(self, node: n.Node) -> None: ...

    with pytest.raises(TypeError, match="Typo.visit_Atribute: no CST node class 'Atribute'"):
        Dispatcher([Typo()])


class Boom:
    def __init__(self) -> None:
        self.calls = 0

    def visit_Attribute(self, node: n.Attribute) -> None:
        self.calls += 1
        raise RuntimeError("boom")


def test_dispatcher_errors_propagate_or_drop_the_subscriber() -> None:
    tree = parse_module("a = 1\nb = 2\n")
    with pytest.raises(RuntimeError, match="boom"):
        Dispatcher([Boom()]).walk(tree)
    boom, others = Boom(), Recorder()
    errors: list[tuple[object, str]] = []
    dispatcher = Dispatcher([boom, others], on_error=lambda s, e: errors.append((s, str(e))))
    dispatcher.walk(tree)
    assert boom.calls == 1 and errors == [(boom, "boom")]
    assert len(others.events) == 2 * sum(1 for _ in walk(tree))
    dispatcher.walk(tree)  # stays dropped on the next file
    assert boom.calls == 1


def test_dispatcher_error_in_leave_drops_the_subscriber() -> None:
    class LeaveBoom:
        calls = 0

        def leave_Attribute(self, node: n.Attribute) -> None:
            LeaveBoom.calls += 1
            raise ValueError("late")

    errors: list[object] = []
    Dispatcher([LeaveBoom()], on_error=lambda s, e: errors.append(e)).walk(parse_module("a = 1\nb = 2\n"))
    assert LeaveBoom.calls == 1 and len(errors) == 1


def test_node_classes() -> None:
    classes = node_classes()
    assert classes["Block"] is n.Block and "Node" not in classes and "Token" not in classes
    assert set(classes) == {name for name in n.__all__ if name not in ("Node", "Token", "deep_equals")
                            and not name.endswith(("Expression", "BodyItem", "TemplatePart", "Label"))}  # fmt: skip


def test_model_imports_only_the_cst() -> None:
    """``tffix.model`` sits right above the CST: the engine and rules build on it."""
    code = "import json, sys, tffix.model; print(json.dumps([m for m in sys.modules if m.startswith('tffix.')]))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    modules = json.loads(loaded)
    assert "tffix.model.index" in modules
    assert not [m for m in modules if m.split(".")[1] in ("engine", "rules", "settings", "cli", "lsp", "fmt")]


def subscriber_for(names: frozenset[str]) -> Any:
    """A subscriber visiting and leaving exactly the node classes named."""

    def record(kind: str) -> Any:
        return lambda self, node: self.events.append((kind, node))

    methods: dict[str, Any] = {"__init__": lambda self: setattr(self, "events", [])}
    for name in names:
        methods[f"visit_{name}"] = record("visit")
        methods[f"leave_{name}"] = record("leave")
    return type("Some", (), methods)()


@given(hcl_programs(FULL), st.frozensets(st.sampled_from(sorted(node_classes())), max_size=4))
def test_dispatcher_sees_what_it_asks_for_however_it_prunes(program: Program, names: frozenset[str]) -> None:
    tree = parse_module(program.src)
    some = subscriber_for(names)
    Dispatcher([some]).walk(tree)
    wanted = tuple(node_classes()[name] for name in names)
    expected = [(k, id(node)) for k, node in expected_events(tree) if isinstance(node, wanted)]
    assert [(k, id(node)) for k, node in some.events] == expected


def test_dispatcher_does_not_walk_where_nothing_wanted_can_be() -> None:
    structural = Dispatcher([Blocks([])])
    assert structural.descends_into(n.Module) and structural.descends_into(n.Block)
    assert not structural.descends_into(n.Attribute) and not structural.descends_into(n.Tuple)
    calls = Dispatcher([subscriber_for(frozenset({"FunctionCall"}))])
    assert calls.descends_into(n.Attribute) and calls.descends_into(n.Template)  # ${f(x)}
    assert not calls.descends_into(n.Literal) and not calls.descends_into(n.EmptyLine)
    everything = Dispatcher([Recorder()])
    assert all(everything.descends_into(cls) for cls in node_classes().values() if cls not in LEAVES)
    assert not any(everything.descends_into(cls) for cls in LEAVES)


#: node classes nothing can be below
LEAVES = (n.Literal, n.Variable, n.TemplateLiteral, n.EmptyLine, n.EndDirective)


def test_terraform_module_index_is_built_once_from_parsed_files() -> None:
    from pathlib import Path

    from tffix.engine.module import TerraformModule

    texts = {Path("m/main.tf"): "a = var.x\n", Path("m/vars.tf"): 'variable "x" {}\n', Path("m/bad.tf"): "a = {\n"}
    module = TerraformModule.from_texts(Path("m"), texts)
    ix = module.index
    assert module.index is ix
    assert list(ix.files) == [Path("m/main.tf"), Path("m/vars.tf")]  # the file that does not parse is left out
    (reference,) = ix.references
    assert reference.file == Path("m/main.tf")
    assert reference.declaration is ix.declaration("variable", "x")
    assert reference.declaration is not None and reference.declaration.file == Path("m/vars.tf")


def test_a_pickled_index_is_built_again_from_its_trees() -> None:
    import pickle

    ix = index(**TWO_FILES)
    _ = ix.references
    copy = pickle.loads(pickle.dumps(ix))
    web = copy.declaration("resource", "aws_instance", "web")
    assert web is not None and web.block is copy.blocks("resource", "aws_instance")[0].block
    assert copy.entry(web.block) is copy.blocks("resource")[0]  # identity caches hold in the copy
    assert [r.file for r in copy.references.references_to(web)] == ["variables.tf"]
    assert [d.address for d in copy.declarations()] == [d.address for d in ix.declarations()]
