"""``inspect record``: record one finding from options (or walk a site when ``--item`` is absent).

This runs many times a day: only typer is imported up front, and the record
path loads the catalog from its content-hashed cache, opens the store and
writes one transaction. The new finding's id is the only thing on stdout, so
scripts can capture it; the confirmation goes to stderr.
"""

from __future__ import annotations

import importlib.util
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qingyang_inspect.cli.common import fail, handle_errors, state
from qingyang_inspect.cli.storeopts import (
    clock,
    inspector,
    inspector_option,
    parse_day,
    parse_moment,
    warn,
)
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.findings.model import Finding

WALK_MODULE = "qingyang_inspect.cli.walk"


class ResultChoice(StrEnum):
    """符合 / 不符合 / 不适用."""

    pass_ = "pass"
    fail = "fail"
    na = "na"


def register(app: typer.Typer) -> None:
    """Add the ``record`` command to ``app``."""
    app.command("record", help=t("record.help"))(record_command)


@handle_errors
def record_command(
    ctx: typer.Context,
    site: Annotated[str, typer.Option("--site", help=t("record.opt_site"), show_default=False)],
    item: Annotated[
        str | None, typer.Option("--item", help=t("record.opt_item"), show_default=False)
    ] = None,
    result: Annotated[
        ResultChoice | None,
        typer.Option("--result", help=t("record.opt_result"), show_default=False),
    ] = None,
    count: Annotated[
        int | None, typer.Option("--count", help=t("record.opt_count"), show_default=False)
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help=t("record.opt_note"), show_default=False)
    ] = None,
    location: Annotated[
        str | None, typer.Option("--location", help=t("record.opt_location"), show_default=False)
    ] = None,
    photo: Annotated[
        list[Path] | None,
        typer.Option("--photo", help=t("record.opt_photo"), show_default=False, dir_okay=False),
    ] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
    at: Annotated[
        str | None, typer.Option("--at", help=t("record.opt_at"), show_default=False)
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", help=t("record.opt_due"), show_default=False)
    ] = None,
    on_spot: Annotated[bool, typer.Option("--on-spot", help=t("record.opt_on_spot"))] = False,
    round_name: Annotated[
        str | None, typer.Option("--round", help=t("record.opt_round"), show_default=False)
    ] = None,
) -> None:
    """Record a finding; print its id."""
    workspace = state(ctx).load_workspace()
    if item is None:
        given = [
            name
            for name, value in (
                ("--result", result),
                ("--count", count),
                ("--note", note),
                ("--location", location),
                ("--photo", photo),
                ("--at", at),
                ("--due", due),
                ("--on-spot", on_spot or None),
            )
            if value is not None
        ]
        if given or importlib.util.find_spec(WALK_MODULE) is None:
            fail(
                t("record.needs_item", options=", ".join(given) or "--result"),
                t("record.needs_item_hint"),
            )
        walk = importlib.import_module(WALK_MODULE)
        walk.run_walk(ctx, site, round_name, inspector(inspector_option, workspace))
        return
    if result is None:
        fail(t("record.needs_result"), t("record.needs_result_hint"))

    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.recording import RecordRequest, record_finding
    from qingyang_inspect.store import Store

    now = clock()
    request = RecordRequest(
        site_id=site,
        item_id=item,
        result=result.value,
        inspector=inspector(inspector_option, workspace),
        count=count,
        note=note,
        location=location,
        photos=tuple(photo or ()),
        at=parse_moment(at, "--at", now),
        due=parse_day(due, "--due"),
        on_spot=on_spot,
        round_name=round_name,
    )
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace) as store:
        recorded = record_finding(store, catalog, request, now=now)
    for message in recorded.warnings:
        warn(message)
    finding = recorded.finding
    typer.echo(finding.id)
    typer.echo(
        confirmation(finding, catalog.sites[finding.site_id].name, recorded.round.name), err=True
    )


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
        site=finding.site_id,
        site_name=site_name,
        item=finding.item_id,
        what=what,
        round=round_name,
    )
