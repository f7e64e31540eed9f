"""The rectification ledger (整改台账): one row per problem, as a document.

A problem is a non-voided fail finding (:mod:`qingyang_inspect.views.problems`).
The ledger lists the matching problems unit by unit (responsible units in
catalog order, each unit's problems in recording order), numbered 1…n across
the ledger. :func:`ledger_document` returns it as a
:class:`~qingyang_inspect.views.base.Document`:

* one table of every problem with the full record (the data columns), which
  JSON, CSV and the terminal show;
* the workbook's pages: the printable ledger a unit signs (about a dozen
  columns, photos, totals, legend, signatures), the data sheet (every column,
  for filtering), then a printable page per unit (numbered 1…k in the unit).

Every function takes the as-of date: overdue is computed from it, never stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from qingyang_inspect.calendar import DayKind
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import ReportError, suggestion
from qingyang_inspect.findings.model import STATUSES, Finding, Photo, Status
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import (
    Column,
    Document,
    Page,
    Pages,
    PhotoSet,
    Signatures,
    Styled,
    Table,
    Text,
    Totals,
)
from qingyang_inspect.views.deadlines import days_given, days_label
from qingyang_inspect.views.labels import (
    date_text,
    recheck_label,
    requirement_label,
    site_type_label,
    status_label,
    written_date,
    yes_no,
)
from qingyang_inspect.views.problems import closed_on_time, is_problem, problem_number, rate_text
from qingyang_inspect.views.source import FindingSource

NO_PHOTOS = PhotoSet(())

#: Width (characters) of a printable ledger's photo column: a photo 152 pixels wide (4 cm),
#: which prints 3.5 cm wide or more at the sheet's fit-to-width scale on A4.
PHOTO_COLUMN_WIDTH = 22.2


def ledger_columns() -> tuple[Column, ...]:
    """The data columns (台账数据), in their fixed order (labels in the current language).

    ``priority`` picks the terminal's columns; ``width`` is the workbook's.
    """
    c = Column
    return (
        c("seq", t("ledger.col.seq"), "int", priority=0, width=5),
        c("number", t("ledger.col.number"), "id", priority=0, width=12),
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


def print_columns() -> tuple[Column, ...]:
    """The printable ledger's columns (整改台账 as a unit signs it), widths for A4 landscape.

    The sheet is about 1,130 pixels wide: on A4 landscape it prints at 88–95 %
    depending on the spreadsheet's fonts, so its 10.5-point text prints at 9.2
    points or more and a photo 3.5 cm wide or more. Dates stand on lines of
    their own (or as month and day), wide enough not to break even where the
    digits are drawn in a wide fallback font.
    """
    c = Column
    return (
        c("seq", t("ledger.col.seq"), "int", width=4),
        c("number", t("ledger.col.number"), "id", width=10),
        c("site_name", t("ledger.col.site_name"), width=10),
        c("problem", t("ledger.col.problem"), width=15),
        c("photos_before", t("ledger.col.photos_before"), "photos", width=PHOTO_COLUMN_WIDTH),
        c("photos_after", t("ledger.col.photos_after"), "photos", width=PHOTO_COLUMN_WIDTH),
        c("unit", t("ledger.col.unit"), width=10),
        c("contact", t("ledger.col.contact"), width=13),
        c("deadline", t("ledger.col.deadline"), width=12.5),
        c("measures", t("ledger.col.measures"), width=15),
        c("status", t("ledger.col.status"), "status", width=8.5),
        c("remarks", t("ledger.col.remarks"), width=10.5),
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

    def admits(self, finding: Finding) -> bool:
        """Whether ``finding`` is a problem of the ledger's round and statuses."""
        if not is_problem(finding) or finding.status is None:
            return False
        if self.round_name is not None and finding.round_name != self.round_name:
            return False
        return not (self.statuses and finding.status not in self.statuses)

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
    #: The problem number (问题编号) people use for it.
    number: str
    round_name: str
    found_date: dt.date
    site_id: str
    site_name: str
    site_type: str
    street: str
    item_id: str
    requirement: str
    description: str
    location: str
    occurrences: int
    photos_before: tuple[Photo, ...]
    unit: str
    lead_department: str
    contact: str
    phone: str
    rectification_days: int | None
    #: How the rectification days count: ``working`` or ``calendar`` days.
    days_kind: DayKind
    due_date: dt.date | None
    status: Status
    status_label: str
    overdue: bool
    #: Days past the due date as of the ledger's date (0 unless overdue).
    overdue_days: int
    rectification: str
    #: The rectification's own parts, for the printable ledger: note, day, unit.
    measure: str
    fixed_on: dt.date | None
    fixed_by: str
    photos_after: tuple[Photo, ...]
    recheck: str
    closed_date: dt.date | None
    remarks: str
    on_spot: bool = False
    #: The row's number within its unit's own sheet.
    unit_seq: int = 0
    #: Days a closed problem was closed after its due date (逾期销号), else ``None``.
    days_late: int | None = None

    def values(self) -> tuple[Any, ...]:
        """Cell values in :func:`ledger_columns` order (photos as :class:`PhotoSet`)."""
        return (
            self.seq,
            self.number,
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
            self.photo_set("before"),
            self.unit,
            self.lead_department,
            self.rectification_days,
            self.due_date,
            self.status_label,
            yes_no(self.overdue),
            self.rectification,
            self.photo_set("after"),
            self.recheck,
            self.closed_date,
            self.remarks,
        )

    def print_values(self) -> tuple[Any, ...]:
        """Cell values in :func:`print_columns` order, numbered across the ledger."""
        return (self.seq, *self._print_tail)

    def unit_print_values(self) -> tuple[Any, ...]:
        """:meth:`print_values` numbered within the unit's own sheet."""
        return (self.unit_seq, *self._print_tail)

    @functools.cached_property
    def _print_tail(self) -> tuple[Any, ...]:
        # Made once: a row goes to the printable ledger and to its unit's sheet.
        lines = "\n"
        problem = self.description or self.requirement
        if self.location:
            problem += lines + t("report.location", location=self.location)
        contact = lines.join(x for x in (self.contact, self.phone) if x)
        if self.on_spot and not self.rectification_days:
            # Fixed on the spot: due the day it was found ("0 个工作日" reads as a mistake).
            deadline = t("report.on_spot")
        elif self.due_date is not None and self.rectification_days is not None:
            deadline = lines.join(
                (days_label(self.rectification_days, self.days_kind), date_text(self.due_date))
            )
        else:
            deadline = ""
        measures = lines.join(x for x in (self.measure, self._fixed(), self._closing()) if x)
        status: object = self.status_label
        if self.overdue:
            status = Styled(
                self.status_label + lines + t("ledger.overdue_days", days=self.overdue_days),
                "overdue",
            )
        remarks = lines.join(
            x
            for x in (
                self.round_name,
                t("ledger.found_on", date=self._day(self.found_date)),
                t("report.on_spot") if self.on_spot else "",
            )
            if x
        )
        return (
            self.number,
            self.site_name,
            problem,
            self.photo_set("before"),
            self.photo_set("after"),
            self.unit,
            contact,
            deadline,
            measures,
            status,
            remarks,
        )

    def _day(self, day: dt.date) -> str:
        """A day on the printed ledger: month and day (the year when it is not the due one's)."""
        year = (self.due_date or self.found_date).year
        return f"{day.month:02d}-{day.day:02d}" if day.year == year else date_text(day)

    def _fixed(self) -> str:
        if self.fixed_on is None:
            return ""
        if self.fixed_by and self.fixed_by != self.unit:
            return t("ledger.fixed_by", unit=self.fixed_by, date=self._day(self.fixed_on))
        return t("ledger.fixed_on", date=self._day(self.fixed_on))

    def _closing(self) -> str:
        if self.closed_date is not None:
            return t("ledger.closed_on", date=self._day(self.closed_date))
        return self.recheck

    def photo_set(self, stage: str) -> PhotoSet:
        """The photos of ``stage`` (before / after) with the names their copies take."""
        photos = self.photos_before if stage == "before" else self.photos_after
        if not photos:
            return NO_PHOTOS
        label = t("ledger.photo.before") if stage == "before" else t("ledger.photo.after")
        return PhotoSet(
            photos,
            tuple(
                t(
                    "ledger.photo_file",
                    number=self.number,
                    stage=label,
                    n=n,
                    ext=photo.relpath.rpartition(".")[2] or "jpg",
                )
                for n, photo in enumerate(photos, 1)
            ),
        )

    def to_json(self) -> dict[str, Any]:
        """Codes and labels for scripts (``--format json``)."""
        return {
            "seq": self.seq,
            "finding_id": self.finding_id,
            "problem_number": self.number,
            "round": self.round_name,
            "found_date": date_text(self.found_date),
            "site_id": self.site_id,
            "site_name": self.site_name,
            "site_type": self.site_type,
            "street": self.street,
            "item_id": self.item_id,
            "requirement": self.requirement,
            "description": self.description,
            "location": self.location or None,
            "occurrences": self.occurrences,
            "photos_before": [p.relpath for p in self.photos_before],
            "responsible_unit": self.unit,
            "lead_department": self.lead_department,
            "contact": self.contact or None,
            "phone": self.phone or None,
            "rectification_days": self.rectification_days,
            "due_date": date_text(self.due_date) or None,
            "status": self.status,
            "status_label": self.status_label,
            "overdue": self.overdue,
            "overdue_days": self.overdue_days,
            "rectification": self.rectification,
            "photos_after": [p.relpath for p in self.photos_after],
            "recheck": self.recheck,
            "closed_date": date_text(self.closed_date) or None,
            "remarks": self.remarks,
            "on_spot": self.on_spot,
            "days_late": self.days_late,
        }


