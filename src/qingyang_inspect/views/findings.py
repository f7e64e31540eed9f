"""``inspect findings list`` and ``findings show``: findings, and one finding with its history.

The list's columns are defined once (:func:`finding_columns`): the terminal
shows the ones with a priority, files carry the exported ones, JSON carries
:func:`finding_record` (codes, every field).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.model import RESULTS, STATUSES, Event, Finding, Photo
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Column, Document, Field, Fields, Table
from qingyang_inspect.views.deadlines import due_basis
from qingyang_inspect.views.labels import (
    describe_event,
    event_kind_label,
    finding_status_text,
    photo_stage_label,
    recheck_label,
    requirement_label,
    result_label,
    show_time,
    status_label,
    yes_blank,
)


def finding_columns() -> tuple[Column, ...]:
    """The columns of a findings list, in their fixed order (labels in the current language)."""
    c = Column
    return (
        # People read and type the number; the id is for files and scripts.
        c("number", t("findings.col.number"), "id", priority=0),
        c("id", t("findings.col.id"), "id", priority=None),
        c("site", t("findings.col.site"), priority=1, export=False),
        c("round_name", t("findings.col.round_name"), priority=None),
        c("site_id", t("findings.col.site_id"), "id", priority=None),
        c("site_name", t("findings.col.site_name"), priority=None),
        c("street", t("findings.col.street"), priority=None),
        c("responsible_unit", t("findings.col.responsible_unit"), priority=None),
        c("item_id", t("findings.col.item_id"), "id", priority=0),
        c("requirement", t("findings.col.requirement"), priority=None),
        c("result", t("findings.col.result"), "status", priority=0),
        c("occurrences", t("findings.col.occurrences"), "int", priority=2),
        c("note", t("findings.col.note"), priority=None),
        c("location", t("findings.col.location"), priority=None),
        c("inspector", t("findings.col.inspector"), priority=None),
        c("found_at", t("findings.col.found_at"), "datetime", priority=None),
        c("due_date", t("findings.col.due_date"), "date", priority=3),
        c("on_spot", t("findings.col.on_spot"), "status", priority=None),
        # People read the state with its qualifiers (逾期, 立行立改); files keep the status.
        c("state", t("findings.col.status"), "status", priority=1, export=False),
        c("status", t("findings.col.status"), "status", priority=None),
        c("overdue", t("findings.col.overdue"), "status", priority=None),
        c("days_late", t("findings.col.days_late"), "int", priority=None),
        c("voided", t("findings.col.voided"), "status", priority=None),
        c("rectification_note", t("findings.col.rectification_note"), priority=None),
        c("rectified_by", t("findings.col.rectified_by"), priority=None),
        c("rectified_at", t("findings.col.rectified_at"), "datetime", priority=None),
        c("recheck_result", t("findings.col.recheck_result"), "status", priority=None),
        c("recheck_note", t("findings.col.recheck_note"), priority=None),
        c("closed_at", t("findings.col.closed_at"), "datetime", priority=None),
        c("photos", t("findings.col.photos"), "photos", priority=None),
    )


def finding_record(finding: Finding, catalog: Catalog, as_of: dt.date) -> dict[str, Any]:
    """Every field of ``finding`` (codes, not labels) and what the catalog says of its site
    and item, for JSON. Dates and times stay typed; the JSON writer makes them ISO text."""
    return finding_records(catalog, as_of)(finding)


def finding_records(catalog: Catalog, as_of: dt.date) -> Callable[[Finding], dict[str, Any]]:
    """:func:`finding_record` for the findings of one list: each site and item looked up once."""
    sites = catalog.sites
    items = catalog.items
    site_fields: dict[str, tuple[str | None, str | None, str | None]] = {}
    requirements: dict[str, str | None] = {}

    def record(finding: Finding) -> dict[str, Any]:
        fields = finding._asdict()
        photos = finding.photos
        fields["photos"] = [photo_record(p) for p in photos] if photos else []
        site = site_fields.get(finding.site_id)
        if site is None:
            found = sites.get(finding.site_id)
            site = site_fields[finding.site_id] = (
                (found.name, found.street, found.responsible_unit) if found else (None, None, None)
            )
        fields["site_name"], fields["street"], fields["responsible_unit"] = site
        item_id = finding.item_id
        if item_id in requirements:
            fields["requirement"] = requirements[item_id]
        else:
            item = items.get(item_id)
            fields["requirement"] = requirements[item_id] = item.requirement if item else None
        fields["overdue"] = finding.status is not None and finding.overdue(as_of)
        fields["days_late"] = finding.days_late()
        return fields

    return record


def photo_record(photo: Photo) -> dict[str, Any]:
    """A photo as JSON."""
    return {
        "sha256": photo.sha256,
        "original_name": photo.original_name,
        "stage": photo.stage,
        "relpath": photo.relpath,
    }


def event_record(event: Event) -> dict[str, Any]:
    """An event as JSON: when it happened and when it was entered."""
    return {
        "id": event.id,
        "seq": event.seq,
        "kind": event.kind,
        "at": event.at.isoformat(),
        "entered_at": event.entered_at.isoformat(),
        "actor": event.actor,
        "data": event.data,
        "reason": event.reason,
    }


def finding_cells(catalog: Catalog, as_of: dt.date) -> Callable[[Finding], Sequence[object]]:
    """The display cells of a finding in :func:`finding_columns` order (labels applied).

    A list shows the same sites, items and labels over and over: each is
    looked up and labelled once per list, not once per row.
    """
    sites = catalog.sites
    items = catalog.items
    site_cells: dict[str, tuple[str, str, str, str]] = {}
    requirements: dict[str, str] = {}
    results = {code: result_label(code) for code in RESULTS}
    statuses = {code: status_label(code) for code in (None, *STATUSES)}
    rechecks = {code: recheck_label(code) for code in (None, "pass", "reject")}
    yes = yes_blank(True)

    def site_of(site_id: str) -> tuple[str, str, str, str]:
        site = sites.get(site_id)
        if site is None:
            cells = (site_id, "", "", "")
        else:
            cells = (f"{site_id} {site.name}", site.name, site.street, site.responsible_unit)
        site_cells[site_id] = cells
        return cells

    def requirement_of(item_id: str) -> str:
        item = items.get(item_id)
        text = requirements[item_id] = requirement_label(item) if item else ""
        return text

    def cells(f: Finding) -> Sequence[object]:
        site_id = f.site_id
        site = site_cells.get(site_id) or site_of(site_id)
        item_id = f.item_id
        requirement = requirements.get(item_id)
        if requirement is None:
            requirement = requirement_of(item_id)
        problem = f.result == "fail"
        overdue = problem and f.overdue(as_of)
        return (
            f.number,
            f.id,
            site[0],
            f.round_name,
            site_id,
            site[1],
            site[2],
            site[3],
            item_id,
            requirement,
            results.get(f.result, f.result),
            f.occurrences if problem else None,
            f.note,
            f.location,
            f.inspector,
            f.found_at,
            f.due_date,
            yes if f.on_spot else "",
            finding_status_text(f, as_of) if problem or f.voided else "",
            statuses.get(f.status, f.status),
            yes if overdue else "",
            f.days_late() if problem else None,
            yes if f.voided else "",
            f.rectification_note,
            f.rectified_by,
            f.rectified_at,
            rechecks.get(f.recheck_result, f.recheck_result),
            f.recheck_note,
            f.closed_at,
            f.photos,
        )

    return cells


def findings_list(
    catalog: Catalog, findings: Callable[[], Iterable[Finding]], *, as_of: dt.date
) -> Document:
    """The findings ``findings()`` yields, as a list (JSON: a bare list of records)."""
    table: Table[Finding] = Table(
        key="findings",
        title="",
        columns=finding_columns(),
        source=findings,
        cells=finding_cells(catalog, as_of),
        record=finding_records(catalog, as_of),
        style=lambda f: "overdue" if f.overdue(as_of) else None,
        empty=t("findings.none"),
        footer=lambda n: t("findings.count", count=n),
    )
    return Document(key="findings.list", title="", sections=(table,), json_shape="list")


def finding_detail(
    catalog: Catalog, finding: Finding, events: Sequence[Event], *, as_of: dt.date
) -> Document:
    """One finding (voided ones too) and its whole history."""
    site = catalog.sites.get(finding.site_id)
    item = catalog.items.get(finding.item_id)
    record = finding_record(finding, catalog, as_of)
    labels = {c.key: c.label for c in finding_columns()}

    def field(key: str, value: object) -> Field:
        return Field(key, labels[key], value, export=False)

    rows = [
        field("number", finding.number),
        field("id", finding.id),
        field("round_name", finding.round_name),
        field("site", f"{finding.site_id} {site.name}" if site else finding.site_id),
        field("responsible_unit", site.responsible_unit if site else ""),
        field(
            "item_id",
            f"{finding.item_id} {requirement_label(item)}" if item else finding.item_id,
        ),
        field("result", result_label(finding.result)),
    ]
    if finding.result == "fail":
        rows.append(field("occurrences", str(finding.occurrences)))
    rows += [
        field("note", finding.note or ""),
        field("location", finding.location or ""),
        field("inspector", finding.inspector),
        field("found_at", show_time(finding.found_at)),
    ]
    if finding.result == "fail" or finding.voided:
        rows += [
            field("due_date", finding.due_date.isoformat() if finding.due_date else ""),
            Field("due_basis", t("calendar.col.due_basis"), *due_basis(catalog, finding)),
            field("status", finding_status_text(finding, as_of)),
        ]
    if finding.rectification_note:
        rows.append(field("rectification_note", finding.rectification_note))
    if finding.closed_at:
        rows.append(field("closed_at", show_time(finding.closed_at)))
    rows.extend(
        field("photos", f"{photo_stage_label(p.stage)}: {p.original_name} ({p.relpath})")
        for p in finding.photos
    )
    facts = Fields(key="finding", title=None, fields=tuple(rows), extra=record)
    history: Table[Event] = Table(
        key="events",
        title=t("findings.history"),
        columns=(
            Column("seq", t("event.col.seq"), "int"),
            Column("at", t("event.col.at"), "datetime"),
            Column("entered_at", t("event.col.entered_at"), "datetime", priority=2),
            Column("kind", t("event.col.kind"), "status"),
            Column("actor", t("event.col.actor")),
            Column("what", t("event.col.what")),
            Column("reason", t("event.col.reason")),
        ),
        source=lambda: events,
        cells=lambda e: (
            e.seq,
            e.at,
            e.entered_at,
            event_kind_label(e.kind),
            e.actor,
            describe_event(e),
            e.reason or "",
        ),
        record=event_record,
    )
    return Document(key="findings.show", title="", sections=(facts, history))


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
