"""One language from the first word to the last, at 80 columns.

Every command's ``--help`` and wrong invocations of each (every kind of parse
error typer raises, and one per command) are run in both languages with
``COLUMNS=80``. The test fails on an English word in Chinese mode (outside
option names, commands, codes, environment variables and a few names of
formats), on CJK text in English mode, and on any line wider than 80 display
columns (a Chinese character takes two).

Each language runs in its own process: help texts are rendered when a command
is defined, once per process, in the language chosen at start.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from qingyang_inspect.cli.layout import width

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COLUMNS = 80
CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
WORD = re.compile(r"[A-Za-z][A-Za-z_]*[A-Za-z]")
#: Ids and codes: ``NM-01-02``, ``QY-C-01``, ``CM-*``.
IDS = re.compile(r"\b[A-Z]{1,3}(?:-[A-Z0-9*]+)+")
#: Data shown as it is in either language (a default value from the workspace).
DATA = ("成都市青羊区",)
# Names that stay as they are in Chinese text: file formats and tools, the config file.
PROPER = {
    "YAML",
    "JSON",
    "Schema",
    "CSV",
    "UTF",
    "BOM",
    "Excel",
    "GitHub",
    "Actions",
    "inspect",
    "toml",
    "yaml",
    "yml",
    "xlsx",
    "zip",
    "csv",
    "json",
    "YYYY",
    "MM",
    "DD",
    "HH",
    "fqnm",  # an example of pinyin initials
    "PostgreSQL",  # the team store's server, its URL scheme, and the embedded store
    "postgresql",
    "SQLite",
}

#: Wrong invocations that reach every kind of parse error, beside ``--bogus`` for each command.
MISTAKES = [
    ["bogus"],
    ["recrod"],
    ["--lang", "fr", "round", "list"],
    ["record", "--item", "CM-EN-01"],
    ["record", "--site"],
    ["record", "--site", "M1", "--on-spot=yes"],
    ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "maybe"],
    ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--count", "two"],
    ["round", "open"],
    ["round", "open", "R1", "--kind", "weekly"],
    ["round", "bogus"],
    ["findings", "show"],
    ["init", "a", "b"],
    ["report", "rectification", "--status", "gone"],
]

PROBE = """
import json, sys
from typer.testing import CliRunner
from qingyang_inspect.cli.app import app
runner = CliRunner()
out = {}
for line in sys.stdin:
    args = json.loads(line)
    result = runner.invoke(app, args, env={"COLUMNS": "80"})
    out[" ".join(args)] = [result.exit_code, result.stdout + result.stderr]
print(json.dumps(out))
"""


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as the words that invoke it (the app itself first)."""
    import typer

    from qingyang_inspect.cli.app import app

    root: Any = typer.main.get_command(app)
    found: list[list[str]] = [[]]
    for name, command in root.commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


def invocations() -> list[list[str]]:
    found = []
    for path in command_paths():
        found.append([*path, "--help"])
        if path:
            found.append([*path, "--bogus"])
    return found + MISTAKES


@cache
def outputs(lang: str, workspace: str) -> dict[str, tuple[int, str]]:
    """``invocation → (exit code, output)`` for every invocation, in one process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    env.update(INSPECT_LANG=lang, INSPECT_WORKSPACE=workspace, COLUMNS=str(COLUMNS))
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        input="\n".join(json.dumps(args) for args in invocations()) + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found: dict[str, list[Any]] = json.loads(done.stdout)
    return {key: (code, text) for key, (code, text) in found.items()}


@cache
def allowed_words() -> frozenset[str]:
    """Words that are names, not English: options, commands, codes, environment variables."""
    import typer

    from qingyang_inspect.cli.app import app
    from qingyang_inspect.cli.framework import describe
    from qingyang_inspect.cli.spec import codes

    words = set(PROPER)
    root: Any = typer.main.get_command(app)
    stack = [root]
    while stack:
        command = stack.pop()
        for name, sub in getattr(command, "commands", {}).items():
            words.update(WORD.findall(name))
            stack.append(sub)
        for param in describe(command):
            for text in (*param.opts, *codes(param), param.envvar or ""):
                words.update(WORD.findall(text))
    return frozenset(words)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> str:
    import shutil

    target = tmp_path_factory.mktemp("one-language") / "ws"
    shutil.copytree(EXAMPLES / "valid" / "minimal", target)
    return str(target)


CASES = [" ".join(args) for args in invocations()]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", CASES)
def test_one_language_at_80_columns(lang: str, case: str, workspace: str) -> None:
    code, text = outputs(lang, workspace)[case]
    is_help = case.endswith("--help")
    assert code == (0 if is_help else 2), text
    assert text.strip()
    too_wide = [line for line in text.splitlines() if width(line) > COLUMNS]
    assert not too_wide, "\n".join(too_wide)
    typed = set(WORD.findall(case))  # what the user typed is quoted back as typed
    if lang == "zh":
        english = sorted(set(WORD.findall(IDS.sub("", text))) - allowed_words() - typed)
        assert not english, f"English in Chinese mode: {english}\n{text}"
    else:
        for value in DATA:
            text = text.replace(value, "")
        chinese = [line for line in text.splitlines() if CJK.search(line)]
        assert not chinese, "\n".join(chinese)


def test_the_mistakes_cover_every_kind_of_parse_error(workspace: str) -> None:
    """Each kind of error is worded by the catalog (no click text left)."""
    texts = "\n".join(text for _, text in outputs("en", workspace).values())
    for words in (
        "no command 'bogus'",
        "did you mean: record?",
        "unsupported language fr",
        "missing option --site",
        "option --site needs a value",
        "option --on-spot takes no value",
        "invalid value 'maybe' for --result",
        "invalid value 'two' for --count: expected a whole number",
        "missing argument: ROUND",
        "no option --bogus",
        "unexpected extra arguments: b",
        "Usage: inspect round open [OPTIONS] ROUND",
        "Hint: run inspect round open --help for usage",
    ):
        assert words in texts, words
    for click_words in ("Try '", "Error: Missing", "No such option", "Show this message"):
        assert click_words not in texts


@pytest.mark.parametrize(
    "args",
    [
        ["record", "--lang", "en", "--help"],
        ["round", "open", "--help", "--lang=en"],
        ["--lang", "en", "findings", "list", "--help"],
    ],
    ids=" ".join,
)
def test_lang_anywhere_on_the_line(args: list[str], run_cli: Any) -> None:
    result = run_cli(*args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Usage: inspect ")
    assert not CJK.search(result.stdout)


def test_the_workspace_language_covers_help_and_usage_errors(
    run_cli: Any, minimal_workspace: Path
) -> None:
    """A workspace set to English: its help and usage errors are English from the first word."""
    config = minimal_workspace / "inspect.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('language = "zh"', 'language = "en"'),
        encoding="utf-8",
    )
    assert 'language = "en"' in config.read_text(encoding="utf-8")
    helped = run_cli("-w", str(minimal_workspace), "round", "open", "--help")
    assert helped.stdout.startswith("Usage: inspect round open [OPTIONS] ROUND")
    wrong = run_cli("-w", str(minimal_workspace), "round", "open", "R1", "--kind", "weekly")
    assert wrong.exit_code == 2 and "Error: invalid value 'weekly' for --kind" in wrong.stderr
    chinese = run_cli("-w", str(minimal_workspace), "--lang", "zh", "round", "open", "--help")
    assert chinese.stdout.startswith("用法: inspect round open")
