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
    "tffix/rules/hardcoded_environment_tag.py",
    "tffix/rules/lambda_package_outside_terraform.py",
    "tffix/rules/iam_role_managed_policy_arns.py",
    "tffix/rules/timestamp_in_resource_argument.py",
    "tffix/rules/s3_lifecycle_rule_without_filter.py",
    "tffix/rules/backend_with_dynamic_values.py",
]

#: calls whose arguments are messages for people, not HCL
MESSAGE_SINKS = frozenset({"diagnostic", "report", "build", "Diagnostic", "Fix", "ValueError", "TypeError"})
#: bridge calls that check or quote the text they get (a variable's name must be an
#: identifier, its description is written as a quoted string; comment text is
#: written as `#` lines, a line break in it refused; a provider's source and
#: version are written as quoted strings)
CHECKED_SINKS = frozenset({"ensure_variable", "comment_out", "with_comments", "ensure_required_provider"})
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


_COMPREHENSIONS = (ast.GeneratorExp, ast.ListComp, ast.SetComp)
#: str methods whose result is text again
_TEXT_METHODS = frozenset({"join", "strip", "rstrip", "lstrip", "upper", "lower", "replace", "removesuffix"})
#: str methods that only look at text
_TEXT_TESTS = frozenset({"startswith", "endswith", "isidentifier", "count", "find"})
#: builtins whose result carries the text they get
_CARRIERS = frozenset({"sorted", "list", "tuple", "set", "reversed"})


