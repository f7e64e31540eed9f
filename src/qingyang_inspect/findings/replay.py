"""A finding's current state, derived from its facts and its events (pure functions).

The store keeps the facts of a finding as first recorded and an append-only
list of events; :func:`replay` folds them into the :class:`Finding` every other
part of the tool reads. Validation of *new* events lives in
:mod:`qingyang_inspect.findings.lifecycle`; folding trusts the history, which
was validated when it was written.

Event data (``Event.data``) by kind:

* ``recorded`` — ``{}``, or ``{"photos": [relpath, …]}``;
* ``amended`` — ``{field: [old, new], …}`` for ``note``, ``location``,
  ``occurrences``, ``due_date``, ``result`` and the ``status`` that follows
  from a changed result; the reason is ``Event.reason``;
* ``rectified`` — ``{"note": …, "by": unit, "status": [old, new]}`` (+ ``photos``);
* ``rechecked`` — ``{"outcome": "pass" | "reject", "note": …, "status": [old, new]}``;
* ``voided`` — ``{}``; the reason is ``Event.reason``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from qingyang_inspect.findings.model import Event, Finding, FindingFacts, Photo, Status

#: Fields an amendment may change, in the order they are shown.
AMENDABLE = ("result", "occurrences", "note", "location", "due_date", "status")


def initial_status(
    result: str, on_spot: bool, found_at: dt.datetime
) -> tuple[Status | None, dt.datetime | None]:
    """``(status, closed_at)`` of a new finding: open if failed, closed at once if fixed
    on the spot (立行立改), none for pass and n/a."""
    if result != "fail":
        return None, None
    return ("closed", found_at) if on_spot else ("open", None)


def initial_state(facts: FindingFacts) -> Finding:
    """The finding as recorded (see :func:`initial_status`)."""
    status, closed_at = initial_status(facts.result, facts.on_spot, facts.found_at)
    return Finding(
        id=facts.id,
        round_name=facts.round_name,
        site_id=facts.site_id,
        item_id=facts.item_id,
        result=facts.result,
        occurrences=facts.occurrences,
        inspector=facts.inspector,
        found_at=facts.found_at,
        note=facts.note,
        location=facts.location,
        due_date=facts.due_date,
        on_spot=facts.on_spot,
        status=status,
        closed_at=closed_at,
        photos=facts.photos,
    )


def apply_event(finding: Finding, event: Event, photos: tuple[Photo, ...] = ()) -> Finding:
    """``finding`` after ``event`` (which attached ``photos``)."""
    data = event.data
    kind = event.kind
    if photos:
        finding = replace(finding, photos=finding.photos + photos)
    if kind == "recorded":
        return finding
    if kind == "amended":
        changes = {key: _value(key, pair[1]) for key, pair in data.items() if key in AMENDABLE}
        return replace(finding, **changes)
    if kind == "rectified":
        return replace(
            finding,
            status="rectified",
            rectification_note=data.get("note"),
            rectified_by=data.get("by"),
            rectified_at=event.at,
        )
    if kind == "rechecked":
        passed = data.get("outcome") == "pass"
        return replace(
            finding,
            status="closed" if passed else "open",
            recheck_result="pass" if passed else "reject",
            recheck_note=data.get("note"),
            closed_at=event.at if passed else None,
        )
    if kind == "voided":
        return replace(finding, voided=True)
    raise ValueError(f"unknown event kind {kind!r}")  # pragma: no cover - CHECK constraint


def replay(facts: FindingFacts, history: Iterable[tuple[Event, tuple[Photo, ...]]]) -> Finding:
    """Fold ``history`` (events in order, each with the photos it attached) over ``facts``."""
    finding = initial_state(facts)
    for event, photos in history:
        finding = apply_event(finding, event, photos)
    return finding


def _value(key: str, value: Any) -> Any:
    if key == "due_date":
        return dt.date.fromisoformat(value) if value else None
    if key == "occurrences":
        return int(value)
    return value
