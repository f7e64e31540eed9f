"""A site's checklist workbook: a printable, fillable form and its hidden contract.

Laid out on A4 portrait at about 90 %: the site's header, 检查人 and 检查日期
to fill, then the items (category headings between them) with the fill-in
columns. The sheet is protected without a password — the item ids and texts
are locked, only the fill-in cells take input (pictures may still be
inserted) — and the table's header stays in view when scrolling on a phone.
结果 and 立行立改 are drop-down lists, 例数 takes whole numbers. Every
position the import needs is written to the very hidden sheet
(:data:`~qingyang_inspect.checklist.form.META_SHEET`) with its seal.
"""

from __future__ import annotations

from typing import Any

from qingyang_inspect.checklist.form import (
    COL,
    COLUMNS,
    FILL_COLUMNS,
    META_SHEET,
    RESULT_WORD_KEYS,
    Contract,
)
from qingyang_inspect.checklist.form import cell_name as name_of
from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.xlsx.book import (
    BODY,
    CENTER,
    DATE,
    GREY_FILL,
    HEADER,
    HEADER_FILL,
    INTEGER,
    PLAIN,
    TITLE,
    Book,
    Look,
    Sheet,
    line_height,
    variant,
    wrapped_lines,
)
from qingyang_inspect.render.xlsx.sheets import word_width
from qingyang_inspect.views.base import Document, Fields, Table

LABEL = Look(bold=True, fill=HEADER_FILL, horizontal="center")
VALUE = Look(horizontal="left")
CATEGORY = Look(bold=True, fill=GREY_FILL, horizontal="left")
#: The fill-in cells: unlocked, and 结果 / 立行立改 centred like the words they take.
FILL_LOOKS: dict[str, Look] = {
    "result": variant(CENTER, locked=False),
    "count": variant(INTEGER, locked=False),
    "note": variant(BODY, locked=False),
    "location": variant(BODY, locked=False),
    "photo": variant(BODY, locked=False),
    "on_spot": variant(CENTER, locked=False),
    "time": Look(horizontal="center", number_format="hh:mm", locked=False),
}
FIXED_LOOKS: dict[str, Look] = {"item": CENTER, "requirement": BODY}
#: An item row is at least this tall (points): room to write by hand on paper.
MIN_ITEM_HEIGHT = 32.0
LAST = len(COLUMNS) - 1


def write_checklist(book: Book, document: Document, context: RenderContext) -> Rendered:
    """Write the checklist ``document`` (made by
    :func:`~qingyang_inspect.views.checklist.checklist_document`)."""
    sections = {getattr(s, "key", None): s for s in document.iter_sections()}
    header, fill, items = sections["header"], sections["fill"], sections["items"]
    assert isinstance(header, Fields) and isinstance(fill, Fields) and isinstance(items, Table)
    meta: dict[str, Any] = dict(document.meta["checklist"])
    sheet = book.sheet(meta["site"])
    fields = list(header.fields)
    inspector, day = fill.fields
    # Column A holds the left labels of the header block, C the right ones.
    labels = {n: [column.label] for n, column in enumerate(items.columns)}
    labels[0] += [f.label for f in fields[::2]] + [inspector.label]
    labels[2] += [f.label for f in fields[1::2]] + [day.label]
    sheet.set_widths(label_widths([c.width or 10 for c in items.columns], labels))
    row = sheet.next_row(28)
    sheet.span(row, 0, LAST, header.title or "", TITLE)
    for left, right in zip(fields[::2], fields[1::2], strict=False):
        _pair(sheet, (left.label, left.value), (right.label, right.value), VALUE)
    row = sheet.next_row(26)
    sheet.write(row, 0, inspector.label, LABEL)
    sheet.ws.write_blank(row, 1, None, book.fmt(variant(VALUE, locked=False)))
    sheet.write(row, 2, day.label, LABEL)
    sheet.span(row, 3, LAST, None, variant(DATE, locked=False))
    inspector_cell, date_cell = name_of(row, 1), name_of(row, 3)
    for note in document.meta.get("notes", ()):
        sheet.paragraph(note, 0, LAST, PLAIN)
    header_row = sheet.append([c.label for c in items.columns], HEADER)
    looks = [FILL_LOOKS.get(key) or FIXED_LOOKS[key] for key in COLUMNS]
    cells = sheet.cells(looks)
    item_rows: list[tuple[int, str]] = []
    for element in items.source():
        values = list(items.cells(element))
        if items.style is not None and items.style(element) == "checklist.category":
            row = sheet.next_row(line_height(1) + 4)
            sheet.span(row, 0, LAST, values[COL["requirement"]], CATEGORY)
            continue
        fitted = sheet.fit_height(values, cells) or 0.0
        row = sheet.next_row(max(fitted, MIN_ITEM_HEIGHT))
        sheet.put(row, values, cells)
        for key in FILL_COLUMNS:  # empty fill-in cells must exist to be unlocked
            sheet.ws.write_blank(row, COL[key], None, book.fmt(FILL_LOOKS[key]))
        item_rows.append((row, str(values[COL["item"]])))
    if item_rows:
        _validations(sheet, item_rows[0][0], item_rows[-1][0])
    sheet.ws.freeze_panes(header_row + 1, 0)
    sheet.print_setup(header_row=header_row, landscape=False, paper="a4", name=header.title or "")
    sheet.ws.protect(
        "",
        {
            "objects": True,  # pictures may be inserted into the photo cells
            "format_rows": True,
            "format_columns": True,
            "select_locked_cells": True,
            "select_unlocked_cells": True,
        },
    )
    sheet.ws.activate()
    contract = Contract(
        round_name=meta["round"],
        snapshot=meta["snapshot"],
        site_id=meta["site"],
        sheet=sheet.ws.get_name(),
        inspector_cell=inspector_cell,
        date_cell=date_cell,
        rows=tuple(item_rows),
    )
    _write_contract(book, contract)
    return Rendered(rows=len(item_rows))


