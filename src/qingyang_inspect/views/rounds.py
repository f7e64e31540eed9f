"""``inspect round list``: the rounds by date, with their findings, what their pinned content
lacks of the current files, and items whose findings contradict each other."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from qingyang_inspect.findings.model import Round
from qingyang_inspect.findings.pins import RoundState, describe
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Column, Document, Table, Text
from qingyang_inspect.views.labels import round_kind_label, round_status_label


def round_record(round_: Round, findings: int, state: RoundState | None = None) -> dict[str, Any]:
    """Every field of ``round_`` (codes), and its number of findings, JSON-ready; with its
    ``state``, what the files change and which items conflict."""
    record: dict[str, Any] = {
        "name": round_.name,
        "kind": round_.kind,
        "date": round_.date.isoformat(),
        "standard_id": round_.standard_id,
        "standard_version": round_.standard_version,
        "status": round_.status,
        "opened_at": round_.opened_at.isoformat(),
        "closed_at": round_.closed_at.isoformat() if round_.closed_at else None,
        "findings": findings,
    }
    if state is not None:
        record["snapshot"] = round_.snapshot
        record["changed"] = [
            {
                "part": c.part,
                "id": c.id,
                "how": c.how,
                "fields": list(c.fields),
                "values": {field: [before, after] for field, before, after in c.values},
            }
            for c in state.pinned.changes
        ]
        record["conflicts"] = [
            {"site_id": c.site_id, "item_id": c.item_id, "numbers": list(c.numbers)}
            for c in state.conflicts
        ]
    return record


def round_states_list(states: Sequence[RoundState]) -> Document:
    """The rounds with how their pins and findings stand, then a note per round whose
    files changed or whose findings conflict, naming them (JSON: a bare list of records)."""

    def changes(state: RoundState) -> str:
        if not state.pinned.pinned:
            return t("round.unpinned_cell")
        count = len(state.pinned.changes)
        return t("round.changes_cell", count=count) if count else ""

    def conflicts(state: RoundState) -> str:
        count = len(state.conflicts)
        return t("round.conflicts_cell", count=count) if count else ""

    table: Table[RoundState] = Table(
        key="rounds",
        title="",
        columns=(
            *_round_columns(),
            Column("changes", t("round.col.changes"), priority=1),
            Column("conflicts", t("round.col.conflicts"), priority=1),
        ),
        source=lambda: states,
        cells=lambda s: (*_cells(s.round, s.findings), changes(s), conflicts(s)),
        record=lambda s: round_record(s.round, s.findings, s),
        empty=t("round.none"),
    )
    notes: list[Text] = []
    for state in states:
        if state.pinned.changes:
            words = describe(state.pinned.changes)
            notes.append(Text(None, t("round.changes_note", name=state.round.name, changes=words)))
        if state.conflicts:
            found = t("pin.list_sep").join(
                t(
                    "round.conflict_cell",
                    site=c.site_id,
                    item=c.item_id,
                    numbers=t("finding.list_sep").join(c.numbers),
                )
                for c in state.conflicts
            )
            notes.append(Text(None, t("round.conflicts_note", name=state.round.name, found=found)))
    return Document(key="round.list", title="", sections=(table, *notes), json_shape="list")


def _round_columns() -> tuple[Column, ...]:
    return (
        # Typed back as --round NAME: never split.
        Column("name", t("round.col.name"), priority=0, wrap=False),
        Column("kind", t("round.col.kind"), "status", priority=1),
        Column("date", t("round.col.date"), "date", priority=0),
        Column("standard", t("round.col.standard"), "id", priority=2),
        Column("status", t("round.col.status"), "status", priority=0),
        Column("findings", t("round.col.findings"), "int", priority=1),
    )


def _cells(r: Round, findings: int) -> tuple[object, ...]:
    return (
        r.name,
        round_kind_label(r.kind),
        r.date,
        f"{r.standard_id} {r.standard_version}",
        round_status_label(r.status),
        findings,
    )


def rounds_list(rounds: Sequence[Round], counts: Mapping[str, int]) -> Document:
    """``rounds`` with ``counts[name]`` findings each (JSON: a bare list of records)."""
    table: Table[Round] = Table(
        key="rounds",
        title="",
        columns=_round_columns(),
        source=lambda: rounds,
        cells=lambda r: _cells(r, counts.get(r.name, 0)),
        record=lambda r: round_record(r, counts.get(r.name, 0)),
        empty=t("round.none"),
    )
    return Document(key="round.list", title="", sections=(table,), json_shape="list")
