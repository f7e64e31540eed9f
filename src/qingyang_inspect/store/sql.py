"""Every SQL statement of the store, and the one place that knows the SQL dialect.

The statements are plain, portable SQL (no ``INSERT OR …``, no ``ON CONFLICT``
upserts, no SQLite-only functions) written with named ``:name`` parameters,
except the inserts of findings, events and pins: bulk imports run them
100,000 times, and binding a tuple by position costs SQLite's driver less than
looking names up in a dict, so they take ``?`` placeholders in the column
order of :data:`FINDING_COLUMNS`, :data:`EVENT_COLUMNS` and
:data:`PIN_COLUMNS`. A PostgreSQL backend needs only :func:`to_pyformat`
(which converts both styles) and the few dialect-specific pieces kept in
:class:`Dialect` (how to ask for the tables, ``WITHOUT ROWID``, the connection
pragmas, the triggers that make history append-only, whether a bulk insert may
build a table's indexes after its rows). Nothing outside this module holds SQL
text.

Tables (see :data:`MIGRATIONS`):

* ``schema_version`` — one row per applied migration.
* ``rounds`` / ``round_closures`` — a round as opened (with the standard's id
  and version) and, once closed, when and by whom.
* ``snapshots`` — the content a round is scored by (standard and sites as
  JSON), once per distinct content, under its hash.
* ``round_pins`` — which snapshot a round is scored by: when it opened, then
  each re-pin, with who, when and why.
* ``findings`` — the immutable facts of each finding as first recorded (its
  ``recorded`` event), with its number and the photos taken then (JSON).
* ``events`` — the append-only history of each finding after that: each with
  an id that is a hash of its content, the time it happened and the time it
  was entered; a rectification's photos are in its data.

A finding's current state is *derived* from its events (see
:mod:`qingyang_inspect.findings.replay`); no row is ever updated or deleted, and
triggers refuse any attempt to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from qingyang_inspect.findings.model import STORED_FIELDS

# -- dialect -------------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """What differs between SQL engines; everything else in this module is shared."""

    name: str
    #: Appended to tables keyed by their primary key alone (a single b-tree in SQLite).
    without_rowid: str
    #: Lists the tables of the store (to tell a new store from an old or foreign file).
    list_tables: str
    #: Statements run on every new connection (writable or read-only).
    connect_pragmas: tuple[str, ...]
    #: Statements run once a writable connection is open.
    write_pragmas: tuple[str, ...]
    #: Statements run on a read-only connection.
    read_pragmas: tuple[str, ...]
    #: Starts a write transaction that takes the write lock at once.
    begin_write: str
    #: Starts a read transaction (one snapshot for several statements).
    begin_read: str
    #: Triggers refusing UPDATE and DELETE on the append-only tables.
    append_only_trigger: str
    #: Turn foreign-key enforcement off and on again, around a migration that
    #: rebuilds tables (outside its transaction: SQLite ignores it inside one).
    foreign_keys_off: str
    foreign_keys_on: str
    #: Taken right after ``begin_write`` where the engine has no database-wide write lock
    #: of its own: writers then take turns, as SQLite's ``BEGIN IMMEDIATE`` makes them.
    write_lock: str | None = None
    #: Statements a new store runs before its first migration (e.g. the trigger function).
    setup: tuple[str, ...] = ()
    #: A statement-level trigger refusing ``TRUNCATE`` (engines that have the statement).
    truncate_trigger: str | None = None
    #: Whether the engine's own integrity and foreign-key checks (``PRAGMA``) exist.
    pragma_checks: bool = True
    #: Whether a new store starts from :data:`BASELINE` (the current schema in one step)
    #: rather than replaying every migration; later migrations apply alike.
    starts_from_baseline: bool = False
    #: How a narrow read (one site, one finding) joins each finding's events, and what
    #: ends its subqueries, where the engine would otherwise scan every event for them
    #: (see :func:`select_history`); ``None``: the plain join serves.
    narrow_events_join: str | None = None
    narrow_subquery_end: str = ""
    #: Lists a table's own indexes (``:table``) with the statements that create them, in
    #: the order they were made, where a large bulk insert may build them after its rows
    #: (see :func:`drop_index`); ``None`` leaves indexes alone. SQLite's DDL belongs to the
    #: transaction and its readers keep the committed schema meanwhile; a server's
    #: ``DROP INDEX`` would lock its readers out until the commit.
    table_indexes: str | None = None

    def column_types(self, statement: str) -> str:
        """``statement`` with text columns compared byte by byte (SQLite's only way)."""
        if self.name != "postgresql":
            return statement
        return _TEXT_COLUMN.sub('TEXT COLLATE "C"', statement)


SQLITE: Final = Dialect(
    name="sqlite",
    without_rowid=" WITHOUT ROWID",
    list_tables="SELECT name FROM sqlite_master WHERE type = 'table'",
    connect_pragmas=("PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 30000"),
    # 16 KiB pages for a new store (an existing one keeps its size: the pragma
    # changes nothing once tables exist). Bulk inserts of 100,000 findings take
    # 1.17 s instead of 1.36 s with SQLite's 4 KiB (fewer, fuller b-tree pages
    # to split, link and checkpoint); reading a round is as fast.
    # WAL: readers never block the writer; NORMAL is durable across process
    # crashes in WAL mode (only a power cut can lose the last commits).
    # A page cache of up to 64 MiB for writers (SQLite's default is 2 MiB, and it only
    # grows as pages are used): the unique indexes on problem numbers and event ids
    # take rows in random order, and with the default cache a bulk insert of 100,000
    # findings re-reads their pages from the file (0.96 s against 0.61 s in a
    # synthetic insert of such a table). Readers keep the default.
    write_pragmas=(
        "PRAGMA page_size = 16384",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA cache_size = -65536",
    ),
    read_pragmas=("PRAGMA query_only = ON",),
    begin_write="BEGIN IMMEDIATE",
    begin_read="BEGIN",
    append_only_trigger=(
        "CREATE TRIGGER {table}_no_{action} BEFORE {verb} ON {table} "
        "BEGIN SELECT RAISE(ABORT, '{table} is append-only: {verb} refused'); END"
    ),
    foreign_keys_off="PRAGMA foreign_keys = OFF",
    foreign_keys_on="PRAGMA foreign_keys = ON",
    # Only indexes written out in the schema (a key's own index has no statement).
    table_indexes=(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = :table AND sql IS NOT NULL ORDER BY rowid"
    ),
)

#: The key of the server store's advisory lock (any 64-bit number; "qingyang" in ASCII):
#: taken by every write transaction and by the migrations.
WRITE_LOCK_KEY: Final = 0x7169_6E67_7961_6E67

#: What an append-only table's trigger runs on the server: refuse the change.
_PG_REFUSE = """CREATE OR REPLACE FUNCTION inspect_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'restrict_violation';
    END
    $$"""

POSTGRESQL: Final = Dialect(
    name="postgresql",
    without_rowid="",
    # (pg_tables lists every table; information_schema only those the role may use.)
    list_tables="SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
    connect_pragmas=(),
    write_pragmas=(),
    read_pragmas=("SET default_transaction_read_only = on",),
    begin_write="BEGIN ISOLATION LEVEL READ COMMITTED",
    begin_read="BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    append_only_trigger=(
        "CREATE TRIGGER {table}_no_{action} BEFORE {verb} ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION inspect_append_only()"
    ),
    # The server always enforces foreign keys, and its migrations never rebuild tables.
    foreign_keys_off="SELECT 1",
    foreign_keys_on="SELECT 1",
    # Every statement of a READ COMMITTED transaction reads what was committed before it
    # ran: once the lock is held, the transaction sees every earlier writer's work.
    write_lock=f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})",
    setup=(_PG_REFUSE,),
    truncate_trigger=(
        "CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION inspect_append_only()"
    ),
    pragma_checks=False,
    starts_from_baseline=True,
    # The server plans the plain join of one site's findings as a hash join over every
    # event, and the amended-test as one scan of every event (4.5 ms and 1.5 ms a site
    # at 100,000 findings); fetched by key per finding instead, 0.5 ms and 0.4 ms.
    # ``OFFSET 0`` keeps the planner from flattening the subquery back into the plain form.
    narrow_events_join=(
        "LEFT JOIN LATERAL (SELECT id, seq, kind, at, entered_at, data FROM events "
        "WHERE finding_id = f.id OFFSET 0) e ON TRUE"
    ),
    narrow_subquery_end=" OFFSET 0",
)

