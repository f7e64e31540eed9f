"""Real processes record into one store at once: every finding is stored exactly once.

Eight processes of fifty findings into a SQLite file; sixteen of a hundred into a
server store (the team's case: an office of inspectors at once).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace
from store_helpers import cli

SCRIPT = Path(__file__).parent / "scripts" / "record_many.py"
WORKERS = 8
#: Processes and findings each, by backend.
LOAD = {"sqlite": (8, 50), "postgresql": (16, 100)}


@pytest.mark.slow
def test_processes_record_at_once(run_cli: Any, minimal_workspace: Path, store_env: str) -> None:
    ws = minimal_workspace
    workers, each = LOAD[store_env]
    opened = cli(run_cli, ws, "round", "open", "R1", "--kind", "supervision")
    assert opened.exit_code == 0, opened.stderr
    go = ws / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(SCRIPT), str(ws), str(worker), str(each), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(workers)
    ]
    time.sleep(0.5)  # let every process reach the start line
    go.touch()
    outputs = [proc.communicate(timeout=240) for proc in procs]
    printed: list[str] = []
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert "database is locked" not in err
        assert "Traceback" not in err and "错误" not in err, err
        assert proc.returncode == 0, err
        ids = out.split()
        assert len(ids) == each
        printed.extend(ids)
    assert len(set(printed)) == workers * each

    with Store.open(load_workspace(ws), readonly=True) as store:
        findings = list(store.iter_findings())
        assert sorted(f.id for f in findings) == sorted(printed)
        notes = sorted(f.note or "" for f in findings)
        expected = sorted(f"worker {w} finding {n}" for w in range(workers) for n in range(each))
        assert notes == expected  # each stored exactly once
        assert all(len(store.events(f.id)) == 1 for f in findings[:: len(findings) // 20])
        assert {f.inspector for f in findings} == {f"检查员{w}" for w in range(workers)}
        assert store.check() == []


@pytest.mark.slow
def test_concurrent_first_use_creates_the_store_once(
    minimal_workspace: Path, store_env: str
) -> None:
    """Eight processes open a store that does not exist yet: one creates it, none fails."""
    ws = minimal_workspace
    env_script = (
        "import os, sys\n"
        "os.environ['INSPECT_INSPECTOR'] = 'x'\n"
        "from qingyang_inspect.cli.app import app\n"
        "app(['-w', sys.argv[1], 'round', 'open', sys.argv[2], '--kind', 'self-check'])\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", env_script, str(ws), f"R{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WORKERS)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "locked" not in err
    with Store.open(load_workspace(ws), readonly=True) as store:
        assert sorted(r.name for r in store.rounds()) == [f"R{n}" for n in range(WORKERS)]
        assert store.schema_version() == store.current_version
