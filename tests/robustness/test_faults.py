"""Faults of the machine: a full disk, a read-only folder, a file size limit — real ones.

A small tmpfs is mounted and filled (root on Linux; skipped elsewhere), or a
process runs under ``RLIMIT_FSIZE`` (anywhere on POSIX). Before the fixes: a
full disk under the store said "disk I/O error" with a hint about permissions;
a full disk under a report printed a clean message and then an "Exception
ignored" traceback and left xlsxwriter's temporary files; a full disk under the
catalog cache left a ``.catalog-*.tmp`` behind.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
from pathlib import Path

import pytest

from hostile import (
    RECORD,
    STORE,
    Mount,
    assert_clean,
    assert_refused,
    count_findings,
    fill,
    invoke,
    rows,
    run_process,
    snapshot,
)

pytestmark = pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX only")


def move_inspect_to(ws: Path, disk: Path) -> Path:
    """Put the workspace's store and evidence on ``disk``; the new ``.inspect`` folder."""
    target = disk / ".inspect"
    shutil.copytree(ws / ".inspect", target)
    shutil.rmtree(target / "cache", ignore_errors=True)
    for side in target.glob("*.sqlite-*"):  # as a writer leaves it: -wal and -shm gone
        side.unlink()
    config = ws / "inspect.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('".inspect/store.sqlite"', f'"{target}/store.sqlite"')
    text = text.replace('".inspect/evidence"', f'"{target}/evidence"')
    config.write_text(text, encoding="utf-8")
    shutil.rmtree(ws / ".inspect")
    return target


def temporary_files(folder: Path) -> list[str]:
    """What a failed write may leave behind: our temporary files and xlsxwriter's."""
    return sorted(
        p.name
        for p in folder.rglob("*")
        if p.name.startswith((".catalog-", ".incoming-", ".thumb-", ".qingyang-", "tmp"))
        or p.name.endswith(".tmp")
    )


@pytest.mark.parametrize(
    "args",
    [
        RECORD,
        ("round", "open", "R2", "--kind", "supervision"),
        ("findings", "void", "{id}", "--reason", "重复记录"),
    ],
    ids=["record", "round-open", "void"],
)
def test_a_full_disk_under_the_store_is_named(
    ws: Path, tmpfs: Mount, args: tuple[str, ...]
) -> None:
    finding = json.loads(invoke(ws, "findings", "list", "-f", "json").stdout)[0]["id"]
    disk = tmpfs(size="2m")
    inspect = move_inspect_to(ws, disk)
    fill(disk)  # SQLite must create its -shm file: it says "disk I/O error"
    before = rows(inspect / "store.sqlite")
    done = invoke(ws, *(a.replace("{id}", finding) for a in args))
    assert_refused(done, words=["磁盘已满", "store.sqlite"])
    assert "权限" not in done.stderr
    assert rows(inspect / "store.sqlite") == before
    assert temporary_files(disk) == []
    (disk / "filler").unlink()  # space again: the store is sound and takes the record
    assert invoke(ws, *RECORD).code == 0
    assert count_findings(inspect / "store.sqlite") == 4


def test_a_full_disk_under_the_evidence_is_named(ws: Path, tmpfs: Mount, tmp_path: Path) -> None:
    from PIL import Image

    disk = tmpfs(size="3m")
    inspect = move_inspect_to(ws, disk)
    noise = tmp_path / "noise.png"
    Image.frombytes("RGB", (700, 700), random.Random(1).randbytes(700 * 700 * 3)).save(noise)
    with (disk / "filler").open("wb", buffering=0) as out:  # leave ~700 KB: less than the photo
        out.write(b"\0" * (shutil.disk_usage(disk).free - 700 * 1024))
    before = snapshot(inspect)
    done = invoke(ws, *RECORD, "--photo", str(noise))
    assert_refused(done, words="磁盘已满")
    assert snapshot(inspect) == before
    assert temporary_files(disk) == []


@pytest.mark.parametrize(
    "args",
    [
        ("report", "rectification", "-o", "{out}/ledger.xlsx", "--force"),
        ("report", "acceptance", "--round", "R1", "-o", "{out}/ledger.xlsx", "--force"),
        ("report", "rectification", "-f", "csv", "-o", "{out}/ledger.xlsx", "--force"),
    ],
    ids=["ledger-xlsx", "acceptance-xlsx", "ledger-csv"],
)
def test_a_full_disk_under_a_report_is_one_message(
    ws: Path, tmpfs: Mount, args: tuple[str, ...]
) -> None:
    disk = tmpfs(size="256k")
    (disk / "ledger.xlsx").write_bytes(b"last week's report")
    fill(disk)
    done = run_process([a.replace("{out}", str(disk)) for a in args], cwd=ws, timeout=120)
    assert_refused(done, words=["磁盘已满", "ledger.xlsx"])
    assert done.stderr.count("错误:") == 1
    assert (disk / "ledger.xlsx").read_bytes() == b"last week's report"
    assert temporary_files(disk) == []


def test_the_catalog_cache_on_a_full_disk_is_only_a_lost_speed_up(ws: Path, tmpfs: Mount) -> None:
    disk = tmpfs(size="1m")
    move_inspect_to(ws, disk)
    fill(disk)
    for args in (("sites", "list"), ("findings", "list")):  # reading works on a full disk
        done = invoke(ws, *args)
        assert done.code == 0, done.stderr
        assert_clean(done)
    assert temporary_files(disk) == []
    assert not (disk / ".inspect" / "cache" / "catalog.json").exists()


def test_a_read_only_folder_is_named(ws: Path, tmpfs: Mount, tmp_path: Path) -> None:
    disk = tmpfs(size="4m")
    inspect = move_inspect_to(ws, disk)
    assert invoke(ws, "findings", "list").code == 0  # (the cache, made while writable)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    before = snapshot(inspect)
    done = invoke(ws, *RECORD)
    assert_refused(done, words="只读")
    listed = invoke(ws, "findings", "list")  # reading still works
    assert listed.code == 0, listed.stderr
    done = invoke(ws, "report", "rectification", "-o", str(disk / "ledger.xlsx"))
    assert_refused(done, words=["只读", "ledger.xlsx"])
    assert snapshot(inspect) == before


def _limit(size: int) -> object:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


@pytest.mark.parametrize(
    "args",
    [
        ("report", "rectification", "-o", "{out}/ledger.xlsx"),
        ("report", "rectification", "-f", "csv", "-o", "{out}/ledger.csv"),
    ],
    ids=["xlsx", "csv"],
)
def test_a_file_size_limit_under_a_report_is_named(
    ws: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for n in range(40):  # a report of some 100 KB
        assert invoke(ws, *RECORD, "--note", f"{n}" + "长" * 900).code == 0
    done = run_process(
        [a.replace("{out}", str(out)) for a in args],
        cwd=ws,
        # More than SQLite's -shm file (32 KB), less than the report. (Python
        # ignores SIGXFSZ: past the limit, a write fails with EFBIG.)
        preexec_fn=_limit(48 * 1024),
    )
    assert_refused(done, words="超过了系统允许的大小")
    assert sorted(p.name for p in out.iterdir()) == []


def test_the_store_survives_a_file_size_limit(ws: Path) -> None:
    before = rows(ws / STORE)
    done = run_process([*RECORD, "--note", "长" * 1999], cwd=ws, preexec_fn=_limit(8192))
    assert done.code == 2, done.stderr
    assert_clean(done)
    assert rows(ws / STORE) == before
    assert count_findings(ws / STORE) == 3
