"""The store: rounds, findings, their events and photos, in a SQLite file or on a server.

:class:`Store` is the only code that talks to the database; the SQL itself is
in :mod:`qingyang_inspect.store.sql`. It opens the file in WAL mode with a
busy timeout and foreign keys on, applies pending schema migrations inside a
transaction (refusing a store written by a newer version of the tool), and
runs every write in one ``BEGIN IMMEDIATE`` transaction, retried while another
process holds the write lock, so that a failure writes nothing and no user
ever sees "database is locked".

A workspace whose ``store`` is a ``postgresql://`` URL opens the same
:class:`Store` on a PostgreSQL server (:mod:`qingyang_inspect.store.server`,
which overrides the few hooks where the engines differ: how a write starts and
ends, bulk inserts, where photos are kept); psycopg is imported only then.

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
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import partial
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

from qingyang_inspect import __version__
from qingyang_inspect.errors import RecordError, StoreError, suggestion
from qingyang_inspect.files import os_reason, write_whole
from qingyang_inspect.findings.ids import (
    ID_LENGTH,
    MIN_PREFIX,
    canonical_json,
    normalize_number,
    normalize_prefix,
    number_of,
)
from qingyang_inspect.findings.model import Event, Finding, Photo, Round, RoundPin
from qingyang_inspect.findings.replay import build, event_changes, event_photos, recorded_event
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
#: The fewest rows a bulk insert builds a table's indexes after (see
#: :meth:`Store._indexes_after`): below, the rebuild's fixed costs outweigh its gain.
BULK_INDEX_MIN = BULK_CHUNK

#: The first bytes of every SQLite database file.
_SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLite primary result codes (``sqlite_errorcode & 0xFF``).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


class PhotoFile(Protocol):
    """A photo as the store keeps it: its SHA-256 and its path in the evidence folder
    (a finding's :class:`Photo`, or a photo a findings bundle carries)."""

    @property
    def sha256(self) -> str: ...

    @property
    def relpath(self) -> str: ...


class OutdatedStore(StoreError):
    """A store written by an older version, opened read-only: it must be upgraded first."""


class Store:
    """A workspace's store. Open it with :meth:`open`; use it as a context manager.

    Reads: :meth:`rounds`, :meth:`round`, :meth:`iter_findings`,
    :meth:`finding`, :meth:`events`, :meth:`snapshot`, :meth:`pins`. Writes
    (each one transaction, or part of an enclosing :meth:`transaction`):
    :meth:`add_round`, :meth:`add_round_closure`, :meth:`add_snapshot`,
    :meth:`add_pin`, :meth:`add_findings`, :meth:`append_event`.

    **As of a moment.** A store opened with ``as_of`` shows every read as the
    store stood then: findings found later are absent, a finding's state is
    that of the events that had happened by then, a round's closing and its
    pin are those made by then (a round is scored by the content it opened
    with until a re-pin, however late its opening was entered). Times compare
    as instants (offsets taken into account). Such a store is for reading only.
    """

    def __init__(
        self,
        connection: Any,
        *,
        path: Path | None,
        evidence_dir: Path,
        readonly: bool,
        dialect: sql.Dialect = sql.SQLITE,
        as_of: dt.datetime | None = None,
    ) -> None:
        self._conn = connection
        self._dialect = dialect
        self._depth = 0
        if as_of is not None and as_of.utcoffset() is None:
            raise ValueError("as_of must carry a time zone")
        #: The moment reads show the store as of (exclusive), or ``None`` for now.
        self.as_of = as_of
        #: The database file (``None`` for a server store, and for the empty stand-in of a
        #: store not yet created).
        self.path = path
        #: Where the store is, as messages name it: its file, or its server's URL.
        self.location: Path | str | None = path
        #: Where evidence photos live (the workspace's ``evidence`` folder).
        self.evidence_dir = evidence_dir
        self.readonly = readonly
        #: Whether ``with`` holds one read transaction (see :meth:`open_for_reading`).
        self._one_moment = False

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls, workspace: Workspace, *, readonly: bool = False, as_of: dt.datetime | None = None
    ) -> Store:
        """Open the workspace's store, creating and upgrading it unless ``readonly``.

        ``readonly`` never writes: not even to create or upgrade the file. A
        store that does not exist yet reads as empty. ``as_of`` (an aware
        moment, exclusive) makes every read show the store as it stood then,
        and implies ``readonly``.
        """
        if workspace.store_url is not None:
            return cls.open_url(
                workspace.store_url, evidence_dir=workspace.evidence, readonly=readonly, as_of=as_of
            )
        return cls.open_path(
            workspace.store, evidence_dir=workspace.evidence, readonly=readonly, as_of=as_of
        )

    @classmethod
    def open_for_reading(cls, workspace: Workspace, *, as_of: dt.datetime | None = None) -> Store:
        """Open the workspace's store to read (:meth:`open` with ``readonly``), first
        upgrading a store an older version wrote, when it can be written.

        A new version of the tool reads every existing store: the upgrade is
        the one write a reading command may make, once, in one transaction
        (:meth:`_migrate`). Where the store cannot be written (a read-only
        share), :class:`OutdatedStore` says so and how to upgrade it.

        Inside its ``with`` block the store's reads see one moment (one read
        transaction, ended when the store closes), whatever other desks write
        meanwhile: a report's rounds, pinned contents and findings agree.
        """
        try:
            store = cls.open(workspace, readonly=True, as_of=as_of)
        except OutdatedStore as outdated:
            try:
                cls.open(workspace).close()
            except StoreError:
                raise outdated from None
            store = cls.open(workspace, readonly=True, as_of=as_of)
        store._one_moment = True
        return store

    @classmethod
    def open_url(
        cls,
        url: str,
        *,
        evidence_dir: Path,
        readonly: bool = False,
        as_of: dt.datetime | None = None,
    ) -> Store:
        """Open the server store at ``url`` (``postgresql://…``; see :meth:`open`).

        psycopg is imported here, and only here. Photos are kept on the server as
        well as in ``evidence_dir``, the local copy reports read.
        """
        from qingyang_inspect.store.server import ServerStore

        return ServerStore.connect(
            url, evidence_dir=evidence_dir, readonly=readonly or as_of is not None, as_of=as_of
        )

    @classmethod
    def open_path(
        cls,
        path: Path,
        *,
        evidence_dir: Path | None = None,
        readonly: bool = False,
        as_of: dt.datetime | None = None,
    ) -> Store:
        """Open the store file at ``path`` (see :meth:`open`)."""
        evidence = evidence_dir if evidence_dir is not None else path.parent / "evidence"
        if readonly or as_of is not None:
            store = cls._open_readonly(path, evidence)
            store.as_of = as_of
            return store
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
                if store._readable_version() == 0:
                    conn.close()
                    return cls._empty(evidence)
            except BaseException:
                conn.close()
                raise
        return store

    def _readable_version(self) -> int:
        """The schema version of a store opened to read: 0 (empty), or the current one;
        :class:`StoreError` for a store too new for this tool or awaiting its upgrade."""
        found = self._stored_version()
        if found == 0:
            return 0
        _check_version(found, self.location)
        if found < self.current_version:
            raise OutdatedStore(
                t(
                    "store.needs_upgrade",
                    path=self.location,
                    found=found,
                    current=self.current_version,
                ),
                hint=t("store.needs_upgrade_hint"),
            )
        return found

    @staticmethod
    def _empty(evidence: Path) -> Store:
        """A read-only stand-in for a store that has not been created yet."""
        conn = sqlite3.connect(":memory:", **_CONNECT_ARGS)
        store = Store(conn, path=None, evidence_dir=evidence, readonly=False)
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
                    t("store.not_a_store", path=self.location), hint=t("store.corrupt_hint")
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
        _check_version(found, self.location)
        if found == self.current_version:
            return
        rebuilds = self._dialect.pragma_checks and any(
            m.rebuilds for m in sql.MIGRATIONS if m.version > found
        )
        if rebuilds:
            self._conn.execute(self._dialect.foreign_keys_off)
        try:
            with self.transaction():
                found = self._stored_version()  # another process may have upgraded meanwhile
                _check_version(found, self.location)
                if found == 0 and self._dialect.starts_from_baseline:
                    found = self._create_baseline()
                for migration in sql.MIGRATIONS:
                    if migration.version <= found:
                        continue
                    for statement in migration.render(self._dialect):
                        self._conn.execute(statement)
                    if migration.copy is not None:
                        from qingyang_inspect.store.upgrade import COPIES

                        COPIES[migration.copy](self._conn)
                    for statement in migration.render_finish(self._dialect):
                        self._conn.execute(statement)
                    self._note_applied(migration)
                if rebuilds:
                    broken = self._conn.execute(sql.FOREIGN_KEY_CHECK).fetchall()
                    if broken:
                        raise StoreError(
                            t(
                                "store.corrupt",
                                path=self.location,
                                reason=f"foreign keys: {broken[:3]}",
                            ),
                            hint=t("store.corrupt_hint"),
                        )
        finally:
            if rebuilds:
                self._conn.execute(self._dialect.foreign_keys_on)

    def _create_baseline(self) -> int:
        """Create a new store at :data:`sql.BASELINE`'s version in one step (inside the
        migration's transaction), recording each migration it stands for; that version."""
        for statement in (
            *self._dialect.setup,
            *sql.BASELINE.render(self._dialect),
            *sql.BASELINE.render_finish(self._dialect),
            *self._baseline_extras(),
        ):
            self._conn.execute(statement)
        for migration in sql.MIGRATIONS:
            if migration.version <= sql.BASELINE.version:
                self._note_applied(migration)
        return sql.BASELINE.version

    def _note_applied(self, migration: sql.Migration) -> None:
        """Record in ``schema_version`` that ``migration`` is applied (by this tool's version)."""
        self._conn.execute(
            sql.INSERT_SCHEMA_VERSION,
            {
                "version": migration.version,
                "description": migration.description,
                "tool_version": __version__,
            },
        )

    def _baseline_extras(self) -> list[str]:
        """Tables a new store of this kind holds beside the schema (none in a file)."""
        return []

    def close(self) -> None:
        """Close the connection (uncommitted work, if any, is rolled back)."""
        self._conn.close()

    def __enter__(self) -> Store:
        if self._one_moment and not self._conn.in_transaction:
            # One read transaction for the whole block; closing the store ends it.
            with self._mapped_errors():
                self._conn.execute(self._dialect.begin_read)
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
            raise StoreError(t("store.opened_readonly", path=self.location))
        with self._mapped_errors():
            self._begin_write()
            self._depth = 1
            try:
                yield
                self._commit()
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One snapshot for the reads inside: they see the store at one moment, whatever
        other processes write meanwhile (the tables of a findings bundle must agree with
        each other). Inside a transaction, that transaction's view."""
        if self._depth or self._conn.in_transaction:
            yield
            return
        with self._mapped_errors():
            self._conn.execute(self._dialect.begin_read)
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        with self._mapped_errors():
            self._conn.execute(sql.COMMIT)

    def _mapped_errors(self) -> AbstractContextManager[None]:
        """The engine's environment errors (disk, locks, network) as :class:`StoreError`."""
        return _mapped_errors(self.path)

    def _begin_write(self) -> None:
        _retry(lambda: self._conn.execute(self._dialect.begin_write), self.path)

    def _commit(self) -> None:
        self._conn.execute(sql.COMMIT)

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute(sql.ROLLBACK)

    def _write(self, action: Callable[[], T]) -> T:
        """Run ``action`` in a write transaction (or the enclosing one)."""
        with self.transaction():
            return action()

    # -- rounds ----------------------------------------------------------------

    def rounds(self) -> list[Round]:
        """Every round, by date then name (as of :attr:`as_of`: its pin and closing then)."""
        pins = self._pins_by_round()
        return [self._round(row, pins) for row in self._conn.execute(sql.SELECT_ROUNDS)]

    def round(self, name: str) -> Round:
        """The round ``name``; :class:`RecordError` naming the closest names if unknown."""
        row = self._conn.execute(sql.SELECT_ROUND, {"name": name}).fetchone()
        if row is None:
            names = [r.name for r in self.rounds()]
            raise RecordError(
                t("round.unknown", name=name, suggest=suggestion(name, names)),
                hint=t("round.list_hint"),
            )
        return self._round(row, self._pins_by_round(name))

    def has_round(self, name: str) -> bool:
        """Whether a round called ``name`` exists."""
        return self._conn.execute(sql.SELECT_ROUND, {"name": name}).fetchone() is not None

    def finding_counts(self) -> dict[str, int]:
        """Number of findings (voided included) per round name (found by :attr:`as_of`)."""
        if self.as_of is None:
            return {row[0]: row[1] for row in self._conn.execute(sql.COUNT_FINDINGS_BY_ROUND)}
        counts: dict[str, int] = {}
        for name, found_at in self._conn.execute(sql.SELECT_FOUND_BY_ROUND):
            if self._before(_datetime(found_at)):
                counts[name] = counts.get(name, 0) + 1
        return dict(sorted(counts.items()))

    def shared_items(self) -> list[tuple[str, str, str]]:
        """``(round, site, item)`` of every item with more than one finding at a site in a
        round (voided ones counted): the only places results can contradict each other."""
        return [(row[0], row[1], row[2]) for row in self._conn.execute(sql.SELECT_SHARED_ITEMS)]

    def add_round(self, round_: Round, *, opened_by: str) -> None:
        """Store a newly opened round (its pin is :meth:`add_pin`'s)."""
        self._write_one(
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

    def _write_one(self, statement: str, params: Any) -> None:
        """Run one writing statement as a transaction of its own (or in the enclosing one)."""
        self._write(partial(self._conn.execute, statement, params))

    def add_round_closure(self, name: str, *, closed_at: dt.datetime, closed_by: str) -> None:
        """Mark the round ``name`` closed."""
        self._write_one(
            sql.INSERT_ROUND_CLOSURE,
            {"round_name": name, "closed_at": closed_at.isoformat(), "closed_by": closed_by},
        )

    # -- snapshots and pins ----------------------------------------------------

    def add_snapshot(self, content_hash: str, content: str) -> bool:
        """Keep ``content`` under its hash unless it is kept already; whether it was new."""

        def keep() -> bool:
            if self._conn.execute(sql.SNAPSHOT_EXISTS, {"hash": content_hash}).fetchone():
                return False
            self._conn.execute(sql.INSERT_SNAPSHOT, {"hash": content_hash, "content": content})
            return True

        return self._write(keep)

    def snapshot(self, content_hash: str) -> str:
        """The content kept under ``content_hash``."""
        row = self._conn.execute(sql.SELECT_SNAPSHOT, {"hash": content_hash}).fetchone()
        if row is None:  # pragma: no cover - a foreign key keeps every pinned snapshot
            raise StoreError(
                t("store.corrupt", path=self.location, reason=f"snapshot {content_hash}")
            )
        return str(row[0])

    def add_pin(self, pin: RoundPin, *, entered_at: dt.datetime) -> None:
        """Pin a round to a snapshot (kept with :meth:`add_snapshot` first)."""
        self._write_one(
            sql.INSERT_PIN,
            (
                pin.id,
                pin.round_name,
                pin.snapshot,
                pin.at.isoformat(),
                entered_at.isoformat(),
                pin.actor,
                pin.reason,
            ),
        )

    def pins(self, round_name: str) -> list[RoundPin]:
        """The round's pins in order (as of :attr:`as_of`)."""
        rows = self._conn.execute(sql.SELECT_ROUND_PINS, {"round_name": round_name})
        return self._ordered_pins(rows)

    def _pins_by_round(self, name: str | None = None) -> dict[str, list[RoundPin]]:
        rows = (
            self._conn.execute(sql.SELECT_PINS)
            if name is None
            else self._conn.execute(sql.SELECT_ROUND_PINS, {"round_name": name})
        )
        found: dict[str, list[RoundPin]] = {}
        for pin in self._ordered_pins(rows):
            found.setdefault(pin.round_name, []).append(pin)
        return found

    def _ordered_pins(self, rows: Iterable[Sequence[Any]]) -> list[RoundPin]:
        """The pins of ``rows`` in order, as of :attr:`as_of`: those made by then, or a
        round's first pin when none was (the content it opened with scores it from its
        start, however late the opening was entered)."""
        keyed = []
        for ident, round_name, snapshot, at, entered_at, actor, reason in rows:
            when = _datetime(at)
            pin = RoundPin(ident, round_name, snapshot, when, actor, reason)
            keyed.append(((when, _datetime(entered_at), ident), pin))
        ordered = [pin for _, pin in sorted(keyed, key=lambda k: k[0])]
        firsts: dict[str, RoundPin] = {}
        for pin in ordered:
            firsts.setdefault(pin.round_name, pin)
        made = [pin for pin in ordered if self._before(pin.at)]
        known = {pin.round_name for pin in made}
        missing = [pin for name, pin in firsts.items() if name not in known]
        return sorted([*missing, *made], key=lambda pin: pin.at) if missing else made

    def _round(self, row: Sequence[Any], pins: dict[str, list[RoundPin]]) -> Round:
        closed_at = _datetime(row[6]) if row[6] else None
        if closed_at is not None and not self._before(closed_at):
            closed_at = None
        pinned = pins.get(row[0])
        return Round(
            name=row[0],
            kind=row[1],
            date=dt.date.fromisoformat(row[2]),
            standard_id=row[3],
            standard_version=row[4],
            opened_at=_datetime(row[5]),
            status="closed" if closed_at else "open",
            closed_at=closed_at,
            snapshot=pinned[-1].snapshot if pinned else None,
        )

    def _before(self, moment: dt.datetime) -> bool:
        """Whether ``moment`` lies before :attr:`as_of` (always, without one)."""
        return self.as_of is None or moment < self.as_of

    # -- findings: reading -----------------------------------------------------

    def iter_findings(
        self,
        *,
        round_name: str | None = None,
        site_id: str | None = None,
        item_id: str | None = None,
        include_voided: bool = False,
        failed_only: bool = False,
    ) -> Iterator[Finding]:
        """Findings in their state as of :attr:`as_of` (or now), by ``found_at`` then id,
        streamed from the store.

        Voided findings are left out unless ``include_voided``. ``failed_only``
        keeps the findings whose result is fail (the problems): the store
        reads only those recorded as failed or amended since, and the fold
        decides.
        """
        statement = sql.select_history(
            by_round=round_name is not None,
            by_site=site_id is not None,
            by_item=item_id is not None,
            failed=failed_only,
            # Only where an index leads to found_at (by round, by site): over the
            # whole store the filter would trade the plain scan for an index walk
            # with a lookup per row, slower than leaving the fold to skip them.
            found_before=self.as_of is not None and (round_name or site_id) is not None,
            dialect=self._dialect,
        )
        params = {
            "round_name": round_name,
            "site_id": site_id,
            "item_id": item_id,
            "found_before": self._found_before(),
        }
        cursor = self._conn.execute(statement, params)
        try:
            yield from _fold_rows(
                cursor, include_voided=include_voided, failed_only=failed_only, until=self.as_of
            )
        finally:
            # A reader stopped early (a closed pipe, Ctrl-C) may let this generator go only
            # after the store is closed: the cursor went with the connection then.
            with suppress(sqlite3.ProgrammingError):
                cursor.close()

    def _found_before(self) -> str | None:
        """ISO text a day after :attr:`as_of`: no finding found before the moment reads later
        (whatever its offset), so SQL can leave the rest out before the exact check."""
        if self.as_of is None:
            return None
        return (self.as_of + dt.timedelta(days=1)).date().isoformat()

    def finding(self, finding_id: str) -> Finding:
        """The finding ``finding_id`` (voided or not); :class:`RecordError` if unknown
        (or not found yet as of :attr:`as_of`)."""
        rows = self._conn.execute(
            sql.select_history(by_id=True, dialect=self._dialect), {"id": finding_id}
        ).fetchall()
        found = list(_fold_rows(rows, until=self.as_of))
        if found:
            return found[0]
        if rows and self.as_of is not None:
            # It exists, found after the moment read: say so, not "no such finding".
            later = next(_fold_rows(rows))
            day = (self.as_of - dt.timedelta(microseconds=1)).date()
            raise RecordError(
                t(
                    "finding.not_found_yet",
                    number=later.number or later.id,
                    found=later.found_at.strftime("%Y-%m-%d %H:%M"),
                    day=day.isoformat(),
                ),
                hint=t("finding.not_found_yet_hint", found=later.found_at.date().isoformat()),
            )
        raise RecordError(t("finding.unknown", id=finding_id), hint=t("finding.list_hint"))

    def resolve_id(self, text: str) -> str:
        """The full id of the finding ``text`` names: its number (问题编号), or its id or a
        prefix of the id of at least 6 characters."""
        number = normalize_number(text)
        if number is not None:
            row = self._conn.execute(sql.SELECT_ID_BY_NUMBER, {"number": number}).fetchone()
            if row is not None:
                return str(row[0])
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
                t(
                    "finding.ambiguous",
                    id=text,
                    candidates=t("finding.list_sep").join(number_of(i) for i in ids[:5]),
                ),
                hint=t("finding.ambiguous_hint"),
            )
        return ids[0]

    def events(self, finding_id: str) -> list[Event]:
        """The history of ``finding_id`` in order: its ``recorded`` event (the finding's
        row), then its events (as of :attr:`as_of`); empty for an unknown id."""
        try:
            finding = self.finding(finding_id)
        except RecordError:
            return []
        stored = [
            _event(row) for row in self._conn.execute(sql.SELECT_EVENTS, {"finding_id": finding_id})
        ]
        later = sorted((e for e in stored if self._before(e.at)), key=Event.order)
        return [recorded_event(finding), *later]

    # -- findings: writing -----------------------------------------------------

    def add_findings(self, batch: Iterable[Finding], *, require_open_round: bool = True) -> int:
        """Insert new findings (their row is their ``recorded`` event), in one transaction.

        The bulk path (imports, benchmarks): prepared statements with
        positional parameters run with ``executemany`` over chunks of
        :data:`BULK_CHUNK` rows, all in one transaction (one commit, one WAL
        sync with ``synchronous = NORMAL``); a batch at least as large as the
        store's findings builds their indexes after its rows
        (:meth:`_indexes_after`). Only the stored fields are written
        (the state is replayed from events). Findings are trusted to be valid
        (see :func:`~qingyang_inspect.findings.recording.build_finding`); the
        database still refuses what breaks its constraints (a number already
        held, too), and then nothing is written. Returns the number of
        findings inserted.
        """
        total = 0
        checked_rounds: set[str] = set()
        row = FINDING_ROW.row
        # Not retried as a whole (``batch`` may be a one-pass iterator): on a server the
        # write lock leaves nothing for a conflict to undo.
        with self.transaction():
            chunks, coming = _chunks(batch)
            with self._indexes_after("findings", coming):
                for chunk in chunks:
                    if require_open_round:
                        for name in {f.round_name for f in chunk} - checked_rounds:
                            self._require_open_round(name)
                            checked_rounds.add(name)
                    self.keep_photos(chain.from_iterable(f.photos for f in chunk if f.photos))
                    self._insert_rows("findings", sql.FINDING_COLUMNS, map(row, chunk))
                    total += len(chunk)
        return total

    @contextmanager
    def _indexes_after(self, table: str, coming: int) -> Iterator[None]:
        """Around a bulk insert of at least ``coming`` rows into ``table``: where the engine
        allows it (:attr:`sql.Dialect.table_indexes`) and the batch is large (at least
        :data:`BULK_INDEX_MIN` rows, and as many as the table holds), the table's indexes
        are dropped first and made again, by their own statements, after the rows.

        SQLite builds an index from sorted rows for a fraction of what inserting into it
        row by row costs, above all a unique index on random text (finding numbers, event
        ids), whose every row lands at a random place. Its B-tree is the same either way,
        and a unique index refuses a duplicate when it is made, with the same error an
        insert gets. A table already larger than the batch is cheaper to leave as it is
        (each index made again reads every row of it): measured with 100,000 rows, a
        rebuild wins from a batch as large as the table on. All of it happens inside a
        savepoint of the caller's transaction: an error anywhere leaves neither rows nor
        a missing index behind.
        """
        indexes = self._deferrable_indexes(table, coming)
        if not indexes:
            yield
            return
        self._conn.execute(sql.SAVEPOINT_BULK)
        try:
            for name, _statement in indexes:
                self._conn.execute(sql.drop_index(name))
            yield
            for _name, statement in indexes:
                self._conn.execute(statement)
        except BaseException:
            # (SQLite ends the whole transaction itself on a full disk or an I/O error.)
            if self._conn.in_transaction:
                self._conn.execute(sql.ROLLBACK_TO_BULK)
                self._conn.execute(sql.RELEASE_BULK)
            raise
        self._conn.execute(sql.RELEASE_BULK)

    def _deferrable_indexes(self, table: str, coming: int) -> list[tuple[str, str]]:
        """The indexes of ``table`` (name, statement) that a bulk insert of ``coming`` rows
        builds after its rows (see :meth:`_indexes_after`); empty to keep them up."""
        if self._dialect.table_indexes is None or coming < BULK_INDEX_MIN:
            return []
        limit = {"limit": coming + 1}
        if self._conn.execute(sql.count_up_to(table), limit).fetchone()[0] > coming:
            return []
        listed = self._conn.execute(self._dialect.table_indexes, {"table": table})
        return [(str(name), str(statement)) for name, statement in listed]

    def _refused_rows(self) -> tuple[type[Exception], ...]:
        """What the engine raises for a row that breaks the schema's rules."""
        return (sqlite3.IntegrityError,)

    def _insert_rows(
        self, table: str, columns: tuple[str, ...], rows: Iterable[Sequence[Any]]
    ) -> None:
        """Insert rows of ``table`` (``executemany``: SQLite's fastest way)."""
        self._conn.executemany(sql.insert_row(table, columns), rows)

    def keep_photos(self, photos: Iterable[PhotoFile]) -> None:
        """Keep photos of :attr:`evidence_dir` that rows of this store name where every
        reader of the store finds them, in the current transaction (a merge's, or the
        write of the rows): in a file store, the evidence folder holds them already."""

    def _require_open_round(self, name: str) -> None:
        found = self.round(name)
        if found.status != "open":
            raise RecordError(t("round.closed", name=name), hint=t("round.closed_hint"))

    def number_taken(self, number: str) -> bool:
        """Whether a finding of this store has the number ``number``."""
        return (
            self._conn.execute(sql.SELECT_ID_BY_NUMBER, {"number": number}).fetchone() is not None
        )

    def append_event(self, event: Event) -> Event:
        """Append ``event`` to its finding's history (its id is its content's)."""

        def append() -> None:
            self.keep_photos(event_photos(event.data))
            self._conn.execute(sql.INSERT_EVENT, event_row(event))

        self._write(append)
        return event

    # -- copying rows between stores (findings bundles) ---------------------------

    def copy_rows(self, table: str, *, round_name: str | None = None) -> Iterator[tuple[Any, ...]]:
        """The rows of ``table`` exactly as stored, in :data:`sql.COPY_COLUMNS` order (those
        of the round ``round_name`` only, if given): what a findings bundle carries."""
        statement = sql.copy_select(table, by_round=round_name is not None)
        yield from self._conn.execute(statement, {"round_name": round_name})

    def copy_keys(self, table: str) -> set[Any]:
        """The keys of every row of ``table`` (:data:`sql.COPY_KEYS`)."""
        return {row[0] for row in self._conn.execute(sql.copy_keys(table))}

    def numbers(self) -> set[str]:
        """Every finding number the store holds."""
        return {row[0] for row in self._conn.execute(sql.SELECT_NUMBERS)}

    def add_copied(self, table: str, rows: Iterable[Sequence[Any]]) -> int:
        """Insert rows copied from another store as they were stored there (a merge), in one
        transaction; the database's rules still apply (:class:`RecordError` naming the table
        if one is broken, and nothing is written). Returns the number of rows."""
        total = 0
        with self.transaction():
            chunks, coming = _chunks(rows)
            try:
                with self._indexes_after(table, coming):
                    for chunk in chunks:
                        self._insert_rows(table, sql.COPY_COLUMNS[table], chunk)
                        total += len(chunk)
            except self._refused_rows() as exc:
                raise RecordError(
                    t("merge.rows_refused", table=table, reason=exc),
                    hint=t("merge.rows_refused_hint"),
                ) from None
        return total

    # -- photos (``inspect store copy``) -------------------------------------------

    def read_photo(self, relpath: str) -> bytes:
        """The content of the evidence photo at ``relpath``."""
        try:
            return (self.evidence_dir / relpath).read_bytes()
        except OSError:
            raise StoreError(
                t("store.server_photo_missing", path=self.evidence_dir / relpath),
                hint=t("store.server_photo_missing_hint"),
            ) from None

    def refresh_statistics(self) -> None:
        """After a bulk copy into this store: let the engine's planner see the new rows
        (a file store plans without statistics: nothing to do)."""

    def keep_photo(self, sha256: str, relpath: str, content: bytes) -> bool:
        """Keep a photo where this store's readers find it, unless it is there; whether new."""
        target = self.evidence_dir / relpath
        if target.is_file():
            return False
        write_whole(target, content)
        return True

    def fetch_evidence(self, relpaths: Iterable[str] | None = None) -> int:
        """Bring the photos this store keeps (those of ``relpaths`` only, if given) into
        :attr:`evidence_dir` where they are only elsewhere (a server store keeps them for
        every laptop); how many were fetched."""
        return 0

    def photos_missing(self, relpaths: Iterable[str]) -> list[str]:
        """Those of ``relpaths`` this store does not keep (in :attr:`evidence_dir`), sorted."""
        return sorted(r for r in set(relpaths) if not (self.evidence_dir / r).is_file())

    # -- consistency -----------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks and the store's own rules.

        Empty when the store is sound: every event and pin links what it
        names, every photo a finding or a rectification keeps its file.
        """
        problems: list[str] = []
        if self._dialect.pragma_checks:
            integrity = [row[0] for row in self._conn.execute(sql.INTEGRITY_CHECK)]
            if integrity != ["ok"]:
                problems.extend(f"integrity: {line}" for line in integrity)
            problems.extend(
                f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
                for row in self._conn.execute(sql.FOREIGN_KEY_CHECK)
            )
        problems.extend(self._missing_photos(self.photo_paths()))
        return problems

    def photo_paths(self) -> set[str]:
        """The evidence paths of every photo the store's findings and events name."""
        paths: set[str] = set()
        for (text,) in self._conn.execute(sql.SELECT_FINDING_PHOTOS):
            paths.update(p["relpath"] for p in json.loads(text))
        for (text,) in self._conn.execute(sql.SELECT_EVENT_PHOTOS):
            paths.update(p["relpath"] for p in json.loads(text).get("photos", ()))
        return paths

    def _missing_photos(self, paths: set[str]) -> list[str]:
        return [
            f"photo {relpath} is missing from {self.evidence_dir}"
            for relpath in self.photos_missing(paths)
        ]


