"""The acceptance report (验收报告): a score sheet per site and a summary, as a document.

Per site, the report reads that site's findings once (all rounds: the round
being accepted is scored, every round's open problems are counted), scores it
with :mod:`qingyang_inspect.scoring` and yields a :class:`SiteSheet`. A
:class:`SummaryBuilder` keeps one small :class:`SummaryRow` per site and
produces the ranking, the subtotals by street and site type and the failures
by category at the end, so renderers stream the per-site sheets first and
the summary last (:func:`acceptance_document`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site
from qingyang_inspect.findings.model import Finding, Round
from qingyang_inspect.i18n import t
from qingyang_inspect.scoring import (
    ItemScore,
    Outcome,
    SiteScore,
    display,
    outcome,
    rank_sites,
    score_site,
)
from qingyang_inspect.views.base import (
    Chart,
    Column,
    Document,
    Field,
    Fields,
    Group,
    Page,
    Pages,
    Section,
    Signatures,
    Styled,
    Table,
    Text,
)
from qingyang_inspect.views.labels import (
    category_label,
    date_text,
    level_label,
    method_label,
    requirement_label,
    result_label,
    site_type_label,
    verdict_label,
)
from qingyang_inspect.views.ledger import check_places, is_problem
from qingyang_inspect.views.source import FindingSource


def site_columns() -> tuple[Column, ...]:
    """The columns of a site's score sheet (验收评分表); ``width``: the most a workbook gives."""
    c = Column
    return (
        c("seq", t("acceptance.col.seq"), "int", width=5),
        c("item_id", t("acceptance.col.item_id"), "id", width=11),
        c("category_name", t("acceptance.col.category_name"), "status", priority=2, width=10),
        c("requirement", t("acceptance.col.requirement"), priority=1, width=40),
        c("method", t("acceptance.col.method"), "status", priority=3, width=9),
        c("points", t("acceptance.col.points"), "number", width=7),
        c("result", t("acceptance.col.result"), "status", width=8),
        c("occurrences", t("acceptance.col.occurrences"), "int", priority=2, width=6),
        c("deducted", t("acceptance.col.deducted"), "number", priority=2, width=7),
        c("score", t("acceptance.col.score"), "number", width=7),
        c("findings", t("acceptance.col.findings"), "id", priority=None, width=28),
        c("remarks", t("acceptance.col.remarks"), priority=3, width=24),
    )


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
RESULT_STYLES: dict[str, str] = {
    "pass": "result.pass",
    "fail": "result.fail",
    "na": "result.na",
    "unchecked": "result.unchecked",
}
#: Semantic style of a verdict cell.
VERDICT_STYLES: dict[str, str] = {
    "met": "verdict.met",
    "basically_met": "verdict.basically_met",
    "not_met": "verdict.not_met",
}


def verdict_style(code: str | None) -> str:
    """``verdict.met`` …; ``verdict.incomplete`` (grey) for a site not fully checked."""
    return VERDICT_STYLES.get(code or "", "verdict.incomplete")


def _num(value: Fraction | None) -> Decimal | None:
    return None if value is None else display(value)


@dataclass(frozen=True)
class ItemRow:
    """One line of a 验收评分表."""

    seq: int
    item_id: str
    category: str
    requirement: str
    method: str
    points: Decimal
    result: str
    result_code: str
    occurrences: int | None
    deducted: Decimal | None
    score: Decimal | None
    finding_ids: tuple[str, ...]
    remarks: str
    veto: bool

    def values(self) -> list[Any]:
        """Cell values in :func:`site_columns` order."""
        return [
            self.seq,
            self.item_id,
            self.category,
            self.requirement,
            self.method,
            self.points,
            self.result,
            self.occurrences,
            self.deducted,
            self.score,
            "\n".join(self.finding_ids),
            self.remarks,
        ]

    def cells(self) -> list[Any]:
        """:meth:`values` with the result styled by its code."""
        values = self.values()
        values[6] = Styled(self.result, RESULT_STYLES.get(self.result_code, ""))
        return values

    def to_json(self) -> dict[str, Any]:
        """Codes, labels and numbers for scripts."""
        return {
            "seq": self.seq,
            "item_id": self.item_id,
            "category": self.category,
            "requirement": self.requirement,
            "method": self.method,
            "points": float(self.points),
            "result": self.result_code,
            "result_label": self.result,
            "occurrences": self.occurrences,
            "deducted": _float(self.deducted),
            "score": _float(self.score),
            "finding_ids": list(self.finding_ids),
            "remarks": self.remarks,
            "veto": self.veto,
        }


