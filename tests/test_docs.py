"""The README documents every command, CI runs exactly the README's test command, and the
README's commands that regenerate code give back the committed files."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from qingyang_inspect.cli.app import app

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, Any]]:
    """``(name, command)`` for every command and sub-command of the built app."""
    root: Any = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []
    for name, command in sorted(root.commands.items()):
        subcommands = getattr(command, "commands", None)
        if subcommands:
            found += [(f"{name} {sub}", c) for sub, c in sorted(subcommands.items())]
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_every_command_is_in_the_readme_and_has_help(name: str, command: Any) -> None:
    assert f"inspect {name}" in README, f"`inspect {name}` is not documented in README.md"
    assert (command.help or "").strip(), f"`inspect {name}` has no help text"


def _fenced_line_after(marker: str) -> str:
    block = README.split(marker, 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", block)
    assert match, f"no command block after {marker!r}"
    return match.group(1)


def test_ci_runs_the_readme_test_command() -> None:
    line = _fenced_line_after("**Tests**")
    assert line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_first_command_runs_the_bundled_workspace() -> None:
    line = _fenced_line_after("**On a fresh machine**")
    assert line.startswith("python3 -m venv .venv && .venv/bin/pip install")
    assert "inspect validate" in line


@pytest.mark.parametrize(
    "generator", ["qingyang_inspect.cli.hotgen", "qingyang_inspect.catalog.coregen"]
)
def test_a_generator_then_ruff_format_gives_the_committed_file(generator: str) -> None:
    """The Development section's ``python -m GENERATOR && ruff format src`` leaves the tree
    clean: the generated text, formatted, is the committed file (which ``ruff check`` passes)."""
    assert f"python -m {generator} && .venv/bin/ruff format src" in README
    module = importlib.import_module(generator)
    target: Path = module.TARGET
    formatted = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "format", "--stdin-filename", str(target), "-"],
        input=module.source(),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    assert formatted == target.read_text(encoding="utf-8"), f"{target.name} differs"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("group", ["round", "findings", "report"])
def test_a_group_summary_in_the_command_list_names_each_of_its_commands(
    group: str, lang: str, run_cli: Any
) -> None:
    """``inspect --help`` sums up these groups as a list of what they do: one entry a command
    (the list once left out ``round repin`` and three of the five reports)."""
    subcommands = [name for name, _ in _commands() if name.startswith(f"{group} ")]
    listing = run_cli("--lang", lang, "--help").stdout
    # The group's line and its continuation lines (indented past the command names).
    found = re.search(rf"^  {group} +(.+(?:\n {{4,}}.+)*)", listing, re.MULTILINE)
    assert found, listing
    summary = re.split("[：:]", " ".join(found.group(1).split()), maxsplit=1)[1]
    entries = summary.split("、") if lang == "zh" else re.split(r", | and ", summary)
    assert len(entries) == len(subcommands), (summary, subcommands)
