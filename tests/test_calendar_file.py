"""The workspace's holiday file: every folder under tests/examples/holidays/ is a case.

A case holds ``holidays.yaml`` and, when the file is bad, the exact message and hint
expected in Chinese (``expected.txt``) and English (``expected.en.txt``). A case
without expected files must read cleanly. ``REGENERATE_HOLIDAY_CASES=1`` writes the
expected files, which must then be read and checked by hand.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from qingyang_inspect.calendar import Name, Official, WorkCalendar, official
from qingyang_inspect.calendar_file import cached_official
from qingyang_inspect.errors import CalendarError, WorkspaceError
from qingyang_inspect.i18n import set_language
from qingyang_inspect.workspace import load_workspace

CASES = Path(__file__).resolve().parent / "examples" / "holidays"
BAD = sorted(p for p in CASES.iterdir() if p.is_dir() and p.name != "valid-2027")


def problem_text(case: Path, lang: str) -> str:
    set_language("en" if lang == "en" else "zh")
    calendar = WorkCalendar(case / "holidays.yaml", display="holidays.yaml")
    with pytest.raises(CalendarError) as caught:
        _ = calendar.overrides
    return f"{caught.value.message}\n{caught.value.hint}\n"


@pytest.mark.parametrize("case", BAD, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bad_file_is_refused_with_every_problem_in_place(case: Path, lang: str) -> None:
    expected_file = case / ("expected.en.txt" if lang == "en" else "expected.txt")
    found = problem_text(case, lang)
    if os.environ.get("REGENERATE_HOLIDAY_CASES"):
        expected_file.write_text(found, encoding="utf-8")
    assert found == expected_file.read_text(encoding="utf-8")


def test_the_valid_file_adds_its_year_and_corrects_a_day() -> None:
    calendar = WorkCalendar(CASES / "valid-2027" / "holidays.yaml")
    extra = calendar.overrides
    assert extra.years == {2027}
    assert extra.holidays[dt.date(2027, 2, 6)] == Name("春节", "春节")
    assert extra.holidays[dt.date(2026, 6, 22)] == Name("放假", "holiday")
    assert len(extra.holidays) == 3 + 7 + 1
    assert calendar.knows(2027)
    due = calendar.add(dt.date(2027, 2, 5), 1, "working")  # Fri; 02-06 … 02-12 off
    assert (due.date, due.estimated) == (dt.date(2027, 2, 15), False)
    assert calendar.add(dt.date(2027, 2, 19), 1, "working").date == dt.date(2027, 2, 20)


def test_the_workspace_reads_holidays_yaml_when_present(minimal_workspace: Path) -> None:
    assert not load_workspace(minimal_workspace).work_calendar().knows(2027)
    (minimal_workspace / "holidays.yaml").write_bytes(
        (CASES / "valid-2027" / "holidays.yaml").read_bytes()
    )
    calendar = load_workspace(minimal_workspace).work_calendar()
    assert calendar.knows(2027) and calendar.display == "holidays.yaml"


def test_a_holiday_file_named_in_the_config_must_exist(minimal_workspace: Path) -> None:
    config = minimal_workspace / "inspect.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'holidays = "calendar/2027.yaml"\n', encoding="utf-8"
    )
    with pytest.raises(WorkspaceError, match=r"calendar/2027\.yaml"):
        load_workspace(minimal_workspace)


def test_a_valid_file_is_read_back_from_its_cache(tmp_path: Path) -> None:
    source = tmp_path / "holidays.yaml"
    source.write_bytes((CASES / "valid-2027" / "holidays.yaml").read_bytes())
    first = WorkCalendar(source, cache_dir=tmp_path / "cache").overrides
    assert (tmp_path / "cache" / "holidays.json").is_file()
    assert WorkCalendar(source, cache_dir=tmp_path / "cache").overrides == first
    # A changed file is parsed again, never served from the old cache.
    source.write_text("years: [2028]\n", encoding="utf-8")
    assert WorkCalendar(source, cache_dir=tmp_path / "cache").overrides.years == {2028}
    source.write_text("years: [20x8]\n", encoding="utf-8")
    with pytest.raises(CalendarError, match=r"holidays\.yaml:1:9"):
        _ = WorkCalendar(source, display="holidays.yaml", cache_dir=tmp_path / "cache").overrides


def test_the_packages_tables_are_kept_in_the_cache(tmp_path: Path) -> None:
    built: list[int] = []

    def build() -> Official:
        built.append(1)
        return official()

    first = cached_official(tmp_path, build)
    again = cached_official(tmp_path, build)
    assert first == again == official() and len(built) == 1
    assert again.holidays[dt.date(2026, 10, 1)] == Name("国庆节", "National Day")
    assert again.workdays[dt.date(2026, 10, 10)] == Name("国庆节", "National Day")
    # A copy made from another release of the package is not used.
    copy = tmp_path / "chinesecalendar.json"
    copy.write_text(copy.read_text(encoding="utf-8").replace('"key": "', '"key": "old'))
    assert cached_official(tmp_path, build) == first and len(built) == 2
