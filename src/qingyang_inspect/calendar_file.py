"""The calendar's files: the workspace's holiday file (``holidays.yaml``: days the official
calendar lacks or gets wrong), and the JSON copies in the workspace's cache of that file and
of the package's tables.

Read through the catalog's positioned YAML reader, so every problem is reported
at ``file:line:col``, all of them at once, and the file is refused whole::

    years: [2027]                 # years this file gives in full (the announcement is out)
    holidays:                     # days off: a date, or a range with from/to
      - {date: 2027-01-01, name: 元旦}
      - {from: 2027-02-06, to: 2027-02-12, name: 春节}
    working_days:                 # weekend days worked (调休上班)
      - {date: 2027-02-20, name: 春节调休}
      - 2027-02-21                # a bare date is fine too
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.util
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qingyang_inspect import __version__
from qingyang_inspect.calendar import MAX_SPAN_DAYS, Name, Official, Overrides
from qingyang_inspect.errors import CalendarError, HolidayProblem
from qingyang_inspect.files import (
    MAX_YAML_BYTES,
    open_regular,
    os_reason,
    read_limited,
    write_whole,
)
from qingyang_inspect.i18n import t, translate

if TYPE_CHECKING:
    from qingyang_inspect.catalog.report import ValidationReport

_TOP_KEYS = ("years", "holidays", "working_days")
_ENTRY_KEYS = ("date", "from", "to", "name")
#: Years outside this range are typing mistakes, not plans.
_YEARS = range(1949, 2201)

Loc = tuple[str | int, ...]
CACHE_NAME = "holidays.json"
OFFICIAL_CACHE_NAME = "chinesecalendar.json"


class _Problems:
    """Every problem of the file, each with its place (rendered when the file is refused)."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.found: list[HolidayProblem] = []

    def add_at(self, line: int | None, column: int | None, path: str, message: str) -> None:
        self.found.append(HolidayProblem(line or 1, column or 1, path, message))

    def raise_if_any(self) -> None:
        if self.found:
            raise self.error()

    def error(self) -> CalendarError:
        ordered = sorted(self.found, key=lambda found: (found.line, found.column))
        lines = [
            f"{self.display}:{p.line}:{p.column}: {p.path + ': ' if p.path else ''}{p.message}"
            for p in ordered
        ]
        return CalendarError(
            t("calendar.file_invalid", count=len(lines), problems="\n".join(lines)),
            hint=t("calendar.file_hint", file=self.display),
            problems=ordered,
        )


def read_holiday_file(path: Path, display: str, cache_dir: Path | None = None) -> Overrides:
    """The file's days and years; :class:`CalendarError` with every problem at file:line:col.

    With ``cache_dir``, a valid file is kept there as JSON keyed by a hash of its
    bytes, so ``record`` reads JSON instead of parsing YAML on every run (as the
    catalog does).
    """
    try:
        raw = read_limited(path, MAX_YAML_BYTES)
    except OSError as exc:  # a FileProblem too: a FIFO, a device, a broken link, too large
        raise CalendarError(
            t("calendar.file_unreadable", file=display, reason=os_reason(exc))
        ) from None
    # The tool's version is part of the key: a newer reader may read the file differently.
    key = hashlib.blake2b(__version__.encode() + b"\0" + raw, digest_size=20).hexdigest()
    cache = cache_dir / CACHE_NAME if cache_dir is not None else None
    if cache is not None:
        cached = _read_cache(cache, key)
        if cached is not None:
            return cached
    found = _parse(path, display)
    if cache is not None:
        _write_cache(cache, key, found)
    return found


def _parse(path: Path, display: str) -> Overrides:
    # PyYAML only when the file changed: a warm run reads the JSON cache.
    from qingyang_inspect.catalog.yamlfile import YamlProblem, format_path, locate, read_document

    problems = _Problems(display)
    try:
        doc = read_document(path)
    except YamlProblem as problem:
        message = t(problem.message_key, **problem.params)
        problems.add_at(problem.line, problem.column, format_path(problem.path), message)
        raise problems.error() from None
    except OSError as exc:
        raise CalendarError(
            t("calendar.file_unreadable", file=display, reason=os_reason(exc))
        ) from None

    def add(loc: Loc, message: str, *, key: bool = False) -> None:
        (line, column), shown = locate(doc.root, loc, key=key)
        problems.add_at(line, column, format_path(shown), message)

    data = doc.data
    if not isinstance(data, dict):
        add((), t("calendar.not_mapping"))
        raise problems.error()
    for key in data:
        if key not in _TOP_KEYS:
            add((key,), t("calendar.unknown_key", key=key, keys=", ".join(_TOP_KEYS)), key=True)
    years = _years(data.get("years", []), add)
    holidays = _days(data.get("holidays", []), "holidays", add)
    working = _days(data.get("working_days", []), "working_days", add)
    for date, (loc, _) in working.items():
        if date in holidays:
            add(loc, t("calendar.both", date=date.isoformat()))
    problems.raise_if_any()
    return Overrides(
        holidays={d: name for d, (_, name) in holidays.items()},
        working_days={d: name for d, (_, name) in working.items()},
        years=frozenset(years),
    )


def _years(value: Any, add: Any) -> set[int]:
    if not isinstance(value, list):
        add(("years",), t("calendar.years_not_list"))
        return set()
    found: set[int] = set()
    for n, year in enumerate(value):
        if isinstance(year, bool) or not isinstance(year, int) or year not in _YEARS:
            add(("years", n), t("calendar.bad_year", value=year))
        else:
            found.add(year)
    return found


