"""Merging findings bundles into a store: append-only, idempotent, in any order.

A merge inserts the rows of one or more bundles (:mod:`~qingyang_inspect.exchange.bundle`)
that the store does not hold yet, exactly as the other store kept them, in one
transaction: a finding keeps its id, number, inspector and times, an event its id
(the hash of its content), author and both times. Nothing is ever updated or
deleted, so:

* merging a bundle twice adds nothing the second time (and says so);
* the result does not depend on the order of merges: each row is added once
  under its key, and a finding's history is read in an order every store agrees
  on (:meth:`Event.order <qingyang_inspect.findings.model.Event.order>`), a
  round's pins likewise (the latest pin is the content it is scored by).

What two stores recorded in parallel can contradict itself. Such rows are
merged and **reported**, never dropped, for a person to settle with the usual
commands (``findings void``, ``record --supersedes``, ``recheck``):

* *results in conflict* — not applicable beside a pass or a failure for one
  item at one site in one round (the rules of
  :mod:`~qingyang_inspect.findings.conflicts`, which refuse such a record in one
  store); ``round list`` and the acceptance report keep showing them, as they
  show any such pair, until one finding is voided;
* *steps out of step* — two people moved one finding at once (both rectified it,
  or one closed it while the other voided it): a step whose starting status is
  not the one the finding had by then, or a step after the void.

Two things cannot be merged and are refused or held back instead:

* a round of the same name that is a different round (kind, date or standard),
  or that both stores pinned to different content (neither pin history contains
  the other's): the whole merge is refused, nothing is written; re-pin one store
  to the other's files (``round repin``) and export again;
* a lifecycle step on a finding neither this store nor the bundles hold (a bundle
  exported ``--since`` a day after the finding was recorded): the step waits,
  reported with the finding's number; merging a bundle that holds the finding,
  then this one again, adds it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qingyang_inspect.errors import RecordError
from qingyang_inspect.exchange.bundle import (
    Bundle,
    BundleError,
    PhotoRef,
    photo_refs,
    read_bundle,
)
from qingyang_inspect.findings.conflicts import Conflict, find_conflicts
from qingyang_inspect.findings.ids import number_of
from qingyang_inspect.findings.model import Event
from qingyang_inspect.findings.replay import initial_state
from qingyang_inspect.i18n import t
from qingyang_inspect.store.sql import COPY_COLUMNS, COPY_KEYS, COPY_TABLES
from qingyang_inspect.views.labels import round_kind_label

if TYPE_CHECKING:
    from qingyang_inspect.store import Store

Row = tuple[Any, ...]

_F = {name: n for n, name in enumerate(COPY_COLUMNS["findings"])}
_E = {name: n for n, name in enumerate(COPY_COLUMNS["events"])}
_P = {name: n for n, name in enumerate(COPY_COLUMNS["round_pins"])}
#: A round's identity apart from who opened it when: kind, date, standard id and version.
_ROUND_IDENTITY = slice(1, 5)


@dataclass(frozen=True)
class OutOfStep:
    """A step of a finding's merged history that does not follow from the one before it."""

    number: str
    kind: str
    actor: str
    at: dt.datetime
    #: The status the step started from, as its author saw it.
    expected: str | None
    #: The status the finding had by then in the merged history (``None``: voided).
    found: str | None


@dataclass(frozen=True)
class HeldBack:
    """Lifecycle steps on a finding neither the store nor the bundles hold: not merged."""

    number: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Merged:
    """What :func:`merge_bundles` did."""

    bundles: tuple[Path, ...]
    #: Rows added, per table of :data:`~qingyang_inspect.store.sql.COPY_TABLES`.
    added: dict[str, int]
    #: Rows of the bundles the store held already, per table.
    held: dict[str, int]
    #: Photos copied into the evidence folder.
    photos: int
    conflicts: tuple[Conflict, ...] = ()
    out_of_step: tuple[OutOfStep, ...] = ()
    held_back: tuple[HeldBack, ...] = ()
    #: Rounds both stores opened (same kind, date, standard, content): this store's kept.
    opened_twice: tuple[str, ...] = ()
    #: Rounds both stores closed: this store's closing kept.
    closed_twice: tuple[str, ...] = ()

    @property
    def nothing_new(self) -> bool:
        """Whether the store held every row already (a bundle merged before)."""
        return not any(self.added.values()) and not self.photos

    @property
    def problems(self) -> bool:
        """Whether anything needs a person: conflicts, steps out of step, steps held back."""
        return bool(self.conflicts or self.out_of_step or self.held_back)


