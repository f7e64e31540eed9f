"""Finding lists for ``inspect findings``: filters, and rows for JSON, CSV and tables (pure).

Filters that the store can answer (round, site) go to SQL; the ones that
depend on the catalog (responsible unit, street) or on the current state
(status, overdue) are applied to the streamed findings, so memory stays flat
whatever the store's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qingyang_inspect.errors import RecordError
from qingyang_inspect.i18n import t
from qingyang_inspect.store.records import STATUSES, Event, Finding, Photo

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.db import Store


@dataclass(frozen=True)
class FindingFilter:
    """Which findings ``inspect findings list`` shows; ``None`` = no restriction."""

    as_of: dt.date
    round_name: str | None = None
    site_id: str | None = None
    unit: str | None = None
    street: str | None = None
    item_id: str | None = None
    status: str | None = None
    result: str | None = None
    overdue: bool = False
    include_voided: bool = False


def select_findings(store: Store, catalog: Catalog, query: FindingFilter) -> Iterator[Finding]:
    """The findings matching ``query``, in store order; unknown filter values are errors."""
    if query.round_name is not None:
        store.round(query.round_name)  # unknown round: error with the closest names
    site_id = catalog.site(query.site_id).id if query.site_id is not None else None
    item_id = catalog.item(query.item_id).id if query.item_id is not None else None
    if query.status is not None and query.status not in STATUSES:
        raise RecordError(
            t("findings.bad_status", value=query.status, statuses=", ".join(STATUSES)),
            hint=t("findings.bad_status_hint"),
        )
    site_ids: set[str] | None = None
    if query.unit is not None:
        site_ids = _sites_where(catalog, "responsible_unit", query.unit, "--unit")
    if query.street is not None:
        streets = _sites_where(catalog, "street", query.street, "--street")
        site_ids = streets if site_ids is None else site_ids & streets
    for finding in store.iter_findings(
        round_name=query.round_name, site_id=site_id, include_voided=query.include_voided
    ):
        if site_ids is not None and finding.site_id not in site_ids:
            continue
        if item_id is not None and finding.item_id != item_id:
            continue
        if query.result is not None and finding.result != query.result:
            continue
        if query.status is not None and finding.status != query.status:
            continue
        if query.overdue and not finding.overdue(query.as_of):
            continue
        yield finding


def _sites_where(catalog: Catalog, attribute: str, value: str, option: str) -> set[str]:
    from qingyang_inspect.store.db import suggest

    wanted = value.strip()
    sites = {site.id for site in catalog.sites.values() if getattr(site, attribute) == wanted}
    if not sites:
        known = sorted({getattr(site, attribute) for site in catalog.sites.values()})
        raise RecordError(
            t("findings.unknown_value", option=option, value=value, suggest=suggest(wanted, known)),
            hint=t("findings.unknown_value_hint"),
        )
    return sites


# -- rows ------------------------------------------------------------------------------

#: Columns of the CSV export and the JSON rows' leading keys, in order.
COLUMNS: tuple[str, ...] = (
    "id",
    "round_name",
    "site_id",
    "site_name",
    "street",
    "responsible_unit",
    "item_id",
    "requirement",
    "result",
    "occurrences",
    "note",
    "location",
    "inspector",
    "found_at",
    "due_date",
    "on_spot",
    "status",
    "overdue",
    "voided",
    "rectification_note",
    "rectified_by",
    "rectified_at",
    "recheck_result",
    "recheck_note",
    "closed_at",
    "photos",
)


def finding_record(finding: Finding, catalog: Catalog, as_of: dt.date) -> dict[str, Any]:
    """Every field of ``finding`` (codes, not labels), with site and item names, JSON-ready."""
    site = catalog.sites.get(finding.site_id)
    item = catalog.items.get(finding.item_id)
    return {
        "id": finding.id,
        "round_name": finding.round_name,
        "site_id": finding.site_id,
        "site_name": site.name if site else None,
        "street": site.street if site else None,
        "responsible_unit": site.responsible_unit if site else None,
        "item_id": finding.item_id,
        "requirement": item.requirement if item else None,
        "result": finding.result,
        "occurrences": finding.occurrences,
        "note": finding.note,
        "location": finding.location,
        "inspector": finding.inspector,
        "found_at": finding.found_at.isoformat(),
        "due_date": _iso(finding.due_date),
        "on_spot": finding.on_spot,
        "status": finding.status,
        "overdue": finding.overdue(as_of),
        "voided": finding.voided,
        "rectification_note": finding.rectification_note,
        "rectified_by": finding.rectified_by,
        "rectified_at": _iso(finding.rectified_at),
        "recheck_result": finding.recheck_result,
        "recheck_note": finding.recheck_note,
        "closed_at": _iso(finding.closed_at),
        "photos": [photo_record(p) for p in finding.photos],
    }


def photo_record(photo: Photo) -> dict[str, Any]:
    """A photo as JSON."""
    return {
        "sha256": photo.sha256,
        "original_name": photo.original_name,
        "stage": photo.stage,
        "relpath": photo.relpath,
    }


def event_record(event: Event) -> dict[str, Any]:
    """An event as JSON."""
    return {
        "seq": event.seq,
        "kind": event.kind,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "data": event.data,
        "reason": event.reason,
    }


def csv_header() -> list[str]:
    """The CSV header: column labels in the current language, in :data:`COLUMNS` order."""
    return [t(f"findings.col.{key}") for key in COLUMNS]


def csv_row(record: dict[str, Any]) -> list[str]:
    """``record`` (from :func:`finding_record`) as CSV cells in :data:`COLUMNS` order.

    The CSV is for people (spreadsheets): results and statuses show as labels
    (不符合, 待整改), yes/no columns as 是 or nothing. Cells that a spreadsheet
    would read as a formula get a leading apostrophe, so a note cannot run.
    """
    cells = []
    for key in COLUMNS:
        value = record[key]
        if key == "photos":
            text = " ".join(p["relpath"] for p in value)
        elif key == "result":
            text = t(f"finding.result.{value}")
        elif key == "status":
            text = t(f"finding.status.{value}") if value else ""
        elif key == "recheck_result":
            text = t(f"finding.recheck.{value}") if value else ""
        elif isinstance(value, bool):
            text = t("finding.yes") if value else ""
        elif value is None:
            text = ""
        else:
            text = str(value)
        cells.append(neutralize(text))
    return cells


def neutralize(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
