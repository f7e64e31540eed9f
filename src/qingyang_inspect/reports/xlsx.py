"""Excel output: the only module that imports openpyxl.

Design, for files that go to government units as they are:

* **Streaming.** Every sheet is a write-only sheet (``Workbook(write_only=True)``):
  rows go to a temporary file as they come, so a 100,000-problem ledger never
  sits in memory. Column widths, freeze panes, print setup are set before the
  first row; the autofilter range and merged cells before the sheet closes.
* **Speed.** Styled cells are reused per column and style, with their style
  index computed once (:class:`_Cell`), instead of building and hashing a
  styled cell for each of millions of values.
* **Safe cells.** Every ``str`` is written as an inline string (``t="inlineStr"``),
  never as a formula, whatever it begins with; text beginning with
  ``= + - @`` also gets Excel's quote prefix, so editing the cell keeps it text.
  Characters XML cannot hold are dropped and text is cut at Excel's 32,767.
* **Thumbnails.** Before and after photos are embedded as thumbnails anchored
  in their cells, up to ``max_photos`` per workbook; past that limit (and for
  missing files) the cell names the photo instead. Images are the one part of
  a sheet openpyxl keeps until the file is saved, so the limit keeps a
  100,000-problem ledger streaming.
* **Reproducible.** Document properties and every zip entry's timestamp come
  from the as-of date, so the same store and date give the same bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import math
import os
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NamedTuple, cast

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.compat import safe_string
from openpyxl.drawing.image import Image as XLImage
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.writer.excel import ExcelWriter

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.i18n import t
from qingyang_inspect.reports.acceptance import (
    GROUP_COLUMNS,
    SITE_COLUMNS,
    SUMMARY_COLUMNS,
    Acceptance,
    SiteSheet,
    Summary,
    SummaryBuilder,
    headers,
)
from qingyang_inspect.reports.rectification import LEDGER_COLUMNS, Ledger, LedgerRow, ledger_headers
from qingyang_inspect.scoring import display
from qingyang_inspect.views.labels import date_text, level_label, site_type_label, status_label

Progress = Callable[[int], None]

#: Photo thumbnails embedded per workbook unless the caller says otherwise.
DEFAULT_MAX_PHOTOS = 2000
THUMBNAIL_PX = 80
PHOTO_ROW_HEIGHT = 66.0  # points: an 80 px thumbnail plus a margin
MAX_CELL_TEXT = 32767
FORMULA_PREFIXES = ("=", "+", "-", "@")

# Colours: header blue-grey, overdue red, verdicts green / amber / red.
HEADER_FILL = "DCE6F1"
OVERDUE_FILL = "FFD7D7"
VERDICT_FILLS = {"met": "C6EFCE", "basically_met": "FFEB9C", "not_met": "FFC7CE"}
GREY_FILL = "EDEDED"

FONT_NAME = "宋体"
BODY_SIZE = 10.0

DATE_FORMAT = "yyyy-mm-dd"
POINTS_FORMAT = "0.00"
PERCENT_FORMAT = "0.00%"


# -- cells and styles ------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """How a cell looks; each distinct look becomes one cell style in the file."""

    bold: bool = False
    size: float = BODY_SIZE
    fill: str | None = None
    border: bool = True
    wrap: bool = True
    horizontal: str | None = None
    vertical: str = "center"
    number_format: str | None = None
    quote: bool = False
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # A look is a dictionary key for every cell written: hash its fields once.
        fields = (self.bold, self.size, self.fill, self.border, self.wrap, self.horizontal)
        object.__setattr__(
            self, "_hash", hash((*fields, self.vertical, self.number_format, self.quote))
        )

    def __hash__(self) -> int:
        return self._hash


BODY = Look()
CENTER = Look(horizontal="center")
DATE = Look(horizontal="center", number_format=DATE_FORMAT)
POINTS = Look(horizontal="right", number_format=POINTS_FORMAT)
PERCENT = Look(horizontal="right", number_format=PERCENT_FORMAT)
INTEGER = Look(horizontal="center", number_format="0")
HEADER = Look(bold=True, fill=HEADER_FILL, horizontal="center")
TITLE = Look(bold=True, size=16, border=False, wrap=False, horizontal="center")
SUBTITLE = Look(border=False, wrap=False, horizontal="center")
PLAIN = Look(border=False, wrap=True, horizontal="left")
HEADING = Look(bold=True, size=12, border=False, wrap=False, horizontal="left")


class _Cell(Cell):
    """A reusable write-only cell whose style index is computed once."""

    __slots__ = ("_fixed_style_id",)
    _fixed_style_id: int

    @property
    def style_id(self) -> int:
        """The index computed when the cell was made (openpyxl would hash the style)."""
        return self._fixed_style_id


@functools.lru_cache(maxsize=1024)
def _variant(look: Look, **changes: Any) -> Look:
    """``look`` with ``changes``, made once: rows ask for the same few variants again and again."""
    return replace(look, **changes)


_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def clean_text(text: str) -> str:
    """``text`` without characters XML cannot hold, cut at Excel's cell limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


def risky(text: str) -> bool:
    """Text a spreadsheet would read as a formula if it were typed in."""
    return text.startswith(FORMULA_PREFIXES)


