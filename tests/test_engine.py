"""The apply loop's guarantees, with small rules made to misbehave."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tffix.cst import nodes as n
from tffix.diagnostics import Fix
from tffix.engine import batch, discover, edits
from tffix.engine import module as module_
from tffix.engine.edits import splice, touched_lines
from tffix.engine.module import TerraformModule, fix
from tffix.engine.run import MAX_PASSES, ModuleRun, run_module
from tffix.fmt.checks import SelfCheckError
from tffix.rules.base import Applicability, Diagnostic, Edit, Rule, Severity
from tffix.settings import Settings

D = Path("m")


class _Base(Rule):
    """Test rule

    ## What it does
    ## Why is this bad?
    ## Example
    ## Fix safety
    ## References
    """

    code = "TFX900"
    name = "test-rule"
    severity = Severity.WARNING


class BreaksSyntax(_Base):
    """Replaces `x = 1` with code that does not parse."""

    code, name = "TFX901", "breaks-syntax"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None:
                yield module.diagnostic(
                    self, file, attr, "x", fix=fix("break", Applicability.SAFE, file.replace(attr.value, "{{"))
                )


class NeverDone(_Base):
    """Appends a comment forever: the finding never goes away."""

    code, name = "TFX902", "never-done"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None:
                yield module.diagnostic(
                    self, file, attr, "x", fix=fix("add", Applicability.SAFE, file.append("# again\n"))
                )


class Counts(_Base):
    """Rewrites `x = N` to `x = N+1` until 3: converges after three passes,
    each fix overlapping the next."""

    code, name = "TFX903", "counts"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None and int(file.source(attr.value)) < 3:
                new = str(int(file.source(attr.value)) + 1)
                yield module.diagnostic(
                    self, file, attr, f"x={new}", fix=fix("inc", Applicability.SAFE, file.replace(attr.value, new))
                )


class TwoFiles(_Base):
    """Edits main.tf and creates extra.tf in one fix; unsafe."""

    code, name = "TFX904", "two-files"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None and file.source(attr.value) == "1":
                edits = (
                    file.replace(attr.value, "2"),
                    Edit(module.directory / "extra.tf", 0, 0, "y = 1\n", create=True),
                )
                yield module.diagnostic(self, file, attr, "two", fix=fix("two", Applicability.UNSAFE, *edits))


class SetsTwice(_Base):
    """Inserts a second `x` next to the first: Terraform refuses the file."""

    code, name = "TFX905", "sets-twice"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None and file.tree.attribute("y") is None:
                yield module.diagnostic(
                    self, file, attr, "twice", fix=fix("twice", Applicability.SAFE, file.append("x = 2\n"))
                )


def _run(rule: Rule, text: str = "x = 1\n", **kwargs: Any) -> ModuleRun:
    settings = kwargs.pop("settings", Settings())
    return run_module(D, {D / "main.tf": text}, settings, fix=True, rules=[rule], **kwargs)


def test_fix_that_breaks_syntax_is_refused_and_named() -> None:
    run = _run(BreaksSyntax())
    assert run.texts[D / "main.tf"] == "x = 1\n"
    assert len(run.internal_errors) == 1
    assert "TFX901 (breaks-syntax)" in run.internal_errors[0] and "does not parse" in run.internal_errors[0]
    assert [d.code for d in run.remaining] == ["TFX901"]


def test_fix_that_sets_an_argument_twice_is_refused() -> None:
    run = _run(SetsTwice())
    assert run.texts[D / "main.tf"] == "x = 1\n"
    assert "TFX905 (sets-twice)" in run.internal_errors[0] and "Attribute redefined" in run.internal_errors[0]


def test_file_that_sets_an_argument_twice_is_a_parse_error() -> None:
    # as in Terraform (and tffix fmt): reported with its position, and nothing
    # in the file is fixed
    run = _run(BreaksSyntax(), "x = 1\ny = 2\nx = 3\n")
    assert [(e.summary, e.line, e.column) for e in run.parse_errors] == [("Attribute redefined", 3, 1)]
    assert run.texts[D / "main.tf"] == "x = 1\ny = 2\nx = 3\n" and not run.internal_errors


def test_fix_that_leaves_its_finding_is_stopped() -> None:
    run = _run(NeverDone())
    assert "still there after its fix" in " ".join(run.internal_errors)
    assert run.texts[D / "main.tf"].count("# again") == 1


def test_overlapping_fixes_converge_over_passes() -> None:
    run = _run(Counts())
    assert run.texts[D / "main.tf"] == "x = 3\n"
    assert len(run.applied) == 2 and not run.internal_errors and not run.remaining
    assert MAX_PASSES >= 3


def test_unsafe_fix_needs_the_flag_and_edits_files_together() -> None:
    held = _run(TwoFiles())
    assert held.changed() == [] and [d.code for d in held.remaining] == ["TFX904"]
    done = _run(TwoFiles(), settings=Settings(unsafe_fixes=True))
    assert done.changed() == [D / "extra.tf", D / "main.tf"]
    assert done.texts[D / "extra.tf"] == "y = 1\n"


def test_new_file_never_overwrites_an_existing_one() -> None:
    run = _run(TwoFiles(), settings=Settings(unsafe_fixes=True), existing=frozenset({D / "extra.tf"}))
    assert run.changed() == []
    assert "would overwrite" in " ".join(run.internal_errors)


def test_no_files_created_or_edited_outside_writable() -> None:
    run = _run(TwoFiles(), settings=Settings(unsafe_fixes=True), writable={D / "main.tf"}, may_create=False)
    assert run.changed() == []


def test_splice_keeps_crlf_and_reports_ranges() -> None:
    text = "a = 1\r\nb = 2\r\n"
    out, ranges = splice(text, [Edit(D, 7, 7, "c = 3\n")])
    assert out == "a = 1\r\nc = 3\r\nb = 2\r\n"
    assert touched_lines(out, ranges) == {2}


def test_touched_lines_include_both_sides_of_a_deletion() -> None:
    text = "a = 1\nb = 2\nc = 3\n"
    out, ranges = splice(text, [Edit(D, 6, 12, "")])
    assert out == "a = 1\nc = 3\n"
    assert touched_lines(out, ranges) == {1, 2, 3}


def test_fmt_clean_counts_the_files_own_indentation() -> None:
    assert edits.fmt_clean("a {\n  b = 1\n}\n")
    assert edits.fmt_clean("a {\n\tb  = 1\n\tcc = 2\n}\n")  # aligned as terraform fmt aligns, in tabs
    assert not edits.fmt_clean("a {\n\tb = 1\n\tcc = 2\n}\n")
    assert not edits.fmt_clean("a {\n  b = 1\n  cc = 2\n}\n")
    assert not edits.fmt_clean("a {\n")  # does not parse
    assert not edits.fmt_clean("a {\n  b = 1\n}\nc {\n    d = 1\n}\ne {\n    f = 1\n}\n")  # mixed units


def test_a_fix_in_a_file_that_is_not_fmt_clean_changes_only_its_lines() -> None:
    """Issue 16: neighbours keep their bytes (alignment, `"${x}"`); lines
    beside a removed item are not tidied; a fmt-clean file realigns."""
    text = 'r {\n  a = "${x}"\n  bb = 1\n  c = 2\n}\n'
    out = edits.apply_fix_edits({D: text}, [Edit(D, text.index("1"), text.index("1") + 1, "var.long")])[D]
    assert out == 'r {\n  a = "${x}"\n  bb = var.long\n  c = 2\n}\n'
    start = text.index("  bb")
    out = edits.apply_fix_edits({D: text}, [Edit(D, start, text.index("  c"), "")])[D]
    assert out == 'r {\n  a = "${x}"\n  c = 2\n}\n'
    clean = "r {\n  a  = x\n  bb = 1\n}\n"
    start = clean.index("  bb")
    assert edits.apply_fix_edits({D: clean}, [Edit(D, start, clean.index("}"), "")])[D] == "r {\n  a = x\n}\n"
    # a fix that removes part of a line still tidies that line
    start = text.index("  bb")
    out = edits.apply_fix_edits({D: text}, [Edit(D, start, start + 2, "")])[D]
    assert out == 'r {\n  a = "${x}"\n  bb = 1\n  c = 2\n}\n'


def test_declarations_go_in_the_files_named() -> None:
    """``declare_in``: where a declaration the module has no file for goes
    when no file may be created (the language server: the buffer itself)."""
    texts = {
        D / "a.tf": "# a\n",
        D / "main.tf": 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Environment = "prod"\n  }\n}\n',
    }
    settings = Settings(select=("TFX101",))
    run = run_module(
        D, texts, settings, fix=True, may_create=False, declare_in_place=True, declare_in=frozenset({D / "main.tf"})
    )
    assert run.changed() == [D / "main.tf"] and 'variable "environment"' in run.texts[D / "main.tf"]
    run = run_module(D, texts, settings, fix=True, may_create=False, declare_in_place=True)
    assert run.changed() == [D / "a.tf", D / "main.tf"] and 'variable "environment"' in run.texts[D / "a.tf"]


def test_a_file_created_in_one_pass_can_grow_in_the_next() -> None:
    """Two fixes each declare a variable in a new variables.tf: the second
    waits a pass (same insertion point) and then appends to the new file."""
    text = 'resource "aws_db_instance" "a" {\n  deletion_protection = true\n  skip_final_snapshot = false\n}\n'
    run = run_module(D, {D / "main.tf": text}, Settings(select=("TFX105",)), fix=True)
    assert not run.internal_errors and not run.remaining
    declared = run.texts[D / "variables.tf"]
    assert (
        declared.count('variable "deletion_protection"') == 1 and declared.count('variable "skip_final_snapshot"') == 1
    )


# -- the safety nets: a crashing rule, fixes that clash, a loop that never settles


class Crashes(_Base):
    """Reports `x` with a fix, then crashes."""

    code, name = "TFX906", "crashes"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None:
                yield module.diagnostic(
                    self, file, attr, "x", fix=fix("nine", Applicability.SAFE, file.replace(attr.value, "9"))
                )
        raise RuntimeError("boom")


class SameName(_Base):
    """Renames `a` and `b` to `c`: either fix alone parses, both together
    set `c` twice."""

    code, name = "TFX907", "same-name"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            for name in ("a", "b"):
                attr = file.tree.attribute(name)
                if attr is not None:
                    yield module.diagnostic(
                        self, file, attr, name, fix=fix("rename", Applicability.SAFE, file.replace(attr.name, "c"))
                    )


class Flips(_Base):
    """Turns `x = 1` into `x = 2` and back: each fix removes its finding,
    but the module never settles."""

    code, name = "TFX908", "flips"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None:
                new = "2" if file.source(attr.value) == "1" else "1"
                yield module.diagnostic(
                    self, file, attr, f"x={new}", fix=fix("flip", Applicability.SAFE, file.replace(attr.value, new))
                )


class CountsTo(Counts):
    """Counts up to ``limit``."""

    code, name = "TFX909", "counts-to"

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None and int(file.source(attr.value)) < self.limit:
                new = str(int(file.source(attr.value)) + 1)
                yield module.diagnostic(
                    self, file, attr, f"x={new}", fix=fix("inc", Applicability.SAFE, file.replace(attr.value, new))
                )


class Overlapping(_Base):
    """One fix whose two edits overlap each other."""

    code, name = "TFX910", "overlapping"

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            attr = file.tree.attribute("x")
            if attr is not None:
                edits = (file.replace(attr.value, "2"), file.replace(attr, "x = 3"))
                yield module.diagnostic(self, file, attr, "x", fix=fix("both", Applicability.SAFE, *edits))


def test_a_crashing_rule_is_named_and_the_run_goes_on() -> None:
    run = run_module(D, {D / "main.tf": "x = 1\n"}, Settings(), fix=False, rules=[Crashes(), Counts()])
    assert run.internal_errors == [f"{D}: internal error in TFX906 (crashes): RuntimeError: boom"]
    assert [d.code for d in run.remaining] == ["TFX903"]


def test_a_crashing_rule_fixes_nothing() -> None:
    """What a rule found before it crashed is not trusted: no finding of it
    is reported and none of its fixes is applied."""
    run = _run(Crashes())
    assert run.texts[D / "main.tf"] == "x = 1\n" and not run.applied and not run.remaining
    assert run.internal_errors == [f"{D}: internal error in TFX906 (crashes): RuntimeError: boom"]


def test_a_rule_crashing_on_every_pass_is_reported_once() -> None:
    run = run_module(D, {D / "main.tf": "x = 1\n"}, Settings(), fix=True, rules=[Crashes(), Counts()])
    assert run.texts[D / "main.tf"] == "x = 3\n"
    assert run.internal_errors == [f"{D}: internal error in TFX906 (crashes): RuntimeError: boom"]


def test_fixes_that_parse_alone_but_not_together_are_all_refused() -> None:
    run = _run(SameName(), "a = 1\nb = 2\n")
    assert run.texts[D / "main.tf"] == "a = 1\nb = 2\n" and not run.applied
    assert len(run.internal_errors) == 2
    for error, line in zip(run.internal_errors, (1, 2)):
        assert error.startswith(f"{D / 'main.tf'}:{line}:1: internal error in TFX907 (same-name): fixes together")
        assert "Attribute redefined" in error and error.endswith("; fix not applied")
    assert [d.start for d in run.remaining] == [(1, 1), (2, 1)]
    assert run.fixable == set()  # banned fixes are not offered again


def test_a_fix_whose_edits_overlap_each_other_is_refused() -> None:
    run = _run(Overlapping())
    assert run.texts[D / "main.tf"] == "x = 1\n" and not run.applied
    expected = (
        f"{D / 'main.tf'}:1:1: internal error in TFX910 (overlapping): its fix cannot be applied"
        " (overlapping edits at offset 4); fix not applied"
    )
    assert run.internal_errors == [expected]


def test_a_fix_the_formatter_cannot_check_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(
        text: str,
        lines: object,
        *,
        filename: str | None = None,
        own_style: bool = False,
        terraform: bool = True,
        neighbours: bool = True,
    ) -> object:
        raise SelfCheckError(f"{filename}: region formatting is not stable")

    monkeypatch.setattr(edits, "format_lines_parsed", fails)
    run = _run(Counts())
    assert run.texts[D / "main.tf"] == "x = 1\n" and not run.applied
    expected = (
        f"{D / 'main.tf'}:1:1: internal error in TFX903 (counts): its fix failed the formatter's self-check"
        f" ({D / 'main.tf'}: region formatting is not stable); fix not applied"
    )
    assert run.internal_errors == [expected]


def test_a_fix_loop_that_never_settles_stops_and_names_the_rule() -> None:
    run = _run(Flips())
    assert len(run.applied) == MAX_PASSES
    assert run.texts[D / "main.tf"] == ("x = 1\n" if MAX_PASSES % 2 == 0 else "x = 2\n")
    assert run.internal_errors == [f"{D}: fixes did not converge after {MAX_PASSES} passes: TFX908 (flips)"]


def test_a_loop_that_settles_on_the_last_pass_is_not_an_error() -> None:
    run = _run(CountsTo(1 + MAX_PASSES))
    assert run.texts[D / "main.tf"] == f"x = {1 + MAX_PASSES}\n"
    assert len(run.applied) == MAX_PASSES and not run.internal_errors and not run.remaining


def test_one_pass_too_few_is_reported() -> None:
    run = _run(CountsTo(2 + MAX_PASSES))
    assert run.texts[D / "main.tf"] == f"x = {1 + MAX_PASSES}\n"
    assert run.internal_errors == [f"{D}: fixes did not converge after {MAX_PASSES} passes: TFX909 (counts-to)"]
    assert [d.message for d in run.remaining] == [f"x={2 + MAX_PASSES}"]


def test_a_loop_that_only_leaves_fixes_it_may_not_apply_is_not_an_error() -> None:
    """The passes ran out, but what is left needs --unsafe-fixes: nothing
    failed to converge."""
    run = run_module(D, {D / "main.tf": "x = 1\n"}, Settings(), fix=True, rules=[CountsTo(1 + MAX_PASSES), TwoFiles()])
    assert len(run.applied) == MAX_PASSES and not run.internal_errors


# -- reading modules, the batch runner, and the module's edit helpers


def test_a_folder_that_cannot_be_listed_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> Iterator[Path]:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    source = discover.load_directory(tmp_path)
    assert (
        list(map(str, source.errors)) == [f"{tmp_path}: Permission denied"] and not source.texts and not source.existing
    )


def test_a_file_that_cannot_be_read_makes_the_module_incomplete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.tf").write_text("x = 1\n")
    (tmp_path / "b.tf").write_text("y = 2\n")

    def read(path: Path) -> str:
        if path.name == "b.tf":
            raise PermissionError(13, "Permission denied", str(path))
        return path.read_text("utf-8")

    monkeypatch.setattr(discover, "read_source", read)
    source = discover.load_directory(tmp_path)
    assert list(map(str, source.errors)) == [f"{tmp_path / 'b.tf'}: Permission denied"]
    assert list(source.texts) == [tmp_path / "a.tf"] and source.unreadable == {tmp_path / "b.tf"}


def test_a_folder_named_like_a_tf_file_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("x = 1\n")
    (tmp_path / "nested.tf").mkdir()
    source = discover.load_directory(tmp_path)
    assert list(source.texts) == [tmp_path / "main.tf"] and not source.errors and not source.unreadable
    assert tmp_path / "nested.tf" in source.existing  # a new file must still not take its name


def test_run_jobs_gives_every_result_in_order_and_finishes(tmp_path: Path) -> None:
    jobs = []
    for name in ("b", "a"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(
            'resource "aws_s3_bucket" "x" {\n  tags = { Environment = "prod" }\n}\n'
        )
        (source,), _ = discover.discover([str(tmp_path / name)])
        jobs.append(batch.Job(source, Settings(select=("TFX101",)), fix=False))
    runs = list(batch.run_jobs(jobs, workers=1, use_cache=False))
    assert [r.directory for r in runs] == [tmp_path / "b", tmp_path / "a"]
    assert [[d.code for d in r.remaining] for r in runs] == [["TFX101"], ["TFX101"]]


def test_an_unreadable_tfvars_does_not_stop_a_cached_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFFIX_CACHE_DIR", str(tmp_path / "cache"))
    module = tmp_path / "m"
    module.mkdir()
    (module / "main.tf").write_text('resource "aws_s3_bucket" "x" {\n  tags = { Environment = "prod" }\n}\n')
    (module / "terraform.tfvars").mkdir()  # reading it fails, as an unreadable file would
    (source,), _ = discover.discover([str(module)])
    job = batch.Job(source, Settings(select=("TFX101",)), fix=False)
    cold = list(batch.run_jobs([job], workers=1))
    warm = list(batch.run_jobs([job], workers=1))
    assert [d.code for d in cold[0].remaining] == [d.code for d in warm[0].remaining] == ["TFX101"]


def test_remove_takes_the_comment_lines_and_line_break() -> None:
    file = module_.SourceFile.parse(D / "main.tf", "# about a\na = 1 # trailing\nb = 2\n")
    attr = file.tree.attribute("a") if file.tree is not None else None
    assert attr is not None
    edit = file.remove(attr)
    assert (edit.start, edit.end, edit.text) == (0, len("# about a\na = 1 # trailing\n"), "")


def test_append_to_an_empty_file_adds_no_blank_line() -> None:
    for text in ("", "\n"):
        edit = module_.SourceFile.parse(D / "main.tf", text).append("x = 1\n")
        assert (edit.start, edit.text) == (len(text), "x = 1\n")


def test_a_variable_block_without_a_label_declares_nothing() -> None:
    module = TerraformModule.from_texts(D, {D / "main.tf": 'variable {}\nvariable "x" {}\n'})
    assert list(module.variables) == ["x"]


def test_an_unsafe_finding_another_fix_made_appear_is_held_back(tmp_path: Path) -> None:
    """TFX101 declares `variable "environment"`; TFX117 fires only because of
    it. `check` never showed that TFX117 finding, so its unsafe rename (which
    replaces the queue) is not applied in the same run; the next run does."""
    text = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n\n  tags = {\n    Environment = "production"\n  }\n}\n'
    settings = Settings(select=("TFX101", "TFX117"), unsafe_fixes=True)
    before = run_module(tmp_path, {tmp_path / "main.tf": text}, settings, fix=False)
    assert [d.code for d in before.remaining] == ["TFX101"]
    first = run_module(tmp_path, {tmp_path / "main.tf": text}, settings, fix=True)
    assert [d.code for d in first.applied] == ["TFX101"]
    assert [d.code for d in first.remaining] == ["TFX117"]
    assert first.held_back == 1 and first.fixable == set()
    assert 'name = "jobs"' in first.texts[tmp_path / "main.tf"]
    second = run_module(tmp_path, first.texts, settings, fix=True)
    assert [d.code for d in second.applied] == ["TFX117"] and second.held_back == 0
    assert 'name = "jobs-${var.environment}"' in second.texts[tmp_path / "main.tf"]


def test_written_edits_are_what_apply_writes() -> None:
    """One truth for a fix's edits (JSON, SARIF, the language server): as
    they are when formatting changes nothing more, whole changed lines when
    it realigns neighbours, the rule's own when the fix cannot apply."""
    from tffix.engine.edits import apply_fix_edits, splice, written_edits

    path = Path("/m/main.tf")
    text = 'resource "a" "b" {\n  x   = 1\n  yyy = 2\n}\n'
    same = [Edit(path, text.index("1"), text.index("1") + 1, "3")]
    assert written_edits({path: text}, same) == same
    # a longer name realigns its group: the whole run of lines is the edit
    rename = [Edit(path, text.index("yyy"), text.index("yyy") + 3, "longer_name")]
    written = written_edits({path: text}, rename)
    assert [(e.start, e.end) for e in written] == [(text.index("  x"), text.index("}"))]
    assert splice(text, written)[0] == apply_fix_edits({path: text}, rename)[path]
    # CRLF files get their own line breaks in the shown text
    crlf = text.replace("\n", "\r\n")
    insert = [Edit(path, crlf.index("}"), crlf.index("}"), "  z = 4\n")]
    shown = written_edits({path: crlf}, insert)
    assert all("\n" not in e.text.replace("\r\n", "") for e in shown) and "  z   = 4\r\n" in shown[0].text
    # a fix whose result would not parse is shown as the rule made it
    broken = [Edit(path, text.index("1"), text.index("1") + 1, "{")]
    assert written_edits({path: text}, broken) == broken
    # a file the fix creates keeps its create flag
    new = Path("/m/variables.tf")
    made = written_edits({path: text}, [Edit(new, 0, 0, 'variable "v" {\n}\n', create=True)])
    assert [(e.path, e.create) for e in made] == [(new, True)]


