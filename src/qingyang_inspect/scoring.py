"""Scoring a site in a round: item results, earned points, score rate and verdict.

Pure functions of ``(catalog, findings of one round at one site)``: no clock, no
I/O. Arithmetic is exact (:class:`fractions.Fraction`, with every ``float``
from the YAML read through its shortest decimal form, so ``0.66`` is exactly
``33/50``); rounding happens only for display, half up to 2 decimals
(:func:`display`).

The formulas
------------

**Item result** (per item of the site's checklist, over the round's findings
at the site that are not voided):

* ``conflict`` (结果冲突) if a finding marked it not applicable and another
  passed or failed it (stores written before such records were refused may
  hold them): the item does not count and the site is incomplete, instead of
  a guess between them;
* else ``na`` (不适用) if a finding marked the item not applicable;
* else ``fail`` (不符合) if any fail finding exists; its occurrences (例数) are
  the *sum* over those findings; on-spot fixes (立行立改) still count;
* else ``pass`` (符合) if a pass was recorded;
* else ``unchecked`` (未检查).

**Earned points** of a checked item with standard points ``P`` and ``n``
occurrences (a pass has ``n = 0``):

* ``pass_fail``: ``P`` on pass, ``0`` on fail;
* ``deduction``: ``max(0, P − k × n)`` with ``k`` = points per occurrence (扣完为止);
* ``graded``: ``P × c[min(n, len(c) − 1)]`` with coefficients ``c``
  (default A/B/C/C# = 1 / 0.66 / 0.33 / 0 at 0 / 1 / 2 / 3+ occurrences).

**Score rate** (得分率, percent) over the *checked* items (pass or fail):

* plain: ``100 × Σ earned ÷ Σ points``;
* when the site type sets category weights ``w``:
  ``100 × Σ_c w_c × (earned_c ÷ points_c) ÷ Σ_c w_c`` over the categories
  that have checked items, so the weights are renormalised over those
  categories (a category without a weight counts with weight 0; if only such
  categories were checked, the plain rate applies).

Not-applicable and unchecked items leave both sums. 应得分 / 实得分 are always
the plain sums ``Σ points`` / ``Σ earned`` over checked items.

**Verdict**: a failed veto item (一票否决) → ``not_met`` (不达标) whatever the
rate; otherwise the thresholds for the site's level, compared with the exact
rate: ``rate ≥ met`` → ``met`` (达标), ``rate ≥ basically_met`` →
``basically_met`` (基本达标), else ``not_met``. A site with no checked item has
no rate and no verdict.

**Coverage** (覆盖率) = checked ÷ applicable items, where applicable = checklist
items not marked n/a. A site with unchecked items is *incomplete* (未完成): its
verdict is shown with that mark.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Deduction, Graded, Item, PassFail, Site, Thresholds
from qingyang_inspect.findings.model import Finding

ItemResult = Literal["pass", "fail", "na", "unchecked", "conflict"]
Verdict = Literal["met", "basically_met", "not_met"]

ITEM_RESULTS: tuple[ItemResult, ...] = ("pass", "fail", "na", "unchecked", "conflict")
VERDICTS: tuple[Verdict, ...] = ("met", "basically_met", "not_met")

HUNDRED = Fraction(100)


@functools.lru_cache(maxsize=4096)  # points and coefficients: a few values, every site
def exact(value: float | int) -> Fraction:
    """``value`` as the exact fraction of its shortest decimal form (``0.66`` → ``33/50``)."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(repr(value)))


def display(value: Fraction, places: int = 2) -> Decimal:
    """``value`` rounded half up (away from zero) to ``places`` decimals, for display."""
    # floor(|n| × 10^p / d + 1/2) in integers: a report rounds every score it shows.
    numerator, denominator = value.numerator, value.denominator
    magnitude = (2 * abs(numerator) * 10**places + denominator) // (2 * denominator)
    return Decimal(magnitude if numerator >= 0 else -magnitude).scaleb(-places)


