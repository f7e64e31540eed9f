"""The assembled catalog: one standard, its site types, categories and items, and the sites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from qingyang_inspect.calendar import DayKind, Due, WorkCalendar
from qingyang_inspect.catalog.models import Category, Item, Site, SiteType, StandardHeader
from qingyang_inspect.errors import CatalogError, suggestion
from qingyang_inspect.i18n import t

#: Candidates named when a site name is ambiguous.
MAX_CANDIDATES = 8


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


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
    #: Working days and holidays: the official calendar, with the workspace's holiday file.
    calendar: WorkCalendar = field(default_factory=WorkCalendar, compare=False, repr=False)
    #: The hash of the content (standard and sites) when known (see ``cache.content_hash_of``).
    content_hash: str | None = field(default=None, compare=False, repr=False)
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

    def site(self, text: str) -> Site:
        """The site ``text`` names: its id, or a unique part of its name (拼音 initials too).

        :class:`CatalogError` lists the candidates when several sites match, and
        the closest ids when none does.
        """
        site = self.sites.get(text)
        if site is not None:
            return site
        found = self.find_sites(text)
        if len(found) == 1:
            return found[0]
        if found:
            shown = [f"{s.id} {s.name}" for s in found[:MAX_CANDIDATES]]
            if len(found) > MAX_CANDIDATES:
                shown.append(t("catalog.more_sites", count=len(found) - MAX_CANDIDATES))
            raise CatalogError(
                t("catalog.ambiguous_site", text=text, count=len(found), sites="；".join(shown)),
                hint=t("catalog.ambiguous_site_hint"),
            )
        raise CatalogError(
            t("catalog.unknown_site", id=text, suggest=suggestion(text, self.sites, cutoff=0.6)),
            hint=t("catalog.unknown_hint_sites"),
        )

    def find_sites(self, text: str) -> list[Site]:
        """Sites ``text`` may mean, in file order: the first of these that finds any.

        The whole name; names containing ``text`` (spaces and case ignored);
        names whose pinyin initials contain ``text`` (``fqnm`` for 抚琴农贸市场).
        Ids match exactly only (``Catalog.site``): ``m1`` is answered with
        "did you mean 'M1'", as every unknown id is.
        """
        from qingyang_inspect.catalog.pinyin import initials

        wanted = _fold(text)
        if not wanted:
            return []
        names = [(site, _fold(site.name)) for site in self.sites.values()]
        found = [site for site, name in names if name == wanted]
        found = found or [site for site, name in names if wanted in name]
        if not found and wanted.isascii() and wanted.isalnum():
            found = [site for site, _ in names if wanted in initials(site.name)]
        return found

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

    def rectification_day_kind(self, item: Item) -> DayKind:
        """Whether the item's rectification days are working or calendar days."""
        if item.rectification_day_kind is not None:
            return item.rectification_day_kind
        return self.standard.default_rectification_day_kind

    def due_date(self, item: Item, found: dt.date) -> Due:
        """The due date of a problem with ``item`` found on ``found``, and how it was reached."""
        return self.calendar.add(
            found, self.rectification_days(item), self.rectification_day_kind(item)
        )
