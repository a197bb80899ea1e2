"""docs/writing-rules.md builds a rule: the whole rule at its end must work
as the guide says, and its steps must be the rule's own code."""

from __future__ import annotations

import ast
import builtins
import importlib
import re
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from rule_harness import DIRECTORY, assert_sound, outputs

from tffix import api
from tffix.engine.run import run_module
from tffix.rule import DOC_SECTIONS, Rule, RuleSet

GUIDE = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
STEPS, WHOLE = GUIDE.split("## The whole rule", 1)
BLOCKS = re.findall(r"```python\n(.*?)```", STEPS, flags=re.DOTALL)


def _rule() -> type[Rule]:
    [code] = re.findall(r"````python\n(.*?)````", WHOLE, flags=re.DOTALL)
    module = types.ModuleType("guide_rule")
    exec(compile(code, "docs/writing-rules.md", "exec"), module.__dict__)  # noqa: S102 - our own docs
    [cls] = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, Rule) and v is not Rule]
    return cls


RULE = _rule()


def _run(text: str, *, fix: bool) -> Any:
    path = DIRECTORY / "main.tf"
    return run_module(
        DIRECTORY, {path: text}, RuleSet((RULE(),), unsafe_fixes=True), fix=fix, existing=frozenset({path})
    )


#: what the steps' variables stand for, so each use can be checked against the API
_OBJECTS = {"m": api.matchers, "rewrite": api.FixBuilder, "module": api.TerraformModule, "ctx": api.NodeContext}


def test_every_step_uses_only_what_the_api_has() -> None:
    assert len(BLOCKS) >= 3
    for step in BLOCKS:
        tree = ast.parse(textwrap.dedent(step))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = importlib.import_module(node.module or "")
                assert all(hasattr(module, alias.name) for alias in node.names), ast.unparse(node)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in _OBJECTS:
                assert hasattr(_OBJECTS[node.value.id], node.attr), ast.unparse(node)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in _LOCALS:
                assert hasattr(api, node.id) or node.id in vars(builtins), node.id


#: names the steps bind themselves
_LOCALS = {
    "m",
    "self",
    "module",
    "file",
    "volume",
    "rewrite",
    "fix",
    "node",
    "ctx",
    "Iterator",
    "VOLUME",
    "SILENT",
    "TURNED_OFF",
}


def test_the_rule_has_every_doc_section() -> None:
    headings = re.findall(r"^## (.+)$", RULE.docs(), flags=re.MULTILINE)
    assert [h for h in headings if h in DOC_SECTIONS] == list(DOC_SECTIONS)


@pytest.mark.parametrize("index", range(len(RULE.valid)))
def test_valid_code_is_not_reported(index: int) -> None:
    assert _run(RULE.valid[index], fix=False).remaining == []


@pytest.mark.parametrize("index", range(len(RULE.invalid)))
def test_invalid_code_is_reported_and_fixed_as_promised(index: int) -> None:
    example = RULE.invalid[index]
    assert [d.code for d in _run(example.code, fix=False).remaining] == [RULE.code]
    fixed = _run(example.code, fix=True)
    assert not fixed.internal_errors
    assert outputs(fixed)["main.tf"] == example.fixed
    assert_sound({"main.tf": example.code}, outputs(fixed), RuleSet((RULE(),), unsafe_fixes=True))  # type: ignore[arg-type]


def test_the_documented_example_is_what_the_fix_writes() -> None:
    before, after = re.findall(r"```hcl\n(.*?)```", RULE.docs(), flags=re.DOTALL)[:2]
    assert outputs(_run(before, fix=True))["main.tf"] == after


def test_a_tab_indented_file_gets_a_tab_indented_fix(tmp_path: Path) -> None:
    before = 'resource "aws_ebs_volume" "a" {\n\tsize = 8\n}\n'
    assert (
        outputs(_run(before, fix=True))["main.tf"]
        == 'resource "aws_ebs_volume" "a" {\n\tsize      = 8\n\tencrypted = true\n}\n'
    )


def test_the_handler_example_reports_through_one_walk() -> None:
    [handler] = [b for b in BLOCKS if "def visit_" in b]
    body = textwrap.indent(textwrap.dedent(handler), "    ")
    code = (
        "from tffix.api import *\n"
        "class Demo(Rule):\n"
        '    """Demo\n    """\n'
        '    code = "TFX901"\n    name = "handler-demo"\n    severity = Severity.WARNING\n' + body
    )
    names: dict[str, Any] = {}
    exec(compile(code, "docs/writing-rules.md", "exec"), names)  # noqa: S102 - our own docs
    path = DIRECTORY / "main.tf"
    text = 'locals {\n  a = timestamp()\n  b = upper("x")\n}\n'
    result = run_module(DIRECTORY, {path: text}, RuleSet((names["Demo"](),)), fix=False, existing=frozenset({path}))
    assert not result.internal_errors
    assert [(d.code, d.start) for d in result.remaining] == [("TFX901", (2, 7))]