class _RowSpec(NamedTuple):
    """One row as :meth:`Sheet.append` hands it to the sheet's stream."""

    values: Sequence[Any]
    looks: Sequence[Look]
    height: float | None


class Sheet:
    """A write-only sheet with a row counter that writes its rows' XML itself.

    openpyxl serialises a cell by building an element and walking it with a
    generic XML writer: two thirds of the time of a 100,000-finding report.
    A sheet here writes each row as one string of the same XML instead
    (:meth:`_row_xml`), from a template per column and look made once; the
    string goes to the stream openpyxl opened for the sheet, between the
    parts openpyxl still writes (columns, panes, merges, print setup). Should
    openpyxl write through another XML library (it uses lxml when that is
    installed), rows go through openpyxl's own cell writer instead, with
    reusable styled cells: the same bytes either way (tests compare them).
    """

    def __init__(self, book: Book, ws: WriteOnlyWorksheet) -> None:
        self.book = book
        # openpyxl's stubs leave out most of what a write-only sheet copies from
        # a normal one (print setup, dimensions, add_image): typed loosely here.
        loose: Any = ws
        self.ws: Any = loose
        # Rows reach the sheet's writer as they were appended (a _RowSpec), and
        # the writer writes them with this sheet's _write_row.
        loose._values_to_row = _same_row
        make_writer = loose._get_writer

        def get_writer() -> None:
            if loose._writer is None:
                make_writer()
                writer: Any = loose._writer
                writer.write_row = self._write_row

        loose._get_writer = get_writer
        self.row = 0
        self.widths: list[float] = []
        #: (column, look) -> ('<c r="B', '" s="7"'): the fixed parts of a cell's XML.
        self._templates: dict[tuple[int, Look], tuple[str, str]] = {}
        self._cells: dict[tuple[int, Look], _Cell] = {}
        #: Row looks -> the columns whose text wraps (see fit_height); a sheet has a few.
        self._wrap_plans: dict[tuple[Look, ...], tuple[tuple[int, float, float, float], ...]] = {}
        #: The XML writer openpyxl passes for this sheet, and the stream under it.
        self._stream: tuple[Any, Callable[[str], object] | None] = (None, None)

    def set_widths(self, widths: Sequence[float]) -> None:
        """Column widths in characters; rows are sized to the text they wrap."""
        self.widths = list(widths)
        self._wrap_plans.clear()
        for col, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def append(
        self,
        values: Sequence[Any],
        looks: Sequence[Look] | Look = BODY,
        *,
        height: float | None = None,
    ) -> int:
        """Write one row; returns its number (1-based).

        Without an explicit ``height``, a row whose text wraps gets the height
        its longest cell needs: neither LibreOffice nor every Excel sizes rows
        of a generated file by itself.
        """
        self.row += 1
        if isinstance(looks, Look):
            looks = [looks] * len(values)
        elif len(looks) != len(values):
            raise ValueError(f"{len(values)} values but {len(looks)} looks")
        if height is None:
            height = self.fit_height(values, looks)
        self.ws.append(_RowSpec(values, looks, height))
        return self.row

    def fit_height(self, values: Sequence[Any], looks: Sequence[Look]) -> float | None:
        """Points needed by the row's wrapped text; ``None`` when one line is enough."""
        if len(values) != len(looks):
            raise ValueError(f"{len(values)} values but {len(looks)} looks")
        key = tuple(looks)
        plan = self._wrap_plans.get(key)
        if plan is None:
            plan = self._wrap_plans[key] = self._wrap_plan(key)
        lines = 1
        for col, usable, width, size in plan:
            value = values[col]
            if not (isinstance(value, str) and value):
                continue
            if len(value) * 2 <= usable and "\n" not in value:
                continue  # fits on one line even if every character is wide
            needed = wrapped_lines(value, width, size)
            if needed > lines:
                lines = needed
        return line_height(lines, BODY_SIZE) if lines > 1 else None

    def _wrap_plan(self, looks: tuple[Look, ...]) -> tuple[tuple[int, float, float, float], ...]:
        """Columns whose text wraps under ``looks``: (column, usable width, width, size)."""
        widths = self.widths
        return tuple(
            (col, (widths[col] - 1) * BODY_SIZE / look.size, widths[col], look.size)
            for col, look in enumerate(looks)
            if look.wrap and col < len(widths)
        )

    def span_height(self, text: str, first_col: int, last_col: int) -> float:
        """Height for ``text`` in merged columns ``first_col``…``last_col`` (at least one line)."""
        width = sum(self.widths[first_col - 1 : last_col]) or 10
        return max(line_height(wrapped_lines(text, width)), 18.0)

    def blank(self) -> int:
        """An empty row."""
        return self.append([])

    def merge(self, first_col: int, last_col: int, row: int | None = None) -> None:
        """Merge columns ``first_col``…``last_col`` of ``row`` (default: the last row)."""
        r = row or self.row
        if last_col > first_col:
            self.ws.merged_cells.add(
                f"{get_column_letter(first_col)}{r}:{get_column_letter(last_col)}{r}"
            )

    def close(self) -> None:
        """Finish the sheet's file and let go of what wrote its rows.

        The workbook keeps every sheet until it is saved; without this, each
        of a thousand site sheets would keep its templates alive.
        """
        self.ws.close()
        for name in ("_get_writer", "_values_to_row"):
            self.ws.__dict__.pop(name, None)
        writer = self.ws._writer
        if writer is not None:
            writer.__dict__.pop("write_row", None)
        self._templates.clear()
        self._cells.clear()
        self._wrap_plans.clear()
        self._stream = (None, None)

    # -- writing rows ----------------------------------------------------------------

    def _write_row(self, xf: Any, spec: _RowSpec, row_idx: int) -> None:
        """Write one row to the sheet's XML stream (called by openpyxl's row loop)."""
        if self._stream[0] is not xf:
            self._stream = (xf, _raw_writer(xf))
        raw = self._stream[1]
        if raw is not None:
            raw(self._row_xml(spec, row_idx))
            return
        dimensions = self.ws.row_dimensions
        if spec.height is not None:
            # The attributes openpyxl would write for a RowDimension, without
            # building one per row (a measurable cost at 100,000 rows).
            dimensions[row_idx] = {"ht": f"{spec.height:g}", "customHeight": "1"}
        cells = []
        for col, (value, look) in enumerate(zip(spec.values, spec.looks, strict=True), 1):
            cell: Any = self._cell(col, value, look)
            cell.row, cell.column = row_idx, col
            cells.append(cell)
        WorksheetWriter.write_row(self.ws._writer, xf, cells, row_idx)
        if spec.height is not None:
            del dimensions[row_idx]  # the row is on disk: memory stays flat

    def _row_xml(self, spec: _RowSpec, row_idx: int) -> str:
        """The row's XML: byte for byte what openpyxl's cell writer makes of :meth:`_cell`.

        Text is cleaned, cut at Excel's limit and always an inline string
        (never a formula); text that looks like a formula gets the
        quote-prefix variant of its look.
        """
        r = str(row_idx)
        height = spec.height
        parts = [
            f'<row r="{r}">'
            if height is None
            else f'<row r="{r}" ht="{height:g}" customHeight="1">'
        ]
        add = parts.append
        templates = self._templates
        col = 0
        for value, look in zip(spec.values, spec.looks, strict=True):
            col += 1
            kind = value.__class__
            if kind is str or isinstance(value, str):
                text = str(value)
                if not text.isprintable() or len(text) > MAX_CELL_TEXT:
                    text = clean_text(text)
                formula_like = text.startswith(FORMULA_PREFIXES)
                if look.quote is not formula_like:
                    look = _variant(look, quote=formula_like)
                start, style = templates.get((col, look)) or self._template(col, look)
                if not text:
                    add(f'{start}{r}{style} t="inlineStr" />')
                    continue
                if "&" in text or "<" in text or ">" in text:
                    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                if (text[0].isspace() or text[-1].isspace()) and not text.isspace():
                    add(
                        f'{start}{r}{style} t="inlineStr"><is>'
                        f'<t xml:space="preserve">{text}</t></is></c>'
                    )
                else:
                    add(f'{start}{r}{style} t="inlineStr"><is><t>{text}</t></is></c>')
                continue
            start, style = templates.get((col, look)) or self._template(col, look)
            if value is None:
                add(f'{start}{r}{style} t="n" />')
            elif kind is bool or isinstance(value, bool):
                add(f'{start}{r}{style} t="b"><v>{1 if value else 0}</v></c>')
            elif isinstance(value, int | float | Decimal):
                number = _number(value)
                if number:
                    add(f'{start}{r}{style} t="n"><v>{number}</v></c>')
                else:  # NaN or infinity: an empty value, as openpyxl writes it
                    add(f'{start}{r}{style} t="n"><v /></c>')
            elif isinstance(value, dt.date):
                add(f'{start}{r}{style} t="n"><v>{self.book.serial(value)}</v></c>')
            else:  # pragma: no cover - rows hold only the types above
                raise TypeError(f"cannot write {value!r} to a cell")
        add("</row>")
        return "".join(parts)

    def _template(self, col: int, look: Look) -> tuple[str, str]:
        template = self._templates[(col, look)] = (
            f'<c r="{get_column_letter(col)}',
            f'" s="{self.book.style_id(look)}"',
        )
        return template

    def _cell(self, col: int, value: Any, look: Look) -> _Cell:
        """A reusable styled cell holding ``value`` (openpyxl's own writing path)."""
        if isinstance(value, str):
            value = clean_text(value)
            if look.quote != risky(value):
                look = _variant(look, quote=risky(value))
        key = (col, look)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = self.book.new_cell(self.ws, look)
        _set_value(cell, value)
        return cell