# -- helpers ---------------------------------------------------------------------


_CONNECT_ARGS: dict[str, Any] = {
    "timeout": BUSY_TIMEOUT_SECONDS,
    # Autocommit at the driver level: the store issues BEGIN/COMMIT itself.
    "isolation_level": None,
    "cached_statements": 64,
}


def _chunks(rows: Iterable[T]) -> tuple[Iterator[list[T]], int]:
    """``rows`` in lists of up to :data:`BULK_CHUNK`, and how many rows at least come: all
    of them when ``rows`` has a length, else those of the first list (read already)."""
    iterator = iter(rows)
    first = list(islice(iterator, BULK_CHUNK))
    coming = len(rows) if isinstance(rows, Sized) else len(first)
    rest = iter(lambda: list(islice(iterator, BULK_CHUNK)), [])
    return chain([first] if first else [], rest), coming


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
            t("store.cannot_create", path=folder, reason=os_reason(exc)),
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


def _check_version(found: int, path: Path | str | None) -> None:
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


def _event(row: Sequence[Any]) -> Event:
    """An event from a row in :data:`sql.EVENT_COLUMNS` order."""
    finding_id, ident, seq, kind, at, entered_at, actor, data, reason = row
    return Event(
        id=ident,
        finding_id=finding_id,
        seq=seq,
        kind=kind,
        at=_datetime(at),
        entered_at=_datetime(entered_at),
        actor=actor,
        data={} if data == "{}" else json.loads(data),
        reason=reason,
    )


