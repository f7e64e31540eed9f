"""Ledger and acceptance views: pure builders over findings, labels not codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import CatalogError, ReportError
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.i18n import set_language
from qingyang_inspect.views.acceptance import build_acceptance
from qingyang_inspect.views.base import Styled
from qingyang_inspect.views.ledger import (
    LedgerFilter,
    LedgerRow,
    LedgerTally,
    build_ledger,
    ledger_columns,
)
from qingyang_inspect.views.source import ListSource
from qingyang_inspect.views.summary import SummaryBuilder
from worked_example import (
    AS_OF,
    EXPECTED,
    LEDGER_HEADERS_ZH,
    RANKS,
    ROUND,
    SUPERVISION,
    acceptance_findings,
    finding,
    rounds,
)


def ledger_headers() -> list[str]:
    return [c.label for c in ledger_columns()]


def test_ledger_headers_in_the_fixed_order() -> None:
    assert ledger_headers() == LEDGER_HEADERS_ZH
    assert len(ledger_columns()) == 24


def test_ledger_rows_hold_problems_only_with_labels(catalog: Catalog, source: ListSource) -> None:
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=LedgerFilter())
    rows = list(ledger.rows())
    # 3 supervision problems + 6 acceptance ones; the voided one and passes are left out.
    # Unit by unit in catalog order, each unit's in recording order; numbered across the
    # ledger and within each unit.
    assert [r.seq for r in rows] == list(range(1, 10))
    assert [r.unit_seq for r in rows] == [1, 2, 3] * 3
    assert [r.site_id for r in rows] == ["M1"] * 3 + ["M2"] * 3 + ["A1"] * 3
    assert all(r.item_id for r in rows)
    assert [r.number for r in rows] == [r.finding_id for r in rows]  # numbers are the ids today
    first = rows[0]
    assert (first.round_name, first.site_name, first.site_type) == (
        SUPERVISION,
        "测试农贸市场",
        "农贸市场",
    )
    assert first.status_label == "已销号" and not first.overdue
    assert first.rectification == "已清运并增加清运频次（测试市场管理公司，2026-06-03）"
    assert first.recheck == "通过" and first.closed_date == dt.date(2026, 6, 4)
    assert first.rectification_days == 3 and len(first.photos_before) == 1
    assert first.values()[17:19] == ("已销号", "否")
    # the printable ledger: the unit's own numbering on its sheet, month-day dates
    printed = first.print_values()
    assert printed[:3] == (1, first.finding_id, "测试农贸市场")
    assert printed[8] == "3 个工作日\n2026-06-05"
    assert printed[9] == "已清运并增加清运频次\n06-03整改\n06-04销号"
    assert printed[10:] == ("已销号", "2026督导第1轮\n06-02发现")
    assert rows[4].unit_print_values()[0] == 2 and rows[4].print_values()[0] == 5
    rectified = rows[3]
    assert rectified.status_label == "已整改待复查" and rectified.overdue  # due 06-05 < 08-10
    assert rectified.overdue_days == 66
    rejected = rows[6]
    assert rejected.recheck == "退回：仍有杂物" and rejected.status_label == "待整改"
    assert rejected.print_values()[9] == "退回：仍有杂物"
    on_spot = next(r for r in rows if r.on_spot)
    assert on_spot.remarks == "立行立改" and on_spot.status == "closed" and not on_spot.overdue


def test_ledger_filters(catalog: Catalog, source: ListSource) -> None:
    def rows(**kw: object) -> list[str]:
        flt = LedgerFilter(**kw)  # type: ignore[arg-type]
        ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=flt)
        return [f"{r.site_id}/{r.item_id}" for r in ledger.rows()]

    assert rows(round_name=SUPERVISION) == ["M1/CM-EN-01", "M2/CM-AD-01", "A1/CM-SF-01"]
    assert rows(round_name=ROUND)[:2] == ["M1/CM-EN-01", "M1/CM-EN-01"]
    assert rows(units=frozenset({"草堂街道办事处"})) == [
        "A1/CM-SF-01",
        "A1/CM-EN-01",
        "A1/CM-SF-01",
    ]
    assert rows(streets=frozenset({"府南街道"})) == ["M2/CM-AD-01", "M2/CM-EN-01", "M2/NM-03-01"]
    assert rows(statuses=frozenset({"closed"})) == ["M1/CM-EN-01", "M1/CM-EN-01"]
    assert rows(statuses=frozenset({"open"}))[-2:] == ["A1/CM-EN-01", "A1/CM-SF-01"]
    assert rows(statuses=frozenset({"rectified"}), round_name=ROUND) == []


def test_unit_sheets_in_catalog_order_with_their_own_numbering(
    catalog: Catalog, source: ListSource
) -> None:
    ledger = build_ledger(catalog, source, district="测试区", as_of=AS_OF, flt=LedgerFilter())
    units = {
        unit: [(r.unit_seq, r.site_id, r.found_date) for r in rows] for unit, rows in ledger.units()
    }
    assert list(units) == ["测试市场管理公司", "第二市场管理公司", "草堂街道办事处"]
    assert [seq for seq, *_ in units["第二市场管理公司"]] == [1, 2, 3]
    dates = [d for *_, d in units["第二市场管理公司"]]
    assert dates == sorted(dates)


def test_unknown_unit_or_street_is_refused_with_a_suggestion(
    catalog: Catalog, source: ListSource
) -> None:
    with pytest.raises(ReportError, match="草堂街道办事处"):
        build_ledger(
            catalog,
            source,
            district="x",
            as_of=AS_OF,
            flt=LedgerFilter(units=frozenset({"草堂街道办"})),
        )
    with pytest.raises(ReportError, match="府南街道"):
        build_ledger(
            catalog,
            source,
            district="x",
            as_of=AS_OF,
            flt=LedgerFilter(streets=frozenset({"府南"})),
        )


def _rows(catalog: Catalog, findings: list[Finding], as_of: dt.date) -> list[LedgerRow]:
    ledger = build_ledger(
        catalog, ListSource(findings), district="x", as_of=as_of, flt=LedgerFilter()
    )
    return list(ledger.rows())


def test_overdue_follows_the_as_of_date(catalog: Catalog) -> None:
    problem = finding("A1", "CM-EN-01", "fail", 1, due_date=dt.date(2026, 8, 4))
    [before] = _rows(catalog, [problem], dt.date(2026, 8, 4))
    [after] = _rows(catalog, [problem], dt.date(2026, 8, 8))
    assert (before.overdue, after.overdue, after.overdue_days) == (False, True, 4)
    assert after.print_values()[10] == Styled("待整改\n逾期4天", "overdue")


def test_closed_late_shows_the_days_and_counts_against_the_on_time_rate(catalog: Catalog) -> None:
    due = dt.date(2026, 8, 6)
    late = finding(
        "A1", "CM-EN-01", "fail", 1, due_date=due, status="closed",
        closed_at=dt.datetime(2026, 8, 9, 16, 0),
    )  # fmt: skip
    on_time = finding(
        "A1", "CM-SF-01", "fail", 1, due_date=due, status="closed",
        closed_at=dt.datetime(2026, 8, 6, 18, 0),
    )  # fmt: skip
    overdue = finding("M1", "CM-EN-01", "fail", 1, due_date=due)
    not_due = finding("M2", "CM-EN-01", "fail", 1, due_date=dt.date(2026, 8, 20))
    ledger = build_ledger(
        catalog,
        ListSource([late, on_time, overdue, not_due]),
        district="x",
        as_of=AS_OF,
        flt=LedgerFilter(),
    )
    rows = {r.finding_id: r for r in ledger.rows()}
    assert (rows[late.id].status_label, rows[late.id].days_late) == ("逾期销号（3天）", 3)
    assert rows[late.id].to_json()["status"] == "closed" and not rows[late.id].overdue
    assert rows[late.id].to_json()["days_late"] == 3
    assert (rows[on_time.id].status_label, rows[on_time.id].days_late) == ("已销号", None)
    # counted: what is closed, or open past its due date; the problem not yet due is not
    tally = LedgerTally(AS_OF)
    for row in ledger.rows():
        tally.add(row)
    assert (tally.on_time, tally.counted) == (1, 3)
    assert tally.lines()[-1] == "按期销号率：33.33%（已销号或已逾期的 3 个问题中，按期销号 1 个）。"
    by_unit = LedgerTally(AS_OF)
    for row in ledger.rows():
        if row.unit == "草堂街道办事处":
            by_unit.add(row)
    assert (by_unit.on_time, by_unit.counted) == (1, 2)
    set_language("en")
    assert tally.lines()[-1] == "Closed on time: 33.33% (1 of the 3 problems closed or overdue)."
    english = {r.finding_id: r for r in ledger.rows()}
    assert english[late.id].status_label == "closed 3 day(s) late"


def test_findings_outside_the_catalog_are_marked_not_dropped(catalog: Catalog) -> None:
    known = finding("A1", "CM-EN-01", "fail", 1)
    [row, orphan] = _rows(catalog, [finding("ZZ", "XX-01", "fail", 1), known], AS_OF)
    assert row.site_id == "A1" and row.seq == 1
    assert orphan.site_name == "（目录中无此点位）" and orphan.requirement == "（目录中无此条目）"
    assert orphan.seq == 2 and orphan.unit == ""


def test_english_labels(catalog: Catalog, source: ListSource) -> None:
    set_language("en")
    ledger = build_ledger(catalog, source, district="Test", as_of=AS_OF, flt=LedgerFilter())
    row = next(ledger.rows())
    assert ledger_headers()[:3] == ["No.", "Problem no.", "Round"]
    assert (row.site_type, row.status_label, row.values()[18]) == (
        "Farmers' market",
        "closed",
        "no",
    )
    assert (
        row.requirement == "环境干净整洁，无积存垃圾"
    )  # no English gloss in the YAML: Chinese kept


def test_acceptance_summary_matches_the_worked_example(
    catalog: Catalog, source: ListSource
) -> None:
    report = build_acceptance(catalog, source, rounds()[ROUND], district="测试区", as_of=AS_OF)
    builder = SummaryBuilder(catalog)
    sheets = {}
    for sheet in report.sheets():
        builder.add(sheet)
        sheets[sheet.site.id] = sheet
    summary = builder.build()
    by_site = {r.site_id: r for r in summary.rows}
    for site_id, (possible, earned, rate, verdict, incomplete, coverage) in EXPECTED.items():
        row = by_site[site_id]
        assert (row.possible, row.earned, row.rate) == (possible, earned, rate)
        assert (row.verdict_code, row.incomplete, row.coverage) == (verdict, incomplete, coverage)
        assert row.rank == RANKS[site_id]
    # rows by rank; the unranked (未完成) site last
    assert [r.site_id for r in summary.rows] == ["M1", "A1", "M2"]
    assert [r.verdict for r in summary.rows] == ["基本达标", "不达标（一票否决）", "未完成"]
    assert [r.level for r in summary.rows] == ["市级", "区级", "区级"]
    # open problems over every round: M1 1 (acceptance), A1 3, M2 3
    assert [(r.open_problems, r.overdue_problems) for r in summary.rows] == [(1, 1), (3, 3), (3, 3)]

    # subtotals count each site once, under one outcome: they add up to the sites
    streets = {g.name: g for g in summary.by_street}
    caotang, funan = streets["草堂街道"], streets["府南街道"]
    assert (caotang.sites, caotang.mean_rate) == (2, Decimal("76.25"))  # (92.50 + 60.00) / 2
    assert (caotang.met, caotang.basically_met, caotang.not_met, caotang.incomplete) == (0, 1, 1, 0)
    assert (funan.sites, funan.mean_rate, funan.incomplete, funan.not_met) == (1, None, 1, 0)
    for group in (*summary.by_street, *summary.by_type, summary.total):
        outcomes = group.met + group.basically_met + group.not_met + group.incomplete
        assert outcomes == group.sites, group.name
    assert [g.name for g in summary.by_type] == ["农贸市场", "背街小巷"]
    assert (summary.total.possible, summary.total.earned) == (Decimal("53.00"), Decimal("32.30"))
    assert summary.total.mean_rate == Decimal("76.25")  # M2 is incomplete: not in the mean
    cats = {c.name: (c.failed_items, c.occurrences) for c in summary.by_category}
    assert cats == {"公益宣传": (0, 0), "环境卫生": (4, 12), "安全消防": (1, 1)}

    m1 = sheets["M1"]
    assert m1.inspectors == ("张检查",) and m1.days_text() == "2026年8月3日"
    assert m1.weights_note() == "得分率按类别权重计算：公益宣传 40%；环境卫生 60%"
    line = next(r for r in m1.rows if r.item_id == "CM-EN-01")
    assert line.values()[:10] == [
        3, "CM-EN-01", "环境卫生", "环境干净整洁，无积存垃圾", "看现场",
        Decimal("6.00"), "不符合", 2, Decimal("2.00"), Decimal("4.00"),
    ]  # fmt: skip
    assert line.remarks == "立行立改；入口处积存垃圾；水产区地面垃圾"
    m2_na = next(r for r in sheets["M2"].rows if r.item_id == "NM-04-01")
    assert (m2_na.result, m2_na.score, m2_na.remarks) == ("不适用", None, "市场装修，暂无经营户")
    assert sheets["A1"].inspectors == ("李复核", "张检查")
    assert next(r for r in sheets["A1"].rows if r.item_id == "CM-SF-01").remarks.startswith(
        "一票否决"
    )


def test_acceptance_sites_are_chosen_in_catalog_order(catalog: Catalog, source: ListSource) -> None:
    report = build_acceptance(
        catalog, source, rounds()[ROUND], district="x", as_of=AS_OF, site_ids=["A1", "M1", "A1"]
    )
    assert report.site_ids == ("M1", "A1")
    with pytest.raises(CatalogError, match="M1"):
        build_acceptance(
            catalog, source, rounds()[ROUND], district="x", as_of=AS_OF, site_ids=["m1"]
        )


def test_by_default_the_sites_the_round_inspected(catalog: Catalog, source: ListSource) -> None:
    only_m1 = ListSource([f for f in acceptance_findings() if f.site_id == "M1"])
    round_ = rounds()[ROUND]

    def sites(src: ListSource, **kw: Any) -> list[str]:
        report = build_acceptance(catalog, src, round_, district="x", as_of=AS_OF, **kw)
        return [sheet.site.id for sheet in report.sheets()]

    assert sites(only_m1) == ["M1"]
    assert sites(only_m1, all_sites=True) == ["M1", "M2", "A1"]
    assert sites(only_m1, site_ids=["A1"]) == ["A1"]  # named: listed though not inspected
    assert sites(source, streets=["草堂街道"]) == ["M1", "A1"]
    assert sites(source, units=["第二市场管理公司"]) == ["M2"]
    assert sites(source, levels=["city"]) == ["M1"]
    with pytest.raises(ReportError, match="草堂街道"):
        sites(source, streets=["草堂"])


def test_acceptance_dates_are_the_days_findings_were_recorded(catalog: Catalog) -> None:
    def days(*dates: int) -> str:
        findings = [finding("M1", "CM-AD-01", "pass", day=d) for d in dates]
        report = build_acceptance(
            catalog, ListSource(findings), rounds()[ROUND], district="x", as_of=AS_OF
        )
        return next(report.sheets()).days_text()

    # Written as documents write dates (the form's header is read and signed).
    assert days(3) == "2026年8月3日"
    assert days(5, 3, 3) == "2026年8月3日、2026年8月5日"
    assert days(3, 4, 5, 8) == "2026年8月3日至2026年8月8日"


def test_ranking_by_verdict_then_rate_with_ties() -> None:
    from fractions import Fraction

    from qingyang_inspect.scoring import rank_sites

    ranks = rank_sites(
        [
            ("low-met", "met", Fraction(91), True),
            ("high-basic", "basically_met", Fraction(89), True),
            ("veto", "not_met", Fraction(99), True),
            ("met-a", "met", Fraction(95), True),
            ("met-b", "met", Fraction(95), True),
            ("unfinished", "incomplete", Fraction(100), False),
            ("veto-unfinished", "not_met", Fraction(70), False),
        ]
    )
    assert ranks == {"met-a": 1, "met-b": 1, "low-met": 3, "high-basic": 4, "veto": 5}


def test_a_site_without_findings_has_no_verdict(catalog: Catalog) -> None:
    report = build_acceptance(
        catalog, ListSource([]), rounds()[ROUND], district="x", as_of=AS_OF, all_sites=True
    )
    builder = SummaryBuilder(catalog)
    for sheet in report.sheets():
        builder.add(sheet)
    summary = builder.build()
    assert {r.verdict for r in summary.rows} == {"未完成"}
    assert all(r.rank is None and r.rate is None for r in summary.rows)
    assert summary.total.mean_rate is None


def test_a_list_source_reads_failed_findings_only_when_asked(source: ListSource) -> None:
    every = list(source())
    failed = list(source(failed_only=True))
    assert failed == [f for f in every if f.result == "fail"]
    assert 0 < len(failed) < len(every)
    assert list(source(round_name=ROUND, failed_only=True)) == [
        f for f in failed if f.round_name == ROUND
    ]
