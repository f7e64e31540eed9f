"""The rectification lifecycle (整改 → 复查 → 销号 / 退回), amendments and voids, as events.

Status: ``open`` (待整改) → ``rectified`` (已整改待复查) → ``closed`` (已销号),
or ``rectified`` → ``open`` again when a re-check rejects the work (退回).
Each step appends one event; nothing is changed in place. The ``plan_*``
functions are pure: they check a step against the finding's current state
and return the event's data, or raise :class:`RecordError` naming the current
status. The other functions re-check inside the write transaction, so two
people acting on the same finding at once cannot both succeed.

Every step is dated: ``at`` is when it happened (an office enters paper forms
days later; default: now), and the event keeps both that and the time it was
entered. A step is refused when it would happen in the future, before the
finding was found, or before the finding's previous step (:func:`check_at`):
a history is entered in the order it happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.ids import canonical_json, event_id
from qingyang_inspect.findings.model import Event, EventKind, Finding, Photo, Result, Status
from qingyang_inspect.findings.recording import (
    check_count,
    check_due,
    check_result,
    clean_text,
    require_aware,
    show_moment,
)
from qingyang_inspect.findings.replay import apply_event, photo_data
from qingyang_inspect.i18n import t
from qingyang_inspect.views.labels import event_kind_label, result_label, status_label

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.db import Store


# -- pure checks -------------------------------------------------------------------


#: The words of a refused step (message keys written out, so they can be found).
ACTION_KEYS = {"rectify": "lifecycle.action.rectify", "recheck": "lifecycle.action.recheck"}
#: What to do next, by the status a finding is in.
NEXT_KEYS = {
    "open": "lifecycle.next.open",
    "rectified": "lifecycle.next.rectified",
    "closed": "lifecycle.next.closed",
}


def name_of(finding: Finding) -> str:
    """How messages name a finding: its number (问题编号), or its id before it had one."""
    return finding.number or finding.id


def require_status(finding: Finding, wanted: Status, action: str) -> None:
    """Refuse ``action`` unless ``finding`` is live, a problem, and in status ``wanted``."""
    require_live(finding)
    if finding.status is None:
        raise RecordError(
            t(
                "lifecycle.not_a_problem",
                id=name_of(finding),
                result=result_label(finding.result),
                action=t(ACTION_KEYS[action]),
            ),
            hint=t("lifecycle.not_a_problem_hint"),
        )
    if finding.status != wanted:
        raise RecordError(
            t(
                "lifecycle.wrong_status",
                id=name_of(finding),
                status=status_label(finding.status),
                action=t(ACTION_KEYS[action]),
                wanted=status_label(wanted),
            ),
            hint=t(NEXT_KEYS[finding.status], id=name_of(finding)),
        )


def require_live(finding: Finding) -> None:
    """Refuse any change to a voided finding."""
    if finding.voided:
        raise RecordError(
            t("lifecycle.voided", id=name_of(finding)), hint=t("lifecycle.voided_hint")
        )


def check_at(finding: Finding, history: Sequence[Event], at: dt.datetime, now: dt.datetime) -> None:
    """Refuse a step dated ``at``: in the future, before the finding was found, or before
    the latest step of its ``history`` (its events, oldest first)."""
    require_aware(at)
    if at > now:
        raise RecordError(
            t("lifecycle.at_future", at=show_moment(at), now=show_moment(now)),
            hint=t("lifecycle.at_future_hint"),
        )
    if at < finding.found_at:
        raise RecordError(
            t(
                "lifecycle.at_before_found",
                at=show_moment(at),
                number=name_of(finding),
                found=show_moment(finding.found_at),
            ),
            hint=t("lifecycle.at_order_hint"),
        )
    steps = [e for e in history if e.kind != "recorded"]
    if steps:
        last = max(steps, key=Event.order)
        if at < last.at:
            raise RecordError(
                t(
                    "lifecycle.at_before_previous",
                    at=show_moment(at),
                    number=name_of(finding),
                    step=event_kind_label(last.kind),
                    previous=show_moment(last.at),
                ),
                hint=t("lifecycle.at_order_hint"),
            )


def new_event(
    finding: Finding,
    kind: EventKind,
    *,
    at: dt.datetime,
    now: dt.datetime,
    actor: str,
    data: dict[str, Any],
    reason: str | None = None,
    seq: int = 2,
) -> Event:
    """The event of a step on ``finding``: happened ``at``, entered ``now`` as the ``seq``-th
    of its history, its id the hash of its content."""
    require_aware(now)
    ident = event_id(
        finding.id,
        seq,
        kind,
        at.isoformat(),
        now.isoformat(),
        actor,
        canonical_json(data),
        reason,
    )
    return Event(ident, finding.id, seq, kind, at, now, actor, data, reason)


def require_reason(reason: str | None, option: str = "--reason") -> str:
    """A non-empty reason (why a record is amended or voided)."""
    text = clean_text(reason, option)
    if text is None:
        raise RecordError(
            t("lifecycle.reason_required", option=option),
            hint=t("lifecycle.reason_required_hint", option=option),
        )
    return text


def plan_rectify(finding: Finding, *, note: str | None, by: str | None) -> dict[str, Any]:
    """Event data for rectifying ``finding`` (it must be open)."""
    require_status(finding, "open", "rectify")
    text = clean_text(note, "--note")
    if text is None:
        raise RecordError(t("lifecycle.note_required"), hint=t("lifecycle.note_required_hint"))
    return {"note": text, "by": clean_text(by, "--by"), "status": ["open", "rectified"]}


def plan_recheck(finding: Finding, *, passed: bool, note: str | None) -> dict[str, Any]:
    """Event data for re-checking ``finding`` (it must be rectified)."""
    require_status(finding, "rectified", "recheck")
    return {
        "outcome": "pass" if passed else "reject",
        "note": clean_text(note, "--note"),
        "status": ["rectified", "closed" if passed else "open"],
    }


def plan_amend(
    finding: Finding,
    catalog: Catalog,
    *,
    note: str | None = None,
    location: str | None = None,
    count: int | None = None,
    due: dt.date | None = None,
    result: str | None = None,
) -> dict[str, Any]:
    """The changes ``{field: [old, new]}`` an amendment makes; ``None`` means "leave as is".

    An empty ``note`` or ``location`` clears it. Changing the result to
    ``fail`` opens the finding for rectification (due date from the item's
    rectification days unless ``due`` is given); changing it away from
    ``fail`` clears the count, the due date and the status.
    """
    require_live(finding)
    changes: dict[str, Any] = {}

    def change(key: str, old: Any, new: Any) -> None:
        if old != new:
            changes[key] = [old, new]

    new_result = check_result(result) if result is not None else finding.result
    if new_result != finding.result:
        change("result", finding.result, new_result)
        if new_result == "fail":
            if due is not None:
                new_due = check_due(due, finding.found_at)
            else:
                item = catalog.item(finding.item_id)
                new_due = catalog.due_date(item, finding.found_at.date()).date
            change("occurrences", finding.occurrences, check_count("fail", count))
            change("due_date", _iso(finding.due_date), new_due.isoformat())
            change("status", finding.status, "open")
        else:
            check_count(new_result, count)
            if due is not None:
                raise RecordError(t("record.due_not_fail"), hint=t("record.due_not_fail_hint"))
            change("occurrences", finding.occurrences, 0)
            change("due_date", _iso(finding.due_date), None)
            change("status", finding.status, None)
    else:
        if count is not None:
            change("occurrences", finding.occurrences, check_count(new_result, count))
        if due is not None:
            if new_result != "fail":
                raise RecordError(t("record.due_not_fail"), hint=t("record.due_not_fail_hint"))
            change("due_date", _iso(finding.due_date), check_due(due, finding.found_at).isoformat())
    new_note = finding.note
    if note is not None:
        new_note = clean_text(note, "--note")
        change("note", finding.note, new_note)
    if location is not None:
        change("location", finding.location, clean_text(location, "--location"))
    if new_result == "na" and new_note is None:
        raise RecordError(t("record.na_needs_note"), hint=t("record.na_needs_note_hint"))
    if not changes:
        raise RecordError(
            t("lifecycle.no_change", id=name_of(finding)), hint=t("lifecycle.no_change_hint")
        )
    return changes


# -- steps ---------------------------------------------------------------------------


def _refuse_contradiction(store: Store, finding: Finding, result: Result) -> None:
    """Refuse an amended ``result`` that the round's other findings of the item contradict."""
    from qingyang_inspect.findings.conflicts import in_the_way
    from qingyang_inspect.findings.recording import CONFLICT_KEYS

    others = [
        f
        for f in store.iter_findings(
            round_name=finding.round_name, site_id=finding.site_id, item_id=finding.item_id
        )
        if f.id != finding.id
    ]
    blocking = in_the_way(result, others)
    if blocking:
        raise RecordError(
            t(
                CONFLICT_KEYS[result],
                site=finding.site_id,
                item=finding.item_id,
                results="、".join(f"{result_label(f.result)} {name_of(f)}" for f in blocking),
            ),
            hint=t("lifecycle.amend_conflict_hint", number=name_of(blocking[0])),
        )


