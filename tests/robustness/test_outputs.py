"""Hostile output targets: files that are not files, and a stdout that cannot be written.

Before the fixes: ``-o /dev/null --force`` renamed the report over the device
(as root, replacing ``/dev/null`` with a regular file); output to a full
``/dev/full`` or a closed stdout ended in a traceback.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import (
    Outcome,
    assert_clean,
    assert_refused,
    environment,
    invoke,
    run_process,
    snapshot,
)

LEDGER = ("report", "rectification")


def _leftovers(folder: Path) -> list[str]:
    """Temporary files or folders a report may have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize(
    ("kind", "words"),
    [("folder", "是目录"), ("fifo", "命名管道"), ("device", "设备文件")],
)
def test_a_target_that_is_not_a_file_is_never_replaced(
    ws: Path, tmp_path: Path, kind: str, words: str, force: bool
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "ledger.xlsx"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/null")
    mode = os.stat(target).st_mode
    done = invoke(ws, *LEDGER, "-o", str(target), *(["--force"] if force else []))
    assert_refused(done, words=words)
    assert os.stat(target).st_mode == mode
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert _leftovers(out) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("-o", "{out}/missing/ledger.xlsx"), "不存在"),
        (("-o", "{out}/existing.xlsx"), "已存在"),
        (("-o", "{out}/dangling.xlsx"), "已存在"),
        (("-o", "{out}/" + "长" * 100 + ".xlsx"), "文件名太长"),
        (("-o", "{out}/a\x00b.xlsx"), "U+0000"),
        (("-f", "csv", "-o", "{out}/existing.xlsx"), "已存在"),
    ],
    ids=["missing-folder", "exists", "dangling-link", "name-too-long", "nul", "csv-exists"],
)
def test_a_bad_target_is_refused_and_existing_files_are_kept(
    ws: Path, tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "existing.xlsx").write_bytes(b"an earlier report")
    (out / "dangling.xlsx").symlink_to(out / "nowhere.xlsx")
    before = snapshot(ws, out)
    done = invoke(ws, *LEDGER, *(a.replace("{out}", str(out)) for a in args))
    assert_refused(done, words=words)
    assert snapshot(ws, out) == before
    assert _leftovers(out) == []


# -- stdout ---------------------------------------------------------------------------------------

STDOUT_COMMANDS = {
    "findings-table": ["findings", "list"],
    "findings-json": ["findings", "list", "-f", "json"],
    "ledger-csv": ["report", "rectification", "-f", "csv"],
    "acceptance-table": ["report", "acceptance", "--round", "R1", "-f", "table"],
    "validate-json": ["validate", "-f", "json"],
    "help": ["--help"],
    "record": ["record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass"],
}


@pytest.mark.parametrize("command", STDOUT_COMMANDS)
def test_a_full_stdout_is_one_message(ws: Path, command: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        done = run_process(STDOUT_COMMANDS[command], cwd=ws, stdout=full, stderr=subprocess.PIPE)
    assert_refused(done, words="磁盘已满")
    assert done.stderr.count("错误:") == 1


@pytest.mark.parametrize("command", ["findings-json", "ledger-csv", "record"])
def test_a_closed_stdout_refuses_the_run_before_anything_is_done(ws: Path, command: str) -> None:
    before = snapshot(ws)
    words = " ".join(f"'{w}'" for w in STDOUT_COMMANDS[command])
    done = subprocess.run(
        ["sh", "-c", f"exec '{sys.executable}' -m qingyang_inspect {words} >&-"],
        cwd=ws,
        env=environment(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr
    assert "标准输出已关闭" in stderr and "Traceback" not in stderr
    assert snapshot(ws) == before


def test_a_closed_stderr_still_gives_the_exit_code(ws: Path) -> None:
    done = subprocess.run(
        [
            "sh",
            "-c",
            f"exec '{sys.executable}' -m qingyang_inspect record --site M1 --item CM-EN-01"
            " --result fail --count 0 2>&-",
        ],
        cwd=ws,
        env=environment(),
        capture_output=False,
        stdout=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2


def test_a_reader_that_goes_away_ends_the_command_quietly(ws: Path) -> None:
    """(The closed pipe keeps its own exit code, 141, as ``yes | head -1`` does.)"""
    with subprocess.Popen(
        [sys.executable, "-m", "qingyang_inspect", "findings", "list", "-f", "json"],
        cwd=ws,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=60) in (0, 141)
    assert_clean(Outcome(0, "", stderr))
