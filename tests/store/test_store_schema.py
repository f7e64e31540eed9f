"""The schema's rules (CHECKs), rebuilds that fail change nothing, the bulk rows.

(The upgrade of a version 3 store with its data is in ``test_store_upgrade.py``.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.errors import StoreError
from qingyang_inspect.store import Store, sql
from qingyang_inspect.store.db import FINDING_ROW
from qingyang_inspect.store.rows import datetime_text
from qingyang_inspect.workspace import Workspace
from store_helpers import NOW, ROUND, integrity_errors, make_facts

# -- the rules ---------------------------------------------------------------------------

GOOD_FINDING: dict[str, Any] = {
    "id": "F1",
    "round_name": ROUND,
    "site_id": "M1",
    "item_id": "CM-EN-01",
    "result": "fail",
    "occurrences": 2,
    "inspector": "张三",
    "found_at": "2026-06-10T08:00:00+08:00",
    "recorded_at": "2026-06-10T09:00:00+08:00",
    "number": "0123456789",
    "note": None,
    "location": None,
    "due_date": None,
    "on_spot": 0,
    "photos": None,
}

BAD_FINDINGS = [
    {"result": "maybe"},
    {"result": "FAIL"},
    {"result": "fail", "occurrences": 0},
    {"result": "pass", "occurrences": 1},
    {"result": "na", "occurrences": 3},
    {"on_spot": 2},
    {"result": "pass", "occurrences": 0, "on_spot": 1},
    {"number": "012345678"},
]
GOOD_FINDINGS = [
    {},
    {"result": "fail", "occurrences": 1, "on_spot": 1},
    {"result": "pass", "occurrences": 0},
    {"result": "na", "occurrences": 0},
]
BAD_EVENTS = [
    {"seq": 1},  # 1 is the recorded event, the finding's row
    {"kind": "deleted"},
    {"kind": "Rectified"},
    {"kind": "recorded"},  # the finding's row is its recorded event
]
GOOD_KINDS = ["amended", "rectified", "rechecked", "voided"]


def _finding_row(**changes: Any) -> tuple[Any, ...]:
    values = {**GOOD_FINDING, **changes}
    return tuple(values[c] for c in sql.FINDING_COLUMNS)


def _event_row(**changes: Any) -> tuple[Any, ...]:
    values = {
        "finding_id": "F1",
        "id": "E1",
        "seq": 2,
        "kind": "rectified",
        "at": "2026-06-10T09:00:00+08:00",
        "entered_at": "2026-06-10T09:05:00+08:00",
        "actor": "张三",
        "data": "{}",
        "reason": None,
        **changes,
    }
    return tuple(values[c] for c in sql.EVENT_COLUMNS)


@pytest.fixture(params=["new", "upgraded"])
def ruled_store(request: pytest.FixtureRequest, backend: str, store: Store) -> Store:
    """A store at the current version: made new, or upgraded from version 2 (a file)."""
    if request.param == "upgraded" and backend != "sqlite":
        pytest.skip("a server store starts from sql.BASELINE: it is never upgraded from 2")
    chosen = store if request.param == "new" else request.getfixturevalue("v2_store")
    assert chosen.schema_version() == sql.MIGRATIONS[-1].version
    return chosen


@pytest.fixture
def v2_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A store made at version 2, opened (and so upgraded) by this version."""
    path = tmp_path / "v2" / "store.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr(sql, "MIGRATIONS", sql.MIGRATIONS[:2])
        Store.open_path(path).close()
    with Store.open_path(path) as upgraded:
        yield upgraded


def _with_round(store: Store) -> sqlite3.Connection:
    conn = store._conn
    conn.execute(
        "INSERT INTO rounds VALUES (?, 'supervision', '2026-06-10', 'S', '1', ?, 'y')",
        (ROUND, NOW.isoformat()),
    )
    return conn


@pytest.mark.parametrize("changes", BAD_FINDINGS, ids=str)
def test_findings_refuse_rows_that_break_a_rule(ruled_store: Store, changes: Any) -> None:
    conn = _with_round(ruled_store)
    with pytest.raises(integrity_errors(), match=r"(?i)check"):
        conn.execute(sql.INSERT_FINDING, _finding_row(**changes))


@pytest.mark.parametrize("changes", GOOD_FINDINGS, ids=str)
def test_findings_take_rows_that_keep_the_rules(ruled_store: Store, changes: Any) -> None:
    conn = _with_round(ruled_store)
    conn.execute(sql.INSERT_FINDING, _finding_row(**changes))
    assert conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 1


