"""The store on a PostgreSQL server: what only a server has.

Bad situations (server unreachable, wrong password, database missing, a role
without rights, a connection lost in the middle of a write), the roles the
README's "Team store" section creates, photos shared through the server, and
the schema a new server store starts from. The store's other tests run on the
server too (``tests/store/conftest.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import psycopg
import pytest
from PIL import Image

from pg_cluster import PASSWORD, PASSWORD_ROLE, Cluster
from qingyang_inspect.errors import StoreError, WorkspaceError
from qingyang_inspect.store import Store, sql
from qingyang_inspect.store.address import ENV_STORE, display
from qingyang_inspect.workspace import load_workspace
from store_helpers import make_facts
from test_docs import README

RECORD = ("record", "--site", "M1", "--item", "CM-EN-01", "--result", "fail")


def _run(run_cli: Any, ws: Path, url: str, *args: str, lang: str = "zh", **env: str) -> Any:
    return run_cli(
        "-w",
        str(ws),
        "--lang",
        lang,
        *args,
        env={ENV_STORE: url, "INSPECT_INSPECTOR": "张三", **env},
    )


def _open_round(run_cli: Any, ws: Path, url: str) -> None:
    opened = _run(run_cli, ws, url, "round", "open", "R1", "--kind", "supervision")
    assert opened.exit_code == 0, opened.stderr


def _refused(result: Any, *words: str) -> None:
    """Exit 2, the words in the message, no traceback, nothing on stdout."""
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for word in words:
        assert word in result.stderr


# -- bad situations --------------------------------------------------------------------


def test_an_unreachable_server_is_named_with_what_to_do(
    run_cli: Any, minimal_workspace: Path, tmp_path: Path
) -> None:
    url = f"postgresql://inspect@/inspect?host={tmp_path}"  # no server listens there
    result = _run(run_cli, minimal_workspace, url, "round", "list")
    _refused(result, "无法连接记录库服务器", url, "检查服务器是否已启动")
    result = _run(run_cli, minimal_workspace, url, *RECORD, lang="en")
    _refused(result, "cannot reach the store's server", "nothing was written")


def test_a_wrong_password_is_refused_and_the_password_never_shown(
    run_cli: Any, minimal_workspace: Path, pg_cluster: Cluster
) -> None:
    database = pg_cluster.new_database()
    url = pg_cluster.url(database, PASSWORD_ROLE)
    result = _run(run_cli, minimal_workspace, url, "round", "list", PGPASSWORD="wrong")
    _refused(result, "拒绝登录", "PGPASSWORD", "~/.pgpass")
    assert "wrong" not in result.stderr
    written = url.replace(f"{PASSWORD_ROLE}@", f"{PASSWORD_ROLE}:wrong@")
    result = _run(run_cli, minimal_workspace, written, "round", "list", lang="en")
    _refused(result, "refused the login", display(written))
    assert ":wrong@" not in result.stderr
    # The right password (from libpq's environment) lets the role in.
    result = _run(run_cli, minimal_workspace, url, "round", "list", PGPASSWORD=PASSWORD)
    assert result.exit_code == 0, result.stderr  # an empty database reads as an empty store


def test_a_missing_database_is_named(
    run_cli: Any, minimal_workspace: Path, pg_cluster: Cluster
) -> None:
    url = pg_cluster.url("no_such_database")
    _refused(_run(run_cli, minimal_workspace, url, "round", "list"), "没有这个数据库", "团队记录库")
    result = _run(run_cli, minimal_workspace, url, "round", "list", lang="en")
    _refused(result, "has no such database", "Team store")


def test_a_role_without_rights_writes_nothing(
    run_cli: Any, minimal_workspace: Path, pg_cluster: Cluster
) -> None:
    database = pg_cluster.new_database()
    owner = pg_cluster.url(database)
    _open_round(run_cli, minimal_workspace, owner)
    pg_cluster.execute(f"GRANT CONNECT ON DATABASE {database} TO {PASSWORD_ROLE}")
    stranger = pg_cluster.url(database, PASSWORD_ROLE)
    for args in (("round", "list"), RECORD):
        result = _run(run_cli, minimal_workspace, stranger, *args, PGPASSWORD=PASSWORD)
        _refused(result, "当前账号无权执行此操作", "信息科")
    result = _run(run_cli, minimal_workspace, stranger, *RECORD, lang="en", PGPASSWORD=PASSWORD)
    _refused(result, "this account may not do that")
    assert pg_cluster.execute("SELECT COUNT(*) FROM findings", database=database) == [(0,)]


def _set_store(root: Path, value: str) -> None:
    """Set ``store = value`` in the workspace's ``inspect.toml``."""
    config = root / "inspect.toml"
    text = re.sub(r"^store *=.*$", "", config.read_text(encoding="utf-8"), flags=re.MULTILINE)
    config.write_text(text.replace("[workspace]", f'[workspace]\nstore = "{value}"'), "utf-8")


