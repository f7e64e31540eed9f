"""A throwaway PostgreSQL cluster for the tests and the benchmark (no manual setup).

:func:`start_cluster` runs ``initdb`` into a temporary folder and starts the
server on a Unix socket there (no TCP port), as the ``postgres`` user when the
tests run as root (the server refuses to run as root). Each test gets a database
of its own (:meth:`Cluster.new_database`). Debian's ``postgresql`` package keeps
``initdb`` in ``/usr/lib/postgresql/N/bin``, off the ``PATH``: it is looked for
there too.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The role the tests connect with a password (every other local login is trusted).
PASSWORD_ROLE = "inspect_pw"
PASSWORD = "correct horse"
SUPERUSER = "postgres"


def find_binary(name: str) -> str | None:
    """``initdb``/``pg_ctl``: on the PATH, else in Debian's versioned folders (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _run_as() -> tuple[list[str], int | None, int | None]:
    """The prefix that runs a command as an unprivileged user (when we are root), and its ids."""
    if os.geteuid() != 0:
        return [], None, None
    import pwd

    user = pwd.getpwnam("postgres")
    return ["runuser", "-u", "postgres", "--"], user.pw_uid, user.pw_gid


@dataclass
class Cluster:
    """A running throwaway cluster: its folder, socket and the commands to drive it."""

    root: Path
    prefix: list[str]
    pg_ctl: str
    _names: Any = field(default_factory=itertools.count)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str, user: str = SUPERUSER) -> str:
        """The store URL of ``database`` as ``user`` (over the Unix socket)."""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}"

    def execute(self, *statements: str, database: str = "postgres") -> list[Any]:
        """Run ``statements`` as the superuser (autocommit); the last one's rows, if any."""
        import psycopg

        rows: list[Any] = []
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            for statement in statements:
                cursor = conn.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
        return rows

    def new_database(self, prefix: str = "t") -> str:
        """A new, empty database; its name."""
        name = f"{prefix}{next(self._names)}_{os.getpid()}"
        self.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a test's database (its connections closed first)."""
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def pg_ctl_run(self, *args: str) -> None:
        subprocess.run(
            [*self.prefix, self.pg_ctl, "-D", str(self.data), "-w", "-s", *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def start(self) -> None:
        """Start the server (on the socket in :attr:`root`)."""
        options = " ".join(
            (
                f"-k {self.socket_dir}",
                "-c listen_addresses=''",
                # A throwaway cluster: the OS keeps the files; nothing is synced.
                "-c fsync=off -c full_page_writes=off",
                "-c max_connections=60",
            )
        )
        self.pg_ctl_run("-o", options, "-l", str(self.root / "server.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate``: as if it crashed)."""
        self.pg_ctl_run("-m", mode, "stop")

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    """Create and start a cluster in a new temporary folder; :class:`RuntimeError` when
    PostgreSQL is not installed (``initdb`` not found)."""
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("initdb not found: install PostgreSQL (Debian: apt install postgresql)")
    prefix, uid, gid = _run_as()
    # A short path: a Unix socket's path may not exceed 107 bytes.
    root = Path(tempfile.mkdtemp(prefix="qipg-", dir="/tmp"))
    if uid is not None and gid is not None:
        os.chown(root, uid, gid)
    os.chmod(root, 0o700 if uid is None else 0o755)
    subprocess.run(
        [
            *prefix,
            initdb,
            "-D",
            str(root / "data"),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    hba = root / "data" / "pg_hba.conf"
    # The password role logs in with a password; everyone else is trusted (local only).
    hba.write_text(
        f"local all {PASSWORD_ROLE} scram-sha-256\nlocal all all trust\n", encoding="utf-8"
    )
    cluster = Cluster(root=root, prefix=prefix, pg_ctl=pg_ctl)
    cluster.start()
    cluster.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
    return cluster
