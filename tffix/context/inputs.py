"""What a module run reads besides its files' texts and its settings.

Today's date decides whether a suppression with an ``exp:`` date still
holds, and a few rules look at files on disk beyond the module's ``.tf`` files
(auto-loaded ``.tfvars``, a Lambda package's zip, possibly in another
folder). None of these can be named before the run, so they are not in the
result cache's key; instead the engine and the rules read them through the
run's ``Inputs``, which records every answer. A cached result is reused only
while each recorded answer is still the same (``Inputs.hold``): a suppression
that expires tomorrow keeps the result valid until then, not a day longer.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Inputs", "today"]


def today() -> datetime.date:
    """The date expiries are compared with: the one clock of a run (tests
    replace it to travel in time)."""
    return datetime.date.today()


def _today() -> datetime.date:
    return today()  # looked up when called, so a replaced clock is seen


@dataclass
class Inputs:
    """``today`` and the answers given so far: each expiry compared with it
    (expired or not), each path probed (exists or not), each file read (the
    SHA-256 of its bytes, None when it could not be read), each folder listed
    (the sorted names of its entries, None when it could not be listed)."""

    today: datetime.date = field(default_factory=_today)
    expiries: dict[datetime.date, bool] = field(default_factory=dict)
    exists: dict[Path, bool] = field(default_factory=dict)
    digests: dict[Path, str | None] = field(default_factory=dict)
    listings: dict[Path, tuple[str, ...] | None] = field(default_factory=dict)

    def expired(self, expires: datetime.date) -> bool:
        """Whether a suppression that ends on ``expires`` no longer applies."""
        answer = self.expiries[expires] = expires < self.today
        return answer

    def path_exists(self, path: Path) -> bool:
        answer = self.exists[path] = os.path.exists(path)  # never raises, unlike Path.exists on 3.11
        return answer

    def read_bytes(self, path: Path) -> bytes | None:
        """The file's bytes, or None when it cannot be read."""
        try:
            data = path.read_bytes()
        except OSError:
            self.digests[path] = None
            return None
        self.digests[path] = _digest(data)
        return data

    def digest(self, path: Path) -> str | None:
        """The SHA-256 of the file's bytes (None when it cannot be read),
        recorded as ``read_bytes`` records it. A file whose size and
        modification time are those of an earlier call in this process is
        not read again."""
        try:
            stat = os.stat(path)
        except OSError:
            self.digests[path] = None
            return None
        key = (stat.st_mtime_ns, stat.st_size)
        known = _DIGESTS.get(path)
        if known is not None and known[0] == key:
            self.digests[path] = known[1]
            return known[1]
        if self.read_bytes(path) is None:
            return None
        answer = self.digests[path]
        assert answer is not None  # the file was read
        if len(_DIGESTS) >= _DIGESTS_LIMIT:
            _DIGESTS.clear()
        _DIGESTS[path] = (key, answer)
        return answer

    def list_dir(self, path: Path) -> tuple[str, ...] | None:
        """The sorted names of the entries of folder ``path``, or None when it
        cannot be listed (a rule reading a local module's files finds them so)."""
        answer = self.listings[path] = _listing(path)
        return answer

    def hold(self, today: datetime.date) -> bool:
        """Whether a run on ``today`` would get every recorded answer again."""
        return (
            all((expires < today) == answer for expires, answer in self.expiries.items())
            and all(os.path.exists(path) == answer for path, answer in self.exists.items())
            and all(_current_digest(path) == answer for path, answer in self.digests.items())
            and all(_listing(path) == answer for path, answer in self.listings.items())
        )


#: path -> ((mtime in ns, size), SHA-256) of files ``Inputs.digest`` read in this process
_DIGESTS: dict[Path, tuple[tuple[int, int], str]] = {}
_DIGESTS_LIMIT = 65536


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _current_digest(path: Path) -> str | None:
    try:
        return _digest(path.read_bytes())
    except OSError:
        return None


def _listing(path: Path) -> tuple[str, ...] | None:
    try:
        return tuple(sorted(os.listdir(path)))
    except OSError:
        return None
