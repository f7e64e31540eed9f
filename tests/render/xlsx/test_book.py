"""The workbook writer's cells, read back with openpyxl: text stays text, values stay typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from qingyang_inspect.render.xlsx.book import BODY, CENTER, DATE, PERCENT, POINTS, Book

ODD_TEXTS = [
    " leading space",
    "line one\nline two",
    "=SUM(A1:A2)",
    "+86 138",
    "-5",
    "@user",
    "a & b < c > d",
    "bell\x07 and null\x00 shown",
    "x" * 40_000,
]
ODD_VALUES: list[Any] = [0, -3, 2 / 3, float("nan"), float("inf"), Decimal("92.35"), True]


def test_odd_values_read_back(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    book = Book(path, day=dt.date(2026, 8, 10), title="odd values")
    sheet = book.sheet("odd")
    sheet.set_widths([12, 20, 8])
    for text in ODD_TEXTS:
        sheet.append([text, None, ""], [BODY, CENTER, BODY])
    for value in ODD_VALUES:
        sheet.append([value, value, "x"], [POINTS, PERCENT, CENTER])
    sheet.append([dt.date(2026, 8, 20), dt.datetime(2026, 8, 20, 15, 30, tzinfo=dt.UTC)], DATE)
    sheet.append(["title", None], BODY, height=28.5)
    book.close()

    ws = openpyxl.load_workbook(path)["odd"]
    texts = [ws.cell(r, 1).value for r in range(1, len(ODD_TEXTS) + 1)]
    assert texts[0] == " leading space" and texts[1] == "line one\nline two"
    for n, text in enumerate(ODD_TEXTS[2:6], 3):
        cell = ws.cell(n, 1)
        assert cell.data_type == "s" and cell.value == text and cell.quotePrefix, text
    assert not ws.cell(1, 1).quotePrefix
    assert texts[6] == "a & b < c > d"
    assert texts[7] == "bell\u2407 and null\u2400 shown"  # seen, not obeyed
    assert len(texts[8]) == 32767
    first = len(ODD_TEXTS) + 1
    numbers = [ws.cell(r, 1).value for r in range(first, first + len(ODD_VALUES))]
    assert numbers[:3] == [0, -3, pytest.approx(2 / 3)]
    assert numbers[3] is None and numbers[4] is None  # NaN and infinity: empty
    assert numbers[5] == 92.35 and numbers[6] is True
    days = first + len(ODD_VALUES)
    assert ws.cell(days, 1).value == dt.datetime(2026, 8, 20)
    assert ws.cell(days, 2).value == dt.datetime(2026, 8, 20, 15, 30)
    assert ws.cell(days, 1).number_format == "yyyy-mm-dd"
    assert ws.row_dimensions[days + 1].height == 28.5


def test_a_header_column_is_as_wide_as_its_longest_english_word() -> None:
    from qingyang_inspect.render.xlsx.sheets import column_widths, word_width
    from qingyang_inspect.views.base import Column, Table

    assert word_width("扣分") == 0.0  # Chinese breaks between any two characters
    assert word_width("Deducted") == round(8 * 1.15 + 1.5, 1)
    table: Table[object] = Table(
        key="t",
        title="",
        columns=(
            Column("a", "扣分", "number", width=6),
            Column("b", "Deducted", "number", width=6),
        ),
        source=list,
        cells=lambda e: (),
    )
    assert column_widths(table) == [6, word_width("Deducted")]


def test_a_form_is_named_in_its_page_footer(tmp_path: Path) -> None:
    """The name prints as written: its "&" doubled (a lone "&F" would print the file's
    name), a long one cut short of Excel's 255 characters, never inside a "&&"."""
    path = tmp_path / "footer.xlsx"
    book = Book(path, day=dt.date(2026, 8, 10), title="footer")
    for name, title in (("short", "R&F广场验收评分表"), ("long", "广场&" * 100)):
        sheet = book.sheet(name)
        sheet.append(["x"], BODY)
        sheet.print_setup(header_row=None, name=title)
    book.close()
    wb = openpyxl.load_workbook(path)
    short = wb["short"].oddFooter
    assert short.left.text == "R&&F广场验收评分表" and short.center.text == "&P / &N"
    long = wb["long"].oddFooter.left.text
    assert long is not None and long.endswith("&&") and len(long) <= 255 - len("&L&C&P / &N")
