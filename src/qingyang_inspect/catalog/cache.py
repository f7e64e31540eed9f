"""The catalog as commands use it: loaded from YAML once, then from a content-hashed cache.

``inspect record`` runs many times a day; parsing and checking every YAML file
each time would dominate its run time. The first load of a valid catalog writes
``<store folder>/cache/catalog.json`` keyed by a hash of every YAML file's
bytes (and the tool's version); later loads read that JSON while the key
matches. The cache is derived data: deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from qingyang_inspect import __version__
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import Category, Item, Site, SiteType, StandardHeader
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.i18n import t
from qingyang_inspect.workspace import Workspace

CACHE_NAME = "catalog.json"
#: As :data:`qingyang_inspect.catalog.loader.YAML_SUFFIXES` (not imported: see source_files).
_YAML_SUFFIXES = (".yaml", ".yml")


class Snapshot(BaseModel):
    """A valid catalog, serialised for the cache."""

    model_config = ConfigDict(frozen=True)

    key: str
    standard: StandardHeader
    site_types: list[SiteType]
    categories: list[Category]
    items: list[Item]
    sites: list[Site]

    @classmethod
    def of(cls, key: str, catalog: Catalog) -> Snapshot:
        """Snapshot ``catalog`` under cache ``key``."""
        return cls(
            key=key,
            standard=catalog.standard,
            site_types=list(catalog.site_types.values()),
            categories=list(catalog.categories.values()),
            items=list(catalog.items.values()),
            sites=list(catalog.sites.values()),
        )

    def catalog(self) -> Catalog:
        """The catalog this snapshot holds."""
        return Catalog(
            standard=self.standard,
            site_types={v.id: v for v in self.site_types},
            categories={v.id: v for v in self.categories},
            items={v.id: v for v in self.items},
            sites={v.id: v for v in self.sites},
        )


def source_files(workspace: Workspace) -> list[Path]:
    """The YAML files of the workspace's standards and sites, in load order.

    The same list as :func:`qingyang_inspect.catalog.loader.discover`, found
    without importing the loader (the YAML reader, the validation report and
    their imports cost ``record`` tens of milliseconds on every run). When a
    path is missing or holds no YAML, the loader's own function raises the
    error.
    """
    found: list[Path] = []
    for path in (workspace.standards, workspace.sites):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in _YAML_SUFFIXES and p.is_file())
        else:
            files = [path] if path.is_file() else []
        if not files:
            from qingyang_inspect.catalog.loader import discover

            return discover([workspace.standards, workspace.sites])
        found.extend(files)
    return list(dict.fromkeys(found))


def content_key(files: list[Path]) -> str:
    """A hash of the tool version and every file's name and bytes."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=20)
    for path in files:
        digest.update(str(path).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_workspace_catalog(workspace: Workspace, *, use_cache: bool = True) -> Catalog:
    """The workspace's catalog; :class:`CatalogError` if its files have errors."""
    files = source_files(workspace)
    key = content_key(files)
    cache = workspace.cache_dir / CACHE_NAME
    if use_cache:
        cached = _read_cache(cache, key)
        if cached is not None:
            return cached
    from qingyang_inspect.catalog.loader import load_catalog

    result = load_catalog([workspace.standards, workspace.sites], base=workspace.root)
    if result.catalog is None:
        first = next(i for i in result.report.issues if i.severity == "error")
        raise CatalogError(
            t(
                "catalog.invalid",
                errors=result.report.errors,
                first=f"{first.location()}: "
                f"{first.path + ': ' if first.path else ''}{first.message}",
            ),
            hint=t("catalog.invalid_hint"),
        )
    if use_cache:
        _write_cache(cache, Snapshot.of(key, result.catalog))
    return result.catalog


def _read_cache(path: Path, key: str) -> Catalog | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        snapshot = Snapshot.model_validate_json(raw)
    except ValidationError:
        return None  # written by another version, or damaged: rebuild it
    return snapshot.catalog() if snapshot.key == key else None


def _write_cache(path: Path, snapshot: Snapshot) -> None:
    """Write atomically; a cache that cannot be written is only a lost speed-up."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(snapshot.model_dump_json().encode())
        os.replace(tmp, path)
    except OSError:
        return