_TEXT_COLUMN = re.compile(r"\bTEXT\b(?= NOT NULL| PRIMARY|,|\n|$)")

COMMIT: Final = "COMMIT"
ROLLBACK: Final = "ROLLBACK"

#: A quoted literal (left as it is), a ``?`` or a ``:name`` parameter.
_PARAMETER = re.compile(r"'(?:[^']|'')*'|\?|(?<!:):([A-Za-z_][A-Za-z0-9_]*)")


def to_pyformat(statement: str) -> str:
    """Parameters in psycopg's style, for the PostgreSQL backend.

    ``:name`` becomes ``%(name)s`` and ``?`` becomes ``%s``; a ``%`` is
    doubled everywhere (psycopg reads it even inside literals), and a ``?``
    or ``:`` inside a quoted literal is left alone.
    """

    def convert(match: re.Match[str]) -> str:
        text = match.group(0)
        if text == "?":
            return "%s"
        if match.group(1) is not None:
            return f"%({match.group(1)})s"
        return text

    return _PARAMETER.sub(convert, statement.replace("%", "%%"))


# -- schema and migrations -----------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """One step of the schema: applied in order, each inside a transaction."""

    version: int
    description: str
    statements: tuple[str, ...]
    #: New tables whose rows may never be updated or deleted (they get triggers).
    append_only: tuple[str, ...] = ()
    #: The statements rebuild tables that others reference: they run with
    #: foreign-key enforcement off, and the keys are checked before the commit.
    rebuilds: bool = False
    #: A step in Python between ``statements`` and ``finish`` that copies rows whose
    #: new form SQL alone cannot compute: the name of a function in ``store/upgrade.py``.
    copy: str | None = None
    finish: tuple[str, ...] = ()

    def render(self, dialect: Dialect) -> list[str]:
        """The statements with the dialect's pieces filled in (without the triggers)."""
        return [_render(s, dialect) for s in self.statements]

    def render_finish(self, dialect: Dialect) -> list[str]:
        """The statements after the copy, then the triggers."""
        statements = [_render(s, dialect) for s in self.finish]
        return statements + append_only_triggers(dialect, self.append_only)


