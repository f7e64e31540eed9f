"""A workbook written through xlsxwriter's public API: looks, safe cells, rows in order.

* **Streaming.** The workbook is in xlsxwriter's ``constant_memory`` mode: each
  row goes to the sheet's temporary file once the next row starts, so a
  100,000-problem ledger never sits in memory. :class:`Sheet` keeps the rows
  in order and sets a row's height before its cells.
* **Safe cells.** Every ``str`` passes :func:`~qingyang_inspect.render.safe.safe_text`
  and is written with ``write_string`` — never a formula, a number or a link,
  whatever it begins with; text a spreadsheet would run as a formula also gets
  the quote prefix, so editing the cell keeps it text.
* **Reproducible.** The document properties carry the as-of date; xlsxwriter
  gives every zip entry one fixed timestamp: the same store and date give the
  same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from qingyang_inspect.render.linebreak import wrap
from qingyang_inspect.render.safe import FORMULA_STARTS, safe_text
from qingyang_inspect.text import is_wide
from qingyang_inspect.views.base import Styled

# Colours: header blue-grey, overdue red, verdicts green / amber / red, grey for none.
HEADER_FILL = "#DCE6F1"
OVERDUE_FILL = "#FFD7D7"
GREY_FILL = "#EDEDED"
STYLE_FILLS: dict[str, str] = {
    "overdue": OVERDUE_FILL,
    "verdict.met": "#C6EFCE",
    "verdict.basically_met": "#FFEB9C",
    "verdict.not_met": "#FFC7CE",
    "verdict.incomplete": GREY_FILL,
    "verdict.none": GREY_FILL,
    "result.fail": "#FFC7CE",
    "result.na": GREY_FILL,
    "result.unchecked": GREY_FILL,
}

#: A row's height when none is set (Excel's and LibreOffice's default for 10-11 pt text).
DEFAULT_ROW_POINTS = 15.0
#: Left and right margins in inches (top and bottom are 0.6).
MARGIN_SIDE = 0.25
#: Where the page header and footer stand, in inches from the page's edge.
HEADER_MARGIN = 0.3
#: Paper: xlsxwriter's paper code and the printable area of the landscape page with
#: :meth:`Sheet.print_setup`'s margins, in points.
PAPERS: dict[str, tuple[int, tuple[float, float]]] = {
    "a4": (9, (29.7 / 2.54 * 72 - 2 * MARGIN_SIDE * 72, 21.0 / 2.54 * 72 - 1.2 * 72)),
    "a3": (8, (42.0 / 2.54 * 72 - 2 * MARGIN_SIDE * 72, 29.7 / 2.54 * 72 - 1.2 * 72)),
}
A4_LANDSCAPE_POINTS = PAPERS["a4"][1]

FONT_NAME = "宋体"
BODY_SIZE = 10.0
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
POINTS_FORMAT = "0.00"
PERCENT_FORMAT = "0.00%"


@dataclass(frozen=True)
class Look:
    """How a cell looks; each distinct look becomes one cell format in the file."""

    bold: bool = False
    size: float = BODY_SIZE
    fill: str | None = None
    border: bool = True
    wrap: bool = True
    horizontal: str | None = None
    vertical: str = "vcenter"
    number_format: str | None = None
    quote: bool = False
    #: ``False``: a cell people may fill in when the sheet is protected (a checklist's).
    locked: bool = True
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # A look is a dictionary key for every cell written: hash its fields once.
        fields = (self.bold, self.size, self.fill, self.border, self.wrap, self.horizontal)
        object.__setattr__(
            self,
            "_hash",
            hash((*fields, self.vertical, self.number_format, self.quote, self.locked)),
        )

    def __hash__(self) -> int:
        return self._hash


BODY = Look()
CENTER = Look(horizontal="center")
DATE = Look(horizontal="center", number_format=DATE_FORMAT)
DATETIME = Look(horizontal="center", number_format=DATETIME_FORMAT)
POINTS = Look(horizontal="right", number_format=POINTS_FORMAT)
PERCENT = Look(horizontal="right", number_format=PERCENT_FORMAT)
INTEGER = Look(horizontal="center", number_format="0")
HEADER = Look(bold=True, fill=HEADER_FILL, horizontal="center")
TITLE = Look(bold=True, size=16, border=False, wrap=False, horizontal="center")
SUBTITLE = Look(border=False, wrap=False, horizontal="center")
PLAIN = Look(border=False, wrap=True, horizontal="left")
HEADING = Look(bold=True, size=12, border=False, wrap=False, horizontal="left")
#: An empty cell that only makes its row exist.
EMPTY = Look(border=False, wrap=False)

#: The look of each column kind of a view.
KIND_LOOKS: dict[str, Look] = {
    "text": BODY,
    "id": CENTER,
    "status": CENTER,
    "int": INTEGER,
    "number": POINTS,
    "percent": PERCENT,
    "date": DATE,
    "datetime": DATETIME,
    "photos": CENTER,
}


@functools.lru_cache(maxsize=1024)
def variant(look: Look, **changes: Any) -> Look:
    """``look`` with ``changes``, made once: rows ask for the same few variants again and again."""
    return replace(look, **changes)


def styled(look: Look, style: str | None) -> Look:
    """``look`` with the fill of a view's semantic style (none for an unknown style)."""
    fill = STYLE_FILLS.get(style or "")
    return look if fill is None else variant(look, fill=fill)


