"""A view's table as a sheet: title rows, a frozen header, typed rows, photos, print setup.

Shared by every workbook layout: a column's look follows its ``kind``, its
width the view's ``width`` hint; a row's semantic style (``overdue``) fills
it; ``photos`` cells get the first photo's thumbnail, anchored in the cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from qingyang_inspect.render import Progress, RenderContext
from qingyang_inspect.render.linebreak import longest_word
from qingyang_inspect.render.xlsx.book import (
    BODY_SIZE,
    DEFAULT_ROW_POINTS,
    HEADER,
    PLAIN,
    SUBTITLE,
    TITLE,
    Cells,
    Look,
    Sheet,
    column_looks,
    styled,
    variant,
)
from qingyang_inspect.render.xlsx.photos import Photos
from qingyang_inspect.views.base import PhotoSet, Signatures, Styled, Table

#: Photo thumbnails embedded per sheet unless the caller says otherwise.
DEFAULT_MAX_PHOTOS = 2000
#: Width of a column of a kind without a width hint.
KIND_WIDTHS: dict[str, float] = {
    "int": 6,
    "number": 9,
    "percent": 9,
    "date": 10.5,
    "datetime": 16,
    "id": 10,
    "status": 9,
    "photos": 13,
}


def column_widths(table: Table[Any], rows: Iterable[Sequence[Any]] = ()) -> list[float]:
    """Each column's width: the view's hint, else one by kind; wider where the header's
    longest word would not fit (:func:`word_width`), or a word of a label in ``rows``
    (``status`` columns: categories, methods, results — "Environment", "documents" in
    English would otherwise break inside)."""
    widths = [
        max(c.width or KIND_WIDTHS.get(c.kind, 12), word_width(c.label)) for c in table.columns
    ]
    labels = [n for n, c in enumerate(table.columns) if c.kind == "status"]
    for values in rows:
        for n in labels:
            value = values[n].value if isinstance(values[n], Styled) else values[n]
            if isinstance(value, str):
                widths[n] = max(widths[n], word_width(value))
    return widths


def word_width(label: str) -> float:
    """The width (characters) a bold header cell needs for the longest word of ``label``.

    English headers ("Deducted", "Responsible") are longer than the Chinese ones
    the widths were chosen for, and a cell breaks a word that does not fit in
    the middle; Chinese text breaks between any two characters and needs nothing.
    """
    word = longest_word(label)
    return round(word * 1.15 + 1.5, 1) if word else 0.0


def write_heading(
    sheet: Sheet, title: str, lines: Sequence[str], ncols: int, *, size: float = BODY_SIZE
) -> None:
    """The title row and the lines under it (``size`` points), each across the table's width."""
    row = sheet.next_row(28)
    sheet.span(row, 0, ncols - 1, title, TITLE)
    look = SUBTITLE if size == BODY_SIZE else variant(SUBTITLE, size=size)
    for line in lines:
        row = sheet.next_row(20)
        sheet.span(row, 0, ncols - 1, line, look)


class Prepared(NamedTuple):
    """A row ready to write: its values, their formats, its height (``None``: one line)."""

    values: list[Any]
    cells: Cells
    height: float | None


