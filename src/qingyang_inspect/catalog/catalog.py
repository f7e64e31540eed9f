"""The assembled catalog: one standard, its site types, categories and items, and the sites."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from qingyang_inspect.catalog.models import Category, Item, Site, SiteType, StandardHeader
from qingyang_inspect.errors import CatalogError, suggestion
from qingyang_inspect.i18n import t


@dataclass(frozen=True)
class Catalog:
    """Everything the standards and sites folders define, checked and cross-referenced.

    Mappings keep the order of the files, which is the order inspectors walk
    and reports print.
    """

    standard: StandardHeader
    site_types: Mapping[str, SiteType]
    categories: Mapping[str, Category]
    items: Mapping[str, Item]
    sites: Mapping[str, Site]
    _by_type: dict[str, tuple[Item, ...]] = field(default_factory=dict, init=False, repr=False)

    def items_for_site_type(self, site_type: str) -> tuple[Item, ...]:
        """Items that apply to ``site_type``, by category order, then file order."""
        cached = self._by_type.get(site_type)
        if cached is None:
            order = {key: n for n, key in enumerate(self.categories)}
            applicable = [item for item in self.items.values() if site_type in item.site_types]
            cached = tuple(
                sorted(applicable, key=lambda item: order.get(item.category, len(order)))
            )
            self._by_type[site_type] = cached
        return cached

    def items_for_site(self, site_id: str) -> tuple[Item, ...]:
        """Items that apply to the site ``site_id`` (its type's items)."""
        return self.items_for_site_type(self.sites[site_id].site_type)

    def applies(self, item: Item, site: Site) -> bool:
        """Whether ``item`` is part of the checklist of ``site``."""
        return site.site_type in item.site_types

    def site(self, site_id: str) -> Site:
        """The site ``site_id``; :class:`CatalogError` naming the closest ids if unknown."""
        site = self.sites.get(site_id)
        if site is None:
            raise CatalogError(
                t(
                    "catalog.unknown_site",
                    id=site_id,
                    suggest=suggestion(site_id, self.sites, cutoff=0.6),
                ),
                hint=t("catalog.unknown_hint_sites"),
            )
        return site

    def item(self, item_id: str) -> Item:
        """The item ``item_id``; :class:`CatalogError` naming the closest ids if unknown."""
        item = self.items.get(item_id)
        if item is None:
            raise CatalogError(
                t(
                    "catalog.unknown_item",
                    id=item_id,
                    suggest=suggestion(item_id, self.items, cutoff=0.6),
                ),
                hint=t("catalog.unknown_hint_items"),
            )
        return item

    def rectification_days(self, item: Item) -> int:
        """The item's rectification days (整改时限), or the standard's default."""
        if item.rectification_days is not None:
            return item.rectification_days
        return self.standard.default_rectification_days
