"""The acceptance report's workbook: the summary sheet first, then a score sheet per site.

The sites stream first (each scored, written and let go); the summary sheet is
created before them, so it comes first in the workbook, and filled once the
last site is scored. Charts refer to the summary's own cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.xlsx.book import (
    CENTER,
    DEFAULT_ROW_POINTS,
    HEADING,
    PLAIN,
    Book,
    Look,
    Sheet,
    column_looks,
    fit_width,
    styled,
    variant,
)
from qingyang_inspect.render.xlsx.sheets import (
    TableRows,
    column_widths,
    write_heading,
    write_rows,
)
from qingyang_inspect.views.base import (
    Chart,
    Document,
    Fields,
    Group,
    Page,
    Pages,
    Signatures,
    Styled,
    Table,
    Text,
)
from qingyang_inspect.views.scoresheet import field_text
from qingyang_inspect.views.summary import summary_sheet_name

#: Height in points of a printed row, to place charts below the tables.
ROW_POINTS = 15.0


def write_acceptance(book: Book, document: Document, context: RenderContext) -> Rendered:
    """The summary sheet, then the sheet of every site (in the view's order)."""
    done = Rendered()
    summary_sheet = book.sheet(summary_sheet_name())
    for section in document.iter_sections():
        if isinstance(section, Pages):
            for element in section.source():
                write_site(book, section.page(element), context)
                done.rows += 1
                if context.progress is not None:
                    context.progress(1)
        elif isinstance(section, Group):
            write_summary(summary_sheet, document.title, section, context)
    return done


def _fitted(table: Table[Any], rows: Sequence[Sequence[Any]], minimum: float = 6) -> list[float]:
    """Column widths fitted to the header and the cells, at most each column's hint."""
    widths = []
    for n, column in enumerate(table.columns):
        texts = [column.label, *(str(r[n]) for r in rows if r[n] is not None)]
        widths.append(fit_width(texts, minimum=minimum, maximum=column.width or 14))
    return widths


def write_summary(sheet: Sheet, title: str, group: Group, context: RenderContext) -> None:
    """One row per site, subtotals with their total, failures by category, then the charts."""
    sections = {s.key: s for s in group.sections if isinstance(s, Table | Fields | Chart)}
    # Texts before the first table are heading lines, the others notes under the sites.
    first_table = next(n for n, s in enumerate(group.sections) if isinstance(s, Table))
    lines = [s.text for s in group.sections[:first_table] if isinstance(s, Text)]
    notes = [s.text for s in group.sections[first_table:] if isinstance(s, Text)]
    signatures = next((s for s in group.sections if isinstance(s, Signatures)), None)
    sites = sections["sites"]
    assert isinstance(sites, Table)
    rows = [list(sites.cells(r)) for r in sites.source()]
    widths = _fitted(sites, rows)
    for n, column in enumerate(sites.columns):
        if column.kind == "percent":
            widths[n] = max(widths[n], 9)
        if column.key == "verdict":
            widths[n] = max(widths[n], 12)
    others = [s for s in group.sections if isinstance(s, Table) and s is not sites]
    names = [str(r[0]) for s in others for r in map(s.cells, s.source())]
    widths[0] = max(widths[0], fit_width(names, maximum=24))
    sheet.set_widths(widths)
    ncols = len(sites.columns)
    write_heading(sheet, title, lines, ncols)
    header = sheet.row + 1
    sheet.ws.freeze_panes(header + 1, 2)
    sheet.print_setup(header_row=header)
    places: dict[str, tuple[int, int]] = {}
    write_rows(sheet, sites, sites.source(), None, context)
    places["sites"] = (header + 1, sheet.row)
    sheet.ws.autofilter(header, 0, max(sheet.row, header + 1), ncols - 1)
    for note in notes:
        row = sheet.next_row(sheet.span_height(note, 0, ncols - 1))
        sheet.span(row, 0, ncols - 1, note, PLAIN)

    total = sections.get("total")
    for table in others:
        sheet.next_row()
        row = sheet.next_row(20)
        sheet.write(row, 0, table.title, HEADING)
        first = sheet.row + 2
        write_rows(sheet, table, table.source(), None, context)
        places[table.key] = (first, sheet.row)
        if isinstance(total, Fields) and table.key.startswith("by_"):
            values = [total.title, *(f.value for f in total.fields)]
            kinds = ["text", *(f.kind for f in total.fields)]
            looks = [variant(look, bold=True) for look in column_looks(kinds)]
            sheet.append([_percent(v, k) for v, k in zip(values, kinds, strict=True)], looks)

    if signatures is not None:
        sheet.next_row()
        write_signatures(sheet, signatures, ncols)
    sheet.next_row()
    # Charts start on a fresh page (a chart cut by a page break is hard to read),
    # a row below the break so no edge of the frame shows on the page before.
    sheet.ws.set_h_pagebreaks([sheet.row + 1])
    anchor = sheet.row + 2
    for section in group.sections:
        if isinstance(section, Chart) and section.table in places:
            first, last = places[section.table]
            if last < first:
                continue
            table = next(
                s for s in group.sections if isinstance(s, Table) and s.key == section.table
            )
            keys = [c.key for c in table.columns]
            height = _add_chart(sheet, section, keys, first, last, anchor)
            anchor += int(height / ROW_POINTS * 28.35 / 20) + 2


def _add_chart(
    sheet: Sheet, chart: Chart, keys: list[str], first: int, last: int, anchor: int
) -> float:
    """A chart of rows ``first``…``last`` anchored at row ``anchor``; returns its height (cm)."""
    wb = sheet.book.wb
    name = sheet.ws.get_name()
    cat_col, val_col = keys.index(chart.categories), keys.index(chart.values)
    count = last - first + 1
    made = wb.add_chart({"type": chart.kind})
    assert made is not None
    made.add_series(
        {
            "categories": [name, first, cat_col, last, cat_col],
            "values": [name, first, val_col, last, val_col],
            "fill": {"color": "#4F81BD"},
        }
    )
    made.set_title({"name": chart.title})
    made.set_legend({"none": True})
    if chart.kind == "bar":
        made.set_x_axis({"min": 0, "max": 1, "num_format": "0%"})
        made.set_y_axis({"reverse": True})
        height_cm = max(7.5, 0.55 * count + 2)
    else:
        height_cm = 9.0
    made.set_size({"width": int(24 / 2.54 * 96), "height": int(height_cm / 2.54 * 96)})
    sheet.ws.insert_chart(anchor, 0, made)
    return height_cm


def _percent(value: Any, kind: str) -> Any:
    if isinstance(value, Styled):
        value = value.value
    return value / 100 if kind == "percent" and value is not None else value


def write_site(book: Book, page: Page, context: RenderContext) -> None:
    """A site's 验收评分表: header pairs, items, totals under 得分, notes, signatures."""
    header = next(s for s in page.sections if isinstance(s, Fields) and s.key == "header")
    items = next(s for s in page.sections if isinstance(s, Table))
    footer = next(s for s in page.sections if isinstance(s, Fields) and s.key == "footer")
    notes = [s.text for s in page.sections if isinstance(s, Text)]
    signatures = next((s for s in page.sections if isinstance(s, Signatures)), None)

    sheet = book.sheet(page.name)
    # Fixed widths: every site's form looks alike, and nothing is measured per site.
    sheet.set_widths(column_widths(items))
    rows = TableRows(sheet, items)
    elements = list(items.source())
    # Most items need the same height: make it the sheet's default, set the others.
    prepared = [rows.prepare(e) for e in elements]
    if prepared:
        common = Counter(p.height or DEFAULT_ROW_POINTS for p in prepared).most_common(1)
        sheet.set_default_height(common[0][0])
    ncols = len(items.columns)
    half = ncols // 2
    row = sheet.next_row(28)
    sheet.span(
        row, 0, ncols - 1, header.title or "", variant(CENTER, bold=True, size=16, border=False)
    )

    fields = [field_text(f.label, str(f.value)) for f in header.fields]
    for n in range(0, len(fields), 2):
        pair = fields[n : n + 2]
        if len(pair) == 2:
            sheet.columns_of_text([(pair[0], 0, half - 1), (pair[1], half, ncols - 1)])
        else:
            sheet.paragraph(pair[0], 0, ncols - 1)
    head_row = rows.header()
    sheet.print_setup(header_row=head_row)
    sheet.ws.freeze_panes(head_row + 1, 0)
    for row_cells in prepared:
        rows.add_prepared(row_cells)
    rows.close()

    keys = [c.key for c in items.columns]
    score_col = keys.index("score")
    footer_row = sheet.row + 1
    label_look = Look(bold=True, horizontal="right", border=False, wrap=False)
    for f in footer.fields:
        row = sheet.next_row(20)
        sheet.span(row, 0, score_col - 1, f.label, label_look)
        value = f.value
        look = column_looks([f.kind])[0]
        if isinstance(value, Styled):
            look = styled(variant(look, horizontal="left", bold=True), value.style)
            sheet.span(row, score_col, ncols - 1, value.value, look)
            continue
        sheet.write(row, score_col, _percent(value, f.kind), look)
    for note in notes:
        sheet.paragraph(note, 0, ncols - 1)
    if signatures is not None:
        sheet.next_row(DEFAULT_ROW_POINTS)
        write_signatures(sheet, signatures, ncols)
    sheet.keep_together(footer_row, head_row)


def write_signatures(sheet: Sheet, block: Signatures, ncols: int) -> None:
    """The labels of a signature block side by side across ``ncols`` columns."""
    row = sheet.next_row(30)
    look = Look(border=False, wrap=False)
    count = len(block.labels)
    step = max(ncols // max(count, 1), 1)
    for n, label in enumerate(block.labels):
        first = n * step
        last = ncols - 1 if n == count - 1 else first + step - 1
        sheet.span(row, first, last, label, look)