def merge_bundles(store: Store, paths: Sequence[Path]) -> Merged:
    """Read and check every bundle of ``paths``, then add what the store lacks, in one
    transaction (see the module's description); :class:`BundleError` or
    :class:`RecordError` and nothing written when a bundle is bad or a round clashes.

    The bundles are added one after the other, each checked against the store as the
    ones before it left it (a round opened on two laptops is then one round whichever
    comes first); steps one bundle held back are added once a later one brought their
    finding."""
    bundles = [read_bundle(path) for path in paths]
    _check_agree(bundles)
    added = dict.fromkeys(COPY_TABLES, 0)
    held = dict.fromkeys(COPY_TABLES, 0)
    photos = 0
    touched: set[str] = set()
    stepped: set[str] = set()
    waiting: dict[str, Row] = {}
    opened_twice: list[str] = []
    closed_twice: list[str] = []
    with store.transaction():
        for bundle in bundles:
            plan = _plan(store, _keyed(bundle))
            for table in COPY_TABLES:
                added[table] += store.add_copied(table, plan.rows[table])
                held[table] += plan.held[table]
            # After the rows: rows the store refuses leave no photo behind either.
            photos += _copy_photos(store, [bundle], plan.photos)
            touched |= plan.new_findings
            stepped |= plan.stepped
            waiting.update(plan.waiting)
            opened_twice.extend(n for n in plan.opened_twice if n not in opened_twice)
            closed_twice.extend(n for n in plan.closed_twice if n not in closed_twice)
        known = store.copy_keys("findings") if waiting else set()
        have = store.copy_keys("events") if waiting else set()
        late = [
            row
            for row in waiting.values()
            if row[_E["finding_id"]] in known and row[_E["id"]] not in have
        ]
        if late:
            added["events"] += store.add_copied("events", sorted(late, key=_history_order))
            photos += _copy_photos(store, bundles, _needed_photos(store, [], late))
            stepped |= {row[_E["finding_id"]] for row in late}
        conflicts = _new_conflicts(store, touched | stepped)
        out_of_step = _out_of_step(store, stepped)
    still: dict[str, list[str]] = {}
    for row in sorted(waiting.values(), key=_history_order):
        if row[_E["finding_id"]] not in known:
            still.setdefault(row[_E["finding_id"]], []).append(row[_E["kind"]])
    return Merged(
        bundles=tuple(paths),
        added=added,
        held=held,
        photos=photos,
        conflicts=tuple(conflicts),
        out_of_step=tuple(out_of_step),
        held_back=tuple(HeldBack(number_of(f), tuple(kinds)) for f, kinds in sorted(still.items())),
        opened_twice=tuple(opened_twice),
        closed_twice=tuple(closed_twice),
    )


def _history_order(row: Sequence[Any]) -> tuple[Any, ...]:
    """An events row's place in its finding's history (:meth:`Event.order`)."""
    at, entered = (dt.datetime.fromisoformat(row[_E[name]]) for name in ("at", "entered_at"))
    return row[_E["finding_id"]], at, row[_E["seq"]], entered, row[_E["id"]]


def _keyed(bundle: Bundle) -> dict[str, dict[Any, Row]]:
    """Every table's rows of ``bundle`` by key."""
    keyed: dict[str, dict[Any, Row]] = {}
    for table in COPY_TABLES:
        key = COPY_COLUMNS[table].index(COPY_KEYS[table])
        keyed[table] = {row[key]: row for row in bundle.tables[table]}
    return keyed


#: Tables whose rows two stores may hold differently under one key: a round opened, or
#: closed, on two laptops (see :func:`_plan`). Every other row is the same everywhere.
_MAY_DIFFER = frozenset({"rounds", "round_closures"})


def _check_agree(bundles: Sequence[Bundle]) -> None:
    """Two bundles may not hold different findings, steps, pins or snapshots under one key."""
    if len(bundles) < 2:
        return
    seen: dict[tuple[str, Any], tuple[Row, Path]] = {}
    for bundle in bundles:
        for table in COPY_TABLES:
            if table in _MAY_DIFFER:
                continue
            key = COPY_COLUMNS[table].index(COPY_KEYS[table])
            for row in bundle.tables[table]:
                found, first = seen.setdefault((table, row[key]), (row, bundle.path))
                if found != row:
                    raise BundleError(
                        t(
                            "merge.bundles_disagree",
                            first=first,
                            second=bundle.path,
                            table=table,
                            key=row[key],
                        ),
                        hint=t("merge.bundles_disagree_hint"),
                    )


