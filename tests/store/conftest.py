"""The store's tests run against both backends: a SQLite file and a PostgreSQL server.

Every test here that uses the ``workspace`` (hence ``store``) fixture runs twice,
``[sqlite]`` and ``[postgresql]``, unless marked ``sqlite_only`` (a test of
SQLite itself: its pragmas, files and locks). Test functions may take
``backend`` to know which one they run on.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from qingyang_inspect.workspace import Workspace, load_workspace

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("backend", BACKENDS[:1] if only_sqlite else BACKENDS)


@pytest.fixture
def workspace(minimal_workspace: Path, backend: str, request: pytest.FixtureRequest) -> Workspace:
    """The minimal workspace, its store a SQLite file or a new database on the server."""
    found = load_workspace(minimal_workspace)
    if backend == "sqlite":
        return found
    url: str = request.getfixturevalue("pg_url")
    return dataclasses.replace(found, store_url=url)
