"""The acceptance report's summary (验收汇总): ranked sites, subtotals, failures, charts.

A :class:`SummaryBuilder` keeps one small :class:`SummaryRow` per site while
the score sheets stream past and, at the end, ranks the complete sites and
adds up the subtotals by street and site type (each site counted once, under
its outcome) and the failures by category; :func:`summary_group` lays the
result out as the summary section of the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.i18n import t
from qingyang_inspect.scoring import Outcome, display, rank_sites
from qingyang_inspect.views.base import (
    Chart,
    Column,
    Field,
    Fields,
    Group,
    Signatures,
    Styled,
    Table,
    Text,
)
from qingyang_inspect.views.labels import (
    category_label,
    level_label,
    site_type_label,
    written_date,
)
from qingyang_inspect.views.problems import json_number
from qingyang_inspect.views.scoresheet import SiteSheet, shown, verdict_style

if TYPE_CHECKING:
    from qingyang_inspect.views.acceptance import Acceptance

#: Sites in one printed chart of score rates.
RATES_PER_PAGE = 30


def summary_columns() -> tuple[Column, ...]:
    """The columns of the summary: one row per site."""
    c = Column
    return (
        c("site_id", t("acceptance.col.site_id"), "id", width=30),
        c("site_name", t("acceptance.col.site_name"), priority=0, width=30),
        c("site_type", t("acceptance.col.site_type"), "status", priority=3, width=30),
        c("level", t("acceptance.col.level"), "status", priority=3, width=30),
        c("street", t("acceptance.col.street"), "status", priority=3, width=30),
        c("unit", t("acceptance.col.unit"), priority=None, width=30),
        c("possible", t("acceptance.col.possible"), "number", priority=2, width=30),
        c("earned", t("acceptance.col.earned"), "number", priority=2, width=30),
        c("rate", t("acceptance.col.rate"), "percent", width=30),
        c("verdict", t("acceptance.col.verdict"), "status", width=30),
        c("coverage", t("acceptance.col.coverage"), "percent", priority=2, width=30),
        c("open", t("acceptance.col.open"), "int", priority=1, width=30),
        c("overdue", t("acceptance.col.overdue"), "int", priority=1, width=30),
        c("rank", t("acceptance.col.rank"), "int", width=30),
    )


def group_columns(first: Column) -> tuple[Column, ...]:
    """The columns of a subtotal table whose groups are named in column ``first``."""
    c = Column
    return (
        first,
        c("sites", t("acceptance.col.sites"), "int"),
        c("possible", t("acceptance.col.possible"), "number"),
        c("earned", t("acceptance.col.earned"), "number"),
        c("mean_rate", t("acceptance.col.mean_rate"), "percent"),
        c("met", t("acceptance.col.n_met"), "int"),
        c("basically_met", t("acceptance.col.n_basically"), "int"),
        c("not_met", t("acceptance.col.n_not_met"), "int"),
        c("incomplete", t("acceptance.col.n_incomplete"), "int"),
    )


def category_columns() -> tuple[Column, ...]:
    """The columns of the failures by category."""
    return (
        Column("category", t("acceptance.col.category"), width=24),
        Column("failed_items", t("acceptance.col.failed_items"), "int"),
        Column("occurrences", t("acceptance.col.failed_occurrences"), "int"),
    )


#: Semantic style of a result cell.


@dataclass(frozen=True)
class SummaryRow:
    """One site's line on the summary sheet."""

    site_id: str
    site_name: str
    site_type: str
    level: str
    street: str
    unit: str
    possible: Decimal
    earned: Decimal
    rate: Decimal | None
    verdict: str
    coverage: Decimal | None
    open_problems: int
    overdue_problems: int
    rank: int | None
    verdict_code: Outcome
    incomplete: bool
    exact_rate: Fraction | None = field(default=None, compare=False, repr=False)

    def cells(self) -> list[Any]:
        """:meth:`values` with the verdict styled by its code."""
        values = self.values()
        values[9] = Styled(self.verdict, verdict_style(self.verdict_code))
        return values

    def values(self) -> list[Any]:
        """Cell values in :func:`summary_columns` order (rate and coverage in percent)."""
        return [
            self.site_id,
            self.site_name,
            self.site_type,
            self.level,
            self.street,
            self.unit,
            self.possible,
            self.earned,
            self.rate,
            self.verdict,
            self.coverage,
            self.open_problems,
            self.overdue_problems,
            self.rank,
        ]

    def to_json(self) -> dict[str, Any]:
        """Numbers as JSON numbers, rate and coverage in percent."""
        return {
            "site_id": self.site_id,
            "site_name": self.site_name,
            "site_type": self.site_type,
            "level": self.level,
            "street": self.street,
            "responsible_unit": self.unit,
            "possible": float(self.possible),
            "earned": float(self.earned),
            "rate": json_number(self.rate),
            "verdict": self.verdict_code,
            "verdict_label": self.verdict,
            "incomplete": self.incomplete,
            "coverage": json_number(self.coverage),
            "open_problems": self.open_problems,
            "overdue_problems": self.overdue_problems,
            "rank": self.rank,
        }


