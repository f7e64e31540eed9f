"""Working days and deadlines, checked against the State Council's announcement for 2026.

《国务院办公厅关于2026年部分节假日安排的通知》(2025-11-04), written out here by hand
(not read from the package), so the package and our counting are both checked:

一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingyang_inspect.calendar import (
    WEEKEND,
    Name,
    Overrides,
    Skipped,
    WorkCalendar,
    add_days,
    official_years,
    working_days_between,
)
from qingyang_inspect.i18n import set_language
from qingyang_inspect.views.deadlines import explain_due

D = dt.date


def _span(first: dt.date, last: dt.date) -> set[dt.date]:
    return {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}


#: 2026 days off (放假) and weekend working days (上班), from the announcement.
HOLIDAYS_2026 = (
    _span(D(2026, 1, 1), D(2026, 1, 3))
    | _span(D(2026, 2, 15), D(2026, 2, 23))
    | _span(D(2026, 4, 4), D(2026, 4, 6))
    | _span(D(2026, 5, 1), D(2026, 5, 5))
    | _span(D(2026, 6, 19), D(2026, 6, 21))
    | _span(D(2026, 9, 25), D(2026, 9, 27))
    | _span(D(2026, 10, 1), D(2026, 10, 7))
)
WORKING_WEEKENDS_2026 = {
    D(2026, 1, 4),
    D(2026, 2, 14),
    D(2026, 2, 28),
    D(2026, 5, 9),
    D(2026, 9, 20),
    D(2026, 10, 10),
}
OFFICIAL = WorkCalendar()


def test_every_day_of_2026_matches_the_announcement() -> None:
    day = D(2026, 1, 1)
    wrong = []
    while day.year == 2026:
        expected = day in WORKING_WEEKENDS_2026 or (day.weekday() < 5 and day not in HOLIDAYS_2026)
        if OFFICIAL.is_working_day(day) != expected:
            wrong.append(day)
        day += dt.timedelta(days=1)
    assert wrong == []
    # 261 weekdays (2026 starts on a Thursday) − 19 weekday holidays (元旦 2, 春节 6, 清明 1,
    # 劳动节 3, 端午 1, 中秋 1, 国庆 5) + 6 weekend working days.
    assert working_days_between(OFFICIAL, D(2025, 12, 31), D(2026, 12, 31)) == 248


def test_the_package_knows_2004_to_2026() -> None:
    assert official_years() == range(2004, 2027)
    assert OFFICIAL.knows(2026) and not OFFICIAL.knows(2027)


@pytest.mark.parametrize(
    ("found", "days", "due"),
    [
        # National Day: 10-01 (Thu) … 10-07 (Wed) off, Saturday 10-10 worked.
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2026, 10, 1), 1, D(2026, 10, 8)),
        (D(2026, 10, 1), 3, D(2026, 10, 10)),  # Thu 8, Fri 9, Sat 10 (调休上班)
        (D(2026, 9, 29), 3, D(2026, 10, 9)),  # Wed 30, Thu 8, Fri 9
        (D(2026, 10, 9), 1, D(2026, 10, 10)),
        (D(2026, 10, 10), 1, D(2026, 10, 12)),  # Sunday 11 is off again
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # Sunday 09-20 worked (调休)
        (D(2026, 9, 24), 1, D(2026, 9, 28)),  # Mid-autumn 09-25 … 09-27
        # Spring Festival: 02-15 (Sun) … 02-23 (Mon) off, Saturdays 02-14 and 02-28 worked.
        (D(2026, 2, 13), 1, D(2026, 2, 14)),
        (D(2026, 2, 12), 3, D(2026, 2, 24)),  # Fri 13, Sat 14, Tue 24
        (D(2026, 2, 14), 1, D(2026, 2, 24)),
        (D(2026, 2, 26), 2, D(2026, 2, 28)),  # Fri 27, Sat 28
        (D(2026, 2, 10), 5, D(2026, 2, 24)),
        # Year ends: 2026-01-01 … 01-03 off and Sunday 01-04 worked.
        (D(2025, 12, 31), 1, D(2026, 1, 4)),
        (D(2025, 12, 30), 3, D(2026, 1, 5)),  # Wed 31, Sun 4, Mon 5
        # Labour Day and a plain week.
        (D(2026, 4, 30), 2, D(2026, 5, 7)),  # 05-01 … 05-05 off: Wed 6, Thu 7
        (D(2026, 5, 8), 1, D(2026, 5, 9)),  # Saturday 05-09 worked
        (D(2026, 6, 5), 3, D(2026, 6, 10)),
        (D(2026, 6, 10), 0, D(2026, 6, 10)),
    ],
)
def test_working_day_deadlines(found: dt.date, days: int, due: dt.date) -> None:
    result = OFFICIAL.add(found, days, "working")
    assert result.date == due
    assert not result.estimated
    assert working_days_between(OFFICIAL, found, due) == days


def test_calendar_days_are_plain_days_even_into_a_holiday() -> None:
    # The example: 1 calendar day from 10-01 is 10-02, inside National Day.
    due = OFFICIAL.add(D(2026, 10, 1), 1, "calendar")
    assert (due.date, due.skipped, due.estimated) == (D(2026, 10, 2), (), False)


def test_the_reasons_name_the_holidays_and_the_adjusted_days() -> None:
    due = OFFICIAL.add(D(2026, 2, 12), 3, "working")
    assert due.skipped == (
        Skipped(D(2026, 2, 15), D(2026, 2, 23), Name("春节", "Spring Festival")),
    )
    assert due.adjusted == (D(2026, 2, 14),)
    weekend = OFFICIAL.add(D(2026, 6, 5), 1, "working")
    assert weekend.skipped == (Skipped(D(2026, 6, 6), D(2026, 6, 7), WEEKEND),)
    set_language("zh")
    assert explain_due(OFFICIAL.add(D(2026, 10, 1), 3, "working")) == (
        "2026-10-01 起 3 个工作日 → 2026-10-10：跳过 2026-10-02 至 2026-10-07 国庆节；"
        "2026-10-10（周六）调休上班"
    )
    set_language("en")
    assert explain_due(OFFICIAL.add(D(2026, 6, 5), 3, "working")) == (
        "2026-06-05 + 3 working day(s) → 2026-06-10: skipped 2026-06-06 to 2026-06-07, weekend"
    )


def test_an_unknown_year_counts_weekdays_and_says_so() -> None:
    # 2027-01-01 is a Friday: surely New Year's Day, but no source says so yet.
    due = OFFICIAL.add(D(2026, 12, 31), 1, "working")
    assert (due.date, due.estimated_years) == (D(2027, 1, 1), (2027,))
    across = OFFICIAL.add(D(2026, 12, 30), 3, "working")
    assert (across.date, across.estimated_years) == (D(2027, 1, 4), (2027,))
    assert across.skipped == (Skipped(D(2027, 1, 2), D(2027, 1, 3), WEEKEND),)
    set_language("zh")
    assert explain_due(due).endswith("2027 年的节假日安排未知，按周一至周五估算")
    # Inside a known year nothing is estimated, even right up to its last day.
    assert not OFFICIAL.add(D(2026, 12, 28), 3, "working").estimated


def test_the_workspace_file_adds_a_year_and_corrects_days() -> None:
    extra = WorkCalendar(
        overrides=Overrides(
            holidays={d: Name("元旦", "元旦") for d in _span(D(2027, 1, 1), D(2027, 1, 3))}
            | {D(2026, 6, 22): Name("区级补休", "区级补休")},
            working_days={D(2027, 1, 9): Name("调休上班", "调休上班")},
            years=frozenset({2027}),
        )
    )
    due = extra.add(D(2026, 12, 31), 1, "working")
    assert (due.date, due.estimated) == (D(2027, 1, 4), False)
    assert extra.add(D(2027, 1, 8), 1, "working").date == D(2027, 1, 9)  # a Saturday worked
    # A correction inside a year the package knows wins over the package.
    assert extra.add(D(2026, 6, 18), 1, "working").date == D(2026, 6, 23)
    # A day the file lists in a year it does not declare: used, but the year stays unknown
    # (2028-01-01 and 01-02 are a weekend, 01-03 the file's holiday).
    partial = WorkCalendar(overrides=Overrides(holidays={D(2028, 1, 3): Name("x", "x")}))
    result = partial.add(D(2027, 12, 31), 1, "working")
    assert (result.date, result.estimated_years) == (D(2028, 1, 4), (2028,))


@given(
    start=st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 11, 30)),
    days=st.integers(min_value=0, max_value=20),
)
def test_a_deadline_is_a_working_day_exactly_days_later(start: dt.date, days: int) -> None:
    due = add_days(OFFICIAL, start, days, "working")
    assert working_days_between(OFFICIAL, start, due.date) == days
    assert OFFICIAL.add(start, days, "working") == due  # remembered, the same answer
    assert OFFICIAL.between(start, due.date) == days
    if days:
        assert OFFICIAL.is_working_day(due.date)
        assert working_days_between(OFFICIAL, start, due.date - dt.timedelta(days=1)) == days - 1
    assert not due.estimated
