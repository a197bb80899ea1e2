"""``tffix rename`` beside its golden cases: the address and version-constraint
readers, writing every file or none, buffers standing in for files, and the
command line's contract (one line and exit 2 on every refusal)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from tffix.cli import main
from tffix.refactor import Address, AddressError, RenameError, parse_address, plan_rename, symbol_at
from tffix.refactor.versions import ConstraintError, admits

MAIN = (
    'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n\noutput "arn" {\n  value = aws_s3_bucket.logs.arn\n}\n'
)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("aws_s3_bucket.logs", Address("resource", "logs", "aws_s3_bucket")),
        ("resource.aws_s3_bucket.logs", Address("resource", "logs", "aws_s3_bucket")),
        ("data.aws_ami.ubuntu", Address("data", "ubuntu", "aws_ami")),
        ("module.vpc", Address("module", "vpc")),
        ("var.region", Address("variable", "region")),
        ("variable.region", Address("variable", "region")),
        ("local.tags", Address("local", "tags")),
        ("locals.tags", Address("local", "tags")),
        ("output.arn", Address("output", "arn")),
    ],
)
def test_addresses_read_and_print_back(text: str, address: Address) -> None:
    assert parse_address(text) == address
    assert parse_address(str(address)) == address
    assert parse_address("other", like=address) == address.with_name("other")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("logs", "is not an address"),
        ("module.vpc.x", "a module address is `module.NAME`"),
        ("data.aws_ami", "a data source address is `data.TYPE.NAME`"),
        ("a.b.c", "is not an address of something a module declares"),
        ("var.1x", "`1x` in `var.1x` is not a valid name"),
        ("var.", "is not an address"),
    ],
)
def test_bad_addresses_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(AddressError, match=message.replace(".", r"\.").replace("`", "`")):
        parse_address(text)


@pytest.mark.parametrize(
    ("constraints", "expected"),
    [
        (["~> 1.0.0"], False),
        (["~> 1.0"], True),
        (["~> 0.14"], False),
        (["~> 1"], True),
        (["< 1.1"], False),
        ([">= 0.12, < 1.1.0"], False),
        ([">= 0.12, <= 1.1.0"], True),
        (["= 1.0.11"], False),
        (["1.5.7"], True),
        ([">= 1.1.0-beta1"], True),
        (["!= 1.1.0, ~> 1.1.0"], True),
        ([">= 0.13", "< 1.1"], False),  # several required_version settings must all hold
        ([">= 0.13", "< 1.2"], True),
        ([], True),
    ],
)
def test_version_constraints_admit_terraform_1_1_or_not(constraints: list[str], expected: bool) -> None:
    assert admits(constraints, (1, 1, 0)) is expected


def test_a_constraint_terraform_would_not_read_is_refused() -> None:
    with pytest.raises(ConstraintError, match="`>= one` is not a version constraint"):
        admits([">= one"], (1, 1, 0))


def test_buffers_stand_in_for_files(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("# on disk\n", "utf-8")
    plan = plan_rename(tmp_path, "aws_s3_bucket.logs", "access_logs", buffers={tmp_path / "main.tf": MAIN})
    by_name = {c.path.name: c for c in plan.changes}
    assert by_name["main.tf"].original == MAIN
    assert by_name["main.tf"].text == MAIN.replace('logs" {', 'access_logs" {').replace(".logs.", ".access_logs.")
    assert by_name["moved.tf"].original is None
    assert (tmp_path / "main.tf").read_text("utf-8") == "# on disk\n"


def test_a_parse_error_stops_the_rename_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")
    (tmp_path / "broken.tf").write_text("a = \n", "utf-8")
    with pytest.raises(RenameError, match=r"broken\.tf:1:5: "):
        plan_rename(tmp_path, "aws_s3_bucket.logs", "access_logs")


def test_an_unreadable_required_version_is_refused(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN + 'terraform {\n  required_version = ">= ${1}"\n}\n', "utf-8")
    with pytest.raises(RenameError, match="not a plain string"):
        plan_rename(tmp_path, "aws_s3_bucket.logs", "access_logs")
    assert plan_rename(tmp_path, "aws_s3_bucket.logs", "access_logs", moved=False).moved_file is None


def test_moved_file_must_be_a_tf_file_of_the_module(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")
    for bad in ("moved.hcl", "sub/moved.tf"):
        with pytest.raises(RenameError, match="--moved-file"):
            plan_rename(tmp_path, "aws_s3_bucket.logs", "access_logs", moved_file=bad)


def test_a_data_source_variable_or_output_gets_no_moved_block(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN + 'variable "x" {}\n\ndata "aws_ami" "a" {}\n', "utf-8")
    for old, new in (("data.aws_ami.a", "b"), ("var.x", "y"), ("output.arn", "bucket_arn")):
        plan = plan_rename(tmp_path, old, new)
        assert plan.moved_file is None and [c.path.name for c in plan.changes] == ["main.tf"]


# -- the command line -------------------------------------------------------


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["rename", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_nothing_is_written_when_one_file_is_read_only(tmp_path: Path) -> None:
    """(A read-only file is refused by its owner's write bit, for the superuser too.)"""
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")
    locked = tmp_path / "outputs.tf"
    locked.write_text('output "logs" {\n  value = aws_s3_bucket.logs.id\n}\n', "utf-8")
    locked.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        code, _, err = _invoke("aws_s3_bucket.logs", "access_logs", str(tmp_path))
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert code == 2
    assert "outputs.tf: not written: it is read-only" in err and "nothing was written" in err
    assert (tmp_path / "main.tf").read_text("utf-8") == MAIN and not (tmp_path / "moved.tf").exists()


def test_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")
    cases = [
        (("aws_s3_bucket.logs", "access_logs", str(tmp_path / "missing")), "missing: no such file or folder\n"),
        (("aws_s3_bucket.log", "x", str(tmp_path)), "did you mean `aws_s3_bucket.logs`?\n"),
        (("aws_s3_bucket.logs", "logs", str(tmp_path)), "`aws_s3_bucket.logs` already has that name\n"),
        (
            ("aws_s3_bucket.logs", "x", str(tmp_path), "--moved-file", "m.txt"),
            "give the name of a .tf file in the module\n",
        ),
    ]
    for args, ending in cases:
        code, out, err = _invoke(*args)
        assert code == 2 and out == "" and err.count("\n") == 1 and err.endswith(ending), (args, err)


def test_a_file_stands_for_its_folder_and_folders_are_renamed_together(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(MAIN, "utf-8")
    code, out, _ = _invoke("aws_s3_bucket.logs", "access_logs", str(tmp_path / "a" / "main.tf"), str(tmp_path / "b"))
    assert code == 0 and out.count("renamed aws_s3_bucket.logs to aws_s3_bucket.access_logs: 2 files changed") == 2
    for name in ("a", "b"):
        assert 'resource "aws_s3_bucket" "access_logs"' in (tmp_path / name / "main.tf").read_text("utf-8")
        assert (tmp_path / name / "moved.tf").exists()


def test_dry_run_prints_the_diff_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")
    code, out, _ = _invoke("aws_s3_bucket.logs", "access_logs", str(tmp_path), "--diff")
    assert code == 1
    assert '+resource "aws_s3_bucket" "access_logs" {' in out and "--- /dev/null" in out
    assert (tmp_path / "main.tf").read_text("utf-8") == MAIN and not (tmp_path / "moved.tf").exists()


def test_symbol_at_finds_labels_local_names_and_references(tmp_path: Path) -> None:
    text = (
        'locals {\n  tags = { a = 1 }\n}\n\ndata "aws_ami" "ubuntu" {}\n\n'
        'output "ami" {\n  value = [data.aws_ami.ubuntu.id, local.tags, var.region]\n}\n\nvariable "region" {}\n'
    )
    (tmp_path / "main.tf").write_text(text, "utf-8")

    def at(needle: str, shift: int = 0) -> tuple[str, str] | None:
        symbol = symbol_at(tmp_path / "main.tf", text.index(needle) + shift)
        return None if symbol is None else (str(symbol.address), text[symbol.start : symbol.end])

    assert at("tags =") == ("local.tags", "tags")
    assert at('"ubuntu"', 1) == ("data.aws_ami.ubuntu", "ubuntu")
    assert at('"ami" {', 2) == ("output.ami", "ami")
    assert at("data.aws_ami.ubuntu.id", 2) == ("data.aws_ami.ubuntu", "ubuntu")  # anywhere on the reference
    assert at("local.tags,", 8) == ("local.tags", "tags")
    assert at("var.region") == ("var.region", "region")
    assert at('"region" {', 3) == ("var.region", "region")
    assert at("a = 1") is None and at("value") is None
    assert symbol_at(tmp_path / "terraform.tfvars", 0) is None


def test_symbol_at_in_a_caller_names_the_called_modules_variable_or_output(tmp_path: Path) -> None:
    child = tmp_path / "modules" / "app"
    child.mkdir(parents=True)
    (child / "main.tf").write_text('variable "region" {}\n\noutput "id" {\n  value = var.region\n}\n', "utf-8")
    text = (
        'module "app" {\n  source = "./modules/app"\n  region = "eu-west-1"\n  count  = 2\n}\n\n'
        'module "remote" {\n  source = "acme/app/aws"\n  region = "x"\n}\n\n'
        'output "ids" {\n  value = module.app[0].id\n}\n'
    )
    (tmp_path / "main.tf").write_text(text, "utf-8")

    def at(needle: str, shift: int = 0) -> tuple[str, str, Path] | None:
        symbol = symbol_at(tmp_path / "main.tf", text.index(needle) + shift)
        return None if symbol is None else (str(symbol.address), text[symbol.start : symbol.end], symbol.directory)

    assert at("region =") == ("var.region", "region", tmp_path / "modules/app")
    assert at("].id", 2) == ("output.id", "id", tmp_path / "modules/app")
    assert at("module.app[0]", 8) == ("module.app", "app", tmp_path)
    assert at("count") is None  # a module block's own argument
    assert at('region = "x"') is None  # a registry module: not ours to rename


def test_an_internal_error_is_one_line_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tffix.cli.rename as command

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(command, "plan_rename", broken)
    (tmp_path / "main.tf").write_text(MAIN, "utf-8")
    code, out, err = _invoke("aws_s3_bucket.logs", "x", str(tmp_path))
    assert (code, out, err) == (2, "", "tffix rename: internal error: KeyError: 'boom'\n")
