"""Progress over time (整改进度): problems found in a date range, how they stand, round by round.

:func:`build_progress` reads the problems once, in recording order, and counts
for each group (street, responsible unit, site type or site) the problems found
between ``since`` and ``until`` (inclusive, by the day they were found) in the
chosen rounds, as they stand at the end of ``until`` (the as-of date):

* found, rectified (awaiting the re-check), closed (销号), closed on time,
  closed late (逾期销号), overdue (逾期);
* the rectification rate (整改率) = closed ÷ found;
* the on-time rate (按期销号率) = closed on time ÷ (closed + overdue), the
  ledger's rule (:func:`~qingyang_inspect.views.problems.closed_on_time`);
* recurring problems (回头看): a problem failing again at the same site and item in a
  later round after an earlier problem there was closed, with both problem numbers.

The same counts are kept per round (in round order), which gives the change
between consecutive rounds per group. The bulletin (:mod:`.bulletin`) is
written from the same :class:`Progress`, so its figures are these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import ReportError, suggestion
from qingyang_inspect.findings.model import Finding, Round
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Chart, Column, Document, Field, Fields, Group, Table, Text
from qingyang_inspect.views.labels import (
    date_text,
    requirement_label,
    round_kind_label,
    site_type_label,
    written_date,
)
from qingyang_inspect.views.problems import (
    closed_on_time,
    is_problem,
    json_number,
    percent,
    problem_number,
)
from qingyang_inspect.views.source import FindingSource

GroupBy = Literal["street", "unit", "site-type", "site"]
GROUP_BYS: tuple[GroupBy, ...] = ("street", "unit", "site-type", "site")

_GROUP_LABEL_KEYS: dict[str, str] = {
    "street": "progress.by.street",
    "unit": "progress.by.unit",
    "site-type": "progress.by.site_type",
    "site": "progress.by.site",
}


@dataclass
class Tally:
    """Counts of problems as they stand on the as-of date."""

    found: int = 0
    rectified: int = 0
    closed: int = 0
    on_time: int = 0
    overdue: int = 0
    recurring: int = 0

    def add(self, finding: Finding, as_of: dt.date) -> None:
        """Count one problem."""
        self.found += 1
        status = finding.status
        if status == "closed":
            self.closed += 1
            self.on_time += closed_on_time(status, finding.days_late())
        elif status == "rectified":
            self.rectified += 1
        self.overdue += finding.overdue(as_of)

    @property
    def closed_late(self) -> int:
        """Closed after the due date (逾期销号)."""
        return self.closed - self.on_time

    @property
    def rate(self) -> Decimal | None:
        """整改率: closed ÷ found, a percentage (``None`` when nothing was found)."""
        return percent(self.closed, self.found)

    @property
    def on_time_rate(self) -> Decimal | None:
        """按期销号率: closed on time ÷ the problems whose due date has come (closed or overdue)."""
        return percent(self.on_time, self.closed + self.overdue)

    def to_json(self) -> dict[str, Any]:
        """The counts and rates for scripts (rates as numbers, ``null`` when undefined)."""
        return {
            "found": self.found,
            "rectified": self.rectified,
            "closed": self.closed,
            "closed_on_time": self.on_time,
            "closed_late": self.closed_late,
            "overdue": self.overdue,
            "recurring": self.recurring,
            "rectification_rate": json_number(self.rate),
            "on_time_rate": json_number(self.on_time_rate),
        }


@dataclass(frozen=True)
class Recurrence:
    """回头看: ``later`` fails at the site and item where ``earlier`` was found and closed."""

    earlier: Finding
    later: Finding


@dataclass
class GroupProgress:
    """One group's counts: over the whole range and per round."""

    key: str
    label: str
    total: Tally = field(default_factory=Tally)
    rounds: dict[str, Tally] = field(default_factory=dict)


