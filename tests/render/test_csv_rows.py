"""The CSV writer's fast path writes exactly what the plain rule says, for any row.

The rule: a whole number is written as it is; every other cell is its
``cell_text`` made safe by ``safe_text(…, "csv")``; ``csv.writer`` quotes as
needed. The renderer checks a whole row at once and joins plain rows itself;
these tests hold it to the rule over random rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from qingyang_inspect.findings.model import Photo
from qingyang_inspect.render import RenderContext
from qingyang_inspect.render.csv import BOM, render
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.render.values import cell_text
from qingyang_inspect.views.base import Column, Document, Styled, Table

KINDS = ("text", "id", "status", "int", "date", "datetime", "photos", "number", "percent")

#: Text with everything that needs care: separators, quotes, line breaks, formula
#: starts, controls, bidirectional overrides, full-width spaces, Chinese.
TRICKY = st.text(
    alphabet=st.sampled_from(
        list("ab 中文，,\"'\n\r\t=+-@ \u3000\u00a0\x1b\x00\x7f\u202e\u2066;:0123")
    ),
    max_size=12,
)
ZONES = st.sampled_from([None, dt.UTC, dt.timezone(dt.timedelta(hours=8))])


def _value(kind: str) -> st.SearchStrategy[Any]:
    text = st.one_of(st.none(), TRICKY, TRICKY.map(lambda s: Styled(s, "overdue")))
    if kind == "int":
        return st.one_of(st.none(), st.integers(-5, 10**6), TRICKY)
    if kind == "date":
        return st.one_of(st.none(), st.dates())
    if kind == "datetime":
        return st.one_of(
            st.none(), st.builds(lambda d, z: d.replace(tzinfo=z), st.datetimes(), ZONES)
        )
    if kind == "photos":
        photo = st.builds(
            lambda name: Photo("0" * 64, name, "before", f"00/{name}.jpg"),
            TRICKY,
        )
        return st.lists(photo, max_size=2).map(tuple)
    if kind in ("number", "percent"):
        return st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False, places=2))
    return text


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[Any]]]:
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
    rows = draw(st.lists(st.tuples(*(_value(k) for k in kinds)).map(list), max_size=6))
    return kinds, rows


def _expected(kinds: list[str], labels: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_text(label, "csv") for label in labels])
    for row in rows:
        writer.writerow(
            [
                v if kind == "int" and type(v) is int else safe_text(cell_text(v, kind), "csv")
                for v, kind in zip(row, kinds, strict=True)
            ]
        )
    return BOM + out.getvalue()


def _rendered(kinds: list[str], labels: list[str], rows: list[list[Any]]) -> str:
    columns = tuple(
        Column(f"c{n}", label, kind)  # type: ignore[arg-type]
        for n, (kind, label) in enumerate(zip(kinds, labels, strict=True))
    )
    table: Table[list[Any]] = Table(
        key="t", title="", columns=columns, source=lambda: rows, cells=lambda row: row
    )
    out = io.StringIO()
    render(Document(key="d", title="", sections=(table,)), out, RenderContext(fmt="csv"))
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(tables(), st.lists(TRICKY, min_size=6, max_size=6))
def test_every_row_is_written_by_the_rule(
    table: tuple[list[str], list[list[Any]]], names: list[str]
) -> None:
    kinds, rows = table
    labels = names[: len(kinds)]
    assert _rendered(kinds, labels, rows) == _expected(kinds, labels, rows)


def test_a_plain_row_and_rows_that_need_care() -> None:
    kinds = ["text", "int", "datetime", "photos"]
    when = dt.datetime(2026, 6, 3, 9, 5, 59, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    rows = [
        ["东门", 2, when, ()],
        ["=1+1", -1, None, ()],
        ["a,b", None, when, ()],
        ["说明\n第二行", 0, None, ()],
        ["\x1b[31m红", 3, None, ()],
    ]
    text = _rendered(kinds, ["位置", "例数", "时间", "照片"], rows)
    assert text.splitlines()[1:] == [
        "东门,2,2026-06-03 09:05,",
        "'=1+1,-1,,",
        '"a,b",,2026-06-03 09:05,',
        '"说明',
        '第二行",0,,',
        "␛[31m红,3,,",
    ]
    assert text == _expected(kinds, ["位置", "例数", "时间", "照片"], rows)


def test_numbers_in_decimal_columns_are_text() -> None:
    assert _rendered(["percent"], ["得分率"], [[Decimal("92.50")]]).endswith("92.50%\r\n")
