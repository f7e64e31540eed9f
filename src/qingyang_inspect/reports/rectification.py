"""The rectification ledger (整改台账): one row per problem, built lazily.

A problem is a non-voided fail finding. Rows are plain dataclasses holding
labels where a person reads them (status, site type, requirement) and the
underlying codes for scripts; nothing here touches openpyxl. Every function
takes the as-of date: overdue is computed from it, never stored.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import ReportError, suggestion
from qingyang_inspect.findings.model import Finding, Photo, Status
from qingyang_inspect.i18n import t
from qingyang_inspect.reports.source import FindingSource
from qingyang_inspect.views.labels import (
    date_text,
    requirement_label,
    site_type_label,
    status_label,
    yes_no,
)

#: The ledger's columns, in their fixed order (message keys ``ledger.col.<key>``).
LEDGER_COLUMNS: tuple[str, ...] = (
    "seq",
    "round",
    "found",
    "site_id",
    "site_name",
    "site_type",
    "street",
    "item_id",
    "requirement",
    "description",
    "occurrences",
    "photos_before",
    "unit",
    "lead",
    "days",
    "due",
    "status",
    "overdue",
    "rectification",
    "photos_after",
    "recheck",
    "closed",
    "remarks",
)


def ledger_headers() -> list[str]:
    """The column headers in the current language, in the fixed order."""
    return [t(f"ledger.col.{key}") for key in LEDGER_COLUMNS]


@dataclass(frozen=True)
class LedgerFilter:
    """Which problems a ledger holds; empty sets mean no restriction."""

    round_name: str | None = None
    units: frozenset[str] = frozenset()
    streets: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()

    def site_allowed(self, catalog: Catalog, site_id: str) -> bool:
        """Whether the unit and street filters admit ``site_id``."""
        if not self.units and not self.streets:
            return True
        site = catalog.sites.get(site_id)
        if site is None:
            return False
        if self.units and site.responsible_unit not in self.units:
            return False
        return not (self.streets and site.street not in self.streets)


@dataclass(frozen=True)
class LedgerRow:
    """One problem on the ledger, in the columns' order plus codes for scripts."""

    seq: int
    finding_id: str
    round_name: str
    found_date: dt.date
    site_id: str
    site_name: str
    site_type: str
    street: str
    item_id: str
    requirement: str
    description: str
    occurrences: int
    photos_before: tuple[Photo, ...]
    unit: str
    lead_department: str
    rectification_days: int | None
    due_date: dt.date | None
    status: Status
    status_label: str
    overdue: bool
    rectification: str
    photos_after: tuple[Photo, ...]
    recheck: str
    closed_date: dt.date | None
    remarks: str
    on_spot: bool = False

    def values(self) -> list[Any]:
        """Cell values in :data:`LEDGER_COLUMNS` order (photos as tuples of :class:`Photo`)."""
        return [
            self.seq,
            self.round_name,
            self.found_date,
            self.site_id,
            self.site_name,
            self.site_type,
            self.street,
            self.item_id,
            self.requirement,
            self.description,
            self.occurrences,
            self.photos_before,
            self.unit,
            self.lead_department,
            self.rectification_days,
            self.due_date,
            self.status_label,
            yes_no(self.overdue),
            self.rectification,
            self.photos_after,
            self.recheck,
            self.closed_date,
            self.remarks,
        ]

    def to_json(self) -> dict[str, Any]:
        """Codes and labels for scripts (``--format json``)."""
        return {
            "seq": self.seq,
            "finding_id": self.finding_id,
            "round": self.round_name,
            "found_date": date_text(self.found_date),
            "site_id": self.site_id,
            "site_name": self.site_name,
            "site_type": self.site_type,
            "street": self.street,
            "item_id": self.item_id,
            "requirement": self.requirement,
            "description": self.description,
            "occurrences": self.occurrences,
            "photos_before": [p.relpath for p in self.photos_before],
            "responsible_unit": self.unit,
            "lead_department": self.lead_department,
            "rectification_days": self.rectification_days,
            "due_date": date_text(self.due_date) or None,
            "status": self.status,
            "status_label": self.status_label,
            "overdue": self.overdue,
            "rectification": self.rectification,
            "photos_after": [p.relpath for p in self.photos_after],
            "recheck": self.recheck,
            "closed_date": date_text(self.closed_date) or None,
            "remarks": self.remarks,
            "on_spot": self.on_spot,
        }


def effective_status(finding: Finding) -> Status:
    """The finding's status; an on-spot fix recorded without one counts as closed."""
    if finding.status is not None:
        return finding.status
    return "closed" if finding.on_spot else "open"


def is_problem(finding: Finding) -> bool:
    """A non-voided fail finding: something to put on the ledger."""
    return finding.result == "fail" and not finding.voided


def ledger_rows(
    catalog: Catalog, findings: Iterable[Finding], *, as_of: dt.date, flt: LedgerFilter
) -> Iterator[LedgerRow]:
    """The ledger rows of ``findings`` that pass ``flt``, numbered from 1, lazily."""
    seq = 0
    for finding in findings:
        if not is_problem(finding):
            continue
        if flt.round_name is not None and finding.round_name != flt.round_name:
            continue
        if flt.statuses and effective_status(finding) not in flt.statuses:
            continue
        if not flt.site_allowed(catalog, finding.site_id):
            continue
        seq += 1
        yield ledger_row(catalog, finding, seq=seq, as_of=as_of)


