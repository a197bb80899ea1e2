"""The apply loop's guarantees, with small rules made to misbehave."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tffix.engine.edits import splice, touched_lines
from tffix.engine.module import TerraformModule, fix
from tffix.engine.run import MAX_PASSES, run_module
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


def _run(rule: Rule, text: str = "x = 1\n", **kwargs) -> object:
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
