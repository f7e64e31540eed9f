"""Working days and holidays (工作日与节假日): the deadlines of rectification (整改时限).

Deadlines are written in working days (``3 个工作日``) or in calendar days. Working
days follow the State Council's yearly holiday announcement (国务院办公厅关于节假日
安排的通知), including 调休: some Saturdays and Sundays are working days, some
weekdays are holidays. The announcements come from the ``chinesecalendar``
package (its public ``holidays`` and ``workdays`` tables, one per date); a
workspace file (``holidays.yaml``, read by :mod:`qingyang_inspect.calendar_file`) adds or
corrects days and declares the years it gives in full, for years the package does
not know yet.

A year that neither covers is never guessed silently: its days count Monday to
Friday as working days, and every deadline that passes through it says so
(:attr:`Due.estimated_years`).

Everything here is pure (no clock, no global state) but the first read of the file.
The package is imported on the first question about a day, so commands that compute
no deadline never load it; a workspace keeps a JSON copy of its tables in its cache.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple

#: How rectification days are counted: working days (default) or calendar days.
DayKind = Literal["working", "calendar"]

#: Why a day is not a working day: a holiday's name, or a plain weekend.
WEEKEND = "weekend"

#: Longest run of days one entry of the holiday file may span (a holiday week is 8–9).
MAX_SPAN_DAYS = 31


class Name(NamedTuple):
    """A holiday's name in Chinese and English (the file's names are the same in both)."""

    zh: str
    en: str


class Overrides(NamedTuple):
    """What a workspace's holiday file says: days that are off or on, and the years it covers.

    ``holidays`` and ``working_days`` win over the package and over the weekday
    rule; ``years`` are the years for which the file holds the whole announcement
    (the package's own years need not be listed).
    """

    holidays: Mapping[dt.date, Name] = MappingProxyType({})
    working_days: Mapping[dt.date, Name] = MappingProxyType({})
    years: frozenset[int] = frozenset()


class Day(NamedTuple):
    """One date as the calendar sees it."""

    date: dt.date
    working: bool
    #: Why it is off (a holiday's name or :data:`WEEKEND`), or why a weekend day is on (调休).
    reason: Name | str | None = None
    #: Counted Monday to Friday because no source knows its year.
    estimated: bool = False

    @property
    def adjusted(self) -> bool:
        """A Saturday or Sunday that is a working day (调休上班)."""
        return self.working and self.date.weekday() >= 5


class Skipped(NamedTuple):
    """Consecutive days a working-day deadline passed over, for the same reason."""

    first: dt.date
    last: dt.date
    reason: Name | str


class Due(NamedTuple):
    """A due date and how it was reached: ``start`` plus ``days`` of ``kind``.

    ``start`` (the found date) is day 0; the due date is the ``days``-th working
    day after it (or ``start + days`` for calendar days). ``skipped`` lists the
    days off passed over, ``adjusted`` the weekend working days counted (调休),
    ``estimated_years`` the years counted Monday to Friday for want of a calendar.
    """

    start: dt.date
    days: int
    kind: DayKind
    date: dt.date
    skipped: tuple[Skipped, ...] = ()
    adjusted: tuple[dt.date, ...] = ()
    estimated_years: tuple[int, ...] = ()

    @property
    def estimated(self) -> bool:
        """Whether part of the count rests on weekdays only (an unknown year)."""
        return bool(self.estimated_years)


class WorkCalendar:
    """The official calendar (the package), corrected and extended by a workspace file.

    ``file`` is read on the first question about a day (most commands ask none),
    through a JSON copy in ``cache_dir`` while the file is unchanged;
    ``overrides`` gives the file's content directly (tests, other front ends).
    """

    def __init__(
        self,
        file: Path | None = None,
        *,
        display: str | None = None,
        overrides: Overrides | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.file = file
        self.cache_dir = cache_dir
        self.display = display or (str(file) if file is not None else None)
        self._given = overrides
        # Reports ask about the same few hundred dates and spans for every row.
        self._working: dict[dt.date, bool] = {}
        self._between: dict[tuple[dt.date, dt.date], int] = {}
        self._added: dict[tuple[dt.date, int, DayKind], Due] = {}

    @cached_property
    def official(self) -> Official:
        """The package's calendar (through the workspace's cache when there is one)."""
        return official(self.cache_dir)

    @cached_property
    def overrides(self) -> Overrides:
        """The workspace file's days (empty without a file); errors name file:line:col."""
        if self._given is not None:
            return self._given
        if self.file is None or not (self.file.exists() or self.file.is_symlink()):
            return Overrides()  # (a broken link, a FIFO or a folder by that name: an error)
        from qingyang_inspect.calendar_file import read_holiday_file

        return read_holiday_file(self.file, self.display or str(self.file), self.cache_dir)

    def known_years(self) -> range:
        """The years the package holds announcements for (1.11.0: 2004–2026)."""
        return self.official.years

    def knows(self, year: int) -> bool:
        """Whether ``year`` has an official calendar (the package's or the file's)."""
        return year in self.official.years or year in self.overrides.years

    def day(self, date: dt.date) -> Day:
        """Whether ``date`` is a working day, and why (the file first, then the package)."""
        extra = self.overrides
        if date in extra.holidays:
            return Day(date, False, extra.holidays[date])
        if date in extra.working_days:
            return Day(date, True, extra.working_days[date])
        weekend = date.weekday() >= 5
        package = self.official
        if date.year in package.years:
            name = package.holidays.get(date)
            if name is not None:
                return Day(date, False, name)
            adjusted = package.workdays.get(date)
            if adjusted is not None:
                return Day(date, True, adjusted)
            return Day(date, not weekend, WEEKEND if weekend else None)
        estimated = date.year not in extra.years
        return Day(date, not weekend, WEEKEND if weekend else None, estimated=estimated)

    def is_working_day(self, date: dt.date) -> bool:
        """Whether people work on ``date`` (weekdays only for an unknown year)."""
        working = self._working.get(date)
        if working is None:
            working = self._working[date] = self.day(date).working
        return working

    def add(self, start: dt.date, days: int, kind: DayKind) -> Due:
        """The due date ``days`` working (or calendar) days after ``start``, with its reasons."""
        due = self._added.get((start, days, kind))
        if due is None:
            due = self._added[start, days, kind] = add_days(self, start, days, kind)
        return due

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end ≤ start``)."""
        count = self._between.get((start, end))
        if count is None:
            count = self._between[start, end] = working_days_between(self, start, end)
        return count


def add_days(calendar: WorkCalendar, start: dt.date, days: int, kind: DayKind) -> Due:
    """``start`` plus ``days`` days of ``kind`` (see :class:`Due`); ``days`` ≥ 0."""
    if days < 0:
        raise ValueError("rectification days are never negative")
    if kind == "calendar":
        return Due(start, days, kind, start + dt.timedelta(days=days))
    skipped: list[Skipped] = []
    adjusted: list[dt.date] = []
    estimated: dict[int, None] = {}
    current = start
    counted = 0
    while counted < days:
        current += dt.timedelta(days=1)
        day = calendar.day(current)
        if day.estimated:
            estimated[current.year] = None
        if day.working:
            counted += 1
            if day.adjusted:
                adjusted.append(current)
            continue
        reason = day.reason if day.reason is not None else WEEKEND
        last = skipped[-1] if skipped else None
        if last is not None and last.reason == reason and last.last == current - dt.timedelta(1):
            skipped[-1] = Skipped(last.first, current, reason)
        else:
            skipped.append(Skipped(current, current, reason))
    return Due(
        start,
        days,
        kind,
        current,
        skipped=tuple(skipped),
        adjusted=tuple(adjusted),
        estimated_years=tuple(estimated),
    )


def working_days_between(calendar: WorkCalendar, start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end ≤ start``)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        count += calendar.is_working_day(current)
    return count


# -- the package (chinesecalendar) ---------------------------------------------------


class Official(NamedTuple):
    """The package's announcements: days off and weekend working days, with their names."""

    holidays: Mapping[dt.date, Name]
    workdays: Mapping[dt.date, Name]
    years: range


@cache
def official(cache_dir: Path | None = None) -> Official:
    """The installed package's tables; with ``cache_dir``, through a JSON copy kept there.

    The package's table module takes longer to import than a ``record`` takes to
    do its work, so a workspace keeps a copy, keyed by the module file's size and
    time (a new release of the package replaces it).
    """
    if cache_dir is None:
        return _from_package()
    from qingyang_inspect.calendar_file import cached_official

    return cached_official(cache_dir, _from_package)


def _from_package() -> Official:
    import chinese_calendar

    names = {h.value: Name(zh=str(h.chinese), en=str(h.value)) for h in chinese_calendar.Holiday}

    def named(table: Mapping[dt.date, str]) -> dict[dt.date, Name]:
        return {day: names.get(english, Name(english, english)) for day, english in table.items()}

    holidays = named(chinese_calendar.holidays)
    years = range(min(holidays).year, max(holidays).year + 1)
    return Official(holidays, named(chinese_calendar.workdays), years)


def official_years() -> range:
    """The years the installed package knows."""
    return official().years
