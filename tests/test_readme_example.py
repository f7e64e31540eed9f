"""The README's June round, run for real: its ledger as of mid-June is the README's table.

The commands of the fenced block under "Recording findings" run as written, in
bash, through the installed ``inspect`` console script, in a fresh home folder
(``~/督查2026``). The only additions are the two photos the block names and
``set -euo pipefail``. Then the block's own ``report rectification … --as-of``
line runs again as JSON, and its rows must be the hand-written table below the
block, row for row: a change to either the commands or the table fails here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent

STATUS = {"待整改": "open", "已整改待复查": "rectified", "已销号": "closed"}
VARIABLE = re.compile(r"^`\$\{(\w+): -10\}`$")


def example_block() -> str:
    """The first ``sh`` block of the README's "Recording findings" section."""
    section = README.split("\n## Recording findings\n", 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", section, re.S)
    assert match, "no command block under 'Recording findings'"
    return match.group(1)


def example_table() -> list[list[str]]:
    """The cells of the hand-written ledger under the block (header and rule left out)."""
    section = README.split("\n## Recording findings\n", 1)[1]
    lines = section.split("| 序号 | 问题编号 |", 1)[1].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    assert rows, "no ledger table after the example"
    return rows


def ledger_line(block: str) -> str:
    """The block's ``report rectification … --as-of … -f table`` line, asking for JSON."""
    lines = [line for line in block.splitlines() if "report rectification" in line]
    assert len(lines) == 1 and "--as-of" in lines[0], lines
    command = lines[0].split("#", 1)[0].strip()
    assert command.endswith("-f table"), command
    return command.removesuffix("-f table") + "-f json"


def test_every_step_of_the_june_round_is_dated_in_june() -> None:
    """Each command that writes a finding, a step or the closing says when, in June."""
    commands = re.sub(r"\\\n\s*", " ", example_block()).splitlines()
    writes = [
        c
        for c in commands
        if re.search(r"inspect (record|rectify|recheck|findings (amend|void)|round close)\b", c)
    ]
    assert len(writes) >= 12
    for command in writes:
        assert re.search(r'--at "2026-06-\d\d \d\d:\d\d"', command), command


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Run the block; the variables the table names, the ledger as JSON, each finding's
    history."""
    home = tmp_path_factory.mktemp("home")
    photos = tmp_path_factory.mktemp("photos")
    Image.new("RGB", (64, 48), (200, 40, 40)).save(photos / "east-gate.jpg")
    Image.new("RGB", (64, 48), (40, 160, 60)).save(photos / "after.jpg")
    block = example_block()
    table = example_table()
    names = ["ID", "ID2", "SPOT", "DUP"]  # the table's, and the voided duplicate
    for row in table:
        match = VARIABLE.match(row[1])
        if match and match.group(1) not in names:
            names.append(match.group(1))
    script = ["set -euo pipefail"]
    for line in block.splitlines():
        script.append(line)
        if line.startswith("cd "):
            script.append(f'cp "{photos}"/*.jpg .')
    script.append(ledger_line(block) + ' > "$HOME/ledger.json"')
    for name in names:
        script.append(f'echo "{name}=${{{name}}}" >> "$HOME/vars"')
        script.append(f'inspect findings show "${name}" -f json > "$HOME/show-{name}.json"')
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    env.update(HOME=str(home), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", COLUMNS="80")
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=home,
        env=env,
        stdin=subprocess.DEVNULL,  # the interactive walk ends at once, recording nothing
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    variables = dict(
        line.split("=", 1) for line in (home / "vars").read_text(encoding="utf-8").splitlines()
    )
    return {
        "vars": variables,
        "ledger": json.loads((home / "ledger.json").read_text(encoding="utf-8")),
        "shows": {
            name: json.loads((home / f"show-{name}.json").read_text(encoding="utf-8"))
            for name in names
        },
        "table": table,
        "stdout": done.stdout,
    }


def expected_row(cells: list[str], variables: dict[str, str]) -> dict[str, object]:
    """A row of the README's table as the ledger's JSON fields."""
    seq, number, site, item, status, due, late = cells
    match = VARIABLE.match(number)
    assert match, f"问题编号 {number!r} names no shell variable"
    row: dict[str, object] = {
        "seq": int(seq),
        "problem_number": variables[match.group(1)][-10:],
        "site": site,
        "item_id": item,
        "status": STATUS[status],
        "due_date": due,
        "overdue_days": 0,
        "days_late": None,
    }
    if m := re.fullmatch(r"逾期 (\d+) 天", late):
        row["overdue_days"] = int(m.group(1))
    elif m := re.fullmatch(r"逾期销号 (\d+) 天", late):
        row["days_late"] = int(m.group(1))
    else:
        assert late == "否", late
    return row


def test_the_ledger_as_of_mid_june_is_the_readme_table(ran: dict[str, object]) -> None:
    ledger = ran["ledger"]
    variables = ran["vars"]
    assert isinstance(ledger, dict) and isinstance(variables, dict)
    assert ledger["as_of"] == "2026-06-15"
    table = ran["table"]
    assert isinstance(table, list)
    expected = [expected_row(cells, variables) for cells in table]
    actual = [
        {
            "seq": row["seq"],
            "problem_number": row["problem_number"],
            "site": f"{row['site_id']} {row['site_name']}",
            "item_id": row["item_id"],
            "status": row["status"],
            "due_date": row["due_date"],
            "overdue_days": row["overdue_days"],
            "days_late": row["days_late"],
        }
        for row in ledger["rows"]
    ]
    assert actual == expected
    # The table's terminal form, printed by the block itself, carries the numbers too.
    for row in expected:
        assert str(row["problem_number"]) in str(ran["stdout"])


def test_every_event_of_the_example_happened_in_june(ran: dict[str, object]) -> None:
    """Found, rectified, re-checked, amended, voided: all dated in June, entered today."""
    shows = ran["shows"]
    assert isinstance(shows, dict)
    kinds = set()
    for show in shows.values():
        assert show["finding"]["found_at"].startswith("2026-06-")
        for event in show["events"]:
            kinds.add(event["kind"])
            assert event["at"].startswith("2026-06-"), event
            assert event["entered_at"] > event["at"]
    assert {"recorded", "rectified", "rechecked", "amended", "voided"} <= kinds
