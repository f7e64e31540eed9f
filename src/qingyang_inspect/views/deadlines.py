"""How a due date (截止日期) was reached, in words: working days, holidays passed over, 调休.

``findings show`` prints it next to the due date; ``record`` warns with
:func:`estimate_warning` when part of the count rests on weekdays only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from qingyang_inspect.calendar import WEEKEND, DayKind, Due, Name, Skipped
from qingyang_inspect.i18n import get_language, t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.catalog.models import Item
    from qingyang_inspect.findings.model import Finding

_WEEKDAY_KEYS = (
    "calendar.weekday.0",
    "calendar.weekday.1",
    "calendar.weekday.2",
    "calendar.weekday.3",
    "calendar.weekday.4",
    "calendar.weekday.5",
    "calendar.weekday.6",
)


def weekday_label(date: dt.date) -> str:
    """周一 … 周日 / Monday … Sunday."""
    return t(_WEEKDAY_KEYS[date.weekday()])


def name_label(reason: Name | str) -> str:
    """A holiday's name in the current language, or 周末 / weekend."""
    if isinstance(reason, Name):
        return reason.en if get_language() == "en" else reason.zh
    return t("calendar.weekend") if reason == WEEKEND else reason


def _skipped(run: Skipped) -> str:
    if run.first == run.last:
        when = t("calendar.on_day", date=run.first.isoformat(), weekday=weekday_label(run.first))
    else:
        when = t("calendar.day_range", first=run.first.isoformat(), last=run.last.isoformat())
    return t("calendar.skipped", days=when, reason=name_label(run.reason))


def days_label(days: int, kind: DayKind) -> str:
    """``3 个工作日`` / ``3 个自然日``."""
    if kind == "working":
        return t("calendar.n_working_days", n=days)
    return t("calendar.n_calendar_days", n=days)


def days_given(
    catalog: Catalog, item: Item | None, found: dt.date, due: dt.date | None
) -> int | None:
    """The rectification days from ``found`` to ``due``, counted as the item counts them."""
    if due is None:
        return None
    if item is not None and catalog.rectification_day_kind(item) == "working":
        return catalog.calendar.between(found, due)
    return (due - found).days


def explain_due(due: Due) -> str:
    """``2026-10-01 起 3 个工作日 → 2026-10-10：跳过 …；2026-10-10（周六）调休上班``."""
    head = t(
        "calendar.due_sum",
        start=due.start.isoformat(),
        days=days_label(due.days, due.kind),
        due=due.date.isoformat(),
    )
    parts = [_skipped(run) for run in due.skipped]
    parts += [
        t("calendar.adjusted_day", date=d.isoformat(), weekday=weekday_label(d))
        for d in due.adjusted
    ]
    if due.estimated:
        parts.append(estimated_note(due))
    if not parts:
        return head
    return t("calendar.due_with_reasons", head=head, reasons=t("report.list_sep").join(parts))


def estimated_note(due: Due) -> str:
    """``2027 年节假日安排未知，按周一至周五估算``."""
    years = t("report.name_sep").join(str(y) for y in due.estimated_years)
    return t("calendar.estimated", years=years)


def estimate_warning(catalog: Catalog, facts: Finding) -> str | None:
    """A warning for a new problem whose computed due date rests on an unknown year."""
    if facts.due_date is None or facts.on_spot or facts.item_id not in catalog.items:
        return None
    due = catalog.due_date(catalog.items[facts.item_id], facts.found_at.date())
    if not due.estimated or due.date != facts.due_date:
        return None
    return t(
        "calendar.estimated_warning",
        due=due.date.isoformat(),
        note=estimated_note(due),
        first=catalog.calendar.known_years().start,
        last=catalog.calendar.known_years().stop - 1,
        file=catalog.calendar.display or "holidays.yaml",
        id=facts.id,
    )


def due_basis(catalog: Catalog, finding: Finding) -> tuple[str, dict[str, Any] | None]:
    """How ``finding``'s due date came about (text, and its JSON record), or that it differs
    from today's computation (``matches`` false: given by hand, or the rules changed since)."""
    if finding.due_date is None:
        return "", None
    if finding.on_spot:
        return t("calendar.on_spot"), {"kind": "on_spot", "computed": finding.due_date.isoformat()}
    item = catalog.items.get(finding.item_id)
    if item is None:
        return "", {}
    due = catalog.due_date(item, finding.found_at.date())
    record = due_record(due, matches=due.date == finding.due_date)
    if due.date == finding.due_date:
        return explain_due(due), record
    return t("calendar.due_differs", due=due.date.isoformat(), basis=explain_due(due)), record


def due_record(due: Due, *, matches: bool) -> dict[str, Any]:
    """``due`` as JSON (codes: a holiday by its English name, ``weekend``)."""

    def code(reason: Name | str) -> str:
        return reason.en if isinstance(reason, Name) else reason

    return {
        "start": due.start.isoformat(),
        "days": due.days,
        "kind": due.kind,
        "computed": due.date.isoformat(),
        "matches": matches,
        "skipped": [
            {"first": r.first.isoformat(), "last": r.last.isoformat(), "reason": code(r.reason)}
            for r in due.skipped
        ],
        "adjusted": [d.isoformat() for d in due.adjusted],
        "estimated_years": list(due.estimated_years),
    }
