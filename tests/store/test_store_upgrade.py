"""A version 3 store, written as version 3 wrote it, is upgraded and reads as it did.

The store is made with the first three migrations and filled with the rows the
version 3 tool wrote (a ``recorded`` event per finding, later events numbered
per finding, photos in their own table). Opened by this version it is rebuilt
once: every finding keeps its id and state and gets its number, photos move to
where they were taken, events get ids of their content and keep their time as
both times, and the store takes new work.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import RecordError, StoreError
from qingyang_inspect.findings.ids import event_id
from qingyang_inspect.findings.lifecycle import rectify
from qingyang_inspect.findings.pins import changes_warning, repin, round_catalog
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.store import Store, db, sql
from qingyang_inspect.store.db import OutdatedStore
from qingyang_inspect.workspace import Workspace
from store_helpers import CST

#: Upgrades of files written by older versions (a server store starts from sql.BASELINE).
pytestmark = pytest.mark.sqlite_only

ROUND = "2026-06 督导"
T = "2026-06-0{}T{}:00+08:00"
# Two ids that share their last ten characters (one in 10**15 in real life).
TWIN_A = "01JX00000000000Q" + "A" * 10
TWIN_B = "01JX00000000001R" + "A" * 10
OPEN, CLOSED, VOIDED, PASSED = (
    "01JX1111111111BBBBBBBBBBB1",
    "01JX1111111112BBBBBBBBBBB2",
    "01JX1111111113BBBBBBBBBBB3",
    "01JX1111111114BBBBBBBBBBB4",
)
BEFORE = "aa/" + "a" * 64 + ".png"
AFTER = "bb/" + "b" * 64 + ".png"


def _finding(ident: str, result: str, day: int, due: str | None, **more: object) -> tuple:
    values = {
        "id": ident,
        "round_name": ROUND,
        "site_id": "M1",
        "item_id": "CM-EN-01" if result == "fail" else "CM-AD-01",
        "result": result,
        "occurrences": 1 if result == "fail" else 0,
        "inspector": "张三",
        "found_at": T.format(day, "09:00"),
        "recorded_at": T.format(day, "09:01"),
        "note": None,
        "location": None,
        "due_date": due,
        "on_spot": 0,
        **more,
    }
    return tuple(values.values())


def _event(ident: str, seq: int, kind: str, at: str, data: dict, reason: str | None = None):
    return (ident, seq, kind, at, "王督导", json.dumps(data, ensure_ascii=False), reason)


@pytest.fixture
def v3_workspace(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The minimal workspace with a version 3 store holding a round's history."""
    with monkeypatch.context() as patch:
        patch.setattr(sql, "MIGRATIONS", sql.MIGRATIONS[:3])
        Store.open(workspace).close()
    for relpath in (BEFORE, AFTER):
        (workspace.evidence / relpath).parent.mkdir(parents=True, exist_ok=True)
        (workspace.evidence / relpath).write_bytes(b"\x89PNG")
    conn = sqlite3.connect(workspace.store)
    conn.execute(
        "INSERT INTO rounds VALUES (?, 'supervision', '2026-06-01', 'test-standard', '1.0', "
        "'2026-06-01T08:00:00+08:00', '王督导')",
        (ROUND,),
    )
    fail_open = _finding(OPEN, "fail", 2, "2026-06-03", note="垃圾堆积")
    findings = [
        fail_open,
        _finding(CLOSED, "fail", 2, "2026-06-03"),
        _finding(VOIDED, "fail", 3, "2026-06-04"),
        _finding(PASSED, "pass", 3, None),
        _finding(TWIN_A, "pass", 4, None, item_id="NM-04-01"),
        _finding(TWIN_B, "pass", 4, None, item_id="NM-04-01"),
    ]
    conn.executemany(f"INSERT INTO findings VALUES ({', '.join('?' * 13)})", findings)
    events = [_event(f[0], 1, "recorded", f[8], {}) for f in findings]
    events[0] = _event(OPEN, 1, "recorded", fail_open[8], {"photos": [BEFORE]})
    done = {"note": "已清理", "by": "测试市场管理公司", "status": ["open", "rectified"]}
    events += [
        _event(OPEN, 2, "rectified", T.format(4, "10:00"), done),
        _event(CLOSED, 2, "rectified", T.format(3, "10:00"), {**done, "photos": [AFTER]}),
        _event(
            CLOSED,
            3,
            "rechecked",
            T.format(5, "16:00"),
            {"outcome": "pass", "note": None, "status": ["rectified", "closed"]},
        ),
        _event(VOIDED, 2, "voided", T.format(3, "11:00"), {}, "重复记录"),
    ]
    conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", events)
    conn.executemany(
        "INSERT INTO photos VALUES (?, ?, 0, ?, ?, ?, ?)",
        [
            (OPEN, 1, "a" * 64, "东门.png", "before", BEFORE),
            (CLOSED, 2, "b" * 64, "整改后.png", "after", AFTER),
        ],
    )
    conn.commit()
    conn.close()
    return workspace