@pytest.mark.parametrize(
    ("ending", "expected_tail"),
    [
        ("  }", "  }\n\nvariable"),  # no line break: the last line gets one and keeps its bytes
        ("  }\n", "  }\n\nvariable"),
        ("  }\n\n\n", "  }\n\n\nvariable"),  # blank lines already there count; none is added
        ("  }\r\n\r\n", "  }\r\n\r\nvariable"),
    ],
)
def test_appending_keeps_the_last_lines_bytes(ending: str, expected_tail: str) -> None:
    """A declaration appended to a file that is not fmt-clean: the file's
    last line (a mis-indented `}`) is not reformatted, and no blank line
    is doubled."""
    path = Path("/m/variables.tf")
    text = 'variable "region" {\n  default = "x"\n' + ending
    if "\r\n" in ending:
        text = text.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    module = TerraformModule.from_texts(path.parent, {path: text})
    out = edits.apply_fix_edits({path: text}, [module.new_file_edit(path, 'variable "v" {\n}\n')])[path]
    nl = "\r\n" if "\r\n" in ending else "\n"
    assert out == text[: text.rindex("  }")] + expected_tail + ' "v" {' + nl + "}" + nl
    empty = Path("/m/empty.tf")
    blank = TerraformModule.from_texts(path.parent, {empty: "\n"})
    assert blank.new_file_edit(empty, "x = 1\n").text == "x = 1\n"