@dataclass(frozen=True)
class ItemScore:
    """The outcome of one checklist item at a site in a round."""

    item: Item
    result: ItemResult
    #: 例数: summed over the fail findings (0 unless failed).
    occurrences: int
    #: 标准分.
    points: Fraction
    #: 得分; ``None`` when the item is not counted (n/a or unchecked).
    earned: Fraction | None
    #: The findings that decided the result (the fail findings, else the n/a or
    #: pass ones; all of them in a conflict), in recording order.
    findings: tuple[Finding, ...] = ()

    @property
    def finding_ids(self) -> tuple[str, ...]:
        """Ids of :attr:`findings`."""
        return tuple(f.id for f in self.findings)

    @property
    def notes(self) -> tuple[str, ...]:
        """Notes of :attr:`findings` (the n/a reason, the problem description)."""
        return tuple(f.note for f in self.findings if f.note)

    @property
    def on_spot(self) -> bool:
        """Some of the fail findings were fixed on the spot (立行立改)."""
        return any(f.on_spot for f in self.findings)

    @property
    def checked(self) -> bool:
        """Pass or fail: the item counts in the score."""
        return self.result in ("pass", "fail")

    @property
    def deducted(self) -> Fraction | None:
        """扣分 = points − earned for a checked item."""
        return None if self.earned is None else self.points - self.earned

    @property
    def veto_failed(self) -> bool:
        """A veto item (一票否决) that failed."""
        return self.item.veto and self.result == "fail"


@dataclass(frozen=True)
class CategoryScore:
    """Sums of one category's checked items at a site."""

    category: str
    points: Fraction
    earned: Fraction
    checked: int
    failed: int
    #: Category weight in percent, when the site type sets weights.
    weight: Fraction | None


@dataclass(frozen=True)
class SiteScore:
    """A site's score in a round: items, sums, rate, verdict and coverage."""

    site: Site
    items: tuple[ItemScore, ...]
    categories: tuple[CategoryScore, ...]
    #: 应得分: Σ points over checked items.
    possible: Fraction
    #: 实得分: Σ earned over checked items.
    earned: Fraction
    #: 得分率 in percent (exact); ``None`` when nothing was checked.
    rate: Fraction | None
    #: The rate is category-weighted.
    weighted: bool
    thresholds: Thresholds
    #: ``None`` when nothing was checked.
    verdict: Verdict | None
    #: Ids of failed veto items.
    vetoes: tuple[str, ...]
    applicable: int
    checked: int
    not_applicable: int
    unchecked: int
    failed: int

    @property
    def coverage(self) -> Fraction | None:
        """覆盖率 = checked ÷ applicable (as a fraction, 0–1); ``None`` if nothing applies."""
        return Fraction(self.checked, self.applicable) if self.applicable else None

    @property
    def incomplete(self) -> bool:
        """未完成: some applicable item was not checked."""
        return self.unchecked > 0


def item_result(item: Item, findings: Iterable[Finding]) -> ItemScore:
    """Score ``item`` from the findings recorded for it (one site, one round).

    Voided findings and findings of other items are ignored.
    """
    nas: list[Finding] = []
    fails: list[Finding] = []
    passes: list[Finding] = []
    for finding in findings:
        if finding.voided or finding.item_id != item.id:
            continue
        result = finding.result
        if result == "pass":
            passes.append(finding)
        elif result == "fail":
            fails.append(finding)
        elif result == "na":
            nas.append(finding)
        else:
            raise KeyError(result)  # the store's CHECK allows no other result
    points = exact(item.points)
    if nas and (fails or passes):
        return _item(item, "conflict", 0, points, None, [*nas, *fails, *passes])
    if nas:
        return _item(item, "na", 0, points, None, nas)
    if fails:
        occurrences = sum(f.occurrences for f in fails)
        return _item(item, "fail", occurrences, points, earned_points(item, occurrences), fails)
    if passes:
        return _item(item, "pass", 0, points, points, passes)
    return ItemScore(item=item, result="unchecked", occurrences=0, points=points, earned=None)


