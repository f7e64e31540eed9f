"""Finding lists: filters over the store and the catalog, JSON rows with every field, CSV cells."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import CatalogError, RecordError
from qingyang_inspect.store import Store
from qingyang_inspect.store.lifecycle import rectify, void
from qingyang_inspect.store.queries import (
    COLUMNS,
    FindingFilter,
    csv_header,
    csv_row,
    finding_record,
    select_findings,
)
from qingyang_inspect.store.recording import RecordRequest, record_finding
from qingyang_inspect.store.records import Finding
from store_helpers import NOW


@pytest.fixture
def findings(store: Store, catalog: Catalog, supervision: str) -> dict[str, Finding]:
    def rec(site: str, item: str, result: str = "fail", **more: Any) -> Finding:
        request = RecordRequest(site_id=site, item_id=item, result=result, inspector="张三", **more)
        return record_finding(store, catalog, request, now=NOW).finding

    made = {
        "m1_dirty": rec("M1", "CM-EN-01"),
        "m1_ads": rec("M1", "CM-AD-01", "pass"),
        "m2_floor": rec("M2", "NM-03-01", count=2),
        "a1_fire": rec("A1", "CM-SF-01"),
        "a1_gone": rec("A1", "CM-EN-01"),
    }
    rectify(store, catalog, made["m2_floor"].id, note="ok", actor="x", now=NOW)
    void(store, made["a1_gone"].id, reason="重复", actor="x", now=NOW)
    return made


def ids(store: Store, catalog: Catalog, **query: Any) -> set[str]:
    query.setdefault("as_of", NOW.date())
    return {f.id for f in select_findings(store, catalog, FindingFilter(**query))}


def test_filters(store: Store, catalog: Catalog, findings: dict[str, Finding]) -> None:
    f = {key: value.id for key, value in findings.items()}
    assert ids(store, catalog) == {f["m1_dirty"], f["m1_ads"], f["m2_floor"], f["a1_fire"]}
    assert ids(store, catalog, include_voided=True) == set(f.values())
    assert ids(store, catalog, site_id="M1") == {f["m1_dirty"], f["m1_ads"]}
    assert ids(store, catalog, unit="第二市场管理公司") == {f["m2_floor"]}
    assert ids(store, catalog, street="草堂街道") == {f["m1_dirty"], f["m1_ads"], f["a1_fire"]}
    assert ids(store, catalog, street="草堂街道", unit="草堂街道办事处") == {f["a1_fire"]}
    assert ids(store, catalog, item_id="CM-EN-01") == {f["m1_dirty"]}
    assert ids(store, catalog, status="rectified") == {f["m2_floor"]}
    assert ids(store, catalog, status="open") == {f["m1_dirty"], f["a1_fire"]}
    assert ids(store, catalog, result="pass") == {f["m1_ads"]}
    assert ids(store, catalog, round_name="2026-06 督导", result="pass") == {f["m1_ads"]}
    # CM-EN-01 and CM-SF-01 are due the next day; NM-03-01 in 5 days.
    later = NOW.date() + dt.timedelta(days=2)
    assert ids(store, catalog, overdue=True) == set()
    assert ids(store, catalog, overdue=True, as_of=later) == {f["m1_dirty"], f["a1_fire"]}


@pytest.mark.parametrize(
    ("query", "error", "words"),
    [
        ({"round_name": "2026-06督导"}, RecordError, "2026-06 督导"),
        ({"site_id": "m2"}, CatalogError, "'M2'"),
        ({"item_id": "CM-EN"}, CatalogError, "未知测评内容"),
        ({"unit": "测试市场管理"}, RecordError, "测试市场管理公司"),
        ({"street": "草堂"}, RecordError, "草堂街道"),
        ({"status": "done"}, RecordError, "状态 'done' 无效"),
    ],
)
def test_unknown_filter_values(
    store: Store,
    catalog: Catalog,
    findings: dict[str, Finding],
    query: dict[str, Any],
    error: type[Exception],
    words: str,
) -> None:
    with pytest.raises(error, match=words):
        ids(store, catalog, **query)


def test_records_carry_every_field(
    store: Store, catalog: Catalog, findings: dict[str, Finding]
) -> None:
    finding = store.finding(findings["m2_floor"].id)
    record = finding_record(finding, catalog, NOW.date())
    assert tuple(record) == COLUMNS
    names = {field.name for field in dataclasses.fields(Finding)}
    assert names <= set(record)
    assert (
        record["site_name"] == "第二农贸市场" and record["responsible_unit"] == "第二市场管理公司"
    )
    assert record["status"] == "rectified" and record["occurrences"] == 2


def test_csv_rows_use_labels_and_neutralise_formulas(
    catalog: Catalog, findings: dict[str, Finding]
) -> None:
    finding = dataclasses.replace(
        findings["m1_dirty"], note='=HYPERLINK("http://x")', location="-1"
    )
    row = dict(
        zip(csv_header(), csv_row(finding_record(finding, catalog, NOW.date())), strict=True)
    )
    assert row["结果"] == "不符合" and row["状态"] == "待整改"
    assert row["说明"] == '\'=HYPERLINK("http://x")' and row["位置"] == "'-1"
    assert row["编号"] == finding.id and row["立行立改"] == ""
