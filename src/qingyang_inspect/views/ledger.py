"""The rectification ledger (整改台账): one row per problem, as a document.

A problem is a non-voided fail finding. :func:`ledger_document` returns the
ledger as a :class:`~qingyang_inspect.views.base.Document`: the matching
problems of every unit (one table, which JSON, CSV and the terminal show), and
one page per responsible unit (what a workbook adds as the units' own sheets).
Every function takes the as-of date: overdue is computed from it, never stored.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import ReportError, suggestion
from qingyang_inspect.findings.model import Finding, Photo, Status
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Column, Document, Page, Pages, Table, Text
from qingyang_inspect.views.deadlines import days_given
from qingyang_inspect.views.labels import (
    date_text,
    recheck_label,
    requirement_label,
    site_type_label,
    status_label,
    yes_no,
)
from qingyang_inspect.views.problems import is_problem
from qingyang_inspect.views.source import FindingSource


def ledger_columns() -> tuple[Column, ...]:
    """The ledger's 23 columns in their fixed order (labels in the current language).

    ``priority`` picks the terminal's columns; ``width`` is the workbook's.
    """
    c = Column
    return (
        c("seq", t("ledger.col.seq"), "int", priority=0, width=5),
        c("round", t("ledger.col.round"), "status", priority=None, width=10),
        c("found", t("ledger.col.found"), "date", priority=2, width=10.5),
        c("site_id", t("ledger.col.site_id"), "id", priority=None, width=8),
        c("site_name", t("ledger.col.site_name"), priority=1, width=13),
        c("site_type", t("ledger.col.site_type"), "status", priority=None, width=9),
        c("street", t("ledger.col.street"), "status", priority=None, width=9),
        c("item_id", t("ledger.col.item_id"), "id", priority=0, width=9.5),
        c("requirement", t("ledger.col.requirement"), priority=None, width=22),
        c("description", t("ledger.col.description"), priority=1, width=20),
        c("occurrences", t("ledger.col.occurrences"), "int", priority=3, width=5),
        c("photos_before", t("ledger.col.photos_before"), "photos", priority=None, width=13),
        c("unit", t("ledger.col.unit"), priority=2, width=13),
        c("lead", t("ledger.col.lead"), priority=None, width=11),
        c("days", t("ledger.col.days"), "int", priority=None, width=7),
        c("due", t("ledger.col.due"), "date", priority=1, width=10.5),
        c("status", t("ledger.col.status"), "status", priority=0, width=9),
        c("overdue", t("ledger.col.overdue"), "status", priority=1, width=5.5),
        c("rectification", t("ledger.col.rectification"), priority=None, width=18),
        c("photos_after", t("ledger.col.photos_after"), "photos", priority=None, width=13),
        c("recheck", t("ledger.col.recheck"), "status", priority=None, width=10),
        c("closed", t("ledger.col.closed"), "date", priority=None, width=10.5),
        c("remarks", t("ledger.col.remarks"), priority=None, width=10),
    )


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

    def to_json(self) -> dict[str, Any]:
        """The filters for scripts."""
        return {
            "round": self.round_name,
            "units": sorted(self.units),
            "streets": sorted(self.streets),
            "statuses": sorted(self.statuses),
        }


@dataclass(frozen=True)
class LedgerRow:
    """One problem on the ledger: display values (labels) and codes for scripts."""

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

    def values(self) -> tuple[Any, ...]:
        """Cell values in :func:`ledger_columns` order (photos as tuples of :class:`Photo`)."""
        return (
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
        )

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


def ledger_rows(
    catalog: Catalog, findings: Iterable[Finding], *, as_of: dt.date, flt: LedgerFilter
) -> Iterator[LedgerRow]:
    """The ledger rows of ``findings`` that pass ``flt``, numbered from 1, lazily."""
    seq = 0
    for finding in findings:
        if not is_problem(finding) or finding.status is None:
            continue
        if flt.round_name is not None and finding.round_name != flt.round_name:
            continue
        if flt.statuses and finding.status not in flt.statuses:
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
    status: Status = finding.status or "open"
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
        rectification_days=days_given(catalog, item, found, finding.due_date),
        due_date=finding.due_date,
        status=status,
        status_label=status_label(status),
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
    label = recheck_label(finding.recheck_result)
    if finding.recheck_note:
        return t("report.recheck_note", result=label, note=finding.recheck_note)
    return label


@dataclass(frozen=True)
class Ledger:
    """A ledger ready to stream: the all-units rows, then one stream per unit.

    Each call to :meth:`rows` or :meth:`unit_rows` reads the source again, so
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
        """``(unit, rows)`` for every unit of the filter with problems, in catalog order."""
        for unit, _sites in self.unit_sites:
            rows = self.unit_rows(unit)
            first = next(rows, None)
            if first is not None:
                yield unit, _chain(first, rows)

    @property
    def round_label(self) -> str:
        """The round filter for titles (全部 when none)."""
        return self.flt.round_name or t("report.all")

    @property
    def unit_label(self) -> str:
        """The units the ledger covers: the unit filter, or 全部."""
        return t("report.name_sep").join(sorted(self.flt.units)) or t("report.all")

    @property
    def one_unit(self) -> bool:
        """Whether the ledger covers one responsible unit only (no sheet per unit then)."""
        return len(self.unit_sites) == 1 or len(self.flt.units) == 1

    def subtitle(self, unit: str) -> str:
        """The line under the title: round, unit, status filter, as-of date."""
        statuses = t("report.list_sep").join(status_label(s) for s in sorted(self.flt.statuses))
        return t(
            "ledger.subtitle",
            round=self.round_label,
            unit=unit,
            status=statuses or t("report.all"),
            as_of=date_text(self.as_of),
        )

    def header_json(self) -> dict[str, Any]:
        """What the ledger is about, for scripts."""
        return {
            "report": "rectification",
            "district": self.district,
            "as_of": date_text(self.as_of),
            "filters": self.flt.to_json(),
        }


