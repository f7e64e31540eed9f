"""Reminders to responsible units (整改提醒): one short message per unit with problems due.

A unit gets a message when, as of a date, it has overdue problems or problems
due within N working days (up to the *horizon*, that many working days after
the as-of date, holidays and 调休 counted as the official calendar says). The
problems are the ledger's: :func:`~qingyang_inspect.views.ledger.build_ledger`
over the problems not yet closed, so "overdue" is the ledger's rule
(:meth:`~qingyang_inspect.findings.model.Finding.overdue`), never a second one.

A message is addressed to a contact of the unit's sites (name and phone from
the site files) and lists, overdue first, each problem's number, site, what is
wrong and its due date, within :data:`MAX_LENGTH` characters: what does not fit
is counted ("另有3个问题未列出，详见整改台账"). :func:`reminders_document`
gives the messages as paragraphs (terminal, ``text``) and as one table of
phone, name and message (CSV for a bulk-SMS platform; JSON with every problem);
:func:`reminder_notes` what goes to stderr (a unit without a phone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from qingyang_inspect.calendar import Due
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import ReportError
from qingyang_inspect.i18n import t
from qingyang_inspect.text import is_wide
from qingyang_inspect.views.base import Column, Document, Table, Text
from qingyang_inspect.views.deadlines import estimated_note
from qingyang_inspect.views.labels import date_text
from qingyang_inspect.views.ledger import LedgerFilter, LedgerRow, build_ledger
from qingyang_inspect.views.source import FindingSource

#: Longest message, in characters (a Chinese character, a letter, a digit, a punctuation
#: mark and a line break count one each): five SMS segments of 67 characters at most,
#: within what bulk-SMS platforms accept, short enough to read in a work group.
MAX_LENGTH = 300
#: The default of ``--due-within``: the usual rectification time (3 个工作日).
DEFAULT_DUE_WITHIN = 3
#: The longest look-ahead, in working days (about a quarter).
MAX_DUE_WITHIN = 60

# Widest parts of a message, in display columns (a Chinese character takes two), so that
# the heading and the "more" line always fit within MAX_LENGTH whatever the names, and
# English text keeps as many words as Chinese keeps characters.
_NAME_MAX = 16
_UNIT_MAX = 48
_SITE_MAX = 28
_WHAT_MAX = 40
#: Punctuation a cut text does not end with (a requirement's full stop before "，10-08到期").
_TRAILING = "。；;，,、.：: "


@dataclass(frozen=True)
class Reminder:
    """The message to one responsible unit and what it is made of."""

    unit: str
    #: Who it is addressed to: a contact of the unit's sites (empty when none is named).
    contact: str
    phone: str
    #: The site whose contact that is (the unit's first listed site when none has one).
    site_id: str
    overdue: tuple[LedgerRow, ...]
    due_soon: tuple[LedgerRow, ...]
    #: The problems the message lists (the first ones; the rest are counted).
    shown: int
    message: str

    @property
    def problems(self) -> tuple[LedgerRow, ...]:
        """Every problem of the reminder, in the message's order."""
        return self.overdue + self.due_soon

    def cells(self) -> tuple[str, str, str, str]:
        """Phone, name, message (what a bulk-SMS platform imports), then the unit."""
        return (self.phone, self.contact, self.message, self.unit)

    def to_json(self) -> dict[str, Any]:
        """The reminder for scripts: the message and every problem it is about."""
        return {
            "responsible_unit": self.unit,
            "contact": self.contact or None,
            "phone": self.phone or None,
            "contact_site_id": self.site_id,
            "overdue": len(self.overdue),
            "due_soon": len(self.due_soon),
            "listed": self.shown,
            "message": self.message,
            "length": len(self.message),
            "problems": [
                {
                    "problem_number": row.number,
                    "finding_id": row.finding_id,
                    "site_id": row.site_id,
                    "site_name": row.site_name,
                    "item_id": row.item_id,
                    "what": _what(row),
                    "due_date": date_text(row.due_date),
                    "overdue": row.overdue,
                    "overdue_days": row.overdue_days,
                    "status": row.status,
                }
                for row in self.problems
            ],
        }


@dataclass(frozen=True)
class Reminders:
    """The reminders of one as-of date, unit by unit (units in catalog order)."""

    district: str
    as_of: dt.date
    due_within: int
    #: The last day counted as due soon, and how it was reached.
    horizon: Due
    reminders: tuple[Reminder, ...]
    #: The longest message, in characters.
    max_length: int = MAX_LENGTH
    #: Problems due at sites no longer in the catalog: no unit to remind.
    unplaced: int = 0


def check_due_within(days: int) -> None:
    """Refuse a look-ahead below 0 or above :data:`MAX_DUE_WITHIN` working days."""
    if not 0 <= days <= MAX_DUE_WITHIN:
        raise ReportError(
            t("reminders.bad_due_within", value=days, max=MAX_DUE_WITHIN),
            hint=t("reminders.bad_due_within_hint", default=DEFAULT_DUE_WITHIN),
        )