def _same_row(row: _RowSpec, row_idx: int) -> _RowSpec:
    """Hand the appended row to the writer as it is (stands in for ``_values_to_row``)."""
    return row


def _raw_writer(xf: Any) -> Callable[[str], object] | None:
    """The text stream under openpyxl's XML writer, when that writer is et_xmlfile's.

    openpyxl writes through et_xmlfile unless lxml is installed; et_xmlfile's
    incremental writer keeps the stream's ``write`` as ``_file``. With any
    other writer there is no stream to write to: ``None``.
    """
    if type(xf).__module__.startswith("et_xmlfile."):
        write = getattr(xf, "_file", None)
        if callable(write):
            return cast(Callable[[str], object], write)
    return None


def _number(value: int | float | Decimal) -> str:
    """A number's text as openpyxl writes it (``%.16g``; NaN and infinity as nothing)."""
    number = float(value) if isinstance(value, Decimal) else value
    if math.isnan(number) or math.isinf(number):
        return ""
    return "%.16g" % number  # noqa: UP031 - openpyxl's exact format


def _set_value(cell: Any, value: Any) -> None:
    """Bind ``value`` without openpyxl's guessing: a ``str`` is always a string."""
    if value is None:
        cell._value = None
        cell.data_type = "n"
    elif isinstance(value, str):
        cell._value = value
        cell.data_type = "s"
    elif isinstance(value, bool):
        cell._value = value
        cell.data_type = "b"
    elif isinstance(value, int | float | Decimal):
        cell._value = float(value) if isinstance(value, Decimal) else value
        cell.data_type = "n"
    elif isinstance(value, dt.date):
        cell._value = value
        cell.data_type = "d"
    else:  # pragma: no cover - rows hold only the types above
        raise TypeError(f"cannot write {value!r} to a cell")


