"""The acceptance report (验收报告): a score sheet per site and a summary, built lazily.

Per site, the builder reads that site's findings once (all rounds: the round
being accepted is scored, every round's open problems are counted), scores it
with :mod:`qingyang_inspect.scoring` and yields a :class:`SiteSheet`. A
:class:`SummaryBuilder` keeps one small :class:`SummaryRow` per site and
produces the ranking, the subtotals by street and site type and the failures
by category at the end, so writers can stream the per-site sheets first and
the summary last. Nothing here touches openpyxl.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site
from qingyang_inspect.findings.model import Finding, Round
from qingyang_inspect.i18n import t
from qingyang_inspect.reports.rectification import effective_status, is_problem
from qingyang_inspect.reports.source import FindingSource
from qingyang_inspect.scoring import ItemScore, SiteScore, display, rank, score_site
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

#: Columns of the per-site score sheet (message keys ``acceptance.col.<key>``).
SITE_COLUMNS: tuple[str, ...] = (
    "seq",
    "item_id",
    "category_name",
    "requirement",
    "method",
    "points",
    "result",
    "occurrences",
    "deducted",
    "score",
    "findings",
    "remarks",
)

#: Columns of the summary sheet (message keys ``acceptance.col.<key>``).
SUMMARY_COLUMNS: tuple[str, ...] = (
    "site_id",
    "site_name",
    "site_type",
    "level",
    "street",
    "unit",
    "possible",
    "earned",
    "rate",
    "verdict",
    "coverage",
    "open",
    "overdue",
    "rank",
)

#: Columns of the subtotal tables (by street, by site type).
GROUP_COLUMNS: tuple[str, ...] = (
    "sites",
    "possible",
    "earned",
    "mean_rate",
    "n_met",
    "n_basically",
    "n_not_met",
    "n_incomplete",
)


def headers(columns: Iterable[str]) -> list[str]:
    """Column headers in the current language."""
    return [t(f"acceptance.col.{key}") for key in columns]


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
        """Cell values in :data:`SITE_COLUMNS` order."""
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
            "verdict": score.verdict,
            "verdict_label": self.verdict,
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
    for finding in findings:
        if finding.site_id != site.id or finding.voided:
            continue
        if finding.round_name == round_.name:
            in_round.append(finding)
            inspectors.setdefault(finding.inspector, None)
        if is_problem(finding) and effective_status(finding) != "closed":
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
    verdict_code: str | None
    incomplete: bool
    exact_rate: Fraction | None = field(default=None, compare=False, repr=False)

    def values(self) -> list[Any]:
        """Cell values in :data:`SUMMARY_COLUMNS` order (rate and coverage in percent)."""
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
        """Cell values: name, then :data:`GROUP_COLUMNS` order."""
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
    verdicts: dict[str, int] = field(default_factory=dict)
    incomplete: int = 0

    def add(self, sheet: SiteSheet) -> None:
        score = sheet.score
        self.sites += 1
        self.possible += score.possible
        self.earned += score.earned
        if score.rate is not None:
            self.rates.append(score.rate)
        if score.verdict is not None:
            self.verdicts[score.verdict] = self.verdicts.get(score.verdict, 0) + 1
        self.incomplete += score.incomplete

    def row(self, name: str) -> GroupRow:
        mean = sum(self.rates, Fraction(0)) / len(self.rates) if self.rates else None
        return GroupRow(
            name=name,
            sites=self.sites,
            possible=display(self.possible),
            earned=display(self.earned),
            mean_rate=_num(mean),
            met=self.verdicts.get("met", 0),
            basically_met=self.verdicts.get("basically_met", 0),
            not_met=self.verdicts.get("not_met", 0),
            incomplete=self.incomplete,
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
                verdict_code=score.verdict,
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

        ranks = rank((r.site_id, r.exact_rate) for r in self._rows)
        rows = tuple(replace(r, rank=ranks.get(r.site_id)) for r in self._rows)
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

    def sheets(self) -> Iterator[SiteSheet]:
        """The score sheet of every site, in catalog order; reads one site at a time."""
        labels = ItemLabels(self.catalog)
        for site_id in self.site_ids:
            site = self.catalog.sites[site_id]
            yield site_sheet(
                self.catalog,
                self.round,
                site,
                self.source(site_id=site_id),
                as_of=self.as_of,
                labels=labels,
            )

    def standard_label(self) -> str:
        """测评标准: title (id, version) as pinned by the round."""
        return t(
            "acceptance.standard",
            title=self.catalog.standard.title,
            id=self.round.standard_id,
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
) -> Acceptance:
    """Plan the report: the chosen sites (all, in catalog order, when none are named).

    Unknown site ids raise :class:`~qingyang_inspect.errors.CatalogError` with suggestions.
    """
    chosen = list(dict.fromkeys(site_ids))
    for site_id in chosen:
        catalog.site(site_id)
    ids = tuple(s for s in catalog.sites if s in chosen) if chosen else tuple(catalog.sites)
    return Acceptance(
        catalog=catalog, source=source, round=round_, district=district, as_of=as_of, site_ids=ids
    )
