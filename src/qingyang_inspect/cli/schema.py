"""``inspect schema``: write the JSON Schemas of the standard and site files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import handle_errors
from qingyang_inspect.i18n import t


def register(app: typer.Typer) -> None:
    """Add the ``schema`` command to ``app``."""
    app.command("schema", help=t("schema.help"))(schema_command)


@handle_errors
def schema_command(
    output: Annotated[
        Path, typer.Option("--output", "-o", help=t("schema.output"), file_okay=False)
    ] = Path("schema"),
) -> None:
    """Write ``standard.schema.json`` and ``sites.schema.json`` into ``output``."""
    from qingyang_inspect.catalog.schema import write_schemas
    from qingyang_inspect.errors import InspectError

    try:
        paths = write_schemas(output)
    except OSError as exc:
        from qingyang_inspect.files import os_reason

        raise InspectError(t("schema.write_failed", path=output, reason=os_reason(exc))) from None
    for path in paths:
        typer.echo(str(path))