def _render(statement: str, dialect: Dialect) -> str:
    return dialect.column_types(statement.format(without_rowid=dialect.without_rowid))


ROUND_KINDS_SQL = "'self-check', 'supervision', 'unannounced', 're-inspection', 'acceptance'"
EVENT_KINDS_SQL = "'recorded', 'amended', 'rectified', 'rechecked', 'voided'"
#: Event kinds, the most frequent first (a CHECK stops at the first match).
EVENT_KINDS: Final = ("recorded", "rectified", "rechecked", "amended", "voided")

_V1: Final = (
    """CREATE TABLE schema_version (
        version INTEGER NOT NULL PRIMARY KEY,
        description TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        applied_at TEXT NOT NULL
    )""",
    f"""CREATE TABLE rounds (
        name TEXT NOT NULL PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ({ROUND_KINDS_SQL})),
        round_date TEXT NOT NULL,
        standard_id TEXT NOT NULL,
        standard_version TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL
    )""",
    """CREATE TABLE round_closures (
        round_name TEXT NOT NULL PRIMARY KEY REFERENCES rounds (name),
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL
    )""",
    # Few indexes on purpose: bulk imports pay for each one on every row.
    """CREATE TABLE findings (
        id TEXT NOT NULL PRIMARY KEY,
        round_name TEXT NOT NULL REFERENCES rounds (name),
        site_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),
        occurrences INTEGER NOT NULL,
        inspector TEXT NOT NULL,
        found_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        note TEXT,
        location TEXT,
        due_date TEXT,
        on_spot INTEGER NOT NULL CHECK (on_spot IN (0, 1)),
        CHECK ((result = 'fail' AND occurrences >= 1) OR (result <> 'fail' AND occurrences = 0)),
        CHECK (on_spot = 0 OR result = 'fail')
    ){without_rowid}""",
    "CREATE INDEX findings_by_round ON findings (round_name, found_at, id)",
    f"""CREATE TABLE events (
        finding_id TEXT NOT NULL REFERENCES findings (id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        kind TEXT NOT NULL CHECK (kind IN ({EVENT_KINDS_SQL})),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        data TEXT NOT NULL,
        reason TEXT,
        CHECK ((seq = 1 AND kind = 'recorded') OR (seq > 1 AND kind <> 'recorded')),
        PRIMARY KEY (finding_id, seq)
    ){{without_rowid}}""",
    """CREATE TABLE photos (
        finding_id TEXT NOT NULL,
        event_seq INTEGER NOT NULL,
        position INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        original_name TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('before', 'after')),
        relpath TEXT NOT NULL,
        PRIMARY KEY (finding_id, event_seq, position),
        FOREIGN KEY (finding_id, event_seq) REFERENCES events (finding_id, seq)
    ){without_rowid}""",
)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    """``column`` equals one of ``values``, as comparisons joined by OR.

    Same meaning as ``column IN (…)``, but SQLite builds a temporary index
    for an ``IN`` list of more than two constants each time it evaluates a
    CHECK, i.e. for every row inserted; plain comparisons cost almost nothing.
    """
    return "(" + " OR ".join(f"{column} = '{value}'" for value in values) + ")"


