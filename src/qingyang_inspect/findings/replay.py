"""A finding's state as of a moment, derived from its facts and its events (pure functions).

The store keeps the facts of a finding as first recorded (with the photos
taken then) and an append-only list of events; :func:`replay` folds them into
the :class:`Finding` every other part of the tool reads. Events apply in the
order of :meth:`Event.order <qingyang_inspect.findings.model.Event.order>`
(when they happened, then their place when entered, when entered, their id),
which is the same in every store that holds them. Validation of *new* events lives in
:mod:`qingyang_inspect.findings.lifecycle`; folding trusts the history, which
was validated when it was written.

Event data (``Event.data``) by kind:

* ``amended`` — ``{field: [old, new], …}`` for ``note``, ``location``,
  ``occurrences``, ``due_date``, ``result`` and the ``status`` that follows
  from a changed result; the reason is ``Event.reason``;
* ``rectified`` — ``{"note": …, "by": unit, "status": [old, new]}``, and
  ``"photos": [{"sha256", "original_name", "relpath"}, …]`` (the after-photos);
* ``rechecked`` — ``{"outcome": "pass" | "reject", "note": …, "status": [old, new]}``;
* ``voided`` — ``{}``, or ``{"superseded_by": number}``; the reason is ``Event.reason``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from qingyang_inspect.findings.model import (
    STATE_FIELDS,
    STORED_FIELDS,
    Event,
    Finding,
    Photo,
    PhotoStage,
    Status,
)

#: Fields an amendment may change, in the order they are shown.
AMENDABLE = ("result", "occurrences", "note", "location", "due_date", "status")

_RESULT = STORED_FIELDS.index("result")
_FOUND_AT = STORED_FIELDS.index("found_at")
_ON_SPOT = STORED_FIELDS.index("on_spot")
_PHOTOS = STORED_FIELDS.index("photos")
#: Where each field sits in a finding (named tuples are built from all of them at once).
_POSITION = {name: n for n, name in enumerate(Finding._fields)}
_STATUS = _POSITION["status"]
_CLOSED_AT = _POSITION["closed_at"]
#: A new finding's state fields, all at their defaults.
_FRESH_STATE = tuple(Finding._field_defaults[name] for name in STATE_FIELDS)


def initial_status(
    result: str, on_spot: bool, found_at: dt.datetime
) -> tuple[Status | None, dt.datetime | None]:
    """``(status, closed_at)`` of a new finding: open if failed, closed at once if fixed
    on the spot (立行立改), none for pass and n/a."""
    if result != "fail":
        return None, None
    return ("closed", found_at) if on_spot else ("open", None)


def event_changes(kind: str, at: dt.datetime, data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields an event of ``kind`` (happened ``at``, with ``data``) sets on its finding
    (photos apart: see :func:`event_photos`)."""
    if kind == "recorded":
        return {}
    if kind == "amended":
        return {key: _value(key, pair[1]) for key, pair in data.items() if key in AMENDABLE}
    if kind == "rectified":
        return {
            "status": "rectified",
            "rectification_note": data.get("note"),
            "rectified_by": data.get("by"),
            "rectified_at": at,
        }
    if kind == "rechecked":
        passed = data.get("outcome") == "pass"
        return {
            "status": "closed" if passed else "open",
            "recheck_result": "pass" if passed else "reject",
            "recheck_note": data.get("note"),
            "closed_at": at if passed else None,
        }
    if kind == "voided":
        return {"voided": True}
    raise ValueError(f"unknown event kind {kind!r}")  # pragma: no cover - CHECK constraint


def photo_data(photos: Iterable[Photo]) -> list[dict[str, str]]:
    """Photos as a row or an event keeps them (their stage is where they are kept)."""
    return [
        {"sha256": p.sha256, "original_name": p.original_name, "relpath": p.relpath} for p in photos
    ]


def photos_of(data: Iterable[Mapping[str, str]], stage: PhotoStage) -> tuple[Photo, ...]:
    """The photos kept as :func:`photo_data`, taken at ``stage``."""
    return tuple(Photo(p["sha256"], p["original_name"], stage, p["relpath"]) for p in data)


def event_photos(data: Mapping[str, Any]) -> tuple[Photo, ...]:
    """The after-photos an event attached (a rectification's)."""
    attached = data.get("photos")
    return photos_of(attached, "after") if attached else ()


def build(
    values: Sequence[Any],
    changes: Mapping[str, Any] | None = None,
    after: tuple[Photo, ...] = (),
) -> Finding:
    """The finding whose row holds ``values`` (in :data:`STORED_FIELDS` order), after the
    ``changes`` its events made (see :func:`event_changes`) and with the photos they
    attached (``after``).

    Built once, whatever the number of events: reading a store folds every finding.
    A list of ``values`` is extended in place (the store hands a fresh one per row).
    """
    fields = values if type(values) is list else list(values)
    fields += _FRESH_STATE
    if fields[_RESULT] == "fail":
        fields[_STATUS], fields[_CLOSED_AT] = initial_status(
            "fail", fields[_ON_SPOT], fields[_FOUND_AT]
        )
    if changes:
        for name, value in changes.items():
            fields[_POSITION[name]] = value
    if after:
        fields[_PHOTOS] = fields[_PHOTOS] + after
    return Finding._make(fields)


def stored_values(finding: Finding) -> tuple[Any, ...]:
    """The values of ``finding`` the store keeps in its row, in :data:`STORED_FIELDS` order."""
    return finding[: len(STORED_FIELDS)]


def initial_state(finding: Finding) -> Finding:
    """``finding`` as recorded: its stored facts and photos, with the state they imply."""
    return build(stored_values(finding))


def apply_event(finding: Finding, event: Event) -> Finding:
    """``finding`` after ``event``."""
    changes = event_changes(event.kind, event.at, event.data)
    attached = event_photos(event.data)
    if attached:
        changes["photos"] = finding.photos + attached
    return finding._replace(**changes) if changes else finding


def replay(finding: Finding, events: Iterable[Event]) -> Finding:
    """Fold ``events`` over the recorded facts of ``finding`` (its state, if any, is
    ignored), in their history's order."""
    changes: dict[str, Any] = {}
    after: tuple[Photo, ...] = ()
    for event in sorted(events, key=Event.order):
        changes.update(event_changes(event.kind, event.at, event.data))
        after += event_photos(event.data)
    return build(stored_values(finding), changes, after)


def recorded_event(finding: Finding) -> Event:
    """The ``recorded`` event of a finding: its own row, shown first in its history."""
    return Event(
        id=finding.id,
        finding_id=finding.id,
        seq=1,
        kind="recorded",
        at=finding.found_at,
        entered_at=finding.recorded_at or finding.found_at,
        actor=finding.inspector,
        data={"photos": photo_data(finding.photos_at("before"))} if finding.photos else {},
    )


def _value(key: str, value: Any) -> Any:
    if key == "due_date":
        return dt.date.fromisoformat(value) if value else None
    if key == "occurrences":
        return int(value)
    return value
