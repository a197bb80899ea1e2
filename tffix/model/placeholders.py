"""Values that stand for "fill this in": the detector TFX103 uses in backend
blocks, widened for every argument (TFX120).

Precision comes first: a real-looking id is never a placeholder. An id is
fake only when its digits are a textbook sequence (``ami-12345678``,
``sg-0123456789abcdef0``, ``ami-0abcdef1234567890``) or one repeated
character (``subnet-00000000``); an account id only when it is
``123456789012`` or twelve equal digits. Words are matched whole:
``acme-replacement`` is a name, ``REPLACE_ME`` is not.
"""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDER_WORDS", "placeholder"]

#: the backend rule's words: REPLACE_ME, CHANGE_ME, <anything>, your-...
PLACEHOLDER_WORDS = re.compile(
    r"(?<![a-z0-9])(replace[_-]?me|change[_-]?me)(?![a-z])|<[^<>]+>|(^|[^a-z])your[-_]", re.IGNORECASE
)
_WORDS = re.compile(
    r"(?<![a-z0-9])(replace[_-]?me|change[_-]?me|fill[_-]?me[_-]?in|insert[_-]here)(?![a-z])|(^|[^a-z])your[-_]",
    re.IGNORECASE,
)
#: an angle-bracket hole that reads as a name: <bucket-name>, <ACCOUNT_ID>, <your bucket>
#: (not <html> or <br/>, which templates hold)
_HOLE = re.compile(r"<(?=[^<>]*(?:[-_ ]|your|[A-Z]{2}))[A-Za-z][A-Za-z0-9 _.-]*>")
_XS = re.compile(r"(?<![a-wyz0-9])x{4,}(?![a-wyz])", re.IGNORECASE)
_TODO = re.compile(r"(?<![A-Za-z])(TODO|FIXME|TBD)(?![A-Za-z])")
#: AWS resource ids: prefix, then 8 or 17 hex digits
_AWS_ID = re.compile(
    r"(?<![a-z0-9-])(ami|sg|subnet|vpc|igw|rtb|nat|eni|vol|snap|i|lt|acl|pcx|tgw|vpce|eipalloc|key)-([0-9a-f]{8}|[0-9a-f]{17})(?![0-9a-z])"
)
_ACCOUNT = re.compile(r"(?<![0-9A-Za-z])([0-9]{12})(?![0-9A-Za-z])")
#: hex strings no generator produces but every tutorial writes
_SEQUENCES = (
    "0123456789abcdef" * 2, "1234567890abcdef" * 2, "123456789abcdef0" * 2, "abcdef0123456789" * 2,
    "fedcba9876543210" * 2, "9876543210fedcba" * 2, "87654321",
)  # fmt: skip
_FAKE_HEX = frozenset({"0abcdef1234567890", "deadbeef", "abcd1234", "abcdef12", "12345678abcdef012"})
_FAKE_ACCOUNTS = frozenset({"123456789012", "012345678901", "210987654321"})
_EXAMPLE_DOMAIN = re.compile(r"(^|[.@])example\.(com|org|net)\.?$", re.IGNORECASE)
#: arguments whose value is a DNS name
_DOMAIN_ARGUMENTS = re.compile(r"(^|_)(domain|domains|fqdn|hostname|zone_name|server_name|dns_name)(_|$)")


def _fake_hex(text: str) -> bool:
    return text in _FAKE_HEX or len(set(text)) == 1 or any(seq.startswith(text) for seq in _SEQUENCES)


def _fake_account(text: str) -> bool:
    return text in _FAKE_ACCOUNTS or len(set(text)) == 1


def placeholder(text: str, argument: str = "", *, domain: bool = False) -> str | None:
    """What makes ``text`` a placeholder, for a message; None when it is not.
    ``argument`` (its name) and ``domain`` (the value is known to be a DNS
    name) let ``example.com`` count where a domain is expected."""
    if _WORDS.search(text) or _HOLE.search(text):
        return "a placeholder"
    if _XS.search(text):
        return "a placeholder (xxxx)"
    if _TODO.search(text):
        return "a to-do marker"
    for match in _AWS_ID.finditer(text):
        if _fake_hex(match.group(2)):
            return f"a dummy {match.group(1)} id"
    for match in _ACCOUNT.finditer(text):
        if _fake_account(match.group(1)):
            return "a dummy account id"
    if (domain or _DOMAIN_ARGUMENTS.search(argument)) and _EXAMPLE_DOMAIN.search(text.strip()):
        return "an example domain"
    return None
