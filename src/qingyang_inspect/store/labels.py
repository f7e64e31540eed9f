"""What people read instead of the store's codes: round and event kinds, a finding's state.

``status_label`` and ``result_label`` are re-exported from :mod:`qingyang_inspect.labels`.

Tables, ledgers and exports show these labels, never ``open`` or ``fail``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from qingyang_inspect.i18n import t
from qingyang_inspect.labels import result_label, status_label

__all__ = [
    "describe_event",
    "event_kind_label",
    "finding_status_text",
    "result_label",
    "round_kind_label",
    "show_time",
    "status_label",
]
from qingyang_inspect.store.records import Event, Finding


def round_kind_label(kind: str) -> str:
    """自查 / 督导 / 暗访 / 复查 / 验收."""
    return t(f"round.kind.{kind}")


def event_kind_label(kind: str) -> str:
    """记录 / 更正 / 整改 / 复查 / 作废."""
    return t(f"event.kind.{kind}")


def finding_status_text(finding: Finding, as_of: dt.date | None = None) -> str:
    """The status as a person reads it: 待整改, 已销号（立行立改）, 已作废, 逾期…"""
    if finding.voided:
        return t("finding.voided")
    text = status_label(finding.status) or t("finding.status.none")
    if finding.on_spot and finding.status == "closed":
        text += t("finding.on_spot_suffix")
    if as_of is not None and finding.overdue(as_of):
        text += t("finding.overdue_suffix")
    return text


def show_time(value: dt.datetime | None) -> str:
    """``2026-06-12 14:30`` in the time zone it was recorded in."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def describe_event(event: Event) -> str:
    """One line saying what ``event`` did, e.g. ``例数：2 → 3；整改期限：… → …``."""
    data = event.data
    parts: list[str] = []
    if event.kind == "amended":
        for key, pair in data.items():
            old, new = pair
            parts.append(
                t(
                    "event.change",
                    field=t(f"event.field.{key}"),
                    old=_value(key, old),
                    new=_value(key, new),
                )
            )
    elif event.kind == "rectified":
        parts.append(t("event.rectified", note=data.get("note") or "", by=data.get("by") or "—"))
    elif event.kind == "rechecked":
        parts.append(t(f"event.rechecked.{data.get('outcome', 'pass')}"))
        if data.get("note"):
            parts.append(str(data["note"]))
    photos = data.get("photos")
    if photos:
        parts.append(t("event.photos", count=len(photos)))
    return "；".join(parts) if parts else "—"


def _value(key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if key == "status":
        return status_label(str(value))
    if key == "result":
        return result_label(str(value))
    return str(value)
