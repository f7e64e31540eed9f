"""Helpers shared by the store and store-CLI tests (importable: ``tests`` is on the path)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qingyang_inspect.findings.ids import new_finding_id, number_of
from qingyang_inspect.findings.model import Finding

CST = dt.timezone(dt.timedelta(hours=8))
#: "Now" in the store tests: the library never reads the clock, tests choose it.
NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=CST)
ROUND = "2026-06 督导"
#: The date of the round of the store tests: findings of the days before ``NOW`` are in it.
ROUND_DATE = NOW.date() - dt.timedelta(days=7)


def make_facts(**overrides: Any) -> Finding:
    """A valid failed finding at M1 / CM-EN-01, with ``overrides``."""
    values: dict[str, Any] = {
        "id": new_finding_id(NOW),
        "round_name": ROUND,
        "site_id": "M1",
        "item_id": "CM-EN-01",
        "result": "fail",
        "occurrences": 1,
        "inspector": "张三",
        "found_at": NOW - dt.timedelta(hours=1),
        "recorded_at": NOW,
        "due_date": NOW.date() + dt.timedelta(days=1),
    }
    values.update(overrides)
    values.setdefault("number", number_of(values["id"]))
    if values["result"] != "fail" and "occurrences" not in overrides:
        values["occurrences"] = 0
        values["due_date"] = None
    return Finding(**values)


def cli(run_cli: Any, workspace: Any, *args: str, inspector: str | None = "张三") -> Any:
    """Run ``inspect -w WORKSPACE ARGS…`` in-process as ``inspector`` (``None``: no inspector)."""
    env = {"COLUMNS": "200"}  # wide tables: no cell is folded across lines
    if inspector:
        env["INSPECT_INSPECTOR"] = inspector
    return run_cli("-w", str(workspace), *args, env=env)


# -- both backends (tests/store/conftest.py runs the store's tests on each) ------------


def integrity_errors() -> tuple[type[Exception], ...]:
    """What either engine raises for a row that breaks a rule (CHECK, key, trigger)."""
    import sqlite3

    import psycopg

    return (sqlite3.IntegrityError, psycopg.errors.IntegrityError)


def database_errors() -> tuple[type[Exception], ...]:
    """What either engine raises for a statement it refuses."""
    import sqlite3

    import psycopg

    return (sqlite3.Error, psycopg.Error)


def raw_execute(workspace: Any, *statements: str) -> None:
    """Run ``statements`` on the workspace's store behind the store's back, committed."""
    if workspace.store_url is not None:
        import psycopg

        with psycopg.connect(workspace.store_url, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)
        return
    import sqlite3

    conn = sqlite3.connect(workspace.store)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def table_names(store: Any) -> set[str]:
    """The tables of an open store, on either engine."""
    return {row[0] for row in store._conn.execute(store._dialect.list_tables)}


def use_server(root: Any, url: str) -> None:
    """Point the workspace at ``root`` to the server store ``url`` (its ``inspect.toml``'s
    ``store`` line), leaving every other workspace on its own file."""
    config = root / "inspect.toml"
    lines = config.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("store =")]
    config.write_text("\n".join([*kept, f'store = "{url}"']) + "\n", encoding="utf-8")


def backend_url(request: Any) -> str | None:
    """The URL of a new database when the test runs on the server (it takes ``backend``,
    parametrized by the root ``conftest.py``), else ``None``."""
    if "backend" in request.fixturenames and request.getfixturevalue("backend") == "postgresql":
        url: str = request.getfixturevalue("pg_url")
        return url
    return None
