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
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from qingyang_inspect import __version__
from qingyang_inspect.errors import RecordError, StoreError, suggestion
from qingyang_inspect.findings.ids import ID_LENGTH, MIN_PREFIX, normalize_prefix
from qingyang_inspect.findings.model import Event, EventKind, Finding, FindingFacts, Photo, Round
from qingyang_inspect.findings.replay import apply_event, initial_status
from qingyang_inspect.i18n import t
from qingyang_inspect.store import sql

if TYPE_CHECKING:
    from qingyang_inspect.workspace import Workspace

T = TypeVar("T")

#: How long a command waits for another process's write before giving up.
BUSY_TIMEOUT_SECONDS = 30.0
#: Rows per executemany call in a bulk import (bounds memory, not transactions).
BULK_CHUNK = 5000

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
        if not path.exists():
            return cls._empty(evidence)
        with _mapped_errors(path):
            try:
                conn = _connect_readonly(path, immutable=False)
            except sqlite3.OperationalError as exc:
                # A WAL store in a folder this user cannot write: SQLite cannot
                # create the shared-memory file readers need. Nobody can write
                # there either, so reading the file as immutable is safe.
                if _code(exc) not in (_READONLY, _CANTOPEN) or os.access(path.parent, os.W_OK):
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
            for finding in _fold_rows(cursor):
                if failed_only and finding.result != "fail":
                    continue
                if include_voided or not finding.voided:
                    yield finding
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

    def add_findings(
        self, batch: Iterable[FindingFacts], *, require_open_round: bool = True
    ) -> int:
        """Insert new findings, each with its ``recorded`` event and photos, in one transaction.

        The bulk path (imports, benchmarks): prepared statements with
        positional parameters run with ``executemany`` over chunks of
        :data:`BULK_CHUNK` rows, all in one transaction (one commit, one WAL
        sync with ``synchronous = NORMAL``). Facts are trusted to be valid
        (see :func:`~qingyang_inspect.findings.recording.build_facts`); the
        database still refuses what breaks its constraints, and then nothing
        is written. Returns the number of findings inserted.
        """
        total = 0
        checked_rounds: set[str] = set()
        iterator = iter(batch)
        execute_many = self._conn.executemany
        iso = _IsoTexts()
        with self.transaction():
            while chunk := list(islice(iterator, BULK_CHUNK)):
                findings, events, photos, round_names = _bulk_rows(chunk, iso)
                if require_open_round:
                    for name in round_names - checked_rounds:
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
        if code == _FULL:
            raise StoreError(t("store.full", path=path), hint=t("store.full_hint")) from None
        if code in (_CORRUPT, _NOTADB):
            raise StoreError(
                t("store.corrupt", path=path, reason=reason), hint=t("store.corrupt_hint")
            ) from None
        if code in (_CANTOPEN, _IOERR):
            raise StoreError(
                t("store.cannot_open", path=path, reason=reason), hint=t("store.readonly_hint")
            ) from None
        raise


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


def _facts(row: Sequence[Any]) -> FindingFacts:
    """The facts of a ``findings`` row (its first 13 columns, in table order)."""
    return FindingFacts(
        id=row[0],
        round_name=row[1],
        site_id=row[2],
        item_id=row[3],
        result=row[4],
        occurrences=row[5],
        inspector=row[6],
        found_at=_datetime(row[7]),
        recorded_at=_datetime(row[8]),
        note=row[9],
        location=row[10],
        due_date=_date(row[11]),
        on_spot=bool(row[12]),
    )


def _initial(row: Sequence[Any]) -> Finding:
    """The finding of a history row as recorded: ``initial_state`` of its facts, built at once.

    Reading a round folds every finding: one dataclass instead of two, and no
    parsing of ``recorded_at``, which a finding does not carry.
    """
    found_at = _datetime(row[7])
    status, closed_at = initial_status(row[4], bool(row[12]), found_at)
    return Finding(
        id=row[0],
        round_name=row[1],
        site_id=row[2],
        item_id=row[3],
        result=row[4],
        occurrences=row[5],
        inspector=row[6],
        found_at=found_at,
        note=row[9],
        location=row[10],
        due_date=_date(row[11]),
        on_spot=bool(row[12]),
        status=status,
        closed_at=closed_at,
    )


