"""The acceptance report's workbook: the summary sheet first, then a score sheet per site.

The sites stream first (each scored, written and let go); the summary sheet is
created before them, so it comes first in the workbook, and filled once the
last site is scored. Its charts (:mod:`.charts`) plot the summary's own cells,
each on a printed page after the signature block.
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
    Book,
    Look,
    Sheet,
    column_looks,
    fit_width,
    styled,
    variant,
)
from qingyang_inspect.render.xlsx.charts import Placed, add_charts
from qingyang_inspect.render.xlsx.sheets import (
    TableRows,
    column_widths,
    write_heading,
    write_rows,
    write_signatures,
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


#: Rows of a table (with its heading) short enough to move whole onto the signatures' page.
SHORT_TABLE_ROWS = 24


def _fitted(tables: Sequence[tuple[Table[Any], Sequence[Sequence[Any]]]]) -> list[float]:
    """Column widths fitted to the labels and cells of tables sharing the columns (the
    sites, then subtotals and failures below them), each within its column's hint."""
    first = tables[0][0]
    widths = []
    for n, column in enumerate(first.columns):
        texts = [column.label]
        for table, rows in tables:
            if n < len(table.columns):
                texts += [_shown(r[n], table.columns[n].kind) for r in rows if r[n] is not None]
        width = fit_width(texts, minimum=6, maximum=column.width or 14)
        widths.append(max(width, 9) if column.kind in ("percent", "number") else width)
    return widths


def _shown(value: Any, kind: str) -> str:
    """A cell as it reads in the workbook (a number with 2 decimals and a percent sign)."""
    if isinstance(value, Styled):
        value = value.value
    if kind == "percent":
        return f"{value}%"
    return str(value)


def write_summary(sheet: Sheet, title: str, group: Group, context: RenderContext) -> None:
    """One row per site, the rate note, subtotals with their total, failures by category,
    the signature block, then the charts, each on a page of its own."""
    # Texts before the first table are heading lines, the others notes under the sites.
    first_table = next(n for n, s in enumerate(group.sections) if isinstance(s, Table))
    lines = [s.text for s in group.sections[:first_table] if isinstance(s, Text)]
    notes = [s.text for s in group.sections[first_table:] if isinstance(s, Text)]
    signatures = next((s for s in group.sections if isinstance(s, Signatures)), None)
    charts = [s for s in group.sections if isinstance(s, Chart)]
    total = next((s for s in group.sections if isinstance(s, Fields) and s.key == "total"), None)
    tables = [s for s in group.sections if isinstance(s, Table)]
    sites = tables[0]
    cells = {table.key: [list(table.cells(e)) for e in table.source()] for table in tables}
    total_row = [total.title, *(f.value for f in total.fields)] if total is not None else []
    sheet.set_widths(
        _fitted([(table, cells[table.key]) for table in tables] + [(tables[1], [total_row])])
        if total is not None and len(tables) > 1
        else _fitted([(table, cells[table.key]) for table in tables])
    )
    ncols = len(sites.columns)
    write_heading(sheet, title, lines, ncols)
    placed: dict[str, Placed] = {}
    rows = TableRows(sheet, sites)
    header = rows.header()
    sheet.ws.freeze_panes(header + 1, 2)
    sheet.print_setup(header_row=None)
    rows.add_all(sites.source())
    # The header repeats on every printed page only when the sites run over a page.
    repeat = len(sheet.page_starts(sheet.page_capacity(), None)) > 1
    if repeat:
        sheet.ws.repeat_rows(header)
    placed[sites.key] = Placed(sites, header + 1, sheet.row, cells[sites.key])
    sheet.ws.autofilter(header, 0, max(sheet.row, header + 1), ncols - 1)
    if rows.count == 0 and sites.empty is not None:
        sheet.paragraph(sites.empty, 0, ncols - 1)
    for note in notes:
        sheet.paragraph(note, 0, ncols - 1)

    last_heading = None
    for table in tables[1:]:
        sheet.next_row()
        row = last_heading = sheet.next_row(20)
        sheet.write(row, 0, table.title, HEADING)
        first = sheet.row + 2
        write_rows(sheet, table, table.source(), None, context)
        placed[table.key] = Placed(table, first, sheet.row, cells[table.key])
        if total is not None and table.key.startswith("by_"):
            kinds = ["text", *(f.kind for f in total.fields)]
            looks = [variant(look, bold=True) for look in column_looks(kinds)]
            sheet.append([_percent(v, k) for v, k in zip(total_row, kinds, strict=True)], looks)

    if signatures is not None:
        sheet.next_row()
        footer = sheet.row + 1
        write_signatures(sheet, signatures, ncols)
        # Where the signatures need company on their page, a short last table goes with
        # them whole (its heading too), not its last row or two.
        lead = 2
        if last_heading is not None and footer - last_heading <= SHORT_TABLE_ROWS:
            lead = footer - last_heading
        sheet.keep_footer(footer, header, lead=lead)
    add_charts(sheet, charts, placed, header if repeat else None)


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
    # The view's widths, so every site's form looks alike; wider only where a word of an
    # English label (a category, a method) would break inside.
    elements = list(items.source())
    sheet.set_widths(column_widths(items, (items.cells(e) for e in elements)))
    rows = TableRows(sheet, items)
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
    sheet.print_setup(header_row=head_row, name=header.title or "")
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
    sheet.keep_footer(footer_row, head_row, lead=3, one_page=True)
