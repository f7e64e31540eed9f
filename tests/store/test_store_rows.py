"""A finding's stored fields as a row and back: written once, in the model, converted by type."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingyang_inspect.findings.model import STORED_FIELDS, Finding, Photo
from qingyang_inspect.store import Store, sql
from qingyang_inspect.store.rows import Columns, stored_type

ZONES = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=8))])
TIMES = st.builds(lambda d, z: d.replace(tzinfo=z), st.datetimes(), ZONES)
TEXT = st.text(max_size=20)

FINDINGS = st.builds(
    Finding,
    id=TEXT,
    round_name=TEXT,
    site_id=TEXT,
    item_id=TEXT,
    result=st.sampled_from(["pass", "fail", "na"]),
    occurrences=st.integers(0, 99),
    inspector=TEXT,
    found_at=TIMES,
    recorded_at=TIMES,
    note=st.none() | TEXT,
    location=st.none() | TEXT,
    due_date=st.none() | st.dates(),
    on_spot=st.booleans(),
    number=TEXT,
    # What a finding's row keeps: the photos taken when it was recorded.
    photos=st.lists(
        st.builds(Photo, sha256=TEXT, original_name=TEXT, stage=st.just("before"), relpath=TEXT),
        max_size=2,
    ).map(tuple),
)


@given(FINDINGS)
def test_a_row_reads_back_as_the_values_it_was_written_from(finding: Finding) -> None:
    columns = Columns(Finding, STORED_FIELDS)
    row = columns.row(finding)
    assert all(type(v) in (str, int) or v is None for v in row)  # what SQLite stores
    assert (row[STORED_FIELDS.index("photos")] is None) == (not finding.photos)
    assert row[STORED_FIELDS.index("found_at")] == finding.found_at.isoformat()
    assert row[STORED_FIELDS.index("on_spot")] in (0, 1)
    assert tuple(columns.values(row)) == finding[: len(STORED_FIELDS)]


def test_the_store_keeps_every_stored_field_in_a_column_of_its_name(store: Store) -> None:
    # A field added to the model without a migration fails here (and on the first insert).
    columns = [c[0] for c in store._conn.execute("SELECT * FROM findings LIMIT 0").description]
    assert columns == list(STORED_FIELDS) == list(sql.FINDING_COLUMNS)


def test_a_field_of_a_type_the_store_cannot_keep_is_refused_at_once() -> None:
    class Odd(NamedTuple):
        id: str
        ratio: float

    with pytest.raises(TypeError, match="cannot keep"):
        Columns(Odd, ("id", "ratio"))
    for hint in (float, list[str], dt.time, str | int):
        with pytest.raises(TypeError):
            stored_type(hint)


@pytest.mark.parametrize(
    ("hint", "kind"),
    [(str, str), (int, int), (bool, bool), (dt.date | None, dt.date), (dt.datetime, dt.datetime)],
)
def test_stored_types(hint: Any, kind: type) -> None:
    assert stored_type(hint) is kind