def test_a_version_3_store_is_refused_read_only_until_upgraded(v3_workspace: Workspace) -> None:
    with pytest.raises(StoreError, match="升级"):
        Store.open(v3_workspace, readonly=True)


def test_reading_commands_upgrade_a_version_3_store_once(
    v3_workspace: Workspace, run_cli: Any
) -> None:
    """After updating the tool, the first command, even one that only reads, finds the
    store readable: it upgrades it (one write, once); later reads open it read-only."""
    listed = run_cli("-w", str(v3_workspace.root), "findings", "list", "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert {r["id"] for r in rows} == {OPEN, CLOSED, PASSED, TWIN_A, TWIN_B}
    assert {r["number"] for r in rows if r["id"] == OPEN} == {OPEN[-10:]}
    with Store.open(v3_workspace, readonly=True) as store:
        assert store.schema_version() == sql.MIGRATIONS[-1].version
    ledger = run_cli(
        "-w", str(v3_workspace.root), "report", "rectification", "--as-of", "2026-06-04",
        "-f", "json",
    )  # fmt: skip
    assert ledger.exit_code == 0, ledger.stderr
    statuses = {r["finding_id"]: r["status"] for r in json.loads(ledger.stdout)["rows"]}
    assert statuses == {OPEN: "rectified", CLOSED: "rectified"}  # voided on the 3rd


def test_a_version_3_store_that_cannot_be_written_is_refused_with_how_to_upgrade(
    v3_workspace: Workspace, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only_share(path: object) -> None:
        raise StoreError(f"{path} 是只读的")

    monkeypatch.setattr(db, "_check_writable", read_only_share)
    with pytest.raises(OutdatedStore) as caught:
        Store.open_for_reading(v3_workspace)
    assert "版本是 3，需要升级到 4" in caught.value.message
    assert caught.value.hint and "写权限" in caught.value.hint
    listed = run_cli("--lang", "en", "-w", str(v3_workspace.root), "findings", "list")
    assert listed.exit_code == 2
    assert listed.stderr == (
        f"Error: the store {v3_workspace.store} has schema version 3 and must be upgraded to 4 "
        "to be read\n"
        "Hint: upgrading needs write access: any inspect command (e.g. inspect findings list) "
        "run by a user who can write the file and its folder upgrades it, once\n"
    )
    monkeypatch.undo()
    with Store.open(v3_workspace) as store:  # untouched: still upgradable
        assert store.schema_version() == 4


def test_a_version_3_store_reads_as_it_did(v3_workspace: Workspace, catalog: Catalog) -> None:
    with Store.open(v3_workspace) as store:
        assert store.schema_version() == sql.MIGRATIONS[-1].version == 4
        assert store.check() == []
        found = {f.id: f for f in store.iter_findings(include_voided=True)}
        assert set(found) == {OPEN, CLOSED, VOIDED, PASSED, TWIN_A, TWIN_B}
        opened, closed = found[OPEN], found[CLOSED]
        assert (opened.status, opened.rectification_note, opened.note) == (
            "rectified",
            "已清理",
            "垃圾堆积",
        )
        assert [(p.stage, p.relpath) for p in opened.photos] == [("before", BEFORE)]
        assert (closed.status, closed.recheck_result) == ("closed", "pass")
        assert closed.closed_at == dt.datetime(2026, 6, 5, 16, 0, tzinfo=CST)
        assert [(p.stage, p.original_name) for p in closed.photos] == [("after", "整改后.png")]
        assert closed.days_late() == 2  # due on the 3rd, closed on the 5th
        assert found[VOIDED].voided and not found[PASSED].voided
        # Numbers: the id's last ten characters; twins: the later one's next window left.
        assert found[OPEN].number == OPEN[-10:]
        assert found[TWIN_A].number == TWIN_A[-10:]
        assert found[TWIN_B].number == "R" + "A" * 9 == TWIN_B[-11:-1]
        assert store.resolve_id("RAAAAAAAAA") == TWIN_B
        # Events: an id of their content, their place, their one time as both times.
        history = store.events(CLOSED)
        assert [(e.kind, e.seq) for e in history] == [
            ("recorded", 1),
            ("rectified", 2),
            ("rechecked", 3),
        ]
        rectified = history[1]
        assert rectified.at == rectified.entered_at == dt.datetime(2026, 6, 3, 10, tzinfo=CST)
        text = json.dumps(rectified.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        expected = event_id(
            CLOSED, 2, "rectified", T.format(3, "10:00"), T.format(3, "10:00"), "王督导", text, None
        )
        assert rectified.id == expected
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        assert "photos" not in tables and not {"findings_v4", "events_v4"} & tables
        for table in ("findings", "events", "snapshots", "round_pins"):
            assert {f"{table}_no_update", f"{table}_no_delete"} <= tables
        for table in ("findings", "events"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                store._conn.execute(f"DELETE FROM {table}")


def test_an_upgraded_store_reads_as_of_a_day(v3_workspace: Workspace) -> None:
    Store.open(v3_workspace).close()
    end_of_4th = dt.datetime(2026, 6, 5, tzinfo=CST)
    with Store.open(v3_workspace, as_of=end_of_4th) as store:
        found = {f.id: f for f in store.iter_findings(include_voided=True)}
        assert found[OPEN].status == "rectified"  # rectified on the 4th
        assert found[CLOSED].status == "rectified" and found[CLOSED].days_late() is None
        assert found[CLOSED].overdue(dt.date(2026, 6, 4))  # due the 3rd, still open then
        assert found[VOIDED].voided


def test_an_upgraded_store_takes_new_work_and_its_old_round_can_be_pinned(
    v3_workspace: Workspace, catalog: Catalog
) -> None:
    now = dt.datetime(2026, 6, 6, 9, 0, tzinfo=CST)
    with Store.open(v3_workspace) as store:
        round_ = store.round(ROUND)
        assert round_.snapshot is None
        pinned = round_catalog(store, round_, catalog)
        assert not pinned.pinned and "inspect round repin" in (
            changes_warning(round_, pinned) or ""
        )
        request = RecordRequest(site_id="M2", item_id="NM-03-01", result="fail", inspector="李四")
        new = record_finding(store, catalog, request, now=now).finding
        with pytest.raises(RecordError, match="已整改待复查"):  # by its number
            rectify(store, catalog, OPEN[-10:], note="x", actor="x", now=now)
    with Store.open(v3_workspace) as store:
        assert store.finding(new.id).number == new.id[-10:]
        repinned, changes = repin(
            store, catalog, name=ROUND, reason="升级后固定评分依据", actor="王", now=now
        )
        assert repinned.snapshot is not None and changes == ()
        assert [p.reason for p in store.pins(ROUND)] == ["升级后固定评分依据"]
        assert store.check() == []