def _fold_rows(rows: Iterable[Sequence[Any]]) -> Iterator[Finding]:
    """Fold the rows of :func:`sql.select_history` into findings, one finding at a time.

    Rows come one per (event, photo), grouped by finding and event. Most
    findings have only their ``recorded`` event and no photo: that case costs
    one row and no event object.
    """
    finding: Finding | None = None
    finding_id: str | None = None
    event_row: Sequence[Any] | None = None
    photos: list[Photo] = []
    for row in rows:
        if row[0] != finding_id:
            if finding is not None:
                yield _apply_row(finding, event_row, photos)
            finding_id, finding, event_row, photos = row[0], _initial(row), row, []
        elif event_row is not None and row[13] != event_row[13]:
            finding = _apply_row(cast(Finding, finding), event_row, photos)
            event_row, photos = row, []
        if row[19] is not None:
            photos.append(
                Photo(sha256=row[20], original_name=row[21], stage=row[22], relpath=row[23])
            )
    if finding is not None:
        yield _apply_row(finding, event_row, photos)


def _apply_row(finding: Finding, row: Sequence[Any] | None, photos: list[Photo]) -> Finding:
    """``finding`` after the event in history ``row`` (with the photos it attached)."""
    if row is None or (row[14] == "recorded" and not photos):
        return finding
    event = _event((row[13], row[0], row[14], row[15], row[16], row[17], row[18]))
    return apply_event(finding, event, tuple(photos))


_Row = tuple[Any, ...]


#: Timestamps whose text :class:`_IsoTexts` remembers before starting afresh.
_ISO_MEMO_SIZE = 20_000


class _IsoTexts:
    """ISO texts of timestamps, each distinct one formatted once per bulk import.

    Formatting an aware datetime costs about a microsecond, twice per
    finding; imports repeat timestamps (one ``recorded_at`` for a batch,
    many findings found in the same minute or second), and a look-up costs a
    tenth of that. Equal datetimes can still differ in text (another offset
    for the same instant, or ``fold``), so a remembered text is used only
    for the same ``tzinfo`` object and ``fold``.
    """

    __slots__ = ("_memo",)

    def __init__(self) -> None:
        self._memo: dict[dt.datetime, tuple[str, dt.tzinfo | None, int]] = {}

    def __call__(self, value: dt.datetime) -> str:
        """``value.isoformat()``."""
        hit = self._memo.get(value)
        if hit is not None and hit[1] is value.tzinfo and hit[2] == value.fold:
            return hit[0]
        text = value.isoformat()
        if len(self._memo) >= _ISO_MEMO_SIZE:
            self._memo.clear()
        self._memo[value] = (text, value.tzinfo, value.fold)
        return text


def _bulk_rows(
    chunk: list[FindingFacts], iso: Callable[[dt.datetime], str]
) -> tuple[list[_Row], list[_Row], list[_Row], set[str]]:
    """Rows of ``findings``, ``events`` (the ``recorded`` event) and ``photos`` for ``chunk``.

    Tuples in the column order of :data:`sql.FINDING_COLUMNS`,
    :data:`sql.EVENT_COLUMNS` and :data:`sql.PHOTO_COLUMNS`, built in one
    pass with each attribute read once, timestamps formatted by ``iso``;
    and the names of the rounds the chunk records into.
    """
    findings: list[_Row] = []
    events: list[_Row] = []
    photos: list[_Row] = []
    add_finding = findings.append
    add_event = events.append
    round_names: set[str] = set()
    last_round: str | None = None
    for facts in chunk:
        finding_id = facts.id
        round_name = facts.round_name
        if round_name is not last_round:
            round_names.add(round_name)
            last_round = round_name
        recorded_text = iso(facts.recorded_at)
        inspector = facts.inspector
        due_date = facts.due_date
        add_finding(
            (
                finding_id,
                round_name,
                facts.site_id,
                facts.item_id,
                facts.result,
                facts.occurrences,
                inspector,
                iso(facts.found_at),
                recorded_text,
                facts.note,
                facts.location,
                None if due_date is None else due_date.isoformat(),
                1 if facts.on_spot else 0,
            )
        )
        attached = facts.photos
        if attached:
            data = _json({"photos": [p.relpath for p in attached]})
            photos.extend(_photo_row(finding_id, 1, n, photo) for n, photo in enumerate(attached))
        else:
            data = "{}"
        add_event((finding_id, 1, "recorded", recorded_text, inspector, data, None))
    return findings, events, photos, round_names


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
