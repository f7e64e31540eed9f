"""Files people point the tool at: read only when regular, within a size limit; faults named.

A path given on the command line or found in a folder may be anything: a FIFO
that never delivers (reading it blocks until some writer comes), a device that
never ends (``/dev/zero``), a symbolic link to nothing or to itself. Reading
such a file would hang or exhaust memory; skipping it would hide it. So every
input file is

* looked at first (``stat``, following links): a broken or looping link, a
  folder, a FIFO, a device or a socket is refused by name and never opened —
  opening some devices does something;
* opened without blocking and checked again on the open descriptor, so it
  cannot be swapped for something else between the look and the read;
* read with its limit enforced while reading, so a file that grows (or a
  ``/proc`` file that says it is empty) is cut at the limit, never read whole.

:func:`os_reason` words an operating-system error (a full disk, a read-only
file system, a missing permission) in the user's language, for messages that
name the path as well. :func:`write_whole` is the one way the tool replaces a
file it keeps (a cache, a thumbnail, a photo). Standard library only: ``inspect
record`` reads its catalog cache key through here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, Literal

from qingyang_inspect.i18n import t

Problem = Literal[
    "missing", "broken_link", "link_loop", "folder", "special", "too_large", "unreadable"
]

#: Largest standard or sites file read (real ones are a few hundred KB); the YAML
#: reader and the catalog cache's key both stop here.
MAX_YAML_BYTES = 10 * 1024 * 1024

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs to block on
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class FileProblem(OSError):
    """Why a path cannot be read as a file; :attr:`reason` is in the user's language.

    An :class:`OSError`, so code that handles a file it cannot read handles these too.
    """

    def __init__(self, problem: Problem, reason: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.problem = problem
        self.reason = reason
        #: The file's size, for a file refused as too large (when it is known).
        self.size = size


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary mode, if it is (a link to) a regular file.

    :class:`FileProblem` otherwise, saying what it is instead.
    """
    mode = _stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as exc:
        raise FileProblem("unreadable", os_reason(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped since the look
            raise _not_regular(path, mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; :class:`FileProblem` past ``limit`` bytes."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise FileProblem("too_large", _too_large(size, limit), size)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise FileProblem("unreadable", os_reason(exc)) from None
    if len(data) > limit:  # grew while we read it
        raise FileProblem("too_large", _too_large(len(data), limit), len(data))
    return data


def check_regular(path: Path) -> None:
    """:class:`FileProblem` unless ``path`` is (a link to) a regular file; nothing is opened."""
    mode = _stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)


def listed(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The entries under ``folder`` (recursively) whose names end in ``suffixes``, sorted.

    Folders are searched, not listed; anything else with such a name is listed —
    a broken link or a FIFO too — so that reading it reports it instead of it
    being skipped in silence. Links to folders are not followed (no loops).
    """
    return sorted(
        p for p in folder.rglob("*") if p.suffix in suffixes and (p.is_symlink() or not p.is_dir())
    )


def write_whole(path: Path, content: bytes, *, prefix: str = ".incoming-") -> None:
    """Write ``content`` to ``path`` through a temporary file beside it (``prefix….tmp``):
    whole or not at all, and no temporary file is left behind when it fails."""
    import tempfile  # (and shutil, bz2, lzma with it): only when a file is written

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def os_reason(exc: OSError) -> str:
    """What went wrong, in the user's language (``磁盘已满``), else the system's words."""
    key = REASON_KEYS.get(exc.errno or 0)
    return t(key) if key is not None else exc.strerror or str(exc)


#: Operating-system errors a user can act on, by errno: the message key of each.
REASON_KEYS: dict[int, str] = {
    errno.ENOSPC: "file.reason_full",
    errno.EROFS: "file.reason_read_only",
    errno.EACCES: "file.reason_permission",
    errno.EPERM: "file.reason_permission",
    errno.EFBIG: "file.reason_file_size",
    errno.EBADF: "file.reason_closed",
    errno.EIO: "file.reason_io",
    errno.ENAMETOOLONG: "file.reason_name_too_long",
    errno.ENOENT: "file.reason_missing",
    errno.ENOTDIR: "file.reason_not_folder",
    errno.EISDIR: "file.reason_is_folder",
}
if hasattr(errno, "EDQUOT"):  # pragma: no branch - POSIX
    REASON_KEYS[errno.EDQUOT] = "file.reason_quota"


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileProblem(
                "broken_link", t("file.broken_link", target=os.readlink(path))
            ) from None
        raise FileProblem("missing", t("file.missing")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileProblem("link_loop", t("file.link_loop")) from None
        raise FileProblem("unreadable", os_reason(exc)) from None


def _not_regular(path: Path, mode: int) -> FileProblem:
    if stat.S_ISDIR(mode):
        return FileProblem("folder", t("file.is_folder"))
    if stat.S_ISFIFO(mode):
        return FileProblem("special", t("file.is_fifo"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return FileProblem("special", t("file.is_device"))
    if stat.S_ISSOCK(mode):
        return FileProblem("special", t("file.is_socket"))
    return FileProblem("special", t("file.not_regular"))  # pragma: no cover - doors, ports


def _too_large(size: int, limit: int) -> str:
    return t("file.too_large", size_mb=f"{size / 1048576:.1f}", limit_mb=f"{limit / 1048576:g}")


def display_name(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the current folder) when inside it."""
    base = base or Path.cwd()
    try:
        # The folder resolved, not the file: a link among the files is shown where it is.
        rel = os.path.relpath(path.parent.resolve() / path.name, base.resolve())
    except (ValueError, OSError, RuntimeError):  # another drive on Windows; a looping folder
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()
