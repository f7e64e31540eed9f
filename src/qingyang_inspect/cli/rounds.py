"""``inspect round open|list|close``: inspection rounds (轮次)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from qingyang_inspect.cli.common import TextJson, echo, handle_errors, state
from qingyang_inspect.cli.options import (
    add_group,
    argument,
    format_option,
    inspector_option,
    option,
)
from qingyang_inspect.cli.storeopts import clock, inspector, parse_day, store_step
from qingyang_inspect.i18n import t


class RoundKind(StrEnum):
    """Kinds of round (kept equal to ``store.records.ROUND_KINDS`` by a test)."""

    self_check = "self-check"
    supervision = "supervision"
    unannounced = "unannounced"
    re_inspection = "re-inspection"
    acceptance = "acceptance"


def register(app: typer.Typer) -> None:
    """Add the ``round`` command group to ``app``."""
    add_group(
        app,
        "round",
        t("round.help"),
        {
            "open": (t("round.open_help"), open_command),
            "close": (t("round.close_help"), close_command),
            "list": (t("round.list_help"), list_command),
            "repin": (t("round.repin_help"), repin_command),
        },
    )


@handle_errors
def open_command(
    ctx: typer.Context,
    name: Annotated[str, argument(key="round.name_arg")],
    kind: Annotated[RoundKind, option("--kind", key="round.kind_opt")],
    date: Annotated[str | None, option("--date", key="round.date_opt")] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Open a round pinned to the current standard's id and version."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.recording import open_round
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.labels import round_kind_label

    workspace = state(ctx).load_workspace()
    now = clock()
    day = parse_day(date, "--date") or now.date()
    actor = inspector(inspector_option, workspace)
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace) as store:
        opened = open_round(
            store, catalog, name=name, kind=kind.value, date=day, actor=actor, now=now
        )
    echo(opened.name)
    echo(
        t(
            "round.opened",
            name=opened.name,
            kind=round_kind_label(opened.kind),
            date=opened.date.isoformat(),
            standard=f"{opened.standard_id} {opened.standard_version}",
        ),
        err=True,
    )


@handle_errors
def close_command(
    ctx: typer.Context,
    name: Annotated[str, argument(key="round.name_arg")],
    at: Annotated[str | None, option("--at", key="round.close_at_opt")] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Close a round: nothing more can be recorded into it."""
    from qingyang_inspect.findings.recording import close_round

    closing = store_step(ctx, inspector_option, at, close_round, name=name)
    echo(t("round.closed_ok", name=closing.round.name), err=True)
    if closing.open or closing.rectified:
        echo(
            t(
                "round.closed_unfinished",
                count=closing.open + closing.rectified,
                open=closing.open,
                rectified=closing.rectified,
            ),
            err=True,
        )


@handle_errors
def list_command(
    ctx: typer.Context,
    output_format: Annotated[TextJson, format_option("opt.format")] = TextJson.table,
) -> None:
    """List rounds by date: findings, how the files differ from each one's pinned content,
    items whose findings contradict each other."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.pins import round_states
    from qingyang_inspect.render import render
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.rounds import round_states_list

    workspace = state(ctx).load_workspace()
    catalog = load_workspace_catalog(workspace)
    with Store.open_for_reading(workspace) as store:
        states = round_states(store, catalog)
    render(round_states_list(states), output_format.value)


@handle_errors
def repin_command(
    ctx: typer.Context,
    name: Annotated[str, argument(key="round.name_arg")],
    reason: Annotated[str | None, option("--reason", key="round.opt_reason")] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Score a round by the current standard and sites files from now on (with a reason)."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.findings.pins import describe, repin
    from qingyang_inspect.store import Store

    workspace = state(ctx).load_workspace()
    actor = inspector(inspector_option, workspace)
    catalog = load_workspace_catalog(workspace)
    with Store.open(workspace) as store:
        repinned, changes = repin(
            store, catalog, name=name, reason=reason, actor=actor, now=clock()
        )
    if changes:
        echo(t("round.repinned", name=repinned.name, changes=describe(changes)), err=True)
    else:
        echo(t("round.repinned_first", name=repinned.name), err=True)