def label_widths(widths: list[float], labels: dict[int, list[str]]) -> list[float]:
    """``widths`` (characters) with each column wide enough for the longest word of its
    labels (bold), the width taken from the requirement column down to
    :data:`MIN_REQUIREMENT_WIDTH` (past it the sheet grows and prints a little
    smaller): English labels ("Responsible unit", "Count") would otherwise break
    mid-word. Chinese labels break between any two characters and need nothing more."""
    wanted = list(widths)
    for n, texts in labels.items():
        wanted[n] = max([wanted[n], *(word_width(text) for text in texts)])
    give = COL["requirement"]
    wanted[give] = max(MIN_REQUIREMENT_WIDTH, wanted[give] - (sum(wanted) - sum(widths)))
    return wanted


#: The requirement column gives width to the labels down to this (characters).
MIN_REQUIREMENT_WIDTH = 30


def _pair(sheet: Sheet, left: tuple[str, object], right: tuple[str, object], look: Look) -> None:
    """One header row: a label and its value in A–B, another in C–I."""
    texts = [
        (str(left[1] or ""), sheet.span_width(1, 1)),
        (str(right[1] or ""), sheet.span_width(3, LAST)),
    ]
    lines = max(wrapped_lines(text, width + 1) if text else 1 for text, width in texts)
    row = sheet.next_row(max(line_height(lines), 20))
    sheet.write(row, 0, left[0], LABEL)
    sheet.write(row, 1, left[1] or None, look)
    sheet.write(row, 2, right[0], LABEL)
    sheet.span(row, 3, LAST, right[1] or None, look)


def _validations(sheet: Sheet, first: int, last: int) -> None:
    """Drop-downs for 结果 and 立行立改, whole numbers for 例数."""
    ws = sheet.ws
    results = [t(key) for key in RESULT_WORD_KEYS.values()]
    ws.data_validation(
        first,
        COL["result"],
        last,
        COL["result"],
        {
            "validate": "list",
            "source": results,
            "input_title": t("checklist.col.result"),
            "input_message": t("checklist.result_prompt", words=" / ".join(results)),
            "error_title": t("checklist.col.result"),
            "error_message": t("checklist.result_prompt", words=" / ".join(results)),
        },
    )
    ws.data_validation(
        first,
        COL["on_spot"],
        last,
        COL["on_spot"],
        {"validate": "list", "source": [t("label.yes"), t("label.no")]},
    )
    ws.data_validation(
        first,
        COL["count"],
        last,
        COL["count"],
        {
            "validate": "integer",
            "criteria": "between",
            "minimum": 1,
            "maximum": 9999,
            "error_title": t("checklist.col.count"),
            "error_message": t("checklist.count_prompt"),
        },
    )


def _write_contract(book: Book, contract: Contract) -> None:
    """The hidden sheet: one ``key, value`` pair a row (the items as ``row, item id``)."""
    meta = book.sheet(META_SHEET)
    meta.ws.very_hidden()
    for key, value in contract.lines():
        row = meta.next_row()
        meta.ws.write_string(row, 0, key)
        meta.ws.write_string(row, 1, str(value))
