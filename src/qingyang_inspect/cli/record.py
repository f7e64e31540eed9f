"""``inspect record``: record one finding from options (or walk a site when ``--item`` is absent).

Here are the options, their help and the walk; recording one finding is
``record_run.record_one``, which the fast path (``cli/fast.py``) also runs
without typer. The new finding's id is the only thing on stdout, so scripts
can capture it; the confirmation goes to stderr.
"""

from __future__ import annotations

import importlib.util
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import fail, handle_errors, state
from qingyang_inspect.cli.options import inspector_option, option
from qingyang_inspect.cli.record_run import record_one
from qingyang_inspect.cli.storeopts import inspector
from qingyang_inspect.i18n import t

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
    site: Annotated[str, option("--site", key="record.opt_site")],
    item: Annotated[str | None, option("--item", key="record.opt_item")] = None,
    result: Annotated[ResultChoice | None, option("--result", key="record.opt_result")] = None,
    count: Annotated[int | None, option("--count", key="record.opt_count")] = None,
    note: Annotated[str | None, option("--note", key="record.opt_note")] = None,
    location: Annotated[str | None, option("--location", key="record.opt_location")] = None,
    photo: Annotated[
        list[Path] | None, option("--photo", key="record.opt_photo", dir_okay=False)
    ] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
    at: Annotated[str | None, option("--at", key="record.opt_at")] = None,
    due: Annotated[str | None, option("--due", key="record.opt_due")] = None,
    on_spot: Annotated[bool, typer.Option("--on-spot", help=t("record.opt_on_spot"))] = False,
    round_name: Annotated[str | None, option("--round", key="record.opt_round")] = None,
    supersedes: Annotated[
        list[str] | None, option("--supersedes", key="record.opt_supersedes")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help=t("record.opt_yes"))] = False,
    ask_time: Annotated[bool, typer.Option("--ask-time", help=t("walk.opt_ask_time"))] = False,
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
                ("--due", due),
                ("--on-spot", on_spot or None),
                ("--supersedes", supersedes),
            )
            if value is not None
        ]
        if given or importlib.util.find_spec(WALK_MODULE) is None:
            fail(
                t("record.needs_item", options=", ".join(given) or "--result"),
                t("record.needs_item_hint"),
            )
        walk = importlib.import_module(WALK_MODULE)
        walk.run_walk(
            ctx,
            site,
            round_name,
            inspector(inspector_option, workspace),
            at=at,
            ask_time=ask_time,
            confirmed=yes,
        )
        return
    record_one(
        state(ctx),
        site=site,
        item=item,
        result=result,
        count=count,
        note=note,
        location=location,
        photo=photo,
        inspector_option=inspector_option,
        at=at,
        due=due,
        on_spot=on_spot,
        round_name=round_name,
        supersedes=supersedes,
        yes=yes,
    )
