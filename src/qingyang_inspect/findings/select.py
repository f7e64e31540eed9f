"""Which findings a list shows: the filters of ``inspect findings list``, applied while streaming.

Filters the store can answer (round, site) go to its query; the ones that
depend on the catalog (responsible unit, street) or on the state (status,
overdue) are applied to the streamed findings, so memory stays flat whatever
the store's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qingyang_inspect.errors import RecordError, suggestion
from qingyang_inspect.findings.model import STATUSES, Finding
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.db import Store


@dataclass(frozen=True)
class FindingFilter:
    """Which findings ``inspect findings list`` shows; ``None`` = no restriction."""

    as_of: dt.date
    round_name: str | None = None
    site_id: str | None = None
    unit: str | None = None
    street: str | None = None
    item_id: str | None = None
    status: str | None = None
    result: str | None = None
    overdue: bool = False
    include_voided: bool = False


def select_findings(store: Store, catalog: Catalog, query: FindingFilter) -> Iterator[Finding]:
    """The findings matching ``query``, in store order, streamed.

    Unknown filter values (round, site, item, unit, street, status) are
    refused at once, when this is called, not when the first finding is read:
    a command can check its filters before it prints anything.
    """
    return _select(store, query, *_plan(store, catalog, query))


#: What people type for 逾期 (overdue) as if it were a status.
OVERDUE_WORDS = frozenset(("逾期", "已逾期", "超期", "overdue", "late"))


def _plan(
    store: Store, catalog: Catalog, query: FindingFilter
) -> tuple[str | None, str | None, set[str] | None]:
    if query.round_name is not None:
        store.round(query.round_name)  # unknown round: error with the closest names
    site_id = catalog.site(query.site_id).id if query.site_id is not None else None
    item_id = catalog.item(query.item_id).id if query.item_id is not None else None
    if query.status is not None and query.status not in STATUSES:
        # 逾期 is computed, never a status: point to the option that asks for it.
        overdue = query.status.strip().lower() in OVERDUE_WORDS
        raise RecordError(
            t("findings.bad_status", value=query.status, statuses=", ".join(STATUSES)),
            hint=t("findings.overdue_hint") if overdue else t("findings.bad_status_hint"),
        )
    site_ids: set[str] | None = None
    if query.unit is not None:
        site_ids = _sites_where(catalog, "responsible_unit", query.unit, "--unit")
    if query.street is not None:
        streets = _sites_where(catalog, "street", query.street, "--street")
        site_ids = streets if site_ids is None else site_ids & streets
    return site_id, item_id, site_ids


def _select(
    store: Store,
    query: FindingFilter,
    site_id: str | None,
    item_id: str | None,
    site_ids: set[str] | None,
) -> Iterator[Finding]:
    findings = store.iter_findings(
        round_name=query.round_name, site_id=site_id, include_voided=query.include_voided
    )
    filtered = (
        site_ids is not None
        or item_id is not None
        or query.result is not None
        or query.status is not None
        or query.overdue
    )
    if not filtered:
        return findings  # a million findings pass: no filter layer for nothing
    return (
        finding
        for finding in findings
        if (site_ids is None or finding.site_id in site_ids)
        and (item_id is None or finding.item_id == item_id)
        and (query.result is None or finding.result == query.result)
        and (query.status is None or finding.status == query.status)
        and (not query.overdue or finding.overdue(query.as_of))
    )


def _sites_where(catalog: Catalog, attribute: str, value: str, option: str) -> set[str]:
    wanted = value.strip()
    sites = {site.id for site in catalog.sites.values() if getattr(site, attribute) == wanted}
    if not sites:
        known = sorted({getattr(site, attribute) for site in catalog.sites.values()})
        raise RecordError(
            t(
                "findings.unknown_value",
                option=option,
                value=value,
                suggest=suggestion(wanted, known),
            ),
            hint=t("findings.unknown_value_hint"),
        )
    return sites
