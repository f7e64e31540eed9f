"""Due dates of new and amended problems: working days by default, calendar days where the
standard says so, an estimate (with a warning) in a year no calendar knows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import CalendarError
from qingyang_inspect.findings.lifecycle import amend
from qingyang_inspect.findings.pins import repin
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.i18n import set_language
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import Workspace
from store_helpers import CST

HOLIDAYS = Path(__file__).resolve().parents[1] / "examples" / "holidays"


def fail(item: str, at: dt.datetime, **extra: object) -> RecordRequest:
    # Found through the year, far from the round's dates: confirmed, as with --yes.
    return RecordRequest(
        site_id="M1", item_id=item, result="fail", inspector="张三", at=at, confirmed=True, **extra
    )  # type: ignore[arg-type]


def moment(*day: int) -> dt.datetime:
    return dt.datetime(*day, 10, 0, tzinfo=CST)


def test_deadlines_skip_national_day(store: Store, catalog: Catalog, supervision: str) -> None:
    # CM-AD-01: 3 working days from Wednesday 09-30: Thu 10-08, Fri 10-09, Sat 10-10 (调休上班).
    found = moment(2026, 9, 30)
    recorded = record_finding(store, catalog, fail("CM-AD-01", found), now=found)
    assert recorded.finding.due_date == dt.date(2026, 10, 10)
    assert recorded.warnings == ()


def test_an_unknown_year_gives_an_estimate_and_a_warning(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    set_language("zh")
    found = moment(2026, 12, 31)
    recorded = record_finding(store, catalog, fail("CM-EN-01", found), now=found)
    finding = recorded.finding
    assert finding.due_date == dt.date(2027, 1, 1)  # weekdays only: Friday 2027-01-01
    [warning] = recorded.warnings
    assert warning.startswith(
        "截止日期 2027-01-01 为估算：2027 年的节假日安排未知，按周一至周五估算"
        "（chinesecalendar 收录 2004–2026 年，holidays.yaml 未补充该年）"
    )
    assert f"inspect findings amend {finding.id} --due" in warning
    # Given by hand, the due date is the inspector's: no warning.
    given = fail("CM-EN-01", found, due=dt.date(2027, 1, 4))
    assert record_finding(store, catalog, given, now=found).warnings == ()


def with_holidays(workspace: Workspace, case: str) -> Catalog:
    """The workspace's catalog after copying in the holiday file of example ``case``."""
    (workspace.root / "holidays.yaml").write_bytes((HOLIDAYS / case / "holidays.yaml").read_bytes())
    return load_workspace_catalog(workspace)


def test_the_holiday_file_makes_the_year_known(
    workspace: Workspace, store: Store, supervision: str
) -> None:
    catalog = with_holidays(workspace, "valid-2027")
    found = moment(2026, 12, 31)
    recorded = record_finding(store, catalog, fail("CM-EN-01", found), now=found)
    # 2027-01-01 … 01-03 off per the file: Monday 01-04.
    assert (recorded.finding.due_date, recorded.warnings) == (dt.date(2027, 1, 4), ())


def test_a_bad_holiday_file_refuses_the_record_and_writes_nothing(
    workspace: Workspace, store: Store, supervision: str
) -> None:
    catalog = with_holidays(workspace, "bad-date")
    found = moment(2026, 6, 8)
    with pytest.raises(CalendarError, match=r"holidays\.yaml:5:12: holidays\[1\]\.date"):
        record_finding(store, catalog, fail("CM-EN-01", found), now=found)
    assert store.finding_counts() == {}


def test_calendar_days_where_the_standard_says_so(
    workspace: Workspace, store: Store, supervision: str
) -> None:
    standard = workspace.standards / "standard.yaml"
    text = standard.read_text(encoding="utf-8")
    standard.write_text(
        text.replace(
            "  default_rectification_days: 5\n",
            "  default_rectification_days: 5\n  default_rectification_day_kind: calendar\n",
        ),
        encoding="utf-8",
    )
    catalog = load_workspace_catalog(workspace)
    found = moment(2026, 10, 1)
    # The round is scored by what it pinned: until it adopts the changed standard, its
    # deadlines still count working days.
    pinned = record_finding(store, catalog, fail("CM-EN-01", found), now=found)
    assert pinned.finding.due_date == dt.date(2026, 10, 8)
    assert "default_rectification_day_kind" in pinned.warnings[0]
    repin(store, catalog, name=supervision, reason="按通知改用日历日", actor="王", now=found)
    later = found + dt.timedelta(hours=1)
    recorded = record_finding(store, catalog, fail("CM-EN-01", later), now=later)
    assert recorded.finding.due_date == dt.date(2026, 10, 2)  # inside the holiday, as written
    assert recorded.warnings == ()


def test_amending_to_a_failure_counts_working_days(
    store: Store, catalog: Catalog, supervision: str
) -> None:
    found = moment(2026, 2, 12)  # Thursday before the Spring Festival
    passed = record_finding(
        store,
        catalog,
        RecordRequest(
            site_id="M1",
            item_id="CM-AD-01",
            result="pass",
            inspector="张三",
            at=found,
            confirmed=True,
        ),
        now=found,
    ).finding
    later = moment(2026, 2, 13)
    amended = amend(
        store, catalog, passed.id, reason="复核照片", actor="李四", now=later, result="fail"
    )
    # 3 working days: Fri 02-13, Sat 02-14 (调休上班), then 02-15 … 02-23 off: Tue 02-24.
    assert amended.due_date == dt.date(2026, 2, 24)