def test_a_password_in_inspect_toml_is_refused(run_cli: Any, minimal_workspace: Path) -> None:
    _set_store(minimal_workspace, "postgresql://u:secret@db/inspect")
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(minimal_workspace)
    assert "密码不能保存在 inspect.toml 中" in caught.value.message
    assert "secret" not in caught.value.message


def test_the_store_line_of_inspect_toml_names_the_server(
    minimal_workspace: Path, pg_url: str
) -> None:
    _set_store(minimal_workspace, pg_url)
    ws = load_workspace(minimal_workspace)
    assert ws.store_url == pg_url
    with Store.open(ws) as store:
        assert store.location == pg_url and store.schema_version() == store.current_version


def test_a_connection_lost_in_a_write_leaves_nothing_and_the_next_command_works(
    run_cli: Any, minimal_workspace: Path, pg_cluster: Cluster, pg_url: str
) -> None:
    """The server stops in the middle of a write: nothing half-written, a clear message,
    and once the server is back the next command works."""
    _open_round(run_cli, minimal_workspace, pg_url)
    ws = dataclasses.replace(load_workspace(minimal_workspace), store_url=pg_url)
    batch = [make_facts(round_name="R1") for _ in range(200)]
    store = Store.open(ws)
    try:
        with pytest.raises(StoreError) as caught:
            with store.transaction():
                store.add_findings(batch[:100])
                pg_cluster.stop("immediate")  # as if the server crashed
                store.add_findings(batch[100:])
    finally:
        pg_cluster.start()
        store.close()
    assert "连接中断" in caught.value.message
    assert caught.value.hint and "重新运行" in caught.value.hint
    result = _run(run_cli, minimal_workspace, pg_url, *RECORD)
    assert result.exit_code == 0, result.stderr
    with Store.open(ws, readonly=True) as reopened:
        assert [f.id for f in reopened.iter_findings()] == [result.stdout.strip()]
        assert reopened.check() == []


def test_a_server_that_went_away_is_reported_by_the_next_command(
    run_cli: Any, minimal_workspace: Path, pg_cluster: Cluster, pg_url: str
) -> None:
    _open_round(run_cli, minimal_workspace, pg_url)
    pg_cluster.stop()
    try:
        _refused(_run(run_cli, minimal_workspace, pg_url, *RECORD), "无法连接记录库服务器")
    finally:
        pg_cluster.start()
    assert _run(run_cli, minimal_workspace, pg_url, *RECORD).exit_code == 0


# -- the roles of the README -----------------------------------------------------------


def readme_sql() -> tuple[list[str], list[str]]:
    """The statements of the README's "Team store" setup: as the superuser, then as the owner."""
    section = README.split("## Team store", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) >= 2, "the Team store section shows its SQL in two sql blocks"

    def statements(block: str) -> list[str]:
        lines = [line for line in block.splitlines() if not line.strip().startswith("--")]
        return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]

    return statements(blocks[0]), statements(blocks[1])


