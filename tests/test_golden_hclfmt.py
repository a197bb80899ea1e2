"""Golden cases for HCL files that are not Terraform's (terragrunt.hcl, Packer's
.pkr.hcl, Nomad's .nomad.hcl): golden/hclfmt/<case>.before.hcl -> <case>.after.hcl,
auto-discovered. `.after.hcl` is what hclwrite's `Format` writes (as `terragrunt
hclfmt`, `packer fmt` and `nomad fmt` do): the npm package @cdktf/hcl-tools, its
WebAssembly build, is the oracle, as the terraform binary is for golden/fmt. A
missing `.after.hcl` means "unchanged"; `<case>.tffix.hcl` is a documented
deviation (golden/hclfmt/README.md).

TFFIX_UPDATE_GOLDEN=1 rewrites each `.after.hcl` from the oracle, for review
with `git diff` (refused under CI).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import ROOT, corpus_files, run_cli
from oracles import hclwrite_format

from tffix.files import terraform_file
from tffix.fmt import format_source
from tffix.syntax import ParseError

GOLDEN = ROOT / "golden" / "hclfmt"
CASES = sorted(p.name[: -len(".before.hcl")] for p in GOLDEN.glob("*.before.hcl"))
FMT_GOLDEN = ROOT / "golden" / "fmt"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _expected(case: str) -> str:
    """What hclwrite writes for the case."""
    after = GOLDEN / f"{case}.after.hcl"
    return _read(after) if after.exists() else _read(GOLDEN / f"{case}.before.hcl")


def _ours(case: str) -> str:
    """What tffix writes for the case: hclwrite's, or the deviation's file."""
    deviation = GOLDEN / f"{case}.tffix.hcl"
    return _read(deviation) if deviation.exists() else _expected(case)


@functools.cache
def _oracle_cases() -> dict[str, str | None]:
    """hclwrite's result for every case, from one node process per test process."""
    return dict(zip(CASES, hclwrite_format([_read(GOLDEN / f"{case}.before.hcl") for case in CASES])))


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: str) -> None:
    before = _read(GOLDEN / f"{case}.before.hcl")
    got = format_source(before, filename=f"{case}.hcl", terraform=False)
    assert got == _ours(case)
    assert format_source(got, terraform=False) == got


@pytest.mark.hcl_tools
@pytest.mark.parametrize("case", CASES)
def test_golden_after_is_what_hclwrite_writes(case: str, update_golden: bool) -> None:
    before = _read(GOLDEN / f"{case}.before.hcl")
    theirs = _oracle_cases()[case]
    assert theirs is not None
    if update_golden and theirs != before:
        (GOLDEN / f"{case}.after.hcl").write_bytes(theirs.encode("utf-8"))
    assert theirs == _expected(case)
    if (GOLDEN / f"{case}.tffix.hcl").exists():
        assert _ours(case) != theirs, "not a deviation any more: delete the .tffix.hcl file"


def test_terraforms_rewrites_are_left_to_terraform_files() -> None:
    """The cases that pin the difference: Terraform would rewrite them."""
    for case in ("interpolation_only_strings_stay", "legacy_type_strings_stay", "labels_unquoted_stay_unquoted"):
        before = _read(GOLDEN / f"{case}.before.hcl")
        assert format_source(before, terraform=True) != _expected(case), case


@pytest.mark.parametrize(
    ("name", "terraform"),
    [
        ("terragrunt.hcl", False),
        ("live/prod/terragrunt.hcl", False),
        ("ubuntu.pkr.hcl", False),
        ("vars.pkrvars.hcl", False),
        ("web.nomad.hcl", False),
        ("main.tf", True),
        ("terraform.tfvars", True),
        ("x.tftest.hcl", True),
        ("x.tfmock.hcl", True),
        ("x.tfquery.hcl", True),
        ("<stdin>", True),
    ],
)
def test_which_files_get_terraforms_rewrites(name: str, terraform: bool) -> None:
    assert terraform_file(name) is terraform
    assert terraform_file(Path(name)) is terraform


def test_tffix_fmt_formats_hcl_files_in_folders_and_by_name(tmp_path: Path) -> None:
    for case in CASES:
        (tmp_path / "live" / case).mkdir(parents=True)
        (tmp_path / "live" / case / "terragrunt.hcl").write_bytes((GOLDEN / f"{case}.before.hcl").read_bytes())
    result = run_cli("fmt", "--recursive", str(tmp_path))
    assert result.exit_code == 0, result.output
    for case in CASES:
        assert _read(tmp_path / "live" / case / "terragrunt.hcl") == _ours(case), case
    named = tmp_path / "web.nomad.hcl"
    named.write_text('a = "${x}"\n')
    assert run_cli("fmt", "--check", str(named)).exit_code == 0  # nothing to change: no unwrapping
    result = run_cli("fmt", "--stdin-filename", "terragrunt.hcl", "-", stdin='a="${x}"\n')
    assert result.exit_code == 0 and result.output == 'a = "${x}"\n'
    assert run_cli("fmt", "-", stdin='a="${x}"\n').output == "a = x\n"  # standard input is a .tf file


@pytest.mark.hcl_tools
def test_terraform_golden_inputs_without_rewrites_are_hclwrites() -> None:
    """Every golden/fmt input, formatted without Terraform's rewrites, is what
    hclwrite writes: the layout passes agree with hclwrite on all of them."""
    cases = sorted(FMT_GOLDEN.glob("*.before.tf"))
    texts = [_read(p) for p in cases]
    differ = [
        p.name
        for p, text, theirs in zip(cases, texts, hclwrite_format(texts))
        if format_source(text, terraform=False) != theirs
    ]
    assert len(cases) >= 100 and not differ, differ


@pytest.mark.corpus
@pytest.mark.hcl_tools
def test_corpus_without_rewrites_is_hclwrites() -> None:
    """Every corpus file tffix parses, formatted without Terraform's rewrites,
    is byte for byte what hclwrite writes. The oracle's hclwrite (v2.19)
    predates provider-defined functions and splits ``provider::a::f`` into
    ``provider : : a : : f``, which does not parse; tffix keeps them whole
    (golden/hclfmt/provider_function_kept)."""
    names, texts, ours = [], [], []
    for path in corpus_files("dev") + corpus_files("dev-unformatted") + corpus_files("rough"):
        try:
            text = _read(path)
            result = format_source(text, terraform=False)
        except (UnicodeDecodeError, ParseError):
            continue  # hclwrite formats what does not parse; the tools it stands for refuse it
        names.append(path)
        texts.append(text)
        ours.append(result)
    differ = [
        str(path)
        for path, mine, theirs in zip(names, ours, hclwrite_format(texts))
        if mine != theirs and (theirs or "").replace(" : : ", "::") != mine
    ]
    assert len(names) >= 1000 and not differ, differ
