"""The sheets' own row writer: the same bytes as openpyxl's cell writer, whatever the values."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.reports import xlsx
from qingyang_inspect.reports.acceptance import build_acceptance
from qingyang_inspect.reports.rectification import LedgerFilter, build_ledger
from qingyang_inspect.reports.source import ListSource
from qingyang_inspect.reports.xlsx import (
    BODY,
    CENTER,
    DATE,
    HEADER,
    PERCENT,
    PLAIN,
    POINTS,
    Book,
    write_acceptance,
    write_ledger,
)
from worked_example import AS_OF, ROUND, rounds

ODD_TEXTS = [
    "",
    " ",
    "\u3000",
    "plain",
    "测评内容：环境干净整洁",
    " leading space",
    "trailing space ",
    "\u3000全角空格开头",
    "line one\nline two",
    "\ttab first",
    "=SUM(A1:A2)",
    "+86 138",
    "-5",
    "@user",
    "a & b < c > d \"quoted\" 'single'",
    "bell\x07 and null\x00 dropped",
    "\x1fcontrol first",
    "x" * 40_000,
    "中" * 33_000,
]
ODD_VALUES: list[Any] = [
    None,
    0,
    -3,
    12345678901234567,
    0.1,
    2 / 3,
    1e-20,
    float("nan"),
    float("inf"),
    Decimal("92.35"),
    Decimal("0.00"),
    True,
    False,
]
DAYS = [dt.date(2026, 8, 20), dt.date(1900, 2, 28), dt.datetime(2026, 8, 20, 15, 30)]


def _sheet_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_odd_book(path: Path) -> None:
    book = Book(as_of=AS_OF, title="odd values")
    sheet = book.sheet("odd")
    sheet.set_widths([12, 20, 8])
    for text in ODD_TEXTS:
        sheet.append([text, text, None], [BODY, PLAIN, CENTER])
    for value in ODD_VALUES:
        sheet.append([value, value, "x"], [POINTS, PERCENT, CENTER])
    for day in DAYS:
        sheet.append([day, None, day], [DATE, BODY, CENTER])
    sheet.append(["title", None, None], HEADER, height=28.5)
    sheet.blank()
    sheet.append([])
    sheet.merge(1, 3)
    sheet.close()
    book.save(path)


def test_the_stream_is_found_under_openpyxls_writer(tmp_path: Path) -> None:
    seen: list[Any] = []
    real = xlsx._raw_writer

    def spy(xf: Any) -> Any:
        found = real(xf)
        seen.append(found)
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlsx, "_raw_writer", spy)
        _write_odd_book(tmp_path / "fast.xlsx")
    assert seen and all(callable(write) for write in seen)


def test_odd_values_give_the_same_bytes_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_odd_book(tmp_path / "fast.xlsx")
    monkeypatch.setattr(xlsx, "_raw_writer", lambda xf: None)
    _write_odd_book(tmp_path / "openpyxl.xlsx")
    fast, slow = _sheet_files(tmp_path / "fast.xlsx"), _sheet_files(tmp_path / "openpyxl.xlsx")
    assert fast.keys() == slow.keys()
    for name in fast:
        assert fast[name] == slow[name], name
    assert (tmp_path / "fast.xlsx").read_bytes() == (tmp_path / "openpyxl.xlsx").read_bytes()


def test_odd_values_read_back(tmp_path: Path) -> None:
    _write_odd_book(tmp_path / "fast.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "fast.xlsx")["odd"]
    texts = [ws.cell(r, 1).value for r in range(1, len(ODD_TEXTS) + 1)]
    assert texts[ODD_TEXTS.index(" leading space")] == " leading space"
    assert texts[ODD_TEXTS.index("bell\x07 and null\x00 dropped")] == "bell and null dropped"
    assert len(texts[ODD_TEXTS.index("x" * 40_000)]) == 32767
    formula = ws.cell(ODD_TEXTS.index("=SUM(A1:A2)") + 1, 1)
    assert formula.data_type == "s" and formula.value == "=SUM(A1:A2)" and formula.quotePrefix
    assert not ws.cell(ODD_TEXTS.index("plain") + 1, 1).quotePrefix
    first = len(ODD_TEXTS) + 1
    numbers = [ws.cell(r, 1).value for r in range(first, first + len(ODD_VALUES))]
    assert numbers[ODD_VALUES.index(Decimal("92.35"))] == 92.35
    assert numbers[ODD_VALUES.index(True)] is True
    days = first + len(ODD_VALUES)
    assert ws.cell(days, 1).value == dt.datetime(2026, 8, 20)
    assert ws.cell(days + 2, 1).value == dt.datetime(2026, 8, 20, 15, 30)
    title = days + len(DAYS)
    assert ws.row_dimensions[title].height == 28.5


def test_a_time_zone_is_refused_as_openpyxl_refuses_it(tmp_path: Path) -> None:
    book = Book(as_of=AS_OF, title="tz")
    sheet = book.sheet("tz")
    with pytest.raises(TypeError):
        sheet.append([dt.datetime(2026, 8, 20, tzinfo=dt.UTC)], DATE)


@pytest.mark.parametrize("report", ["acceptance", "ledger"])
def test_reports_give_the_same_bytes_both_ways(
    catalog: Catalog,
    source: ListSource,
    evidence: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    report: str,
) -> None:
    def write(path: Path) -> bytes:
        if report == "acceptance":
            plan = build_acceptance(
                catalog, source, rounds()[ROUND], district="测试区", as_of=AS_OF
            )
            write_acceptance(plan, path)
        else:
            ledger = build_ledger(
                catalog, source, district="测试区", as_of=AS_OF, flt=LedgerFilter()
            )
            write_ledger(ledger, path, evidence=evidence)
        return path.read_bytes()

    fast = write(tmp_path / "fast.xlsx")
    monkeypatch.setattr(xlsx, "_raw_writer", lambda xf: None)
    assert write(tmp_path / "openpyxl.xlsx") == fast


def test_closed_sheets_let_go_of_their_row_writer(tmp_path: Path) -> None:
    book = Book(as_of=AS_OF, title="many")
    for n in range(3):
        sheet = book.sheet(f"s{n}")
        sheet.append(["a", 1], [BODY, POINTS])
        sheet.close()
        assert "write_row" not in vars(sheet.ws._writer)
        assert "_get_writer" not in vars(sheet.ws)
    book.save(tmp_path / "many.xlsx")
    assert openpyxl.load_workbook(tmp_path / "many.xlsx")["s2"]["A1"].value == "a"
