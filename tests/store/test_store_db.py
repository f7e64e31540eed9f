"""The store (a SQLite file or a server): opening, migrations, append-only tables, reads, writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import RecordError, StoreError
from qingyang_inspect.findings.ids import ID_PATTERN, new_finding_id
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.store import Store, sql
from qingyang_inspect.workspace import Workspace
from store_helpers import (
    NOW,
    database_errors,
    integrity_errors,
    make_facts,
    raw_execute,
    table_names,
)


@pytest.mark.sqlite_only
def test_open_creates_a_wal_store_with_the_current_schema(workspace: Workspace) -> None:
    assert not workspace.store.exists()
    with Store.open(workspace) as store:
        assert store.schema_version() == store.current_version == sql.MIGRATIONS[-1].version
    raw = sqlite3.connect(workspace.store)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "schema_version",
        "rounds",
        "round_closures",
        "snapshots",
        "round_pins",
        "findings",
        "events",
    } <= tables
    assert "photos" not in tables  # photos are kept where they were taken
    raw.close()


@pytest.mark.sqlite_only
def test_connection_pragmas(store: Store) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_readonly_open_of_a_missing_store_reads_empty_and_writes_nothing(
    workspace: Workspace,
) -> None:
    with Store.open(workspace, readonly=True) as store:
        assert store.rounds() == []
        assert list(store.iter_findings()) == []
        with pytest.raises(StoreError):
            with store.transaction():
                pass
    assert not workspace.store.exists()
    assert not workspace.store.parent.exists()


def test_readonly_open_refuses_writes(workspace: Workspace, supervision: str) -> None:
    with Store.open(workspace, readonly=True) as store:
        assert [r.name for r in store.rounds()] == [supervision]
        with pytest.raises(StoreError, match="只读"):
            store.add_round_closure(supervision, closed_at=NOW, closed_by="x")


def test_a_newer_store_is_refused_in_both_modes(workspace: Workspace) -> None:
    Store.open(workspace).close()
    # (The server's triggers refuse changes, not new rows: a newer tool adds its version.)
    raw_execute(
        workspace, "INSERT INTO schema_version VALUES (99, 'future', '9.9', CURRENT_TIMESTAMP)"
    )
    for readonly in (False, True):
        with pytest.raises(StoreError) as caught:
            Store.open(workspace, readonly=readonly)
        assert "99" in caught.value.message
        assert caught.value.hint and "升级" in caught.value.hint


def test_an_older_store_is_upgraded_in_one_transaction(
    workspace: Workspace, catalog: Catalog, supervision: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The store of the fixture is at the current version; a newer tool adds one migration.
    current = sql.MIGRATIONS[-1].version
    v2 = sql.Migration(
        current + 1,
        "inspector phone numbers",
        ("CREATE TABLE inspector_phones (name TEXT NOT NULL PRIMARY KEY, phone TEXT)",),
        append_only=("inspector_phones",),
    )
    monkeypatch.setattr(sql, "MIGRATIONS", (*sql.MIGRATIONS, v2))
    with pytest.raises(StoreError, match="升级"):
        Store.open(workspace, readonly=True)  # read-only never upgrades
    with Store.open(workspace) as store:
        assert store.schema_version() == current + 1
        assert [r.name for r in store.rounds()] == [supervision]  # data kept
    with Store.open(workspace, readonly=True) as store:
        assert store.schema_version() == current + 1


def test_a_failing_migration_changes_nothing(
    workspace: Workspace, supervision: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = sql.MIGRATIONS[-1].version
    broken = sql.Migration(
        current + 1, "broken", ("CREATE TABLE half_done (x INTEGER)", "CREATE TABLE oops (")
    )
    monkeypatch.setattr(sql, "MIGRATIONS", (*sql.MIGRATIONS, broken))
    with pytest.raises(database_errors()):
        Store.open(workspace)
    monkeypatch.undo()
    with Store.open(workspace) as store:
        assert store.schema_version() == current
        assert "half_done" not in table_names(store)


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_store_is_refused(workspace: Workspace) -> None:
    workspace.store.parent.mkdir(parents=True)
    workspace.store.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="损坏"):
        Store.open(workspace)
    other = sqlite3.connect(workspace.store.with_name("other.sqlite"))
    other.execute("CREATE TABLE something (x)")
    other.commit()
    other.close()
    with pytest.raises(StoreError, match="不是 qingyang-inspect 的记录库"):
        Store.open_path(workspace.store.with_name("other.sqlite"))


HISTORY_TABLES = ["rounds", "snapshots", "round_pins", "findings", "events", "schema_version"]


@pytest.mark.parametrize("table", HISTORY_TABLES)
def test_history_tables_refuse_update_and_delete(
    store: Store, catalog: Catalog, supervision: str, table: str, tmp_path: Path
) -> None:
    from PIL import Image

    from qingyang_inspect.findings.lifecycle import rectify

    photo = tmp_path / "p.png"
    Image.new("RGB", (8, 8), "red").save(photo)
    request = RecordRequest(
        site_id="M1", item_id="CM-EN-01", result="fail", inspector="张三", photos=(photo,)
    )
    finding = record_finding(store, catalog, request, now=NOW).finding
    rectify(store, catalog, finding.number, note="已清理", actor="李四", now=NOW)
    conn = store._conn
    assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] >= 1
    column = {
        "rounds": "kind",
        "snapshots": "content",
        "round_pins": "reason",
        "findings": "note",
        "events": "actor",
        "schema_version": "description",
    }[table]
    with pytest.raises(integrity_errors(), match="append-only"):
        conn.execute(f"UPDATE {table} SET {column} = 'changed'")
    with pytest.raises(integrity_errors(), match="append-only"):
        conn.execute(f"DELETE FROM {table}")


def test_events_need_their_finding(store: Store, supervision: str) -> None:
    conn = store._conn
    with pytest.raises(integrity_errors()):
        conn.execute(
            sql.INSERT_EVENT,
            ("NOPE", "E1", 2, "rectified", "2026-01-01", "2026-01-01", "x", "{}", None),
        )


def test_bulk_add_and_streamed_reads_in_order(store: Store, supervision: str) -> None:
    base = NOW - dt.timedelta(days=3)
    batch = [
        make_facts(
            round_name=supervision,
            found_at=base + dt.timedelta(minutes=(n * 7919) % 6000),
            result="fail" if n % 3 else "pass",
        )
        for n in range(6_000)
    ]
    assert store.add_findings(iter(batch)) == 6_000
    stream = store.iter_findings(round_name=supervision)
    first = next(stream)
    assert first.found_at == base
    stream.close()
    found = list(store.iter_findings())
    assert len(found) == 6_000
    keys = [(f.found_at, f.id) for f in found]
    assert keys == sorted(keys)
    assert {f.id for f in found} == {f.id for f in batch}
    assert sum(1 for f in found if f.status == "open") == sum(
        1 for f in batch if f.result == "fail"
    )
    assert store.finding_counts() == {supervision: 6_000}
    assert store.check() == []


def test_bulk_add_is_all_or_nothing(store: Store, supervision: str) -> None:
    good = [make_facts(round_name=supervision) for _ in range(10)]
    bad = good[3]._replace(occurrences=0)  # a failure without occurrences
    with pytest.raises(integrity_errors()):
        store.add_findings([*good[:3], bad, *good[4:]])
    assert list(store.iter_findings()) == []


def test_bulk_add_refuses_a_closed_round(store: Store, supervision: str) -> None:
    store.add_round_closure(supervision, closed_at=NOW, closed_by="x")
    with pytest.raises(RecordError, match="已关闭"):
        store.add_findings([make_facts(round_name=supervision)])
    assert store.add_findings([make_facts(round_name=supervision)], require_open_round=False) == 1


def test_round_lookup_suggests_close_names(store: Store, supervision: str) -> None:
    with pytest.raises(RecordError) as caught:
        store.round("2026-06督导")
    assert supervision in caught.value.message


def test_ids_are_ulids_and_resolve_by_prefix(store: Store, supervision: str) -> None:
    early = make_facts(round_name=supervision, id=new_finding_id(NOW))
    twin = make_facts(round_name=supervision, id=new_finding_id(NOW))  # same millisecond
    late = make_facts(round_name=supervision, id=new_finding_id(NOW + dt.timedelta(days=1)))
    store.add_findings([early, twin, late])
    assert ID_PATTERN.match(early.id) and early.id < late.id
    assert store.resolve_id(early.id) == early.id
    assert store.resolve_id(late.id[:14].lower()) == late.id
    with pytest.raises(RecordError, match="太短"):
        store.resolve_id(early.id[:3])
    with pytest.raises(RecordError, match="多条"):
        store.resolve_id(early.id[:10])  # the time part: both ids share it
    with pytest.raises(RecordError, match="找不到"):
        store.resolve_id("ZZZZZZZZ")
    with pytest.raises(RecordError, match="不是记录编号"):
        store.resolve_id("not-an-id!")


def test_events_of_an_unknown_finding_are_empty(store: Store) -> None:
    assert store.events("01J00000000000000000000000") == []


def test_sql_lives_in_one_module() -> None:
    """Only store/sql.py holds SQL text; the rest of the package calls it by name."""
    src = Path(sql.__file__).resolve().parents[1]
    offenders = []
    for path in src.rglob("*.py"):
        if path.name == "sql.py" and path.parent.name == "store":
            continue
        text = path.read_text(encoding="utf-8")
        keywords = ("SELECT ", "INSERT INTO", "CREATE TABLE", "UPDATE ", "DELETE FROM")
        offenders.extend(f"{path.relative_to(src)}: {k}" for k in keywords if k in text)
    assert offenders == []


def test_statements_translate_to_pyformat() -> None:
    assert sql.to_pyformat("SELECT * FROM t WHERE a = :a AND b LIKE '5%'") == (
        "SELECT * FROM t WHERE a = %(a)s AND b LIKE '5%%'"
    )
    converted = sql.to_pyformat(sql.INSERT_FINDING)
    assert ":" not in converted.replace("%(", "")


@pytest.mark.sqlite_only  # a server store starts from sql.BASELINE
def test_a_version_1_store_gains_the_site_index(
    workspace: Workspace, supervision: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store written by the first release opens with today's tool and keeps its data."""
    workspace.store.unlink()
    monkeypatch.setattr(sql, "MIGRATIONS", sql.MIGRATIONS[:1])
    Store.open(workspace).close()
    monkeypatch.undo()
    with Store.open(workspace) as store:
        assert store.schema_version() == sql.MIGRATIONS[-1].version
        indexes = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        assert "findings_by_site" in indexes