def event_row(event: Event) -> tuple[Any, ...]:
    """An ``events`` row in :data:`sql.EVENT_COLUMNS` order."""
    return (
        event.finding_id,
        event.id,
        event.seq,
        event.kind,
        event.at.isoformat(),
        event.entered_at.isoformat(),
        event.actor,
        canonical_json(event.data),
        event.reason,
    )


#: The findings row: the model's stored fields, converted by their types.
FINDING_ROW = Columns(Finding, sql.FINDING_COLUMNS)

# Positions in a history row (sql.HISTORY_COLUMNS): the finding's columns, then
# its event's id, place, kind, times and data.
_E = len(sql.FINDING_COLUMNS)
_EID, _SEQ, _KIND, _AT, _ENTERED, _DATA = range(_E, _E + 6)


def _facts(row: Sequence[Any]) -> Finding:
    """The finding as recorded in a ``findings`` row (columns in :data:`sql.FINDING_COLUMNS`
    order), before its events."""
    return build(FINDING_ROW.values(row))


#: A row after the last one: it ends the last finding (no finding has this id).
_END: Final = (object(),)
_FOUND_AT = sql.FINDING_COLUMNS.index("found_at")


def _fold_rows(
    rows: Iterable[Sequence[Any]],
    *,
    include_voided: bool = True,
    failed_only: bool = False,
    until: dt.datetime | None = None,
) -> Iterator[Finding]:
    """Fold the rows of :func:`sql.select_history` into findings, one finding at a time.

    Rows come one per (finding, event), grouped by finding. Each finding is
    built once, from its row values and the changes its events made, in
    their history's order (:func:`~qingyang_inspect.findings.replay.event_changes`);
    most findings have no event, which costs one row. With ``until``, findings
    found and events happened at or after it are left out. Voided findings
    are left out unless ``include_voided``; ``failed_only`` keeps those whose
    result is then fail.
    """
    values = FINDING_ROW.values
    finding_id: object = None
    fields: list[Any] = []
    events: list[tuple[dt.datetime, int, dt.datetime, str, str, str]] = []
    for row in chain(rows, (_END,)):
        if row[0] != finding_id:
            if finding_id is not None and (until is None or fields[_FOUND_AT] < until):
                if events:
                    finding = _replayed(fields, events, until)
                    events = []
                else:
                    finding = build(fields)
                if (include_voided or not finding.voided) and (
                    not failed_only or finding.result == "fail"
                ):
                    yield finding
            if row is _END:
                return
            finding_id, fields = row[0], values(row)
            events.clear()
        if row[_EID] is not None:
            at, entered = _datetime(row[_AT]), _datetime(row[_ENTERED])
            events.append((at, row[_SEQ], entered, row[_EID], row[_KIND], row[_DATA]))


def _replayed(
    fields: list[Any],
    events: list[tuple[dt.datetime, int, dt.datetime, str, str, str]],
    until: dt.datetime | None,
) -> Finding:
    """The finding of ``fields`` after its ``events`` (those before ``until``), in their
    history's order (:meth:`Event.order`)."""
    if len(events) > 1:
        events.sort(key=lambda e: e[:4])
    changes: dict[str, Any] = {}
    after: tuple[Photo, ...] = ()
    for at, _seq, _entered, _ident, kind, text in events:
        if until is not None and at >= until:
            break
        data = {} if text == "{}" else json.loads(text)
        changes.update(event_changes(kind, at, data))
        after += event_photos(data)
    return build(fields, changes, after)