@dataclass(frozen=True)
class GroupRow:
    """A subtotal line: sites of one street or one site type."""

    name: str
    sites: int
    possible: Decimal
    earned: Decimal
    mean_rate: Decimal | None
    met: int
    basically_met: int
    not_met: int
    incomplete: int

    def values(self) -> list[Any]:
        """Cell values in :func:`group_columns` order."""
        return [
            self.name,
            self.sites,
            self.possible,
            self.earned,
            self.mean_rate,
            self.met,
            self.basically_met,
            self.not_met,
            self.incomplete,
        ]

    def to_json(self) -> dict[str, Any]:
        """Numbers as JSON numbers."""
        return {
            "name": self.name,
            "sites": self.sites,
            "possible": float(self.possible),
            "earned": float(self.earned),
            "mean_rate": json_number(self.mean_rate),
            "met": self.met,
            "basically_met": self.basically_met,
            "not_met": self.not_met,
            "incomplete": self.incomplete,
        }


@dataclass(frozen=True)
class CategoryRow:
    """Failures of one category over every site."""

    name: str
    failed_items: int
    occurrences: int


@dataclass(frozen=True)
class Summary:
    """The summary sheet's content: ranked site rows, subtotals, failures by category."""

    rows: tuple[SummaryRow, ...]
    by_street: tuple[GroupRow, ...]
    by_type: tuple[GroupRow, ...]
    total: GroupRow
    by_category: tuple[CategoryRow, ...]
    #: The verdict thresholds (met, basically met, in percent) of the most sites, and
    #: whether every site has them.
    thresholds: tuple[float, float] = (90.0, 80.0)
    thresholds_shared: bool = True

    def to_json(self) -> dict[str, Any]:
        """The summary for scripts."""
        return {
            "sites": [r.to_json() for r in self.rows],
            "by_street": [g.to_json() for g in self.by_street],
            "by_site_type": [g.to_json() for g in self.by_type],
            "total": self.total.to_json(),
            "failures_by_category": [
                {"category": c.name, "failed_items": c.failed_items, "occurrences": c.occurrences}
                for c in self.by_category
            ],
        }


@dataclass
class _Group:
    sites: int = 0
    possible: Fraction = Fraction(0)
    earned: Fraction = Fraction(0)
    rates: list[Fraction] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)

    def add(self, sheet: SiteSheet) -> None:
        """Count the site once, under its outcome; its rate counts when it is complete."""
        score = sheet.score
        self.sites += 1
        self.possible += score.possible
        self.earned += score.earned
        result = sheet.outcome
        if result != "incomplete" and score.rate is not None:
            self.rates.append(score.rate)
        self.outcomes[result] = self.outcomes.get(result, 0) + 1

    def row(self, name: str) -> GroupRow:
        mean = sum(self.rates, Fraction(0)) / len(self.rates) if self.rates else None
        return GroupRow(
            name=name,
            sites=self.sites,
            possible=display(self.possible),
            earned=display(self.earned),
            mean_rate=shown(mean),
            met=self.outcomes.get("met", 0),
            basically_met=self.outcomes.get("basically_met", 0),
            not_met=self.outcomes.get("not_met", 0),
            incomplete=self.outcomes.get("incomplete", 0),
        )


