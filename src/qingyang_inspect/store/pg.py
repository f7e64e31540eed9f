"""The server backend: a PostgreSQL store through psycopg 3.

Imported only when a store's address is a ``postgresql://`` URL (psycopg is the
optional ``[postgres]`` extra). :class:`ServerConnection` gives the store the few
calls it makes of SQLite's driver (``execute``, ``executemany``,
``in_transaction``, ``close``) with the same SQL: :func:`sql.to_pyformat`
rewrites the parameters once per statement. :func:`mapped_errors` turns what the
server or the network says into a :class:`StoreError` that names the store
(without its password) and what to do.

Passwords never come from ``inspect.toml``: libpq reads ``PGPASSWORD``,
``~/.pgpass``, ``PGSSLMODE`` and the rest of its own environment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors, pq

from qingyang_inspect.errors import StoreError
from qingyang_inspect.i18n import t
from qingyang_inspect.store import sql
from qingyang_inspect.store.address import display

#: Seconds to wait for the server to answer a new connection.
CONNECT_TIMEOUT = 10
#: Seconds a write waits for another process's write lock (as SQLite's busy timeout).
LOCK_TIMEOUT_SECONDS = 30

#: SQLSTATEs after which the whole transaction may simply run again.
RETRYABLE = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


@lru_cache(maxsize=256)
def _pyformat(statement: str) -> str:
    return sql.to_pyformat(statement)


class ServerConnection:
    """A connection to a server store, called like the store calls SQLite's.

    The connection is in autocommit mode: the store sends ``BEGIN`` and
    ``COMMIT`` itself, as it does to SQLite.
    """

    def __init__(self, conn: psycopg.Connection[Any], where: str) -> None:
        self._conn = conn
        self.where = where
        #: Set while a ``COMMIT`` is on its way: a connection lost then may have committed.
        self.committing = False

    def execute(self, statement: str, params: Any = None) -> psycopg.Cursor[Any]:
        """Run ``statement`` (``:name`` or ``?`` parameters); its cursor, holding every row
        (a client-side cursor: reading it needs the network no more).

        The environment's errors (network, rights, locks) come as :class:`StoreError`,
        a refused row as the driver's own error (see :func:`mapped_errors`).
        """
        with mapped_errors(self.where):
            if params is None:  # psycopg reads no placeholder then (a trigger's ``%`` stays)
                return self._conn.execute(statement)
            return self._conn.execute(_pyformat(statement), params)

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run ``statement`` once per row (psycopg pipelines them)."""
        with mapped_errors(self.where), self._conn.cursor() as cursor:
            cursor.executemany(_pyformat(statement), rows)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert ``rows`` with ``COPY`` (the server's bulk path), inside the transaction."""
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with (
            mapped_errors(self.where),
            self._conn.cursor() as cursor,
            cursor.copy(statement) as copy,
        ):
            for row in rows:
                copy.write_row(row)

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open (also when it failed and awaits its ROLLBACK)."""
        status = self._conn.info.transaction_status
        return status in (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR)

    @property
    def closed(self) -> bool:
        """Whether the connection is gone (closed, or lost)."""
        return self._conn.closed or self._conn.broken

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back by the server)."""
        self._conn.close()


class ServerConflict(StoreError):
    """The server undid a transaction that met another one (run it again)."""


class ConnectionLost(StoreError):
    """The connection to the server went in the middle of a command."""


def connect(url: str, *, readonly: bool) -> ServerConnection:
    """Connect to the server store ``url``; :class:`StoreError` saying why it cannot."""
    where = display(url)
    with mapped_errors(where, connecting=True):
        conn = psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT,
            application_name="qingyang-inspect",
            options=f"-c lock_timeout={LOCK_TIMEOUT_SECONDS}s",
        )
    server = ServerConnection(conn, where)
    if readonly:
        for statement in sql.POSTGRESQL.read_pragmas:
            server.execute(statement)
    return server


@contextmanager
def mapped_errors(where: str, *, connecting: bool = False) -> Iterator[None]:
    """Turn the server's and the network's errors into :class:`StoreError`.

    Constraint violations pass through unchanged (the store's callers check
    their rules before writing; a violation is a bug to see). A retryable
    conflict (:data:`RETRYABLE`) becomes :class:`ServerConflict`, which the
    store's own writes run again.
    """
    try:
        yield
    except psycopg.Error as exc:
        found = _store_error(exc, where, connecting=connecting)
        if found is exc:
            raise
        raise found from None


def _store_error(exc: psycopg.Error, where: str, *, connecting: bool) -> BaseException:
    """The :class:`StoreError` for ``exc`` (or ``exc`` itself when it is not the environment's)."""
    state = exc.sqlstate or ""
    reason = _first_line(exc)
    if isinstance(exc, errors.InsufficientPrivilege):
        return StoreError(
            t("store.server_denied", path=where, reason=reason),
            hint=t("store.server_denied_hint"),
        )
    if isinstance(exc, errors.LockNotAvailable):
        return StoreError(
            t("store.busy", path=where, seconds=LOCK_TIMEOUT_SECONDS), hint=t("store.busy_hint")
        )
    if state in RETRYABLE:
        return ServerConflict(t("store.server_conflict", path=where), hint=t("store.busy_hint"))
    if isinstance(exc, errors.ReadOnlySqlTransaction):
        return StoreError(
            t("store.server_readonly", path=where), hint=t("store.server_denied_hint")
        )
    if isinstance(exc, errors.AdminShutdown | errors.CrashShutdown | errors.CannotConnectNow):
        return ConnectionLost(t("store.server_lost", path=where), hint=t("store.server_lost_hint"))
    if not state and (connecting or isinstance(exc, psycopg.OperationalError)):
        return _connection_error(reason, where, connecting=connecting)
    return exc


def _connection_error(reason: str, where: str, *, connecting: bool) -> StoreError:
    """An error without SQLSTATE: the connection could not be made, or was lost."""
    if not connecting:
        return ConnectionLost(t("store.server_lost", path=where), hint=t("store.server_lost_hint"))
    lowered = reason.lower()
    if (
        "password" in lowered
        or "authentication" in lowered
        or ("role" in lowered and "does not exist" in lowered)
    ):
        return StoreError(
            t("store.server_auth", path=where, reason=reason), hint=t("store.server_auth_hint")
        )
    if "database" in lowered and "does not exist" in lowered:
        return StoreError(
            t("store.server_no_database", path=where, reason=reason),
            hint=t("store.server_no_database_hint"),
        )
    if "fatal:" in lowered:  # the server answered, and refused
        return StoreError(
            t("store.server_refused", path=where, reason=reason),
            hint=t("store.server_denied_hint"),
        )
    return StoreError(
        t("store.server_unreachable", path=where, reason=reason),
        hint=t("store.server_unreachable_hint"),
    )


def _first_line(exc: psycopg.Error) -> str:
    """The useful part of a libpq message: its last ``failed:`` clause, first line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.rsplit("failed: ", 1)[-1].strip()
