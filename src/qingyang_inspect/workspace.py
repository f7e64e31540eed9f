"""Workspaces: a folder with an ``inspect.toml`` naming the standards, sites and store.

Commands find the workspace as git finds a repository: from ``--workspace``,
else ``INSPECT_WORKSPACE``, else the current folder and its parents. Paths in
the config are relative to the workspace folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qingyang_inspect.errors import WorkspaceError
from qingyang_inspect.files import FileProblem, read_limited
from qingyang_inspect.i18n import Lang, parse_lang, t
from qingyang_inspect.text import control_char

if TYPE_CHECKING:
    from qingyang_inspect.calendar import WorkCalendar

CONFIG_NAME = "inspect.toml"
#: Largest ``inspect.toml`` read (a real one is a few hundred bytes).
MAX_CONFIG_BYTES = 1024 * 1024
ENV_WORKSPACE = "INSPECT_WORKSPACE"
#: Where the store file is, relative to the workspace, unless ``store`` says otherwise.
DEFAULT_STORE = ".inspect/store.sqlite"


@dataclass(frozen=True)
class Workspace:
    """A workspace folder and its settings, with every path made absolute."""

    root: Path
    district: str
    language: Lang
    standards: Path
    sites: Path
    #: The SQLite store file; with a server store, where the file would be (its folder
    #: holds the cache).
    store: Path
    evidence: Path
    inspector: str | None = None
    #: The holiday file (工作日历补充): read when present; ``holidays.yaml`` by default.
    holidays: Path | None = None
    #: The server store's URL (``postgresql://…``), when the store is on a server.
    store_url: str | None = None

    @property
    def store_label(self) -> str:
        """The store as messages name it: the server's URL (without a password), else the file."""
        if self.store_url is None:
            return str(self.store)
        from qingyang_inspect.store.address import display

        return display(self.store_url)

    @property
    def config_path(self) -> Path:
        """The workspace's ``inspect.toml``."""
        return self.root / CONFIG_NAME

    def work_calendar(self, *, cached: bool = True) -> WorkCalendar:
        """The official calendar with this workspace's holiday file (read on first use).

        ``cached``: keep JSON copies of the file and the package's tables in the cache folder.
        """
        from qingyang_inspect.calendar import WorkCalendar

        shown = None
        if self.holidays is not None:
            try:
                shown = str(self.holidays.relative_to(self.root))
            except ValueError:
                shown = str(self.holidays)
        cache_dir = self.cache_dir if cached else None
        return WorkCalendar(self.holidays, display=shown, cache_dir=cache_dir)

    @property
    def cache_dir(self) -> Path:
        """Where derived, rebuildable data (the catalog cache) lives."""
        return self.store.parent / "cache"


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding an ``inspect.toml``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def resolve_workspace(explicit: Path | None = None, cwd: Path | None = None) -> Workspace:
    """Find and read the workspace (``--workspace``, ``INSPECT_WORKSPACE``, then upward)."""
    chosen = explicit or (Path(env) if (env := os.environ.get(ENV_WORKSPACE)) else None)
    if chosen is not None:
        if not (chosen / CONFIG_NAME).is_file():
            raise WorkspaceError(
                t("workspace.not_a_workspace", path=chosen), hint=t("workspace.init_hint")
            )
        return load_workspace(chosen)
    start = cwd or Path.cwd()
    root = find_root(start)
    if root is None:
        raise WorkspaceError(t("workspace.not_found", path=start), hint=t("workspace.init_hint"))
    return load_workspace(root)