def _brute_non_overlapping(candidates: list[Diagnostic], join: bool) -> list[Diagnostic]:
    """The choice made by comparing every edit with every edit taken."""
    from tffix.engine.run import _inserted_together

    chosen: list[Diagnostic] = []
    taken: list[Edit] = []
    for diag in candidates:
        assert diag.fix is not None
        if not any(
            edit.overlaps(other) and not (join and _inserted_together(edit, other))
            for edit in diag.fix.edits
            for other in taken
        ):
            chosen.append(diag)
            taken.extend(diag.fix.edits)
    return chosen


_spans = st.tuples(st.sampled_from(["a.tf", "b.tf"]), st.integers(0, 30), st.integers(0, 8))
_fixes = st.lists(st.lists(_spans, min_size=1, max_size=3), max_size=12)


@given(_fixes, st.booleans())
def test_fixes_chosen_for_a_pass_are_those_a_full_comparison_chooses(
    fixes: list[list[tuple[str, int, int]]], join: bool
) -> None:
    # the pass compares a new edit only with the taken edits that can reach it (issue 17: thousands of fixes)
    from tffix.engine.run import _non_overlapping

    def finding(edits: list[tuple[str, int, int]]) -> Diagnostic:
        fix = Fix("f", tuple(Edit(Path(p), s, s + n, "x") for p, s, n in edits), Applicability.SAFE)
        return Diagnostic("T1", "t", Severity.WARNING, "m", Path(edits[0][0]), (1, 1), (1, 1), (0, 0), fix)

    candidates = [finding(edits) for edits in fixes]
    assert _non_overlapping(candidates, join=join)[0] == _brute_non_overlapping(candidates, join)


