"""Help and usage text laid out by display width (a Chinese character takes two columns).

click wraps help by counting characters, so Chinese lines run past the
terminal. Here every width is counted in terminal columns, lines break between
words or between CJK characters, and never before closing punctuation.
Standard library only.
"""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from qingyang_inspect.cli.spec import Param, choices_text, codes, metavar
from qingyang_inspect.i18n import t
from qingyang_inspect.render import env_columns
from qingyang_inspect.text import is_wide

#: Help is never wider than this, however wide the terminal.
MAX_WIDTH = 100
#: The option column's widest entry before its help moves to the next line.
MAX_LEFT = 30
# Punctuation that must not start a line (it closes what precedes it).
_NO_BREAK_BEFORE = set("，。、；：？！）》」』】〕…·,.;:?!)]}%")
# A run of non-space, non-wide characters stays together (a word, an id, an option), and
# so does a date with its time (2026-06-03 09:00, 2026-06-03T09:00:05+08:00).
_TOKENS = re.compile(
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?(?![\d:])"
    r"|\s+|[^\s\u1100-\U0010ffff]+|.",
    re.UNICODE,
)


def char_width(char: str) -> int:
    """Columns ``char`` takes in a terminal: 2 for wide (CJK, full-width), 0 for combining."""
    if unicodedata.combining(char):
        return 0
    return 2 if is_wide(char) else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    return sum(char_width(c) for c in text)


def terminal_width() -> int:
    """``COLUMNS`` or the terminal's width, at most :data:`MAX_WIDTH`."""
    found = env_columns() or shutil.get_terminal_size().columns
    return max(40, min(found, MAX_WIDTH))


def message_width(stream: TextIO) -> int | None:
    """The width to wrap messages to on ``stream``: ``COLUMNS``, a terminal's, or none."""
    columns = env_columns()
    if columns is not None:
        return max(40, columns)
    try:
        return shutil.get_terminal_size().columns if stream.isatty() else None
    except (AttributeError, ValueError, OSError):
        return None


def _tokens(text: str) -> list[str]:
    """Words, single wide characters and spaces; a wide token may split a long word."""
    return _TOKENS.findall(text)


def wrap(text: str, columns: int, *, cut: bool = True) -> list[str]:
    """``text`` broken into lines of at most ``columns`` display columns.

    A word longer than a line is cut when ``cut`` (help), else left whole (a
    path in a message must stay one piece to be copied).
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += _wrap_line(paragraph, max(columns, 8), cut)
    return lines


def labelled(label: str, text: str, stream: TextIO | None = None) -> str:
    """``错误: text``, wrapped when written to a terminal (or ``COLUMNS`` is set).

    Redirected to a file or a pipe, a message stays on one line for grep.
    """
    line = f"{label}: {text}"
    columns = message_width(stream or sys.stderr)
    if columns is None:
        return line
    first, *rest = wrap(line, columns, cut=False)
    indent = "  "
    # The rest wrapped again from the text itself: lines broken between two Chinese
    # characters and joined with a space would show "不 能" where the text says "不能".
    after = line[len(first) :].lstrip() if line.startswith(first) else " ".join(rest)
    more = wrap(after, columns - len(indent), cut=False) if rest else []
    return "\n".join([first] + [indent + line for line in more])


def _wrap_line(text: str, columns: int, cut: bool) -> list[str]:
    lines: list[str] = []
    parts: list[str] = []  # the line's words, wide characters and single spaces
    for token in _tokens(text):
        if token.isspace():
            if parts:
                parts.append(" ")
            continue
        if width("".join(parts)) + width(token) <= columns:
            parts.append(token)
            continue
        if token[0] in _NO_BREAK_BEFORE and parts:
            # Carry the last word (or wide character) over, so that the punctuation does
            # not start a line — and the one before it, when that is punctuation too
            # (不计）；); alone on its line, the word keeps the marks beside it.
            carry = [token]
            while parts and carry[0][0] in _NO_BREAK_BEFORE:
                while parts and parts[-1] == " ":
                    parts.pop()
                if parts:
                    carry.insert(0, parts.pop())
            kept = "".join(parts).rstrip()
            if kept:
                lines.append(kept)
            parts = carry
            continue
        kept = "".join(parts).rstrip()
        if kept:
            lines.append(kept)
        while cut and width(token) > columns:  # a word longer than the line: cut it
            end = _fit(token, columns)
            lines.append(token[:end])
            token = token[end:]
        parts = [token]
    if "".join(parts).strip() or not lines:
        lines.append("".join(parts).rstrip())
    return lines


def _fit(token: str, columns: int) -> int:
    used = 0
    for n, char in enumerate(token):
        used += char_width(char)
        if used > columns:
            return max(n, 1)
    return len(token)


def two_columns(rows: Sequence[tuple[str, str]], columns: int, indent: int = 2) -> list[str]:
    """Rows of ``left  right`` with ``right`` wrapped in its own column."""
    lefts = [width(left) for left, _ in rows if width(left) <= MAX_LEFT]
    left_width = max(lefts, default=0)
    gap = 2
    right_at = indent + left_width + gap
    lines: list[str] = []
    for left, right in rows:
        body = wrap(right, columns - right_at) if right else []
        if width(left) > left_width:
            lines.append(" " * indent + left)
            lines += [" " * right_at + part for part in body]
            continue
        first = " " * indent + left + " " * (left_width - width(left) + gap)
        lines.append((first + body[0]).rstrip() if body else first.rstrip())
        lines += [" " * right_at + part for part in body[1:]]
    return lines


@dataclass(frozen=True)
class CommandHelp:
    """What one command's help shows."""

    path: str
    help: str
    params: Sequence[Param]
    commands: Sequence[tuple[str, str]] = ()