@dataclass
class _Plan:
    rows: dict[str, list[Row]]
    #: Rows of the bundles the store holds already, per table.
    held: dict[str, int]
    photos: list[PhotoRef]
    #: Ids of the findings added.
    new_findings: set[str]
    #: Ids of the findings that got new events (added or held before).
    stepped: set[str]
    #: Steps on findings the store lacks, by id: not added (yet).
    waiting: dict[str, Row]
    opened_twice: tuple[str, ...]
    closed_twice: tuple[str, ...]


def _identity(row: Row) -> str:
    """What makes a round the same round, in words: ``督导 2026-06-01 <standard> <version>``."""
    kind, *rest = row[_ROUND_IDENTITY]
    return " ".join([round_kind_label(kind), *map(str, rest)])


def _plan(store: Store, union: dict[str, dict[Any, Row]]) -> _Plan:
    """The rows to add, checked against what the store holds (rounds that clash refused)."""
    ours = {row[0]: row for row in store.copy_rows("rounds")}
    opened_twice = []
    for name, row in sorted(union["rounds"].items()):
        mine = ours.get(name)
        if mine is None or mine == row:
            continue
        if mine[_ROUND_IDENTITY] != row[_ROUND_IDENTITY]:
            raise RecordError(
                t(
                    "merge.round_differs",
                    name=name,
                    ours=_identity(mine),
                    theirs=_identity(row),
                ),
                hint=t("merge.round_differs_hint"),
            )
        opened_twice.append(name)
    _check_pins(store, union["round_pins"], set(ours) & set(union["rounds"]))
    closed = {row[0]: row for row in store.copy_rows("round_closures")}
    closed_twice = tuple(
        name
        for name, row in sorted(union["round_closures"].items())
        if name in closed and closed[name] != row
    )
    rows: dict[str, list[Row]] = {}
    held: dict[str, int] = {}
    held_findings: set[Any] = set()
    for table in COPY_TABLES:
        held_keys = closed.keys() if table == "round_closures" else store.copy_keys(table)
        if table == "findings":
            held_findings = set(held_keys)
        rows[table] = [row for key, row in sorted(union[table].items()) if key not in held_keys]
        held[table] = len(union[table]) - len(rows[table])
    new_ids = {row[_F["id"]] for row in rows["findings"]}
    if new_ids:
        _check_numbers(store, rows["findings"])
    rounds = set(ours) | set(union["rounds"])
    for row in rows["findings"]:
        if row[_F["round_name"]] not in rounds:  # pragma: no cover - export always adds it
            raise RecordError(t("merge.round_missing", name=row[_F["round_name"]]))
    known = held_findings | new_ids
    waiting: dict[str, Row] = {}
    events = []
    for row in rows["events"]:
        if row[_E["finding_id"]] in known:
            events.append(row)
        else:
            waiting[row[_E["id"]]] = row
    rows["events"] = events
    photos = _needed_photos(store, rows["findings"], events)
    return _Plan(
        rows=rows,
        held=held,
        photos=photos,
        new_findings=new_ids,
        stepped={row[_E["finding_id"]] for row in events},
        waiting=waiting,
        opened_twice=tuple(opened_twice),
        closed_twice=closed_twice,
    )


def _latest(pins: Iterable[Row]) -> str | None:
    """The snapshot of the latest of a round's pins (the content it is scored by)."""
    keyed = [
        (
            dt.datetime.fromisoformat(row[_P["at"]]),
            dt.datetime.fromisoformat(row[_P["entered_at"]]),
            row[_P["id"]],
            row[_P["snapshot"]],
        )
        for row in pins
    ]
    return max(keyed)[3] if keyed else None


