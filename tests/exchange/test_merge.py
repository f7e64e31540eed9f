"""Merging bundles: ids, authors, times and photos kept; conflicts merged and reported; rounds
that clash refused; steps on findings the store lacks held back until it has them.

The tests taking ``backend`` run twice: the second laptop (the office) keeps its store
in a SQLite file, then on a PostgreSQL server (a team store), merging into it and
exporting from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.errors import RecordError
from qingyang_inspect.exchange.bundle import export_findings
from qingyang_inspect.exchange.merge import Merged, merge_bundles
from qingyang_inspect.findings.lifecycle import rectify, void
from qingyang_inspect.findings.pins import round_states
from qingyang_inspect.findings.recording import RecordRequest, open_round, record_finding
from qingyang_inspect.i18n import set_language
from qingyang_inspect.store import Store
from qingyang_inspect.store.sql import COPY_TABLES
from qingyang_inspect.workspace import load_workspace
from store_helpers import CST, backend_url, use_server

MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "valid" / "minimal"
START = dt.datetime(2026, 6, 1, 9, 0, tzinfo=CST)
HOUR = dt.timedelta(hours=1)


@dataclass
class Laptop:
    """A workspace of its own (files, store, evidence), as on one inspector's laptop."""

    root: Path
    catalog: Catalog

    def store(self, *, readonly: bool = False) -> Store:
        return Store.open(load_workspace(self.root), readonly=readonly)

    def record(self, site: str, item: str, result: str, at: dt.datetime, **extra: object) -> str:
        request = RecordRequest(
            site_id=site,
            item_id=item,
            result=result,
            inspector=f"{self.root.name}检查员",
            note="不涉及" if result == "na" else None,
            round_name="R",
            at=at,
            **extra,  # type: ignore[arg-type]
        )
        with self.store() as store:
            return record_finding(store, self.catalog, request, now=at).finding.number

    def export(self, target: Path, *, since: dt.datetime | None = None) -> Path:
        with self.store(readonly=True) as store:
            export_findings(store, target, round_name=None, since=since, now=START + 48 * HOUR)
        return target

    def merge(self, *bundles: Path) -> Merged:
        with self.store() as store:
            return merge_bundles(store, list(bundles))

    def rows(self) -> dict[str, list[tuple[object, ...]]]:
        with self.store(readonly=True) as store:
            return {table: sorted(store.copy_rows(table)) for table in COPY_TABLES}


def laptop(root: Path, server: str | None = None) -> Laptop:
    """A new laptop at ``root`` (a copy of the minimal workspace), its store on ``server``."""
    shutil.copytree(MINIMAL, root)
    if server is not None:
        use_server(root, server)
    return Laptop(root, load_workspace_catalog(load_workspace(root), use_cache=False))


@pytest.fixture
def laptops(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[Laptop, Laptop, Path]]:
    """Two laptops with the same round (the first opened it, the second merged it); the
    second's store on a server when the test runs on the server ``backend``."""
    first, second = laptop(tmp_path / "甲"), laptop(tmp_path / "乙", backend_url(request))
    with first.store() as store:
        open_round(store, first.catalog, name="R", kind="supervision", date=START.date(),
                   actor="王督导", now=START - HOUR)  # fmt: skip
    second.merge(first.export(tmp_path / "round.zip"))
    yield first, second, tmp_path


def photo(path: Path, color: tuple[int, int, int]) -> Path:
    Image.new("RGB", (40, 30), color).save(path, "JPEG")
    return path


def test_a_merged_finding_keeps_its_id_number_author_times_history_and_photos(
    laptops: tuple[Laptop, Laptop, Path],
    backend: str,
) -> None:
    first, second, tmp = laptops
    before = photo(tmp / "门口垃圾.jpg", (200, 20, 20))
    after = photo(tmp / "已清理.jpg", (20, 200, 20))
    number = first.record("M1", "CM-EN-01", "fail", START, photos=(before,), count=2)
    with first.store() as store:
        rectify(store, first.catalog, number, note="已清理", actor="单位", photos=[after],
                now=START + 5 * HOUR, at=START + 2 * HOUR)  # fmt: skip
    merged = second.merge(first.export(tmp / "a.zip"))
    assert merged.added["findings"] == 1 and merged.added["events"] == 1
    assert merged.photos == 2 and not merged.problems

    with first.store(readonly=True) as a, second.store(readonly=True) as b:
        fid = a.resolve_id(number)
        assert b.resolve_id(number) == fid
        assert b.finding(fid) == a.finding(fid)
        assert b.events(fid) == a.events(fid)  # ids, authors, both times, data
        step = b.events(fid)[1]
        times = (START + 2 * HOUR, START + 5 * HOUR)
        assert (step.actor, step.at, step.entered_at) == ("单位", *times)
        for kept in b.finding(fid).photos:
            content = (b.evidence_dir / kept.relpath).read_bytes()
            assert hashlib.sha256(content).hexdigest() == kept.sha256
        assert b.check() == []
    assert second.rows()["findings"] == first.rows()["findings"]


