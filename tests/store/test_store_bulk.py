"""Bulk inserts that build a table's indexes after its rows (SQLite; see
``Store._indexes_after``): the same rows, rules, errors and schema as inserting row by row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.store import Store, db
from store_helpers import NOW, integrity_errors, make_facts

#: A batch large enough to build the indexes after its rows (into a smaller table).
LARGE = db.BULK_INDEX_MIN + 100


def _batch(round_name: str, count: int, start: int = 0) -> list[Finding]:
    """``count`` findings at distinct times (ids and numbers random, as recorded ones)."""
    base = NOW - dt.timedelta(days=3)
    return [
        make_facts(
            round_name=round_name,
            found_at=base + dt.timedelta(seconds=start + n),
            site_id=f"M{(start + n) % 7}",
            result="fail" if n % 3 else "pass",
        )
        for n in range(count)
    ]


def _schema(store: Store) -> list[tuple[Any, ...]]:
    """Every schema object of a SQLite store as written (its place in the file aside)."""
    return store._conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()


def _row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every index up row by row, whatever the batch."""
    monkeypatch.setattr(db, "BULK_INDEX_MIN", 10**12)


def _refusal(action: Callable[[], object]) -> str:
    """The words of the error ``action`` raises."""
    with pytest.raises((RecordError, *integrity_errors())) as caught:
        action()
    return str(caught.value)


def _event_rows(findings: list[Finding], ids: list[str]) -> list[tuple[Any, ...]]:
    """One rectification row (``events`` columns) per finding, with the event ids ``ids``."""
    at = NOW.isoformat()
    return [
        (f.id, ident, 2, "rectified", at, at, "李整改", "{}", None)
        for f, ident in zip(findings, ids, strict=True)
    ]


@pytest.mark.sqlite_only
def test_a_large_batch_into_an_empty_store_builds_the_indexes_after_its_rows(
    store: Store, supervision: str
) -> None:
    before = _schema(store)
    batch = _batch(supervision, LARGE)
    assert store._deferrable_indexes("findings", len(batch))  # the rebuild path
    assert store.add_findings(batch) == LARGE
    assert _schema(store) == before
    assert store.check() == []
    assert {f.id for f in store.iter_findings(include_voided=True)} == {f.id for f in batch}
    some = batch[LARGE // 2]
    assert store.resolve_id(some.number) == some.id  # through the rebuilt number index
    assert store.number_taken(some.number)
    plan = store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM findings WHERE number = ?", (some.number,)
    ).fetchall()
    assert "findings_by_number" in str(plan)


@pytest.mark.sqlite_only
def test_a_batch_smaller_than_the_table_keeps_the_indexes_up(
    store: Store, supervision: str
) -> None:
    store.add_findings(_batch(supervision, LARGE))
    before = _schema(store)
    later = _batch(supervision, db.BULK_INDEX_MIN, start=LARGE)
    assert store._deferrable_indexes("findings", len(later)) == []
    assert store.add_findings(later) == len(later)
    assert _schema(store) == before
    larger = _batch(supervision, 3 * LARGE, start=2 * LARGE)
    assert store._deferrable_indexes("findings", len(larger))  # larger than the table
    assert store.add_findings(larger) == len(larger)
    assert _schema(store) == before
    assert store.check() == []
    assert store.finding_counts() == {supervision: LARGE + len(later) + len(larger)}


@pytest.mark.parametrize("against", ["batch", "store"])
def test_a_large_batch_with_a_number_taken_is_refused_alike_and_writes_nothing(
    store: Store, supervision: str, monkeypatch: pytest.MonkeyPatch, against: str
) -> None:
    held = make_facts(round_name=supervision)
    store.add_findings([held])
    batch = _batch(supervision, LARGE)
    twin = batch[10] if against == "batch" else held
    batch[LARGE - 5] = batch[LARGE - 5]._replace(number=twin.number)
    schema = _schema(store) if store._dialect.table_indexes else None

    refused = _refusal(lambda: store.add_findings(batch))

    assert [f.id for f in store.iter_findings(include_voided=True)] == [held.id]
    if schema is not None:
        assert _schema(store) == schema
    _row_by_row(monkeypatch)
    assert refused == _refusal(lambda: store.add_findings(batch))
    assert [f.id for f in store.iter_findings(include_voided=True)] == [held.id]


@pytest.mark.sqlite_only
def test_a_refused_large_batch_inside_a_transaction_leaves_the_rest_of_it(
    store: Store, supervision: str
) -> None:
    """The batch is undone (its savepoint), not the caller's transaction: what the caller
    wrote before and after it commits, and the indexes are all there."""
    schema = _schema(store)
    batch = _batch(supervision, LARGE)
    batch[-1] = batch[-1]._replace(number=batch[0].number)
    first, last = make_facts(round_name=supervision), make_facts(round_name=supervision)
    with store.transaction():
        store.add_findings([first])
        with pytest.raises(integrity_errors()):
            store.add_findings(batch)
        store.add_findings([last])
    assert {f.id for f in store.iter_findings()} == {first.id, last.id}
    assert _schema(store) == schema
    assert store.check() == []


def test_a_large_merge_of_events_with_an_id_twice_is_refused_alike(
    store: Store, supervision: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = _batch(supervision, LARGE)
    store.add_findings(findings)
    ids = [f"E{n:08d}" for n in range(LARGE)]
    ids[-1] = ids[7]  # one event id twice (on two findings)
    rows = _event_rows(findings, ids)

    refused = _refusal(lambda: store.add_copied("events", rows))

    assert "events" in refused
    assert store.copy_keys("events") == set()
    _row_by_row(monkeypatch)
    assert refused == _refusal(lambda: store.add_copied("events", rows))
    assert store.copy_keys("events") == set()
    ids[-1] = "E99999999"
    assert store.add_copied("events", _event_rows(findings, ids)) == LARGE
    assert store.copy_keys("events") == set(ids)
    assert store.check() == []


@pytest.mark.sqlite_only
def test_rows_from_a_one_pass_iterator_build_the_indexes_when_the_table_is_small(
    store: Store, supervision: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An iterator's length is unknown: its first chunk stands for the batch."""
    before = _schema(store)
    decided: list[int] = []
    deferrable = store._deferrable_indexes

    def spy(table: str, coming: int) -> list[tuple[str, str]]:
        found = deferrable(table, coming)
        decided.append(len(found))
        return found

    monkeypatch.setattr(store, "_deferrable_indexes", spy)
    batch = _batch(supervision, 2 * db.BULK_CHUNK + 1)
    assert store.add_findings(iter(batch)) == len(batch)
    assert decided == [3]  # by round, by site, by number
    assert _schema(store) == before
    assert store.check() == []