class TableRows:
    """Writes a view table's header and rows to a sheet: kinds to looks, styles to fills.

    The formats of each row style (plain, ``overdue``…) are resolved once; a
    row then costs one typed write per cell. Percentages (``92.50``) are
    written as fractions with a percent format; a ``photos`` cell gets its
    first photo's thumbnail (through ``photos``) or the photos' names.
    """

    def __init__(
        self,
        sheet: Sheet,
        table: Table[Any],
        photos: Photos | None = None,
        *,
        thumbnails: bool = True,
        size: float = BODY_SIZE,
        progress: Progress | None = None,
    ) -> None:
        self.sheet = sheet
        self.table = table
        self.photos = photos
        #: ``False``: photos are named in their cells (a data sheet), not shown.
        self.thumbnails = thumbnails
        self.size = size
        #: Told of the rows written, 500 at a time and the rest on :meth:`close`.
        self.progress = progress
        columns = table.columns
        self.looks = [
            look if size == BODY_SIZE else variant(look, size=size)
            for look in column_looks(c.kind for c in columns)
        ]
        self.percent = [n for n, c in enumerate(columns) if c.kind == "percent"]
        self.photo_cols = [n for n, c in enumerate(columns) if c.kind == "photos"]
        self._cells: dict[str | None, Cells] = {}
        #: The header row's index, then the first row's (-1 before :meth:`header`).
        self.header_row = self.first = -1
        self.count = 0

    def header(self, height: float = 30) -> int:
        """The header row (labels, at least ``height`` points tall); returns its index."""
        look = HEADER if self.size == BODY_SIZE else variant(HEADER, size=self.size)
        labels = [c.label for c in self.table.columns]
        needed = self.sheet.fit_height(labels, self.sheet.cells([look] * len(labels)))
        row = self.header_row = self.sheet.append(labels, look, height=max(height, needed or 0))
        self.first = row + 1
        return row

    def _values(self, element: Any) -> tuple[list[Any], Cells]:
        table = self.table
        values: list[Any] = list(table.cells(element))
        style = table.style(element) if table.style is not None else None
        cells = self._cells.get(style)
        if cells is None:
            looks = [styled(look, style) for look in self.looks]
            cells = self._cells[style] = self.sheet.cells(looks)
        for n in self.percent:
            if values[n] is not None:
                values[n] = values[n] / 100
        return values, cells

    def prepare(self, element: Any) -> Prepared:
        """The element's cells, formats and row height, to look at before writing it."""
        values, cells = self._values(element)
        height = self.sheet.fit_height(values, cells) or DEFAULT_ROW_POINTS
        return Prepared(values, cells, height)

    def add(self, element: Any) -> int:
        """One element's row; returns its index."""
        values, cells = self._values(element)
        return self.add_prepared(Prepared(values, cells, self.sheet.fit_height(values, cells)))

    def add_prepared(self, prepared: Prepared) -> int:
        """A row :meth:`prepare` made; returns its index."""
        sheet = self.sheet
        values, cells, height = prepared
        row = sheet.row + 1
        if self.photo_cols:
            named = False
            for n in self.photo_cols:
                text, size = self._photo(row, n, values[n])
                values[n] = text
                named = named or text is not None
                if size is not None:
                    height = max(size, height or 0)
            if named:  # photos named instead (a reason why one is not shown wraps): measure
                height = max(sheet.fit_height(values, cells) or 0, height or 0)
        sheet.next_row(height)
        sheet.put(row, values, cells)
        self.count += 1
        if self.progress is not None and self.count % 500 == 0:
            self.progress(500)
        return row

    def _photo(self, row: int, col: int, value: object) -> tuple[str | None, float | None]:
        if isinstance(value, PhotoSet):
            cell = value
        else:  # a plain tuple of photos
            cell = PhotoSet(tuple(value) if isinstance(value, tuple) else ())
        if self.photos is None:
            return ("\n".join(p.relpath for p in cell.photos) or None), None
        if not self.thumbnails:
            return self.photos.names(cell), None
        return self.photos.cell(self.sheet, row, col, cell)

    def close(self) -> None:
        """Borders around every cell of the rows written."""
        self.sheet.borders(self.first, self.sheet.row, len(self.table.columns))
        if self.progress is not None:
            self.progress(self.count % 500)

    def add_all(self, elements: Iterable[Any]) -> int:
        """A row per element, then :meth:`close`; returns the number of rows."""
        for element in elements:
            self.add(element)
        self.close()
        return self.count


def write_rows(
    sheet: Sheet,
    table: Table[Any],
    elements: Iterable[Any],
    photos: Photos | None,
    context: RenderContext,
) -> int:
    """The header row, then a row per element; returns the number of rows."""
    rows = TableRows(sheet, table, photos, progress=context.progress)
    rows.header()
    return rows.add_all(elements)


def start_table(
    sheet: Sheet,
    title: str,
    lines: Sequence[str],
    table: Table[Any],
    photos: Photos | None,
    *,
    size: float = BODY_SIZE,
    thumbnails: bool = True,
    paper: str = "a4",
    progress: Progress | None = None,
) -> TableRows:
    """A table's new sheet up to its rows: the widths, the heading (``size`` points) and
    the header row, frozen and repeated on every printed page; returns the rows' writer."""
    sheet.set_widths(column_widths(table))
    write_heading(sheet, title, lines, len(table.columns), size=size)
    rows = TableRows(sheet, table, photos, thumbnails=thumbnails, size=size, progress=progress)
    header = rows.header()
    sheet.ws.freeze_panes(header + 1, 0)
    sheet.print_setup(header_row=header, paper=paper)
    return rows


def write_table_sheet(
    sheet: Sheet,
    title: str,
    lines: Sequence[str],
    table: Table[Any],
    photos: Photos,
    context: RenderContext,
    elements: Iterable[Any] | None = None,
) -> int:
    """``table`` on the new sheet ``sheet``: title rows, frozen header, autofilter, print
    setup; returns the number of rows (more may be written under the table)."""
    ncols = len(table.columns)
    rows = start_table(sheet, title, lines, table, photos, progress=context.progress)
    header = rows.header_row
    count = rows.add_all(table.source() if elements is None else elements)
    write_empty(sheet, table, count)
    sheet.ws.autofilter(header, 0, max(sheet.row, header + 1), ncols - 1)
    return count


def write_empty(sheet: Sheet, table: Table[Any], count: int) -> None:
    """Under a table of ``count`` rows: its "nothing here" line when it has none."""
    if count == 0 and table.empty is not None:
        sheet.span(sheet.next_row(), 0, len(table.columns) - 1, table.empty, PLAIN)


def write_signatures(
    sheet: Sheet, block: Signatures, ncols: int, *, size: float = BODY_SIZE
) -> None:
    """The labels of a signature block side by side across ``ncols`` columns."""
    row = sheet.next_row(30)
    look = Look(border=False, wrap=False, size=size)
    count = len(block.labels)
    step = max(ncols // max(count, 1), 1)
    for n, label in enumerate(block.labels):
        first = n * step
        last = ncols - 1 if n == count - 1 else first + step - 1
        sheet.span(row, first, last, label, look)
