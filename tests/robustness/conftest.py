"""Fixtures of the robustness suite: a workspace in use, and real faults of the machine."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostile import Mount, used_workspace


@pytest.fixture(scope="session")
def used_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace in use, built once per test process; tests work on copies."""
    return used_workspace(tmp_path_factory.mktemp("template") / "ws")


@pytest.fixture
def ws(used_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the workspace in use: an open round R1 and three findings."""
    target = tmp_path / "ws"
    shutil.copytree(used_template, target, symlinks=True)
    return target


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Mount]:
    """Mount a small tmpfs (``size`` bytes, ``ro`` for a read-only one): a real full disk.

    Needs root on Linux (CI runs as root); skipped elsewhere. Unmounted afterwards.
    """
    mounted: list[Path] = []

    def mount(name: str = "disk", *, size: str = "1m", ro: bool = False) -> Path:
        if not sys.platform.startswith("linux") or os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root on Linux")
        point = tmp_path / name
        point.mkdir()
        options = f"size={size}" + (",ro" if ro else "")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        with contextlib.suppress(OSError):
            subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)
