"""The supervision bulletin (督查通报): the week's figures as an office sends them, in Word.

Written from a :class:`~qingyang_inspect.views.progress.Progress` — the same counts
as ``report progress`` — in the usual order: title and number line; 一、总体情况
(the figures as sentences); 二、红黑榜 (streets or units ranked by 整改率, the first
ones red-listed, the last ones black-listed); 三、逾期未整改问题; 四、回头看 (recurring
problems with both problem numbers); 五、典型问题 (photo, site, unit, requirement);
六、下一步工作要求. A period without problems gives a short document saying so.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from qingyang_inspect.findings.model import Finding
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import (
    Column,
    Document,
    Field,
    Fields,
    Group,
    Section,
    Styled,
    Table,
    Text,
)
from qingyang_inspect.views.labels import date_text, written_date
from qingyang_inspect.views.problems import percent_text, problem_number
from qingyang_inspect.views.progress import (
    GroupProgress,
    Progress,
    group_label_text,
    recurring_table,
)

#: At most this many groups at each end of the ranking are red- or black-listed.
LIST_SIZE = 3


#: The recurring problems' columns on the page (15.6 cm wide) and their widths (characters).
RECURRING_COLUMNS = {
    "number": 9,
    "earlier_number": 9,
    "earlier_closed": 7,
    "site": 5.5,
    "item_id": 6.5,
    "unit": 5,
}


def ranking(progress: Progress) -> list[GroupProgress]:
    """The groups best first: highest 整改率, then fewest overdue, then fewest found."""

    def key(group: GroupProgress) -> tuple[Decimal, int, int, str]:
        rate = group.total.rate
        return (-(rate if rate is not None else Decimal(-1)), group.total.overdue,
                group.total.found, group.label)  # fmt: skip

    return sorted(progress.groups, key=key)


def list_size(count: int) -> int:
    """How many groups each list names: up to :data:`LIST_SIZE`, never overlapping."""
    return min(LIST_SIZE, count // 2)


def summary_text(progress: Progress) -> str:
    """The week's figures as sentences (the numbers of ``report progress``'s total)."""
    total = progress.total
    return t(
        "bulletin.summary",
        range=progress.range_text(),
        found=total.found,
        closed=total.closed,
        on_time=total.on_time,
        closed_late=total.closed_late,
        rectified=total.rectified,
        overdue=total.overdue,
        rate=percent_text(total.rate),
        on_time_rate=percent_text(total.on_time_rate),
    )


def _ranking_table(progress: Progress) -> Table[tuple[int, GroupProgress]]:
    ranked = ranking(progress)
    size = list_size(len(ranked))
    c = Column

    def place(n: int) -> Styled | str:
        if n <= size:
            return Styled(t("bulletin.red"), "best")
        if n > len(ranked) - size:
            return Styled(t("bulletin.black"), "worst")
        return "—"  # on neither list (a blank cell would stand taller in Word's tables)

    return Table(
        key="ranking",
        title="",
        columns=(
            c("rank", t("progress.col.rank"), "int", width=3.5),
            c("group", group_label_text(progress.by), width=9),
            c("found", t("progress.col.found"), "int", width=4.5),
            c("closed", t("progress.col.closed"), "int", width=4.5),
            c("overdue", t("progress.col.overdue"), "int", width=4.5),
            c("rectification_rate", t("progress.col.rate"), "percent", width=6),
            c("on_time_rate", t("progress.col.on_time_rate"), "percent", width=6),
            c("list", t("bulletin.col.list"), "status", width=4),
        ),
        source=lambda: list(enumerate(ranked, 1)),
        cells=lambda e: (
            e[0],
            e[1].label,
            e[1].total.found,
            e[1].total.closed,
            e[1].total.overdue,
            e[1].total.rate,
            e[1].total.on_time_rate,
            place(e[0]),
        ),
        style=lambda e: "worst" if e[0] > len(ranked) - size else None,
    )


def _overdue_table(progress: Progress) -> Table[Finding]:
    until = progress.until
    c = Column

    def cells(f: Finding) -> tuple[object, ...]:
        return (
            problem_number(f),
            progress.site_name(f),
            f.note or progress.requirement(f),
            progress.unit(f),
            f.due_date,
            (until - f.due_date).days if f.due_date else None,
        )

    return Table(
        key="overdue",
        title="",
        columns=(
            c("number", t("progress.col.number"), "id", width=9),
            c("site", t("progress.col.site"), width=6),
            c("problem", t("ledger.col.problem")),
            c("unit", t("progress.col.unit"), width=6),
            c("due", t("progress.col.due"), "date", width=7),
            c("days_overdue", t("progress.col.days_overdue"), "int", width=4),
        ),
        source=lambda: progress.overdue,
        cells=cells,
        empty=t("bulletin.overdue_none"),
    )


def _typical(progress: Progress) -> tuple[Section, ...]:
    if not progress.typical:
        return (Text(None, t("bulletin.typical_none")),)
    out: list[Section] = []
    for n, f in enumerate(progress.typical, 1):
        out.append(
            Fields(
                key=f"typical_{n}",
                title=t("bulletin.typical_head", n=n, site=progress.site_name(f)),
                fields=(
                    Field("problem", t("ledger.col.problem"), f.note or progress.requirement(f)),
                    Field("number", t("progress.col.number"), problem_number(f)),
                    Field("found", t("progress.col.found_on"), f.found_at.date(), kind="date"),
                    Field("unit", t("progress.col.unit"), progress.unit(f)),
                    Field("requirement", t("progress.col.requirement"), progress.requirement(f)),
                    Field(
                        "photos",
                        t("bulletin.typical_photo"),
                        f.photos_at("before")[:1],
                        kind="photos",
                    ),
                ),
            )
        )
    return tuple(out)


def number_line(progress: Progress, issue: str | None) -> str:
    """第 12 期　青羊区文明办　2026年9月7日."""
    day = written_date(progress.until)
    if issue:
        return t("bulletin.number", issue=issue, district=progress.district, date=day)
    return t("bulletin.number_no_issue", district=progress.district, date=day)


def bulletin_sections(progress: Progress, issue: str | None) -> Sequence[Section]:
    """The bulletin's sections, in the order offices write them."""
    head: list[Section] = [Text("number", number_line(progress, issue), role="subtitle")]
    if progress.empty:
        return (*head, Text("summary", t("bulletin.empty", range=progress.range_text())))
    summary: list[Section] = [Text("summary", summary_text(progress))]
    if progress.rounds:
        names = t("report.name_sep").join(r.name for r in progress.rounds)
        summary.append(Text("rounds", t("bulletin.summary_rounds", rounds=names)))
    if progress.total.recurring:
        summary.append(
            Text("recurring_sum", t("bulletin.summary_recurring", count=progress.total.recurring))
        )
    size = list_size(len(progress.groups))
    return (
        *head,
        Group("summary", t("bulletin.h.summary"), tuple(summary)),
        Group(
            "ranking",
            t("bulletin.h.ranking"),
            (
                Text("ranking_intro", t("bulletin.ranking_intro", top=size, bottom=size)),
                _ranking_table(progress),
            ),
        ),
        Group("overdue", t("bulletin.h.overdue"), (_overdue_table(progress),)),
        Group(
            "recurring",
            t("bulletin.h.recurring"),
            (recurring_table(progress, page=RECURRING_COLUMNS),),
        ),
        Group("typical", t("bulletin.h.typical"), _typical(progress)),
        Group("next", t("bulletin.h.next"), (Text("next_steps", t("bulletin.next")),)),
    )


def bulletin_document(progress: Progress, *, issue: str | None = None) -> Document:
    """The bulletin of ``progress``'s period, ranking its groups (streets or units)."""
    since = date_text(progress.since) if progress.since else ""
    return Document(
        key="bulletin",
        title=t("bulletin.title", district=progress.district),
        sections=bulletin_sections(progress, issue),
        meta=progress.header_json(),
        filename=t("bulletin.file", since=since, until=date_text(progress.until)),
    )
