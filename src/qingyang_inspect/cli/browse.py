"""``inspect standards …`` and ``inspect sites …``: browse the catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from qingyang_inspect.cli.common import TextJson, console, handle_errors, print_json, state
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
    from qingyang_inspect.catalog.query import filter_items, item_record

    catalog = _catalog(ctx)
    items = filter_items(catalog, site_type=site_type, category=category)
    if output_format is TextJson.json:
        print_json([item_record(catalog, i) for i in items])
        return
    from rich.table import Table

    from qingyang_inspect.views.labels import method_label, number, scoring_label

    table = Table(title=t("browse.items_title", count=len(items)), show_lines=False)
    for key in (
        "col.id",
        "col.category",
        "col.requirement",
        "col.method",
        "col.points",
        "col.scoring",
        "col.veto",
        "col.rect_days",
    ):
        table.add_column(t(key), overflow="fold", no_wrap=key == "col.id")
    for item in items:
        table.add_row(
            item.id,
            catalog.categories[item.category].name,
            item.requirement_en if _en() and item.requirement_en else item.requirement,
            method_label(item.method),
            number(item.points),
            scoring_label(item),
            t("label.yes") if item.veto else "",
            str(catalog.rectification_days(item)),
        )
    _print_or_none(table, len(items))


@handle_errors
def standards_show(
    ctx: typer.Context,
    item_id: Annotated[str | None, typer.Argument(help=t("arg.item"), show_default=False)] = None,
    output_format: Format = TextJson.table,
) -> None:
    """Show the standard's header, site types and categories, or one item in full."""
    from qingyang_inspect.catalog.query import item_record, standard_record

    catalog = _catalog(ctx)
    if item_id is not None:
        item = catalog.item(item_id)
        if output_format is TextJson.json:
            print_json(item_record(catalog, item))
        else:
            _show_item(catalog, item_id)
        return
    if output_format is TextJson.json:
        print_json(standard_record(catalog))
        return
    _show_standard(catalog)


def named(name: str, name_en: str | None) -> str:
    """A YAML name in the current language (see :func:`qingyang_inspect.views.labels.named`)."""
    from qingyang_inspect.views.labels import named as label

    return label(name, name_en)


def _en() -> bool:
    from qingyang_inspect.i18n import get_language

    return get_language() == "en"


def _print_or_none(table: object, count: int) -> None:
    if count:
        console().print(table)
    else:
        typer.echo(t("browse.none"), err=True)


def _fields(rows: list[tuple[str, str]]) -> None:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(label, value)
    console().print(grid)


def _show_standard(catalog: Catalog) -> None:
    from rich.table import Table

    from qingyang_inspect.views.labels import level_label, number

    std = catalog.standard
    verdicts = [
        t(
            "browse.field.verdict_line",
            level=t("browse.field.default_level"),
            met=number(std.verdicts.met),
            basically_met=number(std.verdicts.basically_met),
        )
    ] + [
        t(
            "browse.field.verdict_line",
            level=level_label(level),
            met=number(th.met),
            basically_met=number(th.basically_met),
        )
        for level, th in std.verdicts.levels.items()
    ]
    _fields(
        [
            (t("col.id"), std.id),
            (t("browse.field.title"), std.title),
            (t("browse.field.version"), std.version),
            (t("browse.field.effective"), std.effective_date.isoformat()),
            (t("browse.field.issuer"), std.issuer),
            (t("browse.field.source"), std.source_note),
            (t("browse.field.default_days"), str(std.default_rectification_days)),
            (t("browse.field.verdicts"), "\n".join(verdicts)),
        ]
    )
    types = Table(title=t("browse.site_types_title"))
    for key in ("col.id", "col.name", "col.items", "col.weight"):
        types.add_column(t(key), overflow="fold")
    for st in catalog.site_types.values():
        weights = "，".join(
            f"{catalog.categories[c].name} {number(w)}" for c, w in st.category_weights.items()
        )
        types.add_row(
            st.id, named(st.name, st.name_en), str(len(catalog.items_for_site_type(st.id))), weights
        )
    console().print(types)
    categories = Table(title=t("browse.categories_title"))
    for key in ("col.id", "col.name", "col.items"):
        categories.add_column(t(key))
    for c in catalog.categories.values():
        count = sum(1 for i in catalog.items.values() if i.category == c.id)
        categories.add_row(c.id, named(c.name, c.name_en), str(count))
    console().print(categories)


