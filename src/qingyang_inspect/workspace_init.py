"""``inspect init``: create a workspace (config, standards and sites, an empty store).

A new workspace either gets a copy of the bundled Qingyang standards and
sites, or points at folders the office already keeps (``--standards``,
``--sites``). An existing workspace is never overwritten, and a failure
halfway removes whatever this run created, so nothing half-made is left.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from qingyang_inspect.errors import WorkspaceError
from qingyang_inspect.files import os_reason
from qingyang_inspect.i18n import Lang, t
from qingyang_inspect.workspace import CONFIG_NAME, Workspace, load_workspace

STORE_PATH = ".inspect/store.sqlite"
EVIDENCE_PATH = ".inspect/evidence"
DEFAULT_DISTRICT = "成都市青羊区"


@dataclass(frozen=True)
class InitOptions:
    """The options of ``inspect init``."""

    target: Path
    district: str = DEFAULT_DISTRICT
    language: Lang = "zh"
    standards: Path | None = None
    sites: Path | None = None
    inspector: str | None = None


@dataclass(frozen=True)
class Bundled:
    """The bundled Qingyang data: standards, sites and their JSON Schemas."""

    standards: Path
    sites: Path
    schema: Path


def bundled_data() -> Bundled | None:
    """The bundled data: inside the installed package, else in the source checkout.

    A wheel (pip, pipx, ``uv tool``) carries it as ``qingyang_inspect/bundled/``
    (copied there by ``setup.py``); an editable install reads the repository's
    own ``standards/``, ``sites/`` and ``schema/``.
    """
    package = Path(__file__).resolve().parent
    for root in (package / "bundled", package.parents[1]):
        found = Bundled(root / "standards", root / "sites", root / "schema")
        if found.standards.is_dir() and found.sites.is_dir():
            return found
    return None


def create_workspace(options: InitOptions) -> Workspace:
    """Create the workspace ``options.target``; :class:`WorkspaceError` if it cannot be made."""
    target = options.target.resolve()
    if target.exists() and not target.is_dir():
        raise WorkspaceError(t("init.not_a_folder", path=target))
    if (target / CONFIG_NAME).exists():
        raise WorkspaceError(t("init.exists", path=target), hint=t("init.exists_hint"))
    district = options.district.strip()
    if not district:
        raise WorkspaceError(t("init.bad_district"))
    bundled = bundled_data()
    created: list[Path] = []
    try:
        if not target.exists():
            target.mkdir(parents=True)
            created.append(target)
        standards = _folder(target, options.standards, "standards", bundled, created)
        sites = _folder(target, options.sites, "sites", bundled, created)
        if bundled is not None and (options.standards is None or options.sites is None):
            _copy_schemas(target, bundled, created)
        lines = [
            "# qingyang-inspect workspace. Paths are relative to this file.",
            "[workspace]",
            f"district = {_toml(district)}",
            f"language = {_toml(options.language)}",
            f"standards = {_toml(standards)}",
            f"sites = {_toml(sites)}",
            f"store = {_toml(STORE_PATH)}",
            f"evidence = {_toml(EVIDENCE_PATH)}",
        ]
        if options.inspector and options.inspector.strip():
            lines.append(f"inspector = {_toml(options.inspector.strip())}")
        gitignore = target / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text(".inspect/\n", encoding="utf-8")
            created.append(gitignore)
        config = target / CONFIG_NAME
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        created.append(config)
        workspace = load_workspace(target)
        from qingyang_inspect.store.db import Store

        store_dir = workspace.store.parent
        if not store_dir.exists():
            created.append(store_dir)
        Store.open(workspace).close()
        return workspace
    except OSError as exc:
        _undo(created)
        raise WorkspaceError(
            t("init.failed", path=target, reason=os_reason(exc)), hint=t("init.failed_hint")
        ) from None
    except BaseException:
        _undo(created)
        raise


def _folder(
    target: Path,
    given: Path | None,
    name: str,
    bundled: Bundled | None,
    created: list[Path],
) -> str:
    """The config value for the standards or sites folder, copying the bundled one if none given."""
    option = f"--{name}"
    if given is not None:
        source = given.resolve()
        if not source.exists():
            raise WorkspaceError(t("init.missing_folder", option=option, path=given))
        return relative_path(source, target)
    if bundled is None:
        raise WorkspaceError(t("init.no_bundled", option=option), hint=t("init.no_bundled_hint"))
    destination = target / name
    if destination.exists():
        raise WorkspaceError(
            t("init.folder_exists", path=destination, option=option), hint=t("init.exists_hint")
        )
    shutil.copytree(bundled.standards if name == "standards" else bundled.sites, destination)
    created.append(destination)
    return name


def _copy_schemas(target: Path, bundled: Bundled, created: list[Path]) -> None:
    """``schema/`` beside the copied files, which name ``../schema/*.json`` for editors."""
    destination = target / "schema"
    if bundled.schema.is_dir() and not destination.exists():
        shutil.copytree(bundled.schema, destination)
        created.append(destination)


def relative_path(path: Path, start: Path) -> str:
    """``path`` relative to ``start`` with ``/`` (so the config moves with its folders).

    Only a path on another drive (Windows) cannot be relative; it stays absolute.
    """
    try:
        return Path(os.path.relpath(path, start)).as_posix()
    except ValueError:
        return str(path)


def _toml(value: str) -> str:
    """A TOML basic string (JSON's escapes are all valid TOML)."""
    return json.dumps(value, ensure_ascii=False)


def _undo(created: list[Path]) -> None:
    for path in reversed(created):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
