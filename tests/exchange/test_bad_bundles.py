"""Bad bundles: each refused with a message saying what is wrong, and nothing written.

Every case starts from a real bundle (a finding with a photo and a rectification)
and spoils it as a transfer, a person or another program would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.errors import RecordError
from qingyang_inspect.exchange.bundle import BundleError, export_findings
from qingyang_inspect.exchange.merge import merge_bundles
from qingyang_inspect.findings.lifecycle import rectify
from qingyang_inspect.findings.recording import RecordRequest, open_round, record_finding
from qingyang_inspect.i18n import set_language
from qingyang_inspect.store import Store
from qingyang_inspect.store.sql import COPY_TABLES
from qingyang_inspect.workspace import Workspace, load_workspace
from store_helpers import CST

MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "valid" / "minimal"
START = dt.datetime(2026, 6, 1, 9, 0, tzinfo=CST)

Members = dict[str, bytes]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A real bundle: a round, a failed finding with a photo, its rectification."""
    root = tmp_path / "laptop"
    shutil.copytree(MINIMAL, root)
    workspace = load_workspace(root)
    catalog = load_workspace_catalog(workspace, use_cache=False)
    picture = tmp_path / "垃圾.jpg"
    Image.new("RGB", (40, 30), (180, 40, 40)).save(picture, "JPEG")
    with Store.open(workspace) as store:
        open_round(store, catalog, name="R", kind="supervision", date=START.date(),
                   actor="王督导", now=START)  # fmt: skip
        request = RecordRequest(
            site_id="M1", item_id="CM-EN-01", result="fail", inspector="甲",
            round_name="R", at=START, photos=(picture,),
        )  # fmt: skip
        number = record_finding(store, catalog, request, now=START).finding.number
        rectify(store, catalog, number, note="已清理", actor="单位",
                now=START + dt.timedelta(hours=3))  # fmt: skip
        target = tmp_path / "laptop.zip"
        export_findings(store, target, round_name=None, since=None, now=START)
    return target


@pytest.fixture
def office(tmp_path: Path) -> Workspace:
    """The office's workspace, its store made (empty)."""
    root = tmp_path / "office"
    shutil.copytree(MINIMAL, root)
    workspace = load_workspace(root)
    Store.open(workspace).close()
    return workspace


def members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write(path: Path, found: Members) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in found.items():
            archive.writestr(name, data)
    return path


def rehash(found: Members) -> Members:
    """The manifest made to match the members again (a tamperer's or a buggy tool's)."""
    manifest = json.loads(found["manifest.json"])
    manifest["files"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in found.items()
        if name != "manifest.json"
    }
    found["manifest.json"] = json.dumps(manifest).encode()
    return found


def edit_table(found: Members, table: str, change: Callable[[list[list[object]]], None]) -> None:
    name = f"tables/{table}.json"
    rows = json.loads(found[name])
    change(rows)
    found[name] = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()


def edit_manifest(found: Members, **changes: object) -> None:
    manifest = json.loads(found["manifest.json"])
    manifest.update(changes)
    found["manifest.json"] = json.dumps(manifest).encode()


def _not_zip(path: Path, bundle: Path) -> None:
    path.write_text("序号,点位\n1,M1\n", encoding="utf-8")