def _item(
    item: Item,
    result: ItemResult,
    occurrences: int,
    points: Fraction,
    earned: Fraction | None,
    findings: list[Finding],
) -> ItemScore:
    return ItemScore(
        item=item,
        result=result,
        occurrences=occurrences,
        points=points,
        earned=earned,
        findings=tuple(findings),
    )


def earned_points(item: Item, occurrences: int) -> Fraction:
    """Points earned by ``item`` with ``occurrences`` problems (0 = a pass).

    ``pass_fail``: all or nothing; ``deduction``: ``max(0, P − k × n)``;
    ``graded``: ``P × c[min(n, len(c) − 1)]``.
    """
    points = exact(item.points)
    scoring = item.scoring
    if isinstance(scoring, PassFail):
        return points if occurrences == 0 else Fraction(0)
    if isinstance(scoring, Deduction):
        return max(Fraction(0), points - exact(scoring.per_occurrence) * occurrences)
    if isinstance(scoring, Graded):
        coefficients = scoring.coefficients
        return points * exact(coefficients[min(occurrences, len(coefficients) - 1)])
    raise AssertionError(f"unknown scoring mode {scoring!r}")  # pragma: no cover


def score_site(catalog: Catalog, site: Site, findings: Iterable[Finding]) -> SiteScore:
    """Score ``site`` from ``findings`` (those of one round; others' sites are ignored).

    Items come in checklist order (category order, then file order). Findings
    for items outside the site's checklist do not count.
    """
    by_item: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.site_id == site.id and not finding.voided:
            by_item.setdefault(finding.item_id, []).append(finding)
    items = tuple(
        item_result(item, by_item.get(item.id, ()))
        for item in catalog.items_for_site_type(site.site_type)
    )
    site_type = catalog.site_types.get(site.site_type)
    weights = {k: exact(v) for k, v in site_type.category_weights.items()} if site_type else {}
    return summarise(site, items, weights, catalog.standard.verdicts.for_level(site.level))


def summarise(
    site: Site,
    items: tuple[ItemScore, ...],
    weights: Mapping[str, Fraction],
    thresholds: Thresholds,
) -> SiteScore:
    """Sums, rate, verdict and coverage of a site from its item scores."""
    # Per category: points and earned as {denominator: sum of numerators}, added
    # up as fractions once at the end (a few denominators; one Fraction addition
    # per item would cost more than the rest of the scoring).
    sums: dict[str, tuple[dict[int, int], dict[int, int], list[int]]] = {}
    for score in items:
        earned = score.earned
        if earned is None or not score.checked:
            continue
        acc = sums.get(score.item.category)
        if acc is None:
            acc = sums[score.item.category] = ({}, {}, [0, 0])
        points_acc, earned_acc, cnt = acc
        points = score.points
        den = points.denominator
        points_acc[den] = points_acc.get(den, 0) + points.numerator
        den = earned.denominator
        earned_acc[den] = earned_acc.get(den, 0) + earned.numerator
        cnt[0] += 1
        cnt[1] += score.result == "fail"
    categories = tuple(
        CategoryScore(
            category=key,
            points=_sum_parts(points_acc),
            earned=_sum_parts(earned_acc),
            checked=cnt[0],
            failed=cnt[1],
            weight=weights.get(key, Fraction(0)) if weights else None,
        )
        for key, (points_acc, earned_acc, cnt) in sums.items()
    )
    possible = sum((c.points for c in categories), Fraction(0))
    earned = sum((c.earned for c in categories), Fraction(0))
    rate = _rate(categories, possible, earned, weighted=bool(weights))
    vetoes = tuple(s.item.id for s in items if s.veto_failed)
    n_na = sum(s.result == "na" for s in items)
    n_checked = sum(s.checked for s in items)
    return SiteScore(
        site=site,
        items=items,
        categories=categories,
        possible=possible,
        earned=earned,
        rate=rate,
        weighted=bool(weights),
        thresholds=thresholds,
        verdict=verdict(rate, thresholds, vetoed=bool(vetoes)),
        vetoes=vetoes,
        applicable=len(items) - n_na,
        checked=n_checked,
        not_applicable=n_na,
        unchecked=sum(s.result in ("unchecked", "conflict") for s in items),
        failed=sum(s.result == "fail" for s in items),
    )


