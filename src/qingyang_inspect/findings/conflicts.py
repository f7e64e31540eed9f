"""Results that cannot stand together for one item at one site in one round.

In a round, a site's item is either not applicable, or checked: passed, or
failed once or more (several failures at different places add up). So a new
record is refused when it contradicts what the round already holds there:

* ``pass`` while a failure is recorded (open, rectified or closed), or after ``na``;
* ``na`` after any pass or failure;
* ``fail`` after ``na``.

The refusal names the findings in the way and how to replace one
(``--supersedes NUMBER`` voids it in the same transaction). A failure after a
pass stands (a problem found later; the failure counts), so a pass and a
failure may stand together; not applicable beside a pass or a failure cannot,
since a score would have to guess between them. Stores written before this
rule may hold such pairs: :func:`find_conflicts` reports them, and scoring
shows the item as in conflict instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qingyang_inspect.findings.model import Finding, Result


def in_the_way(result: Result, existing: Iterable[Finding]) -> list[Finding]:
    """The live findings of ``existing`` (same round, site and item) that a new ``result``
    contradicts, in their order."""
    blocking: set[str]
    if result == "pass":
        blocking = {"fail", "na"}
    elif result == "na":
        blocking = {"pass", "fail"}
    else:
        blocking = {"na"}
    return [f for f in existing if not f.voided and f.result in blocking]


@dataclass(frozen=True)
class Conflict:
    """An item at a site in a round whose live findings contradict each other."""

    round_name: str
    site_id: str
    item_id: str
    findings: tuple[Finding, ...]

    @property
    def numbers(self) -> tuple[str, ...]:
        """The findings' numbers (ids for findings without one)."""
        return tuple(f.number or f.id for f in self.findings)


def find_conflicts(findings: Iterable[Finding]) -> list[Conflict]:
    """The items whose live findings hold not applicable beside a pass or a failure, in
    order of first finding (voided findings do not count)."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        if not finding.voided:
            groups.setdefault((finding.round_name, finding.site_id, finding.item_id), []).append(
                finding
            )
    return [
        Conflict(*key, tuple(group))
        for key, group in groups.items()
        if len({f.result for f in group}) > 1 and any(f.result == "na" for f in group)
    ]


def conflicting_items(findings: Sequence[Finding]) -> frozenset[str]:
    """The item ids among one site's findings of one round whose results contradict."""
    return frozenset(c.item_id for c in find_conflicts(findings))
