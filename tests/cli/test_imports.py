"""The start-up rule, in real processes: what each command may import.

Building the CLI and printing any ``--help`` import typer and the standard
library only; a command that runs may import the heavy libraries its entry in
the registry (``qingyang_inspect.cli.app.COMMANDS``) allows, and no other. Each
probe is a fresh interpreter, so ``sys.modules`` holds exactly what one
invocation loaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qingyang_inspect.cli.app import COMMANDS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: Libraries that cost start-up time or belong to one kind of command only.
HEAVY = frozenset(
    {
        "pydantic",
        "pydantic_core",
        "yaml",
        "rich",
        "openpyxl",
        "xlsxwriter",
        "PIL",
        "sqlite3",
        "_sqlite3",
        "chinese_calendar",
        "docx",
        "lxml",
    }
)
#: Database drivers: no command loads any but SQLite's.
DB_DRIVERS = frozenset(
    {
        "psycopg",
        "psycopg2",
        "pymysql",
        "MySQLdb",
        "mysql",
        "sqlalchemy",
        "duckdb",
        "pyodbc",
        "oracledb",
        "cx_Oracle",
        "apsw",
        "dbm",
    }
)
#: A library counts as loaded under the name of the package it belongs to.
ALIASES = {"pydantic_core": "pydantic", "_sqlite3": "sqlite3"}

PROBE = """
import json, sys
sys.argv = ["inspect", *json.loads(sys.argv[1])]
from qingyang_inspect.cli.main import main
code = 0
try:
    main()
except SystemExit as exit:
    code = exit.code or 0
roots = {name.split(".")[0] for name in sys.modules}
print(json.dumps({"code": code, "roots": sorted(roots)}), file=sys.__stderr__)
"""


def probe(args: list[str], cwd: Path) -> tuple[int, set[str], str]:
    """Run ``inspect args`` in a fresh interpreter: exit code, loaded heavy libraries, stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    env["INSPECT_INSPECTOR"] = "张三"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    roots = set(report["roots"])
    heavy = {ALIASES.get(r, r) for r in roots & (HEAVY | DB_DRIVERS)}
    return report["code"], heavy, done.stderr


def help_invocations() -> list[list[str]]:
    """``--help`` of the app, every command and every sub-command."""
    import typer

    from qingyang_inspect.cli.app import app

    root = typer.main.get_command(app)
    found = [["--help"]]
    for name, command in getattr(root, "commands", {}).items():
        found.append([name, "--help"])
        found += [[name, sub, "--help"] for sub in getattr(command, "commands", {})]
    return found


@pytest.mark.parametrize("args", help_invocations(), ids=" ".join)
def test_help_loads_nothing_heavy(args: list[str], tmp_path: Path) -> None:
    code, heavy, stderr = probe(args, tmp_path)
    assert code == 0, stderr
    # typer 0.29 builds pydantic adapters for the options it parses (not for the app's help).
    allowed = set() if args == ["--help"] else {"pydantic"}
    assert heavy <= allowed


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, set[str], str]]:
    """Each top-level command run once for real, in order, in one workspace."""
    root = tmp_path_factory.mktemp("imports")
    ws = root / "ws"
    shutil.copytree(EXAMPLES / "valid" / "minimal", ws)
    setup = probe(["round", "open", "R1", "--kind", "supervision"], ws)
    assert setup[0] == 0, setup[2]
    # A failed finding for rectify and recheck (this run also warms the catalog cache).
    record = [
        "record",
        *("--site", "M1", "--item", "CM-EN-01", "--result", "fail", "--count", "1"),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "qingyang_inspect", *record],
        cwd=ws,
        capture_output=True,
        text=True,
        env={**os.environ, "INSPECT_INSPECTOR": "张三"},
        check=True,
    )
    finding = done.stdout.strip()
    invocations = {
        "validate": ["validate"],
        "schema": ["schema", "--output", str(root / "schema")],
        "init": ["init", str(root / "new")],
        "record": ["record", "--site", "M1", "--item", "CM-AD-01", "--result", "pass"],
        "rectify": ["rectify", finding, "--note", "已整改"],
        "recheck": ["recheck", finding, "--pass"],
        "standards": ["standards", "list"],
        "sites": ["sites", "list"],
        "round": ["round", "list"],
        "findings": ["findings", "list"],
        "export-findings": ["export-findings", "-o", str(root / "bundle.zip")],
        "merge": ["merge", str(root / "bundle.zip")],
        "report": ["report", "rectification", "--output", str(root / "ledger.xlsx")],
        "checklist": ["checklist", "export", "--round", "R1", "-o", str(root / "lists")],
        "import": ["import", str(root / "lists"), "--dry-run"],
        "store": ["store", "copy", "--to", str(root / "copy" / "store.sqlite")],
    }
    assert invocations.keys() == COMMANDS.keys(), "every registered command is probed"
    return {name: probe(args, ws) for name, args in invocations.items()}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_loads_only_what_it_may(
    name: str, runs: dict[str, tuple[int, set[str], str]]
) -> None:
    code, heavy, stderr = runs[name]
    assert code == 0, stderr
    assert heavy <= COMMANDS[name].may_load, (
        f"{name} loaded {sorted(heavy - COMMANDS[name].may_load)}"
    )
    assert not heavy & DB_DRIVERS


def test_record_with_options_loads_only_sqlite(
    runs: dict[str, tuple[int, set[str], str]],
) -> None:
    """The fast path: the rule's pydantic and rich are for the walk, Pillow for photos."""
    _, heavy, _ = runs["record"]
    assert heavy == {"sqlite3"}


def test_record_reads_the_holiday_file_from_its_cache(tmp_path: Path) -> None:
    """A failure's due date needs the calendar and the holiday file: each read once, then cached."""
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "valid" / "minimal", ws)
    shutil.copy(EXAMPLES / "holidays" / "valid-2027" / "holidays.yaml", ws / "holidays.yaml")
    assert probe(["round", "open", "R1", "--kind", "supervision"], ws)[0] == 0
    fail = ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail"]
    first = probe(fail, ws)
    assert first[0] == 0, first[2]
    code, heavy, stderr = probe(fail, ws)
    assert code == 0, stderr
    # The first run kept copies of the holiday file and of the package's tables.
    assert not heavy & {"yaml", "chinese_calendar"}
    assert heavy <= COMMANDS["record"].may_load


def test_reminders_load_no_spreadsheet_word_or_terminal_library(tmp_path: Path) -> None:
    """``report reminders`` (text or CSV) needs the store and the calendar only, even when
    it names the site file to fix (a unit without a phone)."""
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "valid" / "minimal", ws)
    assert probe(["round", "open", "R1", "--kind", "supervision"], ws)[0] == 0
    fail = ["record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail"]
    assert probe(fail, ws)[0] == 0
    for fmt in ("text", "csv"):
        code, heavy, stderr = probe(["report", "reminders", "--due-within", "5", "-f", fmt], ws)
        assert code == 0, stderr
        assert "sites/sites.yaml:2" in stderr  # the warning naming the file and line
        # typer builds pydantic adapters for the options it parses.
        assert heavy <= {"sqlite3", "chinese_calendar", "pydantic"}, sorted(heavy)
