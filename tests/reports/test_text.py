"""CSV (UTF-8 with BOM, formula-safe) and JSON output of the reports."""

from __future__ import annotations

import csv
import io
import json

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.reports.acceptance import build_acceptance
from qingyang_inspect.reports.rectification import LedgerFilter, build_ledger
from qingyang_inspect.reports.source import ListSource
from qingyang_inspect.reports.text import (
    csv_cell,
    write_acceptance_json,
    write_ledger_csv,
    write_ledger_json,
)
from worked_example import AS_OF, LEDGER_HEADERS_ZH, ROUND, rounds


def test_csv_has_bom_fixed_columns_and_neutralised_formulas(
    catalog: Catalog, source: ListSource
) -> None:
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=LedgerFilter())
    out = io.StringIO()
    assert write_ledger_csv(ledger, out) == 9
    text = out.getvalue()
    assert text.startswith("\ufeff序号,轮次,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == LEDGER_HEADERS_ZH
    assert len(rows) == 10 and all(len(r) == 23 for r in rows)
    assert rows[1][2] == "2026-06-02" and rows[1][11] == "ab/" + "ab" * 32 + ".jpg"
    notes = [r[9] for r in rows[1:]]
    assert "'=巷口堆放杂物" in notes and "'@公益广告褪色" in notes and "'+消防通道堆放杂物" in notes
    assert csv_cell("-3") == "'-3" and csv_cell(-3) == "-3" and csv_cell(None) == ""


def test_ledger_json_streams_a_valid_document(catalog: Catalog, source: ListSource) -> None:
    flt = LedgerFilter(round_name=ROUND)
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=flt)
    out = io.StringIO()
    write_ledger_json(ledger, out)
    data = json.loads(out.getvalue())
    assert data["report"] == "rectification" and data["count"] == 6
    assert data["filters"]["round"] == ROUND
    assert data["rows"] == [row.to_json() for row in ledger.rows()]
    assert data["rows"][0]["status"] == "open" and data["rows"][0]["status_label"] == "待整改"

    empty = io.StringIO()
    write_ledger_json(
        build_ledger(catalog, ListSource([]), district="x", as_of=AS_OF, flt=flt), empty
    )
    assert json.loads(empty.getvalue())["rows"] == []


def test_acceptance_json(catalog: Catalog, source: ListSource) -> None:
    report = build_acceptance(catalog, source, rounds()[ROUND], district="测试区", as_of=AS_OF)
    out = io.StringIO()
    write_acceptance_json(report, out)
    data = json.loads(out.getvalue())
    assert data["standard"] == {"id": "test-standard", "version": "1.0", "title": "测试用测评标准"}
    sites = {s["site_id"]: s for s in data["sites"]}
    assert sites["M2"]["rate"] == 20.63 and sites["M2"]["incomplete"]
    assert sites["A1"]["vetoes"] == ["CM-SF-01"]
    assert [i["result"] for i in sites["M2"]["items"]] == ["unchecked", "na", "fail", "fail"]
    summary = {s["site_id"]: s for s in data["summary"]["sites"]}
    assert (summary["M1"]["rate"], summary["M1"]["verdict"], summary["M1"]["rank"]) == (
        92.5,
        "basically_met",
        1,
    )
    assert data["summary"]["total"]["mean_rate"] == 57.71
