"""Dates and times typed by people: parsed strictly, refused with what is wrong and how to fix it.

``--at 2026-06-12 14:30``, ``--due 2026-06-15``, ``--as-of 2026/6/20``: the
separators ``-`` and ``/`` are both accepted, as are one-digit months and days.
A time without a UTC offset is local time, given by the caller as ``tz`` (the
library never reads the clock or the machine's zone itself).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from qingyang_inspect.errors import RecordError
from qingyang_inspect.i18n import t

_DATE = r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"
_TIME = r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{1,2})(?::(?P<S>\d{1,2})(?:\.(?P<f>\d{1,6}))?)?)"
_OFFSET = r"(?P<z>Z|[+-]\d{2}:?\d{2})"
_DATE_RE = re.compile(rf"^{_DATE}$")
_DATETIME_RE = re.compile(rf"^{_DATE}{_TIME}?{_OFFSET}?$")

#: The first and last day the tool accepts anywhere: every output can hold them
#: (a workbook's dates start in 1900) and a working-day calendar can cover them.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)

DATE_EXAMPLE = "2026-06-15"
DATETIME_EXAMPLE = "2026-06-12 14:30"


def parse_date(text: str, *, option: str) -> dt.date:
    """``YYYY-MM-DD`` (or ``YYYY/M/D``) as a date; :class:`RecordError` naming ``option``."""
    value = text.strip()
    match = _DATE_RE.match(value)
    if match is None:
        raise RecordError(
            t("date.bad_format", option=option, value=text),
            hint=t("date.format_hint", example=DATE_EXAMPLE),
        )
    return _date(match, option, text)


def parse_datetime(text: str, *, option: str, tz: dt.tzinfo) -> dt.datetime:
    """A date with an optional time and UTC offset; naive times are in ``tz``.

    A date alone means the start of that day.
    """
    value = text.strip()
    match = _DATETIME_RE.match(value)
    if match is None:
        raise RecordError(
            t("date.bad_datetime_format", option=option, value=text),
            hint=t("date.datetime_hint", example=DATETIME_EXAMPLE),
        )
    day = _date(match, option, text)
    hour, minute = int(match["H"] or 0), int(match["M"] or 0)
    second = int(match["S"] or 0)
    micro = int((match["f"] or "0").ljust(6, "0"))
    if hour > 23 or minute > 59 or second > 59:
        raise RecordError(
            t("date.bad_time", option=option, value=text),
            hint=t("date.datetime_hint", example=DATETIME_EXAMPLE),
        )
    try:
        zone = _zone(match["z"]) if match["z"] else tz
    except ValueError:  # an offset of 24 hours or more
        raise RecordError(
            t("date.bad_time", option=option, value=text),
            hint=t("date.datetime_hint", example=DATETIME_EXAMPLE),
        ) from None
    return dt.datetime.combine(day, dt.time(hour, minute, second, micro), tzinfo=zone)


def _date(match: re.Match[str], option: str, text: str) -> dt.date:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1 <= month <= 12:
        raise RecordError(
            t("date.bad_month", option=option, value=text, month=month),
            hint=t("date.format_hint", example=DATE_EXAMPLE),
        )
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise RecordError(
            t(
                "date.out_of_range",
                option=option,
                value=text,
                first=FIRST_DAY.isoformat(),
                last=LAST_DAY.isoformat(),
            ),
            hint=t("date.format_hint", example=DATE_EXAMPLE),
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise RecordError(
            t("date.bad_day", option=option, value=text, year=year, month=month, days=days),
            hint=t("date.format_hint", example=DATE_EXAMPLE),
        )
    return dt.date(year, month, day)


def _zone(text: str) -> dt.tzinfo:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
