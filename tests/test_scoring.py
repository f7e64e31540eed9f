"""Scoring: every mode, n/a, unchecked, veto, category weights and level thresholds."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Deduction, Graded, Item, PassFail, Thresholds
from qingyang_inspect.scoring import (
    display,
    earned_points,
    exact,
    item_result,
    outcome,
    rank,
    rank_sites,
    score_site,
    verdict,
)
from worked_example import (
    EXPECTED,
    RANKS,
    acceptance_findings,
    finding,
    minimal_catalog,
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return minimal_catalog()


def _item(points: float, scoring: PassFail | Deduction | Graded, veto: bool = False) -> Item:
    return Item(
        id="T-01",
        category="c",
        site_types=("t",),
        requirement="测试",
        points=points,
        scoring=scoring,
        veto=veto,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(20625, 1000), Decimal("20.63")),  # half up, where float rounding gives 20.62
        (Fraction(1, 3) * 100, Decimal("33.33")),
        (Fraction(2, 3) * 100, Decimal("66.67")),
        (Fraction(5, 1000), Decimal("0.01")),
        (Fraction(-5, 1000), Decimal("-0.01")),
        (Fraction(100), Decimal("100.00")),
    ],
)
def test_display_rounds_half_up(value: Fraction, expected: Decimal) -> None:
    assert display(value) == expected
    assert str(display(value)) == str(expected)


def test_exact_reads_the_decimal_form_of_floats() -> None:
    assert exact(0.66) == Fraction(33, 50)
    assert exact(0.1) * 3 == Fraction(3, 10)
    assert exact(4) == 4


@pytest.mark.parametrize(
    ("scoring", "occurrences", "expected"),
    [
        (PassFail(), 0, Fraction(10)),
        (PassFail(), 1, Fraction(0)),
        (PassFail(), 5, Fraction(0)),
        (Deduction(mode="deduction", per_occurrence=1.5), 0, Fraction(10)),
        (Deduction(mode="deduction", per_occurrence=1.5), 2, Fraction(7)),
        (Deduction(mode="deduction", per_occurrence=1.5), 6, Fraction(1)),
        (Deduction(mode="deduction", per_occurrence=1.5), 7, Fraction(0)),  # floored at 0
        (Graded(mode="graded"), 0, Fraction(10)),
        (Graded(mode="graded"), 1, Fraction(66, 10)),
        (Graded(mode="graded"), 2, Fraction(33, 10)),
        (Graded(mode="graded"), 3, Fraction(0)),
        (Graded(mode="graded"), 9, Fraction(0)),  # the last coefficient for every larger count
        (Graded(mode="graded", coefficients=(1.0, 0.5)), 4, Fraction(5)),
    ],
)
def test_earned_points_per_mode(
    scoring: PassFail | Deduction | Graded, occurrences: int, expected: Fraction
) -> None:
    assert earned_points(_item(10, scoring), occurrences) == expected


def test_item_result_precedence_and_summed_occurrences() -> None:
    item = _item(6, Deduction(mode="deduction", per_occurrence=1))
    fail_a = finding("S", "T-01", "fail", 2)
    fail_b = finding("S", "T-01", "fail", 1, on_spot=True)
    passed = finding("S", "T-01", "pass")
    voided = finding("S", "T-01", "fail", 5, voided=True)
    other = finding("S", "T-02", "fail", 1)

    score = item_result(item, [passed, fail_a, voided, fail_b, other])
    assert (score.result, score.occurrences, score.earned) == ("fail", 3, Fraction(3))
    assert score.finding_ids == (fail_a.id, fail_b.id)
    assert score.on_spot and score.deducted == 3

    assert item_result(item, [passed, voided]).result == "pass"
    assert item_result(item, [voided]).result == "unchecked"
    assert item_result(item, []).earned is None
    na = finding("S", "T-01", "na", note="无此设施")
    # Stores from before conflicts were refused may hold n/a beside a pass or a fail:
    # neither wins, the item does not count and names every finding involved.
    conflict = item_result(item, [fail_a, na])
    assert (conflict.result, conflict.earned) == ("conflict", None)
    assert conflict.finding_ids == (na.id, fail_a.id)
    assert item_result(item, [passed, na]).result == "conflict"
    assert item_result(item, [na]).notes == ("无此设施",)


def test_worked_example(catalog: Catalog) -> None:
    findings = acceptance_findings()
    scores = {sid: score_site(catalog, catalog.sites[sid], findings) for sid in EXPECTED}
    for sid, (possible, earned, rate, verdict_, incomplete, coverage) in EXPECTED.items():
        score = scores[sid]
        assert score.possible == possible, sid
        assert score.earned == earned, sid
        assert score.rate is not None and display(score.rate) == rate, sid
        assert outcome(score) == verdict_, sid
        assert score.incomplete is incomplete, sid
        assert score.coverage is not None and display(score.coverage * 100) == coverage, sid
    assert rank((sid, s.rate) for sid, s in scores.items()) == {"M1": 1, "A1": 2, "M2": 3}
    ranked = rank_sites((sid, outcome(s), s.rate, not s.incomplete) for sid, s in scores.items())
    assert ranked == {sid: r for sid, r in RANKS.items() if r is not None}

    m1 = scores["M1"]
    assert m1.weighted and m1.rate == Fraction(185, 2)
    assert m1.thresholds == Thresholds(met=95, basically_met=85)
    assert [i.result for i in m1.items] == ["pass", "pass", "fail", "pass"]
    env = next(i for i in m1.items if i.item.id == "CM-EN-01")
    assert (env.occurrences, env.earned, env.on_spot) == (2, 4, True)

    m2 = scores["M2"]
    assert m2.rate == Fraction(20625, 1000)
    assert (m2.checked, m2.not_applicable, m2.unchecked, m2.applicable) == (2, 1, 1, 3)
    assert [c.category for c in m2.categories] == ["environment"]

    a1 = scores["A1"]
    assert not a1.weighted and a1.vetoes == ("CM-SF-01",)
    assert a1.thresholds == Thresholds(met=90, basically_met=80)


def test_level_thresholds_change_the_verdict(catalog: Catalog) -> None:
    """The same findings give 基本达标 at city level (95/85) and 达标 at district level."""
    m1_as_m2 = [f for f in acceptance_findings() if f.site_id == "M1"]
    moved = [finding("M2", f.item_id, f.result, f.occurrences, on_spot=f.on_spot) for f in m1_as_m2]
    score = score_site(catalog, catalog.sites["M2"], moved)
    assert score.rate == Fraction(185, 2)
    assert score.verdict == "met"


def test_veto_fails_a_site_whatever_its_rate() -> None:
    thresholds = Thresholds(met=90, basically_met=80)
    assert verdict(Fraction(100), thresholds, vetoed=True) == "not_met"
    assert verdict(Fraction(90), thresholds, vetoed=False) == "met"
    assert verdict(Fraction(8999, 100), thresholds, vetoed=False) == "basically_met"
    assert verdict(Fraction(80), thresholds, vetoed=False) == "basically_met"
    assert verdict(Fraction(7999, 100), thresholds, vetoed=False) == "not_met"
    assert verdict(None, thresholds, vetoed=False) is None


def test_nothing_checked_has_no_rate(catalog: Catalog) -> None:
    score = score_site(catalog, catalog.sites["A1"], [])
    assert score.rate is None and score.verdict is None
    assert (score.possible, score.earned, score.coverage) == (0, 0, 0)
    assert score.incomplete


def test_all_not_applicable_has_no_coverage(catalog: Catalog) -> None:
    items = [i.id for i in catalog.items_for_site("A1")]
    score = score_site(catalog, catalog.sites["A1"], [finding("A1", i, "na") for i in items])
    assert score.coverage is None and score.rate is None and not score.incomplete


def test_unweighted_plain_rate_and_findings_of_other_sites_ignored(catalog: Catalog) -> None:
    findings = [
        finding("A1", "CM-AD-01", "pass"),
        finding("A1", "CM-EN-01", "fail", 3),
        finding("M1", "CM-AD-01", "fail", 1),
        finding("A1", "NM-03-01", "fail", 1),  # not on an alley's checklist
    ]
    score = score_site(catalog, catalog.sites["A1"], findings)
    assert (score.possible, score.earned) == (10, 7)
    assert score.rate == 70 and score.verdict == "not_met" and score.incomplete


def test_rank_shares_ties_and_skips_unrated() -> None:
    ranks = rank([("a", Fraction(90)), ("b", Fraction(95)), ("c", Fraction(90)), ("d", None)])
    assert ranks == {"b": 1, "a": 2, "c": 2}
    assert rank([("x", Fraction(1)), ("y", Fraction(1)), ("z", Fraction(0))])["z"] == 3


def test_weights_renormalise_and_unweighted_categories_fall_back(catalog: Catalog) -> None:
    from qingyang_inspect.scoring import ItemScore, summarise

    def scored(category: str, points: int, earned: int) -> ItemScore:
        item = Item(id=f"T-{category.upper()}", category=category, site_types=("t",),
                    requirement="测试", points=points)  # fmt: skip
        return ItemScore(item, "fail" if earned < points else "pass", 0, Fraction(points),
                         Fraction(earned))  # fmt: skip

    site = catalog.sites["M2"]
    thresholds = Thresholds(met=90, basically_met=80)
    weights = {"publicity": Fraction(40), "environment": Fraction(60)}
    both = summarise(site, (scored("publicity", 10, 5), scored("environment", 10, 10)), weights,
                     thresholds)  # fmt: skip
    assert both.rate == Fraction(80)  # 40 × 0.5 + 60 × 1
    # a checked category without a weight counts with weight 0 in the rate …
    extra = summarise(site, (scored("publicity", 10, 5), scored("safety", 10, 0)), weights,
                      thresholds)  # fmt: skip
    assert extra.rate == Fraction(50) and extra.possible == 20
    # … and when only such categories were checked, the plain rate applies
    only = summarise(site, (scored("safety", 10, 7),), weights, thresholds)
    assert only.rate == Fraction(70)