class ItemLabels:
    """What a score-sheet line shows of an item itself, worked out once per item.

    The same items appear on every site of a type: their category, requirement,
    method and points are looked up and formatted once per report (in the
    language current when the report is built), not once per site.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._items: dict[str, tuple[str, str, str, Decimal, str]] = {}
        self.on_spot = t("report.on_spot")
        self.separator = t("report.list_sep")

    def of(self, item: Item, points: Fraction) -> tuple[str, str, str, Decimal, str]:
        """Category, requirement, method, points for display and the veto remark."""
        labels = self._items.get(item.id)
        if labels is None:
            labels = self._items[item.id] = (
                category_label(self.catalog, item.category),
                requirement_label(item),
                method_label(item.method),
                display(points),
                t("report.veto_item") if item.veto else "",
            )
        return labels


def item_row(
    catalog: Catalog, seq: int, score: ItemScore, labels: ItemLabels | None = None
) -> ItemRow:
    """The score-sheet line of one item (``labels`` remembers the item's own texts)."""
    item = score.item
    if labels is None:
        labels = ItemLabels(catalog)
    category, requirement, method, points, veto = labels.of(item, score.points)
    remarks: list[str] = []
    if veto:
        remarks.append(veto)
    if score.on_spot:
        remarks.append(labels.on_spot)
    remarks.extend(score.notes)
    failed = score.result == "fail"
    return ItemRow(
        seq=seq,
        item_id=item.id,
        category=category,
        requirement=requirement,
        method=method,
        points=points,
        result=result_label(score.result),
        result_code=score.result,
        occurrences=score.occurrences if failed else None,
        deducted=_num(score.deducted),
        score=_num(score.earned),
        finding_ids=score.finding_ids if failed else (),
        remarks=labels.separator.join(remarks),
        veto=item.veto,
    )


@dataclass(frozen=True)
class SiteSheet:
    """Everything one site's 验收评分表 shows."""

    catalog: Catalog
    round: Round
    score: SiteScore
    inspectors: tuple[str, ...]
    open_problems: int
    overdue_problems: int
    rows: tuple[ItemRow, ...]
    #: The days the site's findings of the round were recorded (验收日期), in order.
    days: tuple[dt.date, ...] = ()

    @property
    def outcome(self) -> Outcome:
        """达标 / 基本达标 / 不达标, or 未完成 (see :func:`~qingyang_inspect.scoring.outcome`)."""
        return outcome(self.score)

    def days_text(self) -> str:
        """验收日期: one day, a few days, or the first to the last."""
        days = [date_text(d) for d in self.days]
        if len(days) > 3:
            return t("acceptance.dates", first=days[0], last=days[-1])
        return t("report.name_sep").join(days)

    @property
    def site(self) -> Site:
        """The site scored."""
        return self.score.site

    @property
    def rate(self) -> Decimal | None:
        """得分率 for display (percent, 2 decimals)."""
        return _num(self.score.rate)

    @property
    def coverage(self) -> Decimal | None:
        """覆盖率 for display (percent, 2 decimals)."""
        cov = self.score.coverage
        return None if cov is None else display(cov * 100)

    @property
    def verdict(self) -> str:
        """The verdict's label, marked 一票否决 / 未完成."""
        return verdict_label(self.score)

    def weights_note(self) -> str:
        """得分率按类别权重计算：… when the rate is weighted, else empty."""
        if not self.score.weighted:
            return ""
        site_type = self.catalog.site_types[self.site.site_type]
        parts = [
            t("report.weight", category=category_label(self.catalog, key), weight=_plain(w))
            for key, w in site_type.category_weights.items()
        ]
        return t("report.weighted_note", weights=t("report.list_sep").join(parts))

    def to_json(self) -> dict[str, Any]:
        """The site's score with its items."""
        score = self.score
        return {
            "site_id": self.site.id,
            "site_name": self.site.name,
            "possible": float(display(score.possible)),
            "earned": float(display(score.earned)),
            "rate": _float(self.rate),
            "weighted": score.weighted,
            "verdict": self.outcome,
            "verdict_label": self.verdict,
            "dates": [date_text(d) for d in self.days],
            "vetoes": list(score.vetoes),
            "incomplete": score.incomplete,
            "coverage": _float(self.coverage),
            "applicable": score.applicable,
            "checked": score.checked,
            "not_applicable": score.not_applicable,
            "unchecked": score.unchecked,
            "failed": score.failed,
            "thresholds": {
                "met": score.thresholds.met,
                "basically_met": score.thresholds.basically_met,
            },
            "inspectors": list(self.inspectors),
            "open_problems": self.open_problems,
            "overdue_problems": self.overdue_problems,
            "items": [row.to_json() for row in self.rows],
        }


def _plain(value: float) -> str:
    return f"{value:g}"


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def site_sheet(
    catalog: Catalog,
    round_: Round,
    site: Site,
    findings: Iterable[Finding],
    *,
    as_of: dt.date,
    labels: ItemLabels | None = None,
) -> SiteSheet:
    """Score ``site`` in ``round_`` from its findings of every round (any order)."""
    if labels is None:
        labels = ItemLabels(catalog)
    in_round: list[Finding] = []
    open_problems = overdue = 0
    inspectors: dict[str, None] = {}
    days: set[dt.date] = set()
    for finding in findings:
        if finding.site_id != site.id or finding.voided:
            continue
        if finding.round_name == round_.name:
            in_round.append(finding)
            inspectors.setdefault(finding.inspector, None)
            days.add(finding.found_at.date())
        if is_problem(finding) and finding.status != "closed":
            open_problems += 1
            overdue += finding.overdue(as_of)
    score = score_site(catalog, site, in_round)
    return SiteSheet(
        catalog=catalog,
        round=round_,
        score=score,
        inspectors=tuple(inspectors),
        open_problems=open_problems,
        overdue_problems=overdue,
        rows=tuple(item_row(catalog, n, s, labels) for n, s in enumerate(score.items, 1)),
        days=tuple(sorted(days)),
    )


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
            "rate": _float(self.rate),
            "verdict": self.verdict_code,
            "verdict_label": self.verdict,
            "incomplete": self.incomplete,
            "coverage": _float(self.coverage),
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
            "mean_rate": _float(self.mean_rate),
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
            mean_rate=_num(mean),
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
        from dataclasses import replace

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
        return Summary(
            rows=rows,
            by_street=tuple(g.row(name) for name, g in sorted(self._streets.items())),
            by_type=tuple(
                g.row(site_type_label(self.catalog, key))
                for key, g in sorted(self._types.items(), key=lambda kv: type_order.get(kv[0], 0))
            ),
            total=self._total.row(t("acceptance.total")),
            by_category=tuple(
                CategoryRow(category_label(self.catalog, key), counts[0], counts[1])
                for key, counts in self._categories.items()
                if self._used_category(key)
            ),
        )

    def _used_category(self, key: str) -> bool:
        return any(item.category == key for item in self.catalog.items.values())


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
            date=date_text(self.round.date),
            standard=self.standard_label(),
            as_of=date_text(self.as_of),
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
    narrowed by street, responsible unit and level. Unknown site ids raise
    :class:`~qingyang_inspect.errors.CatalogError`, unknown streets or units
    :class:`~qingyang_inspect.errors.ReportError`, with suggestions.
    """
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


def summary_group(report: Acceptance, summary: Summary) -> Group:
    """The summary: one row per site, subtotals, failures by category, charts."""
    sites: Table[SummaryRow] = Table(
        key="sites",
        title=t(
            "report.table_title_acceptance", round=report.round.name, as_of=date_text(report.as_of)
        ),
        columns=summary_columns(),
        source=lambda: summary.rows,
        cells=SummaryRow.cells,
        record=SummaryRow.to_json,
    )
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
            ),
            Chart(
                key="categories",
                title=t("acceptance.chart_categories"),
                table="failures_by_category",
                categories="category",
                values="failed_items",
                kind="column",
            ),
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


def site_page(report: Acceptance, sheet: SiteSheet) -> Page:
    """A site's score sheet (验收评分表): header, items, totals, notes, signatures."""
    site = sheet.site
    catalog = report.catalog
    score = sheet.score

    def head(key: str, label: str, value: str) -> Field:
        return Field(key, label, value, export=False)

    header = Fields(
        key="header",
        title=t("acceptance.form_title", district=report.district, site=site.name),
        fields=(
            head("site", t("acceptance.head.site"), f"{site.id} {site.name}"),
            head(
                "type",
                t("acceptance.head.type"),
                t(
                    "report.paren",
                    text=site_type_label(catalog, site.site_type),
                    inner=level_label(site.level),
                ),
            ),
            head("unit", t("acceptance.head.unit"), site.responsible_unit),
            head("lead", t("acceptance.head.lead"), site.lead_department),
            head("street", t("acceptance.head.street"), site.street),
            head("address", t("acceptance.head.address"), site.address),
            head("date", t("acceptance.head.date"), sheet.days_text()),
            head("round", t("acceptance.head.round"), report.round.name),
            head(
                "inspectors",
                t("acceptance.head.inspectors"),
                t("report.name_sep").join(sheet.inspectors),
            ),
            head("standard", t("acceptance.head.standard"), report.standard_label()),
            head(
                "thresholds",
                t("acceptance.head.thresholds"),
                t(
                    "acceptance.thresholds",
                    met=f"{score.thresholds.met:g}",
                    basically_met=f"{score.thresholds.basically_met:g}",
                ),
            ),
        ),
    )
    items: Table[ItemRow] = Table(
        key="items",
        title="",
        columns=site_columns(),
        source=lambda: sheet.rows,
        cells=ItemRow.cells,
        record=ItemRow.to_json,
        # Items nobody scored are greyed as a whole; a failure shows in its result cell.
        style=lambda row: (
            RESULT_STYLES[row.result_code] if row.result_code in ("na", "unchecked") else None
        ),
    )
    footer = Fields(
        key="footer",
        title=None,
        fields=(
            Field(
                "possible", t("acceptance.foot.possible"), display(score.possible), kind="number"
            ),
            Field("earned", t("acceptance.foot.earned"), display(score.earned), kind="number"),
            Field("rate", t("acceptance.foot.rate"), sheet.rate, kind="percent"),
            Field(
                "verdict",
                t("acceptance.foot.verdict"),
                Styled(sheet.verdict, verdict_style(sheet.outcome)),
                kind="status",
            ),
        ),
    )
    notes = [
        t(
            "acceptance.foot.coverage",
            coverage=f"{sheet.coverage}%" if sheet.coverage is not None else "—",
            checked=score.checked,
            applicable=score.applicable,
            na=score.not_applicable,
            unchecked=score.unchecked,
        ),
        t(
            "acceptance.foot.problems",
            open=sheet.open_problems,
            overdue=sheet.overdue_problems,
            as_of=date_text(report.as_of),
        ),
    ]
    if sheet.weights_note():
        notes.insert(0, sheet.weights_note())
    return Page(
        layout="acceptance.site",
        name=f"{site.id} {site.name}",
        title=t("report.table_title_site", site=f"{site.id} {site.name}"),
        sections=(
            header,
            items,
            footer,
            *(Text(None, note) for note in notes),
            Signatures("signatures", (t("acceptance.sign.inspector"), t("acceptance.sign.unit"))),
        ),
    )


def summary_sheet_name() -> str:
    """The name of the summary's sheet in a workbook (验收汇总)."""
    return t("acceptance.summary_sheet")


def field_text(label: str, value: str) -> str:
    """A header field as one line on paper: ``点位：M1 测试农贸市场``."""
    return t("report.field", label=label, value=value)
