"""A site's score sheet (验收评分表): its item lines, header, totals and signatures.

:func:`site_sheet` scores one site of the round from that site's findings of
every round (the round's own are scored, every round's open problems are
counted) and returns a :class:`SiteSheet`; :func:`site_page` lays it out as a
page of the acceptance report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site
from qingyang_inspect.findings.model import Finding, Round
from qingyang_inspect.i18n import t
from qingyang_inspect.scoring import ItemScore, Outcome, SiteScore, display, outcome, score_site
from qingyang_inspect.views.base import Column, Field, Fields, Page, Signatures, Styled, Table, Text
from qingyang_inspect.views.labels import (
    category_label,
    date_text,
    method_label,
    requirement_label,
    result_label,
    site_type_level,
    verdict_label,
    written_date,
)
from qingyang_inspect.views.problems import is_problem, json_number, problem_number

if TYPE_CHECKING:
    from qingyang_inspect.views.acceptance import Acceptance


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
        # 9: the 得分率 under it prints whole at 100.00 % (7 printed "###" there).
        c("score", t("acceptance.col.score"), "number", width=9),
        c("findings", t("acceptance.col.findings"), "id", priority=2, width=28),
        c("remarks", t("acceptance.col.remarks"), priority=3, width=24),
    )


RESULT_STYLES: dict[str, str] = {
    "pass": "result.pass",
    "fail": "result.fail",
    "na": "result.na",
    "unchecked": "result.unchecked",
    # Results that contradict each other (stores from before they were refused): marked
    # as a failure is, since someone must correct them before the sheet can be signed.
    "conflict": "result.fail",
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


def shown(value: Fraction | None) -> Decimal | None:
    """An exact score as shown: rounded half up to 2 decimals (``None`` stays ``None``)."""
    return None if value is None else display(value)


class ItemRow(NamedTuple):
    """One line of a 验收评分表 (a tuple: a report makes one per item and site)."""

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
    #: The failures' problem numbers (:func:`~qingyang_inspect.views.problems.problem_number`).
    numbers: tuple[str, ...]
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
            "\n".join(self.numbers),
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
            "deducted": json_number(self.deducted),
            "score": json_number(self.score),
            "finding_ids": list(self.finding_ids),
            "problem_numbers": list(self.numbers),
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
    # The failures' numbers, or every finding of a conflict (the ones to correct).
    fails = score.findings if failed or score.result == "conflict" else ()
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
        deducted=shown(score.deducted),
        score=shown(score.earned),
        finding_ids=tuple(f.id for f in fails),
        numbers=tuple(problem_number(f) for f in fails),
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
        days = [written_date(d) for d in self.days]
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
        return shown(self.score.rate)

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
            "rate": json_number(self.rate),
            "weighted": score.weighted,
            "verdict": self.outcome,
            "verdict_label": self.verdict,
            "dates": [date_text(d) for d in self.days],
            "vetoes": list(score.vetoes),
            "incomplete": score.incomplete,
            "coverage": json_number(self.coverage),
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
            head("type", t("acceptance.head.type"), site_type_level(catalog, site)),
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
            as_of=written_date(report.as_of),
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


def field_text(label: str, value: str) -> str:
    """A header field as one line on paper: ``点位：M1 测试农贸市场``."""
    return t("report.field", label=label, value=value)
