"""The lifecycle: rectify, recheck, amend, void: each an event, refused in the wrong status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.lifecycle import amend, recheck, rectify, void
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.findings.replay import replay
from qingyang_inspect.store import Store
from store_helpers import NOW

LATER = NOW + dt.timedelta(hours=2)


def record(store: Store, catalog: Catalog, **overrides: Any) -> Finding:
    values: dict[str, Any] = {
        "site_id": "M1",
        "item_id": "CM-EN-01",
        "result": "fail",
        "inspector": "张三",
    }
    values.update(overrides)
    return record_finding(store, catalog, RecordRequest(**values), now=NOW).finding


def test_the_full_loop_with_a_rejection(store: Store, catalog: Catalog, supervision: str) -> None:
    finding = record(store, catalog, count=2)
    step1 = rectify(store, catalog, finding.id, note="已清理", actor="李整改", now=LATER)
    assert step1.status == "rectified" and step1.rectified_by == "测试市场管理公司"
    assert step1.rectified_at == LATER and step1.rectification_note == "已清理"
    step2 = recheck(store, finding.id, passed=False, note="仍有垃圾", actor="王督导", now=LATER)
    assert step2.status == "open" and step2.recheck_result == "reject"
    assert step2.recheck_note == "仍有垃圾" and step2.closed_at is None
    rectify(store, catalog, finding.id, note="彻底清理", by="保洁公司", actor="李整改", now=LATER)
    done = recheck(store, finding.id, passed=True, actor="王督导", now=LATER)
    assert done.status == "closed" and done.closed_at == LATER and done.recheck_result == "pass"
    assert done.rectified_by == "保洁公司"
    assert store.finding(finding.id) == done
    events = store.events(finding.id)
    assert [e.kind for e in events] == [
        "recorded",
        "rectified",
        "rechecked",
        "rectified",
        "rechecked",
    ]
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]  # the place each took when entered
    assert len({e.id for e in events}) == 5
    assert events[2].data == {
        "outcome": "reject",
        "note": "仍有垃圾",
        "status": ["rectified", "open"],
    }
    assert events[3].actor == "李整改"


def test_wrong_status_errors_name_the_current_status(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    finding = record(store, catalog)
    with pytest.raises(RecordError, match="「待整改」") as caught:
        recheck(store, finding.id, passed=True, actor="x", now=LATER)
    assert "inspect rectify" in (caught.value.hint or "")
    rectify(store, catalog, finding.id, note="done", actor="x", now=LATER)
    with pytest.raises(RecordError, match="「已整改待复查」"):
        rectify(store, catalog, finding.id, note="again", actor="x", now=LATER)
    recheck(store, finding.id, passed=True, actor="x", now=LATER)
    with pytest.raises(RecordError, match="「已销号」"):
        rectify(store, catalog, finding.id, note="again", actor="x", now=LATER)
    with pytest.raises(RecordError, match="「已销号」"):
        recheck(store, finding.id, passed=False, actor="x", now=LATER)
    assert len(store.events(finding.id)) == 3


def test_pass_findings_and_on_spot_fixes_need_no_rectification(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    passed = record(store, catalog, result="pass")
    with pytest.raises(RecordError, match="「符合」，不是问题"):
        rectify(store, catalog, passed.id, note="x", actor="x", now=LATER)
    fixed = record(store, catalog, on_spot=True)
    with pytest.raises(RecordError, match="「已销号」"):
        rectify(store, catalog, fixed.id, note="x", actor="x", now=LATER)


def test_rectify_needs_a_note(store: Store, catalog: Catalog, supervision: str) -> None:
    finding = record(store, catalog)
    for note in (None, "  "):
        with pytest.raises(RecordError, match="--note"):
            rectify(store, catalog, finding.id, note=note, actor="x", now=LATER)
    assert len(store.events(finding.id)) == 1


def test_after_photos(store: Store, catalog: Catalog, supervision: str, tmp_path: Path) -> None:
    before, after = tmp_path / "before.jpg", tmp_path / "after.jpg"
    Image.new("RGB", (16, 16), "red").save(before)
    Image.new("RGB", (16, 16), "green").save(after)
    finding = record(store, catalog, photos=(before,))
    done = rectify(store, catalog, finding.id, note="ok", photos=(after,), actor="x", now=LATER)
    assert [(p.stage, p.original_name) for p in done.photos] == [
        ("before", "before.jpg"),
        ("after", "after.jpg"),
    ]
    assert store.finding(finding.id).photos == done.photos
    kept = store.events(finding.id)[1].data["photos"]
    assert [p["relpath"] for p in kept] == [done.photos_at("after")[0].relpath]
    # Wrong status: refused before any photo is copied.
    late = tmp_path / "late.jpg"
    Image.new("RGB", (16, 16), "blue").save(late)
    with pytest.raises(RecordError):
        rectify(store, catalog, finding.id, note="again", photos=(late,), actor="x", now=LATER)
    stored = {p.name for p in store.evidence_dir.rglob("*.jpg")}
    assert len(stored) == 2


def test_amendments_keep_old_and_new_values(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    finding = record(store, catalog, count=2, note="垃圾")
    due = finding.due_date + dt.timedelta(days=3)  # type: ignore[operator]
    changed = amend(
        store,
        catalog,
        finding.id,
        count=3,
        due=due,
        note="",
        location="东门",
        reason="复核更正",
        actor="王督导",
        now=LATER,
    )
    assert (changed.occurrences, changed.due_date, changed.note, changed.location) == (
        3,
        due,
        None,
        "东门",
    )
    event = store.events(finding.id)[-1]
    assert event.kind == "amended" and event.reason == "复核更正" and event.actor == "王督导"
    assert event.data == {
        "occurrences": [2, 3],
        "due_date": [finding.due_date.isoformat(), due.isoformat()],  # type: ignore[union-attr]
        "note": ["垃圾", None],
        "location": [None, "东门"],
    }
    assert store.finding(finding.id) == changed


def test_amending_the_result(store: Store, catalog: Catalog, supervision: str) -> None:
    finding = record(store, catalog, result="pass")
    failed = amend(store, catalog, finding.id, result="fail", reason="看错了", actor="x", now=LATER)
    assert failed.status == "open" and failed.occurrences == 1
    assert failed.due_date == finding.found_at.date() + dt.timedelta(days=1)
    with pytest.raises(RecordError, match="说明原因"):
        amend(store, catalog, finding.id, result="na", reason="x", actor="x", now=LATER)
    na = amend(
        store, catalog, finding.id, result="na", note="无此设施", reason="x", actor="x", now=LATER
    )
    assert (na.status, na.occurrences, na.due_date) == (None, 0, None)
    assert store.events(finding.id)[-1].data["status"] == ["open", None]
    assert store.finding(finding.id) == na


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({}, "没有任何变化"),
        ({"count": 1}, "没有任何变化"),
        ({"count": 0}, "至少为 1"),
        ({"result": "pass", "count": 2}, "不能给出例数"),
        ({"result": "pass", "due": NOW.date()}, "整改期限"),
        ({"due": NOW.date() - dt.timedelta(days=9)}, "早于发现日期"),
        ({"result": "bogus"}, "无效"),
    ],
)
def test_bad_amendments(
    store: Store, catalog: Catalog, supervision: str, changes: dict[str, Any], words: str
) -> None:
    finding = record(store, catalog)
    with pytest.raises(RecordError, match=words):
        amend(store, catalog, finding.id, reason="x", actor="x", now=LATER, **changes)
    assert len(store.events(finding.id)) == 1


def test_reasons_are_required(store: Store, catalog: Catalog, supervision: str) -> None:
    finding = record(store, catalog)
    with pytest.raises(RecordError, match="--reason"):
        amend(store, catalog, finding.id, count=2, reason=" ", actor="x", now=LATER)
    with pytest.raises(RecordError, match="--reason"):
        void(store, finding.id, reason=None, actor="x", now=LATER)
    assert len(store.events(finding.id)) == 1


def test_void_hides_from_lists_but_keeps_history(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    kept = record(store, catalog)
    gone = record(store, catalog, item_id="NM-03-01")
    voided = void(store, gone.id, reason="重复记录", actor="王督导", now=LATER)
    assert voided.voided and voided.status == "open"
    assert [f.id for f in store.iter_findings()] == [kept.id]
    assert {f.id for f in store.iter_findings(include_voided=True)} == {kept.id, gone.id}
    assert store.finding(gone.id).voided
    assert not voided.overdue(NOW.date() + dt.timedelta(days=99))
    for step in (
        lambda: void(store, gone.id, reason="again", actor="x", now=LATER),
        lambda: rectify(store, catalog, gone.id, note="x", actor="x", now=LATER),
        lambda: amend(store, catalog, gone.id, count=4, reason="x", actor="x", now=LATER),
    ):
        with pytest.raises(RecordError, match="已作废"):
            step()
    assert [e.kind for e in store.events(gone.id)] == ["recorded", "voided"]


def test_ids_may_be_given_by_prefix(store: Store, catalog: Catalog, supervision: str) -> None:
    finding = record(store, catalog)
    done = rectify(store, catalog, finding.id[:16].lower(), note="ok", actor="x", now=LATER)
    assert done.id == finding.id


def test_replay_of_the_stored_history_equals_the_store_state(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    from qingyang_inspect.findings.model import Finding

    finding = record(store, catalog)
    rectify(store, catalog, finding.id, note="ok", actor="x", now=LATER)
    amend(store, catalog, finding.id, location="西门", reason="补充", actor="x", now=LATER)
    facts = Finding(
        id=finding.id,
        round_name=finding.round_name,
        site_id=finding.site_id,
        item_id=finding.item_id,
        result=finding.result,
        occurrences=finding.occurrences,
        inspector=finding.inspector,
        found_at=finding.found_at,
        recorded_at=NOW,
        due_date=finding.due_date,
    )
    folded = replay(facts._replace(number=finding.number), store.events(finding.id)[1:])
    assert folded == store.finding(finding.id)


def test_streamed_findings_keep_their_own_events_and_photos(
    store: Store, catalog: Catalog, supervision: str, tmp_path: Path
) -> None:
    paths = []
    for n, color in enumerate(("red", "green", "blue")):
        paths.append(tmp_path / f"{n}.png")
        Image.new("RGB", (8, 8), color).save(paths[-1])
    first = record(store, catalog, photos=(paths[0], paths[1]), at=NOW - dt.timedelta(hours=3))
    second = record(store, catalog, item_id="NM-03-01", at=NOW - dt.timedelta(hours=2))
    third = record(
        store, catalog, result="pass", item_id="CM-AD-01", at=NOW - dt.timedelta(hours=1)
    )
    rectify(store, catalog, first.id, note="ok", photos=(paths[2],), actor="x", now=LATER)
    rectify(store, catalog, second.id, note="done", actor="x", now=LATER)
    streamed = list(store.iter_findings())
    assert [f.id for f in streamed] == [first.id, second.id, third.id]
    assert [(p.stage, p.original_name) for p in streamed[0].photos] == [
        ("before", "0.png"),
        ("before", "1.png"),
        ("after", "2.png"),
    ]
    assert streamed[1].photos == () and streamed[1].rectification_note == "done"
    assert streamed[2].status is None and streamed[2].photos == ()
    assert [store.finding(f.id) for f in streamed] == streamed
