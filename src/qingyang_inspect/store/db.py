"""The store: one SQLite file per workspace holding rounds, findings, their events and photos.

:class:`Store` is the only code that talks to the database; the SQL itself is
in :mod:`qingyang_inspect.store.sql`. It opens the file in WAL mode with a
busy timeout and foreign keys on, applies pending schema migrations inside a
transaction (refusing a store written by a newer version of the tool), and
runs every write in one ``BEGIN IMMEDIATE`` transaction, retried while another
process holds the write lock, so that a failure writes nothing and no user
ever sees "database is locked".

Business rules (what may be recorded, which status may follow which) live in
:mod:`~qingyang_inspect.findings.recording` and
:mod:`~qingyang_inspect.findings.lifecycle`; this module checks only what the
database itself guarantees.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeVar

from qingyang_inspect import __version__
from qingyang_inspect.errors import RecordError, StoreError, suggestion
from qingyang_inspect.files import os_reason
from qingyang_inspect.findings.ids import ID_LENGTH, MIN_PREFIX, normalize_prefix
from qingyang_inspect.findings.model import Event, EventKind, Finding, Photo, Round
from qingyang_inspect.findings.replay import build, event_changes
from qingyang_inspect.i18n import t
from qingyang_inspect.store import sql
from qingyang_inspect.store.rows import Columns

if TYPE_CHECKING:
    from qingyang_inspect.workspace import Workspace

T = TypeVar("T")

#: How long a command waits for another process's write before giving up.
BUSY_TIMEOUT_SECONDS = 30.0
#: Rows per executemany call in a bulk import (bounds memory, not transactions).
BULK_CHUNK = 5000

#: The first bytes of every SQLite database file.
_SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLite primary result codes (``sqlite_errorcode & 0xFF``).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


class Store:
    """A workspace's store. Open it with :meth:`open`; use it as a context manager.

    Reads: :meth:`rounds`, :meth:`round`, :meth:`iter_findings`,
    :meth:`finding`, :meth:`events`. Writes (each one transaction, or part of
    an enclosing :meth:`transaction`): :meth:`add_round`,
    :meth:`add_round_closure`, :meth:`add_findings`, :meth:`append_event`.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        path: Path | None,
        evidence_dir: Path,
        readonly: bool,
        dialect: sql.Dialect = sql.SQLITE,
    ) -> None:
        self._conn = connection
        self._dialect = dialect
        self._depth = 0
        #: The database file (``None`` for the empty stand-in of a store not yet created).
        self.path = path
        #: Where evidence photos live (the workspace's ``evidence`` folder).
        self.evidence_dir = evidence_dir
        self.readonly = readonly

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, workspace: Workspace, *, readonly: bool = False) -> Store:
        """Open the workspace's store, creating and upgrading it unless ``readonly``.

        ``readonly`` never writes: not even to create or upgrade the file. A
        store that does not exist yet reads as empty.
        """
        return cls.open_path(workspace.store, evidence_dir=workspace.evidence, readonly=readonly)

    @classmethod
    def open_path(
        cls, path: Path, *, evidence_dir: Path | None = None, readonly: bool = False
    ) -> Store:
        """Open the store file at ``path`` (see :meth:`open`)."""
        evidence = evidence_dir if evidence_dir is not None else path.parent / "evidence"
        if readonly:
            return cls._open_readonly(path, evidence)
        return cls._open_writable(path, evidence)

    @classmethod
    def _open_writable(cls, path: Path, evidence: Path) -> Store:
        _check_writable(path)
        _refuse_foreign(path)
        with _mapped_errors(path):
            conn = _retry(lambda: sqlite3.connect(path, **_CONNECT_ARGS), path)
            store = cls(conn, path=path, evidence_dir=evidence, readonly=False)
            try:
                for pragma in store._dialect.connect_pragmas:
                    conn.execute(pragma)
                for pragma in store._dialect.write_pragmas:
                    _retry(partial(_fetch_all, conn, pragma), path)
                store._migrate()
            except BaseException:
                conn.close()
                raise
        return store

    @classmethod
    def _open_readonly(cls, path: Path, evidence: Path) -> Store:
        if not os.path.lexists(path):
            return cls._empty(evidence)
        _refuse_foreign(path)
        with _mapped_errors(path):
            try:
                conn = _connect_readonly(path, immutable=False)
            except sqlite3.OperationalError as exc:
                # A WAL store in a folder this user cannot write, or on a full
                # disk: SQLite cannot create the shared-memory file readers need.
                # Nobody can write there either, so reading the file as
                # immutable is safe.
                unwritable = _code(exc) in (_READONLY, _CANTOPEN) and not os.access(
                    path.parent, os.W_OK
                )
                full = _code(exc) in (_FULL, _IOERR, _CANTOPEN) and _disk_full(path)
                if not (unwritable or full):
                    raise
                conn = _connect_readonly(path, immutable=True)
            store = cls(conn, path=path, evidence_dir=evidence, readonly=True)
            try:
                found = store._stored_version()
                if found == 0:
                    conn.close()
                    return cls._empty(evidence)
                _check_version(found, path)
                if found < store.current_version:
                    raise StoreError(
                        t(
                            "store.needs_upgrade",
                            path=path,
                            found=found,
                            current=store.current_version,
                        ),
                        hint=t("store.needs_upgrade_hint"),
                    )
            except BaseException:
                conn.close()
                raise
        return store

    @classmethod
    def _empty(cls, evidence: Path) -> Store:
        """A read-only stand-in for a store that has not been created yet."""
        conn = sqlite3.connect(":memory:", **_CONNECT_ARGS)
        store = cls(conn, path=None, evidence_dir=evidence, readonly=False)
        store._migrate()
        store.readonly = True
        return store

    @property
    def current_version(self) -> int:
        """The schema version this tool writes."""
        return sql.MIGRATIONS[-1].version

    def schema_version(self) -> int:
        """The schema version of the open store."""
        return self._stored_version()

    def _stored_version(self) -> int:
        tables = {row[0] for row in self._conn.execute(self._dialect.list_tables)}
        if "schema_version" not in tables:
            if tables:
                raise StoreError(
                    t("store.not_a_store", path=self.path), hint=t("store.corrupt_hint")
                )
            return 0
        value = self._conn.execute(sql.SELECT_SCHEMA_VERSION).fetchone()[0]
        return int(value or 0)

    def _migrate(self) -> None:
        """Apply pending migrations, all in one write transaction.

        A migration that rebuilds tables runs with foreign-key enforcement
        off (SQLite would otherwise empty the children of a dropped table);
        the keys are checked before the commit instead, and enforcement is on
        again afterwards whatever happened.
        """
        found = self._stored_version()
        _check_version(found, self.path)
        if found == self.current_version:
            return
        rebuilds = any(m.rebuilds for m in sql.MIGRATIONS if m.version > found)
        if rebuilds:
            self._conn.execute(self._dialect.foreign_keys_off)
        try:
            with self.transaction():
                found = self._stored_version()  # another process may have upgraded meanwhile
                _check_version(found, self.path)
                for migration in sql.MIGRATIONS:
                    if migration.version <= found:
                        continue
                    for statement in migration.render(self._dialect):
                        self._conn.execute(statement)
                    self._conn.execute(
                        sql.INSERT_SCHEMA_VERSION,
                        {
                            "version": migration.version,
                            "description": migration.description,
                            "tool_version": __version__,
                        },
                    )
                if rebuilds:
                    broken = self._conn.execute(sql.FOREIGN_KEY_CHECK).fetchall()
                    if broken:
                        raise StoreError(
                            t(
                                "store.corrupt",
                                path=self.path,
                                reason=f"foreign keys: {broken[:3]}",
                            ),
                            hint=t("store.corrupt_hint"),
                        )
        finally:
            if rebuilds:
                self._conn.execute(self._dialect.foreign_keys_on)

    def close(self) -> None:
        """Close the connection (uncommitted work, if any, is rolled back)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction: everything inside commits together or not at all.

        Waits (up to :data:`BUSY_TIMEOUT_SECONDS`) for other writers. Nested
        uses join the outer transaction.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if self.readonly:
            raise StoreError(t("store.opened_readonly", path=self.path))
        with _mapped_errors(self.path):
            _retry(lambda: self._conn.execute(self._dialect.begin_write), self.path)
            self._depth = 1
            try:
                yield
                self._conn.execute(sql.COMMIT)
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute(sql.ROLLBACK)
                raise
            finally:
                self._depth = 0

    # -- rounds ----------------------------------------------------------------

    def rounds(self) -> list[Round]:
        """Every round, by date then name."""
        return [_round(row) for row in self._conn.execute(sql.SELECT_ROUNDS)]

    def round(self, name: str) -> Round:
        """The round ``name``; :class:`RecordError` naming the closest names if unknown."""
        row = self._conn.execute(sql.SELECT_ROUND, {"name": name}).fetchone()
        if row is None:
            names = [r.name for r in self.rounds()]
            raise RecordError(
                t("round.unknown", name=name, suggest=suggestion(name, names)),
                hint=t("round.list_hint"),
            )
        return _round(row)

    def has_round(self, name: str) -> bool:
        """Whether a round called ``name`` exists."""
        return self._conn.execute(sql.SELECT_ROUND, {"name": name}).fetchone() is not None

    def finding_counts(self) -> dict[str, int]:
        """Number of findings (voided included) per round name."""
        return {row[0]: row[1] for row in self._conn.execute(sql.COUNT_FINDINGS_BY_ROUND)}

    def add_round(self, round_: Round, *, opened_by: str) -> None:
        """Store a newly opened round."""
        with self.transaction():
            self._conn.execute(
                sql.INSERT_ROUND,
                {
                    "name": round_.name,
                    "kind": round_.kind,
                    "round_date": round_.date.isoformat(),
                    "standard_id": round_.standard_id,
                    "standard_version": round_.standard_version,
                    "opened_at": round_.opened_at.isoformat(),
                    "opened_by": opened_by,
                },
            )

    def add_round_closure(self, name: str, *, closed_at: dt.datetime, closed_by: str) -> None:
        """Mark the round ``name`` closed."""
        with self.transaction():
            self._conn.execute(
                sql.INSERT_ROUND_CLOSURE,
                {"round_name": name, "closed_at": closed_at.isoformat(), "closed_by": closed_by},
            )

    # -- findings: reading -----------------------------------------------------

    def iter_findings(
        self,
        *,
        round_name: str | None = None,
        site_id: str | None = None,
        include_voided: bool = False,
        failed_only: bool = False,
    ) -> Iterator[Finding]:
        """Findings in their current state, by ``found_at`` then id, streamed from the store.

        Voided findings are left out unless ``include_voided``. ``failed_only``
        keeps the findings whose current result is fail (the problems): the
        store reads only those recorded as failed or amended since, and the
        fold decides.
        """
        statement = sql.select_history(
            by_round=round_name is not None, by_site=site_id is not None, failed=failed_only
        )
        params = {"round_name": round_name, "site_id": site_id}
        cursor = self._conn.execute(statement, params)
        try:
            yield from _fold_rows(cursor, include_voided=include_voided, failed_only=failed_only)
        finally:
            # A reader stopped early (a closed pipe, Ctrl-C) may let this generator go only
            # after the store is closed: the cursor went with the connection then.
            with suppress(sqlite3.ProgrammingError):
                cursor.close()

    def finding(self, finding_id: str) -> Finding:
        """The finding ``finding_id`` (voided or not); :class:`RecordError` if unknown."""
        cursor = self._conn.execute(sql.select_history(by_id=True), {"id": finding_id})
        found = list(_fold_rows(cursor))
        if not found:
            raise RecordError(t("finding.unknown", id=finding_id), hint=t("finding.list_hint"))
        return found[0]

    def resolve_id(self, text: str) -> str:
        """The full id of the one finding whose id starts with ``text`` (at least 6 characters)."""
        prefix = normalize_prefix(text)
        if prefix is None:
            raise RecordError(t("finding.bad_id", id=text), hint=t("finding.list_hint"))
        if len(prefix) < MIN_PREFIX:
            raise RecordError(
                t("finding.id_too_short", id=text, min=MIN_PREFIX), hint=t("finding.list_hint")
            )
        params = {"low": prefix, "high": prefix + "~", "limit": 6}
        ids: list[str] = [row[0] for row in self._conn.execute(sql.SELECT_IDS_BY_PREFIX, params)]
        if not ids:
            raise RecordError(t("finding.unknown", id=text), hint=t("finding.list_hint"))
        if len(ids) > 1 and len(prefix) < ID_LENGTH:
            raise RecordError(
                t("finding.ambiguous", id=text, candidates=", ".join(ids[:5])),
                hint=t("finding.ambiguous_hint"),
            )
        return ids[0]

    def events(self, finding_id: str) -> list[Event]:
        """The events of ``finding_id`` in order (empty for an unknown id)."""
        return [
            _event(row) for row in self._conn.execute(sql.SELECT_EVENTS, {"finding_id": finding_id})
        ]

    # -- findings: writing -----------------------------------------------------

    def add_findings(self, batch: Iterable[Finding], *, require_open_round: bool = True) -> int:
        """Insert new findings, each with its ``recorded`` event and photos, in one transaction.

        The bulk path (imports, benchmarks): prepared statements with
        positional parameters run with ``executemany`` over chunks of
        :data:`BULK_CHUNK` rows, all in one transaction (one commit, one WAL
        sync with ``synchronous = NORMAL``). Only the stored fields and the
        before-photos are written (the state is replayed from events). Findings
        are trusted to be valid
        (see :func:`~qingyang_inspect.findings.recording.build_finding`); the
        database still refuses what breaks its constraints, and then nothing
        is written. Returns the number of findings inserted.
        """
        total = 0
        checked_rounds: set[str] = set()
        iterator = iter(batch)
        execute_many = self._conn.executemany
        with self.transaction():
            while chunk := list(islice(iterator, BULK_CHUNK)):
                findings, events, photos = _bulk_rows(chunk)
                if require_open_round:
                    for name in {f.round_name for f in chunk} - checked_rounds:
                        self._require_open_round(name)
                        checked_rounds.add(name)
                execute_many(sql.INSERT_FINDING, findings)
                execute_many(sql.INSERT_EVENT, events)
                if photos:
                    execute_many(sql.INSERT_PHOTO, photos)
                total += len(chunk)
        return total

    def _require_open_round(self, name: str) -> None:
        found = self.round(name)
        if found.status != "open":
            raise RecordError(t("round.closed", name=name), hint=t("round.closed_hint"))

    def append_event(
        self,
        finding_id: str,
        *,
        kind: EventKind,
        at: dt.datetime,
        actor: str,
        data: dict[str, Any],
        reason: str | None = None,
        photos: Sequence[Photo] = (),
    ) -> Event:
        """Append an event (and the photos it attaches) to ``finding_id``'s history."""
        with self.transaction():
            seq = int(
                self._conn.execute(sql.NEXT_EVENT_SEQ, {"finding_id": finding_id}).fetchone()[0]
            )
            event = Event(
                seq=seq,
                finding_id=finding_id,
                kind=kind,
                at=at,
                actor=actor,
                data=data,
                reason=reason,
            )
            self._conn.execute(sql.INSERT_EVENT, _event_row(event))
            if photos:
                self._conn.executemany(
                    sql.INSERT_PHOTO,
                    [_photo_row(finding_id, seq, n, photo) for n, photo in enumerate(photos)],
                )
        return event

    # -- consistency -----------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks and the store's own rules.

        Empty when the store is sound: every finding has its ``recorded``
        event, every event and photo link its finding, every linked photo its file.
        """
        problems: list[str] = []
        integrity = [row[0] for row in self._conn.execute(sql.INTEGRITY_CHECK)]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        problems.extend(
            f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
            for row in self._conn.execute(sql.FOREIGN_KEY_CHECK)
        )
        problems.extend(
            f"finding {row[0]} has no recorded event"
            for row in self._conn.execute(sql.FINDINGS_WITHOUT_RECORDED_EVENT)
        )
        problems.extend(
            f"photo {row[0]} is missing from {self.evidence_dir}"
            for row in self._conn.execute(sql.SELECT_PHOTO_PATHS)
            if not (self.evidence_dir / row[0]).is_file()
        )
        return problems


# -- helpers ---------------------------------------------------------------------

_CONNECT_ARGS: dict[str, Any] = {
    "timeout": BUSY_TIMEOUT_SECONDS,
    # Autocommit at the driver level: the store issues BEGIN/COMMIT itself.
    "isolation_level": None,
    "cached_statements": 64,
}


def _connect_readonly(path: Path, *, immutable: bool) -> sqlite3.Connection:
    """A read-only connection, checked with a first read (SQLite opens files lazily)."""
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    conn: sqlite3.Connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?{query}", uri=True, **_CONNECT_ARGS
    )
    try:
        for pragma in (*sql.SQLITE.connect_pragmas, *sql.SQLITE.read_pragmas):
            conn.execute(pragma)
        conn.execute(sql.SQLITE.list_tables).fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def _fetch_all(conn: sqlite3.Connection, statement: str) -> list[Any]:
    return conn.execute(statement).fetchall()


def _check_writable(path: Path) -> None:
    """Refuse early, with a clear message, a store the user cannot write.

    WAL mode writes ``-wal`` and ``-shm`` files next to the store, so its
    folder must be writable as well as the file.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            t("store.cannot_create", path=folder, reason=exc.strerror or exc),
            hint=t("store.readonly_hint"),
        ) from None
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StoreError(t("store.readonly", path=path), hint=t("store.readonly_hint"))


