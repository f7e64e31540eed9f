"""Terminal tables (rich): columns chosen for the width, stacked records when even that fails.

The layout is computed here, in display columns (a CJK character takes two),
and handed to rich as fixed widths, so rich never squeezes a column on its own:

* Cells of ids, numbers, dates and statuses (and of columns marked
  ``wrap=False``, such as site names) are never split: their column is as
  wide as the widest of them.
* A text column wraps, but never below the longest word of its header (so a
  header is never cut) nor below :data:`MIN_TEXT_WIDTH` (its floor).
* When the columns do not fit at their floors, the ones with the largest
  ``priority`` number give way first (the later one among equals); when even
  the priority-0 columns do not fit, each row is printed as a block of
  ``label value`` lines.
* A text column also asks for room for its longest word and, when it is long
  (it wraps anyway) or must show, for up to :data:`COMFORT_WIDTH`; while it
  gets less, less important columns give way (never equally important ones).
* A less important column also gives way when that lets more of the more
  important columns show their cells whole (on one line).
* Space left over goes to the text columns, first so that no word is split,
  then towards their natural width, shortest texts first.
* Text is broken into lines by :func:`~qingyang_inspect.render.linebreak.wrap`:
  English between words, Chinese between characters but never with a line
  starting with closing punctuation (，。）…).
* Every cell is a :class:`rich.text.Text` made from :func:`safe_text` output,
  so neither rich markup (``[red]``) nor terminal escapes in users' text act.
* At most :data:`MAX_ROWS` rows are printed; a note on stderr says how to get
  the rest (a file format, or filters), so a million findings never fill memory.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text as RichText

from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered, env_columns
from qingyang_inspect.render.linebreak import (
    longest_word,
    space_separated,
    wrap,
    wrap_at_spaces,
    wrap_paragraph,
)
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.render.values import cell_text
from qingyang_inspect.views.base import (
    Chart,
    Column,
    Document,
    Fields,
    Group,
    Pages,
    Section,
    Signatures,
    Styled,
    Table,
    Text,
    Totals,
)

#: Rows printed at most; the rest is for ``--format csv|json``.
MAX_ROWS = 1000
#: Narrowest a wrapping text column is squeezed to before columns are dropped.
MIN_TEXT_WIDTH = 8
#: What a long or must-show text column asks for before optional columns are kept.
COMFORT_WIDTH = 20
#: Columns between two cells: rich's padding each side and the (blank) separator.
GAP = 3

#: Semantic styles of views → rich styles.
STYLES: dict[str, str] = {
    "overdue": "red",
    "late": "yellow",
    "verdict.met": "bold green",
    "verdict.basically_met": "bold yellow",
    "verdict.not_met": "bold red",
    "verdict.incomplete": "dim",
    "verdict.none": "dim",
    "result.pass": "green",
    "result.fail": "red",
    "result.na": "dim",
    "result.unchecked": "dim",
    "warning": "yellow",
    "error": "red",
}


class _Console(Console):
    """rich's console, but a closed pipe ends the command as in every other renderer."""

    def on_broken_pipe(self) -> None:
        """The reader went away (``| head``): let the command's error handling end it."""
        self.quiet = True
        raise BrokenPipeError


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A rich console: plain when output is not a terminal or ``NO_COLOR`` is set."""
    if width is None:
        width = env_columns()
    height = None
    if "COLUMNS" in os.environ or "LINES" in os.environ:
        # rich would read them itself, and fails on ``COLUMNS=²``: give it the size outright.
        size = shutil.get_terminal_size()
        width = width or min(size.columns, 10_000)
        height = min(size.lines, 10_000)
    return _Console(
        stderr=stderr, width=width, height=height, highlight=False, soft_wrap=False, emoji=False
    )


def render(document: Document, target: Any, context: RenderContext) -> Rendered:
    """Print ``document`` to the terminal (stdout); notes to stderr."""
    out = console(width=context.width)
    err = console(stderr=True, width=context.width)
    done = Rendered()
    printed = False
    for section in document.iter_sections():
        printed = _section(out, err, section, done, printed)
    return done


def _section(out: Console, err: Console, section: Section, done: Rendered, printed: bool) -> bool:
    if isinstance(section, Text):
        if section.status:
            err.print(_paragraph(section.text, err.width))
            return printed
        if printed:
            out.print()
        out.print(_paragraph(section.text, out.width))
        return True
    if isinstance(section, Fields):
        if printed:
            out.print()
        out.print(fields_grid(section))
        return True
    if isinstance(section, Group):
        for child in section.sections:
            printed = _section(out, err, child, done, printed)
        return printed
    if isinstance(section, Chart | Signatures | Totals):
        return printed  # paper only
    if isinstance(section, Pages):
        if not section.terminal:
            return printed
        for element in section.source():
            page = section.page(element)
            if printed:
                out.print()
            out.print(_text(page.title), style="bold")
            printed = True
            for child in page.sections:
                printed = _section(out, err, child, done, printed)
        return printed
    if not section.terminal:
        return printed
    rows = list(islice(section.source(), MAX_ROWS + 1))
    more = len(rows) > MAX_ROWS
    rows = rows[:MAX_ROWS]
    done.rows += len(rows)
    if not rows and section.empty is not None:
        err.print(_text(section.empty))
        return printed
    if printed:
        out.print()
    print_table(out, section, rows)
    if more:
        err.print(_text(t("render.table_truncated", shown=MAX_ROWS)))
    elif section.footer is not None:
        err.print(_text(section.footer(len(rows))))
    return True


@dataclass(frozen=True)
class Layout:
    """Which columns a table shows (indexes) and how wide each is, in display columns."""

    columns: tuple[int, ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class _Measure:
    """A column's widths: the least it takes, what it asks for, no split word, one line."""

    floor: int
    asks: int
    words: int
    natural: int