#: Migration 3 rebuilds ``findings`` and ``events`` with migration 1's columns,
#: keys and rules; only the CHECKs are written without ``IN`` lists. With the
#: lists, CHECKs took 0.68 s of a 1.8 s bulk insert of 100,000 findings; as
#: comparisons they take 0.02 s. SQLite cannot alter a CHECK in place, hence
#: the copy (the rows are the same rows: nothing is changed or lost).
_V3_FINDINGS_COLUMNS = (
    "id, round_name, site_id, item_id, result, occurrences, inspector, found_at, "
    "recorded_at, note, location, due_date, on_spot"
)
_V3_EVENTS_COLUMNS = "finding_id, seq, kind, at, actor, data, reason"
_V3: Final = (
    f"""CREATE TABLE findings_v3 (
        id TEXT NOT NULL PRIMARY KEY,
        round_name TEXT NOT NULL REFERENCES rounds (name),
        site_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        result TEXT NOT NULL CHECK {_one_of("result", ("pass", "fail", "na"))},
        occurrences INTEGER NOT NULL,
        inspector TEXT NOT NULL,
        found_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        note TEXT,
        location TEXT,
        due_date TEXT,
        on_spot INTEGER NOT NULL CHECK (on_spot = 0 OR on_spot = 1),
        CHECK ((result = 'fail' AND occurrences >= 1) OR (result <> 'fail' AND occurrences = 0)),
        CHECK (on_spot = 0 OR result = 'fail')
    ){{without_rowid}}""",
    f"INSERT INTO findings_v3 ({_V3_FINDINGS_COLUMNS}) "
    f"SELECT {_V3_FINDINGS_COLUMNS} FROM findings ORDER BY id",
    "DROP TABLE findings",
    "ALTER TABLE findings_v3 RENAME TO findings",
    "CREATE INDEX findings_by_round ON findings (round_name, found_at, id)",
    "CREATE INDEX findings_by_site ON findings (site_id, found_at, id)",
    f"""CREATE TABLE events_v3 (
        finding_id TEXT NOT NULL REFERENCES findings (id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        kind TEXT NOT NULL CHECK {_one_of("kind", EVENT_KINDS)},
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        data TEXT NOT NULL,
        reason TEXT,
        CHECK ((seq = 1 AND kind = 'recorded') OR (seq > 1 AND kind <> 'recorded')),
        PRIMARY KEY (finding_id, seq)
    ){{without_rowid}}""",
    f"INSERT INTO events_v3 ({_V3_EVENTS_COLUMNS}) "
    f"SELECT {_V3_EVENTS_COLUMNS} FROM events ORDER BY finding_id, seq",
    "DROP TABLE events",
    "ALTER TABLE events_v3 RENAME TO events",
)


#: Migration 4: events get ids of their own (a hash of their content, the same in
#: every store) and both their times, findings their number and the photos taken
#: when they were recorded (the ``recorded`` event is the finding's row; the photos
#: table goes, photos are kept as JSON where they were taken), and rounds pin the
#: content they are scored by (snapshots, stored once per content).
def _v4_findings(table: str) -> str:
    """Migration 4's ``findings`` table, created as ``table``."""
    return f"""CREATE TABLE {table} (
        id TEXT NOT NULL PRIMARY KEY,
        round_name TEXT NOT NULL REFERENCES rounds (name),
        site_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        result TEXT NOT NULL CHECK {_one_of("result", ("pass", "fail", "na"))},
        occurrences INTEGER NOT NULL,
        inspector TEXT NOT NULL,
        found_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        number TEXT NOT NULL CHECK (length(number) = 10),
        note TEXT,
        location TEXT,
        due_date TEXT,
        on_spot INTEGER NOT NULL CHECK (on_spot = 0 OR on_spot = 1),
        photos TEXT,
        CHECK ((result = 'fail' AND occurrences >= 1) OR (result <> 'fail' AND occurrences = 0)),
        CHECK (on_spot = 0 OR result = 'fail')
    ){{without_rowid}}"""