class SummaryBuilder:
    """Collects one small row per site while the site sheets stream past."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._rows: list[SummaryRow] = []
        self._streets: dict[str, _Group] = {}
        self._types: dict[str, _Group] = {}
        self._total = _Group()
        self._categories: dict[str, list[int]] = {key: [0, 0] for key in catalog.categories}
        self._thresholds: Counter[tuple[float, float]] = Counter()

    def add(self, sheet: SiteSheet) -> None:
        """Take the summary line, subtotals and failures of one site."""
        site, score = sheet.site, sheet.score
        self._rows.append(
            SummaryRow(
                site_id=site.id,
                site_name=site.name,
                site_type=site_type_label(self.catalog, site.site_type),
                level=level_label(site.level),
                street=site.street,
                unit=site.responsible_unit,
                possible=display(score.possible),
                earned=display(score.earned),
                rate=sheet.rate,
                verdict=sheet.verdict,
                coverage=sheet.coverage,
                open_problems=sheet.open_problems,
                overdue_problems=sheet.overdue_problems,
                rank=None,
                verdict_code=sheet.outcome,
                incomplete=score.incomplete,
                exact_rate=score.rate,
            )
        )
        self._thresholds[score.thresholds.met, score.thresholds.basically_met] += 1
        self._streets.setdefault(site.street, _Group()).add(sheet)
        self._types.setdefault(site.site_type, _Group()).add(sheet)
        self._total.add(sheet)
        for item in score.items:
            if item.result == "fail":
                counts = self._categories.setdefault(item.item.category, [0, 0])
                counts[0] += 1
                counts[1] += item.occurrences

    def build(self) -> Summary:
        """Ranks, subtotals (streets by name, site types in catalog order) and failures."""
        ranks = rank_sites(
            (r.site_id, r.verdict_code, r.exact_rate, not r.incomplete) for r in self._rows
        )
        ranked = [replace(r, rank=ranks.get(r.site_id)) for r in self._rows]
        # Ranked sites by rank, then the unranked (未完成) in the order they came.
        rows = tuple(
            row
            for _n, row in sorted(
                enumerate(ranked), key=lambda p: (p[1].rank is None, p[1].rank or 0, p[0])
            )
        )
        type_order = {key: n for n, key in enumerate(self.catalog.site_types)}
        categories = [
            CategoryRow(category_label(self.catalog, key), counts[0], counts[1])
            for key, counts in self._categories.items()
            if self._used_category(key)
        ]
        common = self._thresholds.most_common(1)
        return Summary(
            rows=rows,
            by_street=tuple(g.row(name) for name, g in sorted(self._streets.items())),
            by_type=tuple(
                g.row(site_type_label(self.catalog, key))
                for key, g in sorted(self._types.items(), key=lambda kv: type_order.get(kv[0], 0))
            ),
            total=self._total.row(t("acceptance.total")),
            # Most failed items first (the chart reads as a ranking); ties in catalog order.
            by_category=tuple(sorted(categories, key=lambda c: -c.failed_items)),
            thresholds=common[0][0] if common else self._default_thresholds(),
            thresholds_shared=len(self._thresholds) <= 1,
        )

    def _default_thresholds(self) -> tuple[float, float]:
        verdicts = self.catalog.standard.verdicts
        return (verdicts.met, verdicts.basically_met)

    def _used_category(self, key: str) -> bool:
        return any(item.category == key for item in self.catalog.items.values())


def summary_group(report: Acceptance, summary: Summary) -> Group:
    """The summary: one row per site, subtotals, failures by category, charts."""
    sites: Table[SummaryRow] = Table(
        key="sites",
        title=t(
            "report.table_title_acceptance",
            round=report.round.name,
            as_of=written_date(report.as_of),
        ),
        columns=summary_columns(),
        source=lambda: summary.rows,
        cells=SummaryRow.cells,
        record=SummaryRow.to_json,
        empty=t("acceptance.no_sites"),
    )
    # A chart of failures only when there are some: twelve bars of 0 on a page of their
    # own read as a drawing that failed.
    failures: tuple[Chart, ...] = ()
    if any(c.failed_items for c in summary.by_category):
        failures = (
            Chart(
                key="categories",
                title=t("acceptance.chart_categories"),
                table="failures_by_category",
                categories="category",
                values="failed_items",
                kind="column",
            ),
        )
    met, basically = summary.thresholds
    street = Column("name", t("acceptance.col.group_street"), width=24)
    site_type = Column("name", t("acceptance.col.group_type"), width=24)
    total = summary.total
    group_labels = group_columns(street)[1:]
    total_fields = Fields(
        key="total",
        title=total.name,
        fields=tuple(
            Field(c.key, c.label, value, kind=c.kind, export=False)
            for c, value in zip(group_labels, total.values()[1:], strict=True)
        ),
        extra=total.to_json(),
    )
    return Group(
        key="summary",
        title=summary_sheet_name(),
        sections=(
            Text(None, report.subtitle()),
            sites,
            Text(None, t("acceptance.rate_note")),
            _group_table("by_street", t("acceptance.by_street"), street, summary.by_street),
            _group_table("by_site_type", t("acceptance.by_type"), site_type, summary.by_type),
            total_fields,
            Table(
                key="failures_by_category",
                title=t("acceptance.by_category"),
                columns=category_columns(),
                source=lambda: summary.by_category,
                cells=lambda c: (c.name, c.failed_items, c.occurrences),
                record=lambda c: {
                    "category": c.name,
                    "failed_items": c.failed_items,
                    "occurrences": c.occurrences,
                },
            ),
            Chart(
                key="rates",
                title=t("acceptance.chart_rates"),
                table="sites",
                categories="site_name",
                values="rate",
                kind="column",
                lines=(
                    (t("acceptance.line_met", rate=f"{met:g}"), met),
                    (t("acceptance.line_basically", rate=f"{basically:g}"), basically),
                ),
                color_by="verdict",
                per_page=RATES_PER_PAGE,
                note=t("acceptance.chart_colours")
                + ("" if summary.thresholds_shared else t("acceptance.chart_lines_most")),
            ),
            *failures,
            Signatures(
                "signatures",
                (t("report.sign.made_by"), t("report.sign.checked_by"), t("report.sign.date")),
            ),
        ),
    )


def _group_table(
    key: str, title: str, first: Column, groups: Sequence[GroupRow]
) -> Table[GroupRow]:
    return Table(
        key=key,
        title=title,
        columns=group_columns(first),
        source=lambda: groups,
        cells=GroupRow.values,
        record=GroupRow.to_json,
    )


def summary_sheet_name() -> str:
    """The name of the summary's sheet in a workbook (验收汇总)."""
    return t("acceptance.summary_sheet")
