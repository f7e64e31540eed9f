"""Breaking mixed Chinese and English text into lines of a display width.

A terminal shows a CJK character in two columns. Chinese text may break
between any two characters, English only between words; and by the Chinese
rule (避头尾) a line never starts with closing punctuation (，。、；）…) nor
ends with opening punctuation (（“《…). rich folds text by columns alone, which
leaves a lone "。" on a line; :func:`wrap` keeps to these rules and is what the
terminal table gives rich, pre-broken.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

#: Never at the start of a line.
CLOSING = frozenset("，。、；：？！）】」』”’》〉…—～·%,.;:?!)]}")
#: Never at the end of a line.
OPENING = frozenset("（【「『“‘《〈([{")

#: Characters a line may break around (CJK, full-width forms), as a regex class body.
_WIDE = "\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
#: A word: a run of narrow characters.
_WORD = re.compile(f"[^\\s{_WIDE}]+")
#: Whitespace, a word, or one wide character.
_TOKEN = re.compile(f"\\s+|[^\\s{_WIDE}]+|.")


def longest_word(text: str) -> int:
    """The width of the widest word of ``text`` (what a column needs to split none)."""
    return max((cell_len(word) for word in _WORD.findall(text)), default=0)


def space_separated(text: str) -> int:
    """The width of the widest space-separated piece of ``text`` (CJK runs whole)."""
    return max((cell_len(piece) for piece in text.split()), default=0)


def wrap_at_spaces(text: str, width: int) -> list[str]:
    """``text`` as lines at most ``width`` columns wide, broken only at its spaces (a
    piece wider than ``width`` keeps a line of its own)."""
    lines: list[str] = []
    line = ""
    for piece in text.split():
        joined = f"{line} {piece}" if line else piece
        if line and cell_len(joined) > width:
            lines.append(line)
            line = piece
        else:
            line = joined
    lines.append(line)
    return lines


#: What separates the fields of a heading line: an ideographic space, or several spaces.
_FIELD_SEP = re.compile("(\u3000+| {2,})")


def wrap_paragraph(text: str, width: int) -> list[str]:
    """``text`` as lines at most ``width`` columns wide, like :func:`wrap`, but keeping each
    field of a heading line (``轮次：…　统计截至：…``) whole on a line where it fits."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if cell_len(paragraph) <= width:
            lines.append(paragraph)
            continue
        line = ""
        pieces = _FIELD_SEP.split(paragraph)
        for field, sep in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
            joined = line + field
            if cell_len(joined) <= width:
                line = joined + sep
                continue
            if line and cell_len(field) <= width:
                lines.append(line.rstrip())
                line = field + sep
                continue
            *full, line = wrap(joined, width)
            lines.extend(full)
            line += sep
        lines.append(line.rstrip())
    return lines


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines at most ``width`` columns wide (its own line breaks kept).

    A line that already fits is left exactly as it is; elsewhere runs of
    spaces at a break are dropped and a word longer than the width is cut.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if cell_len(paragraph) <= width:
            lines.append(paragraph)
        else:
            lines.extend(_wrap_line(paragraph, max(width, 2)))
    return lines


def _wrap_line(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line: list[str] = []  # the tokens of the line being filled
    used = 0
    for token in _TOKEN.findall(text):
        size = cell_len(token)
        if token.isspace():
            if line and used + 1 <= width:
                line.append(" ")
                used += 1
            continue
        if used + size <= width:
            line.append(token)
            used += size
            continue
        # The token starts a new line. What must not end this line, or must not
        # start the next one alone, goes down with it.
        carry: list[str] = []
        while line and line[-1] == " ":
            line.pop()
        # Carried back as far as needed: in "不计）；" breaking before "；" carries "）",
        # which must not start the line either, so "计" comes down too.
        while len(line) > 1 and ((carry or [token])[0][0] in CLOSING or line[-1][-1] in OPENING):
            carry.insert(0, line.pop())
            while line and line[-1] == " ":
                line.pop()
        if line:
            lines.append("".join(line))
        line, used = [*carry, token], sum(map(cell_len, carry)) + size
        while used > width:  # a word wider than the column: cut it
            head, rest = _cut("".join(line), width)
            lines.append(head)
            line, used = [rest], cell_len(rest)
    if line or not lines:
        lines.append("".join(line).rstrip())
    return lines


def _cut(text: str, width: int) -> tuple[str, str]:
    """The longest head of ``text`` at most ``width`` columns wide, and the rest."""
    used = 0
    for n, char in enumerate(text):
        used += cell_len(char)
        if used > width:
            return text[:n], text[n:]
    return text, ""