def _v4_events(table: str) -> str:
    """Migration 4's ``events`` table, created as ``table``."""
    return f"""CREATE TABLE {table} (
        finding_id TEXT NOT NULL REFERENCES findings (id),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 2),
        kind TEXT NOT NULL CHECK {_one_of("kind", STORED_EVENT_KINDS)},
        at TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        data TEXT NOT NULL,
        reason TEXT,
        PRIMARY KEY (finding_id, id)
    ){{without_rowid}}"""


#: Event kinds that are stored (``recorded`` is the finding's row), the most frequent first.
STORED_EVENT_KINDS: Final = ("rectified", "rechecked", "amended", "voided")
_V4: Final = (
    """CREATE TABLE snapshots (
        hash TEXT NOT NULL PRIMARY KEY,
        content TEXT NOT NULL
    ){without_rowid}""",
    """CREATE TABLE round_pins (
        id TEXT NOT NULL PRIMARY KEY,
        round_name TEXT NOT NULL REFERENCES rounds (name),
        snapshot TEXT NOT NULL REFERENCES snapshots (hash),
        at TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT
    ){without_rowid}""",
    "CREATE INDEX round_pins_by_round ON round_pins (round_name)",
    _v4_findings("findings_v4"),
    _v4_events("events_v4"),
)
_V4_INDEXES: Final = (
    "CREATE INDEX findings_by_round ON findings (round_name, found_at, id)",
    "CREATE INDEX findings_by_site ON findings (site_id, found_at, id)",
    "CREATE UNIQUE INDEX findings_by_number ON findings (number)",
    "CREATE UNIQUE INDEX events_by_id ON events (id)",
)
_V4_FINISH: Final = (
    "DROP TABLE photos",
    "DROP TABLE events",
    "DROP TABLE findings",
    "ALTER TABLE findings_v4 RENAME TO findings",
    "ALTER TABLE events_v4 RENAME TO events",
    *_V4_INDEXES,
)
#: What the copy to migration 4 reads from a version 3 store, and writes.
V3_SELECT_PHOTOS: Final = (
    "SELECT finding_id, event_seq, sha256, original_name, relpath FROM photos "
    "ORDER BY finding_id, event_seq, position"
)
V3_SELECT_FINDINGS: Final = f"SELECT {_V3_FINDINGS_COLUMNS} FROM findings ORDER BY id"
V3_SELECT_EVENTS: Final = (
    f"SELECT {_V3_EVENTS_COLUMNS} FROM events WHERE seq > 1 ORDER BY finding_id, seq"
)

#: The schema's history. Append a new :class:`Migration` to change it; never edit one.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "rounds, findings, events, photos",
        _V1,
        # Every table: nothing the store holds is ever changed or deleted.
        append_only=("schema_version", "rounds", "round_closures", "findings", "events", "photos"),
    ),
    Migration(
        2,
        "index findings by site",
        # Acceptance reports read one site at a time across rounds; without this
        # index each site scans every finding (161 s instead of 73 s at 100,000).
        ("CREATE INDEX findings_by_site ON findings (site_id, found_at, id)",),
    ),
    Migration(
        3,
        "findings and events: CHECKs without IN lists (same rules, faster inserts)",
        _V3,
        # The old tables went with their triggers: the new ones get them again.
        append_only=("findings", "events"),
        rebuilds=True,
    ),
    Migration(
        4,
        "event ids and times, finding numbers and photos, round snapshots and pins",
        _V4,
        append_only=("snapshots", "round_pins", "findings", "events"),
        rebuilds=True,
        copy="copy_to_v4",
        finish=_V4_FINISH,
    ),
)


