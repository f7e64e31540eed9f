"""The ledger's workbook: the printable ledger, the data sheet, then a printable sheet per unit.

The view's pages come in that order (:func:`~qingyang_inspect.views.ledger.ledger_pages`);
the units' pages hold exactly the rows of the first two, so the problems are
read from the store once: each row goes to its unit's sheet, the printable
ledger and the data sheet as it comes (xlsxwriter writes each sheet's rows to
its own temporary file, so three sheets grow side by side).

A printable sheet (``ledger.print``) is what a unit signs: title, the line of
filters, about a dozen columns whose 10-point text prints at 9 points or more
on A4 landscape, the photos before and after side by side, 3.5 cm wide or more and
linked to the full-size files, overdue rows shaded, then the totals, the
legend and the 制表人 / 审核人 / 日期 block. The data sheet (``ledger.data``)
has every column, photos named, an autofilter.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.xlsx.book import DEFAULT_ROW_POINTS, PLAIN, Book, variant
from qingyang_inspect.render.xlsx.photos import PhotoExport, Photos
from qingyang_inspect.render.xlsx.sheets import start_table, write_signatures
from qingyang_inspect.views.base import (
    Document,
    Page,
    Pages,
    Signatures,
    Table,
    Tally,
    Text,
    Totals,
)

#: Font size (points) of the printable ledger's text: 9.5 points or more once shrunk.
PRINT_SIZE = 10.5


def write_ledger(
    book: Book, document: Document, context: RenderContext, scratch: Path, workbook: Path
) -> Rendered:
    """Every sheet of the ledger; the rows counted are the printable ledger's."""
    pages = next(s for s in document.iter_sections() if isinstance(s, Pages))
    export = None
    if context.photos_dir is not None and context.evidence is not None:
        export = PhotoExport(context.evidence, context.photos_dir)
    printed = Photos(
        context.evidence,
        context.max_photos,
        scratch,
        workbook_dir=workbook.parent,
        export=export,
    )
    main: PrintSheet | None = None
    data: DataSheet | None = None
    units = 0
    for element in pages.source():
        page = pages.page(element)
        if page.layout == "ledger.data":
            data = DataSheet(book, page, printed, context)
        elif main is None:
            main = PrintSheet(book, page, printed, context)
        else:
            # A unit's page (or the rest): its rows are the next rows of the whole ledger.
            assert data is not None, "the data page comes before the units' pages"
            units += 1
            own = PrintSheet(book, page, printed, _quiet(context)) if page.name else None
            table: Table[Any] = _section(page, Table)
            for row in table.source():
                if own is not None:
                    own.add(row)
                main.add(row)
                data.add(row)
            if own is not None:
                own.finish()
    assert main is not None and data is not None, "a ledger has its printable and data pages"
    if not units:
        for row in main.table.source():
            main.add(row)
            data.add(row)
    main.finish()
    data.finish()
    return Rendered(rows=main.rows.count, notes=printed.notes())


def _quiet(context: RenderContext) -> RenderContext:
    return replace(context, progress=None)


def _section(page: Page, kind: type[Any], key: str | None = None) -> Any:
    return next(
        (s for s in page.sections if isinstance(s, kind) and (key is None or s.key == key)),
        None,
    )


class PrintSheet:
    """A printable ledger sheet being written: heading, rows as they come, then its footer."""

    def __init__(self, book: Book, page: Page, photos: Photos, context: RenderContext) -> None:
        self.page = page
        self.context = context
        self.table: Table[Any] = _section(page, Table)
        self.sheet = book.sheet(page.name)
        lines = [s.text for s in page.sections if isinstance(s, Text) and s.key is None]
        self.rows = start_table(
            self.sheet,
            page.title,
            lines,
            self.table,
            photos,
            size=PRINT_SIZE,
            paper=context.paper,
            progress=context.progress,
        )
        self.header = self.rows.header_row
        totals: Totals | None = _section(page, Totals)
        self.tally: Tally[Any] | None = totals.tally() if totals is not None else None

    def add(self, element: Any) -> None:
        """One problem's row."""
        self.rows.add(element)
        if self.tally is not None:
            self.tally.add(element)

    def finish(self) -> None:
        """Borders, then the totals, the legend and the signature block."""
        sheet, ncols = self.sheet, len(self.table.columns)
        self.rows.close()
        look = variant(PLAIN, size=PRINT_SIZE)
        footer = sheet.row + 1
        if self.rows.count == 0 and self.table.empty is not None:
            sheet.paragraph(self.table.empty, 0, ncols - 1, look)
        notes = list(self.tally.lines()) if self.tally is not None else []
        if self.rows.count:
            notes += [s.text for s in self.page.sections if isinstance(s, Text) and s.key]
        if notes:
            sheet.next_row(DEFAULT_ROW_POINTS / 2)
        for note in notes:
            sheet.paragraph(note, 0, ncols - 1, look)
        signatures: Signatures | None = _section(self.page, Signatures)
        if signatures is not None:
            sheet.next_row(DEFAULT_ROW_POINTS)
            write_signatures(sheet, signatures, ncols, size=PRINT_SIZE)
        sheet.keep_footer(footer, self.header, paper=self.context.paper)


class DataSheet:
    """The data sheet: every column, photos named, frozen header and autofilter."""

    def __init__(self, book: Book, page: Page, photos: Photos, context: RenderContext) -> None:
        self.table: Table[Any] = _section(page, Table)
        self.sheet = book.sheet(page.name)
        lines = [s.text for s in page.sections if isinstance(s, Text)]
        self.rows = start_table(self.sheet, page.title, lines, self.table, photos, thumbnails=False)
        self.header = self.rows.header_row

    def add(self, element: Any) -> None:
        """One problem's row."""
        self.rows.add(element)

    def finish(self) -> None:
        """Borders and the autofilter over the rows."""
        sheet, ncols = self.sheet, len(self.table.columns)
        self.rows.close()
        if self.rows.count == 0 and self.table.empty is not None:
            sheet.paragraph(self.table.empty, 0, ncols - 1, PLAIN)
        sheet.ws.autofilter(self.header, 0, max(sheet.row, self.header + 1), ncols - 1)
