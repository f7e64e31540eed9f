"""Writing report files safely: never a half-written file, never an unasked overwrite.

A report goes to a temporary file in the target's own folder (so the final
rename stays on one file system) and replaces the target with ``os.replace``
only once it is complete; an error or Ctrl-C removes the temporary file and
leaves any earlier report untouched.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from qingyang_inspect.errors import ReportError
from qingyang_inspect.i18n import t

_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_filename(text: str) -> str:
    """``text`` usable as part of a file name on Windows and Unix."""
    return _UNSAFE_FILENAME.sub("_", text).strip(" .") or "_"


def check_target(path: Path, *, force: bool) -> None:
    """Refuse a target that exists (without ``force``) or whose folder does not."""
    if path.is_dir():
        raise ReportError(t("report.exists", path=path), hint=t("report.exists_hint"))
    if path.exists() and not force:
        raise ReportError(t("report.exists", path=path), hint=t("report.exists_hint"))
    if not path.parent.is_dir():
        raise ReportError(t("report.no_folder", path=path.parent))


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool) -> Iterator[Path]:
    """A temporary path next to ``path``; it becomes ``path`` when the block succeeds."""
    check_target(path, force=force)
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.stem[:40]}-", suffix=".tmp"
        )
    except OSError as exc:
        raise ReportError(t("report.write_failed", path=path, reason=exc.strerror)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not force and path.exists():  # appeared while we were writing
            raise ReportError(t("report.exists", path=path), hint=t("report.exists_hint"))
        os.replace(tmp, path)
    except OSError as exc:
        raise ReportError(t("report.write_failed", path=path, reason=exc.strerror)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