def append_only_triggers(dialect: Dialect, tables: tuple[str, ...]) -> list[str]:
    """Triggers that refuse UPDATE and DELETE (and TRUNCATE, where it exists) on ``tables``."""
    found = [
        dialect.append_only_trigger.format(table=table, action=verb.lower(), verb=verb)
        for table in tables
        for verb in ("UPDATE", "DELETE")
    ]
    if dialect.truncate_trigger is not None:
        found += [dialect.truncate_trigger.format(table=table) for table in tables]
    return found


#: The schema of version 4 in one step: what migrations 1 to 4 leave, table for table
#: (``tests/store/test_store_baseline.py`` compares the two). A server store starts
#: here: it never held an older version, and the rebuilds of migrations 3 and 4 rely
#: on SQLite naming a foreign key's table by name (the server binds it to the table).
BASELINE: Final = Migration(
    4,
    "the schema of version 4, created at once",
    (
        *_V1[:3],  # schema_version, rounds, round_closures
        *_V4[:3],  # snapshots, round_pins and its index
        _v4_findings("findings"),
        _v4_events("events"),
        *_V4_INDEXES,
    ),
    append_only=(
        "schema_version",
        "rounds",
        "round_closures",
        "snapshots",
        "round_pins",
        "findings",
        "events",
    ),
)

# -- evidence photos on a server --------------------------------------------------

#: A server store keeps the photos themselves (every laptop's reports show them), once
#: per content, under the path the evidence folder uses (``ab/abcdef….jpg``).
SERVER_PHOTOS_TABLE: Final = """CREATE TABLE evidence_files (
        sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
        relpath TEXT NOT NULL,
        content BYTEA NOT NULL
    )"""
SERVER_PHOTO_EXISTS: Final = "SELECT 1 FROM evidence_files WHERE sha256 = :sha256"
INSERT_SERVER_PHOTO: Final = (
    "INSERT INTO evidence_files (sha256, relpath, content) VALUES (:sha256, :relpath, :content)"
)
SELECT_SERVER_PHOTO_PATHS: Final = "SELECT sha256, relpath FROM evidence_files"
SELECT_SERVER_PHOTO: Final = "SELECT content FROM evidence_files WHERE sha256 = :sha256"


