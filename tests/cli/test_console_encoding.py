"""Chinese Windows consoles: output in GBK / GB18030 / cp936 never ends a command halfway.

A note can hold a character GBK lacks (an emoji typed on a phone); printed to a
console or a file in GBK, Python would raise in the middle of a table. Real
processes, with the encoding chosen by ``PYTHONIOENCODING`` or by a stream
opened in cp936 (as a redirected ``cmd.exe`` gets).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTE = "门口有烟蒂👍"  # 👍 is in GB18030, not in GBK (cp936)

CP936_STREAMS = """
import io, sys
sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="cp936")
sys.stderr = io.TextIOWrapper(sys.stderr.buffer, encoding="cp936")
sys.argv = ["inspect", *sys.argv[1:]]
from qingyang_inspect.cli.main import main
main()
"""


def run(ws: Path, encoding: str | None, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECT_", "PYTHONIO"))}
    env.update(INSPECT_INSPECTOR="张三", COLUMNS="120")
    if encoding is None:  # streams opened in cp936 by the program itself
        command = [sys.executable, "-c", CP936_STREAMS, *args]
    else:
        env["PYTHONIOENCODING"] = encoding
        command = [sys.executable, "-m", "qingyang_inspect", *args]
    return subprocess.run(command, cwd=ws, capture_output=True, env=env, check=False)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A workspace holding a finding whose note GBK cannot encode; its id."""
    target = tmp_path_factory.mktemp("gbk") / "ws"
    shutil.copytree(EXAMPLES / "valid" / "minimal", target)
    assert run(target, "utf-8", "round", "open", "R1", "--kind", "督导").returncode == 0
    done = run(
        target, "utf-8", "record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail",
        "--note", NOTE,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    return target, done.stdout.decode().strip()


@pytest.mark.parametrize("encoding", ["gbk", "cp936", "gb18030", None], ids=str)
@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["findings", "list"], 0, "M1 测试农贸市场"),
        (["findings", "show", "{id}"], 0, "门口有烟蒂"),
        (
            ["record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass", "--note", NOTE],
            0,
            "已记录：M1 测试农贸市场",
        ),
        (["record", "--site", "👍", "--item", "CM-AD-01", "--result", "pass"], 2, "错误: 未知点位"),
        (["record", "--help"], 0, "用法: inspect record [选项]"),
        (["round", "open", "R2", "--kind", "👍"], 2, "错误: --kind 的值"),
    ],
    ids=lambda value: " ".join(value[:4]) if isinstance(value, list) else None,
)
def test_output_never_fails_to_encode(
    ws: tuple[Path, str], encoding: str | None, args: list[str], code: int, expected: str
) -> None:
    workspace, finding = ws
    done = run(workspace, encoding, *(a.replace("{id}", finding) for a in args))
    codec = encoding or "cp936"
    out, err = done.stdout.decode(codec), done.stderr.decode(codec)
    assert "Traceback" not in err, err
    assert done.returncode == code, err
    assert expected in out + err
    if "门口有烟蒂" in expected:
        # GB18030 encodes every character; GBK lacks the emoji, which alone is replaced.
        assert (NOTE if encoding == "gb18030" else "门口有烟蒂?") in out


@pytest.mark.parametrize("encoding", ["gbk", None], ids=str)
@pytest.mark.parametrize("output", ["csv", "json"])
def test_machine_formats_stay_utf8_whatever_the_console(
    ws: tuple[Path, str], encoding: str | None, output: str
) -> None:
    """CSV (for Excel, with a BOM) and JSON (for scripts) are UTF-8, every character kept."""
    done = run(ws[0], encoding, "findings", "list", "--format", output)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf") == (output == "csv")
    assert NOTE in done.stdout.decode("utf-8-sig")
