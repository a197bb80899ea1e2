"""Rules moved onto `tffix.rewrite` build HCL from nodes, never by pasting
text (issue 12, item 6): in their modules an f-string, ``%``, ``.format``
or ``+`` on strings may only make a message, and no text reaches an edit.

The list of migrated modules grows as rules move; a module on it that
pastes fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

#: rule modules whose fixes go through tffix.rewrite
MIGRATED = [
    "tffix/rules/user_data_base64encode.py",
    "tffix/rules/iam_role_object_reference.py",
    "tffix/rules/open_ingress.py",
    "tffix/rules/placeholder_value.py",
    "tffix/rules/hardcoded_ami_id.py",
    "tffix/rules/legacy_type_constraint.py",
    "tffix/rules/interpolation_only_expression.py",
    "tffix/rules/rds_password_forbidden_characters.py",
    "tffix/rules/hardcoded_resource_name.py",
    "tffix/rules/destroy_blocking_database_settings.py",
    "tffix/rules/_variables.py",
    "tffix/rules/hardcoded_environment_tag.py",
    "tffix/rules/lambda_package_outside_terraform.py",
    "tffix/rules/iam_role_managed_policy_arns.py",
    "tffix/rules/timestamp_in_resource_argument.py",
]

#: calls whose arguments are messages for people, not HCL
MESSAGE_SINKS = frozenset({"diagnostic", "report", "build", "Diagnostic", "Fix", "ValueError", "TypeError"})
#: bridge calls that check or quote the text they get (a variable's name must be an
#: identifier; its description is written as a quoted string; a provider's source
#: and version are written as quoted strings)
CHECKED_SINKS = frozenset({"ensure_variable", "ensure_required_provider"})
#: snippet builders: their first argument is HCL with holes and must be written out;
#: the others fill holes, where text is quoted or checked as an identifier
SNIPPETS = frozenset({"parse_expression", "parse_block", "parse_attribute", "parse_body", "to_node"})
#: calls that put text into a file (the old way); no string may reach them
TEXT_EDITS = frozenset({"replace", "insert_before", "insert_after", "append", "new_file_edit", "Edit", "fix"})


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_text(node: ast.AST) -> bool:
    """A string built from parts: f-string, ``%``, ``.format`` or ``+`` with a string."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return any(_is_text(side) or (isinstance(side, ast.Constant) and type(side.value) is str)
                   for side in (node.left, node.right))  # fmt: skip
    return isinstance(node, ast.Call) and _name(node.func) == "format"