def print_table(out: Console, table: Table[Any], elements: Sequence[Any]) -> None:
    """``elements`` as a table fitted to ``out``'s width, or as stacked records."""
    shown = [(n, c) for n, c in enumerate(table.columns) if c.priority is not None]
    columns = [c for _, c in shown]
    texts = [[_cell(row[n], c) for n, c in shown] for row in map(table.cells, elements)]
    styles = [table.style(e) if table.style is not None else None for e in elements]
    layout = plan(columns, [[cell.plain for cell in row] for row in texts], out.width)
    if layout is None:
        print_stacked(out, table.title, columns, texts, styles)
        return
    grid = RichTable(
        title=_text(table.title) if table.title else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
    )
    for n, width in zip(layout.columns, layout.widths, strict=True):
        column = columns[n]
        right = column.kind in ("int", "number", "percent")
        # Unbreakable cells fit their width by construction; a header may still wrap
        # between its words, which is why no column is no_wrap.
        grid.add_column(
            _text(column.label),
            width=width,
            overflow="fold",
            justify="right" if right else "left",
        )
    # Text cells are broken here (CJK and English rules), rich only lays them out.
    wrapping = [
        (n, width)
        for n, width in zip(layout.columns, layout.widths, strict=True)
        if not columns[n].unbreakable
    ]
    for row, style in zip(texts, styles, strict=True):
        for n, width in wrapping:
            lines = (wrap_at_spaces if columns[n].whole_words else wrap)(row[n].plain, width)
            row[n] = RichText("\n".join(lines), style=row[n].style)
        grid.add_row(*(row[n] for n in layout.columns), style=STYLES.get(style or ""))
    out.print(grid)


def plan(columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int) -> Layout | None:
    """The columns to show within ``width`` and their widths, or ``None`` to stack the rows.

    ``cells`` are the rows' plain texts in ``columns`` order. Columns are kept
    by priority while they fit at their floors; then a text column left below
    what it asks for makes less important columns (larger priority numbers)
    give way, one at a time, never an equally important one.
    """
    measures = [_measure(column, [row[n] for row in cells]) for n, column in enumerate(columns)]
    keep = _choose(columns, measures, width)
    if keep is None:
        return None

    def rank(n: int) -> tuple[int, int]:
        return (columns[n].priority or 0, n)

    while True:
        widths = _widths(measures, keep, width)
        starved = [rank(n)[0] for n, w in zip(keep, widths, strict=True) if w < measures[n].asks]
        last = max(keep, key=rank)
        if not starved or rank(last)[0] <= min(starved):
            break
        keep.remove(last)
    # A less important column also gives way when that keeps a more important one
    # whole (a site name or an English status on one line instead of three).
    while True:
        wrapped = _wrapped(measures, keep, widths)
        last = max(keep, key=rank)
        if not wrapped or rank(last)[0] <= max(rank(n)[0] for n in wrapped):
            return Layout(tuple(keep), widths)
        fewer = [n for n in keep if n != last]
        narrower = _widths(measures, fewer, width)
        if len(_wrapped(measures, fewer, narrower)) >= len(wrapped):
            return Layout(tuple(keep), widths)
        keep, widths = fewer, narrower


def _wrapped(measures: Sequence[_Measure], keep: Sequence[int], widths: Sequence[int]) -> list[int]:
    """The kept columns narrower than their widest cell: their cells take several lines."""
    return [n for n, w in zip(keep, widths, strict=True) if w < measures[n].natural]


