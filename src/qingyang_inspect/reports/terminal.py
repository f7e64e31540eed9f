"""Rich tables of the reports for the terminal, with coloured verdicts and overdue rows."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from qingyang_inspect.i18n import t
from qingyang_inspect.reports.acceptance import SiteSheet, Summary, headers
from qingyang_inspect.reports.rectification import LedgerRow
from qingyang_inspect.views.labels import date_text, yes_no

VERDICT_STYLES = {"met": "bold green", "basically_met": "bold yellow", "not_met": "bold red"}
RESULT_STYLES = {"pass": "green", "fail": "red", "na": "dim", "unchecked": "dim"}


def _num(value: Decimal | int | None, suffix: str = "") -> str:
    return "" if value is None else f"{value}{suffix}"


def ledger_table(rows: Iterable[LedgerRow], *, as_of: str) -> Table:
    """The ledger's key columns; overdue rows in red."""
    keys = ("seq", "found", "site_name", "item_id", "description", "occurrences", "unit", "due")
    keys2 = ("status", "overdue")
    table = Table(show_lines=False, header_style="bold")
    short = {"seq", "found", "item_id", "occurrences", "due", "status", "overdue"}
    for key in (*keys, *keys2):
        table.add_column(t(f"ledger.col.{key}"), overflow="fold", no_wrap=key in short)
    count = 0
    for row in rows:
        count += 1
        table.add_row(
            str(row.seq),
            date_text(row.found_date),
            row.site_name,
            row.item_id,
            row.description,
            str(row.occurrences),
            row.unit,
            date_text(row.due_date),
            row.status_label,
            yes_no(row.overdue),
            style="red" if row.overdue else None,
        )
    table.title = t("report.table_title_ledger", count=count, as_of=as_of)
    return table


def summary_table(summary: Summary, *, round_name: str, as_of: str) -> Table:
    """One row per site with a coloured verdict."""
    keys = (
        "site_id",
        "site_name",
        "site_type",
        "level",
        "street",
        "possible",
        "earned",
        "rate",
        "verdict",
        "coverage",
        "open",
        "overdue",
        "rank",
    )
    table = Table(
        title=t("report.table_title_acceptance", round=round_name, as_of=as_of),
        header_style="bold",
    )
    numeric = {"possible", "earned", "rate", "coverage", "open", "overdue", "rank"}
    for key, head in zip(keys, headers(keys), strict=True):
        table.add_column(
            head,
            justify="right" if key in numeric else "left",
            overflow="fold",
            min_width=6 if key in ("site_name", "verdict") else None,
        )
    for row in summary.rows:
        table.add_row(
            row.site_id,
            row.site_name,
            row.site_type,
            row.level,
            row.street,
            _num(row.possible),
            _num(row.earned),
            _num(row.rate, "%"),
            Text(row.verdict, style=VERDICT_STYLES.get(row.verdict_code or "", "dim")),
            _num(row.coverage, "%"),
            str(row.open_problems),
            str(row.overdue_problems),
            _num(row.rank),
        )
    return table


def site_table(sheet: SiteSheet) -> Table:
    """A site's score sheet: items with coloured results, totals in the caption."""
    keys = ("seq", "item_id", "category_name", "requirement", "method", "points", "result")
    keys2 = ("occurrences", "deducted", "score", "remarks")
    site = sheet.site
    table = Table(
        title=t("report.table_title_site", site=f"{site.id} {site.name}"), header_style="bold"
    )
    short = {"seq", "item_id", "points", "result", "occurrences", "deducted", "score"}
    for key, head in zip((*keys, *keys2), headers((*keys, *keys2)), strict=True):
        table.add_column(head, overflow="fold", no_wrap=key in short)
    for row in sheet.rows:
        table.add_row(
            str(row.seq),
            row.item_id,
            row.category,
            row.requirement,
            row.method,
            _num(row.points),
            Text(row.result, style=RESULT_STYLES.get(row.result_code, "")),
            _num(row.occurrences),
            _num(row.deducted),
            _num(row.score),
            row.remarks,
        )
    score = sheet.score
    table.caption = (
        f"{t('acceptance.foot.possible')} {_num(_d(score.possible))}  "
        f"{t('acceptance.foot.earned')} {_num(_d(score.earned))}  "
        f"{t('acceptance.foot.rate')} {_num(sheet.rate, '%')}  "
        f"{t('acceptance.foot.verdict')} {sheet.verdict}"
    )
    return table


def _d(value: object) -> Decimal:
    from fractions import Fraction

    from qingyang_inspect.scoring import display

    assert isinstance(value, Fraction | int)
    return display(Fraction(value))


def print_tables(console: Console, tables: Iterable[Table]) -> None:
    """Print each table, separated by a blank line."""
    for n, table in enumerate(tables):
        if n:
            console.print()
        console.print(table)
