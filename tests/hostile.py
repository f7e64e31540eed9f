"""Helpers of the robustness suite (``tests/robustness``): a workspace in use, runs, snapshots.

Every hostile case runs a real command — in-process through typer's runner, or
as a real process where only a process shows the fault (bytes in ``argv``, a
closed stdout, a FIFO that would hang, a file size limit) — and then checks the
same promises: the exit code, one clear message and no traceback, no control
character reaching the terminal, and nothing changed that the command did not
own: the store (its bytes and its rows), the evidence folder, existing files.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "examples" / "valid" / "minimal"
STORE = Path(".inspect") / "store.sqlite"
EVIDENCE = Path(".inspect") / "evidence"
#: What must never reach a user: Python's own reports of a failure.
NOISE = ("Traceback", "Exception ignored", "Error in sys.excepthook")
#: Control characters a terminal would obey (tab and newline are text).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: What a ``record`` that succeeds needs besides the hostile part.
RECORD = ("record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail")
#: Mounts a small tmpfs (the ``tmpfs`` fixture): ``mount(name, size="1m")`` → its folder.
Mount = Callable[..., Path]


@dataclass(frozen=True)
class Outcome:
    """How a command ended: its exit code and what it printed."""

    code: int
    stdout: str
    stderr: str


def make_image(path: Path, color: str = "red", size: tuple[int, int] = (64, 48)) -> Path:
    """A small real JPEG (or PNG, by the suffix)."""
    Image.new("RGB", size, color).save(path)
    return path


def used_workspace(target: Path) -> Path:
    """The minimal workspace in use: an open round, three findings, one with a photo."""
    shutil.copytree(MINIMAL, target)
    photo = make_image(target.parent / f"{target.name}-photo.jpg")
    steps = [
        ("round", "open", "R1", "--kind", "supervision"),
        (*RECORD, "--count", "2", "--note", "门口有垃圾"),
        ("record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass"),
        (*RECORD, "--photo", str(photo), "--location", "东门"),
    ]
    for args in steps:
        done = invoke(target, *args)
        assert done.code == 0, done.stderr
    return target


def invoke(
    workspace: Path | None,
    *args: str,
    env: dict[str, str] | None = None,
    input: str | None = None,
) -> Outcome:
    """``inspect [-w WORKSPACE] ARGS`` in-process (an exception fails the test: a traceback)."""
    from qingyang_inspect.cli.app import app

    words = ["-w", str(workspace), *args] if workspace is not None else list(args)
    result = CliRunner().invoke(
        app,
        words,
        # Wide: a message is never folded across lines (the words checked stay whole).
        env={"INSPECT_INSPECTOR": "王督导", "COLUMNS": "2000", **(env or {})},
        input=input,
        catch_exceptions=False,
    )
    return Outcome(result.exit_code, result.stdout, result.stderr)


def environment(**more: str) -> dict[str, str]:
    """This process's environment without the user's inspect settings, plus ``more``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    return {**env, "INSPECT_INSPECTOR": "王督导", "COLUMNS": "2000", **more}


def run_process(
    args: Sequence[str | bytes],
    *,
    cwd: Path,
    env: dict[str, str] | dict[bytes, bytes] | None = None,
    timeout: float = 60,
    **popen: object,
) -> Outcome:
    """``inspect ARGS`` as a real process (``python -m qingyang_inspect``); its outcome.

    ``timeout`` turns a hang (a FIFO read forever) into a failed test.
    """
    done = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", *args],
        cwd=cwd,
        env=env if env is not None else environment(),
        capture_output="stdout" not in popen,
        timeout=timeout,
        check=False,
        **popen,  # type: ignore[call-overload]
    )
    out = done.stdout.decode("utf-8", "replace") if done.stdout else ""
    err = done.stderr.decode("utf-8", "replace") if done.stderr else ""
    return Outcome(done.returncode, out, err)


def snapshot(*roots: Path) -> dict[str, str]:
    """What must not change: every file's bytes, and every store's rows.

    Left out: what a command may rebuild at any time (the catalog cache, the
    thumbnails made on first use) and SQLite's transient ``-wal``/``-shm`` files,
    whose content the rows cover.
    """
    found: dict[str, str] = {}
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_dir() and not path.is_symlink():
                continue  # (its files are listed)
            if path.is_symlink() or not path.is_file():
                found[f"{root.name}/{rel}"] = "<not a file>"
                continue
            if "cache" in path.parts or "thumbs" in path.parts:
                continue
            if path.name.endswith(("-wal", "-shm")):
                continue
            found[f"{root.name}/{rel}"] = hashlib.sha256(path.read_bytes()).hexdigest()
            if path.name.endswith(".sqlite") and path.stat().st_size:
                found[f"{root.name}/{rel} rows"] = rows(path)
    return found


def rows(store: Path) -> str:
    """The store's content, table by table (read-only, without locks on its file)."""
    conn = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    except sqlite3.DatabaseError as exc:  # not a database at all: its bytes say it all
        return f"<{exc}>"
    finally:
        conn.close()


def assert_refused(done: Outcome, *, code: int = 2, words: str | Sequence[str] = ()) -> None:
    """Exit ``code``, one message in the tool's words, and each of ``words`` in it."""
    assert done.code == code, (done.code, done.stdout[-2000:], done.stderr[-2000:])
    assert_clean(done)
    assert "错误:" in done.stderr or "Error:" in done.stderr or code == 1, done.stderr
    for word in [words] if isinstance(words, str) else words:
        assert word in done.stderr + done.stdout, (word, done.stderr)


def assert_clean(done: Outcome) -> None:
    """No traceback, no "Exception ignored", no control character for the terminal to obey."""
    for stream in (done.stdout, done.stderr):
        for noise in NOISE:
            assert noise not in stream, stream[-3000:]
        found = RAW_CONTROL.search(stream)
        assert found is None, (repr(found.group()), stream[-500:])


def query(store: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    """The rows ``statement`` selects from the store file ``store`` (read-only)."""
    conn = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def count_findings(store: Path) -> int:
    """Findings in the store file ``store`` (voided ones too)."""
    return int(str(query(store, "SELECT count(*) FROM findings")[0][0]))


def fill(disk: Path) -> None:
    """Fill ``disk`` to the last byte (the files are kept: the disk stays full)."""
    for name, block in (("filler", 65536), ("filler-last", 1)):
        with (disk / name).open("wb", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * block)
            except OSError:
                pass
