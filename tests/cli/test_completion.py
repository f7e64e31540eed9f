"""Shell completion (README, "Completion"): typer's protocol through the lazy command registry."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def complete(words: str, shell: str = "bash") -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    env.update(
        _INSPECT_COMPLETE=f"complete_{shell}",
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split(" ")) - 1),
    )
    probe = "import sys; sys.argv = ['inspect']\nfrom qingyang_inspect.cli.main import main\nmain()"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_script_for_bash() -> None:
    env = {**os.environ, "_INSPECT_COMPLETE": "source_bash"}
    done = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect"], capture_output=True, text=True, env=env
    )
    assert (
        done.returncode == 0
        and "complete -o" in done.stdout
        and "_inspect_completion" in done.stdout
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("inspect rec", ["record", "rectify", "recheck"]),
        ("inspect round open 督导 --kind s", ["self-check", "supervision"]),
        ("inspect record --si", ["--site"]),
        ("inspect report acceptance --fo", ["--format", "--force"]),
    ],
)
def test_commands_options_and_codes_complete(words: str, expected: list[str]) -> None:
    assert complete(words).split() == expected
