"""A findings stream abandoned midway closes quietly, even after its store is closed."""

from __future__ import annotations

import gc
import sys
from typing import Any

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.recording import RecordRequest, record_finding
from qingyang_inspect.store import Store
from store_helpers import NOW


def test_a_stream_closed_after_its_store_raises_nothing(
    store: Store, catalog: Catalog, supervision: str, monkeypatch: Any
) -> None:
    """``findings list -f json | head -1``: the writer stops, the store closes, then the stream."""
    for site in ("M1", "M2"):
        request = RecordRequest(site_id=site, item_id="CM-EN-01", result="pass", inspector="张三")
        record_finding(store, catalog, request, now=NOW)
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    stream = store.iter_findings()
    next(stream)
    store.close()
    stream.close()
    del stream
    gc.collect()
    assert unraisable == []
