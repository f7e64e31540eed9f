"""Dates typed by people: accepted forms, and errors that say what is wrong and how to fix it."""

from __future__ import annotations

import datetime as dt

import pytest

from qingyang_inspect.dates import parse_date, parse_datetime
from qingyang_inspect.errors import RecordError
from qingyang_inspect.i18n import set_language
from store_helpers import CST


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-06-15", dt.date(2026, 6, 15)),
        ("2026/6/5", dt.date(2026, 6, 5)),
        (" 2024-02-29 ", dt.date(2024, 2, 29)),
    ],
)
def test_dates(text: str, day: dt.date) -> None:
    assert parse_date(text, option="--due") == day


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-13-01", "月份 13 不在 1–12 之间"),
        ("2026-00-10", "月份 0"),
        ("2026-02-30", "2026 年 2 月只有 28 天"),
        ("2026-06-31", "只有 30 天"),
        ("15/06/2026", "不是日期"),
        ("tomorrow", "不是日期"),
        ("", "不是日期"),
    ],
)
def test_bad_dates(text: str, words: str) -> None:
    with pytest.raises(RecordError) as caught:
        parse_date(text, option="--due")
    assert words in caught.value.message and "--due" in caught.value.message
    assert "YYYY-MM-DD" in (caught.value.hint or "")


def test_bad_dates_in_english() -> None:
    set_language("en")
    with pytest.raises(RecordError) as caught:
        parse_date("2026-13-01", option="--due")
    assert "month 13 is not between 1 and 12" in caught.value.message


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-06-12", dt.datetime(2026, 6, 12, tzinfo=CST)),
        ("2026-06-12 14:30", dt.datetime(2026, 6, 12, 14, 30, tzinfo=CST)),
        ("2026-06-12T14:30:15", dt.datetime(2026, 6, 12, 14, 30, 15, tzinfo=CST)),
        ("2026-06-12 14:30:15.5", dt.datetime(2026, 6, 12, 14, 30, 15, 500000, tzinfo=CST)),
        ("2026-06-12T06:30Z", dt.datetime(2026, 6, 12, 6, 30, tzinfo=dt.UTC)),
        (
            "2026-06-12 14:30+05:30",
            dt.datetime(2026, 6, 12, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
        ),
    ],
)
def test_datetimes(text: str, moment: dt.datetime) -> None:
    parsed = parse_datetime(text, option="--at", tz=CST)
    assert parsed == moment and parsed.utcoffset() == moment.utcoffset()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-06-12 25:00", "小时应为 0–23"),
        ("2026-06-12 10:61", "分钟"),
        ("2026-06-12 10:00+25:00", "无效"),
        ("2026-13-12 10:00", "月份 13"),
        ("noon", "不是日期或时间"),
    ],
)
def test_bad_datetimes(text: str, words: str) -> None:
    with pytest.raises(RecordError, match=words):
        parse_datetime(text, option="--at", tz=CST)
