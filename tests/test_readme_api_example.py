"""The README's "Using the parser" example runs and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

from conftest import ROOT


def test_the_readme_api_example_prints_what_it_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using the parser", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    out = io.StringIO()
    names: dict[str, Any] = {}
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), names)  # noqa: S102 - our own docs
    printed = out.getvalue().splitlines()
    promised = re.findall(r"print\((?:literal_value|module\.position)\(.*\)\)  # (.*)", code)
    assert printed[:2] == promised
    assert names["fixed"].code == names["text"].replace('"production"', "var.environment")
    assert printed[2:] == (names["fixed"].code + "\n").splitlines()  # print adds a line break
