"""How a typed cell value reads as text, shared by the text-based renderers (table, CSV).

Views hand typed values (dates, decimals, photos) so a workbook can store
them natively; media without types show them through :func:`cell_text`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.views.base import Styled


def cell_text(value: object, kind: str = "text") -> str:
    """``value`` as plain text: dates ISO, times to the minute, photos by their paths."""
    if value is None:
        return ""
    if isinstance(value, Styled):
        return cell_text(value.value, kind)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value}%" if kind == "percent" else str(value)
    if isinstance(value, tuple):
        return " ".join(p.relpath if isinstance(p, Photo) else str(p) for p in value)
    return str(value)


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
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(f"not JSON: {type(value).__name__}")
