"""The ledger's workbook: one sheet per page of the view (every unit, then each unit)."""

from __future__ import annotations

from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.xlsx.book import Book
from qingyang_inspect.render.xlsx.sheets import Photos, write_table_sheet
from qingyang_inspect.views.base import Document, Pages, Table, Text


def write_ledger(
    book: Book, document: Document, photos: Photos, context: RenderContext
) -> Rendered:
    """Every sheet of the ledger; the rows counted are the first sheet's (every unit's)."""
    done = Rendered()
    pages = next(s for s in document.iter_sections() if isinstance(s, Pages))
    for n, element in enumerate(pages.source()):
        page = pages.page(element)
        lines = [s.text for s in page.sections if isinstance(s, Text)]
        table = next(s for s in page.sections if isinstance(s, Table))
        count = write_table_sheet(
            book,
            page.name,
            page.title,
            lines,
            table,
            photos,
            context if n == 0 else _quiet(context),
        )
        if n == 0:
            done.rows = count
    return done


def _quiet(context: RenderContext) -> RenderContext:
    from dataclasses import replace

    return replace(context, progress=None)