def test_the_readme_roles_let_inspectors_add_but_never_change(pg_cluster: Cluster) -> None:
    as_superuser, as_owner = readme_sql()
    passwords = {"inspect_owner": "owner pw", "inspect_inspector": "inspector pw"}
    for statement in as_superuser:
        pg_cluster.execute(statement.replace("'…'", "NULL"))
    pg_cluster.execute(
        *(f"ALTER ROLE {role} PASSWORD '{pw}'" for role, pw in passwords.items()),
        # (the throwaway cluster trusts local logins but the password role's)
    )
    owner_url = pg_cluster.url("inspect", "inspect_owner")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        for statement in as_owner:
            conn.execute(statement)
    evidence = pg_cluster.root / "evidence"
    with Store.open_url(owner_url, evidence_dir=evidence) as store:  # creates the tables
        assert store.schema_version() == store.current_version
    inspector_url = pg_cluster.url("inspect", "inspect_inspector")
    with Store.open_url(inspector_url, evidence_dir=evidence) as store:
        store._conn.execute(
            sql.INSERT_ROUND,
            {
                "name": "R1",
                "kind": "supervision",
                "round_date": "2026-06-03",
                "standard_id": "S",
                "standard_version": "1",
                "opened_at": "2026-06-03T08:00:00+08:00",
                "opened_by": "王",
            },
        )
        assert store.add_findings([make_facts(round_name="R1")]) == 1
        for statement in ("UPDATE findings SET note = 'x'", "DELETE FROM findings"):
            with pytest.raises(StoreError, match="无权"):
                store._conn.execute(statement)
        assert len(list(store.iter_findings())) == 1
    # Even the owner cannot change history: the triggers refuse it.
    with psycopg.connect(owner_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("DELETE FROM findings")
        with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
            conn.execute("TRUNCATE findings CASCADE")


# -- photos through the server ---------------------------------------------------------


def _photo_on_the_server(run_cli: Any, ws: Path, tmp_path: Path, url: str) -> Path:
    """A finding with a photo recorded from ``ws`` into the server store; another laptop's
    copy of the workspace (its evidence folder without the photo)."""
    other = tmp_path / "other-laptop"
    shutil.copytree(ws, other)
    photo = tmp_path / "p.png"
    Image.new("RGB", (40, 30), "orange").save(photo)
    _open_round(run_cli, ws, url)
    recorded = _run(run_cli, ws, url, *RECORD, "--photo", str(photo))
    assert recorded.exit_code == 0, recorded.stderr
    return other


def test_a_photo_recorded_on_one_laptop_shows_in_reports_on_another(
    run_cli: Any, minimal_workspace: Path, tmp_path: Path, pg_url: str
) -> None:
    other = _photo_on_the_server(run_cli, minimal_workspace, tmp_path, pg_url)
    ws = dataclasses.replace(load_workspace(other), store_url=pg_url)
    with Store.open(ws, readonly=True) as store:
        (finding,) = store.iter_findings()
        (kept,) = finding.photos
        assert not (ws.evidence / kept.relpath).exists()
        assert store.check() == []  # the server holds it
    ledger = tmp_path / "ledger.xlsx"
    report = _run(run_cli, other, pg_url, "report", "rectification", "--output", str(ledger))
    assert report.exit_code == 0, report.stderr
    original = load_workspace(minimal_workspace).evidence / kept.relpath
    assert (ws.evidence / kept.relpath).read_bytes() == original.read_bytes()
    with zipfile.ZipFile(ledger) as book:
        assert any(name.startswith("xl/media/") for name in book.namelist()), "photo in ledger"


def test_the_bulletin_on_another_laptop_shows_the_servers_photo(
    run_cli: Any, minimal_workspace: Path, tmp_path: Path, pg_url: str
) -> None:
    """The bulletin's typical problems carry their photos on a laptop that did not take
    them: the photos come from the server, as the ledger's do."""
    other = _photo_on_the_server(run_cli, minimal_workspace, tmp_path, pg_url)
    today = dt.date.today().isoformat()
    out = tmp_path / "bulletin.docx"
    made = _run(
        run_cli, other, pg_url, "report", "bulletin", "--since", today, "--until", today,
        "--output", str(out),
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 1
    assert not any(p.text.startswith("照片缺失") for p in document.paragraphs)


# -- the schema a server store starts from ------------------------------------------------


def _sqlite_schema(conn: sqlite3.Connection) -> dict[str, Any]:
    tables = sorted(
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] != "sqlite_sequence"
    )
    return {
        table: (
            [(c[1], c[2], c[3], c[5]) for c in conn.execute(f"PRAGMA table_info({table})")],
            sorted(
                (i[1], i[2], tuple(x[2] for x in conn.execute(f"PRAGMA index_info({i[1]})")))
                for i in conn.execute(f"PRAGMA index_list({table})")
                if not i[1].startswith("sqlite_autoindex")
            ),
            sorted((f[2], f[3], f[4]) for f in conn.execute(f"PRAGMA foreign_key_list({table})")),
            sorted(
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                    (table,),
                )
            ),
        )
        for table in tables
    }


