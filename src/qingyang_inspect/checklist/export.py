"""Which checklists ``inspect checklist export`` writes: an open, pinned round's sites.

The sites and their items are the round's pinned content (never the files as
they are now), so a workbook matches what the round is scored by; the
contract's fingerprint records which content that was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qingyang_inspect.errors import RecordError
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.catalog.models import Site
    from qingyang_inspect.findings.model import Round
    from qingyang_inspect.findings.pins import Pinned
    from qingyang_inspect.store.db import Store


@dataclass(frozen=True)
class ChecklistPlan:
    """The round, the content it pinned (and how the files differ), the sites to write."""

    round: Round
    pinned: Pinned
    sites: tuple[Site, ...]


def plan_checklists(
    store: Store,
    catalog: Catalog,
    *,
    round_name: str,
    site_ids: Iterable[str] = (),
    streets: Iterable[str] = (),
    units: Iterable[str] = (),
) -> ChecklistPlan:
    """The sites of ``round_name``'s pinned content to send checklists to, in catalog order.

    Named sites, narrowed by street and unit; every site without any. Refused
    (:class:`RecordError`) for a closed round (its checklists could never come
    back) and for a round without a pin (nothing to fingerprint).
    """
    from qingyang_inspect.findings.pins import round_catalog
    from qingyang_inspect.views.ledger import check_places

    round_ = store.round(round_name)
    if round_.status != "open":
        raise RecordError(
            t("checklist.round_closed", round=round_.name), hint=t("checklist.round_closed_hint")
        )
    if round_.snapshot is None:
        raise RecordError(
            t("checklist.round_unpinned", round=round_.name),
            hint=t("checklist.round_unpinned_hint", round=round_.name),
        )
    pinned = round_catalog(store, round_, catalog)
    content = pinned.catalog
    chosen = {content.site(text).id for text in site_ids}
    street_set, unit_set = frozenset(streets), frozenset(units)
    check_places(content, units=unit_set, streets=street_set)
    sites = tuple(
        site
        for site in content.sites.values()
        if (not chosen or site.id in chosen)
        and (not street_set or site.street in street_set)
        and (not unit_set or site.responsible_unit in unit_set)
    )
    if not sites:
        raise RecordError(t("checklist.no_sites"), hint=t("checklist.no_sites_hint"))
    return ChecklistPlan(round_, pinned, sites)
