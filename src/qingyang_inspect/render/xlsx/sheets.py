"""A view's table as a sheet: title rows, a frozen header, typed rows, photos, print setup.

Shared by every workbook layout: a column's look follows its ``kind``, its
width the view's ``width`` hint; a row's semantic style (``overdue``) fills
it; ``photos`` cells get the first photo's thumbnail, anchored in the cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.xlsx.book import (
    DEFAULT_ROW_POINTS,
    HEADER,
    PLAIN,
    SUBTITLE,
    TITLE,
    Book,
    Cells,
    Sheet,
    column_looks,
    styled,
)
from qingyang_inspect.thumbnails import thumbnail
from qingyang_inspect.views.base import Table

#: Photo thumbnails embedded per sheet unless the caller says otherwise.
DEFAULT_MAX_PHOTOS = 2000
#: Width and height (pixels) a thumbnail is shown at in its cell.
PHOTO_BOX_PX = 80
PHOTO_ROW_HEIGHT = 66.0  # points: an 80 px thumbnail plus a margin
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


class Photos:
    """Thumbnails anchored in cells, at most ``limit`` per sheet; past it cells name the photo."""

    def __init__(self, evidence: Path | None, limit: int, scratch: Path) -> None:
        self.evidence = evidence
        self.limit = limit
        self.scratch = scratch
        self._thumbs: dict[str, tuple[Path, int, int] | None] = {}
        self._sheet: Sheet | None = None
        self._embedded = 0

    def cell(
        self, sheet: Sheet, row: int, col: int, photos: Sequence[Photo]
    ) -> tuple[str | None, float | None]:
        """Anchor the first photo's thumbnail at (row, col): the cell's text, and the
        row height (points) the thumbnail needs (``None`` when none was anchored)."""
        if not photos:
            return None, None
        if sheet is not self._sheet:
            self._sheet, self._embedded = sheet, 0
        thumb = self._thumb(photos[0]) if self._embedded < self.limit else None
        if thumb is not None:
            path, width, height = thumb
            scale = min(PHOTO_BOX_PX / width, PHOTO_BOX_PX / height)
            sheet.ws.insert_image(
                row,
                col,
                str(path),
                {"x_scale": scale, "y_scale": scale, "x_offset": 2, "y_offset": 2},
            )
            self._embedded += 1
            more = t("report.photo_more", count=len(photos)) if len(photos) > 1 else None
            return more, PHOTO_ROW_HEIGHT
        names = []
        for photo in photos:
            missing = self.evidence is not None and not (self.evidence / photo.relpath).is_file()
            names.append(
                t("report.photo_missing", name=photo.original_name) if missing else photo.relpath
            )
        return "\n".join(names), None

    def _thumb(self, photo: Photo) -> tuple[Path, int, int] | None:
        if photo.sha256 in self._thumbs:
            return self._thumbs[photo.sha256]
        found = None
        if self.evidence is not None:
            path = thumbnail(self.evidence, photo.relpath, self.scratch)
            if path is not None:
                from PIL import Image

                with Image.open(path) as img:
                    found = (path, img.width, img.height)
        self._thumbs[photo.sha256] = found
        return found


def column_widths(table: Table[Any]) -> list[float]:
    """Each column's width: the view's hint, else one by kind."""
    return [c.width or KIND_WIDTHS.get(c.kind, 12) for c in table.columns]


def write_heading(sheet: Sheet, title: str, lines: Sequence[str], ncols: int) -> None:
    """The title row and the lines under it, each across the table's width."""
    row = sheet.next_row(28)
    sheet.span(row, 0, ncols - 1, title, TITLE)
    for line in lines:
        row = sheet.next_row(20)
        sheet.span(row, 0, ncols - 1, line, SUBTITLE)


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

    def __init__(self, sheet: Sheet, table: Table[Any], photos: Photos | None = None) -> None:
        self.sheet = sheet
        self.table = table
        self.photos = photos
        columns = table.columns
        self.looks = column_looks(c.kind for c in columns)
        self.percent = [n for n, c in enumerate(columns) if c.kind == "percent"]
        self.photo_cols = [n for n, c in enumerate(columns) if c.kind == "photos"]
        self._cells: dict[str | None, Cells] = {}
        self.first = -1
        self.count = 0

    def header(self, height: float = 30) -> int:
        """The header row (labels); returns its index."""
        row = self.sheet.append([c.label for c in self.table.columns], HEADER, height=height)
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
            for n in self.photo_cols:
                text, size = self._photo(row, n, values[n])
                values[n] = text
                if size is not None:
                    height = max(size, height or 0)
        sheet.next_row(height)
        sheet.put(row, values, cells)
        self.count += 1
        return row

    def _photo(
        self, row: int, col: int, photos: Sequence[Photo]
    ) -> tuple[str | None, float | None]:
        if self.photos is None:
            return ("\n".join(p.relpath for p in photos) or None), None
        return self.photos.cell(self.sheet, row, col, photos)

    def close(self) -> None:
        """Borders around every cell of the rows written."""
        self.sheet.borders(self.first, self.sheet.row, len(self.table.columns))


def write_rows(
    sheet: Sheet,
    table: Table[Any],
    elements: Iterable[Any],
    photos: Photos | None,
    context: RenderContext,
) -> int:
    """The header row, then a row per element; returns the number of rows."""
    rows = TableRows(sheet, table, photos)
    rows.header()
    progress = context.progress
    for element in elements:
        rows.add(element)
        if progress is not None and rows.count % 500 == 0:
            progress(500)
    if progress is not None:
        progress(rows.count % 500)
    rows.close()
    return rows.count


def write_table_sheet(
    book: Book,
    name: str,
    title: str,
    lines: Sequence[str],
    table: Table[Any],
    photos: Photos,
    context: RenderContext,
    elements: Iterable[Any] | None = None,
) -> int:
    """``table`` on a sheet of its own: title rows, frozen header, autofilter, print setup."""
    sheet = book.sheet(name)
    ncols = len(table.columns)
    sheet.set_widths(column_widths(table))
    write_heading(sheet, title, lines, ncols)
    header = sheet.row + 1
    sheet.ws.freeze_panes(header + 1, 0)
    sheet.print_setup(header_row=header)
    count = write_rows(
        sheet, table, table.source() if elements is None else elements, photos, context
    )
    if count == 0 and table.empty is not None:
        row = sheet.next_row()
        sheet.span(row, 0, ncols - 1, table.empty, PLAIN)
    sheet.ws.autofilter(header, 0, max(sheet.row, header + 1), ncols - 1)
    return count
