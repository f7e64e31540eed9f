"""The catalog as commands use it: loaded from YAML once, then from a content-hashed cache.

``inspect record`` runs many times a day; parsing and checking every YAML file
each time would dominate its run time. The first load of a valid catalog writes
``<store folder>/cache/catalog.json`` keyed by a hash of every YAML file's
bytes (and the tool's version and models); later loads read that JSON while
the key matches. The cache is derived data: deleting it is always safe.

A warm load must cost little more than ``json.loads`` and import no pydantic:
the cache was written from validated models, so it is read back without
validating again (the models are plain dataclasses), and each site, item or
site type becomes a model only when it is first looked up (``record`` touches
one site and one item of hundreds). Importing pydantic and validating the
snapshot instead cost ``record`` more than all its real work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from qingyang_inspect import __version__
from qingyang_inspect.catalog import models
from qingyang_inspect.catalog.catalog import Catalog
from qingyang_inspect.catalog.models import (
    Category,
    Contact,
    Coordinates,
    Deduction,
    Graded,
    Item,
    Model,
    PassFail,
    Site,
    SiteType,
    StandardHeader,
    Thresholds,
    Verdicts,
    to_json,
)
from qingyang_inspect.errors import CatalogError
from qingyang_inspect.files import (
    MAX_YAML_BYTES,
    FileProblem,
    listed,
    open_regular,
    read_limited,
    write_whole,
)
from qingyang_inspect.i18n import t
from qingyang_inspect.workspace import Workspace

CACHE_NAME = "catalog.json"
M = TypeVar("M", bound=Model)
#: As :data:`qingyang_inspect.catalog.loader.YAML_SUFFIXES` (not imported: see source_files).
_YAML_SUFFIXES = (".yaml", ".yml")


def snapshot(key: str, catalog: Catalog) -> dict[str, Any]:
    """``catalog`` as the cache holds it, under cache ``key``."""
    return {
        "key": key,
        "standard": to_json(catalog.standard),
        "site_types": [to_json(v) for v in catalog.site_types.values()],
        "categories": [to_json(v) for v in catalog.categories.values()],
        "items": [to_json(v) for v in catalog.items.values()],
        "sites": [to_json(v) for v in catalog.sites.values()],
    }


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
            files = listed(path, _YAML_SUFFIXES)
        else:
            files = [path] if path.exists() or path.is_symlink() else []
        if not files:
            from qingyang_inspect.catalog.loader import discover

            return discover([workspace.standards, workspace.sites])
        found.extend(files)
    return list(dict.fromkeys(found))


def content_key(files: list[Path]) -> str | None:
    """A hash of the tool version, the models' source and every file's name and bytes.

    The models' source is part of the key because the cache is read back
    without validation: a cache written for other models must never match.
    ``None`` when a file cannot be read as the loader would read it (a FIFO, a
    broken link, too large): the loader then reports it.
    """
    digest = hashlib.blake2b(__version__.encode(), digest_size=20)
    digest.update(Path(models.__file__).read_bytes())
    for path in files:
        digest.update(os.fsencode(path))
        digest.update(b"\0")
        try:
            digest.update(read_limited(path, MAX_YAML_BYTES))
        except FileProblem:
            return None
        digest.update(b"\0")
    return digest.hexdigest()


def load_workspace_catalog(workspace: Workspace, *, use_cache: bool = True) -> Catalog:
    """The workspace's catalog; :class:`CatalogError` if its files have errors."""
    files = source_files(workspace)
    key = content_key(files)
    cache = workspace.cache_dir / CACHE_NAME
    use_cache = use_cache and key is not None
    if use_cache:
        cached = _read_cache(cache, key)
        if cached is not None:
            return replace(cached, calendar=workspace.work_calendar(cached=use_cache))
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
    # key is None only when a file cannot be read, and then the loader has raised
    records = snapshot(key or "", result.catalog)
    if use_cache:
        _write_cache(cache, {**records, "content_hash": content_hash_of(records)})
    return replace(
        result.catalog,
        calendar=workspace.work_calendar(cached=use_cache),
        content_hash=content_hash_of(records),
    )