def ledger_row(catalog: Catalog, finding: Finding, *, seq: int, as_of: dt.date) -> LedgerRow:
    """One ledger row; sites or items missing from the catalog are marked, not dropped."""
    site = catalog.sites.get(finding.site_id)
    item = catalog.items.get(finding.item_id)
    found = finding.found_at.date()
    status = effective_status(finding)
    remarks = []
    if finding.on_spot:
        remarks.append(t("report.on_spot"))
    if finding.location:
        remarks.append(t("report.location", location=finding.location))
    return LedgerRow(
        seq=seq,
        finding_id=finding.id,
        round_name=finding.round_name,
        found_date=found,
        site_id=finding.site_id,
        site_name=site.name if site else t("report.unknown_site"),
        site_type=site_type_label(catalog, site.site_type) if site else "",
        street=site.street if site else "",
        item_id=finding.item_id,
        requirement=requirement_label(item) if item else t("report.unknown_item"),
        description=finding.note or "",
        occurrences=finding.occurrences,
        photos_before=finding.photos_at("before"),
        unit=site.responsible_unit if site else "",
        lead_department=site.lead_department if site else "",
        rectification_days=(finding.due_date - found).days if finding.due_date else None,
        due_date=finding.due_date,
        status=status,
        status_label=t("report.on_spot")
        if finding.on_spot and finding.status is None
        else status_label(status),
        overdue=finding.overdue(as_of),
        rectification=_rectification(finding),
        photos_after=finding.photos_at("after"),
        recheck=_recheck(finding),
        closed_date=finding.closed_at.date() if finding.closed_at else None,
        remarks=t("report.list_sep").join(remarks),
        on_spot=finding.on_spot,
    )


def _rectification(finding: Finding) -> str:
    if not finding.rectification_note and finding.rectified_at is None:
        return ""
    text = finding.rectification_note or ""
    when = date_text(finding.rectified_at)
    if finding.rectified_by:
        return text + t("report.rectified_by", unit=finding.rectified_by, date=when)
    return text + (t("report.rectified_on", date=when) if when else "")


def _recheck(finding: Finding) -> str:
    if finding.recheck_result is None:
        return ""
    label = t(f"report.recheck.{finding.recheck_result}")
    if finding.recheck_note:
        return t("report.recheck_note", result=label, note=finding.recheck_note)
    return label


@dataclass(frozen=True)
class Ledger:
    """A ledger ready to stream: the all-units rows, then one stream per unit.

    Each call to :meth:`rows` or :meth:`units` reads the source again, so
    nothing is held in memory between sheets.
    """

    catalog: Catalog
    source: FindingSource
    district: str
    as_of: dt.date
    flt: LedgerFilter
    #: Units with at least one site admitted by the filter, in catalog order,
    #: each with its site ids.
    unit_sites: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    def rows(self) -> Iterator[LedgerRow]:
        """Every matching problem, in recording order, numbered 1…n."""
        return ledger_rows(
            self.catalog,
            self.source(round_name=self.flt.round_name, failed_only=True),
            as_of=self.as_of,
            flt=self.flt,
        )

    def unit_rows(self, unit: str) -> Iterator[LedgerRow]:
        """The problems of ``unit``, in recording order across its sites, numbered 1…n."""
        sites = dict(self.unit_sites).get(unit, ())
        streams = [
            self.source(round_name=self.flt.round_name, site_id=s, failed_only=True) for s in sites
        ]
        merged = heapq.merge(*streams, key=lambda f: (f.found_at, f.id))
        return ledger_rows(self.catalog, merged, as_of=self.as_of, flt=self.flt)

    def units(self) -> Iterator[tuple[str, Iterator[LedgerRow]]]:
        """``(unit, rows)`` for every unit of the filter, in catalog order."""
        for unit, _sites in self.unit_sites:
            yield unit, self.unit_rows(unit)

    @property
    def round_label(self) -> str:
        """The round filter for titles (全部 when none)."""
        return self.flt.round_name or t("report.all")


def build_ledger(
    catalog: Catalog,
    source: FindingSource,
    *,
    district: str,
    as_of: dt.date,
    flt: LedgerFilter,
) -> Ledger:
    """Plan the ledger: check the unit and street filters against the catalog.

    Unknown units or streets raise :class:`ReportError` naming the closest ones.
    """
    sites = list(catalog.sites.values())
    for unit in sorted(flt.units):
        if not any(s.responsible_unit == unit for s in sites):
            raise ReportError(
                t("report.unknown_unit", unit=unit, suggest=suggestion(unit, sorted(_units(sites))))
            )
    for street in sorted(flt.streets):
        if not any(s.street == street for s in sites):
            raise ReportError(
                t(
                    "report.unknown_street",
                    street=street,
                    suggest=suggestion(street, sorted({s.street for s in sites})),
                )
            )
    unit_sites: dict[str, list[str]] = {}
    for site in sites:
        if flt.site_allowed(catalog, site.id):
            unit_sites.setdefault(site.responsible_unit, []).append(site.id)
    return Ledger(
        catalog=catalog,
        source=source,
        district=district,
        as_of=as_of,
        flt=flt,
        unit_sites=tuple((u, tuple(s)) for u, s in unit_sites.items()),
    )


def _units(sites: Iterable[Any]) -> set[str]:
    return {s.responsible_unit for s in sites}
