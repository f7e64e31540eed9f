"""The progress report's workbook: the groups (with the totals and the definitions under them),
then the trend sheet — the rounds and their charts (:mod:`.charts`, each on a printed page of
its own) — each group round by round, then the recurring problems."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.xlsx.book import Book, Sheet, column_looks, variant
from qingyang_inspect.render.xlsx.charts import Placed, add_charts
from qingyang_inspect.render.xlsx.photos import Photos
from qingyang_inspect.render.xlsx.sheets import (
    TableRows,
    column_widths,
    write_empty,
    write_heading,
    write_table_sheet,
)
from qingyang_inspect.views.base import Chart, Document, Fields, Group, Table, Text


def write_progress(
    book: Book, document: Document, photos: Photos, context: RenderContext
) -> Rendered:
    """Every section of the progress document, in order, on its sheets."""
    done = Rendered()
    lines: list[str] = []
    groups: Sheet | None = None
    ncols = 1
    for section in document.iter_sections():
        if isinstance(section, Text) and groups is None:
            lines.append(section.text)
        elif isinstance(section, Table):
            groups = book.sheet(section.title)
            done.rows += write_table_sheet(groups, document.title, lines, section, photos, context)
            ncols = len(section.columns)
        elif isinstance(section, Fields) and groups is not None:
            _total_row(groups, section)
        elif isinstance(section, Text) and groups is not None:
            groups.next_row()
            groups.paragraph(section.text, 0, ncols - 1)
        elif isinstance(section, Group):
            tables = [s for s in section.sections if isinstance(s, Table)]
            if section.key == "trend":  # the rounds with their charts, then the rest
                done.rows += _trend(book, document.title, lines, section, context)
                tables = tables[1:]
            for table in tables:
                done.rows += write_table_sheet(
                    book.sheet(table.title), document.title, lines, table, photos, context
                )
    return done


def _total_row(sheet: Sheet, total: Fields) -> None:
    """合计 under the groups, bold, in the groups' columns."""
    kinds = ["text", *(f.kind for f in total.fields)]
    looks = [variant(look, bold=True) for look in column_looks(kinds)]
    values: list[Any] = [total.title]
    for f in total.fields:
        value = f.value
        values.append(value / 100 if isinstance(value, Decimal) and f.kind == "percent" else value)
    sheet.append(values, looks)


def _trend(book: Book, title: str, lines: list[str], group: Group, context: RenderContext) -> int:
    """The rounds' table, then the charts of the rounds, each on a page of its own."""
    tables = [s for s in group.sections if isinstance(s, Table)]
    charts = [s for s in group.sections if isinstance(s, Chart)]
    rounds = tables[0]
    sheet = book.sheet(group.title or rounds.title)
    cells = [list(rounds.cells(e)) for e in rounds.source()]
    sheet.set_widths(column_widths(rounds, cells))
    ncols = len(rounds.columns)
    write_heading(sheet, title, lines, ncols)
    rows = TableRows(sheet, rounds)
    header = rows.header()
    sheet.print_setup(header_row=None)
    write_empty(sheet, rounds, rows.add_all(rounds.source()))
    placed = {rounds.key: Placed(rounds, header + 1, sheet.row, cells)}
    add_charts(sheet, charts, placed, None)
    return rows.count
