"""``inspect standards list|show`` and ``inspect sites list|show``: the catalog as people read it.

Names from the YAML files go through :mod:`qingyang_inspect.views.labels`, so
under ``--lang en`` a category, site type or requirement shows its English
gloss wherever the file has one. JSON carries the files' own fields (every
field, both languages) plus the names they refer to, whatever the language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site, to_record
from qingyang_inspect.i18n import get_language, t
from qingyang_inspect.views.base import Column, Document, Field, Fields, Table
from qingyang_inspect.views.deadlines import days_label
from qingyang_inspect.views.labels import (
    category_label,
    level_label,
    method_label,
    number,
    requirement_label,
    scoring_label,
    site_type_label,
    yes_blank,
    yes_no,
)

T = TypeVar("T")

# -- JSON records: every field of the files, plus the names they refer to ------------


def item_record(catalog: Catalog, item: Item) -> dict[str, Any]:
    """Every field of ``item`` plus the names it refers to, for ``--format json``."""
    record = to_record(item)
    record["category_name"] = catalog.categories[item.category].name
    record["site_type_names"] = [catalog.site_types[s].name for s in item.site_types]
    record["effective_rectification_days"] = catalog.rectification_days(item)
    record["effective_rectification_day_kind"] = catalog.rectification_day_kind(item)
    return record


def site_record(catalog: Catalog, site: Site) -> dict[str, Any]:
    """Every field of ``site``, its type's name and its applicable items, for ``--format json``."""
    record = to_record(site)
    record["site_type_name"] = catalog.site_types[site.site_type].name
    items = catalog.items_for_site(site.id)
    record["applicable_items"] = [i.id for i in items]
    record["total_points"] = sum(i.points for i in items)
    return record


# -- standards ------------------------------------------------------------------------


def item_columns() -> tuple[Column, ...]:
    """The columns of an items list, in their fixed order."""
    return (
        Column("id", t("col.id"), "id", priority=0),
        Column("category", t("col.category"), priority=2),
        Column("requirement", t("col.requirement"), priority=0),
        Column("method", t("col.method"), "status", priority=4),
        Column("points", t("col.points"), "number", priority=1),
        Column("scoring", t("col.scoring"), priority=5),
        Column("veto", t("col.veto"), "status", priority=3),
        Column("rectification_days", t("col.rect_days"), "int", priority=4),
    )


def items_list(catalog: Catalog, items: Sequence[Item]) -> Document:
    """``items`` as a list (JSON: a bare list of :func:`item_record`)."""

    def record(item: Item) -> dict[str, Any]:
        return item_record(catalog, item)

    def cells(item: Item) -> tuple[object, ...]:
        return (
            item.id,
            category_label(catalog, item.category),
            requirement_label(item),
            method_label(item.method),
            _points(item),
            scoring_label(item),
            yes_blank(item.veto),
            catalog.rectification_days(item),
        )

    title = t("browse.items_title", count=len(items))
    return _listing("standards.list", "items", title, item_columns(), items, cells, record)