def _measure(column: Column, values: Sequence[str]) -> _Measure:
    label = max(map(cell_len, column.label.split()), default=1)
    natural = max([label, *(_lines_width(v) for v in values)])
    if column.unbreakable:
        return _Measure(natural, natural, natural, natural)
    if column.whole_words:
        # A label broken only at its spaces asks for its widest piece, no more: room
        # beyond that goes to the texts people read (and to its whole width last).
        floor = max([label, *(space_separated(v) for v in values)])
        return _Measure(floor, floor, floor, natural)
    words = min(max([label, *(longest_word(v) for v in values)]), natural)
    floor = max(label, min(natural, MIN_TEXT_WIDTH))
    # What it asks for before less important columns are kept: whole words (up to a
    # point), and room to read a long text (one that wraps anyway) or a must-show one.
    asks = max(floor, min(words, COMFORT_WIDTH))
    if column.priority == 0 or natural > COMFORT_WIDTH:
        asks = max(asks, min(natural, COMFORT_WIDTH))
    return _Measure(floor, asks, words, natural)


def _choose(
    columns: Sequence[Column], measures: Sequence[_Measure], width: int
) -> list[int] | None:
    """Indexes of the columns that fit at their floors, dropping by descending priority.

    ``None`` when even the must-show columns (priority 0) do not fit.
    """

    def need(keep: list[int]) -> int:
        return sum(measures[n].floor for n in keep) + GAP * (len(keep) - 1)

    keep = list(range(len(columns)))
    order = sorted(keep, key=lambda n: (columns[n].priority or 0, n), reverse=True)
    for n in order:
        if need(keep) <= width:
            return keep
        if not columns[n].priority:
            return None
        keep.remove(n)
    return keep if keep and need(keep) <= width else None


def _widths(measures: Sequence[_Measure], keep: Sequence[int], width: int) -> tuple[int, ...]:
    """Widths of the kept columns: floors, then what they ask, whole words, natural widths.

    Room for what they ask and for whole words is shared fairly (those wanting
    least served first); room towards natural widths goes to the shortest texts
    first, so a short text ends whole and the longest one wraps in what is left.
    """
    sizes = {n: measures[n].floor for n in keep}
    spare = width - sum(sizes.values()) - GAP * (len(keep) - 1)
    stages = (
        ({n: measures[n].asks for n in keep}, True),
        ({n: max(measures[n].asks, measures[n].words) for n in keep}, True),
        ({n: measures[n].natural for n in keep}, False),
    )
    for targets, fair in stages:
        wants = sorted((max(0, targets[n] - sizes[n]), n) for n in keep)
        for rank, (want, n) in enumerate(wants):
            give = min(want, spare // (len(wants) - rank) if fair else spare)
            sizes[n] += give
            spare -= give
    return tuple(sizes[n] for n in keep)


def print_stacked(
    out: Console,
    title: str,
    columns: Sequence[Column],
    texts: Sequence[Sequence[RichText]],
    styles: Sequence[str | None],
) -> None:
    """One block of ``label value`` lines per row: for terminals too narrow for a table.

    A block whose unbroken value would not fit beside its label puts every
    value on the line under its label instead.
    """
    if title:
        out.print(_text(title), style="bold")
    label_width = max(cell_len(c.label) for c in columns)
    for number, (row, style) in enumerate(zip(texts, styles, strict=True)):
        if number or title:
            out.print()
        pairs = [(c, value) for c, value in zip(columns, row, strict=True) if value.plain]
        beside = all(
            label_width + 2 + _lines_width(value.plain) <= out.width
            for c, value in pairs
            if c.unbreakable
        )
        grid = RichTable.grid(padding=(0, 2) if beside else 0)
        if beside:
            grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold", style=STYLES.get(style or ""))
        for column, value in pairs:
            if beside:
                grid.add_row(_text(column.label), value)
            else:
                grid.add_row(RichText(safe_text(column.label, "terminal"), style="bold"))
                grid.add_row(value)
        out.print(grid)


def fields_grid(section: Fields) -> RichTable:
    """A record as label–value lines."""
    grid = RichTable.grid(padding=(0, 2))
    if section.title:
        grid.title = _text(section.title)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for f in section.fields:
        grid.add_row(_text(f.label), _cell(f.value, Column(f.key, f.label, f.kind)))
    return grid


def _cell(value: object, column: Column | None) -> RichText:
    kind = column.kind if column is not None else "text"
    style = STYLES.get(value.style, "") if isinstance(value, Styled) else ""
    return RichText(safe_text(cell_text(value, kind), "terminal"), style=style)


def _text(text: str) -> RichText:
    return RichText(safe_text(text, "terminal"))


def _paragraph(text: str, width: int) -> RichText:
    """``text`` broken into lines as table cells are (rich alone would move a long run of
    Chinese to a line of its own, leaving the line before it half empty)."""
    return RichText("\n".join(wrap_paragraph(safe_text(text, "terminal"), width)))


def _lines_width(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (progress bars and colours only then)."""
    return sys.stdout.isatty()
