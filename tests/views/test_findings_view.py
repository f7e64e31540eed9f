"""The findings list view: JSON records carry every field; CSV shows labels and safe cells."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.lifecycle import rectify
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.csv import render as render_csv
from qingyang_inspect.store import Store
from qingyang_inspect.views.findings import finding_columns, finding_record, findings_list
from store_helpers import NOW


@pytest.fixture
def findings(store: Store, catalog: Catalog, supervision: str) -> dict[str, Finding]:
    def rec(site: str, item: str, result: str = "fail", **more: Any) -> Finding:
        request = RecordRequest(site_id=site, item_id=item, result=result, inspector="张三", **more)
        return record_finding(store, catalog, request, now=NOW).finding

    made = {"m1_dirty": rec("M1", "CM-EN-01"), "m2_floor": rec("M2", "NM-03-01", count=2)}
    rectify(store, catalog, made["m2_floor"].id, note="ok", actor="x", now=NOW)
    return made


def test_records_carry_every_field(
    store: Store, catalog: Catalog, findings: dict[str, Finding]
) -> None:
    finding = store.finding(findings["m2_floor"].id)
    record = finding_record(finding, catalog, NOW.date())
    # Every field of the model, whether or not a column shows it, and every exported column.
    names = list(Finding._fields)
    assert list(record)[: len(names)] == names
    assert {c.key for c in finding_columns() if c.export} <= set(record)
    assert (
        record["site_name"] == "第二农贸市场" and record["responsible_unit"] == "第二市场管理公司"
    )
    assert record["status"] == "rectified" and record["occurrences"] == 2


def test_csv_rows_use_labels_and_neutralise_formulas(
    catalog: Catalog, findings: dict[str, Finding]
) -> None:
    finding = findings["m1_dirty"]._replace(note='=HYPERLINK("http://x")', location="-1")
    out = io.StringIO()
    render_csv(findings_list(catalog, lambda: [finding], as_of=NOW.date()), out, RenderContext())
    row = next(csv.DictReader(io.StringIO(out.getvalue().removeprefix("\ufeff"))))
    assert row["结果"] == "不符合" and row["状态"] == "待整改"
    assert row["说明"] == '\'=HYPERLINK("http://x")' and row["位置"] == "'-1"
    assert row["记录标识"] == finding.id and row["问题编号"] == finding.number
    assert row["立行立改"] == ""
