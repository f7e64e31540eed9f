"""Messages whose keys the store's code builds at run time (labels of codes, column headings)."""

from __future__ import annotations

import pytest

from qingyang_inspect.i18n import MESSAGES
from qingyang_inspect.store.queries import COLUMNS
from qingyang_inspect.store.records import RESULTS, ROUND_KINDS, STATUSES
from qingyang_inspect.store.state import AMENDABLE

EVENT_KINDS = ("recorded", "amended", "rectified", "rechecked", "voided")

BUILT_KEYS = [
    *(f"finding.status.{s}" for s in (*STATUSES, "none")),
    *(f"finding.result.{r}" for r in RESULTS),
    *(f"finding.recheck.{o}" for o in ("pass", "reject")),
    *(f"finding.photo.{s}" for s in ("before", "after")),
    *(f"round.kind.{k}" for k in ROUND_KINDS),
    *(f"round.status.{s}" for s in ("open", "closed")),
    *(f"round.col.{c}" for c in ("name", "kind", "date", "standard", "status", "findings")),
    *(f"event.kind.{k}" for k in EVENT_KINDS),
    *(f"event.field.{f}" for f in AMENDABLE),
    *(f"event.rechecked.{o}" for o in ("pass", "reject")),
    *(f"event.col.{c}" for c in ("seq", "at", "kind", "actor", "what", "reason")),
    *(f"lifecycle.action.{a}" for a in ("rectify", "recheck")),
    *(f"lifecycle.next.{s}" for s in STATUSES),
    *(f"findings.col.{c}" for c in (*COLUMNS, "site")),
]


@pytest.mark.parametrize("key", BUILT_KEYS)
def test_built_keys_exist(key: str) -> None:
    assert key in MESSAGES
