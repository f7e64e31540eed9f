"""``inspect record --site … --item … --result …``: record one finding (no typer here).

This runs many times a day: the typer command (``cli/record.py``) and the fast
path (``cli/fast.py``) both call :func:`record_one`, which loads the catalog
from its content-hashed cache, opens the store and writes one transaction.
Standard library only at module level.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from qingyang_inspect.cli.common import State, echo, fail
from qingyang_inspect.cli.storeopts import clock, inspector, parse_day, parse_moment, warn
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.errors import RecordError
    from qingyang_inspect.findings.model import Finding


def record_one(
    state: State,
    *,
    site: str,
    item: str,
    result: str | None,
    count: int | None,
    note: str | None,
    location: str | None,
    photo: list[Path] | None,
    inspector_option: str | None,
    at: str | None,
    due: str | None,
    on_spot: bool,
    round_name: str | None,
    supersedes: list[str] | None = None,
    yes: bool = False,
    ask_time: bool = False,
) -> None:
    """Record the finding the options describe; print its id (stdout) and a confirmation.

    A found time outside the round's window is recorded with ``yes``, or when
    the inspector confirms it at a terminal; otherwise it is refused with how
    to confirm it.
    """
    workspace = state.load_workspace()
    if result is None:
        fail(t("record.needs_result"), t("record.needs_result_hint"))

    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.recording import OutsideWindow, RecordRequest, record_finding
    from qingyang_inspect.store import Store

    now = clock()
    request = RecordRequest(
        site_id=site,
        item_id=item,
        result=str(result),
        inspector=inspector(inspector_option, workspace),
        count=count,
        note=note,
        location=location,
        photos=tuple(photo or ()),
        at=parse_moment(at, "--at", now),
        due=parse_day(due, "--due"),
        on_spot=on_spot,
        round_name=round_name,
        supersedes=tuple(supersedes or ()),
        confirmed=yes,
    )
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace) as store:
        try:
            recorded = record_finding(store, catalog, request, now=now)
        except OutsideWindow as held:
            if not _confirmed(held):
                raise
            recorded = record_finding(store, catalog, replace(request, confirmed=True), now=now)
    for message in recorded.warnings:
        warn(message)
    finding = recorded.finding
    # The confirmation first: if stdout then fails (a full disk), the user still
    # reads that the finding was recorded.
    site_name = catalog.sites[finding.site_id].name if finding.site_id in catalog.sites else ""
    echo(confirmation(finding, site_name, recorded.round.name), err=True)
    echo(finding.id)


def _confirmed(held: RecordError) -> bool:
    """At a terminal, ask whether a held record is meant (scripts answer with ``--yes``)."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    warn(held.message)
    try:
        answer = input(t("record.outside_window_ask") + " [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def confirmation(finding: Finding, site_name: str, round_name: str) -> str:
    """``已记录：M1 测试农贸市场 · CM-EN-01 不符合 2 例，整改期限 2026-06-13（轮次 …）``."""
    from qingyang_inspect.views.labels import result_label

    what = result_label(finding.result)
    if finding.result == "fail":
        what += t("record.count_suffix", count=finding.occurrences)
        if finding.on_spot:
            what += t("record.on_spot_suffix")
        elif finding.due_date is not None:
            what += t("record.due_suffix", due=finding.due_date.isoformat())
    return t(
        "record.done",
        number=finding.number,
        site=finding.site_id,
        site_name=site_name,
        item=finding.item_id,
        what=what,
        round=round_name,
    )