def _chain(first: LedgerRow, rest: Iterator[LedgerRow]) -> Iterator[LedgerRow]:
    yield first
    yield from rest


def check_places(catalog: Catalog, *, units: frozenset[str], streets: frozenset[str]) -> None:
    """Refuse a unit or street no site has, naming the closest ones (:class:`ReportError`)."""
    sites = catalog.sites.values()
    known_units = {s.responsible_unit for s in sites}
    for unit in sorted(units - known_units):
        raise ReportError(
            t("report.unknown_unit", unit=unit, suggest=suggestion(unit, sorted(known_units)))
        )
    known_streets = {s.street for s in sites}
    for street in sorted(streets - known_streets):
        raise ReportError(
            t(
                "report.unknown_street",
                street=street,
                suggest=suggestion(street, sorted(known_streets)),
            )
        )


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
    check_places(catalog, units=flt.units, streets=flt.streets)
    sites = list(catalog.sites.values())
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


def ledger_table(source: Callable[[], Iterable[LedgerRow]]) -> Table[LedgerRow]:
    """A table of the ledger rows ``source()`` yields (called afresh for each rendering)."""
    return Table(
        key="rows",
        title="",
        columns=ledger_columns(),
        source=source,
        cells=LedgerRow.values,
        record=LedgerRow.to_json,
        style=_row_style,
        empty=t("ledger.empty"),
        footer=lambda n: t("ledger.count", count=n),
        count_key="count",
    )


def _row_style(row: LedgerRow) -> str | None:
    return "overdue" if row.overdue else None


def ledger_document(ledger: Ledger) -> Document:
    """The ledger as a document: every matching problem, and the ledger's sheets.

    JSON: the header (district, as-of, filters), ``rows`` and ``count``; CSV and
    the terminal: the rows; a workbook: the sheets (``ledger_pages``).
    """
    if ledger.flt.units:
        filename = t(
            "report.file_ledger_unit",
            unit=ledger.unit_label,
            round=ledger.round_label,
            as_of=date_text(ledger.as_of),
        )
    else:
        filename = t("report.file_ledger", round=ledger.round_label, as_of=date_text(ledger.as_of))
    return Document(
        key="rectification",
        title=t("ledger.title", district=ledger.district),
        sections=(
            Text(None, ledger.subtitle(ledger.unit_label)),
            ledger_table(ledger.rows),
            ledger_pages(ledger),
        ),
        meta=ledger.header_json(),
        filename=filename,
    )


def ledger_pages(ledger: Ledger) -> Pages[str | None]:
    """The workbook's sheets: every unit's problems, then one sheet per unit with problems."""

    def page(unit: str | None) -> Page:
        if unit is None:
            name = ledger.unit_label if ledger.flt.units else t("ledger.sheet_all")
            rows = ledger.rows
            unit = ledger.unit_label
        else:
            name, rows = unit, lambda: ledger.unit_rows(unit)
        return Page(
            layout="ledger.data",
            name=name,
            title=t("ledger.title", district=ledger.district),
            sections=(
                Text(None, ledger.subtitle(unit)),
                ledger_table(rows),
            ),
        )

    def units() -> Iterator[str | None]:
        yield None
        if ledger.one_unit:
            return  # the first sheet is that unit's
        for unit, _rows in ledger.units():
            yield unit

    return Pages(key="sheets", source=units, page=page)
