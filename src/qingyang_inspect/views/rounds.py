"""``inspect round list``: the rounds by date, with their pinned standard and findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from qingyang_inspect.findings.model import Round
from qingyang_inspect.i18n import t
from qingyang_inspect.views.base import Column, Document, Table
from qingyang_inspect.views.labels import round_kind_label, round_status_label


def round_record(round_: Round, findings: int) -> dict[str, Any]:
    """Every field of ``round_`` (codes), and its number of findings, JSON-ready."""
    return {
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


def rounds_list(rounds: Sequence[Round], counts: Mapping[str, int]) -> Document:
    """``rounds`` with ``counts[name]`` findings each (JSON: a bare list of records)."""
    table: Table[Round] = Table(
        key="rounds",
        title="",
        columns=(
            # Typed back as --round NAME: never split.
            Column("name", t("round.col.name"), priority=0, wrap=False),
            Column("kind", t("round.col.kind"), "status", priority=1),
            Column("date", t("round.col.date"), "date", priority=0),
            Column("standard", t("round.col.standard"), "id", priority=2),
            Column("status", t("round.col.status"), "status", priority=0),
            Column("findings", t("round.col.findings"), "int", priority=1),
        ),
        source=lambda: rounds,
        cells=lambda r: (
            r.name,
            round_kind_label(r.kind),
            r.date,
            f"{r.standard_id} {r.standard_version}",
            round_status_label(r.status),
            counts.get(r.name, 0),
        ),
        record=lambda r: round_record(r, counts.get(r.name, 0)),
        empty=t("round.none"),
    )
    return Document(key="round.list", title="", sections=(table,), json_shape="list")
