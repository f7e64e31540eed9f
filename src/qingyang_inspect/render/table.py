"""Terminal tables (rich): columns chosen for the width, stacked records when even that fails.

* Every cell is a :class:`rich.text.Text` made from :func:`safe_text` output,
  so neither rich markup (``[red]``) nor terminal escapes in users' text act.
* Columns of ids, numbers, dates and statuses are never split; when the
  terminal is too narrow for every column, the ones with the largest
  ``priority`` number give way first; when even the priority-0 columns do not
  fit, each row is printed as a block of ``label: value`` lines.
* At most :data:`MAX_ROWS` rows are printed; a note on stderr says how to get
  the rest (a file format, or filters), so a million findings never fill memory.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from itertools import islice
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text as RichText

from qingyang_inspect.i18n import t
from qingyang_inspect.render import RenderContext, Rendered
from qingyang_inspect.render.safe import safe_text
from qingyang_inspect.render.values import cell_text
from qingyang_inspect.views.base import (
    UNBREAKABLE,
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
)

#: Rows printed at most; the rest is for ``--format csv|json``.
MAX_ROWS = 1000
#: Narrowest a wrapping text column is squeezed to before columns are dropped.
MIN_TEXT_WIDTH = 8
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


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A rich console: plain when output is not a terminal or ``NO_COLOR`` is set."""
    if width is None and os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False, emoji=False)


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
            err.print(_text(section.text))
            return printed
        if printed:
            out.print()
        out.print(_text(section.text))
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
    if isinstance(section, Chart | Signatures):
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


def print_table(out: Console, table: Table[Any], elements: Sequence[Any]) -> None:
    """``elements`` as a table fitted to ``out``'s width, or as stacked records."""
    shown = [(n, c) for n, c in enumerate(table.columns) if c.priority is not None]
    cells = [table.cells(e) for e in elements]
    texts = [[_cell(row[n], c) for n, c in shown] for row in cells]
    styles = [table.style(e) if table.style is not None else None for e in elements]
    columns = [c for _, c in shown]
    keep = fit_columns(columns, texts, out.width)
    if keep is None:
        print_stacked(out, table.title, columns, texts, styles)
        return
    grid = RichTable(
        title=_text(table.title) if table.title else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        header_style="bold",
        pad_edge=False,
    )
    for n in keep:
        column = columns[n]
        natural = max([cell_len(column.label)] + [_width(row[n]) for row in texts])
        right = column.kind in ("int", "number", "percent")
        if column.kind in UNBREAKABLE:
            grid.add_column(
                _text(column.label),
                no_wrap=True,
                min_width=natural,
                justify="right" if right else "left",
            )
        else:
            grid.add_column(_text(column.label), overflow="fold", ratio=1, min_width=MIN_TEXT_WIDTH)
    for row, style in zip(texts, styles, strict=True):
        grid.add_row(*(row[n] for n in keep), style=STYLES.get(style or ""))
    out.print(grid)


def fit_columns(
    columns: Sequence[Column], texts: Sequence[Sequence[RichText]], width: int
) -> list[int] | None:
    """Indexes of the columns to show within ``width``, or ``None`` when none fit.

    Unbreakable columns need their widest cell; text columns need
    :data:`MIN_TEXT_WIDTH` (or less when their content is narrower). Columns
    give way by descending priority, later ones first among equals.
    """
    needs = []
    for n, column in enumerate(columns):
        natural = max([cell_len(column.label)] + [_width(row[n]) for row in texts])
        if column.kind in UNBREAKABLE:
            needs.append(natural)
        else:
            needs.append(min(natural, max(MIN_TEXT_WIDTH, cell_len(column.label))))
    keep = list(range(len(columns)))
    order = sorted(keep, key=lambda n: (columns[n].priority or 0, n), reverse=True)
    for n in order:
        if sum(needs[k] for k in keep) + GAP * (len(keep) - 1) <= width:
            return keep
        if (columns[n].priority or 0) == 0:
            return None
        keep.remove(n)
    return keep if keep and sum(needs[k] for k in keep) <= width else None


def print_stacked(
    out: Console,
    title: str,
    columns: Sequence[Column],
    texts: Sequence[Sequence[RichText]],
    styles: Sequence[str | None],
) -> None:
    """One block of ``label: value`` lines per row: for terminals too narrow for a table."""
    if title:
        out.print(_text(title), style="bold")
    for row, style in zip(texts, styles, strict=True):
        out.print()
        for column, value in zip(columns, row, strict=True):
            if not value.plain:
                continue
            line = RichText(f"{column.label}: ", style="bold")
            line.append_text(value)
            out.print(line, style=STYLES.get(style or ""), overflow="fold")


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
    text = RichText(safe_text(cell_text(value, kind), "terminal"))
    if isinstance(value, Styled):
        text.stylize(STYLES.get(value.style, ""))
    return text


def _text(text: str) -> RichText:
    return RichText(safe_text(text, "terminal"))


def _width(text: RichText) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (progress bars and colours only then)."""
    return sys.stdout.isatty()