class Book:
    """A write-only workbook with its styles, thumbnails and sheet names."""

    def __init__(
        self, *, as_of: dt.date, title: str, evidence: Path | None = None, max_photos: int = 0
    ) -> None:
        self.wb = Workbook(write_only=True)
        self.as_of = as_of
        stamp = dt.datetime.combine(as_of, dt.time())
        props = self.wb.properties
        props.creator = props.lastModifiedBy = "qingyang-inspect"
        props.title = title
        props.created = props.modified = stamp
        self._styles: dict[Look, tuple[int, StyleArray]] = {}
        self._serials: dict[dt.date, str] = {}
        self._names: set[str] = set()
        #: Any sheet of this workbook: a probe cell needs one to find the workbook's styles.
        self._probe_sheet: Any = None
        self.thumbnails = Thumbnails(evidence, max_photos)

    def sheet(self, name: str) -> Sheet:
        """A new sheet named ``name`` (made valid and unique)."""
        title = _unique_sheet_name(name, self._names)
        self._names.add(title.casefold())
        ws = self.wb.create_sheet(title)
        assert isinstance(ws, WriteOnlyWorksheet)
        if self._probe_sheet is None:
            self._probe_sheet = ws
        return Sheet(self, ws)

    def style_id(self, look: Look) -> int:
        """The index of ``look``'s cell style in the workbook (registered on first use)."""
        return self._style(look)[0]

    def serial(self, day: dt.date) -> str:
        """``day`` as the serial number text openpyxl writes for a date cell."""
        text = self._serials.get(day)
        if text is None:
            if isinstance(day, dt.datetime) and day.tzinfo is not None:
                raise TypeError("Excel does not support timezones in datetimes")
            serial = cast(Callable[[dt.date, dt.datetime], float], to_excel)(day, self.wb.epoch)
            text = self._serials[day] = safe_string(serial)
        return text

    def new_cell(self, ws: WriteOnlyWorksheet, look: Look) -> _Cell:
        """A reusable cell with ``look`` (openpyxl's own writing path)."""
        cell: Any = _Cell(ws, row=1, column=1)
        cell._fixed_style_id, style = self._style(look)
        cell._style = copy.copy(style)
        return cast(_Cell, cell)

    def _style(self, look: Look) -> tuple[int, StyleArray]:
        """``look``'s style index and array; each look's style is registered once."""
        registered = self._styles.get(look)
        if registered is None:
            probe: Any = Cell(self._probe_sheet, row=1, column=1)
            probe.font = Font(name=FONT_NAME, size=look.size, bold=look.bold)
            if look.fill:
                probe.fill = PatternFill("solid", start_color=look.fill, end_color=look.fill)
            if look.border:
                probe.border = _BORDER
            probe.alignment = Alignment(
                horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap
            )
            if look.number_format:
                probe.number_format = look.number_format
            if look.quote:
                probe.quotePrefix = True
            registered = self._styles[look] = (probe.style_id, probe._style)
        return registered

    def save(self, target: Path | IO[bytes]) -> None:
        """Write the workbook with every timestamp set to the as-of date."""
        stamp = dt.datetime.combine(self.as_of, dt.time()).timetuple()[:6]
        archive = _StampedZip(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        archive.stamp = (max(stamp[0], 1980), stamp[1], stamp[2], stamp[3], stamp[4], stamp[5])
        ExcelWriter(self.wb, archive).save()


class _StampedZip(zipfile.ZipFile):
    """A zip whose entries all carry one fixed timestamp (reproducible files)."""

    stamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *args: Any, **kw: Any
    ) -> None:
        """Store ``data``; a bare name gets the fixed timestamp."""
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, *args, **kw)

    def write(  # type: ignore[override]
        self, filename: str, arcname: str | None = None, *args: Any, **kw: Any
    ) -> None:
        """Copy the file ``filename`` in (a write-only sheet's XML), with the fixed timestamp."""
        info = self._info(arcname or os.path.basename(filename))
        big = os.path.getsize(filename) > (1 << 30)
        with open(filename, "rb") as src, self.open(info, "w", force_zip64=big) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


