"""Shared fixtures: the CLI runner and copies of the example workspaces."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from pg_cluster import Cluster, start_cluster
from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.recording import open_round
from qingyang_inspect.i18n import set_language
from qingyang_inspect.store import Store
from qingyang_inspect.store.address import ENV_STORE
from qingyang_inspect.workspace import Workspace, load_workspace
from store_helpers import NOW, ROUND, ROUND_DATE

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "examples"

RunCli = Callable[..., Result]


@pytest.fixture(autouse=True)
def _reset_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in Chinese with no workspace, inspector or width from the environment.

    (GNU readline, once a prompt imported it, exports the terminal's ``COLUMNS``.)
    """
    for name in ("INSPECT_LANG", "INSPECT_WORKSPACE", "INSPECT_INSPECTOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    set_language("zh")


@pytest.fixture
def run_cli() -> RunCli:
    """Invoke ``inspect`` in-process; stdout and stderr are kept apart."""
    from qingyang_inspect.cli.app import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def minimal_workspace(tmp_path: Path) -> Path:
    """A fresh copy of ``tests/examples/valid/minimal`` (a complete small workspace)."""
    target = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "valid" / "minimal", target)
    return target


# -- a real store over the minimal workspace (store, findings and view tests) ---------


@pytest.fixture
def workspace(minimal_workspace: Path) -> Workspace:
    return load_workspace(minimal_workspace)


# -- a throwaway PostgreSQL cluster (the team store's tests) ---------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster of this test session (each xdist worker has its own).

    Skipped only when PostgreSQL is not installed; CI installs it (``.ci/run``).
    """
    try:
        cluster = start_cluster()
    except RuntimeError as missing:
        pytest.skip(str(missing))
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a new, empty database in the session's cluster (dropped afterwards)."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


#: The store's backends: a test taking ``backend`` (or ``store_env``) runs on each.
BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that takes ``backend`` on both backends (``sqlite_only``: on SQLite)."""
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
def catalog(workspace: Workspace) -> Catalog:
    return load_workspace_catalog(workspace, use_cache=False)


@pytest.fixture
def store(workspace: Workspace) -> Iterator[Store]:
    with Store.open(workspace) as opened:
        yield opened


@pytest.fixture
def supervision(store: Store, catalog: Catalog) -> str:
    """An open supervision round, dated a week before ``NOW``; its name."""
    open_round(
        store,
        catalog,
        name=ROUND,
        kind="supervision",
        date=ROUND_DATE,
        actor="王督导",
        now=NOW,
    )
    return ROUND
