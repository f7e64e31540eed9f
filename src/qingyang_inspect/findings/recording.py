"""Opening and closing rounds, and recording findings: the rules, then one write.

Every function takes ``now`` from its caller (the CLI passes the clock, tests
pass fixed times) and checks everything before it writes anything: a refused
finding leaves no row, no event and no photo link behind.

A finding is recorded against the content its round pinned (see
:mod:`~qingyang_inspect.findings.pins`), refused when it contradicts what the
round holds for the same item at the same site (see
:mod:`~qingyang_inspect.findings.conflicts`; ``supersedes`` voids the earlier
one in the same transaction), and held for confirmation when its found time
lies outside the round's window (a typo in ``--at`` is caught before it
lands in the wrong round).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.conflicts import in_the_way
from qingyang_inspect.findings.ids import new_finding_id, number_of
from qingyang_inspect.findings.model import (
    RESULTS,
    ROUND_KINDS,
    Finding,
    Result,
    Round,
)
from qingyang_inspect.findings.pins import changes_warning, pin, round_catalog
from qingyang_inspect.findings.replay import initial_state
from qingyang_inspect.i18n import t
from qingyang_inspect.text import control_char, require_text, undecodable
from qingyang_inspect.views.labels import result_label

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.db import Store
    from qingyang_inspect.workspace import Workspace

#: Longest round name, note or location accepted (a paragraph, not a document).
MAX_NAME = 100
MAX_TEXT = 2000
#: Most occurrences (例数) one finding may count: far above any real count, far below
#: the store's integer range.
MAX_OCCURRENCES = 9999
#: Days after an open round's date within which its findings are expected to be found.
ROUND_WINDOW_DAYS = 31
#: A refused conflict's message, by the result that was to be recorded.
CONFLICT_KEYS = {
    "pass": "record.conflict_pass",
    "na": "record.conflict_na",
    "fail": "record.conflict_fail",
}


class OutsideWindow(RecordError):
    """A found time outside the round's window: recorded only when confirmed."""


# -- who -------------------------------------------------------------------------


def resolve_inspector(given: str | None, workspace: Workspace) -> str:
    """The inspector (检查人员): ``given`` (option or ``INSPECT_INSPECTOR``), else the config's.

    No finding and no change is anonymous: with neither, :class:`RecordError`
    says how to set one.
    """
    for value in (given, workspace.inspector):
        if value is not None and value.strip():
            require_text(value, option="--inspector", newlines=False)
            return value.strip()
    raise RecordError(t("record.no_inspector"), hint=t("record.no_inspector_hint"))


# -- rounds ----------------------------------------------------------------------


def open_round(
    store: Store,
    catalog: Catalog,
    *,
    name: str,
    kind: str,
    date: dt.date,
    actor: str,
    now: dt.datetime,
) -> Round:
    """Open a round (轮次) pinned to the catalog's content (standard and sites)."""
    clean = name.strip()
    if (
        not clean
        or len(clean) > MAX_NAME
        or control_char(clean, newlines=False)
        or undecodable(clean)
    ):
        raise RecordError(t("round.bad_name", name=name, max=MAX_NAME), hint=t("round.name_hint"))
    kind_ = next((k for k in ROUND_KINDS if k == kind), None)
    if kind_ is None:
        raise RecordError(
            t("round.bad_kind", kind=kind, kinds=", ".join(ROUND_KINDS)), hint=t("round.kind_hint")
        )
    require_aware(now)
    round_ = Round(
        name=clean,
        kind=kind_,
        date=date,
        standard_id=catalog.standard.id,
        standard_version=catalog.standard.version,
        status="open",
        opened_at=now,
    )
    with store.transaction():
        if store.has_round(clean):
            raise RecordError(t("round.exists", name=clean), hint=t("round.exists_hint"))
        store.add_round(round_, opened_by=actor)
        made = pin(store, clean, catalog, actor=actor, now=now)
    return replace(round_, snapshot=made.snapshot)


@dataclass(frozen=True)
class Closing:
    """A round just closed, and its problems not closed yet (their work goes on)."""

    round: Round
    #: Problems still to rectify (待整改).
    open: int
    #: Problems rectified, awaiting their re-check (已整改待复查).
    rectified: int


