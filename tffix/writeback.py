"""Writing files back, all of a unit or none of it.

A unit is what must never be left half-written: every file one module's fixes
change (``tffix apply``), or one file (``tffix fmt``). Writing one goes in
three steps:

1. *Plan*: every file is checked before anything is written. A file is
   refused when it is a symlink leading out of the tree given as ``within``,
   is not writable (see ``_not_writable``), sits in a folder where nothing
   can be staged, or no longer holds the bytes that were read. (What was
   read is known exactly: UTF-8 text encodes back to the bytes it came from;
   a modification time could miss an edit made within its resolution.)
2. *Stage*: each new content goes into a temporary file beside its target,
   with the target's mode, owner and group; the original is kept under a
   second name (a hard link, which costs no space). A full disk shows here,
   while nothing has changed yet.
3. *Commit*: right before each target is replaced, its bytes are compared
   with what was read once more; then the staged file is renamed over it. If
   any step fails, the targets already replaced get their originals back.

A file with more than one hard link, or whose owner cannot be given to the
staged file, is written in place instead (the rename would split the link or
change the owner); its original bytes are kept in memory to restore it. A
symlink is written through to the file it leads to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

__all__ = ["Change", "refusals", "write_unit"]


@dataclass(frozen=True)
class Change:
    """New text for ``path``; ``original`` is the text as read, or None for
    a file that did not exist (it must still not exist when written)."""

    path: Path
    text: str
    original: str | None


class _How(Enum):
    CREATE = "create"  # a new file: linked into place, never over another
    RENAME = "rename"  # the staged file replaces the target
    IN_PLACE = "in place"  # the target's inode is rewritten: hard links, foreign owner


@dataclass
class _Target:
    change: Change
    #: where the bytes go: the path, or the file its symlink leads to
    real: Path
    data: bytes
    old: bytes | None
    how: _How
    st: os.stat_result | None = None
    staged: Path | None = None
    backup: Path | None = None
    #: the target was (maybe partly) changed and must be restored on failure
    touched: bool = False


class _Abort(Exception):
    """A file of the unit cannot be written; ``path`` names it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def refusals(changes: Sequence[Change], *, within: Path | None = None) -> dict[Path, str]:
    """Why files of the unit would not be written (empty: all would be).
    ``within``: a symlink must lead to a file below this folder."""
    return _plan_all(changes, within)[1]


def write_unit(changes: Sequence[Change], *, within: Path | None = None) -> dict[Path, str]:
    """Write every change, or none: on any refusal or failure, every file is
    left as it was. Returns the files that stopped the unit and why (empty
    when everything was written)."""
    targets, problems = _plan_all(changes, within)
    if problems:
        return problems
    try:
        for target in targets:
            _stage(target)
        for target in targets:
            _commit(target)
    except _Abort as e:
        problems[e.path] = e.reason
        problems.update(_restore(targets))
    except BaseException:  # e.g. Ctrl-C: still never half a unit
        _restore(targets)
        _clean(targets, failed=True)
        raise
    _clean(targets, failed=bool(problems))
    return problems


def _plan_all(changes: Sequence[Change], within: Path | None) -> tuple[list[_Target], dict[Path, str]]:
    targets: list[_Target] = []
    problems: dict[Path, str] = {}
    seen: dict[Path, Path] = {}
    for change in changes:
        planned = _plan(change, within)
        if isinstance(planned, str):
            problems[change.path] = planned
        elif planned.real in seen:  # two names of one file, e.g. a symlink beside its target
            problems[change.path] = f"it is the same file as {seen[planned.real]}"
        else:
            seen[planned.real] = change.path
            targets.append(planned)
    return targets, problems


def _plan(change: Change, within: Path | None) -> _Target | str:
    """The target to write, or why it must not be written."""
    path = change.path
    real = Path(os.path.realpath(path))
    if path.is_symlink() and within is not None and not real.is_relative_to(os.path.realpath(within)):
        return f"it is a symlink to a file outside {within}"
    data = change.text.encode("utf-8")
    if change.original is None:
        if os.path.lexists(path):
            return "a file of that name appeared since the module was read"
        return _folder_refusal(real) or _Target(change, real, data, None, _How.CREATE)
    old = change.original.encode("utf-8")
    try:
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return "it is not a regular file"
        refusal = _not_writable(real, st) or _folder_refusal(real)
        if refusal:
            return refusal
        if real.read_bytes() != old:
            return "it changed on disk since it was read"
    except FileNotFoundError:
        return "it was removed since it was read"
    except OSError as e:
        return e.strerror or str(e)
    how = _How.IN_PLACE if st.st_nlink > 1 else _How.RENAME
    return _Target(change, real, data, old, how, st)


def _not_writable(path: Path, st: os.stat_result) -> str | None:
    """Read-only files are refused, as ``terraform fmt`` refuses them. The
    superuser may write any file, so for it the owner's write bit decides: a
    ``chmod 444`` file says "do not change me" to everyone."""
    if _read_only_fs(path):
        return "it is on a read-only file system"
    if os.geteuid() == 0:
        writable = bool(st.st_mode & stat.S_IWUSR)
    else:
        writable = os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids)
    return None if writable else f"it is read-only (mode {stat.filemode(st.st_mode)})"


