"""The one definition of what the tool knows about rounds and findings.

Immutable values free of SQL and of output, so scoring and views are pure
functions of ``(catalog, findings, as_of)``. :class:`Finding` holds what was
recorded once and the state after its latest event, folded by
:mod:`qingyang_inspect.findings.replay`; a finding's fields are written here
and only here. Nothing here is updated in place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Result = Literal["pass", "fail", "na"]
#: Work status of a failed finding: 待整改 → 已整改待复查 → 已销号 (or back to 待整改).
Status = Literal["open", "rectified", "closed"]
RoundKind = Literal["self-check", "supervision", "unannounced", "re-inspection", "acceptance"]
RoundStatus = Literal["open", "closed"]
PhotoStage = Literal["before", "after"]
EventKind = Literal["recorded", "amended", "rectified", "rechecked", "voided"]

RESULTS: tuple[Result, ...] = ("pass", "fail", "na")
STATUSES: tuple[Status, ...] = ("open", "rectified", "closed")
ROUND_KINDS: tuple[RoundKind, ...] = (
    "self-check",
    "supervision",
    "unannounced",
    "re-inspection",
    "acceptance",
)


@dataclass(frozen=True)
class Round:
    """An inspection round (轮次), pinned to the content it is scored by.

    ``snapshot`` is the content hash of the catalog (standard and sites) the
    round is scored by: pinned when it opened, changed only by a re-pin
    (:class:`RoundPin`). Rounds of stores made before pins existed have none
    and are scored by the workspace's files.
    """

    name: str
    kind: RoundKind
    date: dt.date
    standard_id: str
    standard_version: str
    status: RoundStatus
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None
    snapshot: str | None = None


@dataclass(frozen=True)
class RoundPin:
    """A round pinned to a snapshot of the catalog: when it opened, or a re-pin with a reason."""

    id: str
    round_name: str
    #: The content hash of the snapshot.
    snapshot: str
    at: dt.datetime
    actor: str
    reason: str | None = None


@dataclass(frozen=True)
class Photo:
    """An evidence photo, stored once under its SHA-256 in the workspace's evidence folder."""

    sha256: str
    original_name: str
    stage: PhotoStage
    #: Path relative to the evidence folder, e.g. ``ab/abcdef….jpg``.
    relpath: str


@dataclass(frozen=True)
class Event:
    """One change to a finding: who, what, why, when it happened and when it was entered.

    Events are never changed. The ``recorded`` event is the finding's own row
    (its found and recorded times); the others are stored as events, with an
    id that is a hash of their content (:func:`~qingyang_inspect.findings.ids.content_id`).
    A finding's history is its events by :meth:`order`: when they happened,
    then the place each took when it was entered (``seq``: the recorded event
    is 1, the next 2 …), then when entered, then the id, the same in every
    store that holds them.
    """

    id: str
    finding_id: str
    #: The event's place in its finding's history when it was entered.
    seq: int
    kind: EventKind
    #: When it happened (``--at``, else when it was entered).
    at: dt.datetime
    #: When it was entered into the store.
    entered_at: dt.datetime
    actor: str
    #: What changed, e.g. ``{"occurrences": [2, 3]}`` for an amendment (old, new).
    data: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None

    def order(self) -> tuple[dt.datetime, int, dt.datetime, str]:
        """Where the event stands in its finding's history."""
        return self.at, self.seq, self.entered_at, self.id


class Finding(NamedTuple):
    """A finding (检查记录 / 问题): what was recorded once, then its state after its latest event.

    The one list of a finding's fields. The first ones, up to ``photos``,
    are what the store keeps in the finding's row (:data:`STORED_FIELDS`:
    ``store/sql.py`` names its columns alike, in this order, and converts each
    value by its type here), so a new recorded field is a field here plus a
    migration. ``photos`` are the before-photos when a finding is recorded and
    every photo once it is read back. The fields after it are the state,
    derived by :func:`~qingyang_inspect.findings.replay.replay`, never stored.

    A named tuple, not a dataclass: as immutable and as typed, and built ten
    times faster, which counts when a list streams a million findings.
    """

    id: str
    round_name: str
    site_id: str
    item_id: str
    result: Result
    occurrences: int
    inspector: str
    #: When the problem was seen (``--at``, else when it was recorded).
    found_at: dt.datetime
    #: When it was entered into the store (always, for a stored finding).
    recorded_at: dt.datetime | None = None
    #: 问题编号: short, read aloud, written on paper; the id's last ten characters.
    number: str = ""
    note: str | None = None
    location: str | None = None
    due_date: dt.date | None = None
    on_spot: bool = False
    photos: tuple[Photo, ...] = ()
    # -- state --
    #: ``None`` for pass and n/a findings, which need no rectification.
    status: Status | None = None
    voided: bool = False
    rectification_note: str | None = None
    rectified_by: str | None = None
    rectified_at: dt.datetime | None = None
    recheck_result: Literal["pass", "reject"] | None = None
    recheck_note: str | None = None
    closed_at: dt.datetime | None = None

    def overdue(self, as_of: dt.date) -> bool:
        """逾期: due before ``as_of`` and not closed. Computed, never stored."""
        return (
            not self.voided
            and self.status is not None
            and self.status != "closed"
            and self.due_date is not None
            and self.due_date < as_of
        )

    def photos_at(self, stage: PhotoStage) -> tuple[Photo, ...]:
        """The photos taken at ``stage`` (before = the problem, after = the rectification)."""
        return tuple(p for p in self.photos if p.stage == stage)

    def days_late(self) -> int | None:
        """Days a closed problem was closed after its due date (逾期销号), else ``None``."""
        if self.status != "closed" or self.closed_at is None or self.due_date is None:
            return None
        late = (self.closed_at.date() - self.due_date).days
        return late if late > 0 else None


#: The fields the store keeps in a finding's row, in column order: what is recorded once.
STORED_FIELDS: tuple[str, ...] = Finding._fields[: Finding._fields.index("photos") + 1]
#: The fields of a finding's state, derived from its events.
STATE_FIELDS: tuple[str, ...] = Finding._fields[Finding._fields.index("photos") + 1 :]