def close_round(
    store: Store, *, name: str, actor: str, now: dt.datetime, at: dt.datetime | None = None
) -> Closing:
    """Close the round ``name``: nothing more can be recorded into it.

    ``at`` dates the closing when the office closed the round on paper earlier
    (default ``now``): not in the future, not before the round's date, not
    before the latest finding recorded in it (its window ends at the closing).
    Its problems not closed yet are counted: rectifying and re-checking them
    goes on after the round is closed.
    """
    require_aware(now)
    closed_at = now if at is None else at
    require_aware(closed_at)
    with store.transaction():
        found = store.round(name)
        if found.status == "closed":
            raise RecordError(t("round.already_closed", name=name), hint=t("round.list_hint"))
        if at is not None:
            _check_closing(store, found, at, now)
        store.add_round_closure(name, closed_at=closed_at, closed_by=actor)
        statuses = [f.status for f in store.iter_findings(round_name=name, failed_only=True)]
    return Closing(
        replace(found, status="closed", closed_at=closed_at),
        open=statuses.count("open"),
        rectified=statuses.count("rectified"),
    )


def _check_closing(store: Store, round_: Round, at: dt.datetime, now: dt.datetime) -> None:
    """Refuse a closing time in the future, before the round's date or before a finding
    found in it."""
    if at > now:
        raise RecordError(
            t("lifecycle.at_future", at=show_moment(at), now=show_moment(now)),
            hint=t("lifecycle.at_future_hint"),
        )
    if at.date() < round_.date:
        raise RecordError(
            t(
                "round.close_before_date",
                at=show_moment(at),
                name=round_.name,
                date=round_.date.isoformat(),
            ),
            hint=t("round.close_at_hint"),
        )
    latest = max(
        store.iter_findings(round_name=round_.name, include_voided=True),
        key=lambda f: f.found_at,
        default=None,
    )
    if latest is not None and at < latest.found_at:
        raise RecordError(
            t(
                "round.close_before_finding",
                at=show_moment(at),
                name=round_.name,
                number=latest.number or latest.id,
                found=show_moment(latest.found_at),
            ),
            hint=t("round.close_at_hint"),
        )


def choose_round(store: Store, name: str | None) -> Round:
    """The round to record into: ``name`` if given (it must be open), else the only open one."""
    if name is not None:
        found = store.round(name)
        if found.status != "open":
            raise RecordError(t("round.closed", name=name), hint=t("round.closed_hint"))
        return found
    open_rounds = [r for r in store.rounds() if r.status == "open"]
    if not open_rounds:
        raise RecordError(t("round.none_open"), hint=t("round.none_open_hint"))
    if len(open_rounds) > 1:
        raise RecordError(
            t("round.several_open", names=", ".join(r.name for r in open_rounds)),
            hint=t("round.several_open_hint"),
        )
    return open_rounds[0]


def check_found_at(found_at: dt.datetime, now: dt.datetime) -> None:
    """Refuse a found time in the future (:class:`RecordError`)."""
    require_aware(found_at)
    if found_at > now:
        raise RecordError(
            t("record.future", at=show_moment(found_at), now=show_moment(now)),
            hint=t("record.future_hint"),
        )


def check_window(round_: Round, found_at: dt.datetime, *, confirmed: bool) -> None:
    """Hold a found time outside the round's window unless ``confirmed``.

    The window runs from the round's date to its close, or to
    :data:`ROUND_WINDOW_DAYS` after its date while it is open: ``--at
    2020-01-01`` (a typo for 2026) must not land in an August 2026 round
    without a word.
    """
    day = found_at.date()
    if round_.closed_at is not None:
        end = round_.closed_at.date()
    else:
        end = round_.date + dt.timedelta(days=ROUND_WINDOW_DAYS)
    if confirmed or round_.date <= day <= end:
        return
    raise OutsideWindow(
        t(
            "record.outside_window",
            at=show_moment(found_at),
            round=round_.name,
            start=round_.date.isoformat(),
            end=end.isoformat(),
        ),
        hint=t("record.outside_window_hint"),
    )


# -- findings --------------------------------------------------------------------


