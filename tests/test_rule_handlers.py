"""Rules' node handlers: one walk per file feeds every rule's ``visit_X`` /
``leave_X``, and the engine's safety nets hold for them as for ``check``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tffix.context import NodeContext, TerraformModule, visit_module
from tffix.context.module import fix
from tffix.cst import nodes as n
from tffix.diagnostics import Applicability, Diagnostic, Severity
from tffix.engine.run import run_module
from tffix.rule import Rule
from tffix.settings import Settings

D = Path("m")
TEXT = 'resource "a" "b" {\n  x = 1\n  inner {\n    y = 2\n  }\n}\nz = 3\n'


class _Base(Rule):
    """Test rule

    ## What it does
    ## Why is this bad?
    ## Example
    ## Fix safety
    ## References
    """

    code = "TFX950"
    name = "handler-rule"
    severity = Severity.WARNING


class Attributes(_Base):
    """Reports every attribute, with the types of the blocks above it."""

    def visit_Attribute(self, node: n.Attribute, ctx: NodeContext) -> None:
        above = [a.type.text for a in ctx.ancestors if type(a) is n.Block]
        assert type(ctx.parent) is n.Body
        ctx.report(node.name, f"{node.name.text} in {'/'.join(above) or '-'} of {ctx.file.path.name}")


class Skips(_Base):
    """Sees blocks but skips what is inside ``inner``; counts the blocks it leaves."""

    code, name = "TFX951", "skips"

    def __init__(self) -> None:
        super().__init__()
        self.left: list[str] = []

    def visit_Block(self, node: n.Block, ctx: NodeContext) -> bool:
        return node.type.text != "inner"

    def visit_Attribute(self, node: n.Attribute, ctx: NodeContext) -> None:
        ctx.report(node, node.name.text, severity=Severity.ERROR)

    def leave_Block(self, node: n.Block, ctx: NodeContext) -> None:
        self.left.append(node.type.text)


class Both(_Base):
    """A whole-module check and a handler: both findings count."""

    code, name = "TFX952", "both"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            yield module.diagnostic(self, file, (0, 1), "whole module")

    def visit_Block(self, node: n.Block, ctx: NodeContext) -> None:
        ctx.report(node.type, "block")


class HandlerCrashes(_Base):
    """Finds something, then crashes in a handler."""

    code, name = "TFX953", "handler-crashes"

    def visit_Attribute(self, node: n.Attribute, ctx: NodeContext) -> None:
        ctx.report(node, "found", fix=fix("drop", Applicability.SAFE, ctx.file.remove(node)))
        if node.name.text == "y":
            raise RuntimeError("boom")


class CheckCrashes(_Base):
    """Crashes in ``check``: its handlers are not run."""

    code, name = "TFX954", "check-crashes"
    seen = 0

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        raise RuntimeError("bang")

    def visit_Attribute(self, node: n.Attribute, ctx: NodeContext) -> None:
        CheckCrashes.seen += 1


def _run(*rules: Rule, fixing: bool = False) -> list[tuple[str, str, int]]:
    run = run_module(D, {D / "main.tf": TEXT, D / "other.tf": "w = 0\n"}, Settings(), fix=fixing, rules=list(rules))
    assert not run.internal_errors
    return [(d.code, d.message, d.start[0]) for d in run.remaining]


def test_handlers_see_every_node_of_their_kind_with_its_ancestors() -> None:
    assert _run(Attributes()) == [
        ("TFX950", "x in resource of main.tf", 2),
        ("TFX950", "y in resource/inner of main.tf", 4),
        ("TFX950", "z in - of main.tf", 7),
        ("TFX950", "w in - of other.tf", 1),
    ]


def test_visit_returning_false_skips_the_children_for_that_rule_only() -> None:
    skips = Skips()
    found = _run(Attributes(), skips)
    assert [m for code, m, _ in found if code == "TFX951"] == ["x", "z", "w"]
    assert len([m for code, m, _ in found if code == "TFX950"]) == 4
    assert skips.left == ["inner", "resource"]  # left after its children, skipped or not


def test_report_takes_a_severity() -> None:
    run = run_module(D, {D / "main.tf": TEXT}, Settings(), fix=False, rules=[Skips()])
    assert {d.severity for d in run.remaining} == {Severity.ERROR}


def test_a_rule_may_check_and_handle() -> None:
    assert _run(Both()) == [
        ("TFX952", "whole module", 1),
        ("TFX952", "block", 1),
        ("TFX952", "block", 3),
        ("TFX952", "whole module", 1),
    ]


def test_a_crashing_handler_is_named_and_its_findings_are_dropped() -> None:
    run = run_module(D, {D / "main.tf": TEXT}, Settings(), fix=True, rules=[HandlerCrashes(), Attributes()])
    assert run.internal_errors == [f"{D}: internal error in TFX953 (handler-crashes): RuntimeError: boom"]
    assert not run.applied and run.texts[D / "main.tf"] == TEXT
    assert [d.code for d in run.remaining] == ["TFX950"] * 3


def test_a_rule_whose_check_crashes_runs_no_handler() -> None:
    CheckCrashes.seen = 0
    run = run_module(D, {D / "main.tf": TEXT}, Settings(), fix=False, rules=[CheckCrashes()])
    assert run.internal_errors == [f"{D}: internal error in TFX954 (check-crashes): RuntimeError: bang"]
    assert CheckCrashes.seen == 0 and not run.remaining


def test_visit_module_without_on_error_lets_the_error_out() -> None:
    module = TerraformModule.from_texts(D, {D / "main.tf": TEXT})
    with pytest.raises(RuntimeError, match="boom"):
        visit_module(module, [HandlerCrashes()])
    found = visit_module(module, [Attributes(), Both()])
    assert [len(diags) for diags in found] == [3, 2]


def test_a_file_that_does_not_parse_is_not_walked() -> None:
    module = TerraformModule.from_texts(D, {D / "main.tf": "x = 1\n", D / "bad.tf": "x = = 1\n"})
    [found] = visit_module(module, [Attributes()])
    assert [d.message for d in found] == ["x in - of main.tf"]


def test_a_handler_named_after_no_node_class_is_refused() -> None:
    with pytest.raises(TypeError, match="visit_Atribute"):

        class Typo(_Base):  # defining it is the test
            code, name = "TFX955", "typo"

            def visit_Atribute(self, node: n.Attribute, ctx: NodeContext) -> None:
                pass


def test_a_rule_without_check_or_handlers_finds_nothing() -> None:
    module = TerraformModule.from_texts(D, {D / "main.tf": TEXT})
    assert list(_Base().check(module)) == []
    assert visit_module(module, [_Base()]) == [[]]


BLOCKS = {
    D / "main.tf": 'resource "a" "b" {}\nresource a c {}\nresource "a\\u0062" "d" {}\nvariable "v" {}\nlocals {}\n',
    D / "more.tf": 'resource "x" "b" {}\nresource "a" {}\nterraform {}\n',
    D / "b_override.tf": 'resource "a" "b" {\n  k = 1\n}\nvariable "v" {}\n',
}


@pytest.mark.parametrize(
    "query",
    [("resource",), ("resource", "a"), ("resource", None), ("resource", None, "b"), ("resource", "a", "b"),
     ("resource", "a", None), ("resource", "a", "b", "c"), ("variable", "v"), ("terraform",), ("locals", None),
     ("nothing",)],
)  # fmt: skip
def test_module_blocks_answer_from_the_index_as_the_trees_do(query: tuple[str, ...]) -> None:
    module = TerraformModule.from_texts(D, BLOCKS)
    expected = [(f.path, b) for f in module.parsed() for b in f.tree.blocks(*query)]  # type: ignore[union-attr]
    assert [(f.path, b) for f, b in module.blocks(*query)] == expected


def test_overrides_are_the_override_files_blocks_of_the_same_labels() -> None:
    module = TerraformModule.from_texts(D, BLOCKS)
    [(_, block)] = list(module.blocks("resource", "a", "b"))[:1]
    assert [b.body.attribute("k") is not None for b in module.overrides(block)] == [True]
    [(_, variable)] = list(module.blocks("variable", "v"))[:1]
    assert len(list(module.overrides(variable))) == 1


def test_a_known_file_with_the_same_text_is_not_parsed_again() -> None:
    first = TerraformModule.from_texts(D, {D / "main.tf": "x = 1\n", D / "bad.tf": "x = = 1\n"})
    copy = "x = " + str(1) + "\n"  # equal, not the same object
    again = TerraformModule.from_texts(
        D, {D / "main.tf": copy, D / "bad.tf": "x = = 1\n", D / "new.tf": "y = 2\n"}, known=first.files
    )
    assert again.files[D / "main.tf"] is first.files[D / "main.tf"]
    assert again.files[D / "bad.tf"] is first.files[D / "bad.tf"]
    assert again.files[D / "new.tf"].tree is not None
    changed = TerraformModule.from_texts(D, {D / "main.tf": "x = 2\n"}, known=first.files)
    assert changed.files[D / "main.tf"] is not first.files[D / "main.tf"]


def test_the_apply_loop_reparses_only_what_it_edited(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged file keeps its tree across passes; an edited one takes
    the tree the formatter made of it, equal to a fresh parse."""
    from tffix.context import module as context_module

    parsed: list[str] = []
    real = context_module.parse_module

    def counting(text: str, path: str | None = None) -> n.Module:
        parsed.append(text)
        return real(text, path=path)

    monkeypatch.setattr(context_module, "parse_module", counting)
    run = run_module(
        D, {D / "main.tf": TEXT, D / "other.tf": "w = 0\n"}, Settings(), fix=True, rules=[HandlerCrashes()]
    )
    assert run.internal_errors  # it crashes on y, so nothing applies; one parse per file
    assert sorted(parsed) == sorted([TEXT, "w = 0\n"])
    parsed.clear()
    run = run_module(
        D, {D / "main.tf": "x = 1\n", D / "other.tf": "w = 0\n"}, Settings(), fix=True, rules=[Increments()]
    )
    assert run.texts[D / "main.tf"] == "x = 3\n" and len(run.applied) == 2 and not run.internal_errors
    assert sorted(parsed) == ["w = 0\n", "x = 1\n"]  # three passes, yet each text was read once


class Increments(_Base):
    """Rewrites ``x = N`` to ``x = N+1`` until 3, one pass at a time."""

    code, name = "TFX956", "increments"

    def visit_Attribute(self, node: n.Attribute, ctx: NodeContext) -> None:
        value = int(ctx.file.source(node.value))
        if node.name.text == "x" and value < 3:
            edit = ctx.file.replace(node.value, str(value + 1))
            ctx.report(node, f"x={value + 1}", fix=fix("inc", Applicability.SAFE, edit))
