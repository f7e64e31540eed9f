"""Helpers shared by the store's commands (init, round, record, findings, lifecycle).

Standard library only at module level: ``inspect record``'s fast path uses
these helpers without typer (the commands' options are in ``cli/options.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from qingyang_inspect.cli.common import echo, state
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    import typer

    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.findings.model import Round
    from qingyang_inspect.findings.pins import Pinned
    from qingyang_inspect.workspace import Workspace

R = TypeVar("R")

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


def reading_as_of(
    ctx: typer.Context, as_of: str | None
) -> tuple[Workspace, Catalog, dt.date, dt.datetime | None]:
    """The workspace, its catalog, the day ``--as-of`` names and the moment the store is read
    as of (the end of that day; ``None`` without it: the store as it is)."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog

    workspace = state(ctx).load_workspace()
    day, until = as_of_moment(as_of)
    return workspace, load_workspace_catalog(workspace), day, until


def parse_moment(value: str | None, option: str, now: dt.datetime) -> dt.datetime | None:
    """``--at`` text as a time in the machine's zone (``None`` stays ``None``)."""
    if value is None:
        return None
    from qingyang_inspect.dates import parse_datetime

    zone = now.tzinfo
    assert zone is not None  # clock() is always aware
    return parse_datetime(value, option=option, tz=zone)


def store_step(
    ctx: typer.Context,
    inspector_option: str | None,
    at: str | None,
    step: Callable[..., R],
    *args: Any,
    with_catalog: bool = False,
    **kwargs: Any,
) -> R:
    """``step(store, [catalog,] *args, actor=…, now=…, at=…, **kwargs)`` in one transaction.

    How the commands that change a finding or a round do it: the inspector from
    ``--inspector`` (or its defaults), the workspace's catalog when the step
    needs it, the clock read once and ``--at`` read in its time zone.
    """
    from qingyang_inspect.store import Store

    workspace = state(ctx).load_workspace()
    actor = inspector(inspector_option, workspace)
    if with_catalog:
        from qingyang_inspect.catalog.cache import load_workspace_catalog

        args = (load_workspace_catalog(workspace), *args)
    now = clock()
    with Store.open(workspace) as store:
        moment = parse_moment(at, "--at", now)
        return step(store, *args, actor=actor, now=now, at=moment, **kwargs)


def warn(message: str) -> None:
    """``警告: message`` on stderr."""
    echo(f"{t('store.warning')}: {message}", err=True)


def warn_changes(round_: Round, pinned: Pinned) -> str | None:
    """Warn how the files differ from what ``round_`` is scored by; the warning, if any."""
    from qingyang_inspect.findings.pins import changes_warning

    warning = changes_warning(round_, pinned)
    if warning:
        warn(warning)
    return warning
