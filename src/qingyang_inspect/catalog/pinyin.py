"""Pinyin initials of Chinese names (青羊区 → qyq), with the standard library only.

The 3,755 common characters of GB 2312 (level 1) are ordered by pinyin, so the
first letter of a character's reading follows from where its GB 2312 code
falls between the first characters of each letter. Rarer characters (level 2,
ordered by radical) and characters outside GB 2312 have no initial here; they
are simply skipped, which only makes a match less likely, never wrong.
"""

from __future__ import annotations

import bisect

# GB 2312 code (first byte × 256 + second byte) of the first character read with each
# initial; i, u and v begin no Mandarin syllable. Level 1 ends at 0xD7F9.
_STARTS = (
    (0xB0A1, "a"),
    (0xB0C5, "b"),
    (0xB2C1, "c"),
    (0xB4EE, "d"),
    (0xB6EA, "e"),
    (0xB7A2, "f"),
    (0xB8C1, "g"),
    (0xB9FE, "h"),
    (0xBBF7, "j"),
    (0xBFA6, "k"),
    (0xC0AC, "l"),
    (0xC2E8, "m"),
    (0xC4C3, "n"),
    (0xC5B6, "o"),
    (0xC5BE, "p"),
    (0xC6DA, "q"),
    (0xC8BB, "r"),
    (0xC8F6, "s"),
    (0xCBFA, "t"),
    (0xCDDA, "w"),
    (0xCEF4, "x"),
    (0xD1B9, "y"),
    (0xD4D1, "z"),
)
_CODES = [code for code, _ in _STARTS]
_LEVEL_1_END = 0xD7F9


def initial(char: str) -> str:
    """The pinyin initial of ``char`` (lower case), a letter or digit as itself, else ``""``."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(encoded) != 2:
        return ""
    code = encoded[0] * 256 + encoded[1]
    if not _STARTS[0][0] <= code <= _LEVEL_1_END:
        return ""
    return _STARTS[bisect.bisect_right(_CODES, code) - 1][1]


def initials(text: str) -> str:
    """The pinyin initials of ``text``: ``抚琴农贸市场`` → ``fqnmsc``."""
    return "".join(initial(char) for char in text)
