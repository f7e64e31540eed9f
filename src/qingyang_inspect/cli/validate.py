"""``inspect validate``: check standards and sites, report every problem with its place."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import EXIT_OK, EXIT_PROBLEMS, handle_errors, state
from qingyang_inspect.cli.options import argument, format_option
from qingyang_inspect.i18n import t


class ValidateFormat(StrEnum):
    """How ``validate`` prints its report (names of renderers)."""

    text = "text"
    json = "json"
    github = "github"


def register(app: typer.Typer) -> None:
    """Add the ``validate`` command to ``app``."""
    app.command("validate", help=t("validate.help"))(validate_command)


@handle_errors
def validate_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        argument(key="validate.paths"),
    ] = None,
    output_format: Annotated[
        ValidateFormat, format_option("validate.format")
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=t("validate.strict"))] = False,
) -> None:
    """Validate standards and sites; exit 0 valid, 1 problems, 2 usage or I/O error."""
    from qingyang_inspect.catalog.loader import load_catalog
    from qingyang_inspect.render import render
    from qingyang_inspect.views.validation import validation_report

    if paths:
        result = load_catalog(paths)
    else:
        workspace = state(ctx).load_workspace()
        result = load_catalog([workspace.standards, workspace.sites])
        # (Present in any form: a FIFO or a broken link by that name is reported, not skipped.)
        if workspace.holidays is not None and (
            workspace.holidays.exists() or workspace.holidays.is_symlink()
        ):
            from qingyang_inspect.calendar_file import add_holiday_issues

            add_holiday_issues(result.report, workspace.holidays)
    render(validation_report(result), output_format.value)
    raise typer.Exit(EXIT_OK if result.report.ok(strict=strict) else EXIT_PROBLEMS)
