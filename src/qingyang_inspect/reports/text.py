"""CSV and JSON output of the reports, streamed row by row.

CSV is UTF-8 with a byte-order mark so Excel opens Chinese correctly, in the
ledger's fixed column order, with labels. A CSV cell has no type, so text that
a spreadsheet would read as a formula (beginning with ``= + - @``, tab or
carriage return) gets a leading apostrophe. JSON carries codes and labels; a
ledger's rows are written one at a time, so a 100,000-row ledger streams too.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TextIO

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.reports.acceptance import Acceptance, Summary, SummaryBuilder
from qingyang_inspect.reports.rectification import Ledger, ledger_headers
from qingyang_inspect.views.labels import date_text

BOM = "\ufeff"
CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")

Progress = Callable[[int], None]


def csv_cell(value: Any) -> str:
    """A value as CSV text: dates ISO, photos as their paths, risky text neutralised."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(p.relpath for p in value if isinstance(p, Photo))
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return "'" + value if value.startswith(CSV_RISKY) else value
    return str(value)


def write_ledger_csv(ledger: Ledger, out: TextIO, *, progress: Progress | None = None) -> int:
    """The all-units ledger as CSV (with BOM); returns the number of rows."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ledger_headers())
    count = 0
    for row in ledger.rows():
        writer.writerow([csv_cell(v) for v in row.values()])
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(1000)
    return count


def write_ledger_json(ledger: Ledger, out: TextIO, *, progress: Progress | None = None) -> int:
    """The ledger as one JSON document, rows streamed; returns the number of rows."""
    head = {
        "report": "rectification",
        "district": ledger.district,
        "as_of": date_text(ledger.as_of),
        "filters": {
            "round": ledger.flt.round_name,
            "units": sorted(ledger.flt.units),
            "streets": sorted(ledger.flt.streets),
            "statuses": sorted(ledger.flt.statuses),
        },
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    out.write(text[:-2] + ',\n  "rows": [')
    count = 0
    for row in ledger.rows():
        out.write(",\n    " if count else "\n    ")
        out.write(json.dumps(row.to_json(), ensure_ascii=False))
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(1000)
    out.write(("\n  " if count else "") + f'],\n  "count": {count}\n}}\n')
    return count


def write_acceptance_json(
    report: Acceptance, out: TextIO, *, progress: Progress | None = None
) -> Summary:
    """The acceptance report as JSON: header, every site with its items, then the summary.

    Sites are written as they are scored, so only the summary is held.
    """
    builder = SummaryBuilder(report.catalog)
    text = json.dumps(report.header_json(), ensure_ascii=False, indent=2)
    out.write(text[:-2] + ',\n  "sites": [')
    for n, sheet in enumerate(report.sheets()):
        builder.add(sheet)
        out.write(",\n    " if n else "\n    ")
        out.write(json.dumps(sheet.to_json(), ensure_ascii=False))
        if progress is not None:
            progress(1)
    summary = builder.build()
    body = json.dumps(summary.to_json(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(f'\n  ],\n  "summary": {body}\n}}\n')
    return summary
