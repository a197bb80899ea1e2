"""The module-structure rules (TFX301-TFX306, issue 21): what they read of
child modules on disk and how a cached result learns that a child changed,
the names they suggest, the types an undeclared variable is given, and the
one-block files whose indentation a fix keeps."""

from __future__ import annotations

import datetime
import hashlib
import keyword
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tffix.context.inputs import Inputs
from tffix.context.module import SourceFile, TerraformModule, parse_beyond
from tffix.engine.run import run_module
from tffix.engine.run_data import run_from_data, run_to_data
from tffix.fmt.region import format_lines
from tffix.rules.module_structure import close_names, declarations_visible, local_child
from tffix.settings import Settings

ALL_STRUCTURE = ("TFX301", "TFX302", "TFX303", "TFX304", "TFX305", "TFX306")


def _settings(*select: str, unsafe: bool = False) -> Settings:
    return Settings(select=select or ALL_STRUCTURE, unsafe_fixes=unsafe)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def _check(root: Path, **kwargs: object) -> list[str]:
    texts = {p: p.read_text("utf-8") for p in sorted(root.glob("*.tf"))}
    existing = frozenset(root.iterdir())
    result = run_module(root, texts, _settings(), fix=False, existing=existing, **kwargs)  # type: ignore[arg-type]
    assert not result.internal_errors, result.internal_errors
    return [f"{d.code} {d.message}" for d in result.remaining]


CALL = 'module "net" {\n  source = "./modules/net"\n\n  cidr = "10.0.0.0/16"\n}\n'


# -- child modules ------------------------------------------------------------


def test_a_child_is_read_from_its_folder(tmp_path: Path) -> None:
    _write(tmp_path, {"main.tf": CALL, "modules/net/variables.tf": 'variable "vpc_cidr" {\n  type = string\n}\n'})
    assert _check(tmp_path) == [
        'TFX303 module "net": ./modules/net declares no variable "cidr"; did you mean vpc_cidr?'
    ]


def test_a_child_that_does_not_parse_is_not_judged(tmp_path: Path) -> None:
    _write(tmp_path, {"main.tf": CALL, "modules/net/variables.tf": 'variable "vpc_cidr" {\n'})
    assert _check(tmp_path) == []
    child = local_child(TerraformModule(tmp_path), "./modules/net")
    assert child.found and not child.known


@pytest.mark.parametrize("other", ["variables.tf.json", "variables.tofu", "README.md"])
def test_a_child_with_declarations_tffix_does_not_read_is_not_judged(tmp_path: Path, other: str) -> None:
    files = {"main.tf": CALL, f"modules/net/{other}": "{}\n"}
    if other == "README.md":  # no .tf file at all
        files["modules/net/notes.txt"] = "x\n"
    _write(tmp_path, files)
    assert _check(tmp_path) == []


def test_a_missing_child_folder_is_reported_once(tmp_path: Path) -> None:
    _write(tmp_path, {"main.tf": CALL})
    assert _check(tmp_path) == ['TFX303 module "net": source "./modules/net" names no folder: nothing to call']


def test_override_files_of_the_child_may_give_defaults(tmp_path: Path) -> None:
    _write(tmp_path, {
        "main.tf": 'module "net" {\n  source = "./modules/net"\n}\n',
        "modules/net/variables.tf": 'variable "vpc_cidr" {\n  type = string\n}\n',
        "modules/net/variables_override.tf": 'variable "vpc_cidr" {\n  default = "10.0.0.0/16"\n}\n',
    })  # fmt: skip
    assert _check(tmp_path) == []


def test_a_child_file_without_declarations_is_not_parsed(tmp_path: Path) -> None:
    """Most of a child's bytes are its resources: a file with no line that
    could start a variable or output block is skipped (even a broken one)."""
    _write(tmp_path, {
        "main.tf": 'module "net" {\n  source = "./modules/net"\n  name   = "x"\n}\n',
        "modules/net/main.tf": 'resource "aws_vpc" "this" {\n  cidr_block = ',
        "modules/net/variables.tf": 'variable "name" {\n  type = string\n}\n',
    })  # fmt: skip
    assert _check(tmp_path) == []