SELECT_SCHEMA_VERSION: Final = "SELECT MAX(version) FROM schema_version"
INSERT_SCHEMA_VERSION: Final = (
    "INSERT INTO schema_version (version, description, tool_version, applied_at) "
    "VALUES (:version, :description, :tool_version, CURRENT_TIMESTAMP)"
)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT`` of one row with positional parameters, in ``columns`` order."""
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _insert_named(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT`` of one row with a ``:name`` parameter for each of ``columns``."""
    marks = ", ".join(f":{name}" for name in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


# -- rounds --------------------------------------------------------------------

_ROUND_SELECT = (
    "r.name, r.kind, r.round_date, r.standard_id, r.standard_version, r.opened_at, c.closed_at"
)
_ROUND_FROM = "FROM rounds r LEFT JOIN round_closures c ON c.round_name = r.name"

SELECT_ROUNDS: Final = f"SELECT {_ROUND_SELECT} {_ROUND_FROM} ORDER BY r.round_date, r.name"
SELECT_ROUND: Final = f"SELECT {_ROUND_SELECT} {_ROUND_FROM} WHERE r.name = :name"
ROUND_COLUMNS: Final = (
    "name",
    "kind",
    "round_date",
    "standard_id",
    "standard_version",
    "opened_at",
    "opened_by",
)
CLOSURE_COLUMNS: Final = ("round_name", "closed_at", "closed_by")
INSERT_ROUND: Final = _insert_named("rounds", ROUND_COLUMNS)
INSERT_ROUND_CLOSURE: Final = _insert_named("round_closures", CLOSURE_COLUMNS)
COUNT_FINDINGS_BY_ROUND: Final = (
    "SELECT round_name, COUNT(*) FROM findings GROUP BY round_name ORDER BY round_name"
)
#: Items with more than one finding at a site in a round: where results may contradict.
SELECT_SHARED_ITEMS: Final = (
    "SELECT round_name, site_id, item_id FROM findings GROUP BY round_name, site_id, item_id "
    "HAVING COUNT(*) > 1 ORDER BY round_name, site_id, item_id"
)
#: Found times of each round's findings (counted as of a moment by the store).
SELECT_FOUND_BY_ROUND: Final = "SELECT round_name, found_at FROM findings"

# -- snapshots and pins ----------------------------------------------------------

SNAPSHOT_EXISTS: Final = "SELECT 1 FROM snapshots WHERE hash = :hash"
SELECT_SNAPSHOT: Final = "SELECT content FROM snapshots WHERE hash = :hash"
SNAPSHOT_COLUMNS: Final = ("hash", "content")
INSERT_SNAPSHOT: Final = _insert_named("snapshots", SNAPSHOT_COLUMNS)
PIN_COLUMNS: Final = ("id", "round_name", "snapshot", "at", "entered_at", "actor", "reason")
SELECT_PINS: Final = f"SELECT {', '.join(PIN_COLUMNS)} FROM round_pins"
SELECT_ROUND_PINS: Final = f"{SELECT_PINS} WHERE round_name = :round_name"

# -- findings and events ---------------------------------------------------------

#: Columns of a ``findings`` row, in the order :data:`INSERT_FINDING` binds them: the
#: model's stored fields, named alike (a new field is a model field and a migration).
FINDING_COLUMNS: Final = STORED_FIELDS
#: Columns of an ``events`` row, in the order :data:`INSERT_EVENT` binds them.
EVENT_COLUMNS: Final = (
    "finding_id",
    "id",
    "seq",
    "kind",
    "at",
    "entered_at",
    "actor",
    "data",
    "reason",
)


INSERT_FINDING: Final = _insert("findings", FINDING_COLUMNS)
INSERT_EVENT: Final = _insert("events", EVENT_COLUMNS)
INSERT_PIN: Final = _insert("round_pins", PIN_COLUMNS)
#: The copy to migration 4 writes the new tables under their temporary names.
V4_INSERT_FINDING: Final = _insert("findings_v4", FINDING_COLUMNS)
V4_INSERT_EVENT: Final = _insert("events_v4", EVENT_COLUMNS)
SELECT_EVENTS: Final = (
    f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE finding_id = :finding_id"
)
SELECT_EVENT_IDS: Final = "SELECT id FROM events WHERE finding_id = :finding_id"
#: Finding ids starting with a prefix: a range on the key, portable and index-friendly.
SELECT_IDS_BY_PREFIX: Final = (
    "SELECT id FROM findings WHERE id >= :low AND id < :high ORDER BY id LIMIT :limit"
)
SELECT_ID_BY_NUMBER: Final = "SELECT id FROM findings WHERE number = :number"

#: Column order of :func:`select_history`'s rows (read by position in the store): the
#: finding's columns, then what the fold needs of one of its events (if any).
HISTORY_COLUMNS: Final = (
    *(f"f.{name}" for name in FINDING_COLUMNS),
    "e.id",
    "e.seq",
    "e.kind",
    "e.at",
    "e.entered_at",
    "e.data",
)


def select_history(
    *,
    by_id: bool = False,
    by_round: bool = False,
    by_site: bool = False,
    by_item: bool = False,
    failed: bool = False,
    found_before: bool = False,
    dialect: Dialect = SQLITE,
) -> str:
    """Findings with their events, one row per finding and event (one row for a finding
    without events), in finding order.

    Rows come ordered by ``found_at``, then id, so a reader can fold each
    finding's rows as they stream by (it orders a finding's few events itself).
    ``failed`` keeps the findings that can be failed now: recorded as failed,
    or amended since (an amendment may change the result). ``found_before``
    leaves out findings whose found time reads after ``:found_before`` (ISO
    text, a day later than the moment the reader wants, so that no offset
    leaves one out wrongly: the reader checks the exact moment).

    A narrow read (``by_site``, ``by_id``: a hundred findings or one) fetches the
    events finding by finding, as ``dialect`` says (:attr:`Dialect.narrow_events_join`);
    the rows are the same.
    """
    narrow = by_site or by_id
    end = dialect.narrow_subquery_end if narrow else ""
    conditions = []
    if failed:
        conditions.append(
            "(f.result = 'fail' OR EXISTS (SELECT 1 FROM events a "
            f"WHERE a.finding_id = f.id AND a.kind = 'amended'{end}))"
        )
    if by_id:
        conditions.append("f.id = :id")
    if by_round:
        conditions.append("f.round_name = :round_name")
    if by_site:
        conditions.append("f.site_id = :site_id")
    if by_item:
        conditions.append("f.item_id = :item_id")
    if found_before:
        conditions.append("f.found_at < :found_before")
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    join = "LEFT JOIN events e ON e.finding_id = f.id"
    if narrow and dialect.narrow_events_join is not None:
        join = dialect.narrow_events_join
    return (
        f"SELECT {', '.join(HISTORY_COLUMNS)} FROM findings f {join}{where} "
        "ORDER BY f.found_at, f.id"
    )


# -- consistency checks (Store.check) -------------------------------------------

INTEGRITY_CHECK: Final = "PRAGMA integrity_check"
FOREIGN_KEY_CHECK: Final = "PRAGMA foreign_key_check"
#: Where photos are kept: a finding's row (before) and its rectifications (after).
SELECT_FINDING_PHOTOS: Final = "SELECT photos FROM findings WHERE photos IS NOT NULL"
SELECT_EVENT_PHOTOS: Final = "SELECT data FROM events WHERE kind = 'rectified'"


# -- copying rows between stores (findings bundles) ----------------------------------

#: The tables a bundle copies, in the order a merge inserts them (a row's references
#: first), each with its columns in bundle order and its key column.
COPY_TABLES: Final = (
    "rounds",
    "round_closures",
    "snapshots",
    "round_pins",
    "findings",
    "events",
)
COPY_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "rounds": ROUND_COLUMNS,
    "round_closures": CLOSURE_COLUMNS,
    "snapshots": SNAPSHOT_COLUMNS,
    "round_pins": PIN_COLUMNS,
    "findings": FINDING_COLUMNS,
    "events": EVENT_COLUMNS,
}
COPY_KEYS: Final = {
    "rounds": "name",
    "round_closures": "round_name",
    "snapshots": "hash",
    "round_pins": "id",
    "findings": "id",
    "events": "id",
}
#: How each table's rows of one round are chosen (``:round_name``).
_COPY_BY_ROUND: Final = {
    "rounds": "name = :round_name",
    "round_closures": "round_name = :round_name",
    "snapshots": "hash IN (SELECT snapshot FROM round_pins WHERE round_name = :round_name)",
    "round_pins": "round_name = :round_name",
    "findings": "round_name = :round_name",
    "events": "finding_id IN (SELECT id FROM findings WHERE round_name = :round_name)",
}


