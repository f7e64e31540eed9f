"""``inspect standards list|show`` and ``inspect sites list|show``: browse the catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from qingyang_inspect.cli.common import TextJson, handle_errors, state
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog

Format = Annotated[TextJson, typer.Option("--format", "-f", help=t("opt.format"))]
SiteTypeOpt = Annotated[
    str | None, typer.Option("--site-type", "-t", help=t("opt.site_type"), show_default=False)
]


def register(app: typer.Typer) -> None:
    """Add the ``standards`` and ``sites`` command groups to ``app``."""
    standards = typer.Typer(help=t("standards.help"), no_args_is_help=True)
    standards.command("list", help=t("standards.list.help"))(standards_list)
    standards.command("show", help=t("standards.show.help"))(standards_show)
    sites = typer.Typer(help=t("sites.help"), no_args_is_help=True)
    sites.command("list", help=t("sites.list.help"))(sites_list)
    sites.command("show", help=t("sites.show.help"))(sites_show)
    app.add_typer(standards, name="standards")
    app.add_typer(sites, name="sites")


def _catalog(ctx: typer.Context) -> Catalog:
    from qingyang_inspect.catalog.cache import load_workspace_catalog

    return load_workspace_catalog(state(ctx).load_workspace())


@handle_errors
def standards_list(
    ctx: typer.Context,
    site_type: SiteTypeOpt = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", help=t("opt.category"), show_default=False)
    ] = None,
    output_format: Format = TextJson.table,
) -> None:
    """List items, optionally of one site type and/or category."""
    from qingyang_inspect.catalog.query import filter_items
    from qingyang_inspect.render import render
    from qingyang_inspect.views.catalog import items_list

    catalog = _catalog(ctx)
    items = filter_items(catalog, site_type=site_type, category=category)
    render(items_list(catalog, items), output_format.value)


@handle_errors
def standards_show(
    ctx: typer.Context,
    item_id: Annotated[str | None, typer.Argument(help=t("arg.item"), show_default=False)] = None,
    output_format: Format = TextJson.table,
) -> None:
    """Show the standard's header, site types and categories, or one item in full."""
    from qingyang_inspect.render import render
    from qingyang_inspect.views.catalog import item_detail, standard_detail

    catalog = _catalog(ctx)
    if item_id is None:
        document = standard_detail(catalog)
    else:
        document = item_detail(catalog, catalog.item(item_id))
    render(document, output_format.value)


@handle_errors
def sites_list(
    ctx: typer.Context,
    site_type: SiteTypeOpt = None,
    level: Annotated[
        str | None, typer.Option("--level", "-l", help=t("opt.level"), show_default=False)
    ] = None,
    street: Annotated[
        str | None, typer.Option("--street", "-s", help=t("opt.street"), show_default=False)
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help=t("opt.site_name"), show_default=False)
    ] = None,
    output_format: Format = TextJson.table,
) -> None:
    """List sites, optionally filtered by site type, level, street and name."""
    from qingyang_inspect.catalog.query import filter_sites
    from qingyang_inspect.render import render
    from qingyang_inspect.views.catalog import sites_list as view

    catalog = _catalog(ctx)
    sites = filter_sites(catalog, site_type=site_type, level=level, street=street, name=name)
    render(view(catalog, sites), output_format.value)


@handle_errors
def sites_show(
    ctx: typer.Context,
    site_id: Annotated[str, typer.Argument(help=t("arg.site"), show_default=False)],
    output_format: Format = TextJson.table,
) -> None:
    """Show one site in full, with the items that apply to it."""
    from qingyang_inspect.render import render
    from qingyang_inspect.views.catalog import site_detail

    catalog = _catalog(ctx)
    render(site_detail(catalog, catalog.site(site_id)), output_format.value)