def ledger_row(
    catalog: Catalog, finding: Finding, *, seq: int, as_of: dt.date, unit_seq: int = 0
) -> LedgerRow:
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
    overdue = finding.overdue(as_of)
    late = finding.days_late()
    contact = site.contact if site else None
    return LedgerRow(
        seq=seq,
        finding_id=finding.id,
        number=problem_number(finding),
        round_name=finding.round_name,
        found_date=found,
        site_id=finding.site_id,
        site_name=site.name if site else t("report.unknown_site"),
        site_type=site_type_label(catalog, site.site_type) if site else "",
        street=site.street if site else "",
        item_id=finding.item_id,
        requirement=requirement_label(item) if item else t("report.unknown_item"),
        description=finding.note or "",
        location=finding.location or "",
        occurrences=finding.occurrences,
        photos_before=finding.photos_at("before"),
        unit=site.responsible_unit if site else "",
        lead_department=site.lead_department if site else "",
        contact=contact.name if contact and contact.name else "",
        phone=contact.phone if contact and contact.phone else "",
        rectification_days=days_given(catalog, item, found, finding.due_date),
        days_kind=catalog.rectification_day_kind(item) if item is not None else "calendar",
        due_date=finding.due_date,
        status=status,
        status_label=status_label(status) if late is None else t("finding.closed_late", days=late),
        overdue=overdue,
        overdue_days=(as_of - finding.due_date).days if overdue and finding.due_date else 0,
        rectification=_rectification(finding),
        measure=finding.rectification_note or "",
        fixed_on=finding.rectified_at.date() if finding.rectified_at else None,
        fixed_by=finding.rectified_by or "",
        photos_after=finding.photos_at("after"),
        recheck=_recheck(finding),
        closed_date=finding.closed_at.date() if finding.closed_at else None,
        remarks=t("report.list_sep").join(remarks),
        on_spot=finding.on_spot,
        unit_seq=unit_seq,
        days_late=late,
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
    """A ledger ready to stream: its problems unit by unit, read afresh for each rendering.

    Nothing is held in memory: each unit's problems are merged from its sites'
    streams of the store, in recording order.
    """

    catalog: Catalog
    source: FindingSource
    district: str
    as_of: dt.date
    flt: LedgerFilter
    #: Units with at least one site admitted by the filter, in catalog order,
    #: each with its site ids.
    unit_sites: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    #: The catalog a round is scored by (its pinned content: names, units and
    #: requirements as the round knew them); ``None``: :attr:`catalog` for every round.
    catalog_for: Callable[[str], Catalog] | None = field(default=None, compare=False)

    def _catalog(self, finding: Finding) -> Catalog:
        return self.catalog if self.catalog_for is None else self.catalog_for(finding.round_name)

    def rows(self) -> Iterator[LedgerRow]:
        """Every matching problem, unit by unit, numbered 1…n (and 1…k within a unit).

        Problems at sites no longer in the catalog come last, marked, never dropped
        (they belong to no unit, so a unit or street filter leaves them out).
        """
        seq = 0
        for _unit, sites in self.unit_sites:
            streams = [
                self.source(round_name=self.flt.round_name, site_id=s, failed_only=True)
                for s in sites
            ]
            merged = heapq.merge(*streams, key=lambda f: (f.found_at, f.id))
            unit_seq = 0
            for finding in merged:
                if not self.flt.admits(finding):
                    continue
                seq += 1
                unit_seq += 1
                yield ledger_row(
                    self._catalog(finding), finding, seq=seq, as_of=self.as_of, unit_seq=unit_seq
                )
        if self.flt.units or self.flt.streets:
            return
        known = self.catalog.sites
        for finding in self.source(round_name=self.flt.round_name, failed_only=True):
            if finding.site_id not in known and self.flt.admits(finding):
                seq += 1
                yield ledger_row(self._catalog(finding), finding, seq=seq, as_of=self.as_of)

    def units(self) -> Iterator[tuple[str, Iterator[LedgerRow]]]:
        """``(unit, rows)`` for every unit with problems, from one pass over :meth:`rows`
        (``""`` for the problems at sites no longer in the catalog).

        Like :func:`itertools.groupby`: read a unit's rows before the next unit.
        """
        return itertools.groupby(self.rows(), key=lambda row: row.unit)

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
        return len(self.unit_sites) <= 1 or len(self.flt.units) == 1

    def subtitle(self, unit: str) -> str:
        """The line under the title: round, unit, status filter, as-of date."""
        statuses = t("report.list_sep").join(status_label(s) for s in sorted(self.flt.statuses))
        return t(
            "ledger.subtitle",
            round=self.round_label,
            unit=unit,
            status=statuses or t("report.all"),
            as_of=written_date(self.as_of),
        )

    def header_json(self) -> dict[str, Any]:
        """What the ledger is about, for scripts."""
        return {
            "report": "rectification",
            "district": self.district,
            "as_of": date_text(self.as_of),
            "filters": self.flt.to_json(),
        }


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
    catalog_for: Callable[[str], Catalog] | None = None,
) -> Ledger:
    """Plan the ledger: check the unit and street filters against the catalog.

    Unknown units or streets raise :class:`ReportError` naming the closest ones.
    ``catalog_for`` gives the catalog each round is scored by (its rows' names,
    units and requirements); ``catalog`` decides which sites and units the
    ledger covers.
    """
    check_places(catalog, units=flt.units, streets=flt.streets)
    unit_sites: dict[str, list[str]] = {}
    for site in catalog.sites.values():
        if flt.site_allowed(catalog, site.id):
            unit_sites.setdefault(site.responsible_unit, []).append(site.id)
    return Ledger(
        catalog=catalog,
        source=source,
        district=district,
        as_of=as_of,
        flt=flt,
        unit_sites=tuple((u, tuple(s)) for u, s in unit_sites.items()),
        catalog_for=catalog_for,
    )