def test_the_result_cache_learns_that_a_child_changed(tmp_path: Path) -> None:
    _write(tmp_path, {"main.tf": CALL, "modules/net/variables.tf": 'variable "cidr" {\n  type = string\n}\n'})
    texts = {tmp_path / "main.tf": CALL}
    result = run_module(tmp_path, texts, _settings(), fix=False, existing=frozenset(texts))
    assert result.remaining == []
    inputs = run_from_data(run_to_data(result)).inputs  # as the cache stores it
    assert (tmp_path / "modules/net") in inputs.listings
    today = datetime.date.today()
    assert inputs.hold(today)
    _write(tmp_path, {"modules/net/more.tf": 'variable "name" {\n  type = string\n}\n'})  # a new required input
    assert not inputs.hold(today)
    again = run_module(tmp_path, texts, _settings(), fix=False, existing=frozenset(texts))
    assert [d.message for d in again.remaining] == ['module "net": required input name of ./modules/net not set']


def test_a_folder_listing_is_recorded_even_when_missing(tmp_path: Path) -> None:
    inputs = Inputs()
    assert inputs.list_dir(tmp_path / "nope") is None
    assert inputs.listings == {tmp_path / "nope": None}
    assert inputs.hold(inputs.today)
    (tmp_path / "nope").mkdir()
    assert not inputs.hold(inputs.today)


# -- what the rules see of the module ------------------------------------------


def test_declarations_in_files_tffix_does_not_read_silence_the_undeclared_rules(tmp_path: Path) -> None:
    _write(tmp_path, {"main.tf": 'output "x" {\n  value = "${var.a}-${local.b}"\n}\n'})
    assert sorted(_check(tmp_path)) == [
        'TFX301 var.a is not declared: no variable "a" block',
        "TFX302 local.b is not declared: no local value of that name",
    ]
    _write(tmp_path, {"locals.tf.json": '{"locals": {"b": 1}, "variable": {"a": {}}}\n'})
    assert _check(tmp_path) == []
    module = TerraformModule(tmp_path, existing=frozenset(tmp_path.iterdir()))
    assert not declarations_visible(module)


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        ("regin", ["region", "zone"], ["region"]),
        ("Region", ["region"], ["region"]),
        ("vpc-id", ["vpc_id"], ["vpc_id"]),
        ("account_name", ["storage_account_name", "sku"], ["storage_account_name"]),
        ("storage_account_name", ["account_name"], ["account_name"]),
        ("cidr", ["vpc_cidr_block", "name"], []),
        ("x", ["x"], []),
    ],
)
def test_close_names(name: str, candidates: list[str], expected: list[str]) -> None:
    assert close_names(name, candidates) == expected


def _declared(text: str) -> str:
    result = run_module(
        Path("m"),
        {Path("m/main.tf"): text},
        _settings("TFX301", unsafe=True),
        fix=True,
        existing=frozenset({Path("m/main.tf")}),
    )
    assert not result.internal_errors, result.internal_errors
    fixed = result.texts[Path("m/main.tf")]
    return fixed[fixed.index('variable "x"') :]


@pytest.mark.parametrize(
    ("use", "kind"),
    [
        ('name = "${var.x}-logs"', "string"),
        ("count = var.x", "number"),
        ("enabled = var.x ? 1 : 0", "bool"),
        ("enabled = !var.x", "bool"),
        ("size = var.x * 2", "number"),
        ("for_each = toset(var.x)", "list(string)"),
        ("name = var.x", "any"),
        ('name = "${var.x}"', "any"),
        ("name = var.x.name", "any"),
        ("name = var.x[0]", "any"),
    ],
)
def test_an_undeclared_variable_is_typed_from_its_use(use: str, kind: str) -> None:
    text = f'variable "y" {{\n  type = string\n}}\n\nresource "t" "r" {{\n  {use}\n}}\n'
    assert _declared(text) == f'variable "x" {{\n  type = {kind}\n}}\n'


def test_uses_that_disagree_leave_the_type_open() -> None:
    text = 'variable "y" {\n  type = string\n}\n\nresource "t" "r" {\n  count = var.x\n  name  = "${var.x}-a"\n}\n'
    assert _declared(text) == 'variable "x" {\n  type = any\n}\n'


