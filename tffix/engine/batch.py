"""Running many modules: across processes, with a cache of results.

Modules are independent (each is one folder), so they run in a process pool
and the results come back in input order: the output is the same as a serial
run's. Results are cached (``result_cache.py``), so re-running over an
unchanged tree reads results back instead of parsing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..context import inputs
from ..rule import RuleSource
from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from . import result_cache
from .discover import ModuleSource
from .run import ModuleRun, run_module

__all__ = ["Job", "ordered_map", "run_jobs", "run_source"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def _today() -> datetime.date:
    return inputs.today()


@dataclass
class Job:
    source: ModuleSource
    #: the run's rules (``Settings`` or a ``RuleSet``); sent to worker processes
    settings: RuleSource
    fix: bool
    #: the date of the whole run, the same in every worker process
    today: datetime.date = field(default_factory=_today)


def _work(job: Job) -> ModuleRun:
    return run_source(job.source, job.settings, fix=job.fix, today=job.today)


def run_source(
    source: ModuleSource, settings: RuleSource, *, fix: bool, today: datetime.date | None = None
) -> ModuleRun:
    """Run the module; when only some of its files were named, fixes may
    edit only those and add no file. ``today`` is the run's date (see
    ``run_module``)."""
    run = run_module(
        source.directory,
        source.texts,
        settings,
        fix=fix,
        targets=source.targets,
        writable=None if source.whole else source.targets,
        may_create=source.whole,
        existing=source.existing,
        unreadable=source.unreadable,
        today=today,
    )
    if source.whole:
        run.parse_errors += _tfvars_errors(source.existing, run.inputs)
    return run


def _tfvars_errors(existing: frozenset[Path], reads: inputs.Inputs) -> list[ParseError]:
    """Terraform reads a folder's ``.tfvars`` as HCL too (auto-loaded or by
    ``-var-file``): one that does not parse is reported as a ``.tf`` file
    would be. Read through the run's inputs, so a cached result is reused
    only while they stay the same."""
    errors = []
    for path in sorted(p for p in existing if p.name.endswith(".tfvars") and not p.name.startswith(".")):
        data = reads.read_bytes(path)
        if data is None:  # a folder so named, or unreadable: Terraform would say, not us
            continue
        try:
            parse_module(data.decode("utf-8", errors="replace"), path=str(path))
        except ParseError as e:
            errors.append(e)
    return errors


def _cached(job: Job, use_cache: bool) -> tuple[str | None, ModuleRun | None]:
    if not use_cache:
        return None, None
    key = result_cache.key(job.source, job.settings, fix=job.fix)
    return key, result_cache.load(key, job.source, job.today)


def run_jobs(jobs: Sequence[Job], *, workers: int, use_cache: bool = True) -> Iterator[ModuleRun]:
    """Results in the order of ``jobs``."""
    keys: list[str | None] = []
    results: list[ModuleRun | None] = []
    for job in jobs:
        key, hit = _cached(job, use_cache)
        keys.append(key)
        results.append(hit)
    missing = [job for job, result in zip(jobs, results) if result is None]
    computed = ordered_map(_work, missing, workers=workers)
    stored = False
    for i, (key, result) in enumerate(zip(keys, results)):
        if result is None:
            result = next(computed)
            if key:
                result_cache.store(key, result)
                stored = True
        if stored and i == len(jobs) - 1:
            result_cache.prune()  # before the last yield: a caller's zip() may never ask again
        yield result


def ordered_map(work: Callable[[_In], _Out], items: Sequence[_In], *, workers: int) -> Iterator[_Out]:
    """``map(work, items)``, across up to ``workers`` processes when there is
    more than one item (``work`` must then be a module-level function). The
    results come in the order of ``items``, so the output is a serial run's;
    each process takes a few chunks, so a slow item does not idle the rest."""
    if workers > 1 and len(items) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(items))) as pool:
            yield from pool.map(work, items, chunksize=max(1, len(items) // (workers * 8)))
    else:
        yield from map(work, items)