def ledger_table(source: Callable[[], Iterable[LedgerRow]]) -> Table[LedgerRow]:
    """The data table of the ledger rows ``source()`` yields (called afresh for each rendering)."""
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


class LedgerTally:
    """Totals under a printed ledger: problems by status, the overdue ones, and the share
    closed on time (按期销号率) of those whose due date has come: closed, or overdue."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.count = 0
        self.by_status: dict[str, int] = dict.fromkeys(STATUSES, 0)
        self.overdue = 0
        self.on_spot = 0
        self.on_time = 0

    def add(self, row: LedgerRow) -> None:
        """Count one problem."""
        self.count += 1
        self.by_status[row.status] += 1
        self.overdue += row.overdue
        self.on_spot += row.on_spot
        self.on_time += closed_on_time(row.status, row.days_late)

    @property
    def counted(self) -> int:
        """The problems the on-time rate is of: closed (on time or late), or overdue."""
        return self.by_status["closed"] + self.overdue

    def lines(self) -> list[str]:
        """The totals as a sentence (nothing for an empty ledger)."""
        if not self.count:
            return []
        return [
            t(
                "ledger.totals",
                count=self.count,
                open=self.by_status["open"],
                rectified=self.by_status["rectified"],
                closed=self.by_status["closed"],
                overdue=self.overdue,
                on_spot=self.on_spot,
                as_of=written_date(self.as_of),
            ),
            t(
                "ledger.on_time",
                rate=rate_text(self.on_time, self.counted),
                on_time=self.on_time,
                counted=self.counted,
            ),
        ]


def ledger_document(ledger: Ledger) -> Document:
    """The ledger as a document: every matching problem, and the workbook's pages.

    JSON: the header (district, as-of, filters), ``rows`` and ``count``; CSV and
    the terminal: the rows; a workbook: the pages (:func:`ledger_pages`).
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


