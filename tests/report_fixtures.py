"""Fixtures of the report tests (views and workbooks): the worked example as a catalog and a
finding source; each report test folder's conftest imports them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.model import Finding
from qingyang_inspect.views.source import ListSource
from worked_example import (
    acceptance_findings,
    minimal_catalog,
    supervision_findings,
)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The minimal workspace's catalog."""
    return minimal_catalog()


@pytest.fixture
def findings() -> list[Finding]:
    """Both rounds of the worked example."""
    return supervision_findings() + acceptance_findings()


@pytest.fixture
def source(findings: list[Finding]) -> ListSource:
    """The worked example as a finding source."""
    return ListSource(findings)


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    """An evidence folder holding the photo the supervision round's first finding links."""
    folder = tmp_path / "evidence"
    photo = folder / "ab" / ("ab" * 32 + ".jpg")
    photo.parent.mkdir(parents=True)
    Image.new("RGB", (400, 300), "red").save(photo)
    return folder