# -- names and widths ----------------------------------------------------------------

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet name: ≤ 31 characters, none of ``[]:*?/\\``.

    ``taken`` holds names already used, compared case-insensitively as Excel does.
    """
    return _unique_sheet_name(name, {n.casefold() for n in taken})


def _unique_sheet_name(name: str, used: Container[str]) -> str:
    """:func:`sheet_name` with the names taken already case-folded (a workbook's set)."""
    base = _BAD_SHEET_CHARS.sub("_", clean_text(name)).strip().strip("'") or "Sheet"
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


@functools.lru_cache(maxsize=16384)
def _wide_line_width(line: str) -> int:
    # Item texts and labels repeat on every site's sheet: measure each once.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def fit_width(texts: Iterable[str], *, minimum: float = 4, maximum: float = 40) -> float:
    """A column width (in characters) that fits ``texts``, within bounds."""
    widest = max(map(text_width, texts), default=0)
    return max(minimum, min(maximum, widest + 2))


@functools.lru_cache(maxsize=65536)
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


def _print_setup(ws: Any, *, header_row: int, landscape: bool = True) -> None:
    """A4, fit to one page wide, the header row repeated on every page."""
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "&P / &N"


# -- photos ----------------------------------------------------------------------------


class Thumbnails:
    """Thumbnails of evidence photos, made once per photo and capped per workbook."""

    def __init__(self, evidence: Path | None, limit: int) -> None:
        self.evidence = evidence
        self.limit = limit
        self.embedded = 0
        self._cache: dict[str, bytes | None] = {}

    def thumbnail(self, photo: Photo) -> bytes | None:
        """JPEG bytes of the photo's thumbnail, ``None`` if missing or unreadable."""
        if photo.sha256 in self._cache:
            return self._cache[photo.sha256]
        data = None
        if self.evidence is not None:
            data = make_thumbnail(self.evidence / photo.relpath)
        self._cache[photo.sha256] = data
        return data

    def image(self, photo: Photo) -> XLImage | None:
        """An image to anchor in a cell, or ``None`` once the limit is reached."""
        if self.embedded >= self.limit:
            return None
        data = self.thumbnail(photo)
        if data is None:
            return None
        self.embedded += 1
        return XLImage(io.BytesIO(data))


def make_thumbnail(path: Path, size: int = THUMBNAIL_PX) -> bytes | None:
    """A JPEG thumbnail of the image at ``path``, upright; ``None`` if it cannot be read."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img.draft("RGB", (size * 2, size * 2))  # decode JPEGs at a reduced scale
            upright = ImageOps.exif_transpose(img)
            rgb = upright.convert("RGB")
            rgb.thumbnail((size, size))
            out = io.BytesIO()
            rgb.save(out, format="JPEG", quality=80)
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError):
        return None


# -- the rectification ledger ----------------------------------------------------------

#: Ledger column widths in characters (CJK count 2), fixed so rows can stream.
LEDGER_WIDTHS: dict[str, float] = {
    "seq": 5,
    "round": 10,
    "found": 10.5,
    "site_id": 8,
    "site_name": 13,
    "site_type": 9,
    "street": 9,
    "item_id": 9.5,
    "requirement": 22,
    "description": 20,
    "occurrences": 5,
    "photos_before": 13,
    "unit": 13,
    "lead": 11,
    "days": 7,
    "due": 10.5,
    "status": 9,
    "overdue": 5.5,
    "rectification": 18,
    "photos_after": 13,
    "recheck": 10,
    "closed": 10.5,
    "remarks": 10,
}
_LEDGER_LOOKS: dict[str, Look] = {
    "seq": CENTER,
    "round": CENTER,
    "found": DATE,
    "site_id": CENTER,
    "site_type": CENTER,
    "street": CENTER,
    "item_id": CENTER,
    "occurrences": INTEGER,
    "photos_before": CENTER,
    "days": INTEGER,
    "due": DATE,
    "status": CENTER,
    "overdue": CENTER,
    "photos_after": CENTER,
    "recheck": CENTER,
    "closed": DATE,
}
_PHOTO_COLUMNS = (LEDGER_COLUMNS.index("photos_before"), LEDGER_COLUMNS.index("photos_after"))


def write_ledger(
    ledger: Ledger,
    target: Path | IO[bytes],
    *,
    evidence: Path | None = None,
    max_photos: int = DEFAULT_MAX_PHOTOS,
    progress: Progress | None = None,
) -> int:
    """Write the ledger workbook to ``target``; returns the number of problems.

    Sheets: all units first, then one per responsible unit with problems, in
    catalog order.
    """
    book = Book(
        as_of=ledger.as_of,
        title=t("ledger.title", district=ledger.district),
        evidence=evidence,
        max_photos=max_photos,
    )
    base = [_LEDGER_LOOKS.get(key, BODY) for key in LEDGER_COLUMNS]
    looks = (base, [replace(look, fill=OVERDUE_FILL) for look in base])
    total = _ledger_sheet(
        book, t("ledger.sheet_all"), t("report.all"), ledger, ledger.rows(), looks, progress
    )
    for unit, rows in ledger.units():
        first = next(rows, None)
        if first is None:
            continue
        _ledger_sheet(book, unit, unit, ledger, _chain(first, rows), looks, None)
    book.save(target)
    return total


def _chain(first: LedgerRow, rest: Iterator[LedgerRow]) -> Iterator[LedgerRow]:
    yield first
    yield from rest


def _ledger_sheet(
    book: Book,
    name: str,
    unit: str,
    ledger: Ledger,
    rows: Iterable[LedgerRow],
    looks: tuple[list[Look], list[Look]],
    progress: Progress | None,
) -> int:
    sheet = book.sheet(name)
    ws = sheet.ws
    ncols = len(LEDGER_COLUMNS)
    sheet.set_widths([LEDGER_WIDTHS[key] for key in LEDGER_COLUMNS])
    ws.freeze_panes = "A4"
    _print_setup(ws, header_row=3)
    statuses = t("report.list_sep").join(status_label(s) for s in sorted(ledger.flt.statuses))
    sheet.append(
        [t("ledger.title", district=ledger.district)] + [None] * (ncols - 1), TITLE, height=28
    )
    sheet.merge(1, ncols)
    subtitle = t(
        "ledger.subtitle",
        round=ledger.round_label,
        unit=unit,
        status=statuses or t("report.all"),
        as_of=date_text(ledger.as_of),
    )
    sheet.append([subtitle] + [None] * (ncols - 1), SUBTITLE, height=20)
    sheet.merge(1, ncols)
    sheet.append(ledger_headers(), HEADER, height=30)
    count = 0
    for row in rows:
        count += 1
        values = row.values()
        images: list[tuple[int, XLImage]] = []
        for col in _PHOTO_COLUMNS:
            values[col], image = _photo_cell(book, values[col])
            if image is not None:
                images.append((col, image))
        height = None
        if images:
            height = max(PHOTO_ROW_HEIGHT, sheet.fit_height(values, looks[row.overdue]) or 0)
        row_no = sheet.append(values, looks[row.overdue], height=height)
        for col, image in images:
            ws.add_image(image, f"{get_column_letter(col + 1)}{row_no}")
        if progress is not None and count % 500 == 0:
            progress(500)
    if progress is not None:
        progress(count % 500)
    if count == 0:
        sheet.append([t("ledger.empty")] + [None] * (ncols - 1), PLAIN)
        sheet.merge(1, ncols)
    ws.auto_filter.ref = f"A3:{get_column_letter(ncols)}{max(sheet.row, 4)}"
    sheet.close()
    return count


def _photo_cell(book: Book, photos: tuple[Photo, ...]) -> tuple[str | None, XLImage | None]:
    """The text of a photo cell and the thumbnail to anchor in it (the first photo)."""
    if not photos:
        return None, None
    image = book.thumbnails.image(photos[0])
    if image is not None:
        more = t("report.photo_more", count=len(photos)) if len(photos) > 1 else None
        return more, image
    names = []
    for photo in photos:
        missing = (
            book.thumbnails.evidence is not None
            and not (book.thumbnails.evidence / photo.relpath).is_file()
        )
        names.append(
            t("report.photo_missing", name=photo.original_name) if missing else photo.relpath
        )
    return "\n".join(names), None


# -- the acceptance report ---------------------------------------------------------------------


def write_acceptance(
    report: Acceptance, target: Path | IO[bytes], *, progress: Progress | None = None
) -> Summary:
    """Write the acceptance workbook to ``target``: the summary first, then a sheet per site."""
    book = Book(as_of=report.as_of, title=t("acceptance.title", district=report.district))
    summary_sheet = book.sheet(t("acceptance.summary_sheet"))
    builder = SummaryBuilder(report.catalog)
    for site_sheet in report.sheets():
        builder.add(site_sheet)
        _site_sheet(book, report, site_sheet)
        if progress is not None:
            progress(1)
    summary = builder.build()
    _summary_sheet(summary_sheet, report, summary)
    book.save(target)
    return summary


def _verdict_look(code: str | None, base: Look = CENTER) -> Look:
    return _variant(base, fill=VERDICT_FILLS.get(code or "", GREY_FILL), bold=True)


_SUMMARY_LOOKS: dict[str, Look] = {
    "site_id": CENTER,
    "site_type": CENTER,
    "level": CENTER,
    "street": CENTER,
    "possible": POINTS,
    "earned": POINTS,
    "rate": PERCENT,
    "coverage": PERCENT,
    "open": INTEGER,
    "overdue": INTEGER,
    "rank": INTEGER,
}


def _percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else value / 100


def _summary_sheet(sheet: Sheet, report: Acceptance, summary: Summary) -> None:
    ws = sheet.ws
    cols = len(SUMMARY_COLUMNS)
    head = headers(SUMMARY_COLUMNS)
    texts: list[list[str]] = [[h] for h in head]
    for row in summary.rows:
        for n, value in enumerate(row.values()):
            texts[n].append(str(value) if value is not None else "")
    widths = [fit_width(col, minimum=6, maximum=30) for col in texts]
    for n, key in enumerate(SUMMARY_COLUMNS):
        if key in ("rate", "coverage"):
            widths[n] = max(widths[n], 9)
        if key == "verdict":
            widths[n] = max(widths[n], 12)
    widths[0] = max(
        widths[0], fit_width([g.name for g in (*summary.by_street, *summary.by_type)], maximum=24)
    )
    widths[0] = max(widths[0], fit_width([c.name for c in summary.by_category], maximum=24))
    sheet.set_widths(widths)
    ws.freeze_panes = "C4"
    _print_setup(ws, header_row=3)

    sheet.append(
        [t("acceptance.title", district=report.district)] + [None] * (cols - 1), TITLE, height=28
    )
    sheet.merge(1, cols)
    sheet.append([report.subtitle()] + [None] * (cols - 1), SUBTITLE, height=20)
    sheet.merge(1, cols)
    sheet.append(head, HEADER, height=30)
    first = sheet.row + 1
    base = [_SUMMARY_LOOKS.get(key, BODY) for key in SUMMARY_COLUMNS]
    verdict_col = SUMMARY_COLUMNS.index("verdict")
    for row in summary.rows:
        values = row.values()
        values[SUMMARY_COLUMNS.index("rate")] = _percent(row.rate)
        values[SUMMARY_COLUMNS.index("coverage")] = _percent(row.coverage)
        looks = list(base)
        looks[verdict_col] = _verdict_look(row.verdict_code)
        sheet.append(values, looks)
    last = max(sheet.row, first)
    ws.auto_filter.ref = f"A3:{get_column_letter(cols)}{last}"

    group_looks = [BODY, INTEGER, POINTS, POINTS, PERCENT, INTEGER, INTEGER, INTEGER, INTEGER]
    for title_key, first_head, groups in (
        ("acceptance.by_street", "acceptance.col.group_street", summary.by_street),
        ("acceptance.by_type", "acceptance.col.group_type", summary.by_type),
    ):
        sheet.blank()
        sheet.append([t(title_key)], HEADING, height=20)
        sheet.append([t(first_head), *headers(GROUP_COLUMNS)], HEADER, height=30)
        for group in (*groups, summary.total):
            values = group.values()
            values[4] = _percent(group.mean_rate)
            looks = (
                group_looks
                if group is not summary.total
                else [replace(k, bold=True) for k in group_looks]
            )
            sheet.append(values, looks)

    sheet.blank()
    sheet.append([t("acceptance.by_category")], HEADING, height=20)
    sheet.append(
        [
            t("acceptance.col.category"),
            t("acceptance.col.failed_items"),
            t("acceptance.col.failed_occurrences"),
        ],
        HEADER,
        height=30,
    )
    cat_first = sheet.row + 1
    for cat in summary.by_category:
        sheet.append([cat.name, cat.failed_items, cat.occurrences], [BODY, INTEGER, INTEGER])
    cat_last = sheet.row

    sheet.blank()
    # Charts start on a fresh page (a chart cut by a page break is hard to read),
    # a row below the break so no edge of the frame shows on the page before.
    ws.row_breaks.append(Break(id=sheet.row))
    anchor_row = sheet.row + 2
    n_sites = len(summary.rows)
    if n_sites:
        rates = BarChart()
        rates.type = "bar"
        rates.style = 10
        rates.title = t("acceptance.chart_rates")
        rates.legend = None
        rate_col = SUMMARY_COLUMNS.index("rate") + 1
        name_col = SUMMARY_COLUMNS.index("site_name") + 1
        rates.add_data(
            Reference(ws, min_col=rate_col, min_row=first, max_row=last), titles_from_data=False
        )
        rates.set_categories(Reference(ws, min_col=name_col, min_row=first, max_row=last))
        rates.y_axis.scaling.min = 0
        rates.y_axis.scaling.max = 1
        rates.y_axis.numFmt = "0%"
        rates.y_axis.majorGridlines = None
        rates.x_axis.scaling.orientation = "maxMin"  # first site on top, as in the table
        rates.x_axis.delete = False
        rates.y_axis.delete = False
        rates.width = 24
        rates.height = max(7.5, 0.55 * n_sites + 2)
        ws.add_chart(rates, f"A{anchor_row}")
    if cat_last >= cat_first:
        cats = BarChart()
        cats.type = "col"
        cats.style = 10
        cats.title = t("acceptance.chart_categories")
        cats.legend = None
        cats.add_data(
            Reference(ws, min_col=2, min_row=cat_first, max_row=cat_last), titles_from_data=False
        )
        cats.set_categories(Reference(ws, min_col=1, min_row=cat_first, max_row=cat_last))
        cats.x_axis.delete = False
        cats.y_axis.delete = False
        cats.y_axis.majorGridlines = None
        cats.width = 24
        cats.height = 9
        offset = int(max(7.5, 0.55 * n_sites + 2) / 0.53) + 2 if n_sites else 0
        ws.add_chart(cats, f"A{anchor_row + offset}")
    sheet.close()


_SITE_LOOKS: dict[str, Look] = {
    "seq": CENTER,
    "item_id": CENTER,
    "category_name": CENTER,
    "method": CENTER,
    "points": POINTS,
    "result": CENTER,
    "occurrences": INTEGER,
    "deducted": POINTS,
    "score": POINTS,
}


def _site_sheet(book: Book, report: Acceptance, page: SiteSheet) -> None:
    site = page.site
    catalog = report.catalog
    sheet = book.sheet(f"{site.id} {site.name}")
    ws = sheet.ws
    cols = len(SITE_COLUMNS)
    half = 6
    head = headers(SITE_COLUMNS)
    rows = [row.values() for row in page.rows]
    widths = []
    for n, key in enumerate(SITE_COLUMNS):
        texts = [head[n], *(str(r[n]) for r in rows if r[n] is not None)]
        limit = {"requirement": 44, "remarks": 28, "findings": 30}.get(key, 14)
        widths.append(fit_width(texts, minimum=6, maximum=limit))
    sheet.set_widths(widths)
    _print_setup(ws, header_row=8)
    ws.freeze_panes = "A9"

    def pair(left: str, right: str) -> None:
        height = max(sheet.span_height(left, 1, half), sheet.span_height(right, half + 1, cols))
        sheet.append(
            [left] + [None] * (half - 1) + [right] + [None] * (cols - half - 1),
            PLAIN,
            height=height,
        )
        sheet.merge(1, half)
        sheet.merge(half + 1, cols)

    def label(key: str, value: str) -> str:
        return t("report.field", label=t(key), value=value)

    sheet.append([t("acceptance.sheet_title")] + [None] * (cols - 1), TITLE, height=28)
    sheet.merge(1, cols)
    pair(
        label("acceptance.head.site", f"{site.id} {site.name}"),
        label(
            "acceptance.head.type",
            t(
                "report.paren",
                text=site_type_label(catalog, site.site_type),
                inner=level_label(site.level),
            ),
        ),
    )
    pair(
        label("acceptance.head.unit", site.responsible_unit),
        label("acceptance.head.lead", site.lead_department),
    )
    pair(
        label("acceptance.head.street", site.street), label("acceptance.head.address", site.address)
    )
    pair(
        label("acceptance.head.date", date_text(report.round.date)),
        label("acceptance.head.round", report.round.name),
    )
    pair(
        label("acceptance.head.inspectors", t("report.name_sep").join(page.inspectors)),
        label("acceptance.head.standard", report.standard_label()),
    )
    thresholds = page.score.thresholds
    sheet.append(
        [
            label(
                "acceptance.head.thresholds",
                t(
                    "acceptance.thresholds",
                    met=f"{thresholds.met:g}",
                    basically_met=f"{thresholds.basically_met:g}",
                ),
            )
        ]
        + [None] * (cols - 1),
        PLAIN,
        height=18,
    )
    sheet.merge(1, cols)
    sheet.append(head, HEADER, height=30)
    base = [_SITE_LOOKS.get(key, BODY) for key in SITE_COLUMNS]
    result_col = SITE_COLUMNS.index("result")
    for item, values in zip(page.rows, rows, strict=True):
        looks = list(base)
        if item.result_code == "fail":
            looks[result_col] = _variant(CENTER, fill=VERDICT_FILLS["not_met"])
        elif item.result_code in ("na", "unchecked"):
            looks = [_variant(k, fill=GREY_FILL) for k in looks]
        sheet.append(values, looks)
    ws.auto_filter.ref = f"A8:{get_column_letter(cols)}{max(sheet.row, 9)}"

    score_col = SITE_COLUMNS.index("score") + 1
    label_look = Look(bold=True, horizontal="right")

    def footer(key: str, value: Any, look: Look, *, span: bool = False) -> None:
        """Label right-aligned up to the 得分 column, the value under 得分."""
        values: list[Any] = [None] * cols
        values[0] = t(key)
        values[score_col - 1] = value
        row_looks = [label_look] * (score_col - 1) + [look] * (cols - score_col + 1)
        sheet.append(values, row_looks, height=20)
        sheet.merge(1, score_col - 1)
        if span:
            sheet.merge(score_col, cols)
        else:
            sheet.merge(score_col + 1, cols)

    footer("acceptance.foot.possible", display(page.score.possible), POINTS)
    footer("acceptance.foot.earned", display(page.score.earned), POINTS)
    footer("acceptance.foot.rate", _percent(page.rate), PERCENT)
    footer(
        "acceptance.foot.verdict",
        page.verdict,
        _verdict_look(page.score.verdict, Look(horizontal="left")),
        span=True,
    )
    notes = [
        t(
            "acceptance.foot.coverage",
            coverage=f"{page.coverage}%" if page.coverage is not None else "—",
            checked=page.score.checked,
            applicable=page.score.applicable,
            na=page.score.not_applicable,
            unchecked=page.score.unchecked,
        ),
        t(
            "acceptance.foot.problems",
            open=page.open_problems,
            overdue=page.overdue_problems,
            as_of=date_text(report.as_of),
        ),
    ]
    if page.weights_note():
        notes.insert(0, page.weights_note())
    for note in notes:
        sheet.append([note] + [None] * (cols - 1), PLAIN, height=sheet.span_height(note, 1, cols))
        sheet.merge(1, cols)
    sheet.blank()
    sheet.append(
        [t("acceptance.sign.inspector")]
        + [None] * (half - 1)
        + [t("acceptance.sign.unit")]
        + [None] * (cols - half - 1),
        Look(border=False, wrap=False),
        height=30,
    )
    sheet.merge(1, half)
    sheet.merge(half + 1, cols)
    sheet.close()
