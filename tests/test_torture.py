"""Hand-written nasty files in tests/torture print back byte for byte.

Every fixture was checked with ``terraform fmt``
(v1.0.3); the provider-function fixture is newer syntax than 1.0.3 knows.
Fixtures are written byte-exact (CRLF, BOM, tabs, trailing spaces) and
``tests/torture/.gitattributes`` (``* -text``) keeps git from touching them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tffix import parse_module

TORTURE = Path(__file__).resolve().parent / "torture"
FILES = sorted(p for p in TORTURE.iterdir() if p.is_file() and p.name != ".gitattributes")

# Fixtures Terraform accepts but the parser does not (yet): strict xfail, so a
# fix makes the test fail until the mark is removed.
# Fixture name -> reason, for fixtures that reproduce an open parser bug.
KNOWN_BUGS: dict[str, str] = {}


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _param(path: Path) -> object:
    marks = []
    if path.name in KNOWN_BUGS:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[path.name]))
    return pytest.param(path, id=path.name, marks=marks)


def test_there_are_enough_fixtures() -> None:
    assert len(FILES) >= 25
    assert (TORTURE / ".gitattributes").read_bytes().split() == [b"*", b"-text"]


def test_known_bug_fixtures_exist() -> None:
    names = {p.name for p in FILES}
    assert set(KNOWN_BUGS) <= names


@pytest.mark.parametrize("path", [_param(p) for p in FILES])
def test_fixture_round_trips(path: Path) -> None:
    text = read(path)
    assert parse_module(text).code == text


CRLF_FILES = [p for p in FILES if "crlf" in p.name.lower()]


def test_there_are_crlf_fixtures() -> None:
    assert len(CRLF_FILES) >= 3


@pytest.mark.parametrize("path", CRLF_FILES, ids=[p.name for p in CRLF_FILES])
def test_crlf_fixture_really_has_crlf(path: Path) -> None:
    # a git newline conversion (core.autocrlf, eol=lf) would silently turn
    # these into LF files and the round-trip test would prove nothing
    data = path.read_bytes()
    assert b"\r\n" in data
    if "mixed" not in path.name:
        lone_lf = data.replace(b"\r\n", b"").count(b"\n")
        assert lone_lf == 0, f"{path.name}: {lone_lf} bare LF line endings"


def test_mixed_newline_fixture_has_both() -> None:
    mixed = [p for p in CRLF_FILES if "mixed" in p.name]
    assert mixed
    for path in mixed:
        data = path.read_bytes()
        assert b"\r\n" in data and b"\n" in data.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("utf8_bom.tf", lambda b: b.startswith(b"\xef\xbb\xbf")),
        ("utf8_bom_crlf.tf", lambda b: b.startswith(b"\xef\xbb\xbf") and b"\r\n" in b),
        ("no_final_newline.tf", lambda b: not b.endswith(b"\n")),
        ("ends_in_hash_comment.tf", lambda b: not b.endswith(b"\n") and b.rsplit(b"\n", 1)[1].startswith(b"#")),
        ("ends_in_block_comment.tf", lambda b: b.endswith(b"*/")),
        ("tabs_everywhere.tf", lambda b: b"\t=\t" in b and b"\n\t" in b),
        ("trailing_spaces.tf", lambda b: b"   \n" in b and b"\n\t \n" in b),
    ],
)
def test_fixture_has_the_bytes_it_is_about(name: str, check) -> None:
    assert check((TORTURE / name).read_bytes())


def test_bom_fixture_keeps_bom_on_module() -> None:
    module = parse_module(read(TORTURE / "utf8_bom.tf"))
    assert module.bom == "\ufeff"
    assert module.block("variable", "x") is not None
