"""A view's table as a sheet: title rows, a frozen header, typed rows, photos, print setup.

Shared by every workbook layout: a column's look follows its ``kind``, its
width the view's ``width`` hint; a row's semantic style (``overdue``) fills
it; ``photos`` cells get the first photo's thumbnail, anchored in the cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.xlsx.book import (
    HEADER,
    PLAIN,
    SUBTITLE,
    TITLE,
    Book,
    Look,
    Sheet,
    column_looks,
    styled,
)
from qingyang_inspect.thumbnails import thumbnail
from qingyang_inspect.views.base import Styled, Table

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
    ) -> tuple[str | None, bool]:
        """Anchor the first photo's thumbnail at (row, col): the cell's text, and whether
        a thumbnail was anchored."""
        if not photos:
            return None, False
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
            return more, True
        names = []
        for photo in photos:
            missing = self.evidence is not None and not (self.evidence / photo.relpath).is_file()
            names.append(
                t("report.photo_missing", name=photo.original_name) if missing else photo.relpath
            )
        return "\n".join(names), False

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


def write_rows(
    sheet: Sheet,
    table: Table[Any],
    elements: Iterable[Any],
    photos: Photos | None,
    context: RenderContext,
) -> int:
    """The header row, then a row per element; returns the number of rows.

    Percentages (``92.50``) are written as fractions with a percent format.
    """
    columns = table.columns
    first = sheet.append([c.label for c in columns], HEADER, height=30) + 1
    base = column_looks(c.kind for c in columns)
    filled: dict[str | None, list[Look]] = {None: base}
    photo_cols = [n for n, c in enumerate(columns) if c.kind == "photos"] if photos else []
    percent_cols = [n for n, c in enumerate(columns) if c.kind == "percent"]
    cells_of, style_of = table.cells, table.style
    progress = context.progress
    count = 0
    for element in elements:
        count += 1
        values: list[Any] = list(cells_of(element))
        style = style_of(element) if style_of is not None else None
        looks = filled.get(style)
        if looks is None:
            looks = filled[style] = [styled(look, style) for look in base]
        cell_looks: list[Look] = looks
        for n, value in enumerate(values):
            if isinstance(value, Styled):
                if cell_looks is looks:
                    cell_looks = list(looks)
                cell_looks[n] = styled(looks[n], value.style)
                values[n] = value.value
        for n in percent_cols:
            if values[n] is not None:
                values[n] = values[n] / 100
        height = sheet.fit_height(values, cell_looks)
        row = sheet.row + 1
        shown = False
        for n in photo_cols:
            values[n], anchored = photos.cell(sheet, row, n, values[n])  # type: ignore[union-attr]
            shown = shown or anchored
        if shown:
            height = max(PHOTO_ROW_HEIGHT, height or 0)
        sheet.append(values, cell_looks, height=height)
        if progress is not None and count % 500 == 0:
            progress(500)
    if progress is not None:
        progress(count % 500)
    sheet.borders(first, sheet.row, len(columns))
    return count


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