def _refuse_foreign(path: Path) -> None:
    """Refuse, before anything is written to it, a file at the store's path that is not ours.

    Opening a database for writing already changes it (the journal mode is set
    in its header), and even a read-only connection to a database in WAL mode
    leaves ``-wal`` and ``-shm`` files beside it, so the file is first looked
    at: it must be a regular file, and empty, or an SQLite database (its first
    bytes say so) with no tables or the store's ``schema_version`` table.
    Its tables are read without locks or side files (SQLite's ``immutable``
    mode); only when that read fails — one of our stores in the middle of a
    checkpoint — through an ordinary read-only connection.
    """
    if not os.path.lexists(path):
        return  # created by the writer
    _require_file(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(
            t("store.cannot_open", path=path, reason=os_reason(exc)), hint=t("store.io_hint")
        ) from None
    if not head:
        return
    if head != _SQLITE_MAGIC:
        raise StoreError(
            t("store.corrupt", path=path, reason=t("store.not_sqlite")),
            hint=t("store.corrupt_hint"),
        )
    try:
        tables = _tables(path, immutable=True)
    except sqlite3.DatabaseError:
        with _mapped_errors(path):
            tables = _tables(path, immutable=False)
    if tables and "schema_version" not in tables:
        raise StoreError(t("store.not_a_store", path=path), hint=t("store.corrupt_hint"))


def _tables(path: Path, *, immutable: bool) -> set[str]:
    conn = _connect_readonly(path, immutable=immutable)
    try:
        return {row[0] for row in conn.execute(sql.SQLITE.list_tables)}
    finally:
        conn.close()


def _require_file(path: Path) -> None:
    """:class:`StoreError` unless ``path`` is (a link to) a regular file: SQLite would read a
    device as an empty database and wait forever on a FIFO."""
    from qingyang_inspect.files import FileProblem, check_regular

    try:
        check_regular(path)
    except FileProblem as problem:
        raise StoreError(
            t("store.cannot_open", path=path, reason=problem.reason),
            hint=t("store.not_a_file_hint"),
        ) from None


def _check_version(found: int, path: Path | None) -> None:
    current = sql.MIGRATIONS[-1].version
    if found > current:
        raise StoreError(
            t("store.too_new", path=path, found=found, current=current),
            hint=t("store.too_new_hint"),
        )


def _retry(action: Callable[[], T], path: Path | None) -> T:
    """Run ``action``, retrying while the database is busy (SQLite's own wait can give up early).

    SQLite returns SQLITE_BUSY without waiting in a few cases (e.g. while
    another connection switches the journal mode or recovers the WAL index);
    retrying with a jittered back-off until the deadline covers them.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    delay = 0.005
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if _code(exc) not in (_BUSY, _LOCKED):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(
                    t("store.busy", path=path, seconds=int(BUSY_TIMEOUT_SECONDS)),
                    hint=t("store.busy_hint"),
                ) from None
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.25)


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


@contextmanager
def _mapped_errors(path: Path | None) -> Iterator[None]:
    """Turn the environment's SQLite errors (read-only, full disk, damaged file) into StoreError."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError):
            raise
        code = _code(exc)
        reason = str(exc)
        if code == _READONLY:
            raise StoreError(
                t("store.readonly", path=path), hint=t("store.readonly_hint")
            ) from None
        if code in (_BUSY, _LOCKED):
            raise StoreError(
                t("store.busy", path=path, seconds=int(BUSY_TIMEOUT_SECONDS)),
                hint=t("store.busy_hint"),
            ) from None
        if code == _FULL or (code in (_IOERR, _CANTOPEN) and _disk_full(path)):
            # SQLite reports a full disk as "disk I/O error" when it is the -wal
            # or -shm file beside the store that cannot grow: ask the disk.
            raise StoreError(t("store.full", path=path), hint=t("store.full_hint")) from None
        if code in (_CORRUPT, _NOTADB):
            raise StoreError(
                t("store.corrupt", path=path, reason=reason), hint=t("store.corrupt_hint")
            ) from None
        if code in (_CANTOPEN, _IOERR):
            raise StoreError(
                t("store.cannot_open", path=path, reason=reason), hint=t("store.io_hint")
            ) from None
        raise


def _disk_full(path: Path | None) -> bool:
    """Whether the disk holding ``path`` is (all but) full: less than 1 MiB left."""
    if path is None or not hasattr(os, "statvfs"):
        return False
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 1024 * 1024


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _round(row: Sequence[Any]) -> Round:
    closed_at = row[6]
    return Round(
        name=row[0],
        kind=row[1],
        date=dt.date.fromisoformat(row[2]),
        standard_id=row[3],
        standard_version=row[4],
        opened_at=_datetime(row[5]),
        status="closed" if closed_at else "open",
        closed_at=_datetime(closed_at) if closed_at else None,
    )


def _event(row: Sequence[Any]) -> Event:
    """An event from ``seq, finding_id, kind, at, actor, data, reason``."""
    data = row[5]
    return Event(
        seq=row[0],
        finding_id=row[1],
        kind=row[2],
        at=_datetime(row[3]),
        actor=row[4],
        data={} if data == "{}" else json.loads(data),
        reason=row[6],
    )


#: The findings row: the model's stored fields, converted by their types.
FINDING_ROW = Columns(Finding, sql.FINDING_COLUMNS)

# Positions in a history row (sql.HISTORY_COLUMNS): the finding's columns, then
# the event's (seq, kind, at, actor, data, reason), then the photo's.
_E = len(sql.FINDING_COLUMNS)
_SEQ, _KIND, _AT, _ACTOR, _DATA, _REASON = range(_E, _E + 6)
_POSITION, _SHA256, _NAME, _STAGE, _RELPATH = range(_E + 6, _E + 11)


def _facts(row: Sequence[Any]) -> Finding:
    """The finding as recorded in a ``findings`` row (columns in :data:`sql.FINDING_COLUMNS`
    order), before its events."""
    return build(FINDING_ROW.values(row))


#: A row after the last one: it ends the last finding (no finding has this id).
_END: Final = (object(),)


def _fold_rows(
    rows: Iterable[Sequence[Any]], *, include_voided: bool = True, failed_only: bool = False
) -> Iterator[Finding]:
    """Fold the rows of :func:`sql.select_history` into findings, one finding at a time.

    Rows come one per (event, photo), grouped by finding and event. Each
    finding is built once, from its row values and the changes its events
    made (:func:`~qingyang_inspect.findings.replay.event_changes`); most
    findings have only their ``recorded`` event and no photo, which costs one
    row and no event at all. Voided findings are left out unless
    ``include_voided``; ``failed_only`` keeps those whose result is now fail.
    """
    values = FINDING_ROW.values
    finding_id: object = None
    fields: list[Any] = []
    photos: list[Photo] | None = None
    changes: dict[str, Any] | None = None
    seq: object = None
    for row in chain(rows, (_END,)):
        if row[0] != finding_id:
            if finding_id is not None:
                finding = build(fields, tuple(photos) if photos else (), changes)
                if (include_voided or not finding.voided) and (
                    not failed_only or finding.result == "fail"
                ):
                    yield finding
            if row is _END:
                return
            finding_id, fields, photos, changes, seq = row[0], values(row), None, None, None
        if row[_SEQ] != seq:
            seq = row[_SEQ]
            if row[_KIND] != "recorded":
                if changes is None:
                    changes = {}
                data = row[_DATA]
                changes.update(
                    event_changes(
                        row[_KIND], _datetime(row[_AT]), {} if data == "{}" else json.loads(data)
                    )
                )
        if row[_POSITION] is not None:
            if photos is None:
                photos = []
            photos.append(
                Photo(
                    sha256=row[_SHA256],
                    original_name=row[_NAME],
                    stage=row[_STAGE],
                    relpath=row[_RELPATH],
                )
            )


_Row = tuple[Any, ...]


def _bulk_rows(chunk: list[Finding]) -> tuple[list[_Row], list[_Row], list[_Row]]:
    """Rows of ``findings``, ``events`` (the ``recorded`` event) and ``photos`` for ``chunk``.

    Tuples in the column order of :data:`sql.FINDING_COLUMNS`,
    :data:`sql.EVENT_COLUMNS` and :data:`sql.PHOTO_COLUMNS`, in one pass.
    """
    row = FINDING_ROW.row
    findings: list[_Row] = []
    events: list[_Row] = []
    photos: list[_Row] = []
    add_finding = findings.append
    add_event = events.append
    for finding in chunk:
        values = row(finding)
        add_finding(values)
        attached = finding.photos
        if attached:
            data = _json({"photos": [p.relpath for p in attached]})
            photos.extend(_photo_row(values[0], 1, n, photo) for n, photo in enumerate(attached))
        else:
            data = "{}"
        add_event((values[0], 1, "recorded", values[_RECORDED_AT], values[_INSPECTOR], data, None))
    return findings, events, photos


_RECORDED_AT = sql.FINDING_COLUMNS.index("recorded_at")
_INSPECTOR = sql.FINDING_COLUMNS.index("inspector")


def _event_row(event: Event) -> _Row:
    """An ``events`` row in :data:`sql.EVENT_COLUMNS` order."""
    return (
        event.finding_id,
        event.seq,
        event.kind,
        event.at.isoformat(),
        event.actor,
        _json(event.data),
        event.reason,
    )


def _photo_row(finding_id: str, seq: int, position: int, photo: Photo) -> _Row:
    """A ``photos`` row in :data:`sql.PHOTO_COLUMNS` order."""
    return (
        finding_id,
        seq,
        position,
        photo.sha256,
        photo.original_name,
        photo.stage,
        photo.relpath,
    )
