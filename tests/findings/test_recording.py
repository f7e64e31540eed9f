"""Rounds and recording: every rule refuses bad input with a clear message and writes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import CatalogError, RecordError
from qingyang_inspect.findings.recording import (
    RecordRequest,
    choose_round,
    close_round,
    open_round,
    record_finding,
    resolve_inspector,
)
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import Workspace
from store_helpers import NOW, ROUND_DATE


def request(**overrides: Any) -> RecordRequest:
    values: dict[str, Any] = {
        "site_id": "M1",
        "item_id": "CM-EN-01",
        "result": "fail",
        "inspector": "张三",
    }
    values.update(overrides)
    return RecordRequest(**values)


def nothing_written(store: Store) -> bool:
    conn = store._conn
    return all(
        conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
        for table in ("findings", "events")
    )


def test_round_pins_the_standard(store: Store, catalog: Catalog, supervision: str) -> None:
    found = store.round(supervision)
    assert (found.standard_id, found.standard_version) == ("test-standard", "1.0")
    assert found.kind == "supervision" and found.status == "open"
    assert found.date == ROUND_DATE and found.opened_at == NOW


def test_round_names_and_kinds_are_checked(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    def open_(name: str, kind: str = "acceptance") -> None:
        open_round(store, catalog, name=name, kind=kind, date=NOW.date(), actor="x", now=NOW)

    with pytest.raises(RecordError, match="已存在"):
        open_(supervision)
    with pytest.raises(RecordError, match="无效"):
        open_("   ")
    with pytest.raises(RecordError, match="无效"):
        open_("a\nb")
    with pytest.raises(RecordError, match="未知的轮次类型"):
        open_("x", kind="party")
    assert [r.name for r in store.rounds()] == [supervision]


def test_rounds_list_by_date_then_name(store: Store, catalog: Catalog) -> None:
    for name, day in [("b", 2), ("a", 2), ("c", 1)]:
        open_round(
            store,
            catalog,
            name=name,
            kind="self-check",
            date=dt.date(2026, 6, day),
            actor="x",
            now=NOW,
        )
    assert [r.name for r in store.rounds()] == ["c", "a", "b"]


def test_choosing_a_round(store: Store, catalog: Catalog) -> None:
    with pytest.raises(RecordError, match="没有进行中的检查轮次"):
        choose_round(store, None)
    open_round(store, catalog, name="A", kind="supervision", date=NOW.date(), actor="x", now=NOW)
    assert choose_round(store, None).name == "A"
    open_round(store, catalog, name="B", kind="acceptance", date=NOW.date(), actor="x", now=NOW)
    with pytest.raises(RecordError) as caught:
        choose_round(store, None)
    assert "A, B" in caught.value.message and "--round" in (caught.value.hint or "")
    assert choose_round(store, "B").name == "B"
    close_round(store, name="B", actor="x", now=NOW)
    with pytest.raises(RecordError, match="已关闭"):
        choose_round(store, "B")
    with pytest.raises(RecordError, match="已经关闭"):
        close_round(store, name="B", actor="x", now=NOW)
    with pytest.raises(RecordError, match="未知轮次"):
        choose_round(store, "Z")
    assert choose_round(store, None).name == "A"


def test_inspector_resolution(workspace: Workspace) -> None:
    assert resolve_inspector(" 李四 ", workspace) == "李四"
    with pytest.raises(RecordError, match="不能匿名") as caught:
        resolve_inspector(None, workspace)
    assert "INSPECT_INSPECTOR" in (caught.value.hint or "")
    configured = dataclasses.replace(workspace, inspector="王五")
    assert resolve_inspector(None, configured) == "王五"
    assert resolve_inspector("李四", configured) == "李四"


def test_a_failure_gets_the_items_rectification_days(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    at = dt.datetime(2026, 6, 8, 15, 30, tzinfo=NOW.tzinfo)
    recorded = record_finding(store, catalog, request(at=at, count=2, note=" 垃圾 "), now=NOW)
    finding = recorded.finding
    assert finding.due_date == dt.date(2026, 6, 9)  # CM-EN-01: 1 day
    assert finding.status == "open" and finding.occurrences == 2 and finding.note == "垃圾"
    assert finding.found_at == at and recorded.warnings == ()
    assert store.finding(finding.id) == finding
    [event] = store.events(finding.id)
    # The recorded event is the finding's row: it happened when found, was entered NOW.
    assert (event.kind, event.at, event.entered_at, event.actor) == ("recorded", at, NOW, "张三")
    assert finding.number == finding.id[-10:] and store.resolve_id(finding.number) == finding.id
    # NM-03-01 has no days of its own: the standard's default, 5 working days from
    # Wednesday 2026-06-10: Thu 11, Fri 12, (weekend), Mon 15, Tue 16, Wed 17.
    other = record_finding(store, catalog, request(item_id="NM-03-01"), now=NOW).finding
    assert other.due_date == dt.date(2026, 6, 17)


def test_pass_na_and_on_spot(store: Store, catalog: Catalog, supervision: str) -> None:
    passed = record_finding(store, catalog, request(result="pass"), now=NOW).finding
    assert (passed.status, passed.occurrences, passed.due_date) == (None, 0, None)
    na = record_finding(
        store, catalog, request(result="na", note="无此设施", item_id="NM-03-01"), now=NOW
    ).finding
    assert na.status is None and na.note == "无此设施"
    fixed = record_finding(
        store, catalog, request(on_spot=True, count=3, item_id="NM-04-01"), now=NOW
    ).finding
    assert fixed.status == "closed" and fixed.on_spot and fixed.closed_at == fixed.found_at
    assert fixed.occurrences == 3 and fixed.due_date == NOW.date()
    assert not fixed.overdue(NOW.date() + dt.timedelta(days=30))


def test_explicit_due_date(store: Store, catalog: Catalog, supervision: str) -> None:
    due = NOW.date() + dt.timedelta(days=10)
    assert record_finding(store, catalog, request(due=due), now=NOW).finding.due_date == due


@pytest.mark.parametrize(
    ("overrides", "error", "words"),
    [
        ({"site_id": "M9"}, CatalogError, "未知点位 'M9'"),
        ({"site_id": "m1"}, CatalogError, "'M1'"),
        ({"item_id": "CM-EN-1"}, CatalogError, "'CM-EN-01'"),
        ({"site_id": "A1", "item_id": "NM-03-01"}, RecordError, "背街小巷"),
        ({"result": "maybe"}, RecordError, "结果 'maybe' 无效"),
        ({"count": 0}, RecordError, "至少为 1"),
        ({"count": -2}, RecordError, "至少为 1"),
        ({"result": "pass", "count": 1}, RecordError, "不能给出例数"),
        ({"result": "na", "note": "x", "count": 1}, RecordError, "不能给出例数"),
        ({"result": "na"}, RecordError, "说明原因"),
        ({"result": "na", "note": "   "}, RecordError, "说明原因"),
        ({"at": NOW + dt.timedelta(minutes=1)}, RecordError, "晚于现在"),
        ({"due": NOW.date() - dt.timedelta(days=1)}, RecordError, "早于发现日期"),
        ({"result": "pass", "due": NOW.date()}, RecordError, "整改期限"),
        ({"result": "pass", "on_spot": True}, RecordError, "立行立改"),
        ({"on_spot": True, "due": NOW.date()}, RecordError, "--due"),
        ({"note": "长" * 2001}, RecordError, "超过上限"),
        ({"inspector": "  "}, RecordError, "不能匿名"),
        ({"round_name": "nope"}, RecordError, "未知轮次"),
    ],
)
def test_bad_requests_are_refused_and_write_nothing(
    store: Store,
    catalog: Catalog,
    supervision: str,
    overrides: dict[str, Any],
    error: type[Exception],
    words: str,
) -> None:
    with pytest.raises(error) as caught:
        record_finding(store, catalog, request(**overrides), now=NOW)
    assert words in str(caught.value)
    assert nothing_written(store)


def test_photos_are_stored_and_linked(
    store: Store, catalog: Catalog, supervision: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.jpg", tmp_path / "b.png"
    Image.new("RGB", (16, 16), "red").save(first)
    Image.new("RGB", (16, 16), "blue").save(second)
    finding = record_finding(store, catalog, request(photos=(first, second)), now=NOW).finding
    assert [p.original_name for p in finding.photos] == ["a.jpg", "b.png"]
    assert all(p.stage == "before" for p in finding.photos)
    assert all((store.evidence_dir / p.relpath).is_file() for p in finding.photos)
    assert store.finding(finding.id).photos == finding.photos
    [recorded] = store.events(finding.id)
    assert [p["relpath"] for p in recorded.data["photos"]] == [p.relpath for p in finding.photos]
    assert store.check() == []


def test_a_bad_photo_records_nothing(
    store: Store, catalog: Catalog, supervision: str, tmp_path: Path
) -> None:
    good = tmp_path / "a.jpg"
    Image.new("RGB", (16, 16), "red").save(good)
    not_image = tmp_path / "notes.jpg"
    not_image.write_text("not a photo")
    for bad in (tmp_path / "missing.jpg", not_image):
        with pytest.raises(RecordError):
            record_finding(store, catalog, request(photos=(good, bad)), now=NOW)
    assert nothing_written(store)
    assert not store.evidence_dir.exists() or not any(store.evidence_dir.rglob("*.jpg"))


def test_a_finding_refused_by_the_rules_copies_no_photo(
    store: Store, catalog: Catalog, supervision: str, tmp_path: Path
) -> None:
    good = tmp_path / "a.jpg"
    Image.new("RGB", (16, 16), "red").save(good)
    with pytest.raises(RecordError):
        record_finding(store, catalog, request(count=0, photos=(good,)), now=NOW)
    assert not store.evidence_dir.exists()


def test_recording_warns_when_the_files_changed_since_the_round_pinned_them(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    item = catalog.items["CM-EN-01"]
    newer = dataclasses.replace(
        catalog,
        standard=dataclasses.replace(catalog.standard, version="2.0"),
        items={**catalog.items, "CM-EN-01": dataclasses.replace(item, points=60)},
        content_hash=None,
    )
    recorded = record_finding(store, newer, request(), now=NOW)
    [warning] = recorded.warnings
    assert "条目 CM-EN-01（points 6→60）" in warning
    assert "标准 test-standard（version 1.0→2.0）" in warning
    assert "inspect round repin" in warning
    assert store.finding(recorded.finding.id).round_name == supervision
    # The finding is recorded against what the round pinned: CM-EN-01's days are the pinned ones.
    assert recorded.finding.due_date == dt.date(2026, 6, 11)


def test_naive_times_are_a_programming_error(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    with pytest.raises(ValueError, match="time zone"):
        record_finding(store, catalog, request(), now=NOW.replace(tzinfo=None))
