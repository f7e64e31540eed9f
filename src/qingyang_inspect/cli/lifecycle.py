"""``inspect rectify`` and ``inspect recheck``: the loop 整改 → 复查 → 销号 / 退回."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import echo, fail, handle_errors
from qingyang_inspect.cli.options import at_option, id_argument, inspector_option, option
from qingyang_inspect.cli.storeopts import store_step
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``rectify`` and ``recheck`` commands to ``app``."""
    app.command("rectify", help=t("lifecycle.rectify_help"))(rectify_command)
    app.command("recheck", help=t("lifecycle.recheck_help"))(recheck_command)


@handle_errors
def rectify_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    note: Annotated[str | None, option("--note", key="lifecycle.opt_rectify_note")] = None,
    photo: Annotated[
        list[Path] | None, option("--photo", key="lifecycle.opt_photo", dir_okay=False)
    ] = None,
    by: Annotated[str | None, option("--by", key="lifecycle.opt_by")] = None,
    at: Annotated[str | None, at_option()] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Record the unit's rectification: open → rectified."""
    from qingyang_inspect.findings.lifecycle import rectify

    finding = store_step(
        ctx,
        inspector_option,
        at,
        rectify,
        finding_id,
        with_catalog=True,
        note=note,
        by=by,
        photos=tuple(photo or ()),
    )
    echo(t("lifecycle.rectified", id=finding.number, by=finding.rectified_by or "—"), err=True)


@handle_errors
def recheck_command(
    ctx: typer.Context,
    finding_id: Annotated[str, id_argument()],
    passed: Annotated[bool, typer.Option("--pass", help=t("lifecycle.opt_pass"))] = False,
    rejected: Annotated[bool, typer.Option("--reject", help=t("lifecycle.opt_reject"))] = False,
    note: Annotated[str | None, option("--note", key="lifecycle.opt_recheck_note")] = None,
    at: Annotated[str | None, at_option()] = None,
    inspector_option: Annotated[str | None, inspector_option()] = None,
) -> None:
    """Re-check a rectified finding: --pass closes it (销号), --reject sends it back (退回)."""
    if passed == rejected:
        fail(t("lifecycle.pass_or_reject"), t("lifecycle.pass_or_reject_hint"))
    from qingyang_inspect.findings.lifecycle import recheck

    finding = store_step(ctx, inspector_option, at, recheck, finding_id, passed=passed, note=note)
    key = "lifecycle.closed" if finding.status == "closed" else "lifecycle.sent_back"
    echo(t(key, id=finding.number), err=True)
