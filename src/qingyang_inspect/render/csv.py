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
from typing import Any, TextIO

from qingyang_inspect.errors import ReportError
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.safe import plain_csv_line, safe_text
from qingyang_inspect.render.values import cell_text, text_of_kind
from qingyang_inspect.views.base import Column, Document

BOM = "\ufeff"


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write the document's table as CSV to the text stream ``target``."""
    out: TextIO = target
    tables = list(document.tables())
    if len(tables) != 1:
        raise ReportError(t("render.csv_one_table", document=document.title))
    table = tables[0]
    exported = [(n, c) for n, c in enumerate(table.columns) if c.export]
    row_of = _row_texts(exported)
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_text(c.label, "csv") for _, c in exported])
    write_row = writer.writerow
    write = out.write
    cells_of = table.cells
    progress = context.progress
    count = 0
    lines: list[str] = []
    for element in table.source():
        line = row_of(cells_of(element))
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


#: Kinds whose values are written as they are (text, or nothing for ``None``).
_AS_TEXT = frozenset({"text", "id", "status"})


def _row_texts(
    columns: list[tuple[int, Column]],
) -> Callable[[Sequence[object]], str | list[object]]:
    """A function turning a row's cells into its CSV line (without the line end), or,
    when the row needs care, into its exported cells for ``csv.writer``, made safe.

    ``columns`` are the exported ones with their positions among the cells. Text
    passes as it is, whole numbers as digits, dates, times, photos and decimals
    become text, and the texts joined by commas are the line when
    :func:`plain_csv_line` says so. Otherwise (a comma or a line break in a
    note, a formula start, a styled value) each cell is made safe on its own
    and the writer quotes as needed.

    The texts of a row are one expression compiled from the columns (a list
    writes a million rows; a loop over the cells in Python would be a third of
    its time): only positions and the conversions named here reach its text.
    """
    namespace: dict[str, Any] = {"number": _number_text}
    parts = []
    for n, column in columns:
        if column.kind in _AS_TEXT:
            parts.append(f"('' if (v := c[{n}]) is None else v)")  # not text: the join fails
        elif column.kind == "int":
            parts.append(f"('' if (v := c[{n}]) is None else number(v))")
        else:
            namespace[f"text_{n}"] = text_of_kind(column.kind)
            parts.append(f"('' if (v := c[{n}]) is None else text_{n}(v))")
    texts: Callable[[Sequence[object]], list[Any]] = eval(
        f"lambda c: [{', '.join(parts)}]", namespace
    )
    kinds = [column.kind for _, column in columns]
    pick = _picker([n for n, _ in columns])
    width = len(columns)

    def long_way(cells: Sequence[object]) -> list[object]:
        return [_safe_cell(v, k) for v, k in zip(pick(cells), kinds, strict=True)]

    def row_of(cells: Sequence[object]) -> str | list[object]:
        try:
            line = ",".join(texts(cells))
        except TypeError:  # a cell that is not text
            return long_way(cells)
        return line if plain_csv_line(line, width) else long_way(cells)

    return row_of


def _number_text(value: object) -> str:
    """A whole number's digits; anything else fails the row's join (it goes the long way)."""
    return str(value) if type(value) is int else value  # type: ignore[return-value]


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
