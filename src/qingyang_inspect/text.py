"""Free text people type or write: which characters are refused before anything is stored.

Text is stored exactly as given, so what could act instead of being read is
refused at the door: NUL and the other C0 control characters (ESC starts the
terminal's escape sequences), DEL and the C1 controls (U+009B is ESC ``[`` on
some terminals). Tab is text; a newline is text where a paragraph makes sense
(a note, an item's requirement) and refused in a one-line name. A lone
surrogate is what Python makes of bytes that were not valid UTF-8 (an
argument typed in another encoding): it cannot be stored at all. What is
accepted is still made safe for the medium that shows it
(:mod:`qingyang_inspect.render.safe`). Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

from qingyang_inspect.errors import RecordError
from qingyang_inspect.i18n import t

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_wide(char: str) -> bool:
    """Whether ``char`` is wide (CJK, full-width forms): two columns on a terminal, a full em
    on paper."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def control_char(text: str, *, newlines: bool = True) -> str | None:
    """The first character of ``text`` that free text may not hold, as ``U+001B``; else ``None``."""
    found = (_CONTROL if newlines else _CONTROL_OR_NEWLINE).search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def undecodable(text: str) -> bool:
    """Whether ``text`` holds bytes that were not valid in the system's encoding."""
    return _SURROGATE.search(text) is not None


def require_text(text: str, *, option: str, newlines: bool = True) -> None:
    """:class:`RecordError` naming ``option`` if ``text`` holds what free text may not."""
    if undecodable(text):
        raise RecordError(
            t("text.not_text", option=option), hint=t("cli.undecodable_hint", encoding="UTF-8")
        )
    code = control_char(text, newlines=newlines)
    if code is not None:
        raise RecordError(
            t("text.control", option=option, code=code),
            hint=t("text.control_hint") if newlines else t("text.one_line_hint"),
        )
