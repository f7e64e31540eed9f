"""Finding lists: filters over the store and the catalog; the list view's JSON records and CSV."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import CatalogError, RecordError
from qingyang_inspect.findings.lifecycle import rectify, void
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.findings.select import FindingFilter, select_findings
from qingyang_inspect.store import Store
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