def test_failed_only_reads_the_current_result(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    """Recorded as failed or amended to fail since; the fold, not the first row, decides."""
    from qingyang_inspect.findings.lifecycle import amend, void

    base = NOW - dt.timedelta(hours=5)
    # (the failure that is cleared is alone at its item: a pass cannot stand beside a failure)
    results = [("fail", "CM-EN-01"), ("pass", "CM-AD-01"), ("pass", "CM-AD-01")]
    results += [("fail", "NM-03-01"), ("fail", "CM-EN-01")]
    failed, passed, turned, cleared, gone = (
        make_facts(
            round_name=supervision,
            found_at=base + dt.timedelta(minutes=n),
            result=result,
            item_id=item,
        )
        for n, (result, item) in enumerate(results)
    )
    store.add_findings([failed, passed, turned, cleared, gone])
    amend(store, catalog, turned.id, reason="看错了", result="fail", count=2, actor="王", now=NOW)
    amend(store, catalog, cleared.id, reason="已符合", result="pass", actor="王", now=NOW)
    void(store, gone.id, reason="重复", actor="王", now=NOW)
    for query in ({}, {"round_name": supervision}, {"site_id": "M1"}):
        found = [f.id for f in store.iter_findings(failed_only=True, **query)]
        assert found == [failed.id, turned.id]
        assert {f.id for f in store.iter_findings(failed_only=True, include_voided=True)} == {
            failed.id,
            turned.id,
            gone.id,
        }
    every = [f for f in store.iter_findings() if f.result == "fail"]
    assert [f.id for f in every] == [failed.id, turned.id]
    # The engine's narrow form of a site's (or one finding's) history reads the same rows
    # as the plain join it stands for (sql.Dialect.narrow_events_join).
    params = {"site_id": "M1", "round_name": supervision, "found_before": "2100-01-01"}
    for narrow in (
        {"by_site": True},
        {"by_site": True, "by_round": True, "failed": True, "found_before": True},
        {"by_id": True},
    ):
        rows = {
            dialect.name: sorted(
                store._conn.execute(
                    sql.select_history(**narrow, dialect=dialect), {**params, "id": turned.id}
                ).fetchall(),
                key=str,
            )
            for dialect in (sql.SQLITE, store._dialect)
        }
        assert rows[sql.SQLITE.name] == rows[store._dialect.name] != []
