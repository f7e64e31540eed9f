"""``inspect store copy --to URL``: move the workspace's store onto a server, or into a file."""

from __future__ import annotations

from typing import Annotated

import typer

from qingyang_inspect.cli.common import echo, handle_errors, state
from qingyang_inspect.cli.options import add_group, option
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``store`` command group to ``app``."""
    add_group(app, "store", t("storecmd.help"), {"copy": (t("storecmd.copy_help"), copy_command)})


@handle_errors
def copy_command(
    ctx: typer.Context,
    to: Annotated[str, option("--to", key="storecmd.to_opt")],
) -> None:
    """Copy every row and photo of the workspace's store into the empty store ``to``."""
    from qingyang_inspect.store.copy import open_target, run_copy

    workspace = state(ctx).load_workspace()
    with open_target(to, workspace) as target:
        result, where = run_copy(workspace, target)
    counts = result.counts
    if result.unchanged:
        echo(t("store.copy_unchanged", target=where, findings=counts["findings"]))
        return
    echo(
        t(
            "store.copied",
            target=where,
            rounds=counts["rounds"],
            findings=counts["findings"],
            events=counts["events"],
            photos=result.photos,
        )
    )
