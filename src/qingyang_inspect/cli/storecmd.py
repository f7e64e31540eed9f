"""``inspect store copy --to URL``: move the workspace's store onto a server, or into a file."""

from __future__ import annotations

from typing import Annotated

import typer

from qingyang_inspect.cli.common import echo, handle_errors, state
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``store`` command group to ``app`` (built after the language is chosen)."""
    group = typer.Typer(help=t("storecmd.help"), no_args_is_help=True)
    group.command("copy", help=t("storecmd.copy_help"))(copy_command)
    app.add_typer(group, name="store")


@handle_errors
def copy_command(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help=t("storecmd.to_opt"), show_default=False)],
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