def test_merging_twice_changes_nothing_and_says_so(
    laptops: tuple[Laptop, Laptop, Path], backend: str
) -> None:
    first, second, tmp = laptops
    first.record("M1", "CM-EN-01", "fail", START)
    bundle = first.export(tmp / "a.zip")
    assert not second.merge(bundle).nothing_new
    rows = second.rows()
    assert second.merge(bundle, bundle).nothing_new
    again = second.merge(bundle)
    assert again.nothing_new and not again.problems
    assert again.held["findings"] == 1 and again.held["rounds"] == 1
    assert second.rows() == rows


def test_contradicting_answers_are_merged_and_reported_with_both_numbers(
    laptops: tuple[Laptop, Laptop, Path],
    backend: str,
) -> None:
    first, second, tmp = laptops
    passed = first.record("M1", "CM-AD-01", "pass", START)
    na = second.record("M1", "CM-AD-01", "na", START + HOUR)
    merged = first.merge(second.export(tmp / "b.zip"))
    assert merged.problems
    [conflict] = merged.conflicts
    assert (conflict.site_id, conflict.item_id) == ("M1", "CM-AD-01")
    assert sorted(conflict.numbers) == sorted([passed, na])
    # Held as round list holds any conflict, until a person voids one of the two.
    with first.store(readonly=True) as store:
        [state] = round_states(store, first.catalog)
        assert [sorted(c.numbers) for c in state.conflicts] == [sorted([passed, na])]
    with first.store() as store:
        void(store, na, reason="核实后不适用有误", actor="王督导", now=START + 3 * HOUR)
        [state] = round_states(store, first.catalog)
        assert state.conflicts == ()
    # The other way round the same pair is reported.
    assert [sorted(c.numbers) for c in second.merge(tmp / "b.zip").conflicts] == []
    back = second.merge(first.export(tmp / "a.zip"))
    assert back.conflicts == ()  # the void came along: no conflict left
    assert back.added["events"] == 1


def test_two_people_moving_one_finding_at_once_is_reported_out_of_step(
    laptops: tuple[Laptop, Laptop, Path],
    backend: str,
) -> None:
    first, second, tmp = laptops
    number = first.record("M1", "CM-EN-01", "fail", START)
    second.merge(first.export(tmp / "a.zip"))
    for laptop, hours in ((first, 2), (second, 3)):
        with laptop.store() as store:
            rectify(store, laptop.catalog, number, note="已整改", actor=laptop.root.name,
                    now=START + hours * HOUR)  # fmt: skip
    merged = first.merge(second.export(tmp / "b.zip"))
    [step] = merged.out_of_step
    assert (step.number, step.kind, step.actor) == (number, "rectified", "乙")
    assert (step.expected, step.found) == ("open", "rectified")
    # The same report whichever store merges the other.
    [mirror] = second.merge(first.export(tmp / "a2.zip")).out_of_step
    assert mirror == step


def test_a_step_on_a_finding_the_store_lacks_waits_until_the_finding_comes(
    laptops: tuple[Laptop, Laptop, Path],
) -> None:
    first, second, tmp = laptops
    number = first.record("M1", "CM-EN-01", "fail", START)
    with first.store() as store:
        rectify(store, first.catalog, number, note="已整改", actor="单位", now=START + 30 * HOUR)
    since = first.export(tmp / "since.zip", since=START + 24 * HOUR)
    merged = second.merge(since)
    assert [(h.number, h.kinds) for h in merged.held_back] == [(number, ("rectified",))]
    assert merged.added["events"] == 0 and merged.problems
    # The whole bundle brings the finding; the step follows, here or on merging again.
    full = second.merge(first.export(tmp / "full.zip"))
    assert full.added["findings"] == 1 and full.held_back == ()
    assert second.merge(since).nothing_new
    assert second.rows() == first.rows()