@dataclass(frozen=True)
class RecordRequest:
    """What an inspector asks to record: the options of ``inspect record``, typed.

    ``count`` is the number of occurrences (例数): required ≥ 1 for ``fail``
    (default 1), refused for ``pass`` and ``na``. ``at`` defaults to ``now``;
    ``due`` to the found date plus the item's rectification days.
    """

    site_id: str
    item_id: str
    result: str
    inspector: str
    count: int | None = None
    note: str | None = None
    location: str | None = None
    photos: Sequence[Path] = ()
    at: dt.datetime | None = None
    due: dt.date | None = None
    on_spot: bool = False
    round_name: str | None = None
    #: Findings (numbers or ids) this one replaces: voided in the same transaction.
    supersedes: Sequence[str] = ()
    #: A found time outside the round's window is meant (``--yes``, or asked and answered).
    confirmed: bool = False


@dataclass(frozen=True)
class Recorded:
    """A finding just stored, with warnings to show (e.g. the files differ from the pin)."""

    finding: Finding
    round: Round
    warnings: tuple[str, ...] = ()


def record_finding(
    store: Store, catalog: Catalog, request: RecordRequest, *, now: dt.datetime
) -> Recorded:
    """Check ``request``, store its photos, then store the finding in one transaction.

    ``catalog`` is the workspace's; the finding is checked against the content
    the round pinned. Refused (:class:`RecordError`) when it contradicts a
    finding of the round for the same item and site, unless it ``supersedes``
    that one; held (:class:`OutsideWindow`) when found outside the round's
    window, unless ``confirmed``.
    """
    round_ = choose_round(store, request.round_name)
    pinned = round_catalog(store, round_, catalog)
    finding = build_finding(pinned.catalog, round_, request, now=now)
    check_window(round_, finding.found_at, confirmed=request.confirmed)
    _clear_the_way(store, finding, request.supersedes, now=now, write=False)  # before any copy
    if request.photos:
        from qingyang_inspect.evidence import ingest_photos

        stored = ingest_photos(store.evidence_dir, list(request.photos), stage="before")
        finding = finding._replace(photos=tuple(p.as_photo("before") for p in stored))
    with store.transaction():
        _clear_the_way(store, finding, request.supersedes, now=now, write=True)
        while store.number_taken(finding.number):  # one in about 10**15: draw another id
            ident = new_finding_id(now)
            finding = finding._replace(id=ident, number=number_of(ident))
        # add_findings re-checks, inside the transaction, that the round is still open.
        store.add_findings([finding])
    from qingyang_inspect.views.deadlines import estimate_warning

    warnings = (changes_warning(round_, pinned), estimate_warning(pinned.catalog, finding))
    return Recorded(finding=finding, round=round_, warnings=tuple(w for w in warnings if w))


def _clear_the_way(
    store: Store, finding: Finding, supersedes: Sequence[str], *, now: dt.datetime, write: bool
) -> None:
    """Refuse a contradiction with the round's findings, but for those ``finding``
    supersedes, which are voided when ``write``.

    With ``write`` it runs inside the caller's transaction: the void and the
    new finding are written together or not at all.
    """
    existing = list(
        store.iter_findings(
            round_name=finding.round_name, site_id=finding.site_id, item_id=finding.item_id
        )
    )
    from qingyang_inspect.findings.lifecycle import require_live, void

    for replaced in supersedes:
        target = store.finding(store.resolve_id(replaced))
        if target.id not in {f.id for f in existing}:
            require_live(target)
            raise RecordError(
                t(
                    "record.supersedes_other",
                    number=target.number or target.id,
                    site=finding.site_id,
                    item=finding.item_id,
                    round=finding.round_name,
                ),
                hint=t("record.supersedes_other_hint"),
            )
        if write:
            void(
                store,
                target.id,
                reason=t("record.superseded_reason", number=finding.number),
                actor=finding.inspector,
                now=now,
                at=max(finding.found_at, target.found_at),
                data={"superseded_by": finding.number},
            )
        existing = [f for f in existing if f.id != target.id]
    blocking = in_the_way(finding.result, existing)
    if blocking:
        raise RecordError(
            t(
                CONFLICT_KEYS[finding.result],
                site=finding.site_id,
                item=finding.item_id,
                results=t("finding.list_sep").join(
                    f"{result_label(f.result)} {f.number or f.id}" for f in blocking
                ),
            ),
            hint=t(
                "record.conflict_hint",
                supersedes=" ".join(f"--supersedes {f.number or f.id}" for f in blocking),
                number=blocking[0].number or blocking[0].id,
            ),
        )


