"""Free text made safe for the medium that shows it — the one place that does it.

Users' text (notes, locations, names, file names) is stored exactly as given.
Shown raw, it could act instead of being read: a terminal obeys escape
sequences (colours, window titles, clearing the screen), a spreadsheet runs a
cell beginning with ``=`` as a formula. Every renderer passes free text through
:func:`safe_text` for its medium; nothing else escapes text.
"""

from __future__ import annotations

import re
from typing import Literal

Medium = Literal["terminal", "line", "csv", "xlsx", "docx"]

#: C0 and C1 control characters, DEL, and the bidirectional overrides and
#: isolates that reorder what a reader sees (a "Trojan source" in a cell).
#: Tab and newline are kept: they are text.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: What breaks a line apart (for the ``line`` medium).
_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")
#: Characters XML 1.0 cannot hold at all (xlsx and docx are XML).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: What a spreadsheet reads as the start of a formula (tab and CR too: Excel
#: strips them and then sees the formula).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Longest text a spreadsheet cell holds.
MAX_CELL = 32767


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL: seen, not obeyed
    if code == 0x7F:
        return "\u2421"
    return f"\\u{code:04x}"


def safe_text(text: str, medium: Medium) -> str:
    """``text`` as ``medium`` may show it without acting on it.

    * ``terminal`` — control characters become visible symbols (``␛``).
    * ``line`` — as ``terminal``, and line breaks and tabs too (``␊``): one
      record per line stays one line (``inspect validate``'s problems).
    * ``csv`` — controls made visible; text a spreadsheet would run as a
      formula gets a leading ``'`` (the cell has no type to say "text").
    * ``xlsx`` / ``docx`` — controls made visible (XML cannot hold most of
      them), cut at a cell's limit. The workbook writer also stores every
      string as a string, never as a formula.
    """
    if _CONTROLS.search(text):
        text = _CONTROLS.sub(_visible, text)
    if medium == "line" and _BREAKS.search(text):
        text = _BREAKS.sub(_visible, text)
    if medium == "csv":
        return "'" + text if text.startswith(FORMULA_STARTS) else text
    if medium in ("xlsx", "docx"):
        if _NOT_XML.search(text):  # pragma: no cover - controls were made visible above
            text = _NOT_XML.sub("", text)
        return text[:MAX_CELL]
    return text


#: A formula start at the beginning of a cell after the first in a CSV line (a pattern that
#: starts with a plain character is searched for quickly; ``^|,`` would be five times slower).
_FORMULA_AFTER_COMMA = re.compile(",[=+\\-@\t\r]")


def plain_csv_line(line: str, cells: int) -> bool:
    """Whether ``line``, the texts of ``cells`` cells joined by commas, is a CSV line as it
    is: no cell needs quotes (none holds a comma, a quote or a line break) and
    :func:`safe_text` would leave every cell unchanged (no control character, no
    formula start).

    One check for a whole row: almost every row passes, and one that does not
    (a comma in a note is reason enough) is written cell by cell the long way.
    """
    return (
        line.count(",") == cells - 1
        and '"' not in line
        and line.isprintable()  # no line break and no control character
        and not line.startswith(FORMULA_STARTS)
        and _FORMULA_AFTER_COMMA.search(line) is None
        and (cells > 1 or line != "")  # a lone empty cell is written as ""
    )


def risky_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)
