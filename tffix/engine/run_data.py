"""A ``ModuleRun`` as plain data (dicts, lists, strings, numbers: JSON) and
back, for the result cache.

Reading plain data runs no code, and ``run_from_data`` checks the type of
every value, so data of the wrong shape (a corrupt, foreign or older entry)
raises ``BadData`` and nothing else. ``run_from_data(run_to_data(run))``
gives back an equal run: findings with their fixes and edits, parse errors
with their positions, the texts, and the inputs the run read.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..context.inputs import Inputs
from ..diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ..syntax.errors import ParseError
from .run import ModuleRun

__all__ = ["BadData", "run_from_data", "run_to_data"]

T = TypeVar("T")


class BadData(ValueError):
    """Plain data that does not describe a run."""


# -- to plain data -----------------------------------------------------------


def run_to_data(run: ModuleRun) -> dict[str, Any]:
    # a text left unchanged is stored once: null in "texts"
    return {
        "directory": str(run.directory),
        "original": {str(path): text for path, text in run.original.items()},
        "texts": {str(path): None if run.original.get(path) == text else text for path, text in run.texts.items()},
        "remaining": [_diagnostic_to_data(d) for d in run.remaining],
        "applied": [_diagnostic_to_data(d) for d in run.applied],
        "parse_errors": [_error_to_data(e) for e in run.parse_errors],
        "internal_errors": list(run.internal_errors),
        "fixable": sorted(run.fixable),
        "inputs": _inputs_to_data(run.inputs),
        "held_back": run.held_back,
        "secrets": sorted(run.secrets),
    }


def _diagnostic_to_data(diag: Diagnostic) -> dict[str, Any]:
    return {
        "code": diag.code,
        "name": diag.name,
        "severity": diag.severity.value,
        "message": diag.message,
        "path": str(diag.path),
        "start": list(diag.start),
        "end": list(diag.end),
        "offsets": list(diag.offsets),
        "fix": None if diag.fix is None else _fix_to_data(diag.fix),
        "secrets": list(diag.secrets),
    }


def _fix_to_data(fix: Fix) -> dict[str, Any]:
    return {
        "message": fix.message,
        "applicability": fix.applicability.value,
        "edits": [[str(e.path), e.start, e.end, e.text, e.create] for e in fix.edits],
    }


def _error_to_data(error: ParseError) -> dict[str, Any]:
    return {
        "summary": error.summary,
        "detail": error.detail,
        "offset": error.offset,
        "path": error.path,
        "line": error.line,
        "column": error.column,
    }


def _inputs_to_data(inputs: Inputs) -> dict[str, Any]:
    return {
        "today": inputs.today.isoformat(),
        "expiries": [[day.isoformat(), expired] for day, expired in inputs.expiries.items()],
        "exists": [[str(path), exists] for path, exists in inputs.exists.items()],
        "digests": [[str(path), digest] for path, digest in inputs.digests.items()],
        "listings": [[str(path), None if names is None else list(names)] for path, names in inputs.listings.items()],
    }


# -- from plain data ---------------------------------------------------------


def run_from_data(data: object) -> ModuleRun:
    """The run ``data`` describes. Raises BadData for anything else."""
    fields = _dict(data)
    paths = {name: Path(name) for name in _dict(_get(fields, "original"))}  # made once: Path() is the costly part
    original = {paths[name]: _str(text) for name, text in _dict(_get(fields, "original")).items()}
    texts: dict[Path, str] = {}
    for key, text in _dict(_get(fields, "texts")).items():
        path = paths.get(key) or Path(key)
        if text is None:
            if path not in original:
                raise BadData(f"no text for {key}")
            texts[path] = original[path]
        else:
            texts[path] = _str(text)
    return ModuleRun(
        Path(_str(_get(fields, "directory"))),
        original,
        texts,
        remaining=_list(_get(fields, "remaining"), _diagnostic),
        applied=_list(_get(fields, "applied"), _diagnostic),
        parse_errors=_list(_get(fields, "parse_errors"), _error),
        internal_errors=_list(_get(fields, "internal_errors"), _str),
        fixable=set(_list(_get(fields, "fixable"), _int)),
        inputs=_inputs(_get(fields, "inputs")),
        held_back=_int(_get(fields, "held_back")),
        secrets=frozenset(_list(_get(fields, "secrets"), _str)),
    )


def _diagnostic(data: object) -> Diagnostic:
    fields = _dict(data)
    fix = _get(fields, "fix")
    return Diagnostic(
        _str(_get(fields, "code")),
        _str(_get(fields, "name")),
        _enum(Severity, _get(fields, "severity")),
        _str(_get(fields, "message")),
        Path(_str(_get(fields, "path"))),
        _pair(_get(fields, "start")),
        _pair(_get(fields, "end")),
        _pair(_get(fields, "offsets")),
        None if fix is None else _fix(fix),
        tuple(_list(_get(fields, "secrets"), _str)),
    )


def _fix(data: object) -> Fix:
    fields = _dict(data)
    return Fix(
        _str(_get(fields, "message")),
        tuple(_list(_get(fields, "edits"), _edit)),
        _enum(Applicability, _get(fields, "applicability")),
    )


def _edit(data: object) -> Edit:
    path, start, end, text, create = _tuple(data, 5)
    return Edit(Path(_str(path)), _int(start), _int(end), _str(text), _bool(create))


def _error(data: object) -> ParseError:
    fields = _dict(data)
    path = _get(fields, "path")
    error = ParseError(
        _str(_get(fields, "summary")),
        _str(_get(fields, "detail")),
        offset=_int(_get(fields, "offset")),
        path=None if path is None else _str(path),
    )
    error.line, error.column = _int(_get(fields, "line")), _int(_get(fields, "column"))
    error.args = (str(error),)  # the message names the restored position
    return error


def _inputs(data: object) -> Inputs:
    fields = _dict(data)
    return Inputs(
        _date(_get(fields, "today")),
        {_date(day): _bool(expired) for day, expired in _list(_get(fields, "expiries"), _any_pair)},
        {Path(_str(path)): _bool(exists) for path, exists in _list(_get(fields, "exists"), _any_pair)},
        {
            Path(_str(path)): None if digest is None else _str(digest)
            for path, digest in _list(_get(fields, "digests"), _any_pair)
        },
        {
            Path(_str(path)): None if names is None else tuple(_list(names, _str))
            for path, names in _list(fields.get("listings", []), _any_pair)
        },
    )


# -- checked access ----------------------------------------------------------


def _get(fields: dict[str, object], name: str) -> object:
    if name not in fields:
        raise BadData(f"no {name}")
    return fields[name]


def _dict(data: object) -> dict[str, object]:
    if type(data) is not dict:
        raise BadData(f"expected an object, got {type(data).__name__}")
    return data


def _list(data: object, item: Callable[[object], T]) -> list[T]:
    if type(data) is not list:
        raise BadData(f"expected a list, got {type(data).__name__}")
    return [item(x) for x in data]


def _tuple(data: object, size: int) -> tuple[object, ...]:
    if type(data) is not list or len(data) != size:
        raise BadData(f"expected a list of {size}")
    return tuple(data)


def _pair(data: object) -> tuple[int, int]:
    first, second = _tuple(data, 2)
    return _int(first), _int(second)


def _any_pair(data: object) -> tuple[object, object]:
    first, second = _tuple(data, 2)
    return first, second


def _str(data: object) -> str:
    if type(data) is not str:
        raise BadData(f"expected a string, got {type(data).__name__}")
    return data


def _int(data: object) -> int:
    if type(data) is not int:  # bool is not an int here
        raise BadData(f"expected an integer, got {type(data).__name__}")
    return data


def _bool(data: object) -> bool:
    if type(data) is not bool:
        raise BadData(f"expected true or false, got {type(data).__name__}")
    return data


def _date(data: object) -> datetime.date:
    try:
        return datetime.date.fromisoformat(_str(data))
    except ValueError as e:
        raise BadData(str(e)) from None


E = TypeVar("E", Severity, Applicability)


def _enum(kind: type[E], data: object) -> E:
    try:
        return kind(_str(data))
    except ValueError:
        raise BadData(f"not a {kind.__name__}: {data!r}") from None