#: Gathers the planner's statistics of the copied tables (a server store, after a copy).
ANALYZE_COPIED: Final = f"ANALYZE {', '.join(COPY_TABLES)}"


def copy_select(table: str, *, by_round: bool = False) -> str:
    """The rows of ``table`` as stored, in :data:`COPY_COLUMNS` order and key order (those
    of the round ``:round_name`` with ``by_round``)."""
    where = f" WHERE {_COPY_BY_ROUND[table]}" if by_round else ""
    return (
        f"SELECT {', '.join(COPY_COLUMNS[table])} FROM {table}{where} ORDER BY {COPY_KEYS[table]}"
    )


def copy_keys(table: str) -> str:
    """The keys of every row of ``table``."""
    return f"SELECT {COPY_KEYS[table]} FROM {table}"


def insert_row(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT`` of one row of ``table`` (positional parameters, in ``columns`` order)."""
    return _insert(table, columns)


# -- bulk inserts that build indexes after the rows --------------------------------

#: A bulk insert that builds a table's indexes after its rows runs inside this savepoint:
#: when a row, or an index built at the end, is refused, rolling back to it brings the
#: indexes back and leaves none of the batch behind, even inside a caller's transaction.
SAVEPOINT_BULK: Final = "SAVEPOINT bulk_rows"
ROLLBACK_TO_BULK: Final = "ROLLBACK TO bulk_rows"
RELEASE_BULK: Final = "RELEASE bulk_rows"


def count_up_to(table: str) -> str:
    """The number of rows of ``table``, counting no further than ``:limit`` (a bounded cost)."""
    return f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} LIMIT :limit)"


def drop_index(name: str) -> str:
    """``DROP INDEX`` of the index ``name``, to be made again by its own statement (as
    :attr:`Dialect.table_indexes` lists it) after a bulk insert: built from sorted rows,
    an index costs less than kept up row by row, and a unique index checks every row then."""
    return f'DROP INDEX "{name}"'


SELECT_NUMBERS: Final = "SELECT number FROM findings"