def build_reminders(
    catalog: Catalog,
    source: FindingSource,
    *,
    district: str,
    as_of: dt.date,
    due_within: int = DEFAULT_DUE_WITHIN,
    max_length: int = MAX_LENGTH,
) -> Reminders:
    """The reminders as of ``as_of``: every unit with problems overdue or due within
    ``due_within`` working days, each as one message of at most ``max_length`` characters.

    Raises :class:`ReportError` for a look-ahead out of range.
    """
    check_due_within(due_within)
    horizon = catalog.calendar.add(as_of, due_within, "working")
    ledger = build_ledger(
        catalog,
        source,
        district=district,
        as_of=as_of,
        flt=LedgerFilter(statuses=frozenset({"open", "rectified"})),
    )
    unit_sites = dict(ledger.unit_sites)
    reminders = []
    unplaced = 0
    for unit, rows in ledger.units():
        overdue: list[LedgerRow] = []
        soon: list[LedgerRow] = []
        for row in rows:
            if row.overdue:
                overdue.append(row)
            elif row.due_date is not None and row.due_date <= horizon.date:
                soon.append(row)
        if not unit:
            unplaced += len(overdue) + len(soon)
            continue
        if not overdue and not soon:
            continue
        overdue.sort(key=lambda r: (r.due_date or as_of, r.seq))
        soon.sort(key=lambda r: (r.due_date or as_of, r.seq))
        reminders.append(
            _reminder(catalog, unit, unit_sites[unit], overdue, soon, as_of, horizon, max_length)
        )
    return Reminders(
        district=district,
        as_of=as_of,
        due_within=due_within,
        horizon=horizon,
        reminders=tuple(reminders),
        max_length=max_length,
        unplaced=unplaced,
    )


def _reminder(
    catalog: Catalog,
    unit: str,
    sites: Sequence[str],
    overdue: list[LedgerRow],
    soon: list[LedgerRow],
    as_of: dt.date,
    horizon: Due,
    max_length: int,
) -> Reminder:
    listed = {row.site_id for row in (*overdue, *soon)}
    candidates = [s for s in sites if s in listed]
    contacts = [(s, catalog.sites[s].contact) for s in candidates]
    # The first of the unit's listed sites (catalog order) with a phone, else with a name.
    site_id, contact = next(
        ((s, c) for s, c in contacts if c is not None and c.phone),
        next(((s, c) for s, c in contacts if c is not None), (candidates[0], None)),
    )
    name = contact.name if contact is not None else ""
    phone = contact.phone if contact is not None and contact.phone else ""
    message, shown = compose(
        name=name,
        unit=unit,
        overdue=overdue,
        soon=soon,
        as_of=as_of,
        horizon=horizon,
        max_length=max_length,
    )
    return Reminder(
        unit=unit,
        contact=name,
        phone=phone,
        site_id=site_id,
        overdue=tuple(overdue),
        due_soon=tuple(soon),
        shown=shown,
        message=message,
    )


def compose(
    *,
    name: str,
    unit: str,
    overdue: Sequence[LedgerRow],
    soon: Sequence[LedgerRow],
    as_of: dt.date,
    horizon: Due,
    max_length: int = MAX_LENGTH,
) -> tuple[str, int]:
    """The message and how many problems it lists: a heading with the counts, then the
    overdue and the due-soon problems, one a line, as many as fit in ``max_length``
    characters with the line counting the rest (the heading and that line alone when not
    even one problem fits)."""
    counts = []
    if overdue:
        counts.append(t("reminders.count_overdue", n=len(overdue)))
    if soon:
        if horizon.days:
            counts.append(
                t(
                    "reminders.count_soon",
                    n=len(soon),
                    days=horizon.days,
                    horizon=_day(horizon.date, as_of),
                )
            )
        else:
            counts.append(t("reminders.count_today", n=len(soon)))
    greeting = (
        t("reminders.greeting", name=_cut(name, _NAME_MAX))
        if name
        else t("reminders.greeting_anonymous")
    )
    lines = [
        t(
            "reminders.head",
            greeting=greeting,
            as_of=date_text(as_of),
            unit=_cut(unit, _UNIT_MAX),
            counts=t("report.name_sep").join(counts),
        )
    ]
    total = len(overdue) + len(soon)
    groups = (
        (t("reminders.heading_overdue"), overdue),
        (t("reminders.heading_soon"), soon),
    )
    shown = 0

    def fits(extra: Sequence[str], rest: int) -> bool:
        tail = [t("reminders.more", more=rest)] if rest else []
        return len("\n".join([*lines, *extra, *tail])) <= max_length

    for heading_text, rows in groups:
        for index, row in enumerate(rows):
            heading = [heading_text] if index == 0 else []
            line = _line(row, shown + 1, as_of)
            if not fits([*heading, line], total - shown - 1):
                return "\n".join([*lines, t("reminders.more", more=total - shown)]), shown
            lines.extend([*heading, line])
            shown += 1
    return "\n".join(lines), shown


