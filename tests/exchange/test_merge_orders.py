"""Three laptops record in parallel; their bundles merged in every order give the same store
and the same reports.

Hypothesis draws an interleaving of what three inspectors do on their own laptops
after each merged the office's round: record results (the conflict rules of one
store apply on each laptop, not across them: two laptops can contradict each other),
rectify, re-check, void, and now and then hand a bundle to another laptop (which
then acts on the other's findings: two people moving one finding at once). At the
end each laptop exports everything; the office merges the three bundles in each of
the six orders, and all three in one call, each into a store of its own. Every
order must give the same rows (nothing dropped, nothing twice), the same
rectification ledger and acceptance report (written as JSON files and read back),
and the same conflicts; merging again must add nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.errors import RecordError
from qingyang_inspect.exchange.bundle import export_findings
from qingyang_inspect.exchange.merge import merge_bundles
from qingyang_inspect.findings.lifecycle import recheck, rectify, void
from qingyang_inspect.findings.pins import RoundCatalogs, round_states
from qingyang_inspect.findings.recording import RecordRequest, open_round, record_finding
from qingyang_inspect.render import RenderContext, render
from qingyang_inspect.store import Store
from qingyang_inspect.store.sql import COPY_TABLES
from qingyang_inspect.views.acceptance import acceptance_document, build_acceptance
from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
from qingyang_inspect.workspace import load_workspace
from store_helpers import CST

MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "valid" / "minimal"
CATALOG = load_workspace_catalog(load_workspace(MINIMAL), use_cache=False)
#: Two sites, two items each: few enough places that laptops often answer the same one.
PAIRS = [("M1", "CM-EN-01"), ("M1", "CM-AD-01"), ("A1", "CM-EN-01"), ("A1", "CM-AD-01")]
START = dt.datetime(2026, 6, 1, 8, 0, tzinfo=CST)
MINUTE = dt.timedelta(minutes=1)
DAY = START.date() + dt.timedelta(days=3)
LAPTOPS = 3


@dataclass(frozen=True)
class Op:
    """One thing laptop ``laptop`` does: record, a lifecycle step, or hand a bundle over."""

    laptop: int
    kind: str  # record, rectify, pass, reject, void, hand
    pair: tuple[str, str] = ("", "")
    result: str = "fail"
    #: Which of the laptop's live findings a step acts on (modulo their number).
    pick: int = 0
    #: The laptop a bundle is handed to.
    to: int = 0


laptops = st.integers(min_value=0, max_value=LAPTOPS - 1)
ops = st.one_of(
    *[
        st.builds(
            Op,
            laptop=laptops,
            kind=st.just("record"),
            pair=st.sampled_from(PAIRS),
            result=st.sampled_from(["fail", "fail", "pass", "na"]),
        )
    ]
    * 3,
    *[
        st.builds(
            Op,
            laptop=laptops,
            kind=st.sampled_from(["rectify", "rectify", "pass", "reject", "void"]),
            pick=st.integers(min_value=0, max_value=7),
        )
    ]
    * 3,
    *[st.builds(Op, laptop=laptops, kind=st.just("hand"), to=laptops)] * 2,
)


class Place:
    """A folder of stores, each in its own folder (with its own evidence)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._made = itertools.count()

    def store(self, name: str) -> Path:
        folder = self.root / f"{name}-{next(self._made)}"
        folder.mkdir()
        return folder / "store.sqlite"

    def bundle(self, name: str) -> Path:
        return self.root / f"{name}-{next(self._made)}.zip"


