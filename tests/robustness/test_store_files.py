"""A store path that is not ours: refused before anything is written to it.

Before the fix, pointing ``store =`` at an unrelated SQLite database switched
that file to WAL mode (rewriting its header) before refusing it, and SQLite
read a device as an empty store.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile import RECORD, STORE, assert_refused, invoke, run_process, snapshot


def point_store_at(ws: Path, target: Path) -> None:
    config = ws / "inspect.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('store = ".inspect/store.sqlite"', f'store = "{target}"'), encoding="utf-8"
    )


def other_database(path: Path, *, wal: bool = False) -> Path:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE accounts (name TEXT, balance INTEGER)")
    conn.execute("INSERT INTO accounts VALUES ('财务', 100)")
    conn.commit()
    conn.close()
    return path


def journal_mode(path: Path) -> str:
    """``wal`` or ``rollback``, from the file's header (bytes 18-19), touching nothing."""
    return "wal" if path.read_bytes()[18:20] == b"\x02\x02" else "rollback"


def _truncated_store(ws: Path) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        data = (ws / STORE).read_bytes()
        path.write_bytes(data[:100])
        return path

    return make


#: How the file at the store's path is made, and the words of the message.
FOREIGN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "other-database": (other_database, "不是 qingyang-inspect 的记录库"),
    "other-database-wal": (lambda p: other_database(p, wal=True), "不是 qingyang-inspect 的记录库"),
    "text-file": (lambda p: (p.write_text("备忘录\n", encoding="utf-8"), p)[1], "SQLite"),
    "image-file": (lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 500), p)[1], "SQLite"),
    "folder": (lambda p: (p.mkdir(), p)[1], "是目录"),
    "device": (lambda p: (p.symlink_to("/dev/null"), p)[1], "设备文件"),
    "dangling-link": (lambda p: (p.symlink_to(p.parent / "nowhere" / "x.sqlite"), p)[1], "不存在"),
    "looping-link": (lambda p: (p.symlink_to(p.name), p)[1], "循环"),
}
WRITES = {
    "record": RECORD,
    "round-open": ("round", "open", "R2", "--kind", "supervision"),
}
READS = {"findings-list": ("findings", "list"), "round-list": ("round", "list")}


def _state(path: Path) -> tuple[object, ...]:
    """What the foreign file is: its kind, its bytes, its side files."""
    if not os.path.lexists(path):
        return ("absent",)
    if path.is_symlink() or not path.is_file():
        return ("special", os.readlink(path) if path.is_symlink() else "dir")
    sides = sorted(p.name for p in path.parent.glob(path.name + "-*"))
    return ("file", path.read_bytes(), tuple(sides))


@pytest.mark.parametrize("command", [*WRITES, *READS])
@pytest.mark.parametrize("kind", FOREIGN)
def test_a_store_path_that_is_not_ours_is_refused_untouched(
    ws: Path, tmp_path: Path, kind: str, command: str
) -> None:
    make, words = FOREIGN[kind]
    target = make(tmp_path / "foreign.sqlite")
    point_store_at(ws, target)
    before, state = snapshot(ws), _state(target)
    mode = journal_mode(target) if kind.startswith("other-database") else None
    done = invoke(ws, *{**WRITES, **READS}[command])
    assert_refused(done, words=words)
    assert snapshot(ws) == before
    assert _state(target) == state
    if mode is not None:
        assert journal_mode(target) == mode  # never switched to WAL


@pytest.mark.parametrize("command", ["record", "findings-list"])
def test_a_store_path_that_is_a_fifo_is_refused_without_hanging(
    ws: Path, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "store.fifo"
    os.mkfifo(fifo)
    point_store_at(ws, fifo)
    done = run_process(list({**WRITES, **READS}[command]), cwd=ws, timeout=30)
    assert_refused(done, words="命名管道")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_damaged_store_is_refused_and_kept_for_recovery(ws: Path, tmp_path: Path) -> None:
    damaged = _truncated_store(ws)(tmp_path / "damaged.sqlite")
    point_store_at(ws, damaged)
    data = damaged.read_bytes()
    done = invoke(ws, *RECORD)
    assert_refused(done, words="已损坏")
    assert damaged.read_bytes() == data


def test_an_empty_file_is_taken_as_a_new_store(ws: Path, tmp_path: Path) -> None:
    empty = tmp_path / "new.sqlite"
    empty.write_bytes(b"")
    point_store_at(ws, empty)
    done = invoke(ws, "round", "open", "R9", "--kind", "supervision")
    assert done.code == 0, done.stderr
    assert invoke(ws, "round", "list").stdout.count("R9") == 1
