"""``inspect checklist export``: a checklist workbook per site, to fill offline.

Wiring only: options → :func:`~qingyang_inspect.checklist.export.plan_checklists`
→ a document per site (:mod:`qingyang_inspect.views.checklist`) →
:func:`~qingyang_inspect.render.render` as xlsx. Every target is checked
before the first workbook is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import echo, handle_errors, state
from qingyang_inspect.cli.options import add_group, option
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``checklist`` command group to ``app``."""
    add_group(
        app,
        "checklist",
        t("checklist.help"),
        {"export": (t("checklist.export_help"), export_command)},
    )


@handle_errors
def export_command(
    ctx: typer.Context,
    round_name: Annotated[str, option("--round", key="checklist.opt.round")],
    site: Annotated[list[str] | None, option("--site", key="checklist.opt.site")] = None,
    street: Annotated[list[str] | None, option("--street", key="checklist.opt.street")] = None,
    unit: Annotated[list[str] | None, option("--unit", key="checklist.opt.unit")] = None,
    output: Annotated[Path | None, option("--output", "-o", key="checklist.opt.output")] = None,
    force: Annotated[bool, typer.Option("--force", help=t("report.opt.force"))] = False,
) -> None:
    """Write one checklist workbook per site of the round."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.checklist.export import plan_checklists
    from qingyang_inspect.cli.storeopts import clock, warn_changes
    from qingyang_inspect.errors import ReportError
    from qingyang_inspect.render import RenderContext, default_path, render
    from qingyang_inspect.render.output import check_target
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.checklist import checklist_document

    workspace = state(ctx).load_workspace()
    catalog = load_workspace_catalog(workspace)
    folder = output if output is not None else Path.cwd()
    if folder.exists() and not folder.is_dir():
        raise ReportError(t("checklist.output_not_folder", path=folder))
    with Store.open_for_reading(workspace) as store:
        plan = plan_checklists(
            store,
            catalog,
            round_name=round_name,
            site_ids=site or (),
            streets=street or (),
            units=unit or (),
        )
    warn_changes(plan.round, plan.pinned)
    documents = [
        checklist_document(plan.pinned.catalog, plan.round, s, district=workspace.district)
        for s in plan.sites
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from qingyang_inspect.files import os_reason

        raise ReportError(t("report.write_failed", path=folder, reason=os_reason(exc))) from None
    paths = [default_path(document, "xlsx", folder) for document in documents]
    for path in paths:  # refuse an existing file before writing any
        check_target(path, force=force)
    context = RenderContext(fmt="xlsx", day=clock().date())
    for document, path in zip(documents, paths, strict=True):
        render(document, "xlsx", output=path, force=force, context=context)
    echo(t("checklist.written", count=len(paths), folder=folder), err=True)
    for path in paths:
        echo(str(path))