class _Scan:
    """Follows each piece of built text to where it ends up, across the
    modules given: through expressions that carry it (``+``, f-strings,
    ``if``/``or``, containers, comprehensions, ``join`` and other str
    methods, names it is bound to, ``list.append``), and from a helper's
    ``return`` to every call of that helper in any of the modules."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.trees = {name: ast.parse(text, name) for name, text in sources.items()}
        self.parent: dict[int, ast.AST] = {}
        self.module_of: dict[int, ast.Module] = {}
        for tree in self.trees.values():
            for node in ast.walk(tree):
                self.module_of[id(node)] = tree
                for child in ast.iter_child_nodes(node):
                    self.parent[id(child)] = node

    def _function(self, node: ast.AST) -> ast.FunctionDef | None:
        while id(node) in self.parent:
            node = self.parent[id(node)]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def _carried(self, node: ast.AST, up: ast.AST) -> bool:
        """Whether ``up`` just carries the text ``node`` (its value is text too)."""
        if _is_text(up) or isinstance(up, (ast.IfExp, ast.BoolOp, ast.keyword, ast.FormattedValue, ast.Starred)):
            return True
        if isinstance(up, ast.BinOp) and isinstance(up.op, (ast.Add, ast.Mod)):  # text + x is text
            return True
        if isinstance(up, (ast.List, ast.Tuple, ast.Set)):
            return True
        if isinstance(up, _COMPREHENSIONS):
            return node is up.elt
        if isinstance(up, ast.Attribute) and up.attr in _TEXT_METHODS:  # text.rstrip(): see the call
            return True
        if isinstance(up, ast.Call) and _name(up.func) in _CARRIERS and isinstance(up.func, ast.Name):
            return True
        return (
            isinstance(up, ast.Call)
            and isinstance(up.func, ast.Attribute)
            and up.func.attr in _TEXT_METHODS
            and (node is up.func or node in up.args)
        )

    def consumer(self, node: ast.AST) -> tuple[ast.AST, ast.AST]:
        """What the text flows into, past the expressions that just carry it."""
        up = self.parent[id(node)]
        while self._carried(node, up):
            node, up = up, self.parent[id(up)]
        return node, up

    def _loads(self, tree: ast.AST, name: str) -> list[ast.Name]:
        return [u for u in ast.walk(tree) if isinstance(u, ast.Name) and u.id == name and isinstance(u.ctx, ast.Load)]

    def _calls(self, function: str, home: ast.AST | None = None) -> list[ast.Call]:
        """Calls of ``function`` in its own module and in the modules that
        import it by that name (another module's function of the same name
        is another function)."""
        trees = [
            tree
            for tree in self.trees.values()
            if tree is home
            or home is None
            or any(isinstance(i, ast.ImportFrom) and any(a.name == function for a in i.names) for i in ast.walk(tree))
        ]
        return [
            call
            for tree in trees
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and _name(call.func) == function
        ]

    def _definitions(self, name: str) -> list[ast.FunctionDef | ast.ClassDef]:
        return [
            d
            for tree in self.trees.values()
            for d in ast.walk(tree)
            if isinstance(d, (ast.FunctionDef, ast.ClassDef)) and d.name == name
        ]

    def _receivers(self, call: ast.Call, arg: ast.AST) -> list[ast.AST] | None:
        """Where an argument of a call to one of the modules' own functions
        goes (the reads of its parameter in the function), or of their
        dataclasses (the reads of its field, ``x.field``, anywhere); None
        for calls of anything else."""
        name = _name(call.func)
        definitions = self._definitions(name) if name else []
        local = [d for d in definitions if self.module_of[id(d)] is self.module_of[id(call)]]
        definitions = local or definitions
        if len(definitions) != 1:
            return None
        definition = definitions[0]
        if isinstance(definition, ast.ClassDef):
            fields = [
                f.target.id for f in definition.body if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)
            ]
            param = _parameter(call, arg, fields, [])
            return None if param is None else self._field_reads(param)
        args = definition.args
        positional = [a.arg for a in [*args.posonlyargs, *args.args]]
        if positional[:1] == ["self"] and isinstance(call.func, ast.Attribute):
            positional = positional[1:]
        param = _parameter(call, arg, positional, [a.arg for a in args.kwonlyargs])
        return None if param is None else list(self._loads(definition, param))

    def _field_reads(self, field: str) -> list[ast.AST]:
        return [
            a
            for tree in self.trees.values()
            for a in ast.walk(tree)
            if isinstance(a, ast.Attribute) and a.attr == field and isinstance(a.ctx, ast.Load)
        ]

    def is_list_append(self, call: ast.Call) -> bool:
        """``names.append(x)`` on a name bound to a list in the same function
        (not a builder's ``append``)."""
        func = call.func
        if not (
            isinstance(func, ast.Attribute) and func.attr in ("append", "extend") and isinstance(func.value, ast.Name)
        ):
            return False
        scope = self._function(call) or self.module_of[id(call)]
        target = func.value.id
        for node in ast.walk(scope):
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            if any(isinstance(t, ast.Name) and t.id == target for t in targets) and isinstance(
                value, (ast.List, ast.ListComp)
            ):
                return True
        return False

    def check(self, node: ast.AST, seen: frozenset[str], problems: list[str]) -> None:
        node, up = self.consumer(node)
        where = self.module_of[id(node)]
        if isinstance(up, ast.Call) and _name(up.func) in MESSAGE_SINKS | CHECKED_SINKS:
            return
        if isinstance(up, ast.Call) and _name(up.func) in SNIPPETS and node is not (up.args or [None])[0]:
            return  # a hole's value
        if isinstance(up, ast.Compare) or (isinstance(up, ast.Attribute) and up.attr in _TEXT_TESTS):
            return  # compared, not written
        if isinstance(up, ast.BinOp) and isinstance(up.op, ast.Div):
            return  # a file name joined to a path
        if isinstance(up, ast.Expr) and isinstance(node, ast.Constant):
            return  # a docstring
        if isinstance(up, ast.Call) and self.is_list_append(up) and node in up.args:
            target = up.func.value.id  # a list of text: follow the list
            if target not in seen:
                for use in self._loads(self._function(up) or where, target):
                    if use is not up.func.value:
                        self.check(use, seen | {target}, problems)
            return
        if isinstance(up, (ast.If, ast.While)) and node is up.test:
            return  # tested, not written
        if isinstance(up, ast.Call) and node is not up.func:
            reads = self._receivers(up, node)
            if reads is not None:
                key = f"{_name(up.func)}:{id(node)}"
                if key not in seen:
                    for use in reads:
                        self.check(use, seen | {key}, problems)
                return
        if isinstance(up, (ast.Assign, ast.AnnAssign)):
            targets = up.targets if isinstance(up, ast.Assign) else [up.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if len(names) == len(targets):
                for name in set(names) - seen:
                    for use in self._loads(self._function(up) or where, name):
                        self.check(use, seen | {name}, problems)
                return
        if isinstance(up, ast.Return):
            function = self._function(up)
            if function is not None and function.name not in seen:
                calls = self._calls(function.name, self.module_of[id(function)])
                for call in calls:
                    self.check(call, seen | {function.name}, problems)
                if calls:
                    return
        line = getattr(node, "lineno", "?")
        elsewhere = "" if where is self.trees.get(self.current) else f" (in {self._filename(where)})"
        problems.append(f"{line}: text built here flows into {type(up).__name__}{elsewhere}")

    def _filename(self, tree: ast.Module) -> str:
        return next(name for name, t in self.trees.items() if t is tree)

    current = ""

    def problems(self, filename: str) -> list[str]:
        self.current = filename
        tree = self.trees[filename]
        found: list[str] = []
        for node in ast.walk(tree):
            if _is_text(node) and not _is_text(self.parent.get(id(node), tree)):
                self.check(node, frozenset(), found)
            if isinstance(node, ast.Call) and _name(node.func) in TEXT_EDITS and not self.is_list_append(node):
                args = [*node.args, *(k.value for k in node.keywords)]
                if any(isinstance(a, ast.Constant) and type(a.value) is str or _is_text(a) for a in args):
                    found.append(f"{node.lineno}: text handed to {_name(node.func)}()")
        return sorted(set(found))


def _parameter(call: ast.Call, arg: ast.AST, positional: list[str], keyword_only: list[str]) -> str | None:
    """The parameter ``arg`` is passed to in ``call``."""
    for i, value in enumerate(call.args):
        if value is arg:
            return positional[i] if i < len(positional) else None
    for keyword in call.keywords:
        if keyword.value is arg and keyword.arg in (*positional, *keyword_only):
            return keyword.arg
    return None


def pasting(source: str, filename: str = "<rule>", others: dict[str, str] | None = None) -> list[str]:
    """Where ``source`` builds text that is not only a message: ``line: why``.
    ``others`` are the modules whose calls of ``source``'s helpers are
    followed too (the rest of the package)."""
    return _Scan({**(others or {}), filename: source}).problems(filename)


def _package() -> dict[str, str]:
    return {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in (ROOT / "tffix" / "rules").glob("*.py")
    }


@pytest.mark.parametrize("module", MIGRATED)
def test_migrated_rules_do_not_paste_hcl(module: str) -> None:
    assert pasting((ROOT / module).read_text(encoding="utf-8"), module, _package()) == []


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
        # through the module's own helpers: a return, a parameter, a list
        'def ref(a):\n    return f"{a}.id"\nb.replace(node, parse_expression(ref(x)))',
        'def put(b, text):\n    b.replace(node, parse_expression(text))\nput(b, f"{a}.id")',
        'def lines():\n    out = []\n    out.append(f"{a} = 1")\n    return out\nb.replace(node, parse_body(lines()))',
        'text = f"{a}.id"\nif text:\n    b.replace(node, parse_expression(sorted([text])[0]))',
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
        # a message made by a helper, or kept in a dataclass field on its way to a finding
        'def why(a):\n    return f"uses {a}"\nyield module.diagnostic(self, file, node, why(x))',
        '@dataclass\nclass O:\n    item: int\n    why: str\no = O(1, f"uses {a}")\nctx.report(node, o.why)',
        'rewrite.comment_out(block, f"restore with {cmd}")',
        'path = module.directory / f"{stem}.example"',
    ],
)
def test_the_scan_lets_messages_and_snippets_through(source: str) -> None:
    assert pasting(source) == []


#: modules of tffix/rules/ that still build HCL text; the list is exact and only shrinks
STILL_PASTING: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    "module", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tffix" / "rules").glob("*.py"))
)
def test_every_rule_module_but_the_listed_builds_no_hcl_text(module: str) -> None:
    """The whole package is scanned, rules with no fix included: a new module
    that pastes fails, and so does a listed one that no longer does (strike
    it off the list)."""
    found = pasting((ROOT / module).read_text(encoding="utf-8"), module, _package())
    if module in STILL_PASTING:
        assert found, f"{module} builds no HCL text any more: take it off STILL_PASTING"
    else:
        assert found == []


def test_every_listed_module_is_a_rule_module() -> None:
    assert all(Path(m).parent == Path("tffix/rules") and (ROOT / m).is_file() for m in MIGRATED)
