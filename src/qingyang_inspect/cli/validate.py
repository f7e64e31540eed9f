"""``inspect validate``: its typer definition; the body is ``validate_run.validate_files``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import handle_errors, state
from qingyang_inspect.cli.options import argument, format_option
from qingyang_inspect.cli.validate_run import validate_files
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
    validate_files(state(ctx), paths=paths, output_format=output_format.value, strict=strict)
