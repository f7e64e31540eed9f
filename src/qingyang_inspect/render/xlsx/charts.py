"""Charts on a summary sheet, each on a printed page of its own, read at a glance.

A :class:`~qingyang_inspect.views.base.Chart` plots a table already on the
sheet. Bars take the colour of their row's style in the ``color_by`` column
(a verdict: green, amber, red, grey), carry their value, and reference lines
(the verdict thresholds) are drawn across; a table longer than ``per_page``
rows becomes several charts, one a page (the first and last pages only when
there are very many). Each chart covers a page of rows of its own after a
page break: inside the printed area, never cut by a break. The rows under it
hold the reference lines' values, formatted to show nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qingyang_inspect.i18n import t
from qingyang_inspect.render.xlsx.book import PAPERS, Look, Sheet
from qingyang_inspect.views.base import Chart, Styled, Table

#: Bar colours by row style: stronger than the cell fills of the same verdicts.
BAR_COLOURS: dict[str, str] = {
    "verdict.met": "#4E9A4E",
    "verdict.basically_met": "#E3A21A",
    "verdict.not_met": "#C9302C",
    "verdict.incomplete": "#A6A6A6",
    "verdict.none": "#A6A6A6",
}
BAR_COLOUR = "#4F81BD"
LINE_COLOURS = ("#2E7D32", "#B8860B", "#7F7F7F")
#: Tallest row a spreadsheet allows (points): a chart's row is at most this tall.
MAX_ROW_POINTS = 400.0
#: A chart's helper value: shown as nothing anywhere (the column is hidden too).
HELPER = Look(border=False, wrap=False, number_format=";;;")
#: Chart pages printed at most; beyond, the first and the last half of them.
MAX_PAGES = 10


@dataclass(frozen=True)
class Placed:
    """A table written on the sheet: its rows (0-based, inclusive) and their cells."""

    table: Table[Any]
    first: int
    last: int
    cells: Sequence[Sequence[Any]]


def chart_pages(chart: Chart, placed: Placed) -> list[tuple[int, int]]:
    """The row ranges (offsets into the table, inclusive) of each printed chart."""
    count = placed.last - placed.first + 1
    size = chart.per_page or count
    pages = [(start, min(start + size, count) - 1) for start in range(0, count, size)]
    if len(pages) > MAX_PAGES:
        half = MAX_PAGES // 2
        pages = pages[:half] + pages[-half:]
    return pages


def add_charts(
    sheet: Sheet, charts: Sequence[Chart], placed: dict[str, Placed], header_row: int | None
) -> None:
    """Every chart of a table on the sheet, each page after a page break (``header_row``:
    the row printed at the top of every page, if any)."""
    wb, name = sheet.book.wb, sheet.ws.get_name()
    _paper, (width_pt, height_pt) = PAPERS["a4"]
    scale = sheet.print_scale(width_pt)
    # A page's height in the sheet's units (a shrunk sheet holds more); 10 % to spare.
    page_points = height_pt / scale * 0.9
    if header_row is not None:
        page_points -= sheet.heights[header_row]
    width_px = int(sheet.width_points() / 0.75) - 8
    ncols = len(sheet.widths)
    for chart in charts:
        table = placed.get(chart.table)
        if table is None or table.last < table.first:
            continue
        keys = [c.key for c in table.table.columns]
        cat_col, val_col = keys.index(chart.categories), keys.index(chart.values)
        pages = chart_pages(chart, table)
        for first, last in pages:
            # The chart covers a page of rows; under it, one row per bar holds the
            # reference lines' values (shown as nothing), which the lines plot.
            count = last - first + 1
            rows = max(count, math.ceil(page_points / MAX_ROW_POINTS))
            top = sheet.next_row(page_points / rows)
            sheet.page_break(top)
            for n in range(rows):
                row = top if n == 0 else sheet.next_row(page_points / rows)
                if n < count:
                    for k, (_label, value) in enumerate(chart.lines):
                        sheet.write(row, k, value / _unit(table, val_col), HELPER)
            # A blank cell in the last row and column keeps the chart inside the printed area.
            sheet.write(sheet.row, ncols - 1, None, Look(border=False))
            title = chart.title
            if len(pages) > 1 or last - first + 1 < table.last - table.first + 1:
                title = t(
                    "acceptance.chart_pages", title=chart.title, first=first + 1, last=last + 1
                )
            made = wb.add_chart({"type": chart.kind})
            assert made is not None
            r1, r2 = table.first + first, table.first + last
            series: dict[str, Any] = {
                "name": chart.title,
                "categories": [name, r1, cat_col, r2, cat_col],
                "values": [name, r1, val_col, r2, val_col],
                "fill": {"color": BAR_COLOUR},
                "gap": 60,
                "data_labels": {
                    "value": True,
                    "num_format": "0.0%" if _percent(table, val_col) else "0",
                    "font": {"size": 10},
                },
            }
            if chart.color_by is not None:
                col = keys.index(chart.color_by)
                series["points"] = [
                    {"fill": {"color": _colour(cells[col])}}
                    for cells in table.cells[first : last + 1]
                ]
            made.add_series(series)
            if chart.lines:
                lines = wb.add_chart({"type": "line"})
                assert lines is not None
                for n, (label, _value) in enumerate(chart.lines):
                    lines.add_series(
                        {
                            "name": label,
                            "categories": [name, r1, cat_col, r2, cat_col],
                            "values": [name, top, n, top + count - 1, n],
                            "line": {
                                "color": LINE_COLOURS[n % len(LINE_COLOURS)],
                                "dash_type": "dash",
                                "width": 1.5,
                            },
                            "marker": {"type": "none"},
                        }
                    )
                made.combine(lines)
                made.set_legend({"position": "top", "delete_series": [0]})
            else:
                made.set_legend({"none": True})
            made.set_title(
                {
                    "name": title + ("\n" + chart.note if chart.note else ""),
                    "name_font": {"size": 12, "bold": True},
                }
            )
            axis: dict[str, Any] = {
                "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}
            }
            if _percent(table, val_col):
                axis.update({"min": 0, "max": 1, "num_format": "0%"})
            else:  # counts: whole steps
                peak = max((_number(c[val_col]) for c in table.cells[first : last + 1]), default=0)
                axis.update(
                    {"min": 0, "major_unit": max(1, math.ceil(peak / 8)), "num_format": "0"}
                )
            made.set_y_axis(axis)
            # Chinese names read top to bottom, characters upright (East Asian vertical).
            made.set_x_axis({"num_font": {"rotation": 271, "size": 9}})
            made.show_hidden_data()
            made.set_size({"width": width_px, "height": int((page_points - 6) / 0.75)})
            sheet.ws.insert_chart(top, 0, made, {"x_offset": 4, "y_offset": 4})


def _percent(table: Placed, col: int) -> bool:
    return table.table.columns[col].kind == "percent"


def _unit(table: Placed, col: int) -> int:
    """What a value of column ``col`` is divided by in the workbook (a percentage: 100)."""
    return 100 if _percent(table, col) else 1


def _number(cell: Any) -> float:
    value = cell.value if isinstance(cell, Styled) else cell
    return float(value) if isinstance(value, int | float) else 0.0


def _colour(cell: Any) -> str:
    if isinstance(cell, Styled):
        return BAR_COLOURS.get(cell.style, BAR_COLOUR)
    return BAR_COLOUR
