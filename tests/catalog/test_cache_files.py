"""The catalog cache finds the same YAML files as the loader, without importing it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from qingyang_inspect.catalog.cache import load_workspace_catalog, source_files
from qingyang_inspect.catalog.loader import discover
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.workspace import load_workspace

REPO = Path(__file__).resolve().parents[2]


def test_same_files_as_the_loader(minimal_workspace: Path) -> None:
    (minimal_workspace / "standards" / "nested").mkdir()
    (minimal_workspace / "standards" / "nested" / "extra.yml").write_text("items: []\n")
    (minimal_workspace / "standards" / "notes.txt").write_text("not yaml\n")
    for root in (minimal_workspace, REPO):
        ws = load_workspace(root)
        assert source_files(ws) == discover([ws.standards, ws.sites])


def test_a_file_named_twice_is_listed_once(minimal_workspace: Path) -> None:
    ws = load_workspace(minimal_workspace)
    one = next(ws.standards.glob("*.yaml"))
    both = dataclasses.replace(ws, standards=one, sites=one)
    assert source_files(both) == discover([one, one]) == [one]


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_errors_are_the_loaders(minimal_workspace: Path, tmp_path: Path, kind: str) -> None:
    ws = load_workspace(minimal_workspace)
    sites = tmp_path / "nothing-here"
    if kind == "empty":
        sites.mkdir()
    broken = dataclasses.replace(ws, sites=sites)
    with pytest.raises(CatalogError) as ours:
        source_files(broken)
    with pytest.raises(CatalogError) as theirs:
        discover([broken.standards, broken.sites])
    assert ours.value.message == theirs.value.message


def test_warm_cache_does_not_import_the_loader(minimal_workspace: Path) -> None:
    load_workspace_catalog(load_workspace(minimal_workspace))  # writes the cache
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from qingyang_inspect.workspace import load_workspace\n"
        "from qingyang_inspect.catalog.cache import load_workspace_catalog\n"
        f"catalog = load_workspace_catalog(load_workspace(Path({str(minimal_workspace)!r})))\n"
        "assert catalog.items\n"
        "print('qingyang_inspect.catalog.loader' in sys.modules, 'yaml' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]