def _workbook(path: Path, bundle: Path) -> None:
    write(path, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


def _truncated(path: Path, bundle: Path) -> None:
    data = bundle.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _changed_row(path: Path, bundle: Path) -> None:
    found = members(bundle)
    edit_table(found, "findings", lambda rows: rows[0].__setitem__(5, 9))
    write(path, found)


def _missing_member(path: Path, bundle: Path) -> None:
    found = members(bundle)
    del found[next(name for name in found if name.startswith("photos/"))]
    write(path, found)


def _extra_member(path: Path, bundle: Path) -> None:
    write(path, {**members(bundle), "tables/notes.json": b"[]"})


def _newer(path: Path, bundle: Path) -> None:
    found = members(bundle)
    edit_manifest(found, version=2, tool_version="9.0.0")
    write(path, found)


def _forged_event(path: Path, bundle: Path) -> None:
    found = members(bundle)
    edit_table(found, "events", lambda rows: rows[0].__setitem__(6, "冒名"))  # its actor
    write(path, rehash(found))


def _escaping_photo(path: Path, bundle: Path) -> None:
    found = members(bundle)

    def escape(rows: list[list[object]]) -> None:
        photos = json.loads(str(rows[0][14]))
        photos[0]["relpath"] = "../../../home/evil.jpg"
        rows[0][14] = json.dumps(photos)

    edit_table(found, "findings", escape)
    write(path, rehash(found))


def _photo_changed(path: Path, bundle: Path) -> None:
    found = members(bundle)
    name = next(name for name in found if name.startswith("photos/"))
    found[name] = found[name][:-10] + b"0123456789"
    write(path, rehash(found))


def _size_lie(path: Path, bundle: Path) -> None:
    found = members(bundle)
    manifest = json.loads(found["manifest.json"])
    manifest["files"]["tables/findings.json"]["size"] += 1
    found["manifest.json"] = json.dumps(manifest).encode()
    write(path, found)


#: case → (how the bundle is spoiled, words of the Chinese message, of the English one)
CASES = {
    "not a zip": (_not_zip, "不是 zip 文件", "not a zip file"),
    "a workbook": (_workbook, "缺少清单 manifest.json", "has no manifest.json"),
    "truncated": (_truncated, "文件不完整", "cut short"),
    "a changed row": (_changed_row, "SHA-256 与清单不符", "does not match its manifest"),
    "a missing photo": (_missing_member, "缺少文件 photos/", "the file photos/"),
    "an unlisted file": (_extra_member, "清单未列出的文件", "which its manifest does not list"),
    "a newer tool": (_newer, "更新版本的工具（9.0.0）", "newer version of the tool (9.0.0)"),
    "a forged event": (_forged_event, "编号与内容不符", "is not the id of its content"),
    "a photo outside": (_escaping_photo, "照片路径 ../../../home/evil.jpg 不合规", "not allowed"),
    "a changed photo": (_photo_changed, "与其文件名不符", "does not match its name"),
    "a size that lies": (_size_lie, "的大小与清单不符", "size of tables/findings.json"),
}


def snapshot(workspace: Workspace) -> tuple[object, ...]:
    with Store.open(workspace, readonly=True) as store:
        rows = tuple(tuple(sorted(store.copy_rows(table))) for table in COPY_TABLES)
    files = sorted(p.relative_to(workspace.evidence) for p in workspace.evidence.rglob("*"))
    return rows, tuple(files) if workspace.evidence.exists() else ()


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_bundle_is_refused_in_words_and_nothing_is_written(
    case: str, bundle: Path, office: Workspace, tmp_path: Path
) -> None:
    spoil, zh, en = CASES[case]
    bad = tmp_path / "bad.zip"
    spoil(bad, bundle)
    before = snapshot(office)
    for lang, words in (("zh", zh), ("en", en)):
        set_language(lang)
        with Store.open(office) as store, pytest.raises(BundleError) as refused:
            # The good bundle first: a bad one anywhere refuses the whole merge.
            merge_bundles(store, [bundle, bad])
        assert words in refused.value.message
        assert str(bad) in refused.value.message
        assert refused.value.hint
    assert snapshot(office) == before


def test_rows_the_store_refuses_leave_nothing_behind(
    bundle: Path, office: Workspace, tmp_path: Path
) -> None:
    found = members(bundle)
    edit_table(found, "findings", lambda rows: rows[0].__setitem__(4, "maybe"))  # its result
    bad = write(tmp_path / "bad.zip", rehash(found))
    before = snapshot(office)
    with Store.open(office) as store, pytest.raises(RecordError) as refused:
        merge_bundles(store, [bad])
    assert "本库拒绝了数据包中的记录（findings）" in refused.value.message
    assert snapshot(office) == before


def test_a_photo_above_the_limit_is_refused_before_it_is_unpacked(
    bundle: Path, office: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qingyang_inspect.exchange import bundle as module

    monkeypatch.setattr(module, "MAX_PHOTO_BYTES", 100)
    with Store.open(office) as store, pytest.raises(BundleError, match="上限 100 字节"):
        merge_bundles(store, [bundle])


def test_two_bundles_holding_one_finding_differently_are_refused(
    bundle: Path, office: Workspace, tmp_path: Path
) -> None:
    found = members(bundle)
    edit_table(found, "findings", lambda rows: rows[0].__setitem__(10, "另一说法"))  # its note
    other = write(tmp_path / "other.zip", rehash(found))
    with Store.open(office) as store, pytest.raises(BundleError) as refused:
        merge_bundles(store, [bundle, other])
    assert "内容不同" in refused.value.message
    assert str(bundle) in refused.value.message and str(other) in refused.value.message


def test_the_good_bundle_itself_merges(bundle: Path, office: Workspace) -> None:
    with Store.open(office) as store:
        merged = merge_bundles(store, [bundle])
        assert merged.added["findings"] == 1 and merged.added["events"] == 1
        assert merged.photos == 1 and store.check() == []


def test_export_refuses_a_photo_missing_or_changed_in_the_evidence_folder(
    bundle: Path, tmp_path: Path
) -> None:
    workspace = load_workspace(tmp_path / "laptop")
    [photo] = [p for p in workspace.evidence.rglob("*.jpg") if "thumb" not in str(p)][:1]
    photo.write_bytes(photo.read_bytes()[:-5] + b"xxxxx")
    with Store.open(workspace, readonly=True) as store, pytest.raises(RecordError) as refused:
        export_findings(store, tmp_path / "again.zip", round_name=None, since=None, now=START)
    assert "与记录的 SHA-256 不符" in refused.value.message
    photo.unlink()
    with Store.open(workspace, readonly=True) as store, pytest.raises(RecordError) as refused:
        export_findings(store, tmp_path / "again.zip", round_name=None, since=None, now=START)
    assert "不在证据目录中" in refused.value.message
    assert not (tmp_path / "again.zip").exists()
