"""The store of rounds, findings and their history (SQLite, append-only).

``from qingyang_inspect.store import Store`` is the way in for every reader::

    with Store.open(workspace, readonly=True) as store:
        for finding in store.iter_findings(round_name="2026-06 督导"):
            ...
"""

from qingyang_inspect.store.db import Store

__all__ = ["Store"]
