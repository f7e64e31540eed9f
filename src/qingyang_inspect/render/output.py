"""Writing report files safely: never a half-written file, never an unasked overwrite.

A report goes to a temporary file in the target's own folder (so the final
rename stays on one file system) and replaces the target with ``os.replace``
only once it is complete; an error or Ctrl-C removes the temporary file and
leaves any earlier report untouched. The file's permissions follow the umask,
as for any file a program creates.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import secrets
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qingyang_inspect.errors import ReportError
from qingyang_inspect.files import FileProblem, check_regular, os_reason
from qingyang_inspect.i18n import t

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_filename(text: str) -> str:
    """``text`` usable as part of a file name on Windows and Unix."""
    return _UNSAFE_FILENAME.sub("_", text).strip(" .") or "_"


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that exists (without ``force``), that is not a regular file
    (a folder, a device, a FIFO: ``--force`` never replaces those), or whose folder
    does not exist."""
    try:
        exists = path.exists()
    except OSError as exc:  # a name too long for the file system, say
        raise write_failed(path, exc) from None
    if exists:
        try:
            check_regular(path)
        except FileProblem as problem:
            raise ReportError(
                t("report.target_not_a_file", path=path, reason=problem.reason),
                hint=t("report.target_hint"),
            ) from None
    if os.path.lexists(path) and not force:
        raise ReportError(t("report.exists", path=path), hint=t("report.exists_hint"))
    if not path.parent.is_dir():
        raise ReportError(t("report.no_folder", path=path.parent), hint=t("report.no_folder_hint"))


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool) -> Iterator[Path]:
    """A temporary path next to ``path``; it becomes ``path`` when the block succeeds.

    The file gets the permissions any new file gets (``0666`` less the umask), so
    colleagues on a shared drive can open a report as they can any other file.
    A failure of the machine (a full disk, a read-only folder) is one
    :class:`ReportError` naming the cause and the path; the temporary file is gone.
    """
    check_target(path, force=force)
    try:
        tmp = _create_beside(path)
    except OSError as exc:
        raise write_failed(path, exc) from None
    try:
        yield tmp
        if not force and path.exists():  # appeared while we were writing
            raise ReportError(t("report.exists", path=path), hint=t("report.exists_hint"))
        os.replace(tmp, path)
    except OSError as exc:
        let_go(exc)
        raise write_failed(path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_failed(path: Path, exc: OSError) -> ReportError:
    """``无法写入 <path>：磁盘已满`` — the file, and the machine's reason in words."""
    return ReportError(
        t("report.write_failed", path=path, reason=os_reason(exc)),
        hint=t("report.write_failed_hint"),
    )


def let_go(exc: BaseException) -> None:
    """Release, now and quietly, what a failed writer still holds.

    A library interrupted by a full disk (xlsxwriter's zip file) leaves objects
    behind in the failed frames whose clean-up writes to the same full disk
    again; run at exit, that prints "Exception ignored …" after our message.
    Their frames are cleared here instead, with such clean-up errors swallowed:
    the one message the user needs has been decided already.
    """
    hook = sys.unraisablehook
    sys.unraisablehook = _ignore
    try:
        seen: BaseException | None = exc
        while seen is not None:
            traceback.clear_frames(seen.__traceback__)
            seen = seen.__context__
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _ignore(_unraisable: Any) -> None:
    """An error in a finaliser while :func:`let_go` runs: expected, and already reported."""


def _create_beside(path: Path) -> Path:
    """A new empty file in ``path``'s folder, created as ``open(…, "w")`` would create it.

    Not :func:`tempfile.mkstemp`: its files are private (``0600``) whatever the umask.
    """
    prefix = f".{path.stem[:40]}-"
    while True:
        tmp = path.parent / f"{prefix}{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        os.close(fd)
        return tmp


@contextlib.contextmanager
def stdout_writes() -> Iterator[None]:
    """Writing to stdout: a failure of the machine there (a full disk, a closed
    descriptor) becomes one :class:`ReportError`; a reader gone away
    (``BrokenPipeError``) is left to the command, which ends quietly. An error
    that names a file is not stdout's: it passes unchanged."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise stdout_failed(exc) from None


def stdout_failed(exc: OSError) -> ReportError:
    """The error for stdout that cannot be written; stdout is discarded from here on,
    so that Python's own flush at exit does not fail again."""
    discard_stdout()
    return ReportError(
        t("output.stdout_failed", reason=os_reason(exc)), hint=t("output.stdout_failed_hint")
    )


def discard_stdout() -> None:
    """Point stdout at the null device: its reader is gone (``inspect … | head -1``).

    What is still buffered, and Python's own flush at exit, then go nowhere
    instead of failing again with "Exception ignored … BrokenPipeError".
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory stream (a test runner's)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