def _read_cache(path: Path, key: str | None) -> Catalog | None:
    try:
        with open_regular(path) as handle:
            data = json.loads(handle.read())
    except (FileProblem, OSError, ValueError):
        return None  # missing, damaged or not a file: rebuild it
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    try:
        catalog = catalog_from_records(data)
    except (KeyError, TypeError, ValueError):
        return None
    found = data.get("content_hash")
    return replace(catalog, content_hash=found if isinstance(found, str) else None)


#: The parts of a catalog's records that are its content (a cache's also has its key).
CONTENT_PARTS = ("standard", "site_types", "categories", "items", "sites")


def content_hash_of(records: Mapping[str, Any]) -> str:
    """The hash of a catalog's content: its :data:`CONTENT_PARTS` as canonical JSON.

    The same standard and sites give the same hash wherever they are read, so
    a round can be pinned to what it is scored by (a store keeps each content
    once under this hash).
    """
    return hashlib.sha256(content_text(records).encode()).hexdigest()


def content_text(records: Mapping[str, Any]) -> str:
    """A catalog's content as canonical JSON text (sorted keys, no spaces): what its hash
    is taken of."""
    content = {part: records[part] for part in CONTENT_PARTS}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def snapshot_text(records: Mapping[str, Any]) -> str:
    """A catalog's content as a round keeps it: JSON with every mapping in the files'
    order (category weights are listed as the standard lists them)."""
    content = {part: records[part] for part in CONTENT_PARTS}
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def catalog_from_records(data: Mapping[str, Any]) -> Catalog:
    """A catalog from its records (a cache's or a snapshot's): models made on first use."""
    return Catalog(
        standard=_standard(data["standard"]),
        site_types=Lazy(data["site_types"], _site_type),
        categories=Lazy(data["categories"], _category),
        items=Lazy(data["items"], _item),
        sites=Lazy(data["sites"], _site),
    )


class Lazy(Mapping[str, M], Generic[M]):
    """``id → model`` over cached records, each made into a model on first access."""

    def __init__(self, records: list[dict[str, Any]], build: Callable[[dict[str, Any]], M]):
        self._records = {record["id"]: record for record in records}
        self._models: dict[str, M] = {}
        self._build = build

    def __getitem__(self, key: str) -> M:
        model = self._models.get(key)
        if model is None:
            model = self._models[key] = self._build(self._records[key])
        return model

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def record(self, key: str) -> dict[str, Any]:
        """The record ``key``'s model is made from (as :func:`to_json` gives it)."""
        return self._records[key]


# Builders from records written by :func:`snapshot`: trusted data, so the dataclasses
# are made directly (no validation); only JSON's types are turned back into ours.


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _standard(r: dict[str, Any]) -> StandardHeader:
    verdicts = r["verdicts"]
    levels = {k: Thresholds(**v) for k, v in verdicts["levels"].items()}
    return StandardHeader(
        **{
            **r,
            "effective_date": _date(r["effective_date"]),
            "verdicts": Verdicts(**{**verdicts, "levels": levels}),
        }
    )


def _site_type(r: dict[str, Any]) -> SiteType:
    return SiteType(**r)


def _category(r: dict[str, Any]) -> Category:
    return Category(**r)


def _item(r: dict[str, Any]) -> Item:
    scoring = r["scoring"]
    built: PassFail | Deduction | Graded
    if scoring["mode"] == "deduction":
        built = Deduction(**scoring)
    elif scoring["mode"] == "graded":
        built = Graded(mode="graded", coefficients=tuple(scoring["coefficients"]))
    else:
        built = PassFail(**scoring)
    return Item(**{**r, "site_types": tuple(r["site_types"]), "scoring": built})


def _site(r: dict[str, Any]) -> Site:
    return Site(
        **{
            **r,
            "coordinates": Coordinates(**r["coordinates"]) if r["coordinates"] else None,
            "contact": Contact(**r["contact"]) if r["contact"] else None,
            "cooperating_departments": tuple(r["cooperating_departments"]),
            "tags": tuple(r["tags"]),
            "planned_acceptance": _date(r["planned_acceptance"]),
        }
    )


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    """Write atomically; a cache that cannot be written is only a lost speed-up."""
    content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    with contextlib.suppress(OSError):
        write_whole(path, content, prefix=".catalog-")
