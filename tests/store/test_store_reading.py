"""A store opened for reading sees one moment while its ``with`` block runs.

The supervisor's report reads rounds, pinned contents and findings one after the
other while inspectors keep recording into the same store (another process, or
another desk on the server): every read of the block shows the store as it was
at the first one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.findings.recording import open_round
from qingyang_inspect.store import Store
from qingyang_inspect.workspace import Workspace
from store_helpers import NOW, ROUND, make_facts


def test_reads_inside_the_block_see_the_moment_of_the_first(
    workspace: Workspace, store: Store, supervision: str, catalog: Catalog
) -> None:
    store.add_findings([make_facts()])
    with Store.open_for_reading(workspace) as reader:
        assert [r.name for r in reader.rounds()] == [ROUND]
        # Meanwhile another desk opens a round and records into both.
        open_round(
            store, catalog, name="复查", kind="re-inspection",
            date=NOW.date(), actor="李", now=NOW + dt.timedelta(hours=1),
        )  # fmt: skip
        store.add_findings([make_facts(), make_facts(round_name="复查")])
        assert [r.name for r in reader.rounds()] == [ROUND]
        assert len(list(reader.iter_findings())) == 1
    # The next reader sees all of it.
    with Store.open_for_reading(workspace) as reader:
        assert sorted(r.name for r in reader.rounds()) == sorted([ROUND, "复查"])
        assert len(list(reader.iter_findings())) == 3


def test_an_error_inside_the_block_still_closes_the_store(
    workspace: Workspace, store: Store, supervision: str
) -> None:
    with pytest.raises(BrokenPipeError), Store.open_for_reading(workspace) as reader:
        list(reader.rounds())
        raise BrokenPipeError  # a closed pipe while a report streams
    store.add_findings([make_facts()])  # the writer was never held up
    with Store.open_for_reading(workspace) as reader:
        assert len(list(reader.iter_findings())) == 1