def usage(path: str, params: Iterable[Param], *, group: bool = False) -> str:
    """``用法: inspect record [选项]`` (arguments and a command placeholder as words)."""
    pieces = [path, t("cli.usage_options")]
    for param in params:
        if param.kind != "argument" or param.hidden:
            continue
        word = metavar(param) + ("…" if param.multiple else "")
        pieces.append(word if param.required else f"[{word}]")
    if group:
        pieces.append(t("cli.usage_command"))
    return f"{t('cli.usage')}: " + " ".join(pieces)


def option_label(param: Param) -> str:
    """``-f, --format 格式`` for an option, the metavar for an argument."""
    if param.kind == "argument":
        return metavar(param)
    label = ", ".join(param.opts)
    return f"{label} {metavar(param)}" if param.takes_value else label


#: What a help text may end with before the choices follow it as a new sentence.
_SENTENCE_ENDS = (".", "。", "!", "！", "?", "？")


def option_help(param: Param) -> str:
    """The help text with what else the reader needs: choices, default, required, env var."""
    text = param.help.strip()
    parts = [text] if text else []
    listed = codes(param)
    if listed and not all(code in text for code in listed):
        choices = t("cli.help_choices", choices=choices_text(param))
        if parts and not text.endswith(_SENTENCE_ENDS):
            # "output format One of: …" read as one broken sentence
            parts[-1] = t("cli.help_then_choices", text=text, choices=choices)
        else:
            parts.append(choices)
    extra = []
    if param.required:
        extra.append(t("cli.help_required"))
    shown = _default_text(param)
    if shown:
        extra.append(t("cli.help_default", value=shown))
    if param.minimum is not None:
        extra.append(t("cli.help_minimum", value=_number(param.minimum)))
    if param.envvar:
        extra.append(t("cli.help_envvar", name=param.envvar))
    if extra:
        parts.append("[" + t("cli.list_separator").join(extra) + "]")
    return " ".join(parts)


def _default_text(param: Param) -> str:
    default = param.default
    if param.required or param.value == "flag" or default is None or default in ((), [], ""):
        return ""
    return str(getattr(default, "value", default))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def help_page(page: CommandHelp, columns: int | None = None) -> str:
    """The whole help of a command: usage, description, arguments, options, commands."""
    columns = columns or terminal_width()
    shown = [p for p in page.params if not p.hidden]
    lines = wrap(usage(page.path, shown, group=bool(page.commands)), columns)
    if page.help:
        lines.append("")
        lines += ["  " + line for line in wrap(page.help, columns - 2)]
    arguments = [(option_label(p), option_help(p)) for p in shown if p.kind == "argument"]
    options = [(option_label(p), option_help(p)) for p in shown if p.kind == "option"]
    for heading, rows in (
        (t("cli.heading_arguments"), arguments),
        (t("cli.heading_options"), options),
        (t("cli.heading_commands"), list(page.commands)),
    ):
        if rows:
            lines += ["", f"{heading}:", *two_columns(rows, columns)]
    return "\n".join(lines)
