"""A catalog's content: what a round is scored by, as text with a hash, and what changed.

A round pins the content of the standard and the sites when it opens (the
store keeps each distinct content once, under its hash). Its scores and
reports are then made from that content, whatever happens to the YAML files
later; when the files differ, :func:`changes` names the items and sites (and
the fields of each) that differ, so people can re-pin knowingly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from qingyang_inspect.calendar import WorkCalendar
from qingyang_inspect.catalog.cache import (
    Lazy,
    catalog_from_records,
    content_hash_of,
    snapshot_text,
)
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import to_json

Part = Literal["standard", "site_type", "category", "item", "site"]
#: Each content part's name in a change, and whether it is a list of records by id.
_PARTS: tuple[tuple[str, Part], ...] = (
    ("standard", "standard"),
    ("site_types", "site_type"),
    ("categories", "category"),
    ("items", "item"),
    ("sites", "site"),
)


@dataclass(frozen=True)
class Change:
    """One difference between a pinned content and the files: what, which, how."""

    part: Part
    #: The item's or site's id (the standard's for the header).
    id: str
    #: ``changed`` (the fields that differ are named), ``added`` or ``removed``.
    how: Literal["changed", "added", "removed"]
    fields: tuple[str, ...] = ()
    #: ``(field, before, after)`` for the changed fields that hold one short value
    #: (a version, points, a name), so a message can say ``points 5→50``.
    values: tuple[tuple[str, Any, Any], ...] = ()


def records_of(catalog: Catalog) -> dict[str, Any]:
    """The catalog's content as records (plain data), part by part."""
    return {
        "standard": to_json(catalog.standard),
        "site_types": list(_records(catalog.site_types)),
        "categories": list(_records(catalog.categories)),
        "items": list(_records(catalog.items)),
        "sites": list(_records(catalog.sites)),
    }


def _records(models: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    if isinstance(models, Lazy):  # a cached catalog keeps its records: no model to make
        yield from (models.record(key) for key in models)
    else:
        yield from (to_json(model) for model in models.values())


def content_of(catalog: Catalog) -> tuple[str, str]:
    """``(text, hash)`` of the catalog's content: the text a round keeps (in the files'
    order), the hash of its canonical form (the same content, the same hash)."""
    records = records_of(catalog)
    return snapshot_text(records), content_hash_of(records)


def hash_of(catalog: Catalog) -> str:
    """The hash of the catalog's content (remembered by a catalog read from its cache)."""
    return catalog.content_hash if catalog.content_hash else content_of(catalog)[1]


def catalog_of(text: str, content_hash: str, calendar: WorkCalendar) -> Catalog:
    """The catalog a pinned content describes, with the workspace's working-day calendar."""
    return replace(
        catalog_from_records(json.loads(text)), calendar=calendar, content_hash=content_hash
    )


def changes(pinned: str, current: Catalog) -> list[Change]:
    """What differs between a pinned content (its text) and the ``current`` catalog."""
    old = json.loads(pinned)
    new = records_of(current)
    found: list[Change] = []
    for key, part in _PARTS:
        if key == "standard":
            if old[key] != new[key]:
                found.append(_changed(part, str(new[key].get("id", "")), old[key], new[key]))
            continue
        before = {r["id"]: r for r in old[key]}
        after = {r["id"]: r for r in new[key]}
        for ident, record in after.items():
            if ident not in before:
                found.append(Change(part, ident, "added"))
            elif record != before[ident]:
                found.append(_changed(part, ident, before[ident], record))
        found.extend(Change(part, ident, "removed") for ident in before if ident not in after)
    return found


#: Values longer than this are named by their field only.
SHORT_VALUE = 24


def _changed(part: Part, ident: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Change:
    fields = tuple(k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k))
    values = tuple(
        (k, old.get(k), new.get(k)) for k in fields if _short(old.get(k)) and _short(new.get(k))
    )
    return Change(part, ident, "changed", fields, values)


def _short(value: Any) -> bool:
    return isinstance(value, str | int | float) and len(str(value)) <= SHORT_VALUE