def _days(value: Any, section: str, add: Any) -> dict[dt.date, tuple[Loc, Name]]:
    """``date → (where it was written, name)`` for one list of the file."""
    if not isinstance(value, list):
        add((section,), t("calendar.section_not_list", section=section))
        return {}
    found: dict[dt.date, tuple[Loc, Name]] = {}
    # Both languages: the cache keeps the names for every later run, in either language.
    key = "calendar.default_holiday" if section == "holidays" else "calendar.default_working"
    default = Name(translate("zh", key), translate("en", key))
    for n, entry in enumerate(value):
        loc: Loc = (section, n)
        if not isinstance(entry, dict):
            date = _date(entry, loc, add)
            if date is not None:
                found[date] = (loc, default)
            continue
        for key in entry:
            if key not in _ENTRY_KEYS:
                add(
                    (*loc, key),
                    t("calendar.unknown_key", key=key, keys=", ".join(_ENTRY_KEYS)),
                    key=True,
                )
        raw_name = entry.get("name")
        if raw_name is not None and (not isinstance(raw_name, str) or not raw_name.strip()):
            add((*loc, "name"), t("calendar.bad_name"))
        given = raw_name.strip() if isinstance(raw_name, str) else ""
        name = Name(given, given) if given else default
        if "date" in entry:
            if "from" in entry or "to" in entry:
                add(loc, t("calendar.date_and_range"))
                continue
            date = _date(entry["date"], (*loc, "date"), add)
            if date is not None:
                found[date] = ((*loc, "date"), name)
            continue
        if "from" not in entry or "to" not in entry:
            add(loc, t("calendar.no_date"))
            continue
        first = _date(entry["from"], (*loc, "from"), add)
        last = _date(entry["to"], (*loc, "to"), add)
        if first is None or last is None:
            continue
        if last < first:
            add((*loc, "to"), t("calendar.range_backwards", first=first, last=last))
            continue
        if (last - first).days + 1 > MAX_SPAN_DAYS:
            add((*loc, "to"), t("calendar.range_too_long", max=MAX_SPAN_DAYS))
            continue
        day = first
        while day <= last:
            found[day] = ((*loc, "from"), name)
            day += dt.timedelta(days=1)
    return found


def _date(value: Any, loc: Loc, add: Any) -> dt.date | None:
    """A date as YAML wrote it (``2027-01-01``, quoted or not); else a problem at ``loc``."""
    if isinstance(value, dt.datetime):
        add(loc, t("calendar.not_a_date", value=value.isoformat(sep=" ")))
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    add(loc, t("calendar.not_a_date", value=value))
    return None


def _read_cache(path: Path, key: str) -> Overrides | None:
    try:
        with open_regular(path) as handle:  # (our file, but never a FIFO to hang on)
            data = json.loads(handle.read())
        if data["key"] != key:
            return None
        return Overrides(
            holidays=_dates(data["holidays"]),
            working_days=_dates(data["working_days"]),
            years=frozenset(data["years"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: parse the file again


def _write_cache(path: Path, key: str, found: Overrides) -> None:
    _write_json(
        path,
        {
            "key": key,
            "holidays": _names(found.holidays),
            "working_days": _names(found.working_days),
            "years": sorted(found.years),
        },
    )


def _names(days: Mapping[dt.date, Name]) -> dict[str, list[str]]:
    return {d.isoformat(): [n.zh, n.en] for d, n in days.items()}


def _dates(data: Mapping[str, list[str]]) -> dict[dt.date, Name]:
    return {dt.date.fromisoformat(d): Name(*n) for d, n in data.items()}


def _write_json(path: Path, data: object) -> None:
    """Write atomically; a cache that cannot be written is only a lost speed-up."""
    with contextlib.suppress(OSError):
        write_whole(path, json.dumps(data, ensure_ascii=False).encode(), prefix=".calendar-")


def cached_official(cache_dir: Path, build: Callable[[], Official]) -> Official:
    """The package's tables from ``cache_dir``, or ``build()`` them and keep a copy there."""
    spec = importlib.util.find_spec("chinese_calendar")  # finds, does not import
    folder = spec.submodule_search_locations if spec is not None else None
    if not folder:
        return build()
    try:
        info = (Path(next(iter(folder))) / "constants.py").stat()
    except OSError:
        return build()
    key = f"{next(iter(folder))}:{info.st_size}:{info.st_mtime_ns}"
    path = cache_dir / OFFICIAL_CACHE_NAME
    try:
        with open_regular(path) as handle:  # (our file, but never a FIFO to hang on)
            data = json.loads(handle.read())
        if data["key"] == key:
            return Official(
                holidays=_dates(data["holidays"]),
                workdays=_dates(data["workdays"]),
                years=range(*data["years"]),
            )
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing, damaged or stale: build it again
    found = build()
    _write_json(
        path,
        {
            "key": key,
            "holidays": _names(found.holidays),
            "workdays": _names(found.workdays),
            "years": [found.years.start, found.years.stop],
        },
    )
    return found


def add_holiday_issues(report: ValidationReport, path: Path) -> None:
    """Check the holiday file at ``path`` for ``inspect validate``: its problems join ``report``."""
    from qingyang_inspect.catalog.report import Issue
    from qingyang_inspect.files import display_name

    display = display_name(path)
    report.files.append(display)
    try:
        _parse(path, display)
    except CalendarError as error:
        if not error.problems:  # unreadable: one issue without a place
            report.issues.append(Issue(file=display, code="holidays", message=error.message))
        report.issues.extend(
            Issue(
                file=display,
                line=p.line,
                column=p.column,
                path=p.path,
                code="holidays",
                message=p.message,
            )
            for p in error.problems
        )