@contextmanager
def place() -> Iterator[Place]:
    root = Path(tempfile.mkdtemp(prefix="qi-merge-"))
    try:
        yield Place(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def export(path: Path, target: Path, now: dt.datetime) -> Path:
    with Store.open_path(path, readonly=True) as store:
        export_findings(store, target, round_name=None, since=None, now=now)
    return target


def merge(path: Path, *bundles: Path) -> Any:
    with Store.open_path(path) as store:
        return merge_bundles(store, list(bundles))


def act(places: Place, stores: list[Path], op: Op, now: dt.datetime) -> None:
    """Do ``op`` on its laptop as a person would; what the rules refuse is not done."""
    path = stores[op.laptop]
    actor = f"检查员{op.laptop + 1}"
    if op.kind == "hand":
        if op.to != op.laptop:
            merge(stores[op.to], export(path, places.bundle("hand"), now))
        return
    with Store.open_path(path) as store:
        try:
            if op.kind == "record":
                site, item = op.pair
                request = RecordRequest(
                    site_id=site,
                    item_id=item,
                    result=op.result,
                    inspector=actor,
                    note="不涉及" if op.result == "na" else None,
                    round_name="R",
                    at=now,
                )
                record_finding(store, CATALOG, request, now=now)
                return
            live = sorted(f.id for f in store.iter_findings() if f.result == "fail")
            if not live:
                return
            chosen = live[op.pick % len(live)]
            common: dict[str, Any] = {"actor": actor, "now": now, "at": now}
            if op.kind == "rectify":
                rectify(store, CATALOG, chosen, note="已整改", **common)
            elif op.kind in ("pass", "reject"):
                recheck(store, chosen, passed=op.kind == "pass", **common)
            else:
                void(store, chosen, reason="重复记录", **common)
        except RecordError:
            pass  # refused on this laptop (a contradiction, a wrong status): not done


def reports(places: Place, path: Path) -> dict[str, Any]:
    """The ledger and the acceptance report of ``path``, written as JSON and read back, the
    store's rows, and the conflicts ``round list`` shows."""
    written = {}
    with Store.open_path(path, readonly=True) as store:
        catalogs = RoundCatalogs(store, CATALOG)
        ledger = build_ledger(
            CATALOG,
            store.iter_findings,
            district="测试区",
            as_of=DAY,
            flt=LedgerFilter(),
            catalog_for=catalogs,
        )
        round_ = store.round("R")
        acceptance = build_acceptance(
            catalogs("R"), store.iter_findings, round_, district="测试区", as_of=DAY
        )
        for name, document in (
            ("ledger", ledger_document(ledger)),
            ("acceptance", acceptance_document(acceptance)),
        ):
            target = places.root / f"{name}-{next(places._made)}.json"
            render(document, "json", output=target, context=RenderContext(fmt="json", day=DAY))
            written[name] = json.loads(target.read_text(encoding="utf-8"))
        written["rows"] = {table: sorted(store.copy_rows(table)) for table in COPY_TABLES[1:]}
        written["conflicts"] = [
            sorted(sorted(c.numbers) for c in state.conflicts)
            for state in round_states(store, CATALOG)
        ]
    return written


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(interleaving=st.lists(ops, min_size=8, max_size=20))
def test_every_order_of_merges_gives_the_same_store_and_reports(interleaving: list[Op]) -> None:
    with place() as places:
        office = places.store("office")
        with Store.open_path(office) as store:
            open_round(store, CATALOG, name="R", kind="supervision", date=START.date(),
                       actor="王督导", now=START - MINUTE)  # fmt: skip
        opening = export(office, places.bundle("office"), START)
        stores = [places.store(f"laptop{n}") for n in range(LAPTOPS)]
        for path in stores:
            merge(path, opening)
        for n, op in enumerate(interleaving):
            act(places, stores, op, START + MINUTE * (n + 1))
        end = START + MINUTE * (len(interleaving) + 2)
        bundles = [export(path, places.bundle("laptop"), end) for path in stores]

        seen: list[dict[str, Any]] = []
        orders = [*itertools.permutations(bundles), (tuple(bundles),)]
        for order in orders:
            path = places.store("merged")
            with Store.open_path(path) as store:  # one store per order, merged into in turn
                merge_bundles(store, [opening])
                for step in order:
                    merge_bundles(store, list(step) if isinstance(step, tuple) else [step])
                again = merge_bundles(store, bundles)
            assert again.nothing_new
            assert not again.conflicts
            seen.append(reports(places, path))
        assert all(found == seen[0] for found in seen[1:])

        # Nothing any laptop holds was dropped.
        merged_rows = seen[0]["rows"]
        for path in stores:
            with Store.open_path(path, readonly=True) as store:
                for table in ("findings", "events"):
                    assert set(store.copy_rows(table)) <= set(merged_rows[table])
