"""The report documents through the CSV (UTF-8 with BOM, formula-safe) and JSON renderers."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render import csv as csv_renderer
from qingyang_inspect.render import json as json_renderer
from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance
from qingyang_inspect.views.base import Document
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
from qingyang_inspect.views.source import ListSource
from worked_example import AS_OF, LEDGER_HEADERS_ZH, ROUND, rounds


def _render(module: Any, document: Document, fmt: str) -> tuple[str, int]:
    out = io.StringIO()
    done = module.render(document, out, RenderContext(fmt=fmt))
    return out.getvalue(), done.rows


def test_csv_has_bom_fixed_columns_and_neutralised_formulas(
    catalog: Catalog, source: ListSource
) -> None:
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=LedgerFilter())
    text, count = _render(csv_renderer, ledger_document(ledger), "csv")
    assert count == 9
    assert text.startswith("\ufeff序号,问题编号,轮次,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == LEDGER_HEADERS_ZH
    assert len(rows) == 10 and all(len(r) == 24 for r in rows)
    assert rows[1][1].startswith("F")  # the problem number
    assert rows[1][3] == "2026-06-02" and rows[1][12] == "ab/" + "ab" * 32 + ".jpg"
    assert rows[1][18] == "否" and rows[1][22] == "2026-06-04"
    notes = [r[10] for r in rows[1:]]
    assert "'=巷口堆放杂物" in notes and "'@公益广告褪色" in notes and "'+消防通道堆放杂物" in notes


def test_ledger_json_streams_a_valid_document(catalog: Catalog, source: ListSource) -> None:
    flt = LedgerFilter(round_name=ROUND)
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=flt)
    text, _ = _render(json_renderer, ledger_document(ledger), "json")
    data = json.loads(text)
    assert data["report"] == "rectification" and data["count"] == 6
    assert data["filters"]["round"] == ROUND
    assert data["rows"] == [row.to_json() for row in ledger.rows()]
    assert data["rows"][0]["status"] == "open" and data["rows"][0]["status_label"] == "待整改"
    assert list(data) == ["report", "district", "as_of", "filters", "rows", "count"]

    empty = build_ledger(catalog, ListSource([]), district="x", as_of=AS_OF, flt=flt)
    assert json.loads(_render(json_renderer, ledger_document(empty), "json")[0])["rows"] == []


def test_acceptance_json(catalog: Catalog, source: ListSource) -> None:
    report = build_acceptance(catalog, source, rounds()[ROUND], district="测试区", as_of=AS_OF)
    data = json.loads(_render(json_renderer, acceptance_document(report), "json")[0])
    assert list(data)[-2:] == ["sites", "summary"]
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
    assert list(data["summary"]) == [
        "sites",
        "by_street",
        "by_site_type",
        "total",
        "failures_by_category",
    ]
    assert data["summary"]["total"]["mean_rate"] == 76.25  # complete sites only
    assert sites["M2"]["verdict"] == "incomplete" and sites["M1"]["dates"] == ["2026-08-03"]
    # most failed items first
    assert data["summary"]["failures_by_category"][0] == {
        "category": "环境卫生",
        "failed_items": 4,
        "occurrences": 12,
    }