def test_a_round_opened_on_two_laptops_with_the_same_content_is_one_round(
    tmp_path: Path,
) -> None:
    laptops = []
    for name in ("甲", "乙"):
        root = tmp_path / name
        shutil.copytree(MINIMAL, root)
        laptop = Laptop(root, load_workspace_catalog(load_workspace(root), use_cache=False))
        with laptop.store() as store:
            open_round(store, laptop.catalog, name="R", kind="supervision", date=START.date(),
                       actor=name, now=START - HOUR * len(laptops))  # fmt: skip
        laptops.append(laptop)
    first, second = laptops
    first.record("M1", "CM-EN-01", "fail", START)
    merged = second.merge(first.export(tmp_path / "a.zip"))
    assert merged.opened_twice == ("R",)
    assert merged.added["findings"] == 1 and merged.added["round_pins"] == 1


def test_a_round_pinned_to_other_content_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    laptops = []
    for name, points in (("甲", "points: 6"), ("乙", "points: 60")):
        root = tmp_path / name
        shutil.copytree(MINIMAL, root)
        standard = root / "standards" / "standard.yaml"
        standard.write_text(
            standard.read_text(encoding="utf-8").replace("points: 6", points, 1), encoding="utf-8"
        )
        laptop = Laptop(root, load_workspace_catalog(load_workspace(root), use_cache=False))
        with laptop.store() as store:
            open_round(store, laptop.catalog, name="R", kind="supervision", date=START.date(),
                       actor=name, now=START - HOUR)  # fmt: skip
        laptops.append(laptop)
    first, second = laptops
    first.record("M1", "CM-EN-01", "fail", START)
    rows = second.rows()
    for lang, words in (("zh", "固定在不同的标准和点位内容上"), ("en", "pinned to different")):
        set_language(lang)
        with pytest.raises(RecordError) as refused:
            second.merge(first.export(tmp_path / f"a-{lang}.zip"))
        assert words in refused.value.message and "R" in refused.value.message
        assert "round repin R" in (refused.value.hint or "")
    assert second.rows() == rows


def test_a_different_round_under_the_same_name_is_refused(tmp_path: Path) -> None:
    laptops = []
    for name, kind in (("甲", "supervision"), ("乙", "acceptance")):
        root = tmp_path / name
        shutil.copytree(MINIMAL, root)
        laptop = Laptop(root, load_workspace_catalog(load_workspace(root), use_cache=False))
        with laptop.store() as store:
            open_round(store, laptop.catalog, name="R", kind=kind, date=START.date(),
                       actor=name, now=START - HOUR)  # fmt: skip
        laptops.append(laptop)
    rows = laptops[1].rows()
    with pytest.raises(RecordError, match="不同的轮次") as refused:
        laptops[1].merge(laptops[0].export(tmp_path / "a.zip"))
    # the kinds as the language says them, never the codes amid Chinese
    assert "本库为 验收 " in refused.value.message and "数据包为 督导 " in refused.value.message
    assert "supervision" not in refused.value.message
    assert laptops[1].rows() == rows


def test_export_of_one_round_or_since_a_day(laptops: tuple[Laptop, Laptop, Path]) -> None:
    first, _second, tmp = laptops
    first.record("M1", "CM-EN-01", "fail", START)
    first.record("M2", "CM-EN-01", "fail", START + 26 * HOUR)
    with first.store() as store:
        open_round(store, first.catalog, name="R2", kind="re-inspection", date=START.date(),
                   actor="王督导", now=START)  # fmt: skip
        exported = export_findings(
            store, tmp / "r.zip", round_name="R", since=START + 24 * HOUR, now=START + 30 * HOUR
        )
        assert exported.counts["rounds"] == 1 and exported.counts["findings"] == 1
        with pytest.raises(RecordError, match="R3"):
            export_findings(store, tmp / "x.zip", round_name="R3", since=None, now=START)


