"""The acceptance report (验收报告): a score sheet per site and a summary, as a document.

Per site, the report reads that site's findings once and scores it
(:mod:`qingyang_inspect.views.scoresheet`); the summary
(:mod:`qingyang_inspect.views.summary`) is collected while the score sheets
stream past and comes last, so a report over a thousand sites holds one site
at a time (:func:`acceptance_document`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import ReportError
from qingyang_inspect.findings.model import Round
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Document, Pages, Section
from qingyang_inspect.views.labels import date_text, written_date
from qingyang_inspect.views.ledger import check_places
from qingyang_inspect.views.scoresheet import ItemLabels, SiteSheet, site_page, site_sheet
from qingyang_inspect.views.source import FindingSource
from qingyang_inspect.views.summary import Summary, SummaryBuilder, summary_group


@dataclass(frozen=True)
class Acceptance:
    """An acceptance report ready to stream, one site at a time."""

    catalog: Catalog
    source: FindingSource
    round: Round
    district: str
    as_of: dt.date
    site_ids: tuple[str, ...]
    #: Leave out the sites the round recorded nothing at (the default report).
    inspected_only: bool = False

    def sheets(self) -> Iterator[SiteSheet]:
        """The score sheet of every site, in catalog order; reads one site at a time."""
        labels = ItemLabels(self.catalog)
        for site_id in self.site_ids:
            site = self.catalog.sites[site_id]
            sheet = site_sheet(
                self.catalog,
                self.round,
                site,
                self.source(site_id=site_id),
                as_of=self.as_of,
                labels=labels,
            )
            if sheet.days or not self.inspected_only:
                yield sheet

    def standard_label(self) -> str:
        """测评标准: its title and the version the round pinned."""
        return t(
            "acceptance.standard",
            title=self.catalog.standard.title,
            version=self.round.standard_version,
        )

    def subtitle(self) -> str:
        """The line under the title: round, date, standard, as-of date."""
        return t(
            "acceptance.subtitle",
            round=self.round.name,
            date=written_date(self.round.date),
            standard=self.standard_label(),
            as_of=written_date(self.as_of),
        )

    def header_json(self) -> dict[str, Any]:
        """What the report is about, for scripts: district, round, standard, as-of date."""
        return {
            "report": "acceptance",
            "district": self.district,
            "round": self.round.name,
            "round_kind": self.round.kind,
            "round_date": date_text(self.round.date),
            "standard": {
                "id": self.round.standard_id,
                "version": self.round.standard_version,
                "title": self.catalog.standard.title,
            },
            "as_of": date_text(self.as_of),
        }


def build_acceptance(
    catalog: Catalog,
    source: FindingSource,
    round_: Round,
    *,
    district: str,
    as_of: dt.date,
    site_ids: Iterable[str] = (),
    all_sites: bool = False,
    streets: Iterable[str] = (),
    units: Iterable[str] = (),
    levels: Iterable[str] = (),
) -> Acceptance:
    """Plan the report, sites in catalog order.

    Named sites are reported whether inspected or not; otherwise the sites the
    round recorded findings at (every site of the catalog with ``all_sites``),
    narrowed by street, responsible unit and level. ``as_of`` before the round's
    date raises :class:`~qingyang_inspect.errors.ReportError`. Unknown site ids raise
    :class:`~qingyang_inspect.errors.CatalogError`, unknown streets or units
    :class:`~qingyang_inspect.errors.ReportError`, with suggestions.
    """
    if as_of < round_.date:
        # Nothing of the round existed yet: an empty summary would read as "no sites".
        raise ReportError(
            t(
                "acceptance.before_round",
                round=round_.name,
                date=date_text(round_.date),
                as_of=as_of,
            ),
            hint=t("acceptance.before_round_hint", date=date_text(round_.date)),
        )
    chosen = list(dict.fromkeys(catalog.site(site_id).id for site_id in site_ids))
    street_set, unit_set, level_set = frozenset(streets), frozenset(units), frozenset(levels)
    check_places(catalog, units=unit_set, streets=street_set)
    ids = tuple(
        site.id
        for site in catalog.sites.values()
        if (not chosen or site.id in chosen)
        and (not street_set or site.street in street_set)
        and (not unit_set or site.responsible_unit in unit_set)
        and (not level_set or site.level in level_set)
    )
    return Acceptance(
        catalog=catalog,
        source=source,
        round=round_,
        district=district,
        as_of=as_of,
        site_ids=ids,
        inspected_only=not chosen and not all_sites,
    )


class AcceptanceRun:
    """One pass over the sites: score sheets streamed, the summary kept at the end.

    A renderer that never reads the sheets (a terminal showing the summary only)
    gets the summary all the same: :meth:`summary` runs the pass itself.
    """

    def __init__(self, report: Acceptance) -> None:
        self.report = report
        self._summary: Summary | None = None

    def sheets(self) -> Iterator[SiteSheet]:
        """Every site's score sheet; when the last is read the summary is built."""
        builder = SummaryBuilder(self.report.catalog)
        for sheet in self.report.sheets():
            builder.add(sheet)
            yield sheet
        self._summary = builder.build()

    def summary(self) -> Summary:
        """The summary of every site (scoring them now if no one read the sheets)."""
        if self._summary is None:
            for _sheet in self.sheets():
                pass
        assert self._summary is not None
        return self._summary


def acceptance_document(
    report: Acceptance, *, show_sites: bool = False, run: AcceptanceRun | None = None
) -> Document:
    """The acceptance report: a score sheet per site (streamed), then the summary.

    JSON: the header, ``sites`` (each with its items) and ``summary``; the
    terminal: the summary (and the named sites' sheets when ``show_sites``);
    a workbook: the summary sheet, then a sheet per site. A ``run`` given
    keeps the summary for the caller once the document is rendered.
    """
    if run is None:
        run = AcceptanceRun(report)

    def sections() -> Iterator[Section]:
        assert run is not None
        yield Pages(
            key="sites",
            source=run.sheets,
            page=lambda sheet: site_page(report, sheet),
            record=SiteSheet.to_json,
            terminal=show_sites,
        )
        yield summary_group(report, run.summary())

    return Document(
        key="acceptance",
        title=t("acceptance.title", district=report.district),
        sections=sections,
        meta=report.header_json(),
        filename=t(
            "report.file_acceptance", round=report.round.name, as_of=date_text(report.as_of)
        ),
    )
