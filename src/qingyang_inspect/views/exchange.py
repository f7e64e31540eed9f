"""``inspect merge``: what a merge added, what the store held already, and what needs a person."""

from __future__ import annotations

from typing import Any

from qingyang_inspect.exchange.merge import HeldBack, Merged, OutOfStep
from qingyang_inspect.findings.conflicts import Conflict
from qingyang_inspect.findings.recording import show_moment
from qingyang_inspect.i18n import t
from qingyang_inspect.store.sql import COPY_TABLES
from qingyang_inspect.views.base import Column, Document, Section, Table, Text
from qingyang_inspect.views.labels import event_kind_label, result_label, status_label

#: Each copied table's name in the summary (keys written out, so they can be found).
TABLE_KEYS = {
    "rounds": "merge.table.rounds",
    "round_closures": "merge.table.round_closures",
    "snapshots": "merge.table.snapshots",
    "round_pins": "merge.table.round_pins",
    "findings": "merge.table.findings",
    "events": "merge.table.events",
    "photos": "merge.table.photos",
}
PROBLEM_KEYS = {
    "conflict": "merge.problem.conflict",
    "out_of_step": "merge.problem.out_of_step",
    "held_back": "merge.problem.held_back",
}
HINT_KEYS = {
    "conflict": "merge.conflict_hint",
    "out_of_step": "merge.out_of_step_hint",
    "held_back": "merge.held_back_hint",
}

Problem = tuple[str, Conflict | OutOfStep | HeldBack]


def merge_document(merged: Merged) -> Document:
    """The rows added and held per table, then the problems (conflicts, steps out of step,
    steps held back) with their findings' numbers, and how to settle each kind."""
    counts = [*COPY_TABLES, "photos"]

    def added(table: str) -> int:
        return merged.photos if table == "photos" else merged.added[table]

    def held(table: str) -> int | None:
        return None if table == "photos" else merged.held[table]

    summary: Table[str] = Table(
        key="merged",
        title="",
        columns=(
            Column("table", t("merge.col.table"), priority=0),
            Column("added", t("merge.col.added"), "int", priority=0),
            Column("held", t("merge.col.held"), "int", priority=1),
        ),
        source=lambda: counts,
        cells=lambda table: (t(TABLE_KEYS[table]), added(table), held(table)),
        record=lambda table: {"table": table, "added": added(table), "held": held(table)},
    )
    problems: list[Problem] = [
        *(("conflict", c) for c in merged.conflicts),
        *(("out_of_step", s) for s in merged.out_of_step),
        *(("held_back", h) for h in merged.held_back),
    ]
    sections: list[Section] = [summary]
    if problems:
        sections.append(
            Table(
                key="problems",
                title=t("merge.problems_title"),
                columns=(
                    Column("problem", t("merge.col.problem"), "status", priority=0),
                    Column("numbers", t("merge.col.numbers"), "id", priority=0),
                    Column("detail", t("merge.col.detail"), priority=0),
                ),
                source=lambda: problems,
                cells=_problem_cells,
                record=_problem_record,
            )
        )
    sections.extend(Text(None, t("merge.opened_twice", name=n)) for n in merged.opened_twice)
    sections.extend(Text(None, t("merge.closed_twice", name=n)) for n in merged.closed_twice)
    kinds = dict.fromkeys(kind for kind, _ in problems)
    sections.extend(Text(None, t(HINT_KEYS[kind]), status=True) for kind in kinds)
    if merged.nothing_new:
        sections.append(Text(None, t("merge.nothing_new"), status=True))
    else:
        sections.append(
            Text(
                None,
                t(
                    "merge.done",
                    bundles=len(merged.bundles),
                    findings=merged.added["findings"],
                    events=merged.added["events"],
                    photos=merged.photos,
                ),
                status=True,
            )
        )
    return Document(key="merge", title="", sections=tuple(sections))


def _numbers(problem: Conflict | OutOfStep | HeldBack) -> str:
    if isinstance(problem, Conflict):
        return t("finding.list_sep").join(problem.numbers)
    return problem.number


def _detail(kind: str, problem: Conflict | OutOfStep | HeldBack) -> str:
    if isinstance(problem, Conflict):
        results = t("finding.list_sep").join(result_label(f.result) for f in problem.findings)
        return t(
            "merge.conflict_detail",
            round=problem.round_name,
            site=problem.site_id,
            item=problem.item_id,
            results=results,
        )
    if isinstance(problem, OutOfStep):
        found = t("merge.voided_state") if problem.found is None else status_label(problem.found)
        return t(
            "merge.out_of_step_detail",
            step=event_kind_label(problem.kind),
            actor=problem.actor,
            at=show_moment(problem.at),
            expected=status_label(problem.expected),
            found=found,
        )
    steps = t("finding.list_sep").join(event_kind_label(k) for k in problem.kinds)
    return t("merge.held_back_detail", steps=steps)


def _problem_cells(problem: Problem) -> tuple[object, ...]:
    kind, found = problem
    return (t(PROBLEM_KEYS[kind]), _numbers(found), _detail(kind, found))


def _problem_record(problem: Problem) -> dict[str, Any]:
    kind, found = problem
    record: dict[str, Any] = {"problem": kind}
    if isinstance(found, Conflict):
        record.update(
            round=found.round_name,
            site_id=found.site_id,
            item_id=found.item_id,
            numbers=list(found.numbers),
            results=[f.result for f in found.findings],
        )
    elif isinstance(found, OutOfStep):
        record.update(
            numbers=[found.number],
            kind=found.kind,
            actor=found.actor,
            at=found.at.isoformat(),
            expected=found.expected,
            found=found.found,
        )
    else:
        record.update(numbers=[found.number], kinds=list(found.kinds))
    return record