class Book:
    """A workbook in constant-memory mode with its formats and sheet names."""

    def __init__(
        self, path: Path, *, day: dt.date | None, title: str, tmpdir: Path | None = None
    ) -> None:
        self.wb = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                # Rows go to temporary files in ``tmpdir`` (the caller's, cleaned
                # whatever happens; xlsxwriter leaves its own behind on a failure).
                "tmpdir": str(tmpdir) if tmpdir is not None else None,
            },
        )
        stamp = dt.datetime.combine(day or dt.date(2000, 1, 1), dt.time())
        self.wb.set_properties({"title": title, "author": "qingyang-inspect", "created": stamp})
        self._formats: dict[Look, Format] = {}
        self._names: set[str] = set()
        self._border: Format | None = None

    def sheet(self, name: str) -> Sheet:
        """A new sheet named ``name`` (made valid and unique)."""
        title = _unique_sheet_name(name, self._names)
        self._names.add(title.casefold())
        return Sheet(self, self.wb.add_worksheet(title))

    def fmt(self, look: Look) -> Format:
        """``look``'s cell format (added to the workbook on first use)."""
        found = self._formats.get(look)
        if found is None:
            props: dict[str, Any] = {
                "font_name": FONT_NAME,
                "font_size": look.size,
                "valign": look.vertical,
            }
            if look.bold:
                props["bold"] = True
            if look.fill:
                props["pattern"] = 1
                props["bg_color"] = look.fill
            if look.border:
                props["border"] = 1
                props["border_color"] = "#808080"
            if look.wrap:
                props["text_wrap"] = True
            if look.horizontal:
                props["align"] = look.horizontal
            if look.number_format:
                props["num_format"] = look.number_format
            if look.quote:
                props["quote_prefix"] = True
            if not look.locked:
                props["locked"] = False
            found = self._formats[look] = self.wb.add_format(props)
        return found

    def border_format(self) -> Format:
        """The format that draws a table's thin borders (a conditional format)."""
        if self._border is None:
            self._border = self.wb.add_format({"border": 1, "border_color": "#808080"})
        return self._border

    def close(self) -> None:
        """Write the file; an :class:`OSError` (a full disk) as such, not xlsxwriter's wrapper."""
        try:
            self.wb.close()
        except FileCreateError as exc:
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise


class Cells:
    """A row's cell formats, resolved once per table and row style (see :meth:`Sheet.cells`).

    ``formats[n]`` writes column ``n``; ``quoted[n]`` is its variant for text a
    spreadsheet would run as a formula; ``blanks[n]`` is the format of an empty
    cell that must still be written (filled, or outside a bordered table), else
    ``None``. ``wraps`` plans the row's height: the columns that wrap, each with
    the characters that fit on one line, its width and font size.
    """

    __slots__ = ("_styled", "blanks", "book", "formats", "looks", "quoted", "wraps")

    def __init__(self, book: Book, looks: Sequence[Look], widths: Sequence[float]) -> None:
        self.book = book
        self.looks = tuple(looks)
        self._styled: dict[tuple[int, str], Format] = {}
        self.formats = [book.fmt(look) for look in looks]
        self.quoted = [book.fmt(variant(look, quote=True)) for look in looks]
        self.blanks = [
            book.fmt(look) if look.fill is not None or not look.border else None for look in looks
        ]
        self.wraps = tuple(
            (col, (widths[col] - 1) * BODY_SIZE / look.size, widths[col], look.size)
            for col, look in enumerate(looks)
            if look.wrap and col < len(widths)
        )

    def styled(self, col: int, style: str) -> Format:
        """The format of column ``col`` with a cell's own semantic style (made once)."""
        found = self._styled.get((col, style))
        if found is None:
            found = self._styled[col, style] = self.book.fmt(styled(self.looks[col], style))
        return found