def _pinned(store: Store, finding: Finding, catalog: Catalog) -> Catalog:
    """The catalog the finding's round is scored by (its rectification days, its units)."""
    from qingyang_inspect.findings.pins import round_catalog

    return round_catalog(store, store.round(finding.round_name), catalog).catalog


class _Step(NamedTuple):
    """A finding as it is now, and where and when its next step goes."""

    finding: Finding
    at: dt.datetime
    seq: int

    def take(
        self,
        store: Store,
        kind: EventKind,
        *,
        now: dt.datetime,
        actor: str,
        data: dict[str, Any],
        reason: str | None = None,
    ) -> Finding:
        """Append this step as an event of ``kind``; the finding after it."""
        event = store.append_event(
            new_event(
                self.finding,
                kind,
                at=self.at,
                seq=self.seq,
                now=now,
                actor=actor,
                data=data,
                reason=reason,
            )
        )
        return apply_event(self.finding, event)


def _current(store: Store, fid: str, at: dt.datetime | None, now: dt.datetime) -> _Step:
    """The finding ``fid`` now, and the time and place of a step on it (checked; the time
    defaults to ``now``)."""
    finding = store.finding(fid)
    when = now if at is None else at
    history = store.events(fid)
    check_at(finding, history, when, now)
    return _Step(finding, when, len(history) + 1)


