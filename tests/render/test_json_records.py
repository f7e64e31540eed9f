"""JSON listings: the records as the standard library would encode them, one per line."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.json import render
from qingyang_inspect.render.values import json_default
from qingyang_inspect.views.base import Column, Document, Styled, Table

CST = dt.timezone(dt.timedelta(hours=8))


def test_records_read_back_as_the_standard_library_writes_them() -> None:
    records: list[dict[str, Any]] = [
        {
            "id": "01KT",
            "note": '东门\n"引号" \x1b',
            "found_at": dt.datetime(2026, 6, 3, 9, 0, 1, 250, tzinfo=CST),
            "naive": dt.datetime(2026, 6, 3, 9, 0),
            "due_date": dt.date(2026, 6, 8),
            "rate": Decimal("92.50"),
            "styled": Styled("逾期", "overdue"),
            "photo": Photo("a" * 64, "东门.jpg", "before", "aa/x.jpg"),
            "tags": frozenset({"b", "a"}),
            "none": None,
            "flag": True,
            "count": 3,
        }
    ] * 1500  # more than one batch of lines
    table: Table[dict[str, Any]] = Table(
        key="rows",
        title="",
        columns=(Column("id", "id"),),
        source=lambda: records,
        cells=lambda r: (r["id"],),
        record=lambda r: r,
    )
    out = io.StringIO()
    done = render(
        Document(key="d", title="", sections=(table,), json_shape="list"), out, RenderContext()
    )
    assert done.rows == 1500
    text = out.getvalue()
    assert json.loads(text) == json.loads(json.dumps(records, default=json_default))
    assert len(text.splitlines()) == 1502  # "[", a line per record, "]"
    assert "东门" in text  # Chinese stays readable
