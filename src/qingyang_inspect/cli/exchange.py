"""``inspect export-findings`` and ``inspect merge``: combining inspectors' stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import EXIT_OK, EXIT_PROBLEMS, TextJson, echo, handle_errors, state
from qingyang_inspect.cli.options import argument, format_option, option
from qingyang_inspect.cli.storeopts import clock, parse_day
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``export-findings`` and ``merge`` commands to ``app``."""
    app.command("export-findings", help=t("export.help"))(export_command)
    app.command("merge", help=t("merge.help"))(merge_command)


@handle_errors
def export_command(
    ctx: typer.Context,
    output: Annotated[Path, option("--output", "-o", key="export.opt_output")],
    round_name: Annotated[str | None, option("--round", key="export.opt_round")] = None,
    since: Annotated[str | None, option("--since", key="export.opt_since")] = None,
    force: Annotated[bool, typer.Option("--force", help=t("export.opt_force"))] = False,
) -> None:
    """Write a bundle of this store's findings for another store to merge."""
    from qingyang_inspect.exchange.bundle import export_findings
    from qingyang_inspect.store import Store

    workspace = state(ctx).load_workspace()
    now = clock()
    day = parse_day(since, "--since")
    # From the start of that day where this machine is.
    start = None if day is None else dt.datetime.combine(day, dt.time(), tzinfo=now.tzinfo)
    with Store.open_for_reading(workspace) as store:
        exported = export_findings(
            store, output, round_name=round_name, since=start, now=now, force=force
        )
    echo(str(exported.path))
    echo(
        t(
            "export.done",
            path=exported.path,
            rounds=exported.counts["rounds"],
            findings=exported.counts["findings"],
            events=exported.counts["events"],
            photos=exported.photos,
        ),
        err=True,
    )


@handle_errors
def merge_command(
    ctx: typer.Context,
    files: Annotated[list[Path], argument(key="merge.arg_files")],
    output_format: Annotated[TextJson, format_option("opt.format")] = TextJson.table,
) -> None:
    """Merge bundles into this store; exit 1 when records need a person (listed)."""
    from qingyang_inspect.exchange.merge import merge_bundles
    from qingyang_inspect.render import render
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.exchange import merge_document

    workspace = state(ctx).load_workspace()
    with Store.open(workspace) as store:
        merged = merge_bundles(store, files)
    render(merge_document(merged), output_format.value)
    raise typer.Exit(EXIT_PROBLEMS if merged.problems else EXIT_OK)