#: What :func:`ledger_pages` yields: the printable ledger, the data sheet, then a unit's rows.
LedgerPage = tuple[str, str | None, Callable[[], Iterable[LedgerRow]]]


def ledger_pages(ledger: Ledger) -> Pages[LedgerPage]:
    """The workbook's pages, in order: the printable ledger (``ledger.print``) of every
    problem, the data sheet (``ledger.data``), then one printable page per unit with
    problems (none when the ledger covers one unit), and last the problems at sites
    no longer in the catalog (``ledger.rest``: rows of the ledger, no sheet of their own).

    The units' pages come from one pass over the problems, and together they
    hold exactly the rows of the first two pages, in the same order: a workbook
    writes every row to its unit's sheet, the printable ledger and the data
    sheet at once. A unit page's rows can be read once.
    """
    title = t("ledger.title", district=ledger.district)

    def printable(
        name: str, unit: str, rows: Callable[[], Iterable[LedgerRow]], *, own: bool
    ) -> Page:
        return Page(
            layout="ledger.print",
            name=name,
            title=title,
            sections=(
                Text(None, ledger.subtitle(unit)),
                Table(
                    key="print",
                    title="",
                    columns=print_columns(),
                    source=rows,
                    cells=LedgerRow.unit_print_values if own else LedgerRow.print_values,
                    style=_row_style,
                    empty=t("ledger.empty"),
                ),
                Totals("totals", "print", lambda: LedgerTally(ledger.as_of)),
                Text("legend", t("ledger.legend")),
                Signatures(
                    "signatures",
                    (
                        t("report.sign.made_by"),
                        t("report.sign.checked_by"),
                        t("report.sign.date"),
                    ),
                ),
            ),
        )

    def page(element: LedgerPage) -> Page:
        layout, unit, rows = element
        if layout == "ledger.rest":
            return Page(
                layout="ledger.rest",
                name="",
                title=title,
                sections=(ledger_table(rows),),
            )
        if layout == "ledger.data":
            return Page(
                layout="ledger.data",
                name=t("ledger.sheet_data"),
                title=title,
                sections=(Text(None, ledger.subtitle(ledger.unit_label)), ledger_table(rows)),
            )
        if unit is None:
            name = ledger.unit_label if ledger.flt.units else t("ledger.sheet_all")
            return printable(name, ledger.unit_label, rows, own=False)
        return printable(unit, unit, rows, own=True)

    def pages() -> Iterator[LedgerPage]:
        yield ("ledger.print", None, ledger.rows)
        yield ("ledger.data", None, ledger.rows)
        if ledger.one_unit:
            return
        for unit, rows in ledger.units():
            yield ("ledger.print" if unit else "ledger.rest", unit, _once(rows))

    return Pages(key="sheets", source=pages, page=page)


def _once(rows: Iterator[LedgerRow]) -> Callable[[], Iterator[LedgerRow]]:
    return lambda: rows
