"""The steps of schema migrations that SQL alone cannot take: rows copied into a new form.

Each function is named by a :class:`~qingyang_inspect.store.sql.Migration`'s
``copy`` and runs inside that migration's transaction, between the statements
that create the new tables and those that drop the old ones. It reads and
writes through the statements of :mod:`qingyang_inspect.store.sql` only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from qingyang_inspect.findings.ids import NUMBER_LENGTH, canonical_json, event_id, number_of
from qingyang_inspect.store import sql

#: Rows copied per ``executemany`` (bounds memory for a store of millions).
CHUNK = 5000


def copy_to_v4(conn: sqlite3.Connection) -> None:
    """Version 3 → 4: numbers, photos kept where they were taken, events with ids.

    Every finding keeps its id and gets its number (the id's last ten
    characters; in the rare store where two coincide, the later id's next
    window to the left, so the choice is the same wherever the store is
    upgraded). The photos of a ``recorded`` event go to the finding's row; a
    rectification's go into its event's data. The ``recorded`` events are not
    copied: the finding's row is that event (same time, same inspector). Every
    other event gets the id of its content, its time as both the time it
    happened and the time it was entered (version 3 kept one time).
    """
    photos: dict[tuple[str, int], list[dict[str, str]]] = {}
    for finding_id, seq, sha256, name, relpath in conn.execute(sql.V3_SELECT_PHOTOS):
        photos.setdefault((finding_id, seq), []).append(
            {"sha256": sha256, "original_name": name, "relpath": relpath}
        )
    numbers: set[str] = set()

    def finding_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
        # v3: id, round_name, site_id, item_id, result, occurrences, inspector, found_at,
        # recorded_at, note, location, due_date, on_spot
        finding_id = row[0]
        number = _free_number(finding_id, numbers)
        before = photos.get((finding_id, 1))
        return (*row[:9], number, *row[9:], canonical_json(before) if before else None)

    _copy(conn, sql.V3_SELECT_FINDINGS, sql.V4_INSERT_FINDING, finding_row)

    def event_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
        finding_id, seq, kind, at, actor, data, reason = row
        attached = photos.get((finding_id, seq))
        if attached:
            data = canonical_json({**json.loads(data), "photos": attached})
        ident = event_id(finding_id, seq, kind, at, at, actor, data, reason)
        return (finding_id, ident, seq, kind, at, at, actor, data, reason)

    _copy(conn, sql.V3_SELECT_EVENTS, sql.V4_INSERT_EVENT, event_row)


#: Copy steps by the name a migration gives.
COPIES: dict[str, Callable[[sqlite3.Connection], None]] = {"copy_to_v4": copy_to_v4}


def _copy(
    conn: sqlite3.Connection,
    select: str,
    insert: str,
    convert: Callable[[tuple[Any, ...]], tuple[Any, ...]],
) -> None:
    cursor = conn.execute(select)
    while rows := cursor.fetchmany(CHUNK):
        conn.executemany(insert, [convert(row) for row in rows])


def _free_number(finding_id: str, taken: set[str]) -> str:
    """The finding's number, or the first free ten characters further left in its id."""
    number = number_of(finding_id)
    shift = 0
    while number in taken:
        shift += 1
        if shift + NUMBER_LENGTH > len(finding_id):
            raise ValueError(f"no free number for finding {finding_id}")  # pragma: no cover
        number = finding_id[-NUMBER_LENGTH - shift : len(finding_id) - shift]
    taken.add(number)
    return number