def _check_pins(store: Store, theirs: dict[Any, Row], shared: set[str]) -> None:
    """Refuse a round both stores hold that they pinned to different content, unless one
    pin history contains the other (a re-pin made in one store and not yet in the other)."""
    for name in sorted(shared):
        ours_pins = list(store.copy_rows("round_pins", round_name=name))
        their_pins = [row for row in theirs.values() if row[_P["round_name"]] == name]
        ours_ids = {row[_P["id"]] for row in ours_pins}
        their_ids = {row[_P["id"]] for row in their_pins}
        if ours_ids <= their_ids or their_ids <= ours_ids:
            continue
        ours_latest, their_latest = _latest(ours_pins), _latest(their_pins)
        if ours_latest != their_latest:
            raise RecordError(
                t(
                    "merge.round_pinned_apart",
                    name=name,
                    ours=str(ours_latest)[:12],
                    theirs=str(their_latest)[:12],
                ),
                hint=t("merge.round_pinned_apart_hint", name=name),
            )


def _check_numbers(store: Store, findings: list[Row]) -> None:
    """Refuse findings whose number another finding of the store holds (one in 10**15)."""
    taken = store.numbers() & {row[_F["number"]] for row in findings}
    if taken:
        raise RecordError(
            t("merge.number_taken", number=sorted(taken)[0]),
            hint=t("merge.number_taken_hint", number=sorted(taken)[0]),
        )


def _needed_photos(store: Store, findings: list[Row], events: list[Row]) -> list[PhotoRef]:
    """The photos the new rows name that the store lacks (its evidence folder; on a
    server, the server)."""
    wanted = {ref.relpath: ref for ref in photo_refs(findings, events)}
    return [wanted[relpath] for relpath in store.photos_missing(wanted)]


def _copy_photos(store: Store, bundles: Sequence[Bundle], photos: list[PhotoRef]) -> int:
    """Copy the ``photos`` from the bundles that carry them into the evidence folder (each
    checked against its hash; a photo no bundle carries is refused before any is copied),
    and keep them where the store's readers find them (a server store: on the server, in
    the merge's transaction)."""
    from qingyang_inspect.evidence import CheckedPhoto, store_photos

    carried: dict[int, list[str]] = {}
    for ref in photos:
        carrier = next((n for n, b in enumerate(bundles) if ref.relpath in b.photos), None)
        if carrier is None:
            raise BundleError(
                t("merge.photo_missing", relpath=ref.relpath), hint=t("merge.photo_missing_hint")
            )
        carried.setdefault(carrier, []).append(ref.relpath)
    if not photos:
        return 0
    with tempfile.TemporaryDirectory(prefix="inspect-merge-") as scratch:
        checked = []
        for carrier, relpaths in carried.items():
            bundle = bundles[carrier]
            for relpath, data in bundle.read_photos(relpaths):
                path = Path(scratch) / Path(relpath).name
                path.write_bytes(data)
                sha256 = bundle.photos[relpath]
                checked.append(CheckedPhoto(path, sha256, len(data), "", Path(relpath).suffix))
        store_photos(store.evidence_dir, checked)
    store.keep_photos(photos)
    return len(photos)


def _new_conflicts(store: Store, touched: set[str]) -> list[Conflict]:
    """Items whose findings now contradict each other, where an added finding, or one that
    got added steps (an amendment may change a result), takes part (``touched``)."""
    found: list[Conflict] = []
    for round_name, site_id, item_id in store.shared_items():
        found.extend(
            conflict
            for conflict in find_conflicts(
                store.iter_findings(round_name=round_name, site_id=site_id, item_id=item_id)
            )
            if any(f.id in touched for f in conflict.findings)
        )
    return found


def _out_of_step(store: Store, stepped: Iterable[str]) -> list[OutOfStep]:
    """The steps of the findings that got new ones which do not follow from the status
    before them in the merged history."""
    found = []
    for finding_id in sorted(stepped):
        history = store.events(finding_id)
        if not history:  # pragma: no cover - the finding was just checked to exist
            continue
        start = initial_state(store.finding(finding_id)).status
        found.extend(steps_out_of_step(history, start))
    return found


def steps_out_of_step(history: Sequence[Event], start: str | None) -> list[OutOfStep]:
    """The steps of ``history`` (a finding's events in order, its ``recorded`` event first)
    whose starting status is not the finding's status by then, or that follow its void."""
    status: str | None = start
    voided = False
    found = []
    for event in history[1:]:
        change = event.data.get("status")
        expected = change[0] if isinstance(change, list) and len(change) == 2 else None
        if voided or (expected is not None and expected != status):
            found.append(
                OutOfStep(
                    number_of(event.finding_id),
                    event.kind,
                    event.actor,
                    event.at,
                    expected,
                    None if voided else status,
                )
            )
        if change is not None and expected is not None:
            status = change[1]
        voided = voided or event.kind == "voided"
    return found
