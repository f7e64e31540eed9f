"""SIGKILL in the middle of a write: the store opens consistently, with no partial finding.

(On both backends: a server rolls back the transaction of a client that died.)

The writer is a real process (``scripts/crash_writer.py``) that commits a few
findings, then stops inside a transaction and is killed there; a second test
kills real ``inspect record --photo`` processes at arbitrary moments.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli

SCRIPT = Path(__file__).parent / "scripts" / "crash_writer.py"


def photos(folder: Path) -> Path:
    Image.new("RGB", (24, 24), "orange").save(folder / "old.png")
    Image.new("RGB", (24, 24), "purple").save(folder / "new.png")
    return folder / "old.png"


def assert_consistent(workspace: Path) -> list[str]:
    """The store opens, passes every check (every photo it names is there), and each finding
    has its whole first event."""
    ws = load_workspace(workspace)
    with Store.open(ws) as store:  # a writable open: recovers the WAL, checks the version
        assert store.check() == []
        findings = list(store.iter_findings(include_voided=True))
        for finding in findings:
            events = store.events(finding.id)
            assert events and events[0].kind == "recorded"
            for photo in finding.photos:
                assert (store.evidence_dir / photo.relpath).is_file()
    with Store.open(ws, readonly=True) as store:
        orphans = store._conn.execute(
            "SELECT COUNT(*) FROM events e LEFT JOIN findings f ON f.id = e.finding_id "
            "WHERE f.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    if ws.store_url is None:
        raw = sqlite3.connect(ws.store)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            raw.close()
    return [f.id for f in findings]


@pytest.fixture
def ws(run_cli: Any, minimal_workspace: Path, store_env: str) -> Path:
    result = cli(run_cli, minimal_workspace, "round", "open", "R1", "--kind", "supervision")
    assert result.exit_code == 0, result.stderr
    return minimal_workspace


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["record", "rectify", "batch"])
def test_sigkill_inside_a_transaction_leaves_no_trace(ws: Path, tmp_path: Path, mode: str) -> None:
    photo = photos(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(ws), mode, str(photo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    committed_line = proc.stdout.readline()
    holding = proc.stdout.readline()
    assert committed_line.startswith("COMMITTED") and holding.strip() == "HOLDING", (
        committed_line + holding + (proc.stderr.read() if proc.stderr else "")
    )
    if mode == "batch":
        time.sleep(0.2)  # well inside the bulk transaction
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=10)  # reap it and close the pipes
    assert proc.returncode == -signal.SIGKILL

    committed = committed_line.split()[1:]
    assert sorted(assert_consistent(ws)) == sorted(committed)
    with Store.open(load_workspace(ws), readonly=True) as store:
        # The rectification never happened: the finding is still open, one event.
        assert [len(store.events(i)) for i in committed] == [1, 1, 1]
        assert all(store.finding(i).status == "open" for i in committed)
        # The first finding's committed photo is there; the killed write's photo
        # file may remain in the evidence folder, but nothing refers to it.
        assert len(store.finding(committed[0]).photos) == 1


@pytest.mark.slow
def test_sigkill_of_real_record_commands_at_any_moment(ws: Path, tmp_path: Path) -> None:
    env = {**os.environ, "INSPECT_INSPECTOR": "张三"}
    recorded = 0
    for n, delay in enumerate((0.05, 0.15, 0.25, 0.35, 0.45, 0.6)):
        photo = tmp_path / f"p{n}.png"
        Image.new("RGB", (24, 24), (n * 40, 10, 10)).save(photo)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "qingyang_inspect",
                "-w",
                str(ws),
                "record",
                "--site",
                "M1",
                "--item",
                "CM-EN-01",
                "--result",
                "fail",
                "--photo",
                str(photo),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        recorded += bool(out.strip())
        found = assert_consistent(ws)
        assert len(found) >= recorded
