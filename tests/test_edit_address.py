"""The address language of ``tffix edit``: what each form parses to, and
where a malformed address is reported."""

from __future__ import annotations

import pytest

from tffix.edit.address import KINDS, AddressError, All, Filter, Key, Name, Position, parse_address


@pytest.mark.parametrize(
    ("text", "block", "labels", "local"),
    [
        ("aws_s3_bucket.logs", "resource", ("aws_s3_bucket", "logs"), None),
        ("resource.aws_s3_bucket.logs", "resource", ("aws_s3_bucket", "logs"), None),
        ("data.aws_iam_policy_document.x", "data", ("aws_iam_policy_document", "x"), None),
        ("module.vpc", "module", ("vpc",), None),
        ("variable.region", "variable", ("region",), None),
        ("var.region", "variable", ("region",), None),
        ("output.id", "output", ("id",), None),
        ("locals.name", "locals", (), "name"),
        ("local.name", "locals", (), "name"),
        ("locals", "locals", (), None),
        ("provider.aws", "provider", ("aws",), None),
        ("terraform", "terraform", (), None),
        ("moved", "moved", (), None),
        ("import", "import", (), None),
        ("aws_instance.*", "resource", ("aws_instance", None), None),
        ("module.*", "module", (None,), None),
        ("*.web", "resource", (None, "web"), None),
        ("*", "resource", (None, None), None),
    ],
)
def test_top_level_forms(text: str, block: str, labels: tuple[str | None, ...], local: str | None) -> None:
    address = parse_address(text)
    assert (address.top.kind.block, address.top.labels, address.top.local, address.steps) == (block, labels, local, ())


def test_steps() -> None:
    address = parse_address(
        'aws_s3_bucket.b.rule[id="expire"].x[0]["a \\"b\\""][*].*.y[n=3][on=true][to=aws_s3_bucket.c]'
    )
    assert [type(s) for s in address.steps] == [
        Name,
        Filter,
        Name,
        Position,
        Key,
        All,
        All,
        Name,
        Filter,
        Filter,
        Filter,
    ]
    rule, expire, _, zero, key, star, dot_star, _, number, flag, bare = address.steps
    assert rule == Name("rule", 17)
    assert (expire.attribute, expire.value, expire.bare) == ("id", "expire", False)
    assert zero == Position(0, 36)
    assert key.key == 'a "b"'
    assert not star.dot and dot_star.dot
    assert (number.value, flag.value, bare.value, bare.bare) == (3, True, "aws_s3_bucket.c", True)
    assert address.has_wildcard


def test_terraform_steps_and_no_wildcard() -> None:
    address = parse_address('terraform.required_providers.aws["version"]')
    assert address.steps == (Name("required_providers", 11), Name("aws", 30), Key("version", 33))
    assert not address.has_wildcard


def test_every_keyword_is_a_kind() -> None:
    for keyword, kind in KINDS.items():
        labels = ".x" * kind.labels
        assert parse_address(keyword + labels).top.kind is kind


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("", 1, "empty address"),
        (" aws_instance.web", 1, "no spaces"),
        ("aws_instance", 13, "is a resource type"),
        ("aws_instance.web[0", 19, "expected `]`"),
        ("aws_instance.web.", 18, "expected a name after `.`"),
        ("aws_instance.web[", 18, "expected an index"),
        ('aws_instance.web["a', 18, "unterminated string"),
        ("aws_instance.web[-1]", 18, "whole number"),
        ("aws_instance.web[1.5]", 18, "whole number"),
        ("aws_instance.web[id]", 20, "expected `=` after `id`"),
        ("aws_instance.web[id=]", 21, "expected a value"),
        ("aws_instance.web x", 17, "expected `.` or `[`"),
        ("9lives.x", 1, "expected a block type"),
        ('aws_instance.web["\\n"]', 20, "escapes"),
    ],
)
def test_malformed_addresses(text: str, column: int, message: str) -> None:
    with pytest.raises(AddressError) as caught:
        parse_address(text)
    assert caught.value.column == column
    assert message in caught.value.message
    assert caught.value.render().splitlines()[2].index("^") == column + 1  # under the column, after the indent
