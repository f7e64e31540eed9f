"""The store's tests run against both backends: a SQLite file and a PostgreSQL server.

Every test here that uses the ``workspace`` (hence ``store``) or ``store_env``
fixture runs twice, ``[sqlite]`` and ``[postgresql]``, unless marked
``sqlite_only`` (a test of SQLite itself: its pragmas, files and upgrades of old
files). On the server, ``INSPECT_STORE`` names a new database for the test, so
commands run in-process or as real processes use it too. Tests may take
``backend`` to know which one they run on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qingyang_inspect.store.address import ENV_STORE
from qingyang_inspect.workspace import Workspace, load_workspace

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("backend", BACKENDS[:1] if only_sqlite else BACKENDS)


@pytest.fixture
def store_env(backend: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test's backend; on the server, ``INSPECT_STORE`` set to a new database."""
    if backend != "sqlite":
        url: str = request.getfixturevalue("pg_url")
        monkeypatch.setenv(ENV_STORE, url)
    return backend


@pytest.fixture
def workspace(minimal_workspace: Path, store_env: str) -> Workspace:
    """The minimal workspace, its store a SQLite file or a new database on the server."""
    return load_workspace(minimal_workspace)