def _sum_parts(parts: Mapping[int, int]) -> Fraction:
    """The sum of fractions given as {denominator: sum of numerators}."""
    return sum((Fraction(n, d) for d, n in parts.items()), Fraction(0))


def _rate(
    categories: tuple[CategoryScore, ...], possible: Fraction, earned: Fraction, *, weighted: bool
) -> Fraction | None:
    if not categories:
        return None
    if not weighted:
        return HUNDRED * earned / possible
    total_weight = sum((c.weight or Fraction(0) for c in categories), Fraction(0))
    if total_weight == 0:
        # Only unweighted categories were checked: fall back to the plain rate.
        return HUNDRED * earned / possible
    return (
        HUNDRED
        * sum(((c.weight or Fraction(0)) * c.earned / c.points for c in categories), Fraction(0))
        / total_weight
    )


def verdict(rate: Fraction | None, thresholds: Thresholds, *, vetoed: bool) -> Verdict | None:
    """达标 / 基本达标 / 不达标 from the exact rate; a failed veto is always 不达标."""
    if vetoed:
        return "not_met"
    if rate is None:
        return None
    if rate >= exact(thresholds.met):
        return "met"
    if rate >= exact(thresholds.basically_met):
        return "basically_met"
    return "not_met"


def rank(scores: Iterable[tuple[str, Fraction | None]]) -> dict[str, int]:
    """排名 by score rate, highest first; equal rates share a rank (1, 2, 2, 4).

    Sites without a rate get no rank.
    """
    rated = sorted(((rate, key) for key, rate in scores if rate is not None), key=lambda p: -p[0])
    ranks: dict[str, int] = {}
    previous: Fraction | None = None
    current = 0
    for n, (rate, key) in enumerate(rated, 1):
        if rate != previous:
            current, previous = n, rate
        ranks[key] = current
    return ranks


#: A site's outcome in a summary: its verdict, or 未完成 when items are unchecked.
Outcome = Literal["met", "basically_met", "not_met", "incomplete"]
#: Outcomes in ranking order (best first); incomplete sites are not ranked.
OUTCOME_ORDER: tuple[Outcome, ...] = ("met", "basically_met", "not_met")


def outcome(score: SiteScore) -> Outcome:
    """达标 / 基本达标 / 不达标, or 未完成.

    A failed veto item fails the site even when other items are unchecked
    (一票否决 is final); otherwise a site with unchecked items, or none checked,
    is 未完成 — never 达标, whatever its provisional rate.
    """
    if score.vetoes:
        return "not_met"
    if score.incomplete or score.verdict is None:
        return "incomplete"
    return score.verdict


def rank_sites(sites: Iterable[tuple[str, Outcome, Fraction | None, bool]]) -> dict[str, int]:
    """排名 of complete sites: by outcome (达标 first), then by rate; ties share a rank.

    ``sites`` holds (key, outcome, exact rate, complete). Incomplete sites (and
    sites without a rate) get no rank. Ranks are 1, 2, 2, 4 … across outcomes.
    """
    order = {code: n for n, code in enumerate(OUTCOME_ORDER)}
    ranked = sorted(
        (
            (order[result], -rate, key)
            for key, result, rate, complete in sites
            if complete and rate is not None and result in order
        ),
        key=lambda entry: entry[:2],
    )
    ranks: dict[str, int] = {}
    previous: tuple[int, Fraction] | None = None
    current = 0
    for n, (group, negative_rate, key) in enumerate(ranked, 1):
        if (group, negative_rate) != previous:
            current, previous = n, (group, negative_rate)
        ranks[key] = current
    return ranks
