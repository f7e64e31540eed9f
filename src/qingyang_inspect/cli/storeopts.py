"""Helpers shared by the store's commands (init, round, record, findings, lifecycle).

Standard library only at module level: ``inspect record``'s fast path uses
these helpers without typer (the commands' options are in ``cli/options.py``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from qingyang_inspect.cli.common import echo
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.workspace import Workspace

ENV_INSPECTOR = "INSPECT_INSPECTOR"


class TableJsonCsv(StrEnum):
    """Output formats of ``findings list``."""

    table = "table"
    json = "json"
    csv = "csv"


def clock() -> dt.datetime:
    """Now, in the machine's time zone: the one place the store's commands read the clock."""
    return dt.datetime.now().astimezone()


def inspector(given: str | None, workspace: Workspace) -> str:
    """The inspector for this command (option, ``INSPECT_INSPECTOR``, then the workspace config)."""
    from qingyang_inspect.findings.recording import resolve_inspector

    return resolve_inspector(given, workspace)


def parse_day(value: str | None, option: str) -> dt.date | None:
    """``--due`` / ``--date`` / ``--as-of`` text as a date (``None`` stays ``None``)."""
    if value is None:
        return None
    from qingyang_inspect.dates import parse_date

    return parse_date(value, option=option)


def as_of_moment(text: str | None, option: str = "--as-of") -> tuple[dt.date, dt.datetime | None]:
    """``--as-of D`` (or ``option``) as the day (today without it) and the end of that day in
    the machine's zone (``None`` without it: the store as it is now)."""
    now = clock()
    day = parse_day(text, option)
    if day is None:
        return now.date(), None
    return day, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=now.tzinfo)


def parse_moment(value: str | None, option: str, now: dt.datetime) -> dt.datetime | None:
    """``--at`` text as a time in the machine's zone (``None`` stays ``None``)."""
    if value is None:
        return None
    from qingyang_inspect.dates import parse_datetime

    zone = now.tzinfo
    assert zone is not None  # clock() is always aware
    return parse_datetime(value, option=option, tz=zone)


def warn(message: str) -> None:
    """``警告: message`` on stderr."""
    echo(f"{t('store.warning')}: {message}", err=True)