def test_the_baseline_is_the_schema_the_migrations_leave(tmp_path: Path) -> None:
    """Created at once (a server store) or step by step (a file): the same tables, columns,
    keys, indexes and triggers (compared in SQLite, which can build both)."""
    migrated = tmp_path / "migrated.sqlite"
    Store.open_path(migrated).close()
    baseline = sqlite3.connect(tmp_path / "baseline.sqlite")
    for statement in (
        *sql.BASELINE.render(sql.SQLITE),
        *sql.BASELINE.render_finish(sql.SQLITE),
    ):
        baseline.execute(statement)
    with sqlite3.connect(migrated) as conn:
        assert _sqlite_schema(baseline) == _sqlite_schema(conn)
    baseline.close()


def test_the_server_schema_has_the_tables_and_columns_of_a_file(
    tmp_path: Path, pg_url: str
) -> None:
    file_store = Store.open_path(tmp_path / "store.sqlite")
    with Store.open_url(pg_url, evidence_dir=tmp_path / "evidence") as server, file_store:
        for table in sql.COPY_TABLES:
            statement = f"SELECT * FROM {table} LIMIT 0"
            assert [c[0] for c in server._conn.execute(statement).description] == [
                c[0] for c in file_store._conn.execute(statement).description
            ]
        versions = server._conn.execute("SELECT version, description FROM schema_version")
        assert sorted(versions.fetchall()) == [(m.version, m.description) for m in sql.MIGRATIONS]


# -- psycopg is loaded only when a server store is opened ---------------------------------

_LOADED = """
import json, sys
sys.argv = ["inspect", *json.loads(sys.argv[1])]
from qingyang_inspect.cli.main import main
try:
    main()
except SystemExit as exit:
    code = exit.code or 0
print(json.dumps([code, "psycopg" in sys.modules]), file=sys.__stderr__)
"""


def _loads_psycopg(ws: Path, store: str, *args: str) -> bool:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    env.update({"INSPECT_INSPECTOR": "张三", ENV_STORE: store})
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, json.dumps(["-w", str(ws), *args])],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert code == 0, done.stderr
    return bool(loaded)


def test_psycopg_is_loaded_only_by_commands_that_open_a_server_store(
    minimal_workspace: Path, pg_url: str
) -> None:
    ws = minimal_workspace
    assert _loads_psycopg(ws, pg_url, "round", "open", "R1", "--kind", "supervision")
    assert _loads_psycopg(ws, pg_url, *RECORD, "--yes")
    assert not _loads_psycopg(ws, pg_url, "validate")  # reads no store
    assert not _loads_psycopg(ws, "", "round", "open", "R1", "--kind", "supervision")
    assert not _loads_psycopg(ws, "", *RECORD, "--yes")


# -- conflicts are retried ----------------------------------------------------------------


def test_a_write_the_server_undid_for_a_conflict_runs_again(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A serialization failure or deadlock becomes a conflict, and the store's own write is
    run again (a caller's enclosing transaction is the caller's to repeat)."""
    from qingyang_inspect.findings.model import Round
    from qingyang_inspect.store import pg

    for error in (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected):
        with pytest.raises(pg.ServerConflict, match="冲突"):
            with pg.mapped_errors("db"):
                raise error("could not serialize access")
    with Store.open_url(pg_url, evidence_dir=tmp_path / "evidence") as store:
        calls: list[str] = []
        execute = store._conn.execute

        def conflicting(statement: str, params: Any = None) -> Any:
            if statement == sql.INSERT_ROUND:
                calls.append(statement)
                if len(calls) < 3:
                    raise pg.ServerConflict("conflict")
            return execute(statement, params)

        monkeypatch.setattr(store._conn, "execute", conflicting)
        day = make_facts().found_at
        round_ = Round(
            name="R1",
            kind="supervision",
            date=day.date(),
            standard_id="S",
            standard_version="1",
            status="open",
            opened_at=day,
        )
        store.add_round(round_, opened_by="王")
        assert len(calls) == 3
        assert [r.name for r in store.rounds()] == ["R1"]
        calls.clear()
        with pytest.raises(pg.ServerConflict):
            with store.transaction():
                store.add_round(dataclasses.replace(round_, name="R2"), opened_by="王")
        assert len(calls) == 1 and [r.name for r in store.rounds()] == ["R1"]