def _folder_refusal(real: Path) -> str | None:
    folder = real.parent
    if _read_only_fs(folder):
        return "it is on a read-only file system"
    if not os.access(folder, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids):
        return f"its folder {folder} is not writable (the new content is staged there)"
    return None


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): staging will tell
        return False


def _stage(target: _Target) -> None:
    """The new content in a temporary file beside the target, with its mode,
    owner and group; for a rename, the original kept under a second name."""
    real = target.real
    try:
        fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tffix", dir=real.parent)
    except OSError as e:
        raise _Abort(target.change.path, e.strerror or str(e)) from e
    target.staged = Path(name)
    try:
        _write_all(fd, target.data)
        os.fsync(fd)
        if target.st is None:
            os.fchmod(fd, 0o666 & ~_umask())
        else:
            if target.how is _How.RENAME and not _give_owner(fd, target.st):
                target.how = _How.IN_PLACE  # only the original inode keeps the owner
            os.fchmod(fd, stat.S_IMODE(target.st.st_mode))  # after chown, which may clear set-id bits
    except OSError as e:
        raise _Abort(target.change.path, e.strerror or str(e)) from e
    finally:
        os.close(fd)
    if target.how is _How.RENAME:
        target.backup = _link_backup(real)
        if target.backup is None:
            target.how = _How.IN_PLACE  # no hard links here: restore from memory instead


def _give_owner(fd: int, st: os.stat_result) -> bool:
    """Give the staged file the target's owner and group; False if not allowed."""
    mine = os.fstat(fd)
    uid = st.st_uid if st.st_uid != mine.st_uid else -1
    gid = st.st_gid if st.st_gid != mine.st_gid else -1
    if uid == -1 and gid == -1:
        return True
    try:
        os.fchown(fd, uid, gid)
    except PermissionError:
        return False
    return True


def _link_backup(real: Path) -> Path | None:
    """A second name for the original file, to rename back on failure."""
    for _ in range(100):
        backup = real.with_name(f".{real.name}.{secrets.token_hex(4)}.tffix-original")
        try:
            os.link(real, backup)
            return backup
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def _commit(target: _Target) -> None:
    path = target.change.path
    try:
        if target.how is _How.CREATE:
            _create(target)
            return
        if target.real.read_bytes() != target.old:
            raise _Abort(path, "it changed on disk since it was read")
        if target.how is _How.RENAME:
            assert target.staged is not None
            os.replace(target.staged, target.real)
            target.staged = None
            target.touched = True
        else:
            if target.staged is not None:  # the space it holds may be needed now
                with contextlib.suppress(OSError):
                    os.unlink(target.staged)
                target.staged = None
            target.touched = True  # a failed write may have changed part of the file
            _overwrite(target.real, target.data)
    except OSError as e:
        raise _Abort(path, e.strerror or str(e)) from e


def _create(target: _Target) -> None:
    """Link the staged file into place, which fails rather than replace a
    file made meanwhile (where there are no hard links: check, then rename)."""
    assert target.staged is not None
    try:
        os.link(target.staged, target.real)
    except FileExistsError:
        raise _Abort(target.change.path, "a file of that name appeared since the module was read") from None
    except OSError:
        if os.path.lexists(target.real):
            raise _Abort(target.change.path, "a file of that name appeared since the module was read") from None
        os.replace(target.staged, target.real)
        target.staged = None
    target.touched = True


def _overwrite(real: Path, data: bytes) -> None:
    """Rewrite the file's own inode (no O_TRUNC: a failed write keeps the length)."""
    fd = os.open(real, os.O_WRONLY)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _restore(targets: list[_Target]) -> dict[Path, str]:
    """Put back the originals of the targets already changed, newest first;
    returns the files that could not be restored."""
    failed: dict[Path, str] = {}
    for target in reversed(targets):
        if not target.touched:
            continue
        try:
            if target.how is _How.CREATE:
                os.unlink(target.real)
            elif target.how is _How.RENAME:
                assert target.backup is not None
                os.replace(target.backup, target.real)
                target.backup = None
            else:
                assert target.old is not None
                _overwrite(target.real, target.old)
            target.touched = False
        except OSError as e:
            kept = target.backup or _save_original(target)
            where = f"; it is kept as {kept}" if kept else ""
            failed[target.change.path] = (
                f"the write failed and the original could not be put back ({e.strerror}){where}"
            )
    return failed


def _save_original(target: _Target) -> Path | None:
    """A file rewritten in place has its original only in memory: save it
    beside the file, if anything can still be written there."""
    if target.old is None:
        return None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.real.name}.", suffix=".tffix-original", dir=target.real.parent)
        try:
            _write_all(fd, target.old)
        finally:
            os.close(fd)
    except OSError:
        return None
    target.backup = Path(name)
    return target.backup


def _clean(targets: list[_Target], *, failed: bool) -> None:
    """Remove staged files, and the kept originals except those of files
    that could not be restored."""
    for target in targets:
        leftovers = [target.staged]
        if not (failed and target.touched):
            leftovers.append(target.backup)
        for leftover in leftovers:
            if leftover is not None:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
