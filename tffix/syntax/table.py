"""The LALR(1) table Lark computes from the grammar, as plain data, cached on
disk: importing Lark and building the table take about 80 ms, more than a
small ``tffix fmt`` run spends parsing.

The cache is a JSON file (loading it runs no code, unlike a pickle) in
tffix's cache folder (``caches.cache_dir()``). It records the grammar and
the Lark installation it was built from, and is used only when both match.
A missing, stale or unreadable file means building the table with Lark and
trying to write it (atomically); where that fails, as in a read-only
directory, the table is simply not cached.
"""

from __future__ import annotations

import os
import zlib
from importlib.util import find_spec
from typing import Any

from ..caches import cache_dir, read_json, write_json

__all__ = ["build", "table_data"]

FORMAT = 1  # bump when the data's shape changes

# The table: ``rows[state]`` maps a symbol (terminal or rule name) to the next
# state (shift or goto, an int) or to ``[rule]``, a reduction by ``rules[rule]``.
# A rule is ``[name, origin, size, unit, spliced]``: its alias or else its
# name, the name it reduces to, how many symbols it takes, whether it is a unit
# rule that passes its one child up (``?a: b``), and the positions of inlined
# ``_rule`` children. ``start`` and ``end``: where a parse starts and accepts.
Table = dict[str, Any]


def _lark_stamp() -> str:
    """Which Lark installation would build the table, without importing Lark
    (that alone costs ~20 ms): its location and its ``__init__.py``'s size and
    modification time, which any reinstall or upgrade changes."""
    spec = find_spec("lark")
    if spec is None or spec.origin is None:
        return "missing"
    st = os.stat(spec.origin)
    return f"{spec.origin}:{st.st_size}:{st.st_mtime_ns}"


def table_data(grammar: str) -> Table:
    """The table for ``grammar``, from the cache when it holds a current one."""
    stamp = _lark_stamp()
    folder = cache_dir()
    # the name says which grammar and which Lark: two environments with their
    # own Lark (a project's venv, pre-commit's) sharing one cache folder must
    # not evict each other's table, or each run would rebuild it (~0.6 s)
    key = zlib.crc32(stamp.encode("utf-8"), zlib.crc32(grammar.encode("utf-8")))
    path = folder / f"lalr-{key:08x}.json" if folder else None
    if path is not None:
        cached = read_json(path)
        if (
            type(cached) is dict
            and cached.get("format") == FORMAT
            and cached.get("lark") == stamp
            and cached.get("grammar") == grammar
            and type(cached.get("table")) is dict
        ):
            found: Table = cached["table"]
            return found
    table = build(grammar)
    if path is not None:
        write_json(path, {"format": FORMAT, "lark": stamp, "grammar": grammar, "table": table})
    return table


def build(grammar: str) -> Table:
    """Have Lark compute the table (the slow path)."""
    import lark

    class NoLexer(lark.lexer.Lexer):  # Lark wants a lexer class; ours runs separately
        def __init__(self, conf: Any) -> None:
            pass

        def lex(self, *args: Any) -> Any:  # pragma: no cover - never called
            raise NotImplementedError

    parser = lark.Lark(grammar, parser="lalr", lexer=NoLexer, keep_all_tokens=True, maybe_placeholders=False)
    parse_table = parser.parser.parser.parser.parse_table  # ParsingFrontend -> LALR_Parser -> _Parser
    shift = lark.parsers.lalr_analysis.Shift
    rules: list[list[Any]] = []
    numbers: dict[Any, int] = {}
    states = parse_table.states
    assert sorted(states) == list(range(len(states))), "Lark numbers states 0..n-1"
    rows: list[dict[str, Any]] = []
    for state in range(len(states)):
        row: dict[str, Any] = {}
        for key, (action, arg) in states[state].items():
            if action is shift:
                row[str(key)] = arg
                continue
            number = numbers.get(arg)
            if number is None:
                number = numbers[arg] = len(rules)
                expansion = arg.expansion
                unit = bool(arg.options.expand1) and not arg.alias and len(expansion) == 1
                spliced = [i for i, sym in enumerate(expansion) if not sym.is_term and sym.name.startswith("_")]
                rules.append([str(arg.alias or arg.origin.name), str(arg.origin.name), len(expansion), unit, spliced])
            row[str(key)] = [number]
        rows.append(row)
    return {
        "rows": rows,
        "rules": rules,
        "start": parse_table.start_states["start"],
        "end": parse_table.end_states["start"],
    }
