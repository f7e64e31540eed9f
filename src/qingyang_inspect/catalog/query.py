"""Filtering and describing the catalog for browsing (``inspect standards`` / ``inspect sites``)."""

from __future__ import annotations

from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.i18n import t


def _require(kind: str, key: str | None, known: Any) -> None:
    if key is not None and key not in known:
        raise CatalogError(
            t(f"browse.unknown_{kind}", id=key), hint=t("browse.unknown_filter_hint")
        )


def filter_items(
    catalog: Catalog, *, site_type: str | None = None, category: str | None = None
) -> list[Item]:
    """Items of ``site_type`` (its checklist order) or of the whole standard, by ``category``."""
    _require("site_type", site_type, catalog.site_types)
    _require("category", category, catalog.categories)
    items = (
        list(catalog.items_for_site_type(site_type))
        if site_type is not None
        else list(catalog.items.values())
    )
    return [i for i in items if category is None or i.category == category]


def filter_sites(
    catalog: Catalog,
    *,
    site_type: str | None = None,
    level: str | None = None,
    street: str | None = None,
) -> list[Site]:
    """Sites matching every given filter, in file order."""
    _require("site_type", site_type, catalog.site_types)
    return [
        s
        for s in catalog.sites.values()
        if (site_type is None or s.site_type == site_type)
        and (level is None or s.level == level)
        and (street is None or s.street == street)
    ]


def item_record(catalog: Catalog, item: Item) -> dict[str, Any]:
    """Every field of ``item`` plus the names it refers to, for ``--format json``."""
    record = item.model_dump(mode="json")
    record["category_name"] = catalog.categories[item.category].name
    record["site_type_names"] = [catalog.site_types[s].name for s in item.site_types]
    record["effective_rectification_days"] = catalog.rectification_days(item)
    return record


def site_record(catalog: Catalog, site: Site) -> dict[str, Any]:
    """Every field of ``site``, its type's name and its applicable items, for ``--format json``."""
    record = site.model_dump(mode="json")
    record["site_type_name"] = catalog.site_types[site.site_type].name
    items = catalog.items_for_site(site.id)
    record["applicable_items"] = [i.id for i in items]
    record["total_points"] = sum(i.points for i in items)
    return record


def standard_record(catalog: Catalog) -> dict[str, Any]:
    """The header, site types (with item counts) and categories, for ``--format json``."""
    return {
        "standard": catalog.standard.model_dump(mode="json"),
        "site_types": [
            {
                **st.model_dump(mode="json"),
                "items": len(catalog.items_for_site_type(st.id)),
                "sites": sum(1 for s in catalog.sites.values() if s.site_type == st.id),
            }
            for st in catalog.site_types.values()
        ],
        "categories": [c.model_dump(mode="json") for c in catalog.categories.values()],
        "items": len(catalog.items),
        "sites": len(catalog.sites),
    }
