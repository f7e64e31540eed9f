"""CSV: the document's one table, for spreadsheets — UTF-8 with a BOM, labels, formula-safe.

Excel opens UTF-8 CSV correctly only with the byte-order mark. The header is
the exported columns' labels in the current language; every cell is text from
:func:`~qingyang_inspect.render.values.cell_text`, made safe by
:func:`~qingyang_inspect.render.safe.safe_text` (a cell a spreadsheet would run
as a formula gets a leading ``'``), a row at a time. Rows stream.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, TextIO, cast

from qingyang_inspect.errors import ReportError
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.safe import plain_csv_line, safe_text
from qingyang_inspect.render.values import cell_text, text_of_kind
from qingyang_inspect.views.base import Document

BOM = "\ufeff"


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write the document's table as CSV to the text stream ``target``."""
    out: TextIO = target
    tables = list(document.tables())
    if len(tables) != 1:
        raise ReportError(t("render.csv_one_table", document=document.title))
    table = tables[0]
    exported = [c for c in table.columns if c.export]
    positions = [n for n, c in enumerate(table.columns) if c.export]
    pick = _picker(positions)
    row_of = _row_texts([c.kind for c in exported])
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_text(c.label, "csv") for c in exported])
    write_row = writer.writerow
    write = out.write
    cells_of = table.cells
    progress = context.progress
    count = 0
    lines: list[str] = []
    for element in table.source():
        line = row_of(pick(cells_of(element)))
        if type(line) is str:
            lines.append(line)
        else:
            if lines:
                write("\r\n".join(lines) + "\r\n")
                lines.clear()
            write_row(line)
        count += 1
        if count % 1000 == 0:
            if lines:
                write("\r\n".join(lines) + "\r\n")
                lines.clear()
            if progress is not None:
                progress(1000)
    if lines:
        write("\r\n".join(lines) + "\r\n")
    return Rendered(rows=count)


#: ``None`` is written as nothing (``_blank(value, value)``).
_blank = cast(Callable[[object, object], str], {None: ""}.get)
#: Kinds whose values the CSV writer cannot write as they are.
_CONVERTED = frozenset({"date", "datetime", "number", "percent", "photos"})


def _row_texts(kinds: list[str]) -> Callable[[Sequence[object]], str | list[object]]:
    """A function turning a row's cells into its CSV line (without the line end), or,
    when the row needs care, into the cells for ``csv.writer``, made safe.

    Text passes as it is; dates, times, photos and numbers become text; the
    cells joined by commas are the line when :func:`plain_csv_line` says so.
    Otherwise (a comma or a line break in a note, a formula start, a styled
    value) each cell is made safe on its own and the writer quotes as needed.
    """
    conversions = [(n, text_of_kind(kind)) for n, kind in enumerate(kinds) if kind in _CONVERTED]
    numbers = [n for n, kind in enumerate(kinds) if kind == "int"]
    width = len(kinds)

    def long_way(cells: Sequence[object]) -> list[object]:
        return [_safe_cell(v, k) for v, k in zip(cells, kinds, strict=True)]

    def row_of(cells: Sequence[object]) -> str | list[object]:
        values = list(cells)
        for n, convert in conversions:
            value = values[n]
            if value is not None:
                values[n] = convert(value)
        for n in numbers:
            value = values[n]
            if type(value) is int:
                values[n] = str(value)
            elif value is not None:
                return long_way(cells)
        try:
            line = ",".join(map(_blank, values, values))
        except TypeError:  # a cell that is not text
            return long_way(cells)
        return line if plain_csv_line(line, width) else long_way(cells)

    return row_of


def _picker(positions: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function picking the cells at ``positions`` (as ``itemgetter``, for any number)."""
    if len(positions) > 1:
        return itemgetter(*positions)
    if positions:
        only = positions[0]
        return lambda cells: (cells[only],)
    return lambda cells: ()


def _safe_cell(value: object, kind: str) -> object:
    """A cell the long way: a whole number stays a number, anything else is text made safe."""
    if kind == "int" and type(value) is int:
        return value
    return safe_text(cell_text(value, kind), "csv")