@pytest.mark.parametrize("changes", BAD_EVENTS, ids=str)
def test_events_refuse_rows_that_break_a_rule(ruled_store: Store, changes: Any) -> None:
    conn = _with_round(ruled_store)
    conn.execute(sql.INSERT_FINDING, _finding_row())
    with pytest.raises(integrity_errors(), match=r"(?i)check"):
        conn.execute(sql.INSERT_EVENT, _event_row(**changes))


def test_events_take_every_kind_that_follows_a_record(ruled_store: Store) -> None:
    conn = _with_round(ruled_store)
    conn.execute(sql.INSERT_FINDING, _finding_row())
    for n, kind in enumerate(GOOD_KINDS):
        conn.execute(sql.INSERT_EVENT, _event_row(id=f"E{n}", kind=kind))
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 4


def test_numbers_and_event_ids_are_unique_in_a_store(ruled_store: Store) -> None:
    conn = _with_round(ruled_store)
    conn.execute(sql.INSERT_FINDING, _finding_row())
    with pytest.raises(integrity_errors(), match=r"(?i)unique"):
        conn.execute(sql.INSERT_FINDING, _finding_row(id="F2"))  # the same number
    conn.execute(sql.INSERT_FINDING, _finding_row(id="F2", number="ABCDEFGHJK"))
    conn.execute(sql.INSERT_EVENT, _event_row())
    with pytest.raises(integrity_errors(), match=r"(?i)unique"):
        conn.execute(sql.INSERT_EVENT, _event_row(finding_id="F2"))  # the same event id


def test_events_still_need_their_finding(ruled_store: Store) -> None:
    with pytest.raises(integrity_errors(), match=r"(?i)foreign key"):
        ruled_store._conn.execute(sql.INSERT_EVENT, _event_row(finding_id="NOPE"))


@pytest.mark.sqlite_only
def test_checks_have_no_in_lists(store: Store) -> None:
    """SQLite builds a temporary index per row for ``IN`` lists of 3+ constants in a CHECK."""
    for table in ("findings", "events"):
        (text,) = store._conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        assert "CHECK" in text and " IN (" not in text.upper()


