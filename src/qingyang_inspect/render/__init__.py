"""Renderers: one registry from a format name to the module that writes it, loaded on demand.

A command calls :func:`render` with a :class:`~qingyang_inspect.views.base.Document`
and a format name; the renderer's module is imported only then, so ``inspect
findings list -f csv`` never loads rich and ``-f table`` never loads openpyxl.

Adding a format is adding a module with a ``render(document, target, context)``
function and one line in :data:`RENDERERS`.

Targets by medium:

* ``terminal`` — the console (stdout); notes and counts go to stderr.
* ``text`` — stdout, or a file written atomically (``-o``).
* ``file`` — a file written atomically: ``-o``, else the document's default
  file name in the current folder.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TextIO

from qingyang_inspect.errors import ReportError
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.views.base import Document

Medium = Literal["terminal", "text", "file"]

#: Format name → (module, medium, file extension).
RENDERERS: dict[str, tuple[str, Medium, str]] = {
    "table": ("qingyang_inspect.render.table", "terminal", ""),
    "json": ("qingyang_inspect.render.json", "text", ".json"),
    "csv": ("qingyang_inspect.render.csv", "text", ".csv"),
    "text": ("qingyang_inspect.render.lines", "text", ".txt"),
    "github": ("qingyang_inspect.render.lines", "text", ".txt"),
    "xlsx": ("qingyang_inspect.render.xlsx", "file", ".xlsx"),
    "docx": ("qingyang_inspect.render.docx", "file", ".docx"),
}

Progress = Callable[[int], None]


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need beyond the document: where photos are, progress, the format."""

    #: The format name asked for (one module can serve several, e.g. text and github).
    fmt: str = "table"
    #: The evidence folder, for renderers that embed photos.
    evidence: Path | None = None
    #: Photos a workbook embeds at most (per sheet); past it cells name the photo.
    max_photos: int = 2000
    #: Called with the number of rows or sites just written (a progress bar).
    progress: Progress | None = None
    #: The document's date (as-of), for reproducible file metadata.
    day: dt.date | None = None
    #: Terminal width override (tests); ``None`` asks the console.
    width: int | None = None
    #: Paper a printable sheet is laid out for: ``a4`` or ``a3`` (landscape).
    paper: str = "a4"
    #: Where a workbook's full-size photos are copied (named by problem number) and linked.
    photos_dir: Path | None = None


@dataclass
class Rendered:
    """What a renderer did: rows written, the file (if any), lines for the user (stderr)."""

    rows: int = 0
    path: Path | None = None
    notes: list[str] = field(default_factory=list)


class Renderer(Protocol):
    """A renderer module's entry point."""

    def __call__(
        self, document: Document, target: TextIO | Path | None, context: RenderContext
    ) -> Rendered: ...


def env_columns() -> int | None:
    """The terminal width ``COLUMNS`` asks for, if it is a sensible one (1 to 10,000).

    Anything else — ``0``, ``-5``, ``²``, a number of a thousand digits — is ignored
    rather than trusted: a width of 0 would print nothing at all.
    """
    value = os.environ.get("COLUMNS", "")
    if value.isascii() and value.isdigit() and len(value) <= 5 and 0 < int(value) <= 10_000:
        return int(value)
    return None


def formats() -> tuple[str, ...]:
    """Every registered format name."""
    return tuple(RENDERERS)


def medium(fmt: str) -> Medium:
    """Where format ``fmt`` writes (terminal, text stream or file)."""
    return RENDERERS[fmt][1]


def default_path(document: Document, fmt: str, folder: Path | None = None) -> Path:
    """The file a file-medium format writes when no ``-o`` is given."""
    from qingyang_inspect.render.output import safe_filename

    stem = safe_filename(document.filename or document.key)
    return (folder or Path.cwd()) / f"{stem}{RENDERERS[fmt][2]}"


def target_path(document: Document, fmt: str, output: Path | None, *, force: bool) -> Path | None:
    """The file ``fmt`` will write (``None`` for stdout or the terminal), checked before any work.

    A refused overwrite or a missing folder is an error now, not after minutes of work.
    """
    from qingyang_inspect.render.output import check_target

    kind = medium(fmt)
    if kind == "terminal" or (kind == "text" and output is None):
        return None
    path = output if output is not None else default_path(document, fmt)
    check_target(path, force=force)
    return path


def render(
    document: Document,
    fmt: str,
    *,
    output: Path | None = None,
    force: bool = False,
    context: RenderContext | None = None,
) -> Rendered:
    """Render ``document`` as ``fmt`` to the terminal, stdout or a file (atomically)."""
    if fmt not in RENDERERS:
        raise ReportError(t("render.unknown_format", fmt=fmt, formats=", ".join(RENDERERS)))
    module_name, kind, _ext = RENDERERS[fmt]
    writer: Renderer = importlib.import_module(module_name).render
    ctx = context if context is not None else RenderContext(fmt=fmt)
    if ctx.fmt != fmt:
        from dataclasses import replace

        ctx = replace(ctx, fmt=fmt)
    from qingyang_inspect.render.output import atomic_path, stdout_writes

    if kind == "terminal":
        with stdout_writes():
            return writer(document, None, ctx)
    path = target_path(document, fmt, output, force=force)
    if path is None:
        with stdout_writes(), utf8_stdout() as out:
            return writer(document, out, ctx)
    with atomic_path(path, force=force) as tmp:
        if kind == "file":
            done = writer(document, tmp, ctx)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                done = writer(document, out, ctx)
    done.path = path
    return done


@contextmanager
def utf8_stdout() -> Iterator[TextIO]:
    """stdout as UTF-8 text whatever the locale (files and pipes carry UTF-8)."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a test runner's text-only stream
        yield stdout
        return
    stdout.flush()
    text = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield text
        text.flush()
    except OSError:
        # The reader is gone, or the disk is full: what detach() still flushes
        # must not fail again.
        from qingyang_inspect.render.output import discard_stdout

        discard_stdout()
        raise
    finally:
        text.detach()