_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda s: s not in {"true", "false", "null", "for", "in", "if"} and not keyword.iskeyword(s)
)


@given(_NAMES)
def test_declaring_an_undeclared_variable_leaves_nothing_to_report(name: str) -> None:
    text = f'resource "aws_s3_bucket" "b" {{\n  bucket = "${{var.{name}}}-logs"\n}}\n'
    path = Path("m/main.tf")
    result = run_module(Path("m"), {path: text}, _settings("TFX301", unsafe=True), fix=True, existing=frozenset({path}))
    assert not result.internal_errors
    assert result.remaining == []
    assert len(result.applied) == 1
    texts = {p: t for p, t in result.texts.items()}
    again = run_module(Path("m"), texts, _settings("TFX301"), fix=False, existing=frozenset(texts))
    assert again.remaining == []


# -- fixes in one-block files keep the file's indentation ------------------------


@pytest.mark.parametrize("unit", ["\t", "    "])
def test_a_fix_that_lays_out_every_nested_line_keeps_the_files_unit(unit: str) -> None:
    text = f'module "m" {{\n{unit}source     = "./m"\n{unit}project_id = "p"\n}}\n'
    removed = text.replace(f'{unit}source     = "./m"\n', "")
    assert format_lines(removed, [2], own_style=True) == f'module "m" {{\n{unit}project_id = "p"\n}}\n'


# -- what the child reading costs -------------------------------------------------


def test_a_tree_parsed_beyond_the_module_is_handed_to_its_own_run_once(tmp_path: Path) -> None:
    text = 'variable "x" {\n  type = string\n}\n'
    path = tmp_path / "variables.tf"
    tree = parse_beyond(path, text)
    first = SourceFile.parse(path, text)
    assert first.tree is tree
    second = SourceFile.parse(path, text)  # never two files with one tree
    assert second.tree is not None and second.tree is not tree
    assert second.tree.code == text


def test_inputs_digest_is_recorded_and_follows_changes(tmp_path: Path) -> None:
    path = tmp_path / "variables.tf"
    path.write_bytes(b'variable "x" {}\n')
    inputs = Inputs()
    first = inputs.digest(path)
    assert first == hashlib.sha256(b'variable "x" {}\n').hexdigest()
    assert inputs.digests == {path: first}
    assert Inputs().digest(path) == first  # known by size and mtime: not read again, still recorded
    path.write_bytes(b'variable "x" {\n  type = string\n}\n')
    again = Inputs()
    assert again.digest(path) == hashlib.sha256(path.read_bytes()).hexdigest() != first
    path.unlink()
    gone = Inputs()
    assert gone.digest(path) is None
    assert gone.digests == {path: None}


# -- lone buffers ---------------------------------------------------------------

LONE = 'module "net" {\n  source = "./modules/net"\n}\n\noutput "x" {\n  value = "${var.region}-${local.name}"\n}\n'


def test_a_lone_buffer_gets_no_finding_about_what_its_module_declares(tmp_path: Path) -> None:
    """An untitled editor document or stdin without a name: the rest of its
    module is unknown, so nothing is undeclared and no child folder is missing."""
    path = tmp_path / "main.tf"
    codes = ALL_STRUCTURE + ("TFX307",)
    lone = run_module(tmp_path, {path: LONE}, _settings(*codes), fix=False, lone=True)
    assert [d.code for d in lone.remaining] == []
    known = run_module(tmp_path, {path: LONE}, _settings(*codes), fix=False)
    assert sorted(d.code for d in known.remaining) == ["TFX301", "TFX302", "TFX303"]


def test_stdin_without_a_name_is_a_lone_buffer(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tffix.cli import main

    runner = CliRunner()
    (tmp_path / "main.tf").write_text(LONE, "utf-8")
    unnamed = runner.invoke(main, ["check", "--no-cache", "--output-format", "concise", "-"], input=LONE)
    assert "TFX301" not in unnamed.output and "TFX303" not in unnamed.output, unnamed.output
    named = runner.invoke(
        main,
        ["check", "--no-cache", "--output-format", "concise", "--stdin-filename", str(tmp_path / "main.tf"), "-"],
        input=LONE,
    )
    assert "TFX301 var.region is not declared" in named.output, named.output
    assert "TFX303" in named.output
