"""A recording process for the concurrency test: waits for a start signal, then records N findings.

Usage: ``python record_many.py WORKSPACE WORKER COUNT GO_FILE``. Each finding goes
through the real ``inspect record`` command (parsed by the CLI, one store
connection and one transaction per finding, as when a person runs it N times);
the command tree is built once so the process does not spend its time in
start-up. Prints each new id on stdout; errors go to stderr.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from typer.main import get_command

from qingyang_inspect.cli.app import app

PLAN = [
    ("M1", "CM-EN-01", "fail"),
    ("M1", "CM-AD-01", "pass"),
    ("M2", "NM-03-01", "fail"),
    ("A1", "CM-SF-01", "fail"),
    ("M2", "NM-04-01", "pass"),
]


def main() -> int:
    workspace, worker, count, go = (
        sys.argv[1],
        int(sys.argv[2]),
        int(sys.argv[3]),
        Path(sys.argv[4]),
    )
    os.environ["INSPECT_INSPECTOR"] = f"检查员{worker}"
    command = get_command(app)
    while not go.exists():
        time.sleep(0.005)
    failures = 0
    for n in range(count):
        site, item, result = PLAN[(worker + n) % len(PLAN)]
        args = ["-w", workspace, "record", "--site", site, "--item", item, "--result", result]
        args += ["--note", f"worker {worker} finding {n}"]
        code = command.main(args, prog_name="inspect", standalone_mode=False)
        if code not in (None, 0):
            failures += 1
    sys.stdout.flush()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