def _show_item(catalog: Catalog, item_id: str) -> None:
    from qingyang_inspect.views.labels import method_label, number, scoring_label

    item = catalog.items[item_id]
    rows = [
        (t("col.id"), item.id),
        (
            t("col.category"),
            named(
                catalog.categories[item.category].name, catalog.categories[item.category].name_en
            ),
        ),
        (
            t("col.site_types"),
            "，".join(
                named(catalog.site_types[s].name, catalog.site_types[s].name_en)
                for s in item.site_types
            ),
        ),
        (t("col.requirement"), item.requirement),
    ]
    if item.requirement_en:
        rows.append((t("browse.field.requirement_en"), item.requirement_en))
    rows += [
        (t("col.method"), method_label(item.method)),
        (t("col.points"), number(item.points)),
        (t("col.scoring"), scoring_label(item)),
        (t("col.veto"), t("label.yes") if item.veto else t("label.no")),
        (t("col.rect_days"), str(catalog.rectification_days(item))),
    ]
    for key, value in (
        ("browse.field.counting_rule", item.counting_rule),
        ("browse.field.notes", item.notes),
        ("browse.field.source_item", item.source),
    ):
        if value:
            rows.append((t(key), value))
    _fields(rows)


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
    output_format: Format = TextJson.table,
) -> None:
    """List sites, optionally filtered by site type, level and street."""
    from qingyang_inspect.catalog.query import filter_sites, site_record

    catalog = _catalog(ctx)
    sites = filter_sites(catalog, site_type=site_type, level=level, street=street)
    if output_format is TextJson.json:
        print_json([site_record(catalog, s) for s in sites])
        return
    from rich.table import Table

    from qingyang_inspect.views.labels import level_label

    table = Table(title=t("browse.sites_title", count=len(sites)))
    for key in (
        "col.id",
        "col.name",
        "col.site_type",
        "col.level",
        "col.street",
        "col.unit",
        "col.lead",
        "col.items",
    ):
        table.add_column(t(key), overflow="fold", no_wrap=key == "col.id")
    for site in sites:
        st = catalog.site_types[site.site_type]
        table.add_row(
            site.id,
            site.name,
            named(st.name, st.name_en),
            level_label(site.level),
            site.street,
            site.responsible_unit,
            site.lead_department,
            str(len(catalog.items_for_site_type(site.site_type))),
        )
    _print_or_none(table, len(sites))


@handle_errors
def sites_show(
    ctx: typer.Context,
    site_id: Annotated[str, typer.Argument(help=t("arg.site"), show_default=False)],
    output_format: Format = TextJson.table,
) -> None:
    """Show one site in full, with the items that apply to it."""
    from qingyang_inspect.catalog.query import site_record

    catalog = _catalog(ctx)
    site = catalog.site(site_id)
    if output_format is TextJson.json:
        print_json(site_record(catalog, site))
        return
    from qingyang_inspect.views.labels import level_label, number

    st = catalog.site_types[site.site_type]
    rows = [
        (t("col.id"), site.id),
        (t("col.name"), site.name),
        (t("col.site_type"), named(st.name, st.name_en)),
        (t("col.level"), level_label(site.level)),
        (t("col.street"), site.street),
        (t("browse.field.address"), site.address),
        (t("col.unit"), site.responsible_unit),
        (t("col.lead"), site.lead_department),
    ]
    if site.cooperating_departments:
        rows.append((t("browse.field.cooperating"), "，".join(site.cooperating_departments)))
    if site.contact:
        rows.append(
            (t("browse.field.contact"), f"{site.contact.name} {site.contact.phone or ''}".strip())
        )
    if site.coordinates:
        rows.append(
            (
                t("browse.field.coordinates"),
                f"{site.coordinates.lat:.5f}, {site.coordinates.lon:.5f}",
            )
        )
    if site.tags:
        rows.append((t("browse.field.tags"), "，".join(site.tags)))
    if site.planned_acceptance:
        rows.append((t("browse.field.planned"), site.planned_acceptance.isoformat()))
    _fields(rows)
    from rich.table import Table

    items = catalog.items_for_site(site.id)
    table = Table(title=t("browse.items_title", count=len(items)))
    for key in ("col.id", "col.category", "col.requirement", "col.points", "col.veto"):
        table.add_column(t(key), overflow="fold", no_wrap=key == "col.id")
    for item in items:
        table.add_row(
            item.id,
            catalog.categories[item.category].name,
            item.requirement_en if _en() and item.requirement_en else item.requirement,
            number(item.points),
            t("label.yes") if item.veto else "",
        )
    console().print(table)
