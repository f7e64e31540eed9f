"""Messages of the reminders to responsible units."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "reminders.bad_due_within": (
        "--due-within 应为 0 到 {max} 之间的工作日数，而不是 {value}",
        "--due-within should be a number of working days from 0 to {max}, not {value}",
    ),
    "reminders.bad_due_within_hint": (
        "如 --due-within {default}：提醒已逾期和 {default} 个工作日内到期的问题",
        "e.g. --due-within {default}: overdue problems and those due within {default} working days",
    ),
    "reminders.title": ("{district}整改提醒", "{district} rectification reminders"),
    "reminders.file": ("整改提醒_{as_of}", "reminders_{as_of}"),
    "reminders.col.phone": ("电话", "phone"),
    "reminders.col.name": ("姓名", "name"),
    "reminders.col.message": ("内容", "message"),
    "reminders.col.unit": ("责任单位", "responsible unit"),
    "reminders.greeting": ("{name}您好：", "Dear {name}, "),
    "reminders.greeting_anonymous": ("您好：", "Hello, "),
    "reminders.head": (
        "{greeting}截至{as_of}，{unit}有{counts}，请抓紧整改。",
        "{greeting}as of {as_of}, {unit} has {counts}. Please rectify:",
    ),
    "reminders.count_overdue": ("逾期问题{n}个", "{n} problem(s) overdue"),
    "reminders.count_soon": (
        "{days}个工作日内（{horizon}前）到期问题{n}个",
        "{n} due by {horizon} (within {days} working days)",
    ),
    "reminders.count_today": ("今日到期问题{n}个", "{n} due today"),
    "reminders.heading_overdue": ("【逾期】", "[Overdue]"),
    "reminders.heading_soon": ("【即将到期】", "[Due soon]"),
    "reminders.line_overdue": (
        "{n}. {number} {site} {what}，{due}到期，已逾期{days}天",
        "{n}. {number} {site}: {what}, due {due}, {days} day(s) late",
    ),
    "reminders.line_soon": (
        "{n}. {number} {site} {what}，{due}到期",
        "{n}. {number} {site}: {what}, due {due}",
    ),
    "reminders.awaiting_recheck": ("（已整改待复查）", " (awaiting recheck)"),
    "reminders.more": (
        "另有{more}个问题未列出，详见整改台账。",
        "{more} more: see the rectification ledger.",
    ),
    "reminders.summary": (
        "截至 {as_of}：{units} 个责任单位需提醒，逾期问题 {overdue} 个，"
        "{days} 个工作日内（{horizon} 前）到期问题 {soon} 个；每条不超过 {limit} 字",
        "as of {as_of}: {units} responsible unit(s) to remind, {overdue} overdue problem(s), "
        "{soon} due within {days} working day(s) (by {horizon}); at most {limit} characters "
        "a message",
    ),
    "reminders.none": (
        "截至 {as_of}，没有逾期或 {days} 个工作日内（{horizon} 前）到期的问题，无需提醒",
        "as of {as_of}, no problem is overdue or due within {days} working day(s) "
        "(by {horizon}): no reminders",
    ),
    "reminders.no_phone": (
        "{warning}: {unit}没有联系电话，短信表中该行电话为空；请在 {file}（点位 {site}）的 "
        "contact 中填写 phone",
        "{warning}: {unit} has no contact phone, its row in the SMS table has none; add a "
        "phone to the contact of site {site} in {file}",
    ),
    "reminders.unplaced": (
        "另有 {n} 个逾期或即将到期的问题所在点位已不在点位目录中，无责任单位可提醒；见整改台账",
        "{n} more problem(s) overdue or due soon are at sites no longer in the catalog, with "
        "no unit to remind: see the rectification ledger",
    ),
}
