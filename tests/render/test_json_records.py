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
    out = io.StringIO()
    done = render(_listing(records), out, RenderContext())
    assert done.rows == 1500
    text = out.getvalue()
    assert json.loads(text) == json.loads(json.dumps(records, default=json_default))
    assert len(text.splitlines()) == 1502  # "[", a line per record, "]"
    assert "东门" in text  # Chinese stays readable


def _listing(records: list[dict[str, Any]]) -> Document:
    table: Table[dict[str, Any]] = Table(
        key="rows",
        title="",
        columns=(Column("id", "id"),),
        source=lambda: records,
        cells=lambda r: (r["id"],),
        record=lambda r: r,
    )
    return Document(key="d", title="", sections=(table,), json_shape="list")


def test_a_utf8_stream_gets_the_same_bytes_as_text_does() -> None:
    """Standard output and files take orjson's bytes directly; a stream that must
    encode otherwise gets text. Every way gives the same document."""
    records: list[dict[str, Any]] = [
        {"id": f"01KT{n}", "note": "东门\n“引号”", "due_date": dt.date(2026, 6, 8)}
        for n in range(2500)
    ]
    text = io.StringIO()
    render(_listing(records), text, RenderContext())
    expected = text.getvalue()
    for encoding in ("utf-8", "UTF8", "gb18030"):
        raw = io.BytesIO()
        wrapper = io.TextIOWrapper(raw, encoding=encoding, newline="\n")
        wrapper.write("前言 ")  # text written before the list stays before it
        done = render(_listing(records), wrapper, RenderContext())
        wrapper.flush()
        assert done.rows == 2500
        assert raw.getvalue().decode(encoding) == "前言 " + expected
    assert json.loads(expected)[-1] == {
        "id": "01KT2499",
        "note": "东门\n“引号”",
        "due_date": "2026-06-08",
    }


def test_progress_counts_every_thousand_records_on_both_paths() -> None:
    records: list[dict[str, Any]] = [{"id": str(n)} for n in range(2500)]
    for target in (io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="utf-8")):
        counted: list[int] = []
        render(_listing(records), target, RenderContext(progress=counted.append))
        assert counted == [1000, 1000]
