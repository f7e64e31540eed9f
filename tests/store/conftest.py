"""The store's tests run against both backends: a SQLite file and a PostgreSQL server.

Every test here that uses the ``workspace`` (hence ``store``) or ``store_env``
fixture runs twice, ``[sqlite]`` and ``[postgresql]``, unless marked
``sqlite_only`` (a test of SQLite itself: its pragmas, files and upgrades of old
files); the parametrization and ``store_env`` are the root ``conftest.py``'s. On the
server, ``INSPECT_STORE`` names a new database for the test, so commands run
in-process or as real processes use it too. Tests may take ``backend`` to know
which one they run on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qingyang_inspect.workspace import Workspace, load_workspace


@pytest.fixture
def workspace(minimal_workspace: Path, store_env: str) -> Workspace:
    """The minimal workspace, its store a SQLite file or a new database on the server."""
    return load_workspace(minimal_workspace)
