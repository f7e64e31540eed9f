"""The checklist workbook's contract: where things are, what a cell may say, its fingerprint.

Both the writer (``render/xlsx/checklist.py``) and the reader
(:mod:`.reader`) take every position from here, so they cannot drift apart.

A checklist workbook has a visible sheet named after the site id and a
*very hidden* sheet, :data:`META_SHEET`, holding what the import trusts: the
format, the round, the content hash of the round's pinned standard and sites,
the site, the cells of 检查人 and 检查日期, and the item id of every item
row, sealed with :func:`digest`. The visible item ids sit in locked cells of
a protected sheet; the import compares them with the hidden list, so an id
typed over (or a row moved) is named with its cell, and a workbook of another
round, or of content the round no longer pins, is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qingyang_inspect.findings.words import RESULT_LABEL_KEYS
from qingyang_inspect.i18n import LANGS, translate

#: Written into every checklist; a workbook without it was not made by ``checklist export``.
FORMAT = "qingyang-inspect checklist 1"
#: The hidden sheet holding the contract's values.
META_SHEET = "_inspect"

#: The item table's columns, in order (column A is 0).
COLUMNS: tuple[str, ...] = (
    "item",
    "requirement",
    "result",
    "count",
    "note",
    "location",
    "photo",
    "on_spot",
    "time",
)
#: The columns a person fills in (unlocked cells).
FILL_COLUMNS: frozenset[str] = frozenset(
    {"result", "count", "note", "location", "photo", "on_spot", "time"}
)
COL: dict[str, int] = {key: n for n, key in enumerate(COLUMNS)}

#: The message key of each result's drop-down word: the results' labels.
RESULT_WORD_KEYS: Mapping[str, str] = RESULT_LABEL_KEYS


def column_letter(col: int) -> str:
    """``0`` → ``A``, ``25`` → ``Z``, ``26`` → ``AA``."""
    letters = ""
    n = col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """A cell's name from its 0-based row and column: ``(13, 2)`` → ``C14``."""
    return f"{column_letter(col)}{row + 1}"


def cell_position(name: str) -> tuple[int, int]:
    """``C14`` → ``(13, 2)`` (0-based row and column)."""
    letters = name.rstrip("0123456789")
    col = 0
    for char in letters:
        col = col * 26 + ord(char) - 64
    return int(name[len(letters) :]) - 1, col - 1


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def yes_no_words() -> dict[str, bool]:
    """Every word a 立行立改 cell may hold (是/否, yes/no, y/n), folded."""
    words = {"y": True, "n": False, "true": True, "false": False, "1": True, "0": False}
    for lang in LANGS:
        words[_fold(translate(lang, "label.yes"))] = True
        words[_fold(translate(lang, "label.no"))] = False
    return words


def parse_word(value: str, words: Mapping[str, bool]) -> bool | None:
    """The meaning of ``value`` among ``words`` (folded), or ``None``."""
    return words.get(_fold(value))


@dataclass(frozen=True)
class Contract:
    """What a checklist's hidden sheet says: enough to trust and read the visible one."""

    round_name: str
    #: The content hash of the standard and sites the round pinned at export.
    snapshot: str
    site_id: str
    #: The visible sheet's name.
    sheet: str
    #: Cells (``B7``) of 检查人 and 检查日期.
    inspector_cell: str
    date_cell: str
    #: ``(row, item id)`` of every item row, 0-based rows, in order.
    rows: tuple[tuple[int, str], ...]

    def digest(self) -> str:
        """The seal over everything above (and :data:`FORMAT`)."""
        return digest(
            self.round_name,
            self.snapshot,
            self.site_id,
            self.sheet,
            self.inspector_cell,
            self.date_cell,
            self.rows,
        )

    def lines(self) -> list[tuple[str, str | int]]:
        """The hidden sheet's rows: ``(key, value)``, the items as ``(row, item id)``."""
        head: list[tuple[str, str | int]] = [
            ("format", FORMAT),
            ("round", self.round_name),
            ("snapshot", self.snapshot),
            ("site", self.site_id),
            ("sheet", self.sheet),
            ("inspector_cell", self.inspector_cell),
            ("date_cell", self.date_cell),
            ("digest", self.digest()),
        ]
        return head + [(str(row + 1), item) for row, item in self.rows]


#: The keys of the hidden sheet's first rows, in order.
META_KEYS: tuple[str, ...] = (
    "format",
    "round",
    "snapshot",
    "site",
    "sheet",
    "inspector_cell",
    "date_cell",
    "digest",
)


def digest(
    round_name: str,
    snapshot: str,
    site_id: str,
    sheet: str,
    inspector_cell: str,
    date_cell: str,
    rows: Sequence[tuple[int, str]],
) -> str:
    """A hash of a checklist's contract: an edited hidden sheet no longer matches it."""
    text = json.dumps(
        [FORMAT, round_name, snapshot, site_id, sheet, inspector_cell, date_cell, list(rows)],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]