def configured_language(explicit: Path | None = None) -> Lang | None:
    """The ``language`` of the workspace a command would use, if it is found and readable.

    Read before the command line is parsed (help is rendered in it); any
    problem is left for the command itself to report, so this never raises.
    """
    env = os.environ.get(ENV_WORKSPACE)
    chosen = explicit or (Path(env) if env else None)
    root = chosen if chosen is not None else find_root(Path.cwd())
    if root is None:
        return None
    try:
        text = read_limited(root / CONFIG_NAME, MAX_CONFIG_BYTES).decode("utf-8")
        section = tomllib.loads(text).get("workspace")
    except (FileProblem, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    value = section.get("language") if isinstance(section, dict) else None
    return parse_lang(value) if isinstance(value, str) else None


def load_workspace(root: Path) -> Workspace:
    """Read ``root/inspect.toml``; errors name the file and the bad setting."""
    config = root / CONFIG_NAME
    try:
        data = tomllib.loads(read_limited(config, MAX_CONFIG_BYTES).decode("utf-8"))
    except (tomllib.TOMLDecodeError, FileProblem, UnicodeDecodeError) as exc:
        raise WorkspaceError(t("workspace.bad_config", path=config, reason=exc)) from None
    section = data.get("workspace", {})
    if not isinstance(section, dict):
        raise WorkspaceError(t("workspace.bad_config", path=config, reason="[workspace]"))

    def text(key: str, default: str) -> str:
        value = section.get(key, default)
        if not isinstance(value, str) or not value.strip() or control_char(value, newlines=False):
            raise WorkspaceError(
                t("workspace.bad_setting", path=config, key=key, value=repr(value))
            )
        return value.strip()

    lang = parse_lang(text("language", "zh"))
    if lang is None:
        raise WorkspaceError(
            t("workspace.bad_setting", path=config, key="language", value=section["language"])
        )
    inspector = section.get("inspector")
    if isinstance(inspector, str) and control_char(inspector, newlines=False):
        raise WorkspaceError(
            t("workspace.bad_setting", path=config, key="inspector", value=repr(inspector))
        )
    base = root.resolve()

    def path(key: str, default: str) -> Path:
        # Relative to the workspace; ``..`` folded away (a sibling folder is fine).
        return Path(os.path.normpath(base / text(key, default)))

    store_url = _store_url(section, config)
    holidays = path("holidays", "holidays.yaml")
    if "holidays" in section and not holidays.is_file():
        raise WorkspaceError(
            t("calendar.file_missing", file=holidays), hint=t("calendar.file_missing_hint")
        )
    return Workspace(
        root=base,
        district=text("district", "青羊区"),
        language=lang,
        standards=path("standards", "standards"),
        sites=path("sites", "sites"),
        store=_store_file(base, store_url, path("store", DEFAULT_STORE)),
        evidence=path("evidence", ".inspect/evidence"),
        inspector=inspector.strip() if isinstance(inspector, str) and inspector.strip() else None,
        holidays=holidays,
        store_url=store_url,
    )


def _store_file(base: Path, store_url: str | None, configured: Path) -> Path:
    """The store file: ``INSPECT_STORE`` (a path, relative to the workspace) over the
    config's; with a server store, the default place (its folder holds the cache)."""
    from qingyang_inspect.store.address import ENV_STORE

    env = os.environ.get(ENV_STORE, "").strip()
    if store_url is not None:
        return Path(os.path.normpath(base / DEFAULT_STORE))
    return Path(os.path.normpath(base / env)) if env else configured


def _store_url(section: dict[str, object], config: Path) -> str | None:
    """The server store's URL from ``INSPECT_STORE`` or ``store``, or ``None`` for a file.

    A password in ``inspect.toml`` is refused: the file is shared and kept in
    folders others read; libpq's ``PGPASSWORD`` or ``~/.pgpass`` hold it instead.
    """
    from qingyang_inspect.store.address import (
        ENV_STORE,
        display,
        has_password,
        is_server_url,
        well_formed,
    )

    env = os.environ.get(ENV_STORE, "").strip()
    configured = section.get("store")
    if env:
        found, where = env, ENV_STORE
    elif isinstance(configured, str) and configured.strip():
        found, where = configured.strip(), str(config)
    else:
        return None
    if not is_server_url(found):
        return None
    if not well_formed(found):
        raise WorkspaceError(
            t("workspace.bad_setting", path=where, key="store", value=repr(display(found)))
        )
    if where != ENV_STORE and has_password(found):
        raise WorkspaceError(
            t("workspace.store_password", path=config), hint=t("workspace.store_password_hint")
        )
    return found
