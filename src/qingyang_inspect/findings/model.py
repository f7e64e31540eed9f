"""The one definition of what the tool knows about rounds and findings.

Plain frozen dataclasses, free of SQL and of output, so scoring and views are
pure functions of ``(catalog, findings, as_of)``. :class:`FindingFacts` is what
is recorded once; :class:`Finding` is a finding as of its latest event, folded
by :mod:`qingyang_inspect.findings.replay`. Nothing here is updated in place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

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
    """An inspection round (轮次), pinned to the standard it is scored against."""

    name: str
    kind: RoundKind
    date: dt.date
    standard_id: str
    standard_version: str
    status: RoundStatus
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None


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
    """One change to a finding: who, when, what, and why. Events are never changed."""

    seq: int
    finding_id: str
    kind: EventKind
    at: dt.datetime
    actor: str
    #: What changed, e.g. ``{"occurrences": [2, 3]}`` for an amendment (old, new).
    data: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None


@dataclass(frozen=True)
class Finding:
    """A finding (检查记录 / 问题) as of its latest event."""

    id: str
    round_name: str
    site_id: str
    item_id: str
    result: Result
    occurrences: int
    inspector: str
    found_at: dt.datetime
    note: str | None = None
    location: str | None = None
    due_date: dt.date | None = None
    on_spot: bool = False
    #: ``None`` for pass and n/a findings, which need no rectification.
    status: Status | None = None
    voided: bool = False
    photos: tuple[Photo, ...] = ()
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


@dataclass(frozen=True)
class FindingFacts:
    """What was recorded about a finding, once and for all (the ``findings`` row).

    :meth:`Store.add_findings <qingyang_inspect.store.db.Store.add_findings>`
    takes these; ``photos`` are the before-photos, already in the evidence folder.
    """

    id: str
    round_name: str
    site_id: str
    item_id: str
    result: Result
    occurrences: int
    inspector: str
    found_at: dt.datetime
    recorded_at: dt.datetime
    note: str | None = None
    location: str | None = None
    due_date: dt.date | None = None
    on_spot: bool = False
    photos: tuple[Photo, ...] = ()