def test_bundles_merged_at_once_settle_among_themselves(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    """Two laptops opened the round each; one exported a step since a day, the other all.
    The office's store is a file, then a server."""
    first, second = laptop(tmp_path / "甲"), laptop(tmp_path / "乙")
    for one in (first, second):
        with one.store() as store:
            open_round(store, one.catalog, name="R", kind="supervision",
                       date=START.date(), actor=one.root.name, now=START - HOUR)  # fmt: skip
    office = laptop(tmp_path / "办公室", backend_url(request))
    number = first.record("M1", "CM-EN-01", "fail", START)
    second.record("M2", "CM-EN-01", "fail", START)
    with first.store() as store:
        rectify(store, first.catalog, number, note="已整改", actor="单位", now=START + 30 * HOUR)
    since = first.export(tmp_path / "甲-since.zip", since=START + 24 * HOUR)
    full = first.export(tmp_path / "甲.zip")
    merged = office.merge(since, second.export(tmp_path / "乙.zip"), full)
    assert merged.opened_twice == ("R",)
    assert merged.held_back == () and not merged.problems
    assert (merged.added["findings"], merged.added["events"]) == (2, 1)
    with office.store(readonly=True) as store:
        assert store.finding(store.resolve_id(number)).status == "rectified"


def test_photos_kept_only_on_the_server_travel_in_a_bundle_made_at_another_desk(
    tmp_path: Path, pg_url: str
) -> None:
    """Desk A records on the team store and merges a laptop's bundle, with photos; desk B,
    on the same server with an empty evidence folder, exports: the bundle carries every
    photo (fetched from the server), and a laptop merging it has them all."""
    field, desk_a, desk_b, home = (
        laptop(tmp_path / "外业"),
        laptop(tmp_path / "甲桌", pg_url),
        laptop(tmp_path / "乙桌", pg_url),
        laptop(tmp_path / "家"),
    )
    with desk_a.store() as store:
        open_round(store, desk_a.catalog, name="R", kind="supervision", date=START.date(),
                   actor="王督导", now=START - HOUR)  # fmt: skip
    field.merge(desk_a.export(tmp_path / "round.zip"))
    taken = photo(tmp_path / "外业.jpg", (200, 20, 20))
    field_number = field.record("M1", "CM-EN-01", "fail", START, photos=(taken,))
    desk_number = desk_a.record("M2", "CM-EN-01", "fail", START + HOUR,
                                photos=(photo(tmp_path / "桌面.jpg", (20, 20, 200)),))  # fmt: skip
    with desk_a.store() as store:
        rectify(store, desk_a.catalog, desk_number, note="已清理",
                actor="单位", photos=[photo(tmp_path / "已清理.jpg", (20, 200, 20))],
                now=START + 3 * HOUR)  # fmt: skip
    assert desk_a.merge(field.export(tmp_path / "field.zip")).photos == 1

    evidence_b = load_workspace(desk_b.root).evidence
    assert not evidence_b.exists()  # desk B took no photo and made no report
    bundle = desk_b.export(tmp_path / "desk-b.zip")
    with zipfile.ZipFile(bundle) as archive:
        carried = sorted(n for n in archive.namelist() if n.startswith("photos/"))
    assert len(carried) == 3
    with desk_b.store(readonly=True) as store:
        assert store.check() == []  # every photo on the server
    merged = home.merge(bundle)
    assert merged.photos == 3 and merged.added["findings"] == 2
    with home.store(readonly=True) as store:
        assert store.check() == []
        for number in (field_number, desk_number):
            for kept in store.finding(store.resolve_id(number)).photos:
                content = (store.evidence_dir / kept.relpath).read_bytes()
                assert hashlib.sha256(content).hexdigest() == kept.sha256


def test_a_bundle_is_one_moment_of_a_store_others_write_to_meanwhile(
    laptops: tuple[Laptop, Laptop, Path], backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the office exports, another desk records a finding and rectifies it, between
    the export's reads of the findings and of their steps: the bundle holds neither (it is
    the store before), and merges without a step held back."""
    first, second, tmp = laptops
    second.record("M1", "CM-EN-01", "fail", START)
    desk_b = Laptop(second.root, second.catalog)  # another process on the same store
    read = Store.copy_rows

    def copy_rows(store: Store, table: str, **options: object) -> object:
        rows = list(read(store, table, **options))  # type: ignore[arg-type]
        if table == "findings":
            number = desk_b.record("M2", "CM-EN-01", "fail", START + HOUR)
            with desk_b.store() as other:
                rectify(other, desk_b.catalog, number, note="已整改", actor="单位",
                        now=START + 2 * HOUR)  # fmt: skip
        return iter(rows)

    with monkeypatch.context() as patched:
        patched.setattr(Store, "copy_rows", copy_rows)
        bundle = second.export(tmp / "b.zip")
    merged = first.merge(bundle)
    assert merged.held_back == () and not merged.problems
    assert (merged.added["findings"], merged.added["events"]) == (1, 0)
    assert len(second.rows()["events"]) == 1  # the desk's step is in its store
