"""The walk through a real terminal: a pseudo-terminal, keystrokes, and Ctrl-C.

``inspect record --site A1`` runs as a separate process whose controlling
terminal is a pty, so Ctrl-C is what it is for a person: the terminal turns the
``\\x03`` byte into SIGINT for the foreground process group. The test answers two
items, starts a third, presses Ctrl-C in the middle of it, and checks that the
two answered findings are stored, the half-answered one is not, the process
exited with 130 and no traceback; then it resumes and the walk starts at the
unanswered item.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import select
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from qingyang_inspect.findings.model import Finding
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import load_workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

#: Makes the pty the child's controlling terminal (after ``setsid`` by start_new_session),
#: restores the default Ctrl-C, then becomes ``python -m qingyang_inspect``.
LAUNCH = (
    "import fcntl, os, signal, sys, termios\n"
    "fcntl.ioctl(0, termios.TIOCSCTTY, 0)\n"
    # pytest-xdist workers ignore SIGINT, and an ignored signal stays ignored across
    # exec; a person's shell starts commands with the default disposition.
    "signal.signal(signal.SIGINT, signal.SIG_DFL)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'qingyang_inspect', *sys.argv[1:]])\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
#: Only a guard against a hung child; nothing is asserted about how long anything takes.
PATIENCE = 60.0


class Terminal:
    """A process on a pseudo-terminal, driven like a person at the keyboard."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        import fcntl
        import termios

        master, slave = os.openpty()
        # A 100x40 window: rich lays out for it.
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.screen = ""  # everything shown so far, colours stripped
        self.seen = 0  # how much of it earlier expectations consumed

    def expect(self, text: str) -> str:
        """Wait until ``text`` appears after what was already expected; the new output."""
        deadline = time.monotonic() + PATIENCE
        while True:
            found = self.screen.find(text, self.seen)
            if found >= 0:
                shown = self.screen[self.seen : found + len(text)]
                self.seen = found + len(text)
                return shown
            if time.monotonic() > deadline or not self._read(deadline - time.monotonic()):
                self.kill()
                pytest.fail(f"never saw {text!r}; the terminal showed:\n{self.screen}")

    def type(self, keys: str) -> None:
        """Type ``keys`` (``\\r`` is Enter, ``\\x03`` is Ctrl-C)."""
        os.write(self.master, keys.encode())

    def interrupt(self, shown: str) -> None:
        """Press Ctrl-C until ``shown`` appears, as a person would press it again.

        CPython's readline can miss a SIGINT that arrives just before it starts
        waiting for a key (it sees the signal only at the next key press): the
        child then sits at its prompt. A second Ctrl-C always gets through.
        """
        for _ in range(3):
            self.type("\x03")
            deadline = time.monotonic() + 15
            while shown not in self.screen[self.seen :] and self._read(deadline - time.monotonic()):
                pass
            if shown in self.screen[self.seen :]:
                return

    def answer(self, prompt: str, keys: str) -> None:
        """Wait for ``prompt``, then type ``keys`` and Enter."""
        self.expect(prompt)
        self.type(keys + "\r")

    def finish(self) -> int:
        """Read until the process ends; its exit code."""
        deadline = time.monotonic() + PATIENCE
        while self._read(deadline - time.monotonic()):
            pass
        try:
            return self.process.wait(timeout=max(deadline - time.monotonic(), 1))
        finally:
            os.close(self.master)

    def rest(self) -> str:
        """What was shown after the last expectation."""
        return self.screen[self.seen :]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def _read(self, timeout: float) -> bool:
        """Read what is available; ``False`` once the child closed the terminal or time is up."""
        if timeout <= 0:
            return False
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: every process holding the terminal has exited
            return False
        if not data:
            return False
        self.screen += ANSI.sub("", self.decoder.decode(data)).replace("\r\n", "\n")
        return True


