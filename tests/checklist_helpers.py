"""Checklist tests' helpers: a copy of the bundled workspace, and filling a workbook as a person.

"As a person would": openpyxl opens the exported file normally (not read-only),
types Chinese words and text dates into the cells, inserts a picture anchored
in a photo cell, and saves — the way WPS or Excel leaves a file.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.drawing.image import Image as SheetImage
from PIL import Image

REPO = Path(__file__).resolve().parents[1]


def bundled_workspace(target: Path) -> Path:
    """A workspace over a copy of the bundled standards and sites."""
    target.mkdir(parents=True)
    shutil.copy(REPO / "inspect.toml", target / "inspect.toml")
    shutil.copytree(REPO / "standards", target / "standards")
    shutil.copytree(REPO / "sites", target / "sites")
    return target


def photo(path: Path, color: str = "red", size: tuple[int, int] = (64, 48)) -> Path:
    """A small real PNG photo."""
    Image.new("RGB", size, color).save(path)
    return path


@dataclass(frozen=True)
class Row:
    """One answer, as typed into a checklist row (None: the cell is left empty)."""

    item: str
    result: str
    count: Any = None
    note: str | None = None
    location: str | None = None
    photo_name: str | None = None
    on_spot: str | None = None
    time: Any = None
    picture: Path | None = None


def item_rows(path: Path) -> dict[str, int]:
    """Item id → its row (1-based) on the checklist sheet (read as a person sees column A)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    found = {}
    for row in range(1, sheet.max_row + 1):
        value = sheet.cell(row, 1).value
        if isinstance(value, str) and value.count("-") == 2 and value[:2].isalpha():
            found[value] = row
    book.close()
    return found


def header_cells(path: Path) -> tuple[str, str]:
    """The cells beside the labels 检查人 and 检查日期 (as a person finds them)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(max_row=15):
        for cell in row:
            if cell.value == "检查人":
                inspector = sheet.cell(cell.row, cell.column + 1).coordinate
            if cell.value == "检查日期":
                day = sheet.cell(cell.row, cell.column + 1).coordinate
    book.close()
    return inspector, day


def fill(path: Path, inspector: str | None, day: Any, rows: list[Row]) -> None:
    """Fill the checklist at ``path`` in place."""
    where = item_rows(path)
    who_cell, day_cell = header_cells(path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    if inspector is not None:
        sheet[who_cell] = inspector
    if day is not None:
        sheet[day_cell] = day
    for answer in rows:
        n = where[answer.item]
        for col, value in zip(
            "CDEFGHI",
            (
                answer.result,
                answer.count,
                answer.note,
                answer.location,
                answer.photo_name,
                answer.on_spot,
                answer.time,
            ),
            strict=True,
        ):
            if value is not None:
                sheet[f"{col}{n}"] = value
        if answer.picture is not None:
            sheet.add_image(SheetImage(str(answer.picture)), f"G{n}")
    book.save(path)
    book.close()


def set_cell(path: Path, cell: str, value: Any) -> None:
    """Type ``value`` into ``cell`` of the checklist sheet."""
    book = openpyxl.load_workbook(path)
    book.worksheets[0][cell] = value
    book.save(path)
    book.close()


def days_ago(n: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=n)
