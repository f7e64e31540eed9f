"""The rounds list: codes in JSON, labels for people, the empty list explained."""

from __future__ import annotations

import datetime as dt

from qingyang_inspect.findings.model import Round
from qingyang_inspect.i18n import set_language
from qingyang_inspect.views.rounds import rounds_list
from store_helpers import NOW

OPENED = Round(
    name="2026-06 督导",
    kind="supervision",
    date=dt.date(2026, 6, 1),
    standard_id="test-standard",
    standard_version="1.0",
    status="closed",
    opened_at=NOW,
    closed_at=NOW + dt.timedelta(days=3),
)


def test_records_carry_codes_and_cells_carry_labels() -> None:
    (table,) = rounds_list([OPENED], {"2026-06 督导": 7}).tables()
    (record,) = table.records()
    assert record == {
        "name": "2026-06 督导",
        "kind": "supervision",
        "date": "2026-06-01",
        "standard_id": "test-standard",
        "standard_version": "1.0",
        "status": "closed",
        "opened_at": NOW.isoformat(),
        "closed_at": (NOW + dt.timedelta(days=3)).isoformat(),
        "findings": 7,
    }
    assert table.cells(OPENED) == (
        "2026-06 督导",
        "督导",
        dt.date(2026, 6, 1),
        "test-standard 1.0",
        "已关闭",
        7,
    )
    set_language("en")
    (table,) = rounds_list([OPENED], {}).tables()
    assert table.cells(OPENED)[1::3] == ("supervision", "closed")
    assert table.cells(OPENED)[5] == 0


def test_no_rounds_says_how_to_open_one() -> None:
    (table,) = rounds_list([], {}).tables()
    assert table.empty is not None and "inspect round open" in table.empty
