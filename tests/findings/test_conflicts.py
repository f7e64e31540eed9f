"""Conflicting results: refused when recorded, reported where a store already holds them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.conflicts import find_conflicts, in_the_way
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.findings.pins import round_states
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.store import Store
from qingyang_inspect.views.acceptance import build_acceptance
from store_helpers import NOW, make_facts


def record(store: Store, catalog: Catalog, result: str, **extra: Any) -> Finding:
    values: dict[str, Any] = {
        "site_id": "M1",
        "item_id": "CM-EN-01",
        "result": result,
        "inspector": "张三",
        "at": NOW - dt.timedelta(hours=1),
    }
    if result == "na":
        values["note"] = "无此设施"
    values.update(extra)
    return record_finding(store, catalog, RecordRequest(**values), now=NOW).finding


@pytest.mark.parametrize(
    ("earlier", "new", "refused"),
    [
        ("fail", "pass", True),
        ("na", "pass", True),
        ("pass", "pass", False),
        ("pass", "na", True),
        ("fail", "na", True),
        ("na", "na", False),
        ("na", "fail", True),
        ("pass", "fail", False),  # a problem found after a pass: the failure counts
        ("fail", "fail", False),  # several failures (other places) add up
    ],
)
def test_which_results_contradict(earlier: str, new: str, refused: bool) -> None:
    existing = [make_facts(result=earlier)]
    assert bool(in_the_way(new, existing)) is refused  # type: ignore[arg-type]
    voided = [existing[0]._replace(voided=True)]
    assert in_the_way(new, voided) == []  # type: ignore[arg-type]


def test_a_closed_failure_still_refuses_a_pass(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    fixed = record(store, catalog, "fail", on_spot=True)  # closed at once
    with pytest.raises(RecordError) as caught:
        record(store, catalog, "pass")
    assert fixed.number in caught.value.message
    assert f"--supersedes {fixed.number}" in str(caught.value.hint)


def test_supersedes_is_all_or_nothing(store: Store, catalog: Catalog, supervision: str) -> None:
    passed = record(store, catalog, "pass")
    failed = record(store, catalog, "fail", note="西门")
    # n/a must replace both; naming one leaves the other in the way: nothing is voided
    with pytest.raises(RecordError, match=failed.number):
        record(store, catalog, "na", supersedes=(passed.number,))
    assert not store.finding(passed.id).voided
    na = record(store, catalog, "na", supersedes=(passed.number, failed.id))
    assert store.finding(passed.id).voided and store.finding(failed.id).voided
    assert [f.id for f in store.iter_findings(site_id="M1")] == [na.id]


def test_a_store_holding_conflicts_reports_them_instead_of_guessing(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    # Written straight to the store, as versions before the rule did.
    base = NOW - dt.timedelta(hours=3)
    na = make_facts(round_name=supervision, result="na", note="无", found_at=base)
    failed = make_facts(round_name=supervision, found_at=base + dt.timedelta(minutes=5))
    passed = make_facts(round_name=supervision, item_id="CM-AD-01", result="pass", found_at=base)
    store.add_findings([na, failed, passed])

    [conflict] = find_conflicts(store.iter_findings())
    assert (conflict.site_id, conflict.item_id) == ("M1", "CM-EN-01")
    assert conflict.numbers == (na.number, failed.number)
    [state] = round_states(store, catalog)
    assert state.conflicts == (conflict,)

    report = build_acceptance(
        catalog,
        store.iter_findings,
        store.round(supervision),
        district="测试区",
        as_of=NOW.date(),
    )
    sheet = next(s for s in report.sheets() if s.site.id == "M1")
    row = next(r for r in sheet.rows if r.item_id == "CM-EN-01")
    assert (row.result_code, row.result) == ("conflict", "结果冲突")
    assert row.numbers == (na.number, failed.number)
    assert row.score is None and sheet.score.incomplete  # counted as not checked
