"""``inspect validate``: check standards and sites, report every problem with its place."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qingyang_inspect.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    handle_errors,
    print_json,
    state,
)
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.loader import LoadResult
    from qingyang_inspect.catalog.report import Issue


class ValidateFormat(StrEnum):
    """How ``validate`` prints its report."""

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
        typer.Argument(help=t("validate.paths"), show_default=False),
    ] = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help=t("validate.format"))
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=t("validate.strict"))] = False,
) -> None:
    """Validate standards and sites; exit 0 valid, 1 problems, 2 usage or I/O error."""
    from qingyang_inspect.catalog.loader import load_catalog

    if paths:
        result = load_catalog(paths)
    else:
        workspace = state(ctx).load_workspace()
        result = load_catalog([workspace.standards, workspace.sites])
    render(result, output_format)
    raise typer.Exit(EXIT_OK if result.report.ok(strict=strict) else EXIT_PROBLEMS)


def render(result: LoadResult, output_format: ValidateFormat) -> None:
    """Print the report in ``output_format``; summaries go to stderr."""
    report = result.report
    if output_format is ValidateFormat.json:
        print_json(report.model_dump(mode="json"))
        return
    for issue in report.issues:
        typer.echo(_github(issue) if output_format is ValidateFormat.github else _text(issue))
    if report.errors == 0 and result.catalog is not None:
        typer.echo(
            t(
                "validate.ok",
                files=len(report.files),
                items=len(result.catalog.items),
                sites=len(result.catalog.sites),
            ),
            err=True,
        )
    if report.issues:
        typer.echo(
            t(
                "validate.summary",
                errors=report.errors,
                warnings=report.warnings,
                files=len(report.files),
            ),
            err=True,
        )


def _text(issue: Issue) -> str:
    """``file:line:col: path: message`` (``(warning)`` appended for warnings)."""
    head = f"{issue.location()}: "
    body = f"{issue.path}: {issue.message}" if issue.path else issue.message
    if issue.severity == "warning":
        body += f" ({t('validate.warning_tag')})"
    return head + body


def _github(issue: Issue) -> str:
    """A GitHub Actions workflow command: ``::error file=…,line=…,col=…::message``."""
    props = [f"file={issue.file}"]
    if issue.line is not None:
        props.append(f"line={issue.line}")
    if issue.column is not None:
        props.append(f"col={issue.column}")
    message = f"{issue.path}: {issue.message}" if issue.path else issue.message
    # Workflow commands end at a newline; %-encode as the runner expects.
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{issue.severity} {','.join(props)}::{message}"
