"""The store on a PostgreSQL server: the same :class:`Store`, over a server connection.

What differs from a file store is kept here, as overrides of the store's few
hooks: how a write transaction starts (the store's advisory lock: writers take
turns, as SQLite makes them), how it ends when the network fails (a lost
``COMMIT`` is reported as such), how many findings go in at once (``COPY``), and
where photos live (on the server too, by SHA-256, so every laptop's reports show
them; :meth:`ServerStore.fetch_evidence` brings them into the local evidence
folder). A new server store starts from :data:`sql.BASELINE` under the same lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, suppress
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import psycopg

from qingyang_inspect.errors import StoreError
from qingyang_inspect.files import write_whole
from qingyang_inspect.i18n import t
from qingyang_inspect.store import pg, sql
from qingyang_inspect.store.db import PhotoFile, Store

T = TypeVar("T")

#: Times a store's own write runs again after the server undid it for a conflict.
CONFLICT_RETRIES = 8


class ServerStore(Store):
    """A store on a PostgreSQL server (open it with :meth:`Store.open`)."""

    _conn: pg.ServerConnection

    @classmethod
    def connect(
        cls,
        url: str,
        *,
        evidence_dir: Path,
        readonly: bool,
        as_of: dt.datetime | None = None,
    ) -> Store:
        """Connect, then create or upgrade the store unless ``readonly`` (see :meth:`Store.open`).

        Read-only, a database without the store's tables reads as an empty store.
        """
        conn = pg.connect(url, readonly=readonly)
        store = cls(
            conn, path=None, evidence_dir=evidence_dir, readonly=readonly, dialect=sql.POSTGRESQL
        )
        store.location = conn.where
        try:
            with store._mapped_errors():
                if readonly and store._readable_version() == 0:
                    conn.close()
                    empty = Store._empty(evidence_dir)
                    empty.as_of = as_of
                    return empty
                if not readonly:
                    store._migrate()
        except BaseException:
            conn.close()
            raise
        store.as_of = as_of
        return store

    # -- transactions ----------------------------------------------------------

    def _mapped_errors(self) -> AbstractContextManager[None]:
        return pg.mapped_errors(self._conn.where)

    def _begin_write(self) -> None:
        self._conn.execute(self._dialect.begin_write)
        if self._dialect.write_lock is not None:
            self._conn.execute(self._dialect.write_lock)

    def _commit(self) -> None:
        try:
            self._conn.execute(sql.COMMIT)
        except pg.ConnectionLost:
            # The server may have committed before the connection went: say so.
            raise StoreError(
                t("store.server_lost_commit", path=self.location),
                hint=t("store.server_lost_commit_hint"),
            ) from None

    def _rollback(self) -> None:
        if self._conn.closed or not self._conn.in_transaction:
            return  # a lost connection's transaction is rolled back by the server
        with suppress(StoreError):  # the connection went: the server rolls back itself
            self._conn.execute(sql.ROLLBACK)

    def _write(self, action: Callable[[], T]) -> T:
        """Run ``action`` in a write transaction; run it again, a few times, when the
        server undid it for a conflict with another transaction (its own write only: an
        enclosing transaction belongs to the caller)."""
        attempt = 0
        while True:
            try:
                return super()._write(action)
            except pg.ServerConflict:
                attempt += 1
                if self._depth or attempt > CONFLICT_RETRIES:
                    raise
                time.sleep(0.01 * attempt * (0.5 + random.random()))

    # -- findings and photos ---------------------------------------------------

    def _baseline_extras(self) -> list[str]:
        return [
            self._dialect.column_types(sql.SERVER_PHOTOS_TABLE),
            *sql.append_only_triggers(self._dialect, ("evidence_files",)),
        ]

    def _refused_rows(self) -> tuple[type[Exception], ...]:
        return (*super()._refused_rows(), psycopg.errors.IntegrityError)

    def _insert_rows(
        self, table: str, columns: tuple[str, ...], rows: Iterable[Sequence[Any]]
    ) -> None:
        self._conn.copy_rows(table, columns, rows)

    def keep_photos(self, photos: Iterable[PhotoFile]) -> None:
        """Upload each photo the server does not hold yet (from the evidence folder)."""
        self._write(partial(self._upload, photos))

    def _upload(self, photos: Iterable[PhotoFile]) -> None:
        seen: set[str] = set()
        for photo in photos:
            if photo.sha256 in seen:
                continue
            seen.add(photo.sha256)
            if self._conn.execute(sql.SERVER_PHOTO_EXISTS, {"sha256": photo.sha256}).fetchone():
                continue
            source = self.evidence_dir / photo.relpath
            try:
                content = source.read_bytes()
            except OSError:
                raise StoreError(
                    t("store.server_photo_missing", path=source),
                    hint=t("store.server_photo_missing_hint"),
                ) from None
            self._conn.execute(
                sql.INSERT_SERVER_PHOTO,
                {"sha256": photo.sha256, "relpath": photo.relpath, "content": content},
            )

    def refresh_statistics(self) -> None:
        """``ANALYZE`` the store's tables (inside the copy's transaction): until the server's
        autovacuum gets to them, a freshly filled store is planned as if it were empty."""
        self._conn.execute(sql.ANALYZE_COPIED)

    def read_photo(self, relpath: str) -> bytes:
        """The photo at ``relpath``: from the evidence folder, else from the server."""
        local = self.evidence_dir / relpath
        if local.is_file():
            return super().read_photo(relpath)
        sha256 = Path(relpath).name.partition(".")[0]
        found = self._conn.execute(sql.SELECT_SERVER_PHOTO, {"sha256": sha256}).fetchone()
        if found is None:
            return super().read_photo(relpath)  # says it is missing
        return bytes(found[0])

    def keep_photo(self, sha256: str, relpath: str, content: bytes) -> bool:
        def keep() -> bool:
            if self._conn.execute(sql.SERVER_PHOTO_EXISTS, {"sha256": sha256}).fetchone():
                return False
            self._conn.execute(
                sql.INSERT_SERVER_PHOTO, {"sha256": sha256, "relpath": relpath, "content": content}
            )
            return True

        return self._write(keep)

    def fetch_evidence(self, relpaths: Iterable[str] | None = None) -> int:
        """Download the server's photos (those of ``relpaths`` only, if given) missing from
        :attr:`evidence_dir`, each checked against its SHA-256, written whole or not at
        all; how many were fetched."""
        wanted = None if relpaths is None else set(relpaths)
        fetched = 0
        with self._mapped_errors():
            for sha256, relpath in self._conn.execute(sql.SELECT_SERVER_PHOTO_PATHS).fetchall():
                target = self.evidence_dir / relpath
                if (wanted is not None and relpath not in wanted) or target.is_file():
                    continue
                cursor = self._conn.execute(sql.SELECT_SERVER_PHOTO, {"sha256": sha256})
                found = cursor.fetchone()
                content = bytes(found[0]) if found is not None else b""
                if hashlib.sha256(content).hexdigest() != sha256:
                    raise StoreError(
                        t("store.corrupt", path=self.location, reason=f"photo {relpath}"),
                        hint=t("store.corrupt_hint"),
                    )
                write_whole(target, content)
                fetched += 1
        return fetched

    def photos_missing(self, relpaths: Iterable[str]) -> list[str]:
        """Those of ``relpaths`` the server does not keep, sorted."""
        kept = {row[1] for row in self._conn.execute(sql.SELECT_SERVER_PHOTO_PATHS)}
        return sorted(set(relpaths) - kept)

    def _missing_photos(self, paths: set[str]) -> list[str]:
        return [
            f"photo {relpath} is missing from the server {self.location}"
            for relpath in self.photos_missing(paths)
        ]
