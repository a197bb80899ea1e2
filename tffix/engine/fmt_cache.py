"""The formatter's verdict cache: whether a text is formatted, changes, or is
refused, keyed by the text itself.

One cache folder and one format with the result cache (``caches.py``): JSON,
so loading an entry runs no code. As black keeps one cache file per mode,
there is one file per setting of the formatter, ``fmt/<key>.json``; its key
covers tffix itself (its code, grammar and Python, ``result_cache.code_hash``)
and the formatter's settings. Inside, each verdict is keyed by a hash of the
file's text and the end of its name (what kind of file it is), so a changed
file is never served another text's verdict, and a file copied elsewhere in a
tree reuses it. One file read and one write per run: a warm run over thousands
of files opens one cache file, not thousands.

A verdict is ``0`` (formatted), ``1`` (changes) or, for a file Terraform
refuses, the error's fields and the path it was reported for (its message
names the path, so it is reused only for the same path). Formatter bugs are
never cached. A formatted result is formatted by construction (the formatter
proves its output stable), so its text is recorded as formatted too: the run
after ``tffix fmt`` writes is warm.

Anything unexpected in the file (unreadable, not JSON, another format or key,
a verdict of the wrong shape) is a miss. Two runs saving at once may lose one
run's new verdicts (each saves whole files atomically, after merging what it
finds): that costs speed, never correctness. The file keeps at most
``MAX_VERDICTS``, the oldest going first (a verdict used by a run that
learned something new counts as new).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from ..caches import cache_dir, read_json, write_json
from ..syntax.errors import ParseError
from .result_cache import code_hash

__all__ = ["CHANGED", "FORMAT", "FORMATTED", "MAX_VERDICTS", "VerdictCache", "cache_path"]

FORMAT = 1  # bump when the file's shape or meaning changes
MAX_VERDICTS = 50_000


class _Verdict:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


FORMATTED: Final = _Verdict("FORMATTED")
CHANGED: Final = _Verdict("CHANGED")

Verdict = _Verdict | ParseError


def settings_key(settings: Mapping[str, Any]) -> str:
    payload = {"code": code_hash(), "settings": dict(settings)}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=repr).encode()).hexdigest()


def cache_path(settings: Mapping[str, Any]) -> Path | None:
    """The file holding the verdicts for ``settings`` (None: no cache folder)."""
    folder = cache_dir()
    return folder / "fmt" / f"{settings_key(settings)}.json" if folder is not None else None


def _kind(name: str) -> str:
    """What kind of file ``name`` is, as far as its name tells: from its first
    dot on (``.tf``, ``.tftest.hcl``)."""
    dot = name.find(".", 1)
    return name[dot:] if dot != -1 else ""


class VerdictCache:
    """The verdicts for one setting of the formatter, loaded once per run."""

    def __init__(self, path: Path | None, key: str) -> None:
        self.path = path
        self.key = key
        self._old = self._load()
        self._new: dict[str, Any] = {}

    @classmethod
    def open(cls, settings: Mapping[str, Any]) -> VerdictCache:
        return cls(cache_path(settings), settings_key(settings))

    def _load(self) -> dict[str, Any]:
        entry = read_json(self.path) if self.path is not None else None
        if type(entry) is not dict or entry.get("format") != FORMAT or entry.get("key") != self.key:
            return {}
        verdicts = entry.get("verdicts")
        return verdicts if type(verdicts) is dict else {}

    @staticmethod
    def text_key(name: str, text: str) -> str:
        """The verdict's key for a file called ``name`` holding ``text``."""
        digest = hashlib.sha256(_kind(name).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:32]

    def get(self, key: str, path: str) -> Verdict | None:
        """The verdict under ``key`` for the file ``path``, or None."""
        data = self._new.get(key)
        if data is None:
            data = self._old.get(key)
        verdict = _verdict(data, path)
        if verdict is not None:
            self._new[key] = data  # used: kept, and moved to the recent end when saved
        return verdict

    def record(self, key: str, text: str, answer: tuple[str, Any], path: str) -> None:
        """Keep what the formatter answered for ``text`` (see ``fmt_batch``)."""
        kind, value = answer
        if kind == "ok":
            self._new[key] = 0 if value == text else 1
            if value != text:
                self._new[self.text_key(Path(path).name, value)] = 0
        elif kind in ("same", "changed"):
            self._new[key] = 0 if kind == "same" else 1
        elif kind == "parse":
            e: ParseError = value
            self._new[key] = [path, e.summary, e.detail, e.offset, e.line, e.column]

    def save(self) -> None:
        """Write the file when this run learned anything, merged with what
        another run may have saved meanwhile (a warm run writes nothing)."""
        if self.path is None or all(self._old.get(k) == v for k, v in self._new.items()):
            return
        merged = self._load()
        for k in self._new:
            merged.pop(k, None)
        merged.update(self._new)
        if len(merged) > MAX_VERDICTS:
            merged = dict(list(merged.items())[-MAX_VERDICTS:])
        write_json(self.path, {"format": FORMAT, "key": self.key, "verdicts": merged})


def _verdict(data: Any, path: str) -> Verdict | None:
    if data == 0 and type(data) is int:
        return FORMATTED
    if data == 1 and type(data) is int:
        return CHANGED
    if type(data) is not list or len(data) != 6 or data[0] != path:
        return None
    _, summary, detail, offset, line, column = data
    if not (type(summary) is str and type(detail) is str and all(type(x) is int for x in (offset, line, column))):
        return None
    error = ParseError.__new__(ParseError)
    error.summary, error.detail, error.offset, error.path = summary, detail, offset, path
    error.line, error.column = line, column
    error.args = (str(error),)
    return error
