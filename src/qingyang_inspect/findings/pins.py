"""Rounds pinned to the content they are scored by: pin at opening, re-pin, what changed.

A round is scored by the standard and sites as they were when it opened: the
store keeps that content once per distinct content (a snapshot under its
hash) and a pin names it. Scoring, the forms and the ledger of a round use
:func:`round_catalog`, never the files as they are now; when the files
differ, :func:`round_catalog` says what changed, and ``inspect round repin``
adopts the files as a new pin, with a reason. Rounds from stores made before
pins existed have none: they are scored by the files, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qingyang_inspect.catalog.content import Change, catalog_of, changes, content_of, hash_of
from qingyang_inspect.errors import RecordError
from qingyang_inspect.findings.conflicts import Conflict, find_conflicts
from qingyang_inspect.findings.ids import content_id
from qingyang_inspect.findings.model import Round, RoundPin
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.store.db import Store

#: How a change's part is named in messages (keys written out, so they can be found).
PART_KEYS = {
    "standard": "pin.part.standard",
    "site_type": "pin.part.site_type",
    "category": "pin.part.category",
    "item": "pin.part.item",
    "site": "pin.part.site",
}
HOW_KEYS = {"added": "pin.how.added", "removed": "pin.how.removed"}
#: Changes named in one message; the rest are counted.
MAX_NAMED = 8


@dataclass(frozen=True)
class Pinned:
    """What a round is scored by: the catalog it pinned, and how the files differ from it."""

    catalog: Catalog
    #: Differences of the workspace's files from the pin (empty when they are the same).
    changes: tuple[Change, ...] = ()
    #: ``False`` for a round that has no pin (scored by the files as they are).
    pinned: bool = True


def pin(
    store: Store,
    round_name: str,
    catalog: Catalog,
    *,
    actor: str,
    now: dt.datetime,
    reason: str | None = None,
) -> RoundPin:
    """Pin ``round_name`` to ``catalog``'s content (kept once per distinct content)."""
    text, content_hash = content_of(catalog)
    ident = content_id("pin", round_name, content_hash, now.isoformat(), actor, reason)
    made = RoundPin(ident, round_name, content_hash, now, actor, reason)
    with store.transaction():
        store.add_snapshot(content_hash, text)
        store.add_pin(made, entered_at=now)
    return made


def round_catalog(store: Store, round_: Round, current: Catalog) -> Pinned:
    """The catalog ``round_`` is scored by, and what the ``current`` files change in it."""
    if round_.snapshot is None:
        return Pinned(current, pinned=False)
    # Always the kept content, even when the files hash the same: reports of the round
    # are then made from the same text whatever happens to the files.
    text = store.snapshot(round_.snapshot)
    pinned = catalog_of(text, round_.snapshot, current.calendar)
    if round_.snapshot == hash_of(current):
        return Pinned(pinned)
    return Pinned(pinned, tuple(changes(text, current)))


class RoundCatalogs:
    """The catalog each round is scored by, looked up once per round (for reports)."""

    def __init__(self, store: Store, current: Catalog) -> None:
        self._store = store
        self._current = current
        self._found: dict[str, Pinned] = {}

    def __call__(self, round_name: str) -> Catalog:
        """The catalog the round ``round_name`` is scored by."""
        return self.pinned(round_name).catalog

    def pinned(self, round_name: str) -> Pinned:
        """:func:`round_catalog` of the round ``round_name``."""
        found = self._found.get(round_name)
        if found is None:
            found = round_catalog(self._store, self._store.round(round_name), self._current)
            self._found[round_name] = found
        return found


def repin(
    store: Store,
    catalog: Catalog,
    *,
    name: str,
    reason: str | None,
    actor: str,
    now: dt.datetime,
) -> tuple[Round, tuple[Change, ...]]:
    """Adopt the current files as what the round ``name`` is scored by (an event, with why).

    Returns the round and what changed from its previous pin. Refused without
    a reason, or when the round is pinned to these very files already.
    """
    text = reason.strip() if reason else ""
    if not text:
        raise RecordError(t("pin.reason_required"), hint=t("pin.reason_hint"))
    with store.transaction():
        found = store.round(name)
        before = round_catalog(store, found, catalog)
        if before.pinned and not before.changes and found.snapshot == hash_of(catalog):
            raise RecordError(t("pin.same", name=found.name), hint=t("pin.same_hint"))
        pin(store, found.name, catalog, actor=actor, now=now, reason=text)
    return store.round(found.name), before.changes


def describe(changes: Iterable[Change]) -> str:
    """Changes in words: ``条目 NM-01-02（points 5→50）；点位 QY-C-03（name，street）`` …"""
    listed = list(changes)
    words = []
    for change in listed[:MAX_NAMED]:
        what = f"{t(PART_KEYS[change.part])} {change.id}"
        if change.how == "changed":
            shown = {field: (before, after) for field, before, after in change.values}
            fields = (
                t("pin.value", field=f, before=_text(shown[f][0]), after=_text(shown[f][1]))
                if f in shown
                else f
                for f in change.fields
            )
            what += t("pin.fields", fields=t("pin.field_sep").join(fields))
        else:
            what += t(HOW_KEYS[change.how])
        words.append(what)
    if len(listed) > MAX_NAMED:
        words.append(t("pin.more", count=len(listed) - MAX_NAMED))
    return t("pin.list_sep").join(words)


def _text(value: object) -> str:
    """A changed value as people wrote it: points ``6``, not ``6.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def changes_warning(round_: Round, pinned: Pinned) -> str | None:
    """A warning for commands that use a round whose files changed (or that has no pin)."""
    if not pinned.pinned:
        return t("pin.unpinned", name=round_.name)
    if pinned.changes:
        return t("pin.changed", name=round_.name, changes=describe(pinned.changes))
    return None


@dataclass(frozen=True)
class RoundState:
    """A round as ``inspect round list`` shows it: how its pin and its findings stand."""

    round: Round
    findings: int
    pinned: Pinned
    conflicts: tuple[Conflict, ...] = ()


def round_states(store: Store, current: Catalog) -> list[RoundState]:
    """Every round with its number of findings, how the files differ from its pin, and the
    items whose findings contradict each other (stores written before such results were
    refused may hold some)."""
    counts = store.finding_counts()
    conflicts: dict[str, list[Conflict]] = {}
    for round_name, site_id, item_id in store.shared_items():
        found = find_conflicts(
            store.iter_findings(round_name=round_name, site_id=site_id, item_id=item_id)
        )
        conflicts.setdefault(round_name, []).extend(found)
    return [
        RoundState(
            round_,
            counts.get(round_.name, 0),
            round_catalog(store, round_, current),
            tuple(conflicts.get(round_.name, ())),
        )
        for round_ in store.rounds()
    ]