class Sheet:
    """A sheet written row after row (constant-memory mode), with its widths and a row counter."""

    def __init__(self, book: Book, ws: Worksheet) -> None:
        self.book = book
        self.ws = ws
        #: The last row written (0-based); -1 before the first.
        self.row = -1
        #: Each row's height in points (to plan printed pages).
        self.heights: list[float] = []
        self.widths: list[float] = []
        #: Rows without a height of their own take this one (points).
        self.default_height = DEFAULT_ROW_POINTS
        #: Rows a printed page starts at (manual page breaks).
        self.breaks: list[int] = []
        #: The last row a cell was written to.
        self._filled = -1
        self._cells: dict[tuple[Look, ...], Cells] = {}

    def set_widths(self, widths: Sequence[float]) -> None:
        """Column widths in characters; rows are sized to the text they wrap."""
        self.widths = list(widths)
        self._cells.clear()
        for col, width in enumerate(widths):
            self.ws.set_column(col, col, width)

    def set_default_height(self, height: float) -> None:
        """The height (points) of every row not given one: set before the first row.

        A table whose rows are mostly alike in height (a score sheet's two-line
        items) sets it once instead of on every row: xlsxwriter keeps a record
        of each row given a height until the workbook is closed.
        """
        self.default_height = height
        self.ws.set_default_row(height)

    def cells(self, looks: Sequence[Look]) -> Cells:
        """The formats of a row of ``looks`` on this sheet (made once)."""
        key = tuple(looks)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = Cells(self.book, key, self.widths)
        return found

    def next_row(self, height: float | None = None) -> int:
        """Start a new row (with ``height`` in points); returns its index (0-based)."""
        if 0 <= self.row and self._filled < self.row and self.heights[-1] != self.default_height:
            # In constant-memory mode xlsxwriter writes a row once a later row gets a
            # cell, and only rows holding cells: an empty row's height would be lost.
            self.ws.write_blank(self.row, 0, None, self.book.fmt(EMPTY))
        self.row += 1
        if height is None or height == self.default_height:
            self.heights.append(self.default_height)
        else:
            self.heights.append(height)
            self.ws.set_row(self.row, height)
        return self.row

    def append(
        self,
        values: Sequence[Any],
        looks: Sequence[Look] | Look = BODY,
        *,
        height: float | None = None,
    ) -> int:
        """Write one row; returns its index (0-based).

        Without an explicit ``height``, a row whose text wraps gets the height
        its longest cell needs: neither LibreOffice nor every Excel sizes rows
        of a generated file by itself.
        """
        if isinstance(looks, Look):
            looks = [looks] * len(values)
        elif len(looks) != len(values):
            raise ValueError(f"{len(values)} values but {len(looks)} looks")
        cells = self.cells(looks)
        if height is None:
            height = self.fit_height(values, cells)
        row = self.next_row(height)
        self.put(row, values, cells)
        return row

    def put(self, row: int, values: Sequence[Any], cells: Cells) -> None:
        """Write ``values`` into ``row`` with ``cells``' formats (the hot loop of every report).

        Text is always written as text, numbers as numbers; an empty cell is
        written only when it has a fill or stands outside a bordered table
        (inside one, :meth:`borders` draws it), which spares a workbook
        hundreds of thousands of blank cells.
        """
        ws = self.ws
        write_string, write_number = ws.write_string, ws.write_number
        formats, blanks = cells.formats, cells.blanks
        col = -1
        for value in values:
            col += 1
            kind = type(value)
            if kind is str:
                if value:
                    self._filled = row
                    text = safe_text(value, "xlsx")
                    if text.startswith(FORMULA_STARTS):
                        write_string(row, col, text, cells.quoted[col])
                    else:
                        write_string(row, col, text, formats[col])
                elif blanks[col] is not None:
                    self._filled = row
                    ws.write_blank(row, col, None, blanks[col])
            elif kind is int or kind is Decimal:
                self._filled = row
                write_number(row, col, float(value), formats[col])
            elif value is None:
                if blanks[col] is not None:
                    self._filled = row
                    ws.write_blank(row, col, None, blanks[col])
            elif kind is Styled and type(value.value) is str and value.value:
                self._filled = row
                text = safe_text(value.value, "xlsx")
                if text.startswith(FORMULA_STARTS):
                    self.write(row, col, value, cells.looks[col])
                else:
                    write_string(row, col, text, cells.styled(col, value.style))
            else:
                self.write(row, col, value, cells.looks[col])

    def write(self, row: int, col: int, value: Any, look: Look) -> None:
        """One cell of any type: text always as text, numbers, dates and booleans natively."""
        ws = self.ws
        if isinstance(value, Styled):
            value, look = value.value, styled(look, value.style)
        if (value is not None and value != "") or look.fill is not None or not look.border:
            self._filled = row
        if isinstance(value, str) and value:
            text = safe_text(value, "xlsx")
            if text.startswith(FORMULA_STARTS):
                look = variant(look, quote=True)
            ws.write_string(row, col, text, self.book.fmt(look))
        elif value is None or value == "":
            if look.fill is not None or not look.border:
                ws.write_blank(row, col, None, self.book.fmt(look))
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, self.book.fmt(look))
        elif isinstance(value, int | float | Decimal):
            number = float(value)
            if math.isnan(number) or math.isinf(number):
                ws.write_blank(row, col, None, self.book.fmt(look))
            else:
                ws.write_number(row, col, number, self.book.fmt(look))
        elif isinstance(value, dt.datetime):
            naive = value.replace(tzinfo=None)
            ws.write_datetime(row, col, naive, self.book.fmt(look))
        elif isinstance(value, dt.date):
            ws.write_datetime(row, col, value, self.book.fmt(look))
        else:  # pragma: no cover - views hand only the types above
            raise TypeError(f"cannot write {value!r} to a cell")

    def borders(self, first_row: int, last_row: int, ncols: int) -> None:
        """Thin borders on every cell of rows ``first_row``…``last_row`` (empty ones too)."""
        if last_row < first_row:
            return
        self.ws.conditional_format(
            first_row,
            0,
            last_row,
            ncols - 1,
            {"type": "formula", "criteria": "TRUE", "format": self.book.border_format()},
        )

    def span(self, row: int, first_col: int, last_col: int, value: Any, look: Look = PLAIN) -> None:
        """``value`` across columns ``first_col``…``last_col`` of ``row`` (0-based).

        Borderless, unfilled text that fits on one line is written unwrapped
        into the first cell (the last when right-aligned) and runs over the
        empty cells beside it; anything else is merged. Merges cost: xlsxwriter
        remembers every merged cell of every sheet until the workbook closes.
        """
        if last_col <= first_col:
            self.write(row, first_col, value, look)
            return
        text = value if not isinstance(value, str) else safe_text(value, "xlsx")
        if isinstance(text, str) and text.startswith(FORMULA_STARTS):
            look = variant(look, quote=True)
        if (
            isinstance(text, str)
            and not look.border
            and look.fill is None
            and look.horizontal in (None, "left", "right")
            and "\n" not in text
            and text_width(text) * look.size / BODY_SIZE <= self.span_width(first_col, last_col)
        ):
            col = last_col if look.horizontal == "right" else first_col
            self.write(row, col, text, variant(look, wrap=False))
            return
        self.ws.merge_range(row, first_col, row, last_col, "", self.book.fmt(look))
        self.write(row, first_col, text, look)

    def paragraph(
        self,
        text: str,
        first_col: int,
        last_col: int,
        look: Look = PLAIN,
        *,
        height: float | None = None,
    ) -> int:
        """``text`` as lines across columns ``first_col``…``last_col``, one row per line.

        Each line is broken to the columns' width here and written unwrapped into
        the first cell, running over the empty cells beside it: no merge (which
        xlsxwriter remembers cell by cell until the workbook closes), and the
        same breaks in every spreadsheet. Returns the number of rows.
        """
        return self.columns_of_text([(text, first_col, last_col)], look, height=height)

    def columns_of_text(
        self,
        blocks: Sequence[tuple[str, int, int]],
        look: Look = PLAIN,
        *,
        height: float | None = None,
    ) -> int:
        """Texts side by side, each ``(text, first_col, last_col)`` broken into lines as in
        :meth:`paragraph`; line *n* of every block shares row *n*. Returns the rows written."""
        flat = variant(look, wrap=False)
        broken = [
            (wrap(text, int(self.span_width(first, last) * BODY_SIZE / look.size)), first)
            for text, first, last in blocks
        ]
        count = max((len(lines) for lines, _first in broken), default=0)
        line = height if height is not None else line_height(1, look.size) + 2
        for n in range(count):
            row = self.next_row(line)
            for lines, first in broken:
                if n < len(lines) and lines[n]:
                    self.write(row, first, lines[n], flat)
        return count

    def span_width(self, first_col: int, last_col: int) -> float:
        """Usable width (characters) of columns ``first_col``…``last_col``."""
        return max(sum(self.widths[first_col : last_col + 1]) - 1, 1)

    def fit_height(self, values: Sequence[Any], cells: Cells) -> float | None:
        """Points needed by the row's wrapped text; ``None`` when one line is enough."""
        tallest = 0.0  # lines × point size of the tallest wrapped cell
        for col, usable, width, size in cells.wraps:
            value = values[col]
            if not (isinstance(value, str) and value):
                continue
            if len(value) * 2 <= usable and "\n" not in value:
                continue  # fits on one line even if every character is wide
            needed = wrapped_lines(value, width, size)
            if needed > 1 and needed * max(size, BODY_SIZE) > tallest:
                tallest = needed * max(size, BODY_SIZE)
        return round(tallest * 1.35 + 4, 1) if tallest else None

    def width_points(self) -> float:
        """The printed width of the sheet's columns at 100 %, in points."""
        return sum((int(w * 7 + 0.5) + 5) * 0.75 for w in self.widths) or 1

    def print_scale(self, page_width: float = A4_LANDSCAPE_POINTS[0]) -> float:
        """The scale a fit-to-width print gives this sheet's columns (at most 1)."""
        return min(1.0, page_width / self.width_points())

    def paper_scale(self, paper: str) -> float:
        """The scale the sheet prints at on ``paper``: shrunk to A4's width, or enlarged
        to fill most of A3 (12 % to spare: LibreOffice without the workbook's fonts
        measures columns up to 10 % wider than Excel)."""
        width = PAPERS[paper][1][0]
        if paper == "a4":
            return self.print_scale(width)
        return max(10, min(400, round(width / self.width_points() * 88))) / 100

    def keep_footer(
        self,
        first: int,
        header_row: int,
        *,
        lead: int = 1,
        one_page: bool = False,
        paper: str = "a4",
    ) -> None:
        """Never print rows ``first``… (totals, notes, signatures) alone on a page.

        The printed pages are worked out from the rows' heights; every row's
        height is set, but how many rows a page takes varies between
        spreadsheets: fit to the page's width, the scale depends on how wide
        they measure the columns (from Excel's width to 12 % wider, as
        LibreOffice does with metric twins of Excel's fonts), and LibreOffice
        gives the body the empty page header's room too. When, for any page
        capacity in that range, the footer would start a page or run onto a page
        of its own, a page break ``lead`` rows before ``first`` takes the
        table's last rows onto the footer's page. With ``one_page``, a sheet
        that fits on one page even at the smallest capacity prints on one page.
        """
        height = PAPERS[paper][1][1]
        scale = self.paper_scale(paper)
        smallest = height * 0.97 / scale  # 3 % to spare
        if one_page and sum(self.heights) <= smallest:
            self.ws.fit_to_pages(1, 1)
            return
        largest = (height + HEADER_MARGIN * 72) / scale * (1.12 if paper == "a4" else 1.0)
        for n in range(25):
            starts = self.page_starts(smallest + (largest - smallest) * n / 24, header_row)
            page = max(k for k, start in enumerate(starts) if start <= first)
            alone = starts[page] >= first
            split = page + 1 < len(starts)
            if alone or split:
                self.page_break(max(header_row + 2, first - lead))
                return

    def page_break(self, row: int) -> None:
        """Start a printed page at ``row`` (0-based)."""
        self.breaks.append(row)
        self.ws.set_h_pagebreaks(sorted(set(self.breaks)))

    def page_capacity(self, paper: str = "a4") -> float:
        """Points of rows a printed page holds at the scale Excel prints the sheet
        (LibreOffice, measuring columns wider, shrinks it more and fits more)."""
        return PAPERS[paper][1][1] / self.paper_scale(paper)

    def page_starts(self, capacity: float, header_row: int | None) -> list[int]:
        """The first row of each printed page, pages holding ``capacity`` points of rows
        (the header row repeated at the top of every page after the first)."""
        repeat = self.heights[header_row] if header_row is not None else 0.0
        starts, used = [0], 0.0
        for row, points in enumerate(self.heights):
            top = repeat if len(starts) > 1 else 0.0
            if used + points > capacity and used > top:
                starts.append(row)
                used = repeat + points
            else:
                used += points
        return starts

    def print_setup(
        self,
        *,
        header_row: int | None,
        landscape: bool = True,
        paper: str = "a4",
        name: str = "",
    ) -> None:
        """Fit to one page wide, the header row (0-based) repeated on every page.

        On A4 a wide sheet is shrunk to the page's width. On A3 the sheet is
        enlarged to fill it (an A4 layout printed at about 140 %): larger text
        and photos, as offices use A3 for ledgers pinned on a wall. ``name`` (a
        form's title) is printed at the left of every page's footer, so that a
        form's second page — the one signed — still says which site it is.
        """
        ws = self.ws
        ws.set_paper(PAPERS[paper][0])
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        if paper == "a4":
            ws.fit_to_pages(1, 0)
        else:
            ws.set_print_scale(round(self.paper_scale(paper) * 100))
        ws.center_horizontally()
        ws.set_margins(left=MARGIN_SIDE, right=MARGIN_SIDE, top=0.6, bottom=0.6)
        # In a footer "&" starts a code: "&&" prints one. Excel takes 255 characters: the
        # name is cut before its "&"s are doubled, never between the two.
        left = f"&L{safe_text(name, 'line')[:120].replace('&', '&&')}" if name else ""
        ws.set_footer(f"{left}&C&P / &N", {"margin": HEADER_MARGIN})
        ws.set_header("", {"margin": HEADER_MARGIN})
        if header_row is not None:
            ws.repeat_rows(header_row)


