"""Every command that writes to stdout stops quietly when its reader goes away.

``inspect findings list -f csv | head -1``: the reader closes the pipe, the
next write fails with EPIPE. The command must end at once, with the shell's
code for it (141, as ``yes | head -1``), and print neither a traceback nor
Python's "Exception ignored" noise from flushing stdout at exit. Real
processes and real pipes: the reader closes either before the command writes
anything or after reading the first line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLOSED_PIPE = 141
NOISE = ("Traceback", "Exception ignored", "BrokenPipe", "Errno 32")


def environment(**more: str) -> dict[str, str]:
    """This process's environment without the user's inspect settings, plus ``more``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    return {**env, "INSPECT_INSPECTOR": "王督导", **more}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated workspace with 2,000 findings: every output is larger than a pipe holds."""
    root = tmp_path_factory.mktemp("pipe") / "ws"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), str(root), "--items", "100",
         "--sites", "100", "--site-types", "5", "--common-items", "10", "--rounds", "1",
         "--items-per-site", "20"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return root


def closed_early(args: list[str], cwd: Path, *, read_first_line: bool) -> tuple[int, str]:
    """Run ``inspect ARGS``; close its stdout at once or after one line; its code and stderr."""
    with subprocess.Popen(
        [sys.executable, "-m", "qingyang_inspect", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(COLUMNS="100"),
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        if read_first_line:
            assert proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read().decode("utf-8")
        return proc.wait(timeout=60), stderr


CATALOG = [
    ["sites", "list"],
    ["sites", "list", "-f", "json"],
    ["standards", "list"],
    ["standards", "list", "-f", "json"],
    ["standards", "show"],
    ["validate", "-f", "json"],
]
STORE = [
    ["findings", "list", "-f", "csv"],
    ["findings", "list", "-f", "json"],
    ["findings", "list"],
    ["round", "list"],
    ["report", "rectification", "-f", "csv", "--as-of", "2026-09-01"],
    ["report", "rectification", "-f", "table", "--as-of", "2026-09-01"],
]


@pytest.mark.parametrize("read_first_line", [False, True], ids=["closed", "head -1"])
@pytest.mark.parametrize("args", CATALOG, ids=" ".join)
def test_catalog_commands(args: list[str], read_first_line: bool) -> None:
    code, stderr = closed_early(args, REPO, read_first_line=read_first_line)
    assert not [n for n in NOISE if n in stderr], stderr
    assert code == CLOSED_PIPE or (read_first_line and code == 0), (code, stderr)


@pytest.mark.parametrize("read_first_line", [False, True], ids=["closed", "head -1"])
@pytest.mark.parametrize("args", STORE, ids=" ".join)
def test_store_commands(args: list[str], read_first_line: bool, big: Path) -> None:
    code, stderr = closed_early(args, big, read_first_line=read_first_line)
    assert not [n for n in NOISE if n in stderr], stderr
    assert code == CLOSED_PIPE or (read_first_line and code == 0), (code, stderr)


def test_a_write_command_keeps_its_work(tmp_path: Path) -> None:
    """``inspect record … | true``: the finding is stored although its id cannot be printed."""
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(REPO / "tests" / "examples" / "valid" / "minimal", ws)
    opened = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", "round", "open", "R1", "--kind", "supervision"],
        cwd=ws,
        capture_output=True,
        check=False,
        env=environment(),
    )
    assert opened.returncode == 0, opened.stderr.decode()
    args = ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "pass"]
    code, stderr = closed_early(args, ws, read_first_line=False)
    assert not [n for n in NOISE if n in stderr], stderr
    assert code == CLOSED_PIPE
    listed = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", "findings", "list", "-f", "json"],
        cwd=ws,
        capture_output=True,
        check=True,
        env=environment(),
    )
    assert [f["item_id"] for f in json.loads(listed.stdout)] == ["CM-EN-01"]