class DeclaresEach(_Base):
    """For each `aN = 1`: `aN = var.aN`, and `variable "aN" {}` at the end of
    the file (every fix inserts at one point); `tail` shapes the declaration."""

    code, name = "TFX906", "declares-each"

    def __init__(
        self,
        tail: Callable[[str], str] = lambda name: f'variable "{name}" {{}}\n',
        declares: Callable[[str], str] = lambda name: name,
        **kw: Any,
    ) -> None:
        super().__init__(**kw)
        self.tail, self.declares = tail, declares

    def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
        for file in module.parsed():
            for item in file.tree.body.items:
                if type(item) is n.Attribute and file.source(item.value) == "1":
                    name = item.name.text
                    edits = [file.replace(item.value, f"var.{name}")]
                    if module.index.declaration("variable", self.declares(name)) is None:
                        edits.append(file.append(self.tail(name)))
                    yield module.diagnostic(self, file, item, name, fix=fix("declare", Applicability.SAFE, *edits))


def test_fixes_inserting_at_one_point_go_in_together() -> None:
    # more than MAX_PASSES fixes, each declaring a variable at the end: one pass
    names = [f"a{i}" for i in range(MAX_PASSES + 4)]
    run = _run(DeclaresEach(), "".join(f"{name} = 1\n" for name in names))
    text = run.texts[D / "main.tf"]
    assert not run.internal_errors and not run.remaining and len(run.applied) == len(names)
    assert all(text.count(f'variable "{name}"') == 1 for name in names)
    assert text.index('variable "a0"') < text.index('variable "a1"')  # in the order of the findings


