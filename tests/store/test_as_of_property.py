"""As of a day, the store shows what a store that only ever received that day's past would.

Hypothesis draws random histories over four weeks: findings found at any hour,
each with lifecycle steps (rectify, re-check passed or rejected, amend, void)
dated when they happened and entered hours or days later, in entry order.
One store receives the whole history. For sampled days D, a second store
receives only what had happened by the end of D (in the same entry order);
the first store read as of the end of D must show exactly what the second
shows: the same findings in the same states and histories, the same
``findings list`` records and the same ledger rows, overdue judged on D.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.findings.ids import CROCKFORD, number_of
from qingyang_inspect.findings.lifecycle import amend, recheck, rectify, void
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.findings.recording import open_round
from qingyang_inspect.store import Store
from qingyang_inspect.views.findings import finding_records
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger
from qingyang_inspect.workspace import load_workspace
from store_helpers import CST

MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "valid" / "minimal"
CATALOG = load_workspace_catalog(load_workspace(MINIMAL), use_cache=False)
PAIRS = [(s.id, i.id) for s in CATALOG.sites.values() for i in CATALOG.items_for_site(s.id)]
START = dt.datetime(2026, 6, 1, 8, 0, tzinfo=CST)
HOUR = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Op:
    """One thing that happened ``at`` and was entered into the store at ``entered``."""

    at: dt.datetime
    entered: dt.datetime
    finding_id: str
    kind: str  # recorded, rectify, pass, reject, amend, void
    value: Any = None


def ulid(at: dt.datetime, random_part: int) -> str:
    """A finding id made at ``at`` with a drawn random part (the same in both stores)."""
    value = (int(at.timestamp() * 1000) << 80) | random_part
    return "".join(CROCKFORD[(value >> (5 * k)) & 31] for k in reversed(range(26)))


@st.composite
def histories(draw: st.DrawFn) -> list[Op]:
    ops: list[Op] = []
    for n in range(draw(st.integers(min_value=1, max_value=6))):
        site_id, item_id = draw(st.sampled_from(PAIRS))
        found = START + HOUR * draw(st.integers(min_value=0, max_value=24 * 28))
        entered = found + HOUR * draw(st.integers(min_value=0, max_value=72))
        # a drawn random part, its low bits the finding's place: numbers never coincide
        ident = ulid(entered, draw(st.integers(min_value=0, max_value=(1 << 72) - 1)) << 8 | n)
        result = draw(st.sampled_from(["fail", "fail", "fail", "pass", "na"]))
        due = found.date() + dt.timedelta(days=draw(st.integers(min_value=0, max_value=10)))
        facts = Finding(
            id=ident,
            number=number_of(ident),
            round_name="R",
            site_id=site_id,
            item_id=item_id,
            result=result,  # type: ignore[arg-type]
            occurrences=draw(st.integers(min_value=1, max_value=3)) if result == "fail" else 0,
            inspector="检查员",
            found_at=found,
            recorded_at=entered,
            due_date=due if result == "fail" else None,
            note="不适用" if result == "na" else None,
        )
        ops.append(Op(found, entered, ident, "recorded", facts))
        status = "open" if result == "fail" else None
        at = found
        for _ in range(draw(st.integers(min_value=0, max_value=5))):
            choices = ["amend", "void"]
            if status == "open":
                choices += ["rectify", "rectify"]
            elif status == "rectified":
                choices += ["pass", "reject"]
            kind = draw(st.sampled_from(choices))
            at = at + HOUR * draw(st.integers(min_value=0, max_value=24 * 6))
            # Entered in order, hours to days after it happened.
            entered = max(entered, at + HOUR * draw(st.integers(min_value=0, max_value=48)))
            value = draw(st.integers(min_value=1, max_value=4)) if kind == "amend" else None
            ops.append(Op(at, entered, ident, kind, value))
            if kind == "void":
                break
            status = {"rectify": "rectified", "pass": "closed", "reject": "open"}.get(kind, status)
    return sorted(ops, key=lambda op: op.entered)  # stable: a finding's ops keep their order


def apply(store: Store, op: Op) -> None:
    """Enter ``op`` as the commands do, dated when it happened."""
    common: dict[str, Any] = {"actor": "王", "now": op.entered, "at": op.at}
    if op.kind == "recorded":
        store.add_findings([op.value])
    elif op.kind == "rectify":
        rectify(store, CATALOG, op.finding_id, note="已整改", **common)
    elif op.kind in ("pass", "reject"):
        recheck(store, op.finding_id, passed=op.kind == "pass", **common)
    elif op.kind == "amend":
        finding = store.finding(op.finding_id)  # the same state in both stores: a prefix
        if finding.result == "fail":
            count = finding.occurrences + op.value
            amend(store, CATALOG, op.finding_id, reason="更正", count=count, **common)
        else:
            note = f"{finding.note}·{op.value}"
            amend(store, CATALOG, op.finding_id, reason="更正", note=note, **common)
    else:
        void(store, op.finding_id, reason="重复", **common)


@contextmanager
def stores() -> Iterator[Callable[[], Path]]:
    """Fresh store files (the minimal workspace's catalog), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="qi-asof-"))
    made = iter(range(1_000))

    def new() -> Path:
        path = folder / f"{next(made)}.sqlite"
        with Store.open_path(path) as store:
            open_round(store, CATALOG, name="R", kind="supervision", date=START.date(),
                       actor="王", now=START - HOUR)  # fmt: skip
        return path

    try:
        yield new
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def view(store: Store, day: dt.date) -> dict[str, Any]:
    """Everything the reads show as of ``day``: findings, histories, list records, ledger."""
    findings = list(store.iter_findings(include_voided=True))
    records = finding_records(CATALOG, day)
    return {
        "findings": findings,
        "events": {f.id: store.events(f.id) for f in findings},
        "list": [records(f) for f in store.iter_findings()],
        "ledger": [
            row.to_json()
            for row in build_ledger(
                CATALOG, store.iter_findings, district="测试区", as_of=day, flt=LedgerFilter()
            ).rows()
        ],
    }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(history=histories(), data=st.data())
def test_the_view_as_of_a_day_is_the_view_of_that_days_past(
    history: list[Op], data: st.DataObject
) -> None:
    happened = sorted({op.at.date() for op in history})
    # The day before anything, the last day, and days on which something happened (the
    # days where a cut between before and after can go wrong).
    days = {happened[0] - dt.timedelta(days=1), happened[-1]}
    days |= set(data.draw(st.lists(st.sampled_from(happened), min_size=1, max_size=4)))
    with stores() as new:
        everything = new()
        with Store.open_path(everything) as store:
            for op in history:
                apply(store, op)
        for day in sorted(days):
            end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=CST)
            past = new()
            with Store.open_path(past) as store:
                for op in history:
                    if op.at < end:
                        apply(store, op)
            with Store.open_path(past, readonly=True) as only_past:
                expected = view(only_past, day)
            with Store.open_path(everything, as_of=end) as as_of:
                assert view(as_of, day) == expected, day
