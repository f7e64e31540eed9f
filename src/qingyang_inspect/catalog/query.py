"""Choosing items and sites for browsing (``inspect standards list`` / ``inspect sites list``).

Filtering only: how the chosen items and sites are shown is in
:mod:`qingyang_inspect.views.catalog`.
"""

from __future__ import annotations

from collections.abc import Mapping

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Item, Site
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.i18n import t


def _require(known: Mapping[str, object], key: str | None, message: str) -> None:
    """Refuse a filter value the catalog does not define (``message`` is the error)."""
    if key is not None and key not in known:
        raise CatalogError(message, hint=t("browse.unknown_filter_hint"))


def filter_items(
    catalog: Catalog, *, site_type: str | None = None, category: str | None = None
) -> list[Item]:
    """Items of ``site_type`` (its checklist order) or of the whole standard, by ``category``."""
    if site_type is not None:
        _require(catalog.site_types, site_type, t("browse.unknown_site_type", id=site_type))
    if category is not None:
        _require(catalog.categories, category, t("browse.unknown_category", id=category))
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
    name: str | None = None,
) -> list[Site]:
    """Sites matching every given filter, in file order (``name``: as ``Catalog.find_sites``)."""
    if site_type is not None:
        _require(catalog.site_types, site_type, t("browse.unknown_site_type", id=site_type))
    named = {s.id for s in catalog.find_sites(name)} if name is not None else None
    return [
        s
        for s in catalog.sites.values()
        if (named is None or s.id in named)
        and (site_type is None or s.site_type == site_type)
        and (level is None or s.level == level)
        and (street is None or s.street == street)
    ]
