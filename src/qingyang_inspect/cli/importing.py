"""``inspect import``: filled checklist workbooks recorded as findings, all or nothing.

Wiring only: options → :func:`~qingyang_inspect.checklist.importing.plan_import`
→ every problem printed (exit 1, nothing recorded), the plan shown
(``--dry-run``), or :func:`~qingyang_inspect.checklist.importing.apply_import`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import EXIT_PROBLEMS, echo, handle_errors, print_error, state
from qingyang_inspect.cli.options import argument, format_option, option
from qingyang_inspect.cli.storeopts import TableJsonCsv
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``import`` command to ``app``."""
    app.command("import", help=t("import.help"))(import_command)


@handle_errors
def import_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], argument(key="import.paths_arg")],
    photos: Annotated[
        Path | None, option("--photos", key="import.opt_photos", file_okay=False)
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("import.opt_dry_run"))] = False,
    output_format: Annotated[TableJsonCsv, format_option("import.opt_format")] = TableJsonCsv.table,
) -> None:
    """Record the answered rows of filled checklists as findings of their round."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.checklist.importing import apply_import, plan_import, scratch_folder
    from qingyang_inspect.cli.storeopts import clock
    from qingyang_inspect.render import render
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.checklist import import_document

    workspace = state(ctx).load_workspace()
    catalog = load_workspace_catalog(workspace)
    now = clock()
    with Store.open(workspace, readonly=dry_run) as store, scratch_folder() as scratch:
        plan = plan_import(store, catalog, paths, now=now, scratch=scratch, photos_dir=photos)
        if plan.problems:
            for problem in plan.problems:
                print_error(problem.line(), problem.hint)
            echo(t("import.refused", count=len(plan.problems)), err=True)
            raise typer.Exit(EXIT_PROBLEMS)
        counts = {
            "new": len(plan.planned),
            "replaced": sum(len(p.replaces) for p in plan.planned),
            "unchanged": len(plan.unchanged),
            "empty": plan.unanswered,
            "files": len(plan.files),
        }
        if dry_run:
            render(import_document(plan), output_format.value)
            echo(t("import.would_record", **counts), err=True)
            return
        if not plan.planned:
            echo(t("import.nothing_new", **counts), err=True)
            return
        apply_import(store, plan, now=now)
    echo(t("import.recorded", **counts), err=True)
