"""The store of rounds, findings and their history (SQLite or PostgreSQL, append-only).

``from qingyang_inspect.store import Store`` is the way in for every reader::

    with Store.open(workspace, readonly=True) as store:
        for finding in store.iter_findings(round_name="2026-06 督导"):
            ...

:class:`Store` is loaded on first use, so that reading where the store lives
(:mod:`qingyang_inspect.store.address`, for every workspace) loads no database driver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qingyang_inspect.store.db import Store

__all__ = ["Store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from qingyang_inspect.store.db import Store

        return Store
    raise AttributeError(name)
