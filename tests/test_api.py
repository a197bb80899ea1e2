"""``tffix.api``, the one module rule authors import, and the old import
paths that now re-export what moved (other code still uses them)."""

from __future__ import annotations

import importlib
import inspect

import pytest

from tffix import api

#: old path -> (names, their new home). Each old module is a thin re-export.
MOVED = {
    "tffix.rules.base": (
        ("Applicability", "Diagnostic", "Edit", "Fix", "Severity"),
        "tffix.diagnostics",
    ),
    "tffix.rules.base ": (("DOC_SECTIONS", "Example", "Option", "Rule", "RuleSet"), "tffix.rule"),
    "tffix.engine.module": (("MODULE_SUFFIX", "SourceFile", "TerraformModule", "fix"), "tffix.context.module"),
    "tffix.engine.inputs": (("Inputs", "today"), "tffix.context.inputs"),
    "tffix.engine.suppressions": (
        ("PEERS", "Suppression", "apply_suppressions", "find_suppressions"),
        "tffix.context.suppressions",
    ),
    "tffix.engine.textdiff": (("text_edits",), "tffix.text.diff"),
    "tffix.syntax.lines": (("BOM", "UTF8", "UTF16", "UTF32", "Lines", "width"), "tffix.text.lines"),
    "tffix.syntax.tokens": (("GO_SPACE", "KINDS", "Token"), "tffix.cst.tokens"),
    "tffix.fmt.checks": (("check_unique_attributes",), "tffix.syntax.validate"),
    "tffix": (("parse_attribute", "parse_block", "parse_body", "parse_expression"), "tffix.syntax.snippets"),
}


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_paths_re_export_the_moved_names(old: str) -> None:
    names, new = MOVED[old]
    before, after = importlib.import_module(old.strip()), importlib.import_module(new)
    for name in names:
        assert getattr(before, name) is getattr(after, name), name


def test_everything_public_is_exported_once_and_resolves() -> None:
    assert len(api.__all__) == len(set(api.__all__))
    for name in api.__all__:
        assert hasattr(api, name), name
    public = {name for name in vars(api) if not name.startswith("_") and name != "annotations"}
    assert public == set(api.__all__)


def test_nothing_comes_from_a_private_module() -> None:
    """A rule author never needs an underscore module: every exported class
    and function is defined in a public one."""
    for name in api.__all__:
        value = getattr(api, name)
        module = getattr(value, "__module__", None) if inspect.isclass(value) or inspect.isfunction(value) else None
        if module is not None:
            assert not any(part.startswith("_") for part in module.split(".")), (name, module)


def test_a_rule_written_against_the_api_runs() -> None:
    """A small rule that uses only ``tffix.api``: it matches with a visitor,
    builds its replacement by parsing a snippet, and its fix applies."""
    from pathlib import Path

    from tffix.engine.run import run_module

    class Quoted(api.Rule):
        """`enabled` set to the string "true"

        ## What it does
        Test rule.
        """

        code = "TFX901"
        name = "quoted-true"
        severity = api.Severity.WARNING
        fixable = api.Applicability.SAFE

        def check(self, module: api.TerraformModule) -> list[api.Diagnostic]:
            out = []
            for file in module.parsed():
                for node in api.walk(file.tree):  # type: ignore[arg-type]
                    if type(node) is not api.Attribute or node.name.text != "enabled":
                        continue
                    if api.literal_value(node.value) == "true":
                        edit = file.replace(node.value, api.parse_expression("true").code)
                        unquote = api.fix("unquote", api.Applicability.SAFE, edit)
                        out.append(module.diagnostic(self, file, node, "quoted", fix=unquote))
            return out

    rules = api.RuleSet((Quoted(),))
    path = Path("/m/main.tf")
    run = run_module(Path("/m"), {path: 'a {\n  enabled = "true"\n}\n'}, rules, fix=True)
    assert run.texts[path] == "a {\n  enabled = true\n}\n"
    assert [d.code for d in run.applied] == ["TFX901"]


def test_option_choices_are_checked() -> None:
    class Choosy(api.Rule):
        """A rule with a choice"""

        code = "TFX902"
        name = "choosy"
        severity = api.Severity.INFO
        options = {"mode": api.Option("a", "which", choices=("a", "b"))}  # noqa: RUF012 - a class declaration

    assert Choosy(mode="b").settings == {"mode": "b"}
    with pytest.raises(ValueError, match="mode must be one of a, b"):
        Choosy(mode="c")
