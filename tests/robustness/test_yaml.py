"""Hostile standards and sites: special files among the YAML, and values no file should hold.

Special files run as real processes with a timeout: before the fix, ``validate``
on a FIFO waited forever and on ``/dev/zero`` read until memory ran out; a
broken or looping link among ``sites/*.yaml`` was skipped and validation said 通过.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile import (
    RECORD,
    STORE,
    assert_clean,
    assert_refused,
    invoke,
    run_process,
    snapshot,
)

SITES = Path("sites") / "sites.yaml"
STANDARD = Path("standards") / "standard.yaml"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _dangling(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere.yaml")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "命名管道"),
    "device": (_device, "设备文件"),
    "dangling-link": (_dangling, "符号链接"),
    "looping-link": (_loop, "循环的符号链接"),
    "socket": (_socket, "套接字"),
}


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_among_the_sites_is_named_by_validate(ws: Path, kind: str) -> None:
    make, words = SPECIAL[kind]
    make(ws / "sites" / "extra.yaml")
    before = snapshot(ws)
    done = run_process(["validate"], cwd=ws, timeout=30)
    assert_refused(done, code=1, words=["sites/extra.yaml", words])
    assert "校验通过" not in done.stdout + done.stderr
    assert snapshot(ws) == before


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_among_the_sites_stops_record_with_nothing_written(
    ws: Path, kind: str
) -> None:
    make, words = SPECIAL[kind]
    make(ws / "sites" / "extra.yaml")
    before = snapshot(ws)
    done = run_process(list(RECORD), cwd=ws, timeout=30)
    assert_refused(done, words=["sites/extra.yaml", words])
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("target", "words"),
    [("/dev/zero", "设备文件"), ("fifo.yaml", "命名管道"), ("dangling.yaml", "不存在")],
)
def test_validate_given_a_special_file_names_it(ws: Path, target: str, words: str) -> None:
    if target == "fifo.yaml":
        os.mkfifo(ws / target)
    elif target == "dangling.yaml":
        (ws / target).symlink_to("/nowhere/at/all.yaml")
    done = run_process(["validate", target], cwd=ws, timeout=30)
    assert_refused(done, code=1, words=words)


def test_a_file_past_the_size_limit_is_not_read(ws: Path) -> None:
    big = ws / "sites" / "big.yaml"
    with big.open("wb") as out:
        out.truncate(11 * 1024 * 1024)  # sparse: 11 MB of NUL bytes, nothing on disk
    done = run_process(["validate"], cwd=ws, timeout=30)
    assert_refused(done, code=1, words=["sites/big.yaml", "上限 10 MB"])


def test_a_holiday_file_that_is_a_fifo_is_an_error_not_a_hang(ws: Path) -> None:
    os.mkfifo(ws / "holidays.yaml")
    before = snapshot(ws)
    done = run_process(["validate"], cwd=ws, timeout=30)
    assert_refused(done, code=1, words=["holidays.yaml", "命名管道"])
    done = run_process([*RECORD, "--at", "2026-06-01"], cwd=ws, timeout=30)
    assert_refused(done, words=["holidays.yaml", "命名管道"])
    assert snapshot(ws) == before


def test_a_broken_holiday_link_is_an_error_not_skipped(ws: Path) -> None:
    (ws / "holidays.yaml").symlink_to("/nowhere/holidays.yaml")
    done = run_process(["validate"], cwd=ws, timeout=30)
    assert_refused(done, code=1, words=["holidays.yaml", "不存在"])


def test_a_workspace_config_that_is_a_fifo_does_not_hang(ws: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    os.mkfifo(other / "inspect.toml")
    done = run_process(["-w", str(other), "findings", "list"], cwd=ws, timeout=30)
    assert_refused(done, words="inspect.toml")


# -- values no standard or sites file should hold -----------------------------------------

#: (file, text replaced, hostile text, what the message says)
CONTENT: dict[str, tuple[Path, str, str, str]] = {
    "escape-ESC": (SITES, "name: 测试小巷", 'name: "测试\\e[2J小巷"', "U+001B"),
    "escape-NUL": (SITES, "name: 测试小巷", 'name: "测试\\0小巷"', "U+0000"),
    "escape-BEL": (SITES, "name: 测试小巷", 'name: "\\a测试小巷"', "U+0007"),
    "escape-CSI": (SITES, "name: 测试小巷", 'name: "测试\\u009b2J"', "U+009B"),
    "escape-x1b": (SITES, "address: 测试巷", 'address: "\\x1b]0;title\\x07"', "U+001B"),
    "escape-CR": (STANDARD, "requirement: 经营户证照齐全", 'requirement: "证照\\r齐全"', "U+000D"),
    "escape-NEL": (STANDARD, "requirement: 经营户证照齐全", 'requirement: "证照\\N齐全"', "U+0085"),
    "escape-in-key": (SITES, "name: 测试小巷", '"na\\eme": 测试小巷', "U+001B"),
    "raw-ESC-byte": (SITES, "name: 测试小巷", "name: 测试\x1b小巷", "U+001B"),
    "raw-NUL-byte": (SITES, "name: 测试小巷", "name: 测试\x00小巷", "U+0000"),
    "points-400-digits": (STANDARD, "points: 2", "points: " + "9" * 400, "400 位"),
    "points-5000-digits": (STANDARD, "points: 2", "points: " + "9" * 5000, "1000"),
    "points-hex-5000-digits": (STANDARD, "points: 2", "points: 0x" + "f" * 5000, "6021 位"),
    "points-inf": (STANDARD, "points: 2", "points: .inf", "1000"),
    "points-1e400": (STANDARD, "points: 2", "points: 1e400", "points"),
    "days-huge": (STANDARD, "rectification_days: 3", "rectification_days: " + "9" * 30, "365"),
    "date-year-1": (STANDARD, "effective_date: 2026-01-01", "effective_date: 0001-01-01", "1900"),
    "date-year-9999": (
        STANDARD,
        "effective_date: 2026-01-01",
        "effective_date: 9999-12-31",
        "2099-12-31",
    ),
    "date-2100": (STANDARD, "effective_date: 2026-01-01", "effective_date: 2100-01-01", "2099"),
    "planned-1899": (
        SITES,
        "address: 测试巷",
        "address: 测试巷\n    planned_acceptance: 1899-12-31",
        "1900",
    ),
    "unsafe-tag": (SITES, "name: 测试小巷", "name: !!python/object/apply:os.system [ls]", "!!"),
    "binary-ESC": (SITES, "name: 测试小巷", "name: !!binary G1sySg==", "U+001B"),
    "duplicate-key": (SITES, "name: 测试小巷", "name: 测试小巷\n    name: 又一个", "name"),
    "tab-indent": (SITES, "    name: 测试小巷", "\tname: 测试小巷", "sites.yaml"),
    "deep-nesting": (SITES, "name: 测试小巷", "name: " + "[" * 200 + "]" * 200, "64"),
}


@pytest.mark.parametrize("case", CONTENT)
def test_a_hostile_value_is_reported_at_its_place(ws: Path, case: str) -> None:
    relative, old, new, words = CONTENT[case]
    path = ws / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    before = snapshot(ws)
    done = invoke(ws, "validate")
    assert_refused(done, code=1, words=[relative.as_posix(), words])
    done = invoke(ws, *RECORD)  # the catalog refuses the record too: nothing is written
    assert_refused(done, words=relative.as_posix())
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"sites:\n  - id: \xff\xfe\n", "0xFF"),
        ("sites: []\n".encode("utf-16"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "sites.yaml"),
        (b"", "sites.yaml"),
        (b"sites: [" + b"x, " * 200_000 + b"]\n", "sites.yaml"),
        (
            b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + b"".join(
                b"%s: &%s [" % (k, k) + b", ".join([b"*" + p] * 10) + b"]\n"
                for p, k in zip(b"abcdefg", b"bcdefgh", strict=True)
                for p, k in [(bytes([p]), bytes([k]))]
            )
            + b"sites: *h\n",
            "sites.yaml",
        ),
    ],
    ids=["invalid-utf8", "utf16", "binary", "empty", "long-line", "alias-bomb"],
)
def test_a_file_that_is_not_text_is_reported(ws: Path, raw: bytes, words: str) -> None:
    (ws / SITES).write_bytes(raw)
    done = invoke(ws, "validate")
    assert_refused(done, code=1, words=words)
    assert_clean(done)


def test_the_store_is_untouched_by_a_broken_catalog(ws: Path) -> None:
    """The catalog is read before the store is opened: a broken file writes nothing."""
    (ws / SITES).write_text('sites:\n  - id: "\\e"\n', encoding="utf-8")
    store = (ws / STORE).read_bytes()
    done = invoke(ws, "round", "open", "R2", "--kind", "supervision")
    assert_refused(done, words="sites.yaml")
    assert (ws / STORE).read_bytes() == store


def test_a_value_with_a_line_break_keeps_each_problem_on_one_line(ws: Path) -> None:
    """(Found by the YAML fuzzer: a quoted id with a newline split a problem in two.)"""
    path = ws / SITES
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: M2", 'id: "M2\\n第二行"', 1),
        encoding="utf-8",
    )
    done = invoke(ws, "validate")
    assert_refused(done, code=1, words="␊")
    for line in done.stdout.splitlines():
        assert line.startswith(str(ws / SITES)), line
