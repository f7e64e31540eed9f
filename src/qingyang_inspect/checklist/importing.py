"""Filled checklists taken back: every answered row checked, then recorded all at once.

An answer becomes a finding through the rules of ``inspect record``
(:func:`~qingyang_inspect.findings.recording.build_finding`: the item must
apply to the site, a failure needs a count, n/a a reason; the round's window;
the conflict rules). Nothing is recorded while any problem remains, in any
file.

**Re-imports.** A finding recorded from a checklist row has an id derived
from the answer itself (:func:`answer_id`: round, site, item, result, count,
inspector, found time, texts, photos). Importing the same answer again finds
its id in the store and records nothing. A row answered differently since
gives a new id; the earlier checklist answer for that site and item of the
round (recognised by its id matching its own content) is voided in the same
transaction, ``superseded by`` the new one. Findings recorded otherwise
(``inspect record``) are never replaced: a contradiction with them is refused
as ``record`` refuses it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qingyang_inspect.checklist.form import COL, cell_name
from qingyang_inspect.checklist.reader import (
    Answer,
    Filled,
    Problem,
    read_checklist,
    workbook_files,
)
from qingyang_inspect.errors import InspectError, RecordError
from qingyang_inspect.findings.conflicts import in_the_way
from qingyang_inspect.findings.ids import canonical_json, derived_finding_id, number_of
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.i18n import t

if TYPE_CHECKING:
    from qingyang_inspect.catalog.catalog import Catalog
    from qingyang_inspect.evidence import CheckedPhoto
    from qingyang_inspect.findings.model import Round
    from qingyang_inspect.findings.pins import RoundCatalogs
    from qingyang_inspect.store.db import Store


@dataclass(frozen=True)
class Planned:
    """A finding to record from a row, the earlier answers it supersedes, its photos."""

    place: str
    finding: Finding
    replaces: tuple[Finding, ...] = ()
    photos: tuple[CheckedPhoto, ...] = ()


@dataclass
class ImportPlan:
    """What an import would do: new findings, answers already recorded, or problems."""

    files: list[Filled] = field(default_factory=list)
    planned: list[Planned] = field(default_factory=list)
    #: Rows whose answer the store holds already: ``(place, finding)``.
    unchanged: list[tuple[str, Finding]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: What the store held for each ``(round, site)`` when its answers were checked
    #: (:func:`held_state`): they are recorded only while it still holds.
    basis: dict[tuple[str, str], frozenset[tuple[str, bool, str]]] = field(default_factory=dict)

    @property
    def unanswered(self) -> int:
        """Item rows left empty, over all files."""
        return sum(f.unanswered for f in self.files)


def answer_id(finding: Finding, photo_hashes: Sequence[str], salt: int = 0) -> str:
    """The id of the finding a checklist answer records: derived from the answer."""
    content = canonical_json(
        [
            "checklist",
            finding.round_name,
            finding.site_id,
            finding.item_id,
            finding.result,
            finding.occurrences,
            finding.inspector,
            int(finding.found_at.timestamp() * 1000),
            finding.note,
            finding.location,
            finding.on_spot,
            sorted(photo_hashes),
            salt,
        ]
    )
    return derived_finding_id(finding.found_at, hashlib.sha256(content.encode()).digest())


def from_checklist(finding: Finding, tries: int) -> bool:
    """Whether ``finding`` was recorded from a checklist answer (its id is its content's)."""
    hashes = [p.sha256 for p in finding.photos_at("before")]
    return any(answer_id(finding, hashes, salt) == finding.id for salt in range(tries))


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A temporary folder for pictures taken out of workbooks (removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="qingyang-import-") as folder:
        yield Path(folder)


def plan_import(
    store: Store,
    catalog: Catalog,
    paths: Sequence[Path],
    *,
    now: dt.datetime,
    scratch: Path,
    photos_dir: Path | None = None,
) -> ImportPlan:
    """Read every workbook of ``paths`` and check every answer; nothing is written.

    A path that names no workbook is refused before anything is read
    (:func:`~qingyang_inspect.checklist.reader.workbook_files`).

    ``scratch`` receives the pictures inserted into cells (to be checked and,
    when recorded, stored as evidence). Naive times on a sheet are in
    ``now``'s zone.
    """
    from qingyang_inspect.findings.pins import RoundCatalogs

    plan = ImportPlan()
    files = workbook_files(list(paths))
    catalogs = RoundCatalogs(store, catalog)
    seen: dict[tuple[str, str, str], tuple[str, str]] = {}
    for path in files:
        filled = read_checklist(path, photos_dir=photos_dir)
        plan.files.append(filled)
        if filled.contract is not None:
            _plan_file(store, catalogs, filled, plan, seen, now=now, scratch=scratch)
        plan.problems.extend(filled.problems)
    return plan


def _round_problem(store: Store, filled: Filled) -> Round | None:
    """The round a workbook belongs to, if it can take its answers (else a problem)."""
    contract = filled.contract
    assert contract is not None
    if not store.has_round(contract.round_name):
        filled.problem(
            None,
            t("import.unknown_round", round=contract.round_name),
            t("import.unknown_round_hint"),
        )
        return None
    round_ = store.round(contract.round_name)
    if round_.status != "open":
        filled.problem(
            None,
            t("checklist.round_closed", round=round_.name),
            t("import.round_closed_hint"),
        )
        return None
    if round_.snapshot != contract.snapshot:
        earlier = {p.snapshot for p in store.pins(round_.name)}
        key = "import.repinned" if contract.snapshot in earlier else "import.other_content"
        filled.problem(
            None,
            t(
                key,
                round=round_.name,
                made=contract.snapshot[:12],
                now=(round_.snapshot or "")[:12],
            ),
            t("import.other_content_hint", round=round_.name, site=contract.site_id),
        )
        return None
    return round_


def _plan_file(
    store: Store,
    catalogs: RoundCatalogs,
    filled: Filled,
    plan: ImportPlan,
    seen: dict[tuple[str, str, str], tuple[str, str]],
    *,
    now: dt.datetime,
    scratch: Path,
) -> None:
    """Check one workbook's answers against its round and the store."""
    contract = filled.contract
    assert contract is not None
    round_ = _round_problem(store, filled)
    if round_ is None:
        return
    content = catalogs(round_.name)
    if contract.site_id not in content.sites:
        filled.problem(None, t("import.unknown_site", site=contract.site_id, round=round_.name))
        return
    if filled.answers and filled.inspector is None:
        filled.problem(
            contract.inspector_cell,
            t("import.no_inspector", label=t("checklist.head.inspector")),
            t("import.no_inspector_hint"),
        )
        return
    existing: dict[str, list[Finding]] = {}
    for finding in store.iter_findings(
        round_name=round_.name, site_id=contract.site_id, include_voided=True
    ):
        existing.setdefault(finding.item_id, []).append(finding)
    plan.basis.setdefault(
        (round_.name, contract.site_id),
        held_state(f for found in existing.values() for f in found),
    )
    for answer in filled.answers:
        planned = _plan_answer(content, round_, filled, answer, existing, now=now, scratch=scratch)
        if planned is None:
            continue
        if isinstance(planned, tuple):
            plan.unchanged.append(planned)
            continue
        key = (round_.name, contract.site_id, answer.item_id)
        other = seen.get(key)
        if other is not None and other[1] != planned.finding.id:
            filled.problem(
                cell_name(answer.row, COL["result"]),
                t("import.answered_twice", item=answer.item_id, other=other[0]),
                t("import.answered_twice_hint"),
            )
            continue
        if other is None:
            seen[key] = (answer.place, planned.finding.id)
            plan.planned.append(planned)


def held_state(findings: Iterable[Finding]) -> frozenset[tuple[str, bool, str]]:
    """What checking answers against a site's findings depends on: each one's id, whether
    it is voided, and its result."""
    return frozenset((f.id, f.voided, f.result) for f in findings)


def _check_unchanged(store: Store, plan: ImportPlan) -> None:
    """Refuse (:class:`RecordError`) to record answers at a site whose findings changed
    since they were checked (another desk imported or recorded there meanwhile): the
    checks may no longer hold. Run inside the import's transaction, after the store's
    write lock, so nothing can change between this and the writes."""
    for round_name, site_id in sorted(
        {(p.finding.round_name, p.finding.site_id) for p in plan.planned}
    ):
        now_held = held_state(
            store.iter_findings(round_name=round_name, site_id=site_id, include_voided=True)
        )
        if now_held != plan.basis.get((round_name, site_id)):
            raise RecordError(
                t("import.store_changed", round=round_name, site=site_id),
                hint=t("import.store_changed_hint"),
            )


def _found_at(filled: Filled, answer: Answer, zone: dt.tzinfo) -> dt.datetime | None:
    """When the row's answer was seen: 检查时间 (with 检查日期), else 检查日期's start."""
    contract = filled.contract
    assert contract is not None
    time = answer.time
    if isinstance(time, dt.datetime):
        return time.replace(tzinfo=zone) if time.tzinfo is None else time
    if filled.day is None:
        filled.problem(
            contract.date_cell,
            t("import.no_date", label=t("checklist.head.date"), row=answer.row + 1),
            t("import.no_date_hint"),
        )
        return None
    return dt.datetime.combine(filled.day, time or dt.time(), tzinfo=zone)


def _plan_answer(
    content: Catalog,
    round_: Round,
    filled: Filled,
    answer: Answer,
    existing: dict[str, list[Finding]],
    *,
    now: dt.datetime,
    scratch: Path,
) -> Planned | tuple[str, Finding] | None:
    """The finding one answer records (or the one already recorded for it, or ``None``
    after noting its problems)."""
    from qingyang_inspect.findings.recording import (
        CONFLICT_KEYS,
        RecordRequest,
        build_finding,
        check_window,
    )
    from qingyang_inspect.views.labels import result_label

    assert filled.contract is not None and now.tzinfo is not None
    cell = cell_name(answer.row, COL["result"])
    found_at = _found_at(filled, answer, now.tzinfo)
    if found_at is None:
        return None
    photos = _photos(filled, answer, scratch)
    if photos is None:
        return None
    request = RecordRequest(
        site_id=filled.contract.site_id,
        item_id=answer.item_id,
        result=answer.result,
        inspector=filled.inspector or "",
        count=answer.count,
        note=answer.note,
        location=answer.location,
        at=found_at,
        on_spot=answer.on_spot,
        round_name=round_.name,
    )
    try:
        finding = build_finding(content, round_, request, now=now)
        check_window(round_, finding.found_at, confirmed=False)
    except InspectError as error:
        filled.problem(cell, error.message, error.hint)
        return None
    hashes = [p.sha256 for p in photos]
    earlier = existing.get(answer.item_id, [])
    ids = {f.id: f for f in earlier}
    salt = 0
    while True:
        ident = answer_id(finding, hashes, salt)
        held = ids.get(ident)
        if held is None:
            break
        if not held.voided:
            return (answer.place, held)
        salt += 1  # this answer was given before and later replaced: record it anew
    finding = finding._replace(id=ident, number=number_of(ident))
    live = [f for f in earlier if not f.voided]
    replaces = tuple(f for f in live if from_checklist(f, len(earlier) + 1))
    remaining = [f for f in live if f not in replaces]
    blocking = in_the_way(finding.result, remaining)
    if blocking:
        filled.problem(
            cell,
            t(
                CONFLICT_KEYS[finding.result],
                site=finding.site_id,
                item=finding.item_id,
                results=t("finding.list_sep").join(
                    f"{result_label(f.result)} {f.number or f.id}" for f in blocking
                ),
            ),
            t("import.conflict_hint", number=blocking[0].number or blocking[0].id),
        )
        return None
    return Planned(answer.place, finding, replaces, tuple(photos))


def _photos(filled: Filled, answer: Answer, scratch: Path) -> list[CheckedPhoto] | None:
    """The row's photos checked (files named, pictures inserted), or ``None`` after noting
    the bad ones."""
    from qingyang_inspect.errors import RecordError
    from qingyang_inspect.evidence import check_photos

    cell = cell_name(answer.row, COL["photo"])
    paths = list(answer.photo_files)
    for picture in answer.pictures:
        target = scratch / picture.name
        target.write_bytes(picture.data)
        paths.append(target)
    checked: list[CheckedPhoto] = []
    ok = True
    for path in paths:
        try:
            checked.extend(check_photos([path], stage="before"))
        except RecordError as error:
            filled.problem(cell, error.message, error.hint)
            ok = False
    return checked if ok else None


@dataclass(frozen=True)
class Imported:
    """What an import recorded: the new findings and the earlier answers they superseded."""

    recorded: tuple[Finding, ...]
    superseded: int


def apply_import(store: Store, plan: ImportPlan, *, now: dt.datetime) -> Imported:
    """Record ``plan`` (which must hold no problem): photos first, then one transaction."""
    from qingyang_inspect.evidence import store_photos
    from qingyang_inspect.findings.lifecycle import void
    from qingyang_inspect.findings.model import Photo
    from qingyang_inspect.thumbnails import store_thumbnail

    assert not plan.problems
    checked = [photo for planned in plan.planned for photo in planned.photos]
    stored = {s.sha256: s for s in store_photos(store.evidence_dir, checked)}
    for photo in stored.values():
        store_thumbnail(store.evidence_dir, photo.relpath)
    findings: list[Finding] = []
    superseded = 0
    with store.transaction():
        _check_unchanged(store, plan)
        for planned in plan.planned:
            finding = planned.finding._replace(
                photos=tuple(
                    Photo(p.sha256, p.original_name, "before", stored[p.sha256].relpath)
                    for p in planned.photos
                )
            )
            for old in planned.replaces:
                void(
                    store,
                    old.id,
                    reason=t(
                        "import.superseded_reason", number=finding.number, place=planned.place
                    ),
                    actor=finding.inspector,
                    now=now,
                    at=max(finding.found_at, old.found_at),
                    data={"superseded_by": finding.number},
                )
                superseded += 1
            findings.append(finding)
        store.add_findings(findings)
    return Imported(tuple(findings), superseded)
