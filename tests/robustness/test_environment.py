"""Hostile environments: what the tool reads from variables, and the terminal it is given.

Before the fixes: ``COLUMNS=0`` printed an empty list and exit 0 (a width of
nothing), ``COLUMNS=²`` failed inside rich with a traceback, and an inspector
name with an escape sequence from ``INSPECT_INSPECTOR`` was stored as given.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import (
    RECORD,
    assert_clean,
    assert_refused,
    environment,
    invoke,
    run_process,
    snapshot,
)

INSPECTOR = {
    "escape": ("\x1b[2J王督导", "U+001B"),
    "newline": ("王督导\n李督导", "U+000A"),
    "del": ("王\x7f", "U+007F"),
    "csi": ("王\x9b1m", "U+009B"),
}


@pytest.mark.parametrize("case", INSPECTOR)
def test_an_inspector_from_the_environment_is_checked_as_typed(ws: Path, case: str) -> None:
    value, words = INSPECTOR[case]
    before = snapshot(ws)
    done = invoke(ws, *RECORD, env={"INSPECT_INSPECTOR": value})
    assert_refused(done, words=words)
    assert snapshot(ws) == before


def test_an_inspector_in_the_workspace_config_is_checked(ws: Path) -> None:
    config = ws / "inspect.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'inspector = "王\\u001b[8m"\n', encoding="utf-8"
    )
    before = snapshot(ws)
    done = invoke(ws, *RECORD, env={"INSPECT_INSPECTOR": ""})
    assert_refused(done, words=["inspect.toml", "inspector"])
    assert snapshot(ws) == before


def test_a_district_with_an_escape_is_refused(ws: Path) -> None:
    config = ws / "inspect.toml"
    text = config.read_text(encoding="utf-8").replace('"测试区"', '"测试\\u001b]0;x\\u0007区"')
    config.write_text(text, encoding="utf-8")
    done = invoke(ws, "report", "rectification", "-f", "csv")
    assert_refused(done, words=["inspect.toml", "district"])


@pytest.mark.parametrize(
    ("kind", "words"),
    [("missing", "inspect.toml"), ("file", "--workspace"), ("fifo", "--workspace")],
)
def test_a_workspace_variable_that_names_no_workspace(
    ws: Path, tmp_path: Path, kind: str, words: str
) -> None:
    target = tmp_path / "target"
    if kind == "file":
        target.write_text("not a folder", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(target)
    done = run_process(
        ["findings", "list"], cwd=tmp_path, env=environment(INSPECT_WORKSPACE=str(target))
    )
    assert_refused(done, words=words)


@pytest.mark.parametrize("lang", ["\x1b[2J", "xx" * 500, "zh-\u202e"])
def test_a_language_that_is_not_one(ws: Path, lang: str) -> None:
    done = invoke(ws, "findings", "list", env={"INSPECT_LANG": lang})
    assert_clean(done)
    assert done.code in (0, 2)


@pytest.mark.parametrize(
    ("columns", "lines"),
    [("0", ""), ("-5", ""), ("²", ""), ("abc", ""), ("99999999999", ""), ("3", ""), ("80", "²")],
    ids=["zero", "negative", "superscript", "word", "eleven-digits", "three", "lines-superscript"],
)
def test_a_terminal_width_that_is_not_one_still_shows_the_findings(
    ws: Path, columns: str, lines: str
) -> None:
    done = invoke(ws, "findings", "list", env={"COLUMNS": columns, "LINES": lines})
    assert done.code == 0, done.stderr
    assert_clean(done)
    assert "CM-EN" in done.stdout.replace("\n", "") or "CM-" in done.stdout


def test_help_with_a_width_that_is_not_one(ws: Path) -> None:
    done = invoke(ws, "record", "--help", env={"COLUMNS": "²"})
    assert done.code == 0, done.stderr
    assert "--site" in done.stdout


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "LANG": "C"},
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "gbk"},
        {"TMPDIR": "/nonexistent/tmp"},
    ],
    ids=["c-locale", "ascii-output", "gbk-output", "missing-tmpdir"],
)
def test_a_poor_environment_still_runs_the_workflow(
    ws: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    for args in (
        ["findings", "list"],
        [*RECORD, "--note", "门口有垃圾"],
        ["report", "rectification", "-o", str(tmp_path / "ledger.xlsx"), "--force"],
    ):
        done = run_process(args, cwd=ws, env=environment(**env))
        assert done.code == 0, (args, done.stderr)
        assert_clean(done)


def test_stdin_that_is_not_text_in_the_walk(ws: Path) -> None:
    """Bytes typed in another encoding: a message and another try, never a traceback."""
    answers = b"\n".join([b"fail", b"1", b"\xb9\xfd\xc6\xda", b"", b"", b"n", b"q"]) + b"\n"
    done = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", "record", "--site", "M1", "--round", "R1"],
        cwd=ws,
        env=environment(),
        input=answers,
        capture_output=True,
        timeout=60,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
