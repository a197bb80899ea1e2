"""The public API type-checks for users: a script written against it passes
``mypy --strict``, and misuse is reported (so the types are real, not ``Any``).

The package ships ``py.typed``; ``mypy`` in the repository root is the gate for
the package itself (configured in pyproject.toml). This test runs mypy as a
user would, over two small scripts beside a checkout of tffix.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
from collections.abc import Iterator

import tffix
from tffix.cst import (
    Attribute, Block, CodeRange, Expression, Literal, Node, Object, Template, Token, Visitor,
    literal_value, template_text, walk, with_first_token,
)
from tffix.syntax import parse_block
from tffix.fmt import format_source

SOURCE = 'resource "aws_s3_bucket" "b" {\\n  tags = { Environment = "prod" }\\n}\\n'

module: tffix.Module = tffix.parse_module(SOURCE, path="main.tf")
text: str = module.code
block = module.block("resource", "aws_s3_bucket")
assert block is not None
kind: str = block.type.text
labels: tuple[str, ...] = block.label_values
names: list[str] = [a.name.text for a in block.body.attributes()]
tags = block.body.attribute("tags")
assert tags is not None
where: CodeRange = module.position(tags)
if isinstance(tags.value, Object):
    item = tags.value.item("Environment")
    if item is not None and isinstance(item.value, Template):
        environment: str | None = template_text(item.value)
value: object = literal_value(tags.value)

# nodes are frozen dataclasses: built with their fields, copied with changes
one = Literal(token=Token("NUMBER_LIT", "1", lead=" "))
changed: Attribute = tags.with_changes(value=one)
stripped: Literal = with_first_token(one, lambda tok: tok._replace(lead=""))
first: Token = changed.first_token()
expression: Expression = tffix.parse_expression("var.environment")
extra: Block = parse_block('filter {}')


class Counter(Visitor):
    def __init__(self) -> None:
        self.count = 0

    def visit_Block(self, node: Block) -> None:
        self.count += 1


def nodes(root: Node) -> Iterator[str]:
    return (type(node).__name__ for node in walk(root))


counter = Counter()
module.visit(counter)
formatted: str = format_source(text, filename="main.tf")
try:
    tffix.parse_module("a = \\n")
except tffix.ParseError as error:
    message: str = str(error)
"""

# Each line marked ``# E: code`` must get exactly that error, and no other line any.
BAD = """\
import tffix
from tffix.cst import Block, Literal, replace

module = tffix.parse_module('a "b" {}\\n')
block = module.block("a")
assert block is not None
Literal()  # E: call-arg
block.labels = ()  # E: misc
count: int = module.code  # E: assignment
tffix.parse_module(b"a = 1\\n")  # E: arg-type
name: str = block.with_changes(labels=()).type  # E: assignment
tffix.parse_expression("var.x").body  # E: union-attr
line: str = module.position(block).start[0]  # E: assignment
copy: Block = replace(module, block, block)  # E: assignment


class MyBlock(Block):  # E: misc
    pass
"""

_MARK = re.compile(r"#\s*E:\s*([\w-]+)")
_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$")


def _mypy(folder: Path, *files: str) -> list[str]:
    """mypy --strict over ``files`` in ``folder``. tffix is imported from this
    checkout as an installed package (found on the Python path), as users get
    it: its ``py.typed`` counts, and errors inside it are the gate's business."""
    (folder / "mypy.ini").write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path}
    env.pop("MYPYPATH", None)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir", ".mypy_cache",
         "--no-error-summary", "--hide-error-context", "--no-pretty", *files],
        cwd=folder, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 2: mypy itself failed
    return [line for line in result.stdout.splitlines() if ": error: " in line]


def test_public_api_is_strictly_typed(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.py").write_text(BAD, encoding="utf-8")
    errors = _mypy(tmp_path, "good.py", "bad.py")

    expected = {
        (i, m.group(1)) for i, line in enumerate(BAD.splitlines(), start=1) if (m := _MARK.search(line)) is not None
    }
    assert len(expected) == 9
    found = set()
    unexpected = []
    for line in errors:
        m = _ERROR.match(line)
        if m is not None and m["file"] == "bad.py":
            found.add((int(m["line"]), m["code"]))
        else:
            unexpected.append(line)  # in good.py, or in tffix itself
    assert unexpected == []
    assert found == expected