def test_an_edit_two_fixes_share_is_made_once() -> None:
    run = _run(DeclaresEach(tail=lambda name: 'variable "shared" {}\n'), "a = 1\nb = 1\n")
    assert run.texts[D / "main.tf"].count('variable "shared"') == 1 and len(run.applied) == 2


def test_insertions_that_together_declare_a_name_twice_take_a_pass_each() -> None:
    rule = DeclaresEach(tail=lambda name: f'variable "v" {{\n  default = "{name}"\n}}\n', declares=lambda name: "v")
    run = _run(rule, "a = 1\nb = 1\n")
    text = run.texts[D / "main.tf"]
    # the second pass sees `v` declared by the first and does not declare it again
    assert text.count('variable "v"') == 1 and len(run.applied) == 2 and not run.internal_errors


def test_insertions_that_together_break_the_file_take_a_pass_each() -> None:
    run = _run(DeclaresEach(tail=lambda name: f'y = "{name}"\n'), "a = 1\nb = 1\n")
    text = run.texts[D / "main.tf"]
    # together they set `y` twice: the first goes in alone and is not refused with the second
    assert "a = var.a" in text and text.count("y = ") == 1
    assert [e for e in run.internal_errors if "together" in e or "TFX906" in e and "m/main.tf:1:" in e] == []


def test_a_new_file_beside_insertions_at_one_point() -> None:
    class AlsoCreates(DeclaresEach):
        def check(self, module: TerraformModule) -> Iterator[Diagnostic]:
            yield from super().check(module)
            if (module.directory / "extra.tf") not in module.files:
                file = next(iter(module.parsed()))
                edit = Edit(module.directory / "extra.tf", 0, 0, "z = 2\n", create=True)
                yield module.diagnostic(self, file, file.tree, "new", fix=fix("new", Applicability.SAFE, edit))

    run = _run(AlsoCreates(), "a = 1\nb = 1\n")
    assert run.texts[D / "extra.tf"] == "z = 2\n" and run.texts[D / "main.tf"].count("variable") == 2