def build_finding(
    catalog: Catalog, round_: Round, request: RecordRequest, *, now: dt.datetime
) -> Finding:
    """The finding to store for ``request``, as recorded, or :class:`RecordError` saying
    what is wrong (pure)."""
    require_aware(now)
    site = catalog.site(request.site_id)
    item = catalog.item(request.item_id)
    if not catalog.applies(item, site):
        site_type = catalog.site_types.get(site.site_type)
        raise RecordError(
            t(
                "record.not_applicable",
                item=item.id,
                site=site.id,
                site_type=site_type.name if site_type else site.site_type,
            ),
            hint=t("record.not_applicable_hint", site=site.id),
        )
    result = check_result(request.result)
    occurrences = check_count(result, request.count)
    note = clean_text(request.note, "--note")
    location = clean_text(request.location, "--location")
    if result == "na" and note is None:
        raise RecordError(t("record.na_needs_note"), hint=t("record.na_needs_note_hint"))
    inspector = request.inspector.strip()
    if not inspector:
        raise RecordError(t("record.no_inspector"), hint=t("record.no_inspector_hint"))
    require_text(inspector, option="--inspector", newlines=False)
    found_at = request.at if request.at is not None else now
    check_found_at(found_at, now)
    due: dt.date | None = None
    if result == "fail":
        if request.on_spot:
            if request.due is not None:
                raise RecordError(t("record.on_spot_due"), hint=t("record.on_spot_hint"))
            due = found_at.date()
        elif request.due is not None:
            due = check_due(request.due, found_at)
        else:
            due = catalog.due_date(item, found_at.date()).date
    else:
        if request.on_spot:
            raise RecordError(t("record.on_spot_not_fail"), hint=t("record.on_spot_hint"))
        if request.due is not None:
            raise RecordError(t("record.due_not_fail"), hint=t("record.due_not_fail_hint"))
    ident = new_finding_id(now)
    return initial_state(
        Finding(
            id=ident,
            number=number_of(ident),
            round_name=round_.name,
            site_id=site.id,
            item_id=item.id,
            result=result,
            occurrences=occurrences,
            inspector=inspector,
            found_at=found_at,
            recorded_at=now,
            note=note,
            location=location,
            due_date=due,
            on_spot=request.on_spot,
        )
    )


def check_result(value: str) -> Result:
    """``pass``, ``fail`` or ``na``; :class:`RecordError` for anything else."""
    for result in RESULTS:
        if value == result:
            return result
    raise RecordError(
        t("record.bad_result", value=value, results=", ".join(RESULTS)),
        hint=t("record.bad_result_hint"),
    )


def check_count(result: Result, count: int | None) -> int:
    """The occurrences to store: fail needs ≥ 1 (default 1); pass and na take none."""
    if result == "fail":
        if count is None:
            return 1
        if count < 1:
            raise RecordError(t("record.count_too_small", count=count), hint=t("record.count_hint"))
        if count > MAX_OCCURRENCES:
            raise RecordError(
                t("record.count_too_large", max=MAX_OCCURRENCES),
                hint=t("record.count_too_large_hint"),
            )
        return count
    if count is not None:
        raise RecordError(
            t("record.count_not_fail", result=result_label(result)),
            hint=t("record.count_not_fail_hint"),
        )
    return 0


def check_due(due: dt.date, found_at: dt.datetime) -> dt.date:
    """A due date on or after the found date."""
    if due < found_at.date():
        raise RecordError(
            t("record.due_before_found", due=due.isoformat(), found=found_at.date().isoformat()),
            hint=t("record.due_hint"),
        )
    return due


def clean_text(value: str | None, option: str) -> str | None:
    """Stripped text, ``None`` when empty; :class:`RecordError` when too long."""
    if value is None:
        return None
    require_text(value, option=option)
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise RecordError(
            t("record.text_too_long", option=option, length=len(text), max=MAX_TEXT),
            hint=t("record.text_too_long_hint"),
        )
    return text or None


def require_aware(value: dt.datetime) -> None:
    """Refuse a time without a zone (a programming error: people's times are parsed aware)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetimes passed to the store must carry a time zone")


def show_moment(value: dt.datetime) -> str:
    """A time in a message: to the minute, or the second when it has seconds."""
    return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
