"""CSV: the document's one table, for spreadsheets — UTF-8 with a BOM, labels, formula-safe.

Excel opens UTF-8 CSV correctly only with the byte-order mark. The header is
the exported columns' labels in the current language; every cell is text from
:func:`~qingyang_inspect.render.values.cell_text`, made safe by
:func:`~qingyang_inspect.render.safe.safe_text` (a cell a spreadsheet would run
as a formula gets a leading ``'``). Rows stream.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from qingyang_inspect.errors import ReportError
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.render.values import cell_text
from qingyang_inspect.views.base import Document

BOM = "\ufeff"


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Write the document's table as CSV to the text stream ``target``."""
    out: TextIO = target
    tables = list(document.tables())
    if len(tables) != 1:
        raise ReportError(t("render.csv_one_table", document=document.title))
    table = tables[0]
    exported = [(n, c.kind) for n, c in enumerate(table.columns) if c.export]
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_text(table.columns[n].label, "csv") for n, _ in exported])
    write = writer.writerow
    cells_of = table.cells
    progress = context.progress
    count = 0
    for element in table.source():
        cells = cells_of(element)
        write([safe_text(cell_text(cells[n], kind), "csv") for n, kind in exported])
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(1000)
    return Rendered(rows=count)
