"""The placeholder detector (TFX103's, widened for TFX120): precision first.
Real-looking ids and names stay silent; textbook dummies are found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tffix.api import placeholder

REAL = [
    "ami-0c55b159cbfafe1f0", "ami-09d56f8956ab235b3", "ami-1a2b3c4d", "sg-0f9e8d7c6b5a43210", "sg-1a2b3c4d",
    "subnet-0a1b2c3d4e5f67890", "vpc-0e5f3a2b1c9d87654", "i-0b22a22eec53b9321", "arn:aws:iam::493827160532:role/app",
    "arn:aws:sns:us-east-1:210987654320:alerts", "acme-replacement-parts", "exchange-messages", "yourself-app",
    "todolist-api", "Todo", "boxxer", "max-xx-size", "app.acme.io", "example-app", "examples.acme.com",
    "t3.micro", "10.0.0.0/16", "us-east-1", "projects/acme-prod/global/networks/main", "<html>", "a < b > c",
    "2024-01-01T00:00:00Z", "arn:aws:iam::aws:policy/ReadOnlyAccess", "1234567", "9876543210987",
]  # fmt: skip
FAKE = [
    ("ami-12345678", "ami"), ("ami-0abcdef1234567890", "ami"), ("ami-0123456789abcdef0", "ami"),
    ("sg-12345678", "sg"), ("subnet-00000000", "subnet"), ("vpc-xxxxxxxx", "xxxx"), ("123456789012", "account"),
    ("arn:aws:iam::123456789012:role/x", "account"), ("111111111111", "account"), ("<bucket-name>", "placeholder"),
    ("<ACCOUNT_ID>", "placeholder"), ("REPLACE_ME", "placeholder"), ("change-me", "placeholder"),
    ("your-bucket-name", "placeholder"), ("my_your_value", "placeholder"), ("TODO", "to-do"),
    ("xxxx-xxxx", "xxxx"), ("TBD", "to-do"),
]  # fmt: skip


@pytest.mark.parametrize("text", REAL)
def test_real_looking_values_are_not_placeholders(text: str) -> None:
    assert placeholder(text, "value") is None


@pytest.mark.parametrize(("text", "why"), FAKE)
def test_textbook_dummies_are_placeholders(text: str, why: str) -> None:
    found = placeholder(text, "value")
    assert found is not None and why.split()[0] in found


@pytest.mark.parametrize("argument", ["domain_name", "zone_name", "fqdn", "hostname", "domain"])
def test_example_domains_only_where_a_domain_is_expected(argument: str) -> None:
    assert placeholder("app.example.com", argument) == "an example domain"
    assert placeholder("app.example.com", "url") is None
    assert placeholder("example.com", "name", domain=True) == "an example domain"
    assert placeholder("example.company.io", argument) is None


@given(st.from_regex(r"(ami|sg|subnet|vpc)-0[0-9a-f]{16}", fullmatch=True))
def test_random_17_digit_ids_are_real_unless_a_textbook_sequence(text: str) -> None:
    digits = text.split("-", 1)[1]
    textbook = len(set(digits)) == 1 or digits in ("0123456789abcdef0", "0abcdef1234567890")
    assert (placeholder(text) is not None) == textbook