# -- rebuilds ------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # the server always enforces foreign keys: it has no rebuilds
def test_a_rebuild_that_breaks_a_foreign_key_changes_nothing(
    store: Store, workspace: Workspace, supervision: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_findings([make_facts(round_name=supervision)])
    store.close()
    current = sql.MIGRATIONS[-1].version
    dangling = sql.Migration(
        current + 1,
        "a rebuild that loses the rounds",
        (
            "CREATE TABLE rounds_x (name TEXT NOT NULL PRIMARY KEY)",
            "DROP TABLE rounds",
            "ALTER TABLE rounds_x RENAME TO rounds",
        ),
        rebuilds=True,
    )
    monkeypatch.setattr(sql, "MIGRATIONS", (*sql.MIGRATIONS, dangling))
    with pytest.raises(StoreError, match="损坏"):
        Store.open(workspace)
    monkeypatch.undo()
    with Store.open(workspace) as reopened:
        assert reopened.schema_version() == current
        assert [r.name for r in reopened.rounds()] == [supervision]
        assert reopened._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert reopened.check() == []


def test_a_failing_rebuild_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.sqlite"
    Store.open_path(path).close()
    current = sql.MIGRATIONS[-1].version
    broken = sql.Migration(
        current + 1,
        "broken",
        ("CREATE TABLE half_done (x INTEGER)", "DROP TABLE events", "CREATE TABLE oops ("),
        rebuilds=True,
    )
    monkeypatch.setattr(sql, "MIGRATIONS", (*sql.MIGRATIONS, broken))
    with pytest.raises(sqlite3.OperationalError):
        Store.open_path(path)
    monkeypatch.undo()
    with Store.open_path(path) as store:
        assert store.schema_version() == current
        names = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        assert "events" in names and "half_done" not in names


# -- parameters and bulk rows -------------------------------------------------------------


def test_positional_and_named_statements_translate_to_pyformat() -> None:
    assert sql.to_pyformat("INSERT INTO t (a, b) VALUES (?, ?)") == (
        "INSERT INTO t (a, b) VALUES (%s, %s)"
    )
    assert sql.to_pyformat("SELECT 'a?b', ':c' FROM t WHERE x = ? AND y = :y") == (
        "SELECT 'a?b', ':c' FROM t WHERE x = %s AND y = %(y)s"
    )
    for statement in (sql.INSERT_FINDING, sql.INSERT_EVENT, sql.INSERT_PIN):
        converted = sql.to_pyformat(statement)
        assert "?" not in converted
        assert converted.count("%s") == statement.count("?")


def test_insert_statements_bind_their_columns_in_order() -> None:
    for statement, columns in (
        (sql.INSERT_FINDING, sql.FINDING_COLUMNS),
        (sql.INSERT_EVENT, sql.EVENT_COLUMNS),
        (sql.INSERT_PIN, sql.PIN_COLUMNS),
    ):
        assert f"({', '.join(columns)}) VALUES" in statement
        assert statement.count("?") == len(columns)


def test_bulk_rows_follow_the_column_order() -> None:
    facts = make_facts(note="破损", location="东门", on_spot=True, due_date=None)
    row = dict(zip(sql.FINDING_COLUMNS, FINDING_ROW.row(facts), strict=True))
    assert row == {
        "id": facts.id,
        "round_name": ROUND,
        "site_id": "M1",
        "item_id": "CM-EN-01",
        "result": "fail",
        "occurrences": 1,
        "inspector": "张三",
        "found_at": facts.found_at.isoformat(),
        "recorded_at": NOW.isoformat(),
        "number": facts.id[-10:],
        "note": "破损",
        "location": "东门",
        "due_date": None,
        "on_spot": 1,
        "photos": None,
    }


def test_remembered_timestamp_texts_keep_each_offset_and_fold() -> None:
    """Equal datetimes may print differently; each keeps its own text."""
    iso = datetime_text
    utc = NOW.astimezone(dt.UTC)
    assert NOW == utc
    assert iso(NOW) == "2026-06-10T09:00:00+08:00"
    assert iso(utc) == "2026-06-10T01:00:00+00:00"
    assert iso(NOW) == "2026-06-10T09:00:00+08:00"
    naive = NOW.replace(tzinfo=None)
    assert iso(naive) == "2026-06-10T09:00:00"
    assert iso(naive.replace(fold=1)) == naive.isoformat()
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/New_York")  # 2026-11-01 01:30 happens twice
    first = dt.datetime(2026, 11, 1, 1, 30, tzinfo=zone)
    second = first.replace(fold=1)
    assert first == second
    assert iso(first) == "2026-11-01T01:30:00-04:00"
    assert iso(second) == "2026-11-01T01:30:00-05:00"
    assert iso(first) == first.isoformat()


def test_bulk_import_writes_each_timestamp_as_given(store: Store, supervision: str) -> None:
    same_instant = [
        make_facts(round_name=supervision, found_at=NOW - dt.timedelta(hours=1)),
        make_facts(
            round_name=supervision, found_at=(NOW - dt.timedelta(hours=1)).astimezone(dt.UTC)
        ),
    ]
    store.add_findings(same_instant)
    stored = sorted(r[0] for r in store._conn.execute("SELECT found_at FROM findings"))
    assert stored == ["2026-06-10T00:00:00+00:00", "2026-06-10T08:00:00+08:00"]


@pytest.mark.sqlite_only
def test_the_bulk_path_writes_in_one_transaction_with_normal_sync(
    store: Store, supervision: str
) -> None:
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    batch = [make_facts(round_name=supervision, result="pass") for _ in range(12_001)]
    assert store.add_findings(batch) == 12_001
    store._conn.set_trace_callback(None)
    begins = [s for s in statements if s.startswith("BEGIN")]
    commits = [s for s in statements if s == "COMMIT"]
    assert len(begins) == len(commits) == 1
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_new_store_has_16k_pages_and_an_old_one_keeps_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = tmp_path / "new.sqlite"
    with Store.open_path(new) as store:
        assert store._conn.execute("PRAGMA page_size").fetchone()[0] == 16384
    old = tmp_path / "old.sqlite"
    four_k = dataclasses.replace(
        sql.SQLITE,
        write_pragmas=tuple(p for p in sql.SQLITE.write_pragmas if "page_size" not in p),
    )
    with monkeypatch.context() as patch:
        patch.setitem(Store.__init__.__kwdefaults__, "dialect", four_k)
        Store.open_path(old).close()
    with Store.open_path(old) as store:
        assert store._conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        _with_round(store)
        assert store.add_findings([make_facts(result="pass")]) == 1
        assert store.check() == []
