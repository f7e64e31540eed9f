"""The reminders view: the look-ahead across the 2026 Spring Festival and its 调休 Saturdays,
the length limit, whom a message is addressed to, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Contact
from qingyang_inspect.errors import ReportError
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.i18n import set_language
from qingyang_inspect.views.reminders import (
    MAX_LENGTH,
    Reminders,
    build_reminders,
    reminder_notes,
)
from qingyang_inspect.views.source import ListSource
from worked_example import finding, minimal_catalog


def catalog_with(
    contacts: dict[str, Contact | None], units: dict[str, str] | None = None
) -> Catalog:
    """The minimal catalog with these contacts (and responsible units) at its sites."""
    base = minimal_catalog()
    sites = {
        key: dataclasses.replace(
            site,
            contact=contacts.get(key),
            responsible_unit=(units or {}).get(key, site.responsible_unit),
        )
        for key, site in base.sites.items()
    }
    return dataclasses.replace(base, sites=sites)


def problem(site: str, due: str, **extra: Any) -> Finding:
    due_date = dt.date.fromisoformat(due)
    return finding(
        site, "CM-EN-01", "fail", 1, month=due_date.month, day=1, due_date=due_date, **extra
    )


def build(catalog: Catalog, findings: list[Finding], as_of: str, days: int = 3) -> Reminders:
    return build_reminders(
        catalog,
        ListSource(findings),
        district="青羊区",
        as_of=dt.date.fromisoformat(as_of),
        due_within=days,
    )


CONTACTS = {
    "M1": Contact(name="李经理", phone="13800000001"),
    "M2": Contact(name="赵经理", phone="13800000002"),
    "A1": Contact(name="周主任", phone="13800000003"),
}


def test_the_look_ahead_counts_working_days_across_the_spring_festival() -> None:
    """Friday 13 Feb 2026: Saturday 14 Feb is a working day (调休), 15–23 Feb are the
    holiday; two working days reach Tuesday 24 Feb, so a problem due on the 24th is
    due soon and one due on the 25th is not. Saturday 28 Feb is a working day too."""
    catalog = catalog_with(CONTACTS)
    findings = [
        problem("M1", "2026-02-12"),  # overdue one day
        problem("M1", "2026-02-14"),
        problem("M1", "2026-02-20"),  # inside the holiday: a calendar-day deadline
        problem("M1", "2026-02-24"),
        problem("M1", "2026-02-25"),
    ]
    reminders = build(catalog, findings, "2026-02-13", days=2)
    assert reminders.horizon.date == dt.date(2026, 2, 24)
    (reminder,) = reminders.reminders
    assert [r.due_date for r in reminder.overdue] == [dt.date(2026, 2, 12)]
    assert [r.due_date for r in reminder.due_soon] == [
        dt.date(2026, 2, 14),
        dt.date(2026, 2, 20),
        dt.date(2026, 2, 24),
    ]
    assert reminder.message.splitlines()[0] == (
        "李经理您好：截至2026-02-13，测试市场管理公司有逾期问题1个、"
        "2个工作日内（02-24前）到期问题3个，请抓紧整改。"
    )
    # From Friday 27 Feb one working day is Saturday 28 Feb (调休).
    later = build(
        catalog, [problem("M1", "2026-02-28"), problem("M1", "2026-03-02")], "2026-02-27", 1
    )
    assert later.horizon.date == dt.date(2026, 2, 28)
    assert [r.due_date for r in later.reminders[0].due_soon] == [dt.date(2026, 2, 28)]


def test_a_unit_with_nothing_due_gets_no_message() -> None:
    catalog = catalog_with(CONTACTS)
    findings = [
        problem("M1", "2026-03-03"),
        problem("M2", "2026-03-20"),  # not due yet
        problem("A1", "2026-03-01", status="closed"),  # closed
        problem("A1", "2026-03-02", voided=True),  # voided
    ]
    reminders = build(catalog, findings, "2026-03-02")
    assert [r.unit for r in reminders.reminders] == ["测试市场管理公司"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_list_is_cut_to_the_limit_and_counted(lang: str) -> None:
    set_language(lang)
    long_name = "成都市青羊区某某街道某某社区居民委员会文明城市创建工作领导小组办公室"
    catalog = catalog_with(
        {"M1": Contact(name="欧阳某某某某某某某某某某", phone="13800000001")},
        units={"M1": long_name, "M2": long_name},
    )
    findings = [
        problem("M1" if k % 2 else "M2", f"2026-03-{1 + k % 20:02d}", note="垃圾" * 40)
        for k in range(30)
    ]
    reminders = build(catalog, findings, "2026-03-25")
    (reminder,) = reminders.reminders
    assert len(reminder.overdue) == 30
    assert len(reminder.message) <= MAX_LENGTH
    lines = reminder.message.splitlines()
    more = 30 - reminder.shown
    assert 0 < reminder.shown < 30
    expected = {
        "zh": f"另有{more}个问题未列出，详见整改台账。",
        "en": f"{more} more: see the rectification ledger.",
    }
    assert lines[-1] == expected[lang]
    # One problem a line after the heading and the section's title, numbered 1…shown.
    listed = lines[2:-1]
    assert [line.split(".")[0] for line in listed] == [str(k) for k in range(1, reminder.shown + 1)]
    # Names and notes are cut with an ellipsis, never dropped.
    assert all("…" in line for line in listed)


#: Names as the site files may hold them (line breaks too: a message keeps its lines).
NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(
    str.strip
)


@settings(max_examples=80, deadline=None)
@given(
    overdue=st.integers(0, 40),
    soon=st.integers(0, 40),
    note=st.text(max_size=120),
    unit=NAMES,
    name=NAMES,
    lang=st.sampled_from(["zh", "en"]),
)
def test_every_message_fits_and_counts_every_problem(
    overdue: int, soon: int, note: str, unit: str, name: str, lang: str
) -> None:
    """Whatever the names and notes, a message stays within the limit and lists or counts
    every problem."""
    set_language(lang)  # type: ignore[arg-type]
    catalog = catalog_with(
        {"M1": Contact(name=name, phone="13800000001")}, units={"M1": unit, "M2": unit}
    )
    findings = [problem("M1", "2026-03-02", note=note or None) for _ in range(overdue)]
    findings += [
        problem("M2", "2026-03-06", note=note or None, status="rectified") for _ in range(soon)
    ]
    reminders = build(catalog, findings, "2026-03-04")
    if not overdue and not soon:
        assert reminders.reminders == ()
        return
    (reminder,) = reminders.reminders
    assert len(reminder.message) <= MAX_LENGTH
    assert (len(reminder.overdue), len(reminder.due_soon)) == (overdue, soon)
    lines = reminder.message.splitlines()
    if reminder.shown < overdue + soon:
        # The last line counts the rest ("另有3个…" / "3 more: …").
        assert str(overdue + soon - reminder.shown) in lines.pop()
    numbered = [line for line in lines[1:] if line[:1].isdigit()]
    assert [line.split(".")[0] for line in numbered] == [
        str(k) for k in range(1, reminder.shown + 1)
    ]


def test_the_message_goes_to_a_contact_with_a_phone() -> None:
    """The unit's first listed site with a phone; without any phone, a name, and a warning
    naming where to add one."""
    units = {"M1": "同一单位", "M2": "同一单位", "A1": "同一单位"}
    findings = [problem("M1", "2026-03-02"), problem("M2", "2026-03-02")]
    no_phone_first = catalog_with(
        {"M1": Contact(name="李经理"), "M2": Contact(name="赵经理", phone="13800000002")}, units
    )
    (reminder,) = build(no_phone_first, findings, "2026-03-04").reminders
    assert (reminder.contact, reminder.phone, reminder.site_id) == ("赵经理", "13800000002", "M2")

    nobody = catalog_with({}, units)
    reminders = build(nobody, findings, "2026-03-04")
    (reminder,) = reminders.reminders
    assert (reminder.contact, reminder.phone, reminder.site_id) == ("", "", "M1")
    assert reminder.message.startswith("您好：截至2026-03-04，同一单位有逾期问题2个")
    notes = reminder_notes(reminders, site_file=lambda site: f"sites/x.yaml:{site}")
    assert notes[1] == (
        "警告: 同一单位没有联系电话，短信表中该行电话为空；"
        "请在 sites/x.yaml:M1（点位 M1）的 contact 中填写 phone"
    )


def test_problems_at_sites_gone_from_the_catalog_are_counted() -> None:
    catalog = catalog_with(CONTACTS)
    reminders = build(catalog, [problem("GONE", "2026-03-02")], "2026-03-04")
    assert reminders.reminders == ()
    assert reminders.unplaced == 1
    notes = reminder_notes(reminders)
    assert notes[-1].startswith("另有 1 个逾期或即将到期的问题所在点位已不在点位目录中")


@pytest.mark.parametrize("days", [-1, 61])
def test_a_look_ahead_out_of_range_is_refused(days: int) -> None:
    with pytest.raises(ReportError) as caught:
        build(catalog_with(CONTACTS), [], "2026-03-04", days=days)
    assert caught.value.message == f"--due-within 应为 0 到 60 之间的工作日数，而不是 {days}"


def test_an_unknown_year_says_the_look_ahead_is_an_estimate() -> None:
    reminders = build(catalog_with(CONTACTS), [problem("M1", "2031-03-02")], "2031-03-04")
    assert reminders.horizon.estimated
    notes = reminder_notes(reminders)
    assert "2031" in notes[1] and "估算" in notes[1]
