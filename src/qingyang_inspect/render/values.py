"""How a typed cell value reads as text, shared by the text-based renderers (table, CSV).

Views hand typed values (dates, decimals, photos) so a workbook can store
them natively; media without types show them through :func:`cell_text`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.views.base import PhotoSet, Styled


def cell_text(value: object, kind: str = "text") -> str:
    """``value`` as plain text: dates ISO, times to the minute, photos by their paths."""
    if value is None:
        return ""
    if isinstance(value, Styled):
        return cell_text(value.value, kind)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return minutes_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value}%" if kind == "percent" else str(value)
    if isinstance(value, PhotoSet):
        return " ".join(p.relpath for p in value.photos)
    if isinstance(value, tuple):
        return " ".join(p.relpath if isinstance(p, Photo) else str(p) for p in value)
    return str(value)


#: ``"00"`` … ``"59"``.
_TWO_DIGITS = tuple(f"{n:02d}" for n in range(60))
#: ``"2026-06-12 "`` by day number: a list shows few days and many times.
_DAY_TEXTS: dict[int, str] = {}


def minutes_text(value: dt.datetime) -> str:
    """``2026-06-12 14:30``: the time to the minute, in the zone it was recorded in."""
    # Not isoformat or strftime: both ask the time zone for its offset, which costs
    # more than all of this, and a list writes two or more times per finding.
    day = _DAY_TEXTS.get(value.toordinal())
    if day is None:
        day = _DAY_TEXTS[value.toordinal()] = value.date().isoformat() + " "
    return day + _TWO_DIGITS[value.hour] + ":" + _TWO_DIGITS[value.minute]


def text_of_kind(kind: str) -> Callable[[Any], str]:
    """:func:`cell_text` for the cells of a column of ``kind``, in one call, its own type
    the fast way (a list formats a million of them)."""
    if kind == "datetime":

        def datetime_text(value: Any) -> str:
            return minutes_text(value) if type(value) is dt.datetime else cell_text(value, kind)

        return datetime_text
    if kind == "date":
        return lambda value: value.isoformat() if type(value) is dt.date else cell_text(value, kind)
    if kind == "photos":
        return lambda value: cell_text(value, kind) if value else ""
    return lambda value: cell_text(value, kind)


def json_default(value: Any) -> Any:
    """JSON for what :mod:`json` does not know: dates ISO, decimals as numbers, photos."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Photo):
        return value.relpath
    if isinstance(value, Styled):
        return value.value
    if isinstance(value, PhotoSet):
        return [p.relpath for p in value.photos]
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(f"not JSON: {type(value).__name__}")
