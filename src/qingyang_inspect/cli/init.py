"""``inspect init [DIR]``: create a workspace."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qingyang_inspect.cli.common import echo, handle_errors
from qingyang_inspect.cli.options import argument, option
from qingyang_inspect.cli.storeopts import warn
from qingyang_inspect.i18n import t


class Language(StrEnum):
    """Languages a workspace can be set to."""

    zh = "zh"
    en = "en"


def register(app: typer.Typer) -> None:
    """Add the ``init`` command to ``app``."""
    app.command("init", help=t("init.help"))(init_command)


@handle_errors
def init_command(
    directory: Annotated[Path, argument(key="init.directory", file_okay=False)] = Path("."),
    district: Annotated[str, typer.Option("--district", help=t("init.district"))] = "成都市青羊区",
    language: Annotated[Language, typer.Option("--language", help=t("init.language"))] = (
        Language.zh
    ),
    standards: Annotated[Path | None, option("--standards", key="init.standards")] = None,
    sites: Annotated[Path | None, option("--sites", key="init.sites")] = None,
    inspector: Annotated[str | None, option("--inspector", key="init.inspector")] = None,
) -> None:
    """Create a workspace: config, standards and sites (copied or pointed at), empty store."""
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.errors import CatalogError
    from qingyang_inspect.workspace_init import InitOptions, create_workspace

    workspace = create_workspace(
        InitOptions(
            target=directory,
            district=district,
            language="en" if language is Language.en else "zh",
            standards=standards,
            sites=sites,
            inspector=inspector,
        )
    )
    echo(str(workspace.root))
    try:
        catalog = load_workspace_catalog(workspace)
    except CatalogError as exc:
        warn(exc.message)
        echo(t("init.created_invalid", path=workspace.root), err=True)
        return
    echo(
        t(
            "init.created",
            path=workspace.root,
            items=len(catalog.items),
            sites=len(catalog.sites),
            store=workspace.store_label,
        ),
        err=True,
    )