@dataclass
class Progress:
    """What :func:`build_progress` counted."""

    district: str
    since: dt.date | None
    until: dt.date
    by: GroupBy
    #: The rounds chosen (``()``: every round), by name.
    chosen: tuple[str, ...]
    #: Rounds with problems in the range, in round order (date, then name).
    rounds: tuple[Round, ...]
    groups: tuple[GroupProgress, ...]
    total: Tally
    round_totals: dict[str, Tally]
    recurrences: tuple[Recurrence, ...]
    #: Problems in the range overdue on the as-of date, most days overdue first.
    overdue: tuple[Finding, ...]
    #: The catalog each round is scored by (names, units, requirements).
    catalog_for: Callable[[str], Catalog]
    #: Problems with photos worth showing (the bulletin's typical problems), best first.
    typical: tuple[Finding, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether no problem was found in the range."""
        return self.total.found == 0

    def site_name(self, finding: Finding) -> str:
        """The site's name as the finding's round knows it."""
        site = self.catalog_for(finding.round_name).sites.get(finding.site_id)
        return site.name if site else t("report.unknown_site")

    def unit(self, finding: Finding) -> str:
        """The responsible unit of the finding's site."""
        site = self.catalog_for(finding.round_name).sites.get(finding.site_id)
        return site.responsible_unit if site else ""

    def requirement(self, finding: Finding) -> str:
        """The requirement of the finding's item."""
        item = self.catalog_for(finding.round_name).items.get(finding.item_id)
        return requirement_label(item) if item else t("report.unknown_item")

    def range_text(self) -> str:
        """``2026年9月1日至2026年9月7日`` (``开始至…`` without a start)."""
        since = written_date(self.since) if self.since else t("progress.beginning")
        return t("progress.range", since=since, until=written_date(self.until))

    def header_json(self) -> dict[str, Any]:
        """What the report covers, for scripts."""
        return {
            "report": "progress",
            "district": self.district,
            "since": date_text(self.since) or None,
            "until": date_text(self.until),
            "as_of": date_text(self.until),
            "by": self.by,
            "rounds": [r.name for r in self.rounds],
        }


def check_range(since: dt.date | None, until: dt.date) -> None:
    """Refuse a range that ends before it starts (:class:`ReportError`)."""
    if since is not None and until < since:
        raise ReportError(
            t("progress.until_before_since", since=date_text(since), until=date_text(until)),
            hint=t("progress.until_before_since_hint"),
        )


def build_progress(
    catalog: Catalog,
    source: FindingSource,
    rounds: Sequence[Round],
    *,
    district: str,
    until: dt.date,
    since: dt.date | None = None,
    by: GroupBy = "street",
    chosen: Sequence[str] = (),
    catalog_for: Callable[[str], Catalog] | None = None,
    typical: int = 0,
) -> Progress:
    """Count the problems found from ``since`` to ``until`` in the ``chosen`` rounds (all when
    empty), grouped ``by``, as they stand on ``until``; one pass over the problems.

    ``rounds`` are every round of the store in round order (a recurrence needs an
    earlier round, which may lie outside the range or the chosen rounds).
    ``catalog_for`` gives the catalog a round is scored by (``catalog`` for every
    round without it): the names, units and requirements rows show. The groups follow
    ``catalog`` (the current files), so a site moved to another street counts there
    in every round, and the rounds compare like with like. ``typical``: how many
    problems with photos to pick for a bulletin (one per site, the recurring and overdue
    first, then the most occurrences).
    """
    check_range(since, until)
    known = {r.name: n for n, r in enumerate(rounds)}
    for name in chosen:
        if name not in known:
            raise ReportError(
                t("round.unknown", name=name, suggest=suggestion(name, list(known))),
                hint=t("round.list_hint"),
            )
    wanted = frozenset(chosen)
    lookup: Callable[[str], Catalog] = catalog_for or (lambda _name: catalog)
    group_of = _grouping(catalog, by)
    order = {key: n for n, key in enumerate(dict.fromkeys(group_of(s) for s in catalog.sites))}
    groups: dict[str, GroupProgress] = {}
    total = Tally()
    round_totals: dict[str, Tally] = {}
    recurrences: list[Recurrence] = []
    overdue: list[Finding] = []
    candidates: dict[str, tuple[tuple[int, int, int], Finding]] = {}
    #: Per site and item, the earlier problems there (for 回头看), in recording order.
    history: dict[tuple[str, str], list[Finding]] = {}
    first, last = since, until
    for finding in source(failed_only=True):
        if not is_problem(finding):
            continue
        key = (finding.site_id, finding.item_id)
        earlier = history.get(key)
        if earlier is None:
            history[key] = [finding]
        else:
            earlier.append(finding)
        day = finding.found_at.date()
        if day > last or (first is not None and day < first):
            continue
        round_name = finding.round_name
        if wanted and round_name not in wanted:
            continue
        group_key = group_of(finding.site_id)
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = GroupProgress(group_key, "")
        per_round = group.rounds.get(round_name)
        if per_round is None:
            per_round = group.rounds[round_name] = Tally()
        in_round = round_totals.get(round_name)
        if in_round is None:
            in_round = round_totals[round_name] = Tally()
        for tally in (group.total, per_round, in_round, total):
            tally.add(finding, until)
        back = _recurrence(earlier, finding, known) if earlier is not None else None
        if back is not None:
            recurrences.append(Recurrence(back, finding))
            for tally in (group.total, per_round, in_round, total):
                tally.recurring += 1
        late = finding.overdue(until)
        if late:
            overdue.append(finding)
        if typical and finding.photos_at("before"):
            score = (back is not None, late, finding.occurrences)
            best = candidates.get(finding.site_id)
            if best is None or score > best[0]:
                candidates[finding.site_id] = (score, finding)
    labels = _labeller(catalog, by)
    for group in groups.values():
        group.label = labels(group.key)
    ordered = sorted(groups.values(), key=lambda g: (order.get(g.key, len(order)), g.key))
    overdue.sort(key=lambda f: (f.due_date or until, f.found_at, f.id))
    # Best first; of equals, the one found first.
    picked = sorted(
        candidates.values(), key=lambda c: (c[0], -c[1].found_at.timestamp()), reverse=True
    )
    return Progress(
        district=district,
        since=since,
        until=until,
        by=by,
        chosen=tuple(chosen),
        rounds=tuple(r for r in rounds if r.name in round_totals),
        groups=tuple(ordered),
        total=total,
        round_totals=round_totals,
        recurrences=tuple(recurrences),
        overdue=tuple(overdue),
        catalog_for=lookup,
        typical=tuple(f for _score, f in picked[:typical]),
    )


def _recurrence(earlier: list[Finding], later: Finding, order: dict[str, int]) -> Finding | None:
    """The latest earlier problem at the same site and item, of an earlier round, closed
    before ``later`` was found (``earlier`` ends with ``later`` itself)."""
    mine = order.get(later.round_name, -1)
    for n in range(len(earlier) - 2, -1, -1):
        before = earlier[n]
        if (
            before.status == "closed"
            and before.closed_at is not None
            and before.closed_at <= later.found_at
            and order.get(before.round_name, mine) < mine
        ):
            return before
    return None


def _grouping(catalog: Catalog, by: GroupBy) -> Callable[[str], str]:
    """A site id → its group's key (``""`` for a site no longer in the catalog)."""
    sites = catalog.sites
    if by == "site":
        return lambda site_id: site_id if site_id in sites else ""
    if by == "street":
        streets = {s.id: s.street for s in sites.values()}
        return lambda site_id: streets.get(site_id, "")
    if by == "unit":
        units = {s.id: s.responsible_unit for s in sites.values()}
        return lambda site_id: units.get(site_id, "")
    kinds = {s.id: s.site_type for s in sites.values()}
    return lambda site_id: kinds.get(site_id, "")


def _labeller(catalog: Catalog, by: GroupBy) -> Callable[[str], str]:
    """A group's key → its label in the current language."""

    def label(key: str) -> str:
        if not key:
            return t("report.unknown_site")
        if by == "site":
            return catalog.sites[key].name
        if by == "site-type":
            return site_type_label(catalog, key)
        return key

    return label


# -- the document ----------------------------------------------------------------------


def tally_columns(first: Column) -> tuple[Column, ...]:
    """A group's (or round's) counts and rates after the column ``first``."""
    c = Column
    return (
        first,
        c("found", t("progress.col.found"), "int", priority=0, width=7),
        c("rectified", t("progress.col.rectified"), "int", priority=3, width=7),
        c("closed", t("progress.col.closed"), "int", priority=0, width=7),
        c("closed_on_time", t("progress.col.on_time"), "int", priority=2, width=8),
        c("closed_late", t("progress.col.closed_late"), "int", priority=2, width=8),
        c("overdue", t("progress.col.overdue"), "int", priority=0, width=7),
        c("rectification_rate", t("progress.col.rate"), "percent", priority=0, width=9),
        c("on_time_rate", t("progress.col.on_time_rate"), "percent", priority=1, width=9),
        c("recurring", t("progress.col.recurring"), "int", priority=1, width=7),
    )


def tally_cells(tally: Tally) -> tuple[object, ...]:
    """:func:`tally_columns`' cells after the first."""
    return (
        tally.found,
        tally.rectified,
        tally.closed,
        tally.on_time,
        tally.closed_late,
        tally.overdue,
        tally.rate,
        tally.on_time_rate,
        tally.recurring,
    )


def group_label_text(by: GroupBy) -> str:
    """街道 / 责任单位 / 点位类型 / 点位."""
    return t(_GROUP_LABEL_KEYS[by])


def groups_table(progress: Progress) -> Table[GroupProgress]:
    """One row per group: its counts over the whole range."""
    return Table(
        key="groups",
        title=t("progress.groups_title", by=group_label_text(progress.by).lower()),
        columns=tally_columns(Column("group", group_label_text(progress.by), priority=0, width=16)),
        source=lambda: progress.groups,
        cells=lambda g: (g.label, *tally_cells(g.total)),
        record=lambda g: {"group": g.key or None, "label": g.label, **g.total.to_json()},
        style=lambda g: "overdue" if g.total.overdue else None,
        empty=t("progress.empty"),
    )


def total_fields(progress: Progress) -> Fields:
    """The totals over every group."""
    total = progress.total
    columns = tally_columns(Column("group", ""))[1:]
    return Fields(
        key="total",
        title=t("progress.total"),
        fields=tuple(
            Field(c.key, c.label, v, kind=c.kind)
            for c, v in zip(columns, tally_cells(total), strict=True)
        ),
        extra=total.to_json(),
    )


@dataclass(frozen=True)
class RoundRow:
    """A group's counts in one round, and the change from its previous round."""

    group: GroupProgress | None
    round: Round
    tally: Tally
    previous: Tally | None

    @property
    def found_change(self) -> int | None:
        """Problems found, less the previous round's."""
        return None if self.previous is None else self.tally.found - self.previous.found

    @property
    def rate_change(self) -> Decimal | None:
        """整改率 less the previous round's, in percentage points."""
        if self.previous is None or self.tally.rate is None or self.previous.rate is None:
            return None
        return self.tally.rate - self.previous.rate

    def to_json(self) -> dict[str, Any]:
        """Codes and counts for scripts."""
        record: dict[str, Any] = {}
        if self.group is not None:
            record["group"] = self.group.key or None
            record["label"] = self.group.label
        record.update(round=self.round.name, date=self.round.date.isoformat(), kind=self.round.kind)
        record.update(self.tally.to_json())
        record["found_change"] = self.found_change
        record["rate_change"] = json_number(self.rate_change)
        return record


def trend_rows(progress: Progress) -> Iterator[RoundRow]:
    """The whole range's counts round by round (the trend)."""
    previous: Tally | None = None
    for round_ in progress.rounds:
        tally = progress.round_totals[round_.name]
        yield RoundRow(None, round_, tally, previous)
        previous = tally


def group_round_rows(progress: Progress) -> Iterator[RoundRow]:
    """Each group's counts round by round (a round without its problems counts zero)."""
    for group in progress.groups:
        previous: Tally | None = None
        for round_ in progress.rounds:
            tally = group.rounds.get(round_.name) or Tally()
            yield RoundRow(group, round_, tally, previous)
            previous = tally


def _signed(value: int | Decimal | None) -> str:
    """``+3`` / ``-2`` / ``0``; ``—`` without a previous round."""
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else str(value)


def _change_columns() -> tuple[Column, ...]:
    return (
        Column("found_change", t("progress.col.found_change"), "status", priority=1, width=9),
        Column("rate_change", t("progress.col.rate_change"), "status", priority=1, width=10),
    )


def _change_cells(row: RoundRow) -> tuple[str, str]:
    return _signed(row.found_change), _signed(row.rate_change)


def trend_table(progress: Progress) -> Table[RoundRow]:
    """One row per round: the range's counts in it and the change from the round before."""
    round_col = Column("round", t("progress.col.round"), priority=0, width=14)
    columns = (
        round_col,
        Column("date", t("progress.col.round_date"), "date", priority=2, width=10.5),
        Column("kind", t("progress.col.round_kind"), "status", priority=3, width=8),
        *tally_columns(round_col)[1:],
        *_change_columns(),
    )
    return Table(
        key="rounds",
        title=t("progress.trend_title"),
        columns=columns,
        source=lambda: trend_rows(progress),
        cells=lambda r: (
            r.round.name,
            r.round.date,
            round_kind_label(r.round.kind),
            *tally_cells(r.tally),
            *_change_cells(r),
        ),
        record=RoundRow.to_json,
        empty=t("progress.trend_none"),
    )


def group_round_table(progress: Progress) -> Table[RoundRow]:
    """One row per group and round: counts, and the change from the group's previous round."""
    c = Column
    columns = (
        c("group", group_label_text(progress.by), priority=0, width=16),
        c("round", t("progress.col.round"), priority=0, width=14),
        c("found", t("progress.col.found"), "int", priority=0, width=7),
        c("closed", t("progress.col.closed"), "int", priority=2, width=7),
        c("overdue", t("progress.col.overdue"), "int", priority=2, width=7),
        c("rectification_rate", t("progress.col.rate"), "percent", priority=0, width=9),
        c("recurring", t("progress.col.recurring"), "int", priority=3, width=7),
        *_change_columns(),
    )
    return Table(
        key="by_round",
        title=t("progress.by_round_title", by=group_label_text(progress.by).lower()),
        columns=columns,
        source=lambda: group_round_rows(progress),
        cells=lambda r: (
            r.group.label if r.group else "",
            r.round.name,
            r.tally.found,
            r.tally.closed,
            r.tally.overdue,
            r.tally.rate,
            r.tally.recurring,
            *_change_cells(r),
        ),
        record=RoundRow.to_json,
        empty=t("progress.by_round_none", by=group_label_text(progress.by).lower()),
    )


def recurring_table(
    progress: Progress, *, page: Mapping[str, float] | None = None
) -> Table[Recurrence]:
    """回头看: each recurring problem with the earlier, closed one at the same site and item.

    ``page``: for a page of a document (a bulletin's), only these columns, this wide,
    untitled (the enclosing section is).
    """
    c = Column
    columns: tuple[Column, ...] = (
        c("number", t("progress.col.number"), "id", priority=0, width=12),
        c("found", t("progress.col.found_on"), "date", priority=1, width=10.5),
        c("earlier_number", t("progress.col.earlier_number"), "id", priority=0, width=12),
        c("earlier_closed", t("progress.col.earlier_closed"), "date", priority=1, width=10.5),
        c("site", t("progress.col.site"), priority=0, width=14),
        c("item_id", t("progress.col.item"), "id", priority=2, width=9.5),
        c("requirement", t("progress.col.requirement"), priority=None, width=22),
        c("unit", t("progress.col.unit"), priority=2, width=14),
    )
    if page is not None:
        columns = tuple(replace(c, width=page[c.key]) for c in columns if c.key in page)
    keys = [c.key for c in columns]

    def cells(r: Recurrence) -> tuple[object, ...]:
        values = {
            "number": problem_number(r.later),
            "found": r.later.found_at.date(),
            "earlier_number": problem_number(r.earlier),
            "earlier_closed": r.earlier.closed_at.date() if r.earlier.closed_at else None,
            "site": progress.site_name(r.later),
            "item_id": r.later.item_id,
            "requirement": progress.requirement(r.later) if "requirement" in keys else "",
            "unit": progress.unit(r.later),
        }
        return tuple(values[key] for key in keys)

    def record(r: Recurrence) -> dict[str, Any]:
        return {
            "problem_number": problem_number(r.later),
            "finding_id": r.later.id,
            "round": r.later.round_name,
            "found_date": date_text(r.later.found_at),
            "earlier_problem_number": problem_number(r.earlier),
            "earlier_finding_id": r.earlier.id,
            "earlier_round": r.earlier.round_name,
            "earlier_closed_date": date_text(r.earlier.closed_at),
            "site_id": r.later.site_id,
            "site_name": progress.site_name(r.later),
            "item_id": r.later.item_id,
            "responsible_unit": progress.unit(r.later),
        }

    return Table(
        key="recurring",
        title="" if page else t("progress.recurring_title"),
        columns=columns,
        source=lambda: progress.recurrences,
        cells=cells,
        record=record,
        empty=t("bulletin.recurring_none") if page else t("progress.recurring_none"),
    )


def progress_subtitle(progress: Progress) -> str:
    """The line under the title: range, rounds, grouping, as-of date."""
    rounds = t("report.name_sep").join(progress.chosen) or t("report.all")
    return t(
        "progress.subtitle",
        range=progress.range_text(),
        rounds=rounds,
        by=group_label_text(progress.by).lower(),
        as_of=written_date(progress.until),
    )


def progress_document(progress: Progress) -> Document:
    """The progress report: one row per group (CSV carries this table), the totals, the trend
    round by round with each group's change, and the recurring problems.

    A workbook adds charts of the trend (problems found and 整改率 per round).
    """
    trend = trend_table(progress)
    return Document(
        key="progress",
        title=t("progress.title", district=progress.district),
        sections=(
            Text(None, progress_subtitle(progress)),
            groups_table(progress),
            total_fields(progress),
            Text("definitions", t("progress.definitions")),
            Group(
                "trend",
                t("progress.trend_title"),
                (
                    trend,
                    group_round_table(progress),
                    Chart(
                        "found_chart",
                        t("progress.chart_found"),
                        "rounds",
                        "round",
                        "found",
                        kind="column",
                    ),
                    Chart(
                        "rate_chart",
                        t("progress.chart_rate"),
                        "rounds",
                        "round",
                        "rectification_rate",
                        kind="column",
                    ),
                ),
            ),
            Group("recurring", None, (recurring_table(progress),)),
        ),
        meta=progress.header_json(),
        filename=t(
            "progress.file",
            range=f"{date_text(progress.since) or ''}_{date_text(progress.until)}".strip("_"),
        ),
    )