def _line(row: LedgerRow, n: int, as_of: dt.date) -> str:
    """``1. 7K3M9Q2X1A 宽窄巷子 垃圾桶满溢，09-25到期，已逾期5天``."""
    values = {
        "n": n,
        "number": row.number,
        "site": _cut(row.site_name, _SITE_MAX),
        "what": _cut(_what(row), _WHAT_MAX),
        "due": _day(row.due_date, as_of) if row.due_date else "",
    }
    if row.overdue:
        line = t("reminders.line_overdue", days=row.overdue_days, **values)
    else:
        line = t("reminders.line_soon", **values)
    if row.status == "rectified":
        line += t("reminders.awaiting_recheck")
    return line


def _what(row: LedgerRow) -> str:
    """What is wrong: the inspector's note, else the item's requirement."""
    return row.description or row.requirement


def _cut(text: str, limit: int) -> str:
    """``text`` on one line within ``limit`` display columns, cut with an ellipsis, no end
    punctuation (a message's lines are its own: a name's line break would split one)."""
    text = " ".join(text.split()).rstrip(_TRAILING)
    widths = [2 if is_wide(c) else 1 for c in text]
    if sum(widths) <= limit:
        return text
    used = 0
    for end, width in enumerate(widths):
        used += width
        if used > limit - 1:
            return text[:end].rstrip(_TRAILING) + "…"
    return text  # pragma: no cover - the sum exceeds the limit


def _day(day: dt.date, as_of: dt.date) -> str:
    """``10-08`` in the as-of year, ``2027-01-05`` otherwise."""
    return f"{day.month:02d}-{day.day:02d}" if day.year == as_of.year else date_text(day)


def reminders_columns() -> tuple[Column, ...]:
    """Phone, name and message (a bulk-SMS platform's import), and the unit (JSON only)."""
    return (
        Column("phone", t("reminders.col.phone"), "id", priority=None),
        Column("name", t("reminders.col.name"), priority=None),
        Column("message", t("reminders.col.message"), priority=None),
        Column("unit", t("reminders.col.unit"), priority=None, export=False),
    )


def reminders_document(reminders: Reminders) -> Document:
    """The reminders as a document: the messages as paragraphs for a work group (terminal,
    ``text``), one table of phone, name and message for a bulk-SMS platform (CSV) and
    scripts (JSON, with every problem). What people should know besides goes to stderr
    in every format: :func:`reminder_notes`.
    """
    sections: list[Any] = []
    if reminders.reminders:
        sections.append(Text(None, "\n\n".join(r.message for r in reminders.reminders)))
    sections.append(
        Table(
            key="reminders",
            title="",
            columns=reminders_columns(),
            source=lambda: reminders.reminders,
            cells=Reminder.cells,
            record=Reminder.to_json,
            count_key="count",
            terminal=False,
        )
    )
    return Document(
        key="reminders",
        title=t("reminders.title", district=reminders.district),
        sections=tuple(sections),
        meta={
            "report": "reminders",
            "district": reminders.district,
            "as_of": date_text(reminders.as_of),
            "due_within": reminders.due_within,
            "due_by": date_text(reminders.horizon.date),
            "max_length": reminders.max_length,
        },
        filename=t("reminders.file", as_of=date_text(reminders.as_of)),
    )


def reminder_notes(
    reminders: Reminders, *, site_file: Callable[[str], str] | None = None
) -> list[str]:
    """Lines for stderr, whatever the format: the summary, a look-ahead resting on an
    unknown year, each unit without a phone (naming where to add one: ``site_file(site_id)``
    gives ``sites/x.yaml:12``; without it the site id), problems no unit can be reminded of.
    """
    notes = [summary(reminders)]
    if reminders.horizon.estimated:
        notes.append(estimated_note(reminders.horizon))
    notes.extend(
        t(
            "reminders.no_phone",
            warning=t("store.warning"),
            unit=reminder.unit,
            site=reminder.site_id,
            file=site_file(reminder.site_id) if site_file else reminder.site_id,
        )
        for reminder in reminders.reminders
        if not reminder.phone
    )
    if reminders.unplaced:
        notes.append(t("reminders.unplaced", n=reminders.unplaced))
    return notes


def summary(reminders: Reminders) -> str:
    """The line on stderr: how many units get a message, and what counts as due."""
    if not reminders.reminders:
        return t(
            "reminders.none",
            as_of=date_text(reminders.as_of),
            days=reminders.due_within,
            horizon=date_text(reminders.horizon.date),
        )
    return t(
        "reminders.summary",
        units=len(reminders.reminders),
        overdue=sum(len(r.overdue) for r in reminders.reminders),
        soon=sum(len(r.due_soon) for r in reminders.reminders),
        as_of=date_text(reminders.as_of),
        days=reminders.due_within,
        horizon=date_text(reminders.horizon.date),
        limit=reminders.max_length,
    )
