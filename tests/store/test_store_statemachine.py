"""Any sequence of record / rectify / recheck / amend / void keeps every finding valid.

A hypothesis state machine drives the library against a real SQLite file (and a
server store) and keeps a small model of what each finding's status should be, and which
results contradict each other (refused). After every step: each finding's
status fits its result, its history starts with ``recorded`` and runs in time
order, every status change in the history is a legal transition, folding the
history again gives the stored state, lists leave voided findings out, and no
item holds contradicting results.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

from pg_cluster import Cluster
from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.lifecycle import amend, recheck, rectify, void
from qingyang_inspect.findings.recording import RecordRequest, open_round, record_finding
from qingyang_inspect.findings.replay import replay
from qingyang_inspect.store import Store, sql
from qingyang_inspect.store import db as store_db
from qingyang_inspect.workspace import Workspace, load_workspace
from store_helpers import NOW

MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "valid" / "minimal"
CATALOG = load_workspace_catalog(load_workspace(MINIMAL), use_cache=False)
PAIRS = [
    (site.id, item.id)
    for site in CATALOG.sites.values()
    for item in CATALOG.items_for_site(site.id)
]
#: Legal status changes, as (before, after) pairs, per event kind.
LEGAL = {
    "rectified": {("open", "rectified")},
    "rechecked": {("rectified", "closed"), ("rectified", "open")},
}


@dataclass
class Expected:
    """What the model expects of one finding."""

    result: str
    status: str | None
    pair: tuple[str, str]
    voided: bool = False
    events: int = 1


def blocked_by(result: str, others: list[Expected]) -> bool:
    """Whether ``result`` contradicts the live findings ``others`` of the same item."""
    live = {o.result for o in others if not o.voided}
    return (
        (result == "pass" and bool(live & {"fail", "na"}))
        or (result == "na" and bool(live & {"pass", "fail"}))
        or (result == "fail" and "na" in live)
    )


class LifecycleMachine(RuleBasedStateMachine):
    """Random lifecycles against a real store."""

    findings = Bundle("findings")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="qi-sm-"))
        shutil.copytree(MINIMAL, self.folder / "ws")
        self.store = Store.open(self.workspace(load_workspace(self.folder / "ws")))
        self.now = NOW
        open_round(
            self.store, CATALOG, name="R", kind="supervision", date=NOW.date(), actor="x", now=NOW
        )
        self.model: dict[str, Expected] = {}

    def workspace(self, found: Workspace) -> Workspace:
        """The workspace whose store the machine drives (its SQLite file)."""
        return found

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def tick(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now

    # -- rules ------------------------------------------------------------------------

    def same_item(self, pair: tuple[str, str], but: str | None = None) -> list[Expected]:
        return [e for i, e in self.model.items() if e.pair == pair and i != but]

    @rule(
        target=findings,
        pair=st.sampled_from(PAIRS),
        result=st.sampled_from(["pass", "fail", "na"]),
        count=st.integers(min_value=1, max_value=4),
        on_spot=st.booleans(),
        hours_ago=st.integers(min_value=0, max_value=72),
    )
    def record(
        self, pair: tuple[str, str], result: str, count: int, on_spot: bool, hours_ago: int
    ) -> Any:
        failed = result == "fail"
        now = self.tick()
        request = RecordRequest(
            site_id=pair[0],
            item_id=pair[1],
            result=result,
            inspector="检查员",
            count=count if failed else None,
            note="不适用原因" if result == "na" else None,
            on_spot=on_spot and failed,
            at=now - dt.timedelta(hours=hours_ago),
            confirmed=True,  # found before the round's date: the window has its own tests
        )
        if blocked_by(result, self.same_item(pair)):
            with pytest.raises(RecordError):
                record_finding(self.store, CATALOG, request, now=now)
            return multiple()
        finding = record_finding(self.store, CATALOG, request, now=now).finding
        status = ("closed" if on_spot else "open") if failed else None
        self.model[finding.id] = Expected(result=result, status=status, pair=pair)
        return finding.id

    @rule(finding_id=findings)
    def rectify(self, finding_id: str) -> None:
        expected = self.model[finding_id]
        allowed = not expected.voided and expected.status == "open"
        self.attempt(
            finding_id,
            allowed,
            lambda: rectify(
                self.store, CATALOG, finding_id, note="整改", actor="单位", now=self.tick()
            ),
            "rectified",
        )

    @rule(finding_id=findings, passed=st.booleans())
    def recheck(self, finding_id: str, passed: bool) -> None:
        expected = self.model[finding_id]
        allowed = not expected.voided and expected.status == "rectified"
        self.attempt(
            finding_id,
            allowed,
            lambda: recheck(self.store, finding_id, passed=passed, actor="督导", now=self.tick()),
            "closed" if passed else "open",
        )

    @rule(
        finding_id=findings,
        count=st.none() | st.integers(min_value=0, max_value=4),
        result=st.none() | st.sampled_from(["pass", "fail", "na"]),
        note=st.none() | st.sampled_from(["", "更正说明"]),
    )
    def amend(
        self, finding_id: str, count: int | None, result: str | None, note: str | None
    ) -> None:
        expected = self.model[finding_id]
        before = len(self.store.events(finding_id))
        try:
            changed = amend(
                self.store,
                CATALOG,
                finding_id,
                count=count,
                result=result,
                note=note,
                reason="复核",
                actor="督导",
                now=self.tick(),
            )
        except RecordError:
            assert len(self.store.events(finding_id)) == before
            return
        assert not expected.voided
        new_result = result or expected.result
        assert new_result == expected.result or not blocked_by(
            new_result, self.same_item(expected.pair, but=finding_id)
        )
        if new_result != expected.result:
            expected.status = "open" if new_result == "fail" else None
        expected.result = new_result
        expected.events += 1
        if count is not None:
            assert changed.occurrences == count
        assert changed.result == new_result and changed.status == expected.status

    @rule(finding_id=findings)
    def void(self, finding_id: str) -> None:
        expected = self.model[finding_id]
        self.attempt(
            finding_id,
            not expected.voided,
            lambda: void(self.store, finding_id, reason="作废", actor="督导", now=self.tick()),
            expected.status,
        )
        expected.voided = True

    def attempt(self, finding_id: str, allowed: bool, step: Any, status: str | None) -> None:
        expected = self.model[finding_id]
        before = len(self.store.events(finding_id))
        if allowed:
            finding = step()
            expected.status = status
            expected.events += 1
            assert finding.status == status
        else:
            with pytest.raises(RecordError):
                step()
            assert len(self.store.events(finding_id)) == before

    # -- invariants ---------------------------------------------------------------------

    @invariant()
    def every_finding_is_valid(self) -> None:
        stored = {f.id: f for f in self.store.iter_findings(include_voided=True)}
        assert set(stored) == set(self.model)
        conn = self.store._conn
        for finding_id, finding in stored.items():
            expected = self.model[finding_id]
            assert (finding.result, finding.status, finding.voided) == (
                expected.result,
                expected.status,
                expected.voided,
            )
            if finding.result == "fail":
                assert finding.status in ("open", "rectified", "closed")
                assert finding.occurrences >= 1 and finding.due_date is not None
            else:
                assert finding.status is None and finding.occurrences == 0
            events = self.store.events(finding_id)
            assert len(events) == expected.events
            assert events[0].kind == "recorded"
            assert all(a.at <= b.at for a, b in itertools.pairwise(events))
            assert len({e.id for e in events}) == len(events)
            kinds = [e.kind for e in events]
            assert "voided" not in kinds[:-1]  # nothing happens to a voided finding
            assert finding.voided == (kinds[-1] == "voided")
            for event in events:
                if event.kind in LEGAL:
                    assert tuple(event.data["status"]) in LEGAL[event.kind]
            row = conn.execute(
                f"SELECT {', '.join(sql.FINDING_COLUMNS)} FROM findings WHERE id = ?",
                (finding_id,),
            ).fetchone()
            assert replay(store_db._facts(row), events[1:]) == finding

    @invariant()
    def no_item_holds_contradicting_results(self) -> None:
        from qingyang_inspect.findings.conflicts import find_conflicts

        assert find_conflicts(self.store.iter_findings()) == []

    @invariant()
    def lists_leave_voided_findings_out_in_order(self) -> None:
        listed = list(self.store.iter_findings())
        assert {f.id for f in listed} == {i for i, e in self.model.items() if not e.voided}
        keys = [(f.found_at, f.id) for f in listed]
        assert keys == sorted(keys)


LifecycleMachine.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_lifecycle_state_machine = pytest.mark.slow(LifecycleMachine.TestCase)


class ServerLifecycleMachine(LifecycleMachine):
    """The same machine against a server store: a new database per example."""

    cluster: Cluster

    def workspace(self, found: Workspace) -> Workspace:
        self.database = self.cluster.new_database()
        return dataclasses.replace(found, store_url=self.cluster.url(self.database))

    def teardown(self) -> None:
        super().teardown()
        self.cluster.drop_database(self.database)


@pytest.mark.slow
def test_lifecycle_state_machine_on_a_server(pg_cluster: Cluster) -> None:
    ServerLifecycleMachine.cluster = pg_cluster
    run_state_machine_as_test(
        ServerLifecycleMachine,
        # Fewer examples than the file's: each one creates a database on the server.
        settings=settings(LifecycleMachine.TestCase.settings, max_examples=15),
    )
