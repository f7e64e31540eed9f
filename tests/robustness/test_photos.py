"""Hostile photos: given to ``--photo``, and evidence gone bad under a report.

Before the fixes: ``--photo`` given a FIFO or a device said "是目录"; a photo
in the evidence folder that was later truncated, replaced by a FIFO or by a
decompression bomb made the ledger crash (or hang) instead of naming it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from hostile import (
    EVIDENCE,
    RECORD,
    STORE,
    assert_clean,
    assert_refused,
    invoke,
    make_image,
    query,
    run_process,
    snapshot,
    used_workspace,
)


def bomb_png(path: Path, side: int = 50_000) -> Path:
    """A tiny PNG that claims ``side`` × ``side`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )
    return path


def truncated(path: Path) -> Path:
    make_image(path, size=(400, 300))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as out:
        out.truncate(size)
    return path


def _sock(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return path


#: A hostile ``--photo``: how to make it, and the words of the message.
GIVEN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (lambda p: (os.mkfifo(p), p)[1], "命名管道"),
    "dev-null": (lambda p: Path("/dev/null"), "设备文件"),
    "link-to-dev-zero": (lambda p: (p.symlink_to("/dev/zero"), p)[1], "设备文件"),
    "socket": (_sock, "套接字"),
    "folder": (lambda p: (p.mkdir(), p)[1], "--photo"),
    "dangling-link": (lambda p: (p.symlink_to(p.parent / "gone.jpg"), p)[1], "不存在"),
    "looping-link": (lambda p: (p.symlink_to(p.name), p)[1], "循环"),
    "missing": (lambda p: p, "不存在"),
    "empty": (lambda p: (p.write_bytes(b""), p)[1], "不是可识别的图片"),
    "text": (lambda p: (p.write_text("不是照片", encoding="utf-8"), p)[1], "不是可识别的图片"),
    "truncated": (truncated, "已损坏或不完整"),
    "over-20mb": (lambda p: sparse(p, 21 * 1024 * 1024), "20 MB"),
    "bomb": (bomb_png, "像素数过大"),
}


@pytest.mark.parametrize("case", GIVEN)
def test_a_hostile_photo_is_refused_before_anything_is_written(
    ws: Path, tmp_path: Path, case: str
) -> None:
    make, words = GIVEN[case]
    path = make(tmp_path / "IMG_0001.jpg")
    before = snapshot(ws)
    done = invoke(ws, *RECORD, "--photo", str(path))
    assert_refused(done, words=words)
    assert snapshot(ws) == before


def test_a_fifo_as_after_photo_is_refused(ws: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "after.jpg"
    os.mkfifo(fifo)
    finding = invoke(ws, *RECORD).stdout.strip()
    before = snapshot(ws)
    done = invoke(ws, "rectify", finding, "--note", "已清理", "--photo", str(fifo))
    assert_refused(done, words="命名管道")
    assert snapshot(ws) == before


# -- evidence gone bad: the report names each photo and goes on --------------------------------


def _replace(make: Callable[[Path], object]) -> Callable[[Path], None]:
    def spoil(path: Path) -> None:
        path.unlink()
        make(path)

    return spoil


#: How an evidence photo goes bad, and what its cell says.
SPOILED: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing": (lambda p: p.unlink(), "照片缺失"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:300]), "已损坏或不完整"),
    "fifo": (_replace(os.mkfifo), "命名管道"),
    "folder": (_replace(Path.mkdir), "是目录"),
    "empty": (lambda p: p.write_bytes(b""), "已损坏或不完整"),
    "text": (lambda p: p.write_text("not a photo", encoding="utf-8"), "已损坏或不完整"),
    "bomb": (lambda p: bomb_png(p), "像素数过大"),
    "over-20mb": (lambda p: sparse(p, 21 * 1024 * 1024), "20 MB"),
    "link-to-dev-zero": (_replace(lambda p: p.symlink_to("/dev/zero")), "设备文件"),
    "looping-link": (_replace(lambda p: p.symlink_to(p.name)), "循环"),
}
COLORS = ["red", "green", "blue", "white", "black", "yellow", "cyan", "magenta", "gray", "pink"]


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], str]:
    """A workspace with one finding per way of going bad, plus one good photo; the ledger
    written once (a real process with a timeout: a FIFO must not hang it).

    Returns the workspace, each case's cell text and the command's stderr.
    """
    root = tmp_path_factory.mktemp("spoiled")
    ws = used_workspace(root / "ws")
    names: dict[str, str] = {}
    for n, case in enumerate([*SPOILED, "good"]):
        photo = make_image(root / f"{case}.jpg", color=COLORS[n % len(COLORS)], size=(40 + n, 30))
        done = invoke(ws, *RECORD, "--note", case, "--photo", str(photo))
        assert done.code == 0, done.stderr
        names[case] = photo.name
    evidence = ws / EVIDENCE
    for path in sorted(evidence.rglob("*.jpg")):
        if "thumbs" in path.parts:
            path.unlink()  # made on first use: the report must make them now
    stored = {p.name: p for p in evidence.rglob("*.jpg") if "thumbs" not in p.parts}
    by_note = _stored_by_note(ws)
    for case, (spoil, _words) in SPOILED.items():
        spoil(stored[by_note[case]])
    out = root / "ledger.xlsx"
    done = run_process(["report", "rectification", "-o", str(out)], cwd=ws, timeout=120)
    assert done.code == 0, done.stderr
    assert_clean(done)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in next(sheet.iter_rows(min_row=3, max_row=3))]
    note_col, photo_col = header.index("问题描述"), header.index("问题照片")
    cells = {
        str(row[note_col]): str(row[photo_col] or "")
        for row in sheet.iter_rows(min_row=4, values_only=True)
        if row[note_col]
    }
    return ws, cells, done.stderr


def _stored_by_note(ws: Path) -> dict[str, str]:
    # a finding keeps its before-photos as JSON beside its row (store v4)
    found = query(ws / STORE, "SELECT note, photos FROM findings WHERE photos IS NOT NULL")
    return {
        str(note): Path(photo["relpath"]).name
        for note, photos in found
        for photo in json.loads(str(photos))
    }


@pytest.mark.parametrize("case", SPOILED)
def test_the_ledger_names_a_spoiled_photo_in_its_cell(
    spoiled: tuple[Path, dict[str, str], str], case: str
) -> None:
    _ws, cells, _stderr = spoiled
    words = SPOILED[case][1]
    assert f"{case}.jpg" in cells[case] and words in cells[case], cells[case]


def test_the_ledger_counts_the_photos_it_could_not_show(
    spoiled: tuple[Path, dict[str, str], str],
) -> None:
    _ws, cells, stderr = spoiled
    assert f"{len(SPOILED)} 张照片无法显示" in stderr
    assert cells["good"] == ""  # the good photo is a thumbnail, its cell has no text


def test_a_damaged_thumbnail_is_made_again(ws: Path, tmp_path: Path) -> None:
    thumbs = sorted((ws / EVIDENCE / "thumbs").rglob("*.jpg"))
    assert thumbs
    thumbs[0].write_bytes(b"garbage, not a JPEG")
    out = tmp_path / "ledger.xlsx"
    done = invoke(ws, "report", "rectification", "-o", str(out))
    assert done.code == 0, done.stderr
    assert "无法显示" not in done.stderr
    assert thumbs[0].read_bytes().startswith(b"\xff\xd8")  # a JPEG again


def test_a_word_report_names_a_spoiled_photo_too(ws: Path, tmp_path: Path) -> None:
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.render import RenderContext, render
    from qingyang_inspect.store import Store
    from qingyang_inspect.views.ledger import LedgerFilter, build_ledger, ledger_document
    from qingyang_inspect.workspace import load_workspace

    workspace = load_workspace(ws)
    for path in (ws / EVIDENCE).rglob("*.jpg"):
        path.write_bytes(path.read_bytes()[:200])  # every photo, thumbnails too
    catalog = load_workspace_catalog(workspace)
    out = tmp_path / "ledger.docx"
    with Store.open(workspace, readonly=True) as store:
        ledger = build_ledger(
            catalog,
            store.iter_findings,
            district="测试区",
            as_of=dt.date(2026, 6, 20),
            flt=LedgerFilter(),
        )
        done = render(
            ledger_document(ledger),
            "docx",
            output=out,
            context=RenderContext(fmt="docx", evidence=workspace.evidence),
        )
    assert done.notes == ["1 张照片无法显示，已在所在单元格注明原因"]
    text = "\n".join(
        cell.text
        for table in docx.Document(str(out)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "照片无法显示" in text and "已损坏或不完整" in text