@pytest.fixture
def ws(run_cli: Callable[..., Result], minimal_workspace: Path) -> Path:
    opened = run_cli(
        "-w", str(minimal_workspace), "round", "open", "督导1", "--kind", "supervision",
        env={"INSPECT_INSPECTOR": "张三"},
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    return minimal_workspace


@pytest.fixture
def terminal(ws: Path) -> Iterator[Callable[[], Terminal]]:
    """Start ``inspect record --site A1`` in the workspace, on a fresh pseudo-terminal."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INSPECT_", "COLUMNS", "LINES", "NO_COLOR"))
    }
    env.update(INSPECT_INSPECTOR="张三", TERM="xterm-256color", LANG="C.UTF-8", PYTHONUTF8="1")
    started: list[Terminal] = []

    def start() -> Terminal:
        term = Terminal(["record", "--site", "A1"], env, cwd=ws)
        started.append(term)
        return term

    yield start
    for term in started:
        term.kill()


def findings(ws: Path) -> list[Finding]:
    with Store.open(load_workspace(ws), readonly=True) as store:
        return list(store.iter_findings(site_id="A1"))


def test_ctrl_c_keeps_what_was_recorded_and_resume_skips_it(
    terminal: Callable[[], Terminal], ws: Path
) -> None:
    term = terminal()
    term.expect("第 1/3 项 · 公益宣传")
    term.answer("退出 q:", "y")
    term.expect("已记录：符合")
    term.expect("第 2/3 项 · 环境卫生")
    term.answer("退出 q:", "n")
    term.answer("例数", "2")
    term.answer("问题描述", "巷口垃圾 pty")
    term.answer("具体位置", "")
    term.answer("照片路径", "")
    term.answer("立行立改", "")
    term.expect("已记录：不符合 2 例")
    term.expect("第 3/3 项 · 安全消防")
    term.answer("退出 q:", "n")
    term.expect("例数")
    term.interrupt("已中断")  # Ctrl-C halfway through the third answer

    code = term.finish()

    shown = term.rest()
    assert code == 130, term.screen
    assert "Traceback" not in term.screen
    assert "已中断；此前的记录均已保存。" in shown
    assert "本次记录 2 项（符合 1，不符合 1，不适用 0），跳过 0 项；尚余 1 项未记录。" in shown
    assert "继续检查请执行：inspect record --site A1 --round 督导1 --inspector 张三" in shown
    stored = findings(ws)
    assert [(f.item_id, f.result, f.occurrences) for f in stored] == [
        ("CM-AD-01", "pass", 0),
        ("CM-EN-01", "fail", 2),
    ]
    assert stored[1].note == "巷口垃圾 pty"

    again = terminal()
    again.expect("本轮已记录 2 项，待检查 1 项")
    again.answer("是否重新查看？(y/N):", "")
    shown = again.expect("第 3/3 项 · 安全消防")
    assert "第 1/3 项" not in shown
    assert "第 2/3 项" not in shown
    again.answer("退出 q:", "a")
    again.answer("原因", "本巷无消防通道")

    assert again.finish() == 0, again.screen
    assert "尚余 0 项未记录" in again.rest()
    assert [f.item_id for f in findings(ws)] == ["CM-AD-01", "CM-EN-01", "CM-SF-01"]


def test_ctrl_c_pressed_again_while_the_summary_prints_still_ends_quietly(
    terminal: Callable[[], Terminal], ws: Path
) -> None:
    # A person who sees nothing happen at once presses Ctrl-C again, and again:
    # the keys arrive while the summary prints and while Python shuts down.
    term = terminal()
    term.answer("退出 q:", "y")
    term.expect("第 2/3 项 · 环境卫生")
    term.interrupt("已中断")
    while term.process.poll() is None:
        with contextlib.suppress(OSError):
            term.type("\x03" * 8)
        term._read(0.001)

    code = term.finish()

    assert "Traceback" not in term.screen, term.screen
    assert code == 130, term.screen
    # What the summary printed is not asserted: a terminal discards output not yet
    # shown when Ctrl-C is pressed (and echoes ``^C`` amid the rest).
    assert [f.item_id for f in findings(ws)] == ["CM-AD-01"]