# -- names and widths ----------------------------------------------------------------

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet name: ≤ 31 characters, none of ``[]:*?/\\``.

    ``taken`` holds names already used, compared case-insensitively as Excel does.
    """
    return _unique_sheet_name(name, {n.casefold() for n in taken})


def _unique_sheet_name(name: str, used: Container[str]) -> str:
    """:func:`sheet_name` with the names taken already case-folded (a workbook's set)."""
    base = _BAD_SHEET_CHARS.sub("_", safe_text(name, "xlsx")).strip().strip("'") or "Sheet"
    candidate = base[:31]
    n = 1
    while candidate.casefold() in used or candidate.casefold() == "history":
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    return candidate


def text_width(text: str) -> int:
    """Display width: CJK and full-width characters count 2, others 1 (longest line)."""
    if "\n" not in text:
        return _line_width(text)
    return max(_line_width(line) for line in text.split("\n"))


def _line_width(line: str) -> int:
    if line.isascii():
        return len(line)  # ids, numbers, dates: nothing to measure or remember
    return _wide_line_width(line)


@functools.lru_cache(maxsize=8192)
def _wide_line_width(line: str) -> int:
    # Item texts and labels repeat on every site's sheet: measure each once.
    return sum(2 if is_wide(ch) else 1 for ch in line)


def fit_width(texts: Iterable[str], *, minimum: float = 4, maximum: float = 40) -> float:
    """A column width (in characters) that fits ``texts``, within bounds."""
    widest = max(map(text_width, texts), default=0)
    return max(minimum, min(maximum, widest + 2))


@functools.lru_cache(maxsize=8192)
def wrapped_lines(text: str, width: float, size: float = BODY_SIZE) -> int:
    """Lines ``text`` takes in a wrapping column ``width`` characters wide.

    Widths are in Excel's units (the default font's digit, about 7 px); a CJK
    character of 10 points is about 13 px, so counting it as two units (and
    keeping one unit of padding) errs on the roomy side.
    """
    usable = max((width - 1) * BODY_SIZE / size, 1)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def line_height(lines: int, size: float = BODY_SIZE) -> float:
    """Row height in points for ``lines`` lines of ``size``-point text."""
    return round(lines * size * 1.35 + 4, 1)


def column_looks(kinds: Iterable[str]) -> list[Look]:
    """The look of each column of a view, by kind."""
    return [KIND_LOOKS.get(kind, BODY) for kind in kinds]


Progress = Callable[[int], None]