def pasting(source: str, filename: str = "<rule>") -> list[str]:
    """Where ``source`` builds text that is not only a message: ``line: why``."""
    tree = ast.parse(source, filename)
    parent: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parent[id(child)] = node
    problems: list[str] = []

    def consumer(node: ast.AST) -> ast.AST:
        """What the text flows into, past the expressions that just carry it."""
        up = parent[id(node)]
        while (
            _is_text(up)
            or isinstance(up, (ast.IfExp, ast.BoolOp, ast.keyword, ast.FormattedValue))
            or (isinstance(up, ast.BinOp) and isinstance(up.op, (ast.Add, ast.Mod)))  # text + x is text
        ):
            node, up = up, parent[id(up)]
        return up

    def check(node: ast.AST, seen: set[str]) -> None:
        up = consumer(node)
        if isinstance(up, ast.Call) and _name(up.func) in MESSAGE_SINKS | CHECKED_SINKS:
            return
        if isinstance(up, ast.Call) and _name(up.func) in SNIPPETS and node is not (up.args or [None])[0]:
            return  # a hole's value
        if isinstance(up, ast.Compare):
            return  # compared, not written
        if isinstance(up, (ast.Assign, ast.AnnAssign)):
            targets = up.targets if isinstance(up, ast.Assign) else [up.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if len(names) == len(targets):
                for name in set(names) - seen:
                    for use in ast.walk(tree):
                        if isinstance(use, ast.Name) and use.id == name and isinstance(use.ctx, ast.Load):
                            check(use, seen | {name})
                return
        problems.append(f"{getattr(node, 'lineno', '?')}: text built here flows into {type(up).__name__}")

    for node in ast.walk(tree):
        if _is_text(node) and not _is_text(parent.get(id(node), tree)):
            check(node, set())
        if isinstance(node, ast.Call) and _name(node.func) in TEXT_EDITS:
            args = [*node.args, *(k.value for k in node.keywords)]
            if any(isinstance(a, ast.Constant) and type(a.value) is str or _is_text(a) for a in args):
                problems.append(f"{node.lineno}: text handed to {_name(node.func)}()")
    return sorted(set(problems))


@pytest.mark.parametrize("module", MIGRATED)
def test_migrated_rules_do_not_paste_hcl(module: str) -> None:
    assert pasting((ROOT / module).read_text(encoding="utf-8"), module) == []


def test_migrated_modules_exist_and_use_the_bridge() -> None:
    for module in MIGRATED:
        text = (ROOT / module).read_text(encoding="utf-8")
        assert "FixBuilder" in text, f"{module} is listed as migrated but does not use tffix.rewrite"


@pytest.mark.parametrize(
    "source",
    [
        'edit = file.replace(value, f"{text}.{wanted}")',
        "edit = file.replace(value, text + '.name')",
        'edit = file.replace(attr.name, "user_data_base64")',
        "decl = f'variable \"{name}\" {{\\n}}'\nedits = (module.new_file_edit(path, decl),)",
        'x = "%s = 1" % key\nb.replace(node, parse_expression(x))',
        'b.replace(node, parse_expression("{} = 1".format(key)))',
        "hcl = f'{a}'\nreturn hcl",
        'b.replace(node, parse_expression(f"{name}.id"))',
        'text = f"{a}"\nb.replace(node, parse_expression(text + ".id"))',
        'name = f"{a}_b"\nhelper(name)',
    ],
)
def test_the_scan_catches_pasting(source: str) -> None:
    assert pasting(source)


@pytest.mark.parametrize(
    "source",
    [
        'message = f"{kind}: bad"\nyield module.diagnostic(self, file, node, message + " (more)")',
        'rewrite.replace(value, parse_expression("{0}.{1}", value, wanted))\nfix = rewrite.build(f"Use {t}", SAFE)',
        'rewrite.rename(attr, "user_data_base64")',
        'shown = text[:57] + "..."\nctx.report(value, f"write `{shown}`", fix=rewrite.build("Unwrap", SAFE))',
        'name = f"{a}_b"\nif name in taken:\n    pass\nb.insert_after(block, parse_block("x {0} {{}}", name))',
        'message = f"{a}: bad"\nyield module.diagnostic(self, file, node, message + hint)',
    ],
)
def test_the_scan_lets_messages_and_snippets_through(source: str) -> None:
    assert pasting(source) == []


#: modules of tffix/rules/ that still build HCL text; the list is exact and only shrinks
STILL_PASTING = frozenset(
    {
        "tffix/rules/_hcl.py",
        "tffix/rules/_placeholders.py",
        "tffix/rules/backend_with_dynamic_values.py",
        "tffix/rules/s3_lifecycle_rule_without_filter.py",
    }
)


@pytest.mark.parametrize(
    "module", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tffix" / "rules").glob("*.py"))
)
def test_every_rule_module_but_the_listed_builds_no_hcl_text(module: str) -> None:
    """The whole package is scanned, rules with no fix included: a new module
    that pastes fails, and so does a listed one that no longer does (strike
    it off the list)."""
    found = pasting((ROOT / module).read_text(encoding="utf-8"), module)
    if module in STILL_PASTING:
        assert found, f"{module} builds no HCL text any more: take it off STILL_PASTING"
    else:
        assert found == []


def test_every_listed_module_is_a_rule_module() -> None:
    assert all(Path(m).parent == Path("tffix/rules") and (ROOT / m).is_file() for m in MIGRATED)
