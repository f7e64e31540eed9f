"""Workbooks (``--format xlsx``): any document, with layouts for the two reports.

The one module family that imports xlsxwriter, through its public API only
(:mod:`.book`). Columns, labels and rows come from the view; what is specific
to one document's paper form (the ledger's sheets, the acceptance summary and
score sheets, their charts) lives in a module per document:

* ``rectification`` → :mod:`.ledger`
* ``acceptance`` → :mod:`.acceptance`
* ``checklist`` → :mod:`.checklist` (a site's fillable checklist)
* ``progress`` → :mod:`.progress` (with the trend's charts)
* anything else → one sheet per table (:func:`write_document`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.xlsx.book import Book
from qingyang_inspect.render.xlsx.photos import Photos
from qingyang_inspect.render.xlsx.sheets import write_table_sheet
from qingyang_inspect.views.base import Document, Table


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write ``document`` as a workbook to the path ``target``."""
    path: Path = target
    # Scratch space beside the report (xlsxwriter's row files, thumbnails a read-only
    # evidence folder cannot hold): a full disk is the report's disk, and the message
    # names it; removed whatever happens.
    with tempfile.TemporaryDirectory(
        prefix=".qingyang-", dir=path.parent, ignore_cleanup_errors=True
    ) as scratch:
        book = Book(path, day=context.day, title=document.title, tmpdir=Path(scratch))
        photos = Photos(
            context.evidence, context.max_photos, Path(scratch), workbook_dir=path.parent
        )
        if document.key == "rectification":
            from qingyang_inspect.render.xlsx.ledger import write_ledger

            done = write_ledger(book, document, context, Path(scratch), path)
        elif document.key == "acceptance":
            from qingyang_inspect.render.xlsx.acceptance import write_acceptance

            done = write_acceptance(book, document, context)
        elif document.key == "checklist":
            from qingyang_inspect.render.xlsx.checklist import write_checklist

            done = write_checklist(book, document, context)
        elif document.key == "progress":
            from qingyang_inspect.render.xlsx.progress import write_progress

            done = write_progress(book, document, photos, context)
        else:
            done = write_document(book, document, photos, context)
            done.notes.extend(photos.notes())
        book.close()
    return done


def write_document(
    book: Book, document: Document, photos: Photos, context: RenderContext
) -> Rendered:
    """Any document: each table on its own sheet, under the document's title."""
    done = Rendered()
    for section in document.iter_sections():
        if isinstance(section, Table):
            done.rows += write_table_sheet(
                book.sheet(section.title or document.title or section.key),
                document.title,
                (),
                section,
                photos,
                context,
            )
    return done
