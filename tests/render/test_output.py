"""Report files get the permissions the umask gives any new file (not a private 0600)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from campaign import record_campaign
from qingyang_inspect.render.output import atomic_path


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process's umask after a test changes it."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: None, mask: int, expected: int) -> None:
    os.umask(mask)
    target = tmp_path / "整改台账.xlsx"
    with atomic_path(target, force=False) as tmp:
        tmp.write_bytes(b"report")
    assert mode(target) == expected
    with atomic_path(target, force=True) as tmp:  # an overwrite is a new file too
        tmp.write_bytes(b"again")
    assert mode(target) == expected and target.read_bytes() == b"again"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_reports_written_by_a_real_process_follow_its_umask(tmp_path: Path, fmt: str) -> None:
    ws = tmp_path / "ws"
    record_campaign(ws)
    out = tmp_path / f"ledger.{fmt}"
    command = (
        f"umask 027 && exec {sys.executable} -m qingyang_inspect -w {ws} "
        f"report rectification -f {fmt} -o {out}"
    )
    done = subprocess.run(["sh", "-c", command], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert mode(out) == 0o640


def test_a_target_in_a_folder_that_does_not_exist_says_how_to_fix_it(tmp_path: Path) -> None:
    from qingyang_inspect.errors import ReportError

    with (
        pytest.raises(ReportError) as refused,
        atomic_path(tmp_path / "无" / "台账.xlsx", force=False),
    ):
        pass
    assert refused.value.message == f"输出目录 {tmp_path / '无'} 不存在"
    assert refused.value.hint == "先创建这个目录，或用 -o 指定已有目录中的文件"
    assert not (tmp_path / "无").exists()
