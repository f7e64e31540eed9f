"""``inspect standards list|show`` and ``inspect sites list|show``: browse the catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from qingyang_inspect.cli.common import TextJson, handle_errors, state
from qingyang_inspect.cli.options import add_group, argument, format_option, option
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog

Format = Annotated[TextJson, format_option("opt.format")]
SiteTypeOpt = Annotated[str | None, option("--site-type", "-t", key="opt.site_type")]


def register(app: typer.Typer) -> None:
    """Add the ``standards`` and ``sites`` command groups to ``app``."""
    add_group(
        app,
        "standards",
        t("standards.help"),
        {
            "list": (t("standards.list.help"), standards_list),
            "show": (t("standards.show.help"), standards_show),
        },
    )
    add_group(
        app,
        "sites",
        t("sites.help"),
        {
            "list": (t("sites.list.help"), sites_list),
            "show": (t("sites.show.help"), sites_show),
        },
    )


def _catalog(ctx: typer.Context) -> Catalog:
    from qingyang_inspect.catalog.cache import load_workspace_catalog

    return load_workspace_catalog(state(ctx).load_workspace())


@handle_errors
def standards_list(
    ctx: typer.Context,
    site_type: SiteTypeOpt = None,
    category: Annotated[str | None, option("--category", "-c", key="opt.category")] = None,
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
    item_id: Annotated[str | None, argument(key="arg.item")] = None,
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
    level: Annotated[str | None, option("--level", "-l", key="opt.level")] = None,
    street: Annotated[str | None, option("--street", "-s", key="opt.street")] = None,
    name: Annotated[str | None, option("--name", "-n", key="opt.site_name")] = None,
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
    site_id: Annotated[str, argument(key="arg.site")],
    output_format: Format = TextJson.table,
) -> None:
    """Show one site in full, with the items that apply to it."""
    from qingyang_inspect.render import render
    from qingyang_inspect.views.catalog import site_detail

    catalog = _catalog(ctx)
    render(site_detail(catalog, catalog.site(site_id)), output_format.value)