def rectify(
    store: Store,
    catalog: Catalog,
    finding_id: str,
    *,
    note: str | None,
    actor: str,
    now: dt.datetime,
    at: dt.datetime | None = None,
    by: str | None = None,
    photos: Sequence[Path] = (),
) -> Finding:
    """整改: record the responsible unit's rectification (open → rectified), with after-photos.

    ``by`` defaults to the site's responsible unit (责任单位).
    """
    fid = store.resolve_id(finding_id)
    finding = _current(store, fid, at, now).finding
    catalog = _pinned(store, finding, catalog)
    if by is None and finding.site_id in catalog.sites:
        by = catalog.sites[finding.site_id].responsible_unit
    plan_rectify(finding, note=note, by=by)  # refuse before copying any photo
    after: tuple[Photo, ...] = ()
    if photos:
        from qingyang_inspect.evidence import ingest_photos

        ingested = ingest_photos(store.evidence_dir, list(photos), stage="after")
        after = tuple(p.as_photo("after") for p in ingested)
    with store.transaction():
        step = _current(store, fid, at, now)
        data = plan_rectify(step.finding, note=note, by=by)
        if after:
            data["photos"] = photo_data(after)
        return step.take(store, "rectified", now=now, actor=actor, data=data)


def recheck(
    store: Store,
    finding_id: str,
    *,
    passed: bool,
    actor: str,
    now: dt.datetime,
    at: dt.datetime | None = None,
    note: str | None = None,
) -> Finding:
    """复查: close the finding (销号) or send it back to open (退回)."""
    fid = store.resolve_id(finding_id)
    with store.transaction():
        step = _current(store, fid, at, now)
        data = plan_recheck(step.finding, passed=passed, note=note)
        return step.take(store, "rechecked", now=now, actor=actor, data=data)


def amend(
    store: Store,
    catalog: Catalog,
    finding_id: str,
    *,
    reason: str | None,
    actor: str,
    now: dt.datetime,
    at: dt.datetime | None = None,
    note: str | None = None,
    location: str | None = None,
    count: int | None = None,
    due: dt.date | None = None,
    result: str | None = None,
) -> Finding:
    """Correct a finding; the event keeps every old value next to the new one, and why."""
    why = require_reason(reason)
    fid = store.resolve_id(finding_id)
    with store.transaction():
        step = _current(store, fid, at, now)
        finding = step.finding
        catalog = _pinned(store, finding, catalog)
        changes = plan_amend(
            finding, catalog, note=note, location=location, count=count, due=due, result=result
        )
        if "result" in changes:
            _refuse_contradiction(store, finding, changes["result"][1])
        return step.take(store, "amended", now=now, actor=actor, data=changes, reason=why)


def void(
    store: Store,
    finding_id: str,
    *,
    reason: str | None,
    actor: str,
    now: dt.datetime,
    at: dt.datetime | None = None,
    data: dict[str, Any] | None = None,
) -> Finding:
    """作废: take a finding out of lists and scores; it stays in the store and its history."""
    why = require_reason(reason)
    fid = store.resolve_id(finding_id)
    with store.transaction():
        step = _current(store, fid, at, now)
        require_live(step.finding)
        return step.take(store, "voided", now=now, actor=actor, data=data or {}, reason=why)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
