"""Writing report files: atomic, never an unasked overwrite; the progress bar's rules."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from qingyang_inspect.errors import ReportError
from qingyang_inspect.render.output import atomic_path, check_target, safe_filename


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target, force=True) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_a_complete_write_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    with atomic_path(target, force=False) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_existing_targets_need_force(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ReportError) as info:
        check_target(target, force=False)
    assert "已存在" in info.value.message and info.value.hint and "--force" in info.value.hint
    check_target(target, force=True)
    with pytest.raises(ReportError):
        check_target(tmp_path, force=True)  # a folder is never overwritten
    with pytest.raises(ReportError, match="不存在"):
        check_target(tmp_path / "missing" / "r.xlsx", force=False)


def test_safe_filename() -> None:
    assert safe_filename("2026/06 督导:第1轮") == "2026_06 督导_第1轮"
    assert safe_filename("..") == "_"


def test_progress_only_on_a_terminal_and_after_a_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    from qingyang_inspect.cli import report

    with report._progress(10) as progress:
        assert progress is None  # pytest's stderr is not a terminal

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    ticks = [0.0, 0.1, 2.0]
    monkeypatch.setattr("time.monotonic", lambda: ticks.pop(0) if ticks else 5.0)
    with report._progress(3) as progress:
        assert progress is not None
        progress(1)  # 0.1 s: nothing shown yet
        assert fake.getvalue() == ""
        progress(1)  # 2.0 s: the bar appears
        progress(1)
    assert fake.getvalue() != ""
