"""Fixtures of the store tests: a real workspace copy, its catalog, a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qingyang_inspect.catalog.cache import load_workspace_catalog
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.store import Store
from qingyang_inspect.store.recording import open_round
from qingyang_inspect.workspace import Workspace, load_workspace
from store_helpers import NOW, ROUND


@pytest.fixture
def workspace(minimal_workspace: Path) -> Workspace:
    return load_workspace(minimal_workspace)


@pytest.fixture
def catalog(workspace: Workspace) -> Catalog:
    return load_workspace_catalog(workspace, use_cache=False)


@pytest.fixture
def store(workspace: Workspace) -> Iterator[Store]:
    with Store.open(workspace) as opened:
        yield opened


@pytest.fixture
def supervision(store: Store, catalog: Catalog) -> str:
    """An open supervision round; its name."""
    open_round(
        store,
        catalog,
        name=ROUND,
        kind="supervision",
        date=NOW.date(),
        actor="王督导",
        now=NOW,
    )
    return ROUND
