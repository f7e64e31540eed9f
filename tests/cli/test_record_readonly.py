"""A store the user cannot write: recording fails with a clear message (exit 2), reading works.

The commands run in a real process whose permissions are really restricted:
as root (tests often run in containers as root) the process loses the
capabilities that let root ignore file modes, so ``chmod`` applies to it.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store_helpers import cli

DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    probe = subprocess.run([*DROP, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot drop root's file capabilities here")
    return DROP


def run(ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INSPECT_INSPECTOR": "张三", "COLUMNS": "200"}
    return subprocess.run(
        [*_prefix(), sys.executable, "-m", "qingyang_inspect", "-w", str(ws), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def recorded(run_cli: Any, minimal_workspace: Path) -> Iterator[Path]:
    ws = minimal_workspace
    assert cli(run_cli, ws, "round", "open", "R1", "--kind", "supervision").exit_code == 0
    result = cli(run_cli, ws, "record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass")
    assert result.exit_code == 0
    folder = ws / ".inspect"
    yield ws
    for path in (folder, *folder.rglob("*")):  # let pytest clean up
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def lock(path: Path) -> None:
    path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


WRITE = ("record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail")


def test_read_only_store_folder(recorded: Path) -> None:
    store = recorded / ".inspect" / "store.sqlite"
    lock(store)
    lock(store.parent)
    refused = run(recorded, *WRITE)
    assert refused.returncode == 2, refused.stderr
    assert "只读" in refused.stderr and "Traceback" not in refused.stderr
    assert refused.stdout == ""
    listed = run(recorded, "findings", "list", "-f", "json")
    assert listed.returncode == 0, listed.stderr
    assert [f["item_id"] for f in json.loads(listed.stdout)] == ["CM-AD-01"]
    assert run(recorded, "round", "list").returncode == 0


def test_read_only_store_file(recorded: Path) -> None:
    lock(recorded / ".inspect" / "store.sqlite")
    refused = run(recorded, *WRITE)
    assert refused.returncode == 2 and "只读" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_read_only_workspace_without_a_store(minimal_workspace: Path) -> None:
    lock(minimal_workspace)
    try:
        refused = run(minimal_workspace, "round", "open", "R1", "--kind", "supervision")
        assert refused.returncode == 2, refused.stderr
        assert "无法创建记录库目录" in refused.stderr and "Traceback" not in refused.stderr
        assert run(minimal_workspace, "findings", "list").returncode == 0
    finally:
        minimal_workspace.chmod(minimal_workspace.stat().st_mode | stat.S_IWUSR)
