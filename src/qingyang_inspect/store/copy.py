"""Moving a store: every row and photo of one store into another, verified (``inspect store copy``).

A SQLite file goes onto a server, or a server's store into a file, by the same
code: the rows of each table as they are stored (:data:`sql.COPY_TABLES`, in key
order, as findings bundles carry them), then the photos they name. The target
must be empty — unless it holds exactly the same rows, when the copy says so and
changes nothing. Rows
and photos are written in one transaction of the target, and compared before
its commit: the count and a SHA-256 of each table must equal the source's, and
each photo's content its SHA-256. A difference writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qingyang_inspect.errors import StoreError
from qingyang_inspect.i18n import t
from qingyang_inspect.store import sql
from qingyang_inspect.store.address import is_server_url
from qingyang_inspect.store.db import Store

if TYPE_CHECKING:
    from qingyang_inspect.workspace import Workspace

#: Per table: how many rows, and the SHA-256 of them all in key order.
Fingerprint = dict[str, tuple[int, str]]


@dataclass(frozen=True)
class CopyResult:
    """What a copy did: rows per table, photos copied, and whether the target already held
    exactly the same rows (then nothing was written)."""

    counts: dict[str, int]
    photos: int
    unchanged: bool


def fingerprint(store: Store) -> Fingerprint:
    """The count and SHA-256 of each copied table's rows (the same in either engine)."""
    found: Fingerprint = {}
    for table in sql.COPY_TABLES:
        digest = hashlib.sha256()
        count = 0
        for row in store.copy_rows(table):
            digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
            count += 1
        found[table] = (count, digest.hexdigest())
    return found


def copy_store(source: Store, target: Store) -> CopyResult:
    """Copy every row and photo of ``source`` into the empty ``target``, verified.

    :class:`StoreError` when the target holds other rows, or when what was written
    differs from the source (then nothing is kept).
    """
    expected = fingerprint(source)
    counts = {table: count for table, (count, _digest) in expected.items()}
    present = fingerprint(target)
    if any(count for count, _digest in present.values()):
        if present == expected:
            return CopyResult(counts, photos=0, unchanged=True)
        raise StoreError(
            t(
                "store.copy_not_empty",
                target=target.location,
                findings=present["findings"][0],
                rounds=present["rounds"][0],
            ),
            hint=t("store.copy_not_empty_hint"),
        )
    with target.transaction():
        for table in sql.COPY_TABLES:
            target.add_copied(table, source.copy_rows(table))
        photos = _copy_photos(source, target)
        target.refresh_statistics()
        written = fingerprint(target)
        if written != expected:
            differing = [table for table in expected if written[table] != expected[table]]
            raise StoreError(
                t("store.copy_differs", target=target.location, tables=", ".join(differing)),
                hint=t("store.copy_differs_hint"),
            )
    return CopyResult(counts, photos=photos, unchanged=False)


def _copy_photos(source: Store, target: Store) -> int:
    """Copy each photo the rows name (checked against its SHA-256); how many the target lacked."""
    copied = 0
    for relpath in sorted(source.photo_paths()):
        sha256 = Path(relpath).name.partition(".")[0]
        content = source.read_photo(relpath)
        if hashlib.sha256(content).hexdigest() != sha256:
            raise StoreError(
                t("store.corrupt", path=source.location, reason=f"photo {relpath}"),
                hint=t("store.corrupt_hint"),
            )
        copied += target.keep_photo(sha256, relpath, content)
    return copied


def open_target(to: str, workspace: Workspace) -> Store:
    """The store ``to`` names, opened to write: a server's URL (photos are read from the
    workspace's evidence folder), or a SQLite file (relative to the current folder; its
    photos go to the ``evidence`` folder beside it)."""
    if is_server_url(to):
        return Store.open_url(to, evidence_dir=workspace.evidence)
    return Store.open_path(Path(to).resolve())


def run_copy(workspace: Workspace, target: Store) -> tuple[CopyResult, str]:
    """Copy the workspace's store into ``target``; the result and where it went (as shown)."""
    with Store.open(workspace, readonly=True) as source:
        return copy_store(source, target), str(target.location)