def standard_detail(catalog: Catalog) -> Document:
    """The standard's header, its site types (with weights) and its categories.

    JSON: the header as written, each site type and category with its item
    (and site) count, and the numbers of items and sites.
    """
    std = catalog.standard
    cut_offs = [
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
    header = Fields(
        key="standard",
        title=None,
        fields=(
            _shown("id", t("col.id"), std.id),
            _shown("title", t("browse.field.title"), std.title),
            _shown("version", t("browse.field.version"), std.version),
            _shown("effective_date", t("browse.field.effective"), std.effective_date.isoformat()),
            _shown("issuer", t("browse.field.issuer"), std.issuer),
            _shown("source_note", t("browse.field.source"), std.source_note),
            _shown(
                "default_rectification_days",
                t("browse.field.default_days"),
                days_label(std.default_rectification_days, std.default_rectification_day_kind),
            ),
            _shown("verdicts", t("browse.field.verdicts"), "\n".join(cut_offs)),
        ),
        extra=to_record(std),
    )
    items_by_type = {key: len(catalog.items_for_site_type(key)) for key in catalog.site_types}
    sites_by_type = Counter(site.site_type for site in catalog.sites.values())
    items_by_category = Counter(item.category for item in catalog.items.values())
    separator = t("report.name_sep")
    site_types = Table(
        key="site_types",
        title=t("browse.site_types_title"),
        columns=(
            Column("id", t("col.id"), "id", priority=0),
            Column("name", t("col.name"), priority=0),
            Column("items", t("col.items"), "int", priority=1),
            Column("category_weights", t("col.weight"), priority=2),
        ),
        source=lambda: catalog.site_types.values(),
        cells=lambda st: (
            st.id,
            site_type_label(catalog, st.id),
            items_by_type[st.id],
            separator.join(
                f"{category_label(catalog, c)} {number(w)}" for c, w in st.category_weights.items()
            ),
        ),
        record=lambda st: {
            **to_record(st),
            "items": items_by_type[st.id],
            "sites": sites_by_type[st.id],
        },
    )
    categories = Table(
        key="categories",
        title=t("browse.categories_title"),
        columns=(
            Column("id", t("col.id"), "id", priority=0),
            Column("name", t("col.name"), priority=0),
            Column("items", t("col.items"), "int", priority=1),
        ),
        source=lambda: catalog.categories.values(),
        cells=lambda c: (c.id, category_label(catalog, c.id), items_by_category[c.id]),
        record=to_record,
    )
    return Document(
        key="standards.show",
        title="",
        sections=(header, site_types, categories),
        meta={"items": len(catalog.items), "sites": len(catalog.sites)},
    )


def item_detail(catalog: Catalog, item: Item) -> Document:
    """One item in full (JSON: :func:`item_record`)."""
    separator = t("report.name_sep")
    fields = [
        _shown("id", t("col.id"), item.id),
        _shown("category", t("col.category"), category_label(catalog, item.category)),
        _shown(
            "site_types",
            t("col.site_types"),
            separator.join(site_type_label(catalog, s) for s in item.site_types),
        ),
        _shown("requirement", t("col.requirement"), requirement_label(item)),
    ]
    # Chinese readers also see the English gloss; English readers see it as the requirement.
    if item.requirement_en and get_language() != "en":
        fields.append(
            _shown("requirement_en", t("browse.field.requirement_en"), item.requirement_en)
        )
    fields += [
        _shown("method", t("col.method"), method_label(item.method)),
        _shown("points", t("col.points"), number(item.points)),
        _shown("scoring", t("col.scoring"), scoring_label(item)),
        _shown("veto", t("col.veto"), yes_no(item.veto)),
        _shown(
            "rectification_days",
            t("col.rect_days"),
            days_label(catalog.rectification_days(item), catalog.rectification_day_kind(item)),
        ),
    ]
    for key, label, value in (
        ("counting_rule", t("browse.field.counting_rule"), item.counting_rule),
        ("notes", t("browse.field.notes"), item.notes),
        ("source", t("browse.field.source_item"), item.source),
    ):
        if value:
            fields.append(_shown(key, label, value))
    record = Fields(key="item", title=None, fields=tuple(fields), extra=item_record(catalog, item))
    return Document(key="standards.item", title="", sections=(record,), json_shape="record")


# -- sites ----------------------------------------------------------------------------


def site_columns() -> tuple[Column, ...]:
    """The columns of a sites list, in their fixed order."""
    return (
        Column("id", t("col.id"), "id", priority=0),
        # Names and streets stay on one line: people grep for them.
        Column("name", t("col.name"), priority=0, wrap=False),
        Column("site_type", t("col.site_type"), priority=1),
        Column("level", t("col.level"), "status", priority=3),
        Column("street", t("col.street"), priority=2, wrap=False),
        Column("responsible_unit", t("col.unit"), priority=3),
        Column("lead_department", t("col.lead"), priority=4),
        Column("items", t("col.items"), "int", priority=4),
    )


def sites_list(catalog: Catalog, sites: Sequence[Site]) -> Document:
    """``sites`` as a list (JSON: a bare list of :func:`site_record`)."""

    def record(site: Site) -> dict[str, Any]:
        return site_record(catalog, site)

    def cells(site: Site) -> tuple[object, ...]:
        return (
            site.id,
            site.name,
            site_type_label(catalog, site.site_type),
            level_label(site.level),
            site.street,
            site.responsible_unit,
            site.lead_department,
            len(catalog.items_for_site(site.id)),
        )

    title = t("browse.sites_title", count=len(sites))
    return _listing("sites.list", "sites", title, site_columns(), sites, cells, record)


def site_detail(catalog: Catalog, site: Site) -> Document:
    """One site in full and the items that apply to it (JSON: :func:`site_record`)."""
    separator = t("report.name_sep")
    fields = [
        _shown("id", t("col.id"), site.id),
        _shown("name", t("col.name"), site.name),
        _shown("site_type", t("col.site_type"), site_type_label(catalog, site.site_type)),
        _shown("level", t("col.level"), level_label(site.level)),
        _shown("street", t("col.street"), site.street),
        _shown("address", t("browse.field.address"), site.address),
        _shown("responsible_unit", t("col.unit"), site.responsible_unit),
        _shown("lead_department", t("col.lead"), site.lead_department),
    ]
    if site.cooperating_departments:
        fields.append(
            _shown(
                "cooperating_departments",
                t("browse.field.cooperating"),
                separator.join(site.cooperating_departments),
            )
        )
    if site.contact:
        contact = f"{site.contact.name} {site.contact.phone or ''}".strip()
        fields.append(_shown("contact", t("browse.field.contact"), contact))
    if site.coordinates:
        where = f"{site.coordinates.lat:.5f}, {site.coordinates.lon:.5f}"
        fields.append(_shown("coordinates", t("browse.field.coordinates"), where))
    if site.tags:
        fields.append(_shown("tags", t("browse.field.tags"), separator.join(site.tags)))
    if site.planned_acceptance:
        fields.append(
            _shown(
                "planned_acceptance",
                t("browse.field.planned"),
                site.planned_acceptance.isoformat(),
            )
        )
    header = Fields(key="site", title=None, fields=tuple(fields), extra=site_record(catalog, site))
    items = catalog.items_for_site(site.id)
    checklist: Table[Item] = Table(
        key="items",
        title=t("browse.items_title", count=len(items)),
        columns=(
            Column("id", t("col.id"), "id", priority=0),
            Column("category", t("col.category"), priority=2),
            Column("requirement", t("col.requirement"), priority=0),
            Column("points", t("col.points"), "number", priority=1),
            Column("veto", t("col.veto"), "status", priority=3),
        ),
        source=lambda: items,
        cells=lambda item: (
            item.id,
            category_label(catalog, item.category),
            requirement_label(item),
            _points(item),
            yes_blank(item.veto),
        ),
        record=lambda item: item_record(catalog, item),
    )
    return Document(key="sites.show", title="", sections=(header, checklist), json_shape="record")


def _listing(
    key: str,
    table_key: str,
    title: str,
    columns: tuple[Column, ...],
    elements: Sequence[T],
    cells: Callable[[T], Sequence[object]],
    record: Callable[[T], dict[str, Any]],
) -> Document:
    """A document of one table of ``elements`` (JSON: a bare list of their records)."""
    table = Table(
        key=table_key,
        title=title,
        columns=columns,
        source=lambda: elements,
        cells=cells,
        record=record,
        empty=t("browse.none"),
    )
    return Document(key=key, title="", sections=(table,), json_shape="list")


def _shown(key: str, label: str, value: str) -> Field:
    """A field for people only: JSON carries the record (``Fields.extra``) instead."""
    return Field(key, label, value, export=False)


def _points(item: Item) -> Decimal:
    """An item's points as a number cell (``4``, not ``4.0``)."""
    return Decimal(number(item.points))
