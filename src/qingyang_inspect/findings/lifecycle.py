"""The rectification lifecycle (整改 → 复查 → 销号 / 退回), amendments and voids, as events.

Status: ``open`` (待整改) → ``rectified`` (已整改待复查) → ``closed`` (已销号),
or ``rectified`` → ``open`` again when a re-check rejects the work (退回).
Each step appends one event; nothing is changed in place. The ``plan_*``
functions are pure: they check a step against the finding's current state
and return the event's data, or raise :class:`RecordError` naming the current
status. The other functions re-check inside the write transaction, so two
people acting on the same finding at once cannot both succeed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.model import Finding, Photo, Status
from qingyang_inspect.findings.recording import check_count, check_due, check_result, clean_text
from qingyang_inspect.findings.replay import apply_event
from qingyang_inspect.i18n import t
from qingyang_inspect.views.labels import status_label

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.db import Store


# -- pure checks -------------------------------------------------------------------


def require_status(finding: Finding, wanted: Status, action: str) -> None:
    """Refuse ``action`` unless ``finding`` is live, a problem, and in status ``wanted``."""
    require_live(finding)
    if finding.status is None:
        raise RecordError(
            t(
                "lifecycle.not_a_problem",
                id=finding.id,
                result=t(f"finding.result.{finding.result}"),
                action=t(f"lifecycle.action.{action}"),
            ),
            hint=t("lifecycle.not_a_problem_hint"),
        )
    if finding.status != wanted:
        raise RecordError(
            t(
                "lifecycle.wrong_status",
                id=finding.id,
                status=status_label(finding.status),
                action=t(f"lifecycle.action.{action}"),
                wanted=status_label(wanted),
            ),
            hint=t(f"lifecycle.next.{finding.status}", id=finding.id),
        )


def require_live(finding: Finding) -> None:
    """Refuse any change to a voided finding."""
    if finding.voided:
        raise RecordError(t("lifecycle.voided", id=finding.id), hint=t("lifecycle.voided_hint"))


def require_reason(reason: str | None, option: str = "--reason") -> str:
    """A non-empty reason (why a record is amended or voided)."""
    text = clean_text(reason, option)
    if text is None:
        raise RecordError(t("lifecycle.reason_required", option=option))
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
            t("lifecycle.no_change", id=finding.id), hint=t("lifecycle.no_change_hint")
        )
    return changes


# -- steps ---------------------------------------------------------------------------


def rectify(
    store: Store,
    catalog: Catalog,
    finding_id: str,
    *,
    note: str | None,
    actor: str,
    now: dt.datetime,
    by: str | None = None,
    photos: Sequence[Path] = (),
) -> Finding:
    """整改: record the responsible unit's rectification (open → rectified), with after-photos.

    ``by`` defaults to the site's responsible unit (责任单位).
    """
    fid = store.resolve_id(finding_id)
    finding = store.finding(fid)
    if by is None and finding.site_id in catalog.sites:
        by = catalog.sites[finding.site_id].responsible_unit
    plan_rectify(finding, note=note, by=by)  # refuse before copying any photo
    stored: tuple[Photo, ...] = ()
    if photos:
        from qingyang_inspect.evidence import ingest_photos

        ingested = ingest_photos(store.evidence_dir, list(photos), stage="after")
        stored = tuple(p.as_photo("after") for p in ingested)
    with store.transaction():
        finding = store.finding(fid)
        data = plan_rectify(finding, note=note, by=by)
        if stored:
            data["photos"] = [p.relpath for p in stored]
        event = store.append_event(
            fid, kind="rectified", at=now, actor=actor, data=data, photos=stored
        )
    return apply_event(finding, event, stored)


def recheck(
    store: Store,
    finding_id: str,
    *,
    passed: bool,
    actor: str,
    now: dt.datetime,
    note: str | None = None,
) -> Finding:
    """复查: close the finding (销号) or send it back to open (退回)."""
    fid = store.resolve_id(finding_id)
    with store.transaction():
        finding = store.finding(fid)
        data = plan_recheck(finding, passed=passed, note=note)
        event = store.append_event(fid, kind="rechecked", at=now, actor=actor, data=data)
    return apply_event(finding, event)


def amend(
    store: Store,
    catalog: Catalog,
    finding_id: str,
    *,
    reason: str | None,
    actor: str,
    now: dt.datetime,
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
        finding = store.finding(fid)
        changes = plan_amend(
            finding, catalog, note=note, location=location, count=count, due=due, result=result
        )
        event = store.append_event(
            fid, kind="amended", at=now, actor=actor, data=changes, reason=why
        )
    return apply_event(finding, event)


def void(
    store: Store, finding_id: str, *, reason: str | None, actor: str, now: dt.datetime
) -> Finding:
    """作废: take a finding out of lists and scores; it stays in the store and its history."""
    why = require_reason(reason)
    fid = store.resolve_id(finding_id)
    with store.transaction():
        finding = store.finding(fid)
        require_live(finding)
        event = store.append_event(fid, kind="voided", at=now, actor=actor, data={}, reason=why)
    return apply_event(finding, event)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
