"""Findings bundles: one zip file carrying a store's rounds, findings, history and photos.

An inspector's laptop exports what it recorded (``inspect export-findings``); the
office merges the bundles into its own store (``inspect merge``, see
:mod:`qingyang_inspect.exchange.merge`). A bundle holds:

* ``manifest.json`` — what the file is (:data:`FORMAT`, :data:`VERSION`), the tool and
  store schema that wrote it, what was asked for (round, since), the columns of each
  table and the SHA-256 and size of every other member;
* ``tables/<table>.json`` — the rows of each table of :data:`sql.COPY_TABLES` exactly
  as the store keeps them (rounds and their closings, the pinned content snapshots
  and the pins, findings, events): a merge inserts them unchanged, so ids, authors
  and both times of every event survive;
* ``photos/<relpath>`` — the evidence photos the rows name, under the path the
  evidence folder keeps them (``ab/ab12….jpg``: the name is the content's hash).

Reading (:func:`read_bundle`) checks everything before anything is written: a
file that is not a zip or not a bundle, a member missing, extra, truncated or
changed (its hash), a bundle from a newer tool, rows of the wrong shape, events,
pins and snapshots whose ids are not the hashes of their content, photos whose
content is not what their name says. Each problem is one :class:`BundleError`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from qingyang_inspect import __version__
from qingyang_inspect.errors import RecordError
from qingyang_inspect.evidence import MAX_PHOTO_BYTES
from qingyang_inspect.files import FileProblem, check_regular, open_regular, os_reason
from qingyang_inspect.findings.ids import ID_PATTERN, content_id, event_id, number_of
from qingyang_inspect.i18n import t
from qingyang_inspect.store.sql import COPY_COLUMNS, COPY_KEYS, COPY_TABLES, MIGRATIONS

if TYPE_CHECKING:
    from qingyang_inspect.store import Store

#: What a bundle's manifest says it is.
FORMAT: Final = "qingyang-inspect findings bundle"
#: The bundle layout this tool writes and reads; a newer one is refused.
VERSION: Final = 1
MANIFEST: Final = "manifest.json"
_TABLE_MEMBER = "tables/{table}.json"
_PHOTO_PREFIX = "photos/"
#: Where an evidence photo may be kept: ``<2 hex>/<64 hex>.<ext>`` (nothing else is
#: ever written from a bundle into the evidence folder).
_RELPATH = re.compile(r"^([0-9a-f]{2})/([0-9a-f]{64})\.[a-z0-9]{2,5}$")
#: The largest table (or manifest) a bundle may hold unpacked: a million findings take
#: about 250 MB.
MAX_TABLE_BYTES: Final = 2 * 1024 * 1024 * 1024

_FINDING = {name: n for n, name in enumerate(COPY_COLUMNS["findings"])}
_EVENT = {name: n for n, name in enumerate(COPY_COLUMNS["events"])}
_PIN = {name: n for n, name in enumerate(COPY_COLUMNS["round_pins"])}


class BundleError(RecordError):
    """A file that cannot be merged as it is: not a bundle, damaged, or from a newer tool."""


@dataclass(frozen=True)
class PhotoRef:
    """A photo a row names: its hash and where the evidence folder keeps it."""

    sha256: str
    relpath: str


@dataclass
class Bundle:
    """A bundle read and checked by :func:`read_bundle`: its rows, and its photos' members."""

    path: Path
    manifest: dict[str, Any]
    #: Rows of each table of :data:`sql.COPY_TABLES`, as the store keeps them.
    tables: dict[str, list[tuple[Any, ...]]]
    #: The photos the bundle carries: relpath → hash (checked).
    photos: dict[str, str] = field(default_factory=dict)

    def read_photos(self, relpaths: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """The bytes of the photos kept under ``relpaths``, each checked against its hash
        again (the zip opened once)."""
        with _open_zip(self.path) as archive:
            for relpath in relpaths:
                name = _PHOTO_PREFIX + relpath
                data = _member(archive, self.path, name)
                if hashlib.sha256(data).hexdigest() != self.photos[relpath]:
                    raise _damaged(self.path, t("bundle.changed_since", member=name))
                yield relpath, data


@dataclass(frozen=True)
class Exported:
    """What :func:`export_findings` wrote: rows per table, and photos."""

    path: Path
    counts: Mapping[str, int]
    photos: int


# -- writing ---------------------------------------------------------------------------


def export_findings(
    store: Store,
    path: Path,
    *,
    round_name: str | None,
    since: dt.datetime | None,
    now: dt.datetime,
    force: bool = False,
) -> Exported:
    """Write the bundle of the store's rounds (or the round ``round_name``) to ``path``.

    Every round in scope comes with its closing, pins and pinned content; its
    findings and events all, or with ``since`` those entered from that moment on
    (what a laptop recorded since its last export). The photos they name come
    along (a server store's from the server when the evidence folder lacks them). The
    file is written beside ``path`` and renamed when complete.
    """
    from qingyang_inspect.render.output import atomic_path

    # One moment of the store, though others record meanwhile (a team store): a step
    # without its finding, or a pin without its content, would not merge.
    with store.reading():
        if round_name is not None:
            round_name = store.round(round_name).name  # unknown: refused with a suggestion
        tables = {name: list(store.copy_rows(name, round_name=round_name)) for name in COPY_TABLES}
    if since is not None:
        tables["findings"] = _entered_since(tables["findings"], _FINDING["recorded_at"], since)
        tables["events"] = _entered_since(tables["events"], _EVENT["entered_at"], since)
    photos = sorted(
        {ref.relpath: ref for ref in photo_refs(tables["findings"], tables["events"])}.values(),
        key=lambda ref: ref.relpath,
    )
    # A server store's photos taken on other laptops: into the evidence folder first.
    store.fetch_evidence(ref.relpath for ref in photos)
    for ref in photos:
        if not (store.evidence_dir / ref.relpath).is_file():
            raise RecordError(
                t("bundle.photo_not_in_store", path=store.evidence_dir / ref.relpath),
                hint=t("bundle.photo_not_in_store_hint"),
            )
    files: dict[str, dict[str, Any]] = {}
    with atomic_path(path, force=force) as temp, zipfile.ZipFile(temp, "w") as archive:
        for table in COPY_TABLES:
            data = json.dumps(tables[table], ensure_ascii=False, separators=(",", ":")).encode()
            name = _TABLE_MEMBER.format(table=table)
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
            files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for ref in photos:
            # Photos are compressed already: stored as they are, if they are what was taken.
            data = (store.evidence_dir / ref.relpath).read_bytes()
            if hashlib.sha256(data).hexdigest() != ref.sha256:
                raise RecordError(
                    t("bundle.photo_changed_in_store", path=store.evidence_dir / ref.relpath),
                    hint=t("bundle.photo_not_in_store_hint"),
                )
            name = _PHOTO_PREFIX + ref.relpath
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
            files[name] = {"sha256": ref.sha256, "size": len(data)}
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "tool_version": __version__,
            "store_schema": MIGRATIONS[-1].version,
            "exported_at": now.isoformat(),
            "round": round_name,
            "since": since.isoformat() if since is not None else None,
            "columns": {table: list(COPY_COLUMNS[table]) for table in COPY_TABLES},
            "counts": {table: len(tables[table]) for table in COPY_TABLES},
            "files": files,
        }
        archive.writestr(
            MANIFEST,
            json.dumps(manifest, ensure_ascii=False, indent=1),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    counts = {table: len(rows) for table, rows in tables.items()}
    return Exported(path, counts, len(photos))


def _entered_since(
    rows: list[tuple[Any, ...]], column: int, since: dt.datetime
) -> list[tuple[Any, ...]]:
    """The rows entered at or after ``since`` (times compared as instants)."""
    return [row for row in rows if dt.datetime.fromisoformat(row[column]) >= since]


def photo_refs(
    findings: Iterable[Sequence[Any]], events: Iterable[Sequence[Any]]
) -> Iterator[PhotoRef]:
    """The photos named by findings rows (before-photos) and events rows (after-photos)."""
    photos, data = _FINDING["photos"], _EVENT["data"]
    for row in findings:
        if row[photos]:
            for photo in json.loads(row[photos]):
                yield PhotoRef(photo["sha256"], photo["relpath"])
    for row in events:
        if '"photos"' in row[data]:
            for photo in json.loads(row[data]).get("photos", ()):
                yield PhotoRef(photo["sha256"], photo["relpath"])


# -- reading ---------------------------------------------------------------------------


def read_bundle(path: Path) -> Bundle:
    """The bundle at ``path``, every member and row checked; :class:`BundleError` if not."""
    with _open_zip(path) as archive:
        manifest = _manifest(archive, path)
        listed: dict[str, Any] = manifest["files"]
        present = {info.filename for info in archive.infolist() if not info.is_dir()} - {MANIFEST}
        missing = sorted(set(listed) - present)
        if missing:
            raise _damaged(path, t("bundle.member_missing", member=missing[0]))
        extra = sorted(present - set(listed))
        if extra:
            raise _damaged(path, t("bundle.member_unlisted", member=extra[0]))
        tables: dict[str, list[tuple[Any, ...]]] = {}
        for table in COPY_TABLES:
            name = _TABLE_MEMBER.format(table=table)
            if name not in listed:
                raise _damaged(path, t("bundle.member_missing", member=name))
            data = _checked(archive, path, name, listed[name])
            tables[table] = _rows(path, table, data)
        photos: dict[str, str] = {}
        for name, entry in listed.items():
            if not name.startswith(_PHOTO_PREFIX):
                continue
            relpath = name[len(_PHOTO_PREFIX) :]
            shape = _RELPATH.match(relpath)
            if shape is None or not isinstance(entry, dict):
                raise _not_a_bundle(path, t("bundle.bad_member", member=name))
            _checked(archive, path, name, entry)
            if entry.get("sha256") != shape.group(2):
                raise _damaged(path, t("bundle.photo_name", member=name))
            photos[relpath] = shape.group(2)
    bundle = Bundle(path, manifest, tables, photos)
    _check_rows(bundle)
    return bundle


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        check_regular(path)
        return zipfile.ZipFile(path)
    except FileProblem as problem:
        raise BundleError(
            t("bundle.cannot_read", path=path, reason=problem.reason),
            hint=t("bundle.cannot_read_hint"),
        ) from None
    except (zipfile.BadZipFile, EOFError, ValueError):
        if _head(path).startswith(b"PK"):  # a zip whose end is missing: cut short in transfer
            raise _damaged(path, t("bundle.truncated")) from None
        raise _not_a_bundle(path, t("bundle.not_zip")) from None
    except OSError as exc:
        raise BundleError(
            t("bundle.cannot_read", path=path, reason=os_reason(exc)),
            hint=t("bundle.cannot_read_hint"),
        ) from None


def _head(path: Path) -> bytes:
    try:
        with open_regular(path) as handle:
            return handle.read(4)
    except OSError:  # pragma: no cover - it was just opened
        return b""


def _member(archive: zipfile.ZipFile, path: Path, name: str) -> bytes:
    """The bytes of member ``name``; damaged data (CRC, cut short) is a :class:`BundleError`."""
    try:
        return archive.read(name)
    except KeyError:
        raise _damaged(path, t("bundle.member_missing", member=name)) from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise _damaged(path, t("bundle.member_damaged", member=name, reason=exc)) from None


def _checked(archive: zipfile.ZipFile, path: Path, name: str, entry: Any) -> bytes:
    """Member ``name``'s bytes, if their size and SHA-256 are the manifest's (the size is
    checked before reading, and bounded: a small file cannot unpack into a huge one)."""
    if not isinstance(entry, dict):
        raise _damaged(path, t("bundle.hash_mismatch", member=name))
    size = archive.getinfo(name).file_size
    if size != entry.get("size"):
        raise _damaged(path, t("bundle.size_mismatch", member=name))
    limit = MAX_PHOTO_BYTES if name.startswith(_PHOTO_PREFIX) else MAX_TABLE_BYTES
    if size > limit:
        raise _damaged(path, t("bundle.member_too_large", member=name, size=size, limit=limit))
    data = _member(archive, path, name)
    if not isinstance(entry, dict) or hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise _damaged(path, t("bundle.hash_mismatch", member=name))
    return data


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    """The manifest, if it says this is a bundle this tool can read."""
    try:
        archive.getinfo(MANIFEST)
    except KeyError:
        raise _not_a_bundle(path, t("bundle.no_manifest")) from None
    if archive.getinfo(MANIFEST).file_size > MAX_TABLE_BYTES:
        raise _not_a_bundle(path, t("bundle.bad_manifest"))
    try:
        manifest = json.loads(_member(archive, path, MANIFEST))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _not_a_bundle(path, t("bundle.bad_manifest")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_bundle(path, t("bundle.bad_manifest"))
    version = manifest.get("version")
    schema = manifest.get("store_schema")
    if not isinstance(version, int) or not isinstance(schema, int):
        raise _not_a_bundle(path, t("bundle.bad_manifest"))
    if version > VERSION or schema > MIGRATIONS[-1].version:
        raise BundleError(
            t(
                "bundle.too_new",
                path=path,
                tool=str(manifest.get("tool_version", "?")),
                version=version,
                current=VERSION,
            ),
            hint=t("bundle.too_new_hint"),
        )
    columns = manifest.get("columns")
    if not isinstance(manifest.get("files"), dict) or not isinstance(columns, dict):
        raise _not_a_bundle(path, t("bundle.bad_manifest"))
    for table in COPY_TABLES:
        if columns.get(table) != list(COPY_COLUMNS[table]):
            raise _not_a_bundle(path, t("bundle.bad_columns", table=table))
    return manifest


def _rows(path: Path, table: str, data: bytes) -> list[tuple[Any, ...]]:
    """The rows of one table's member: a list of lists of the table's width."""
    try:
        rows = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _not_a_bundle(path, t("bundle.bad_rows", table=table)) from None
    width = len(COPY_COLUMNS[table])
    if not isinstance(rows, list) or not all(
        type(row) is list and len(row) == width for row in rows
    ):
        raise _not_a_bundle(path, t("bundle.bad_rows", table=table))
    return [tuple(row) for row in rows]


def _check_rows(bundle: Bundle) -> None:
    """Keys unique; findings' ids and numbers, events' and pins' ids, snapshots' hashes true
    to their content; every photo a row names either carried or (for a merge) held."""
    from qingyang_inspect.catalog.cache import content_hash_of

    path = bundle.path
    for table in COPY_TABLES:
        key = COPY_COLUMNS[table].index(COPY_KEYS[table])
        keys = [row[key] for row in bundle.tables[table]]
        if len(set(keys)) != len(keys):
            raise _damaged(path, t("bundle.duplicate_rows", table=table))
    ident, number = _FINDING["id"], _FINDING["number"]
    for row in bundle.tables["findings"]:
        if not (isinstance(row[ident], str) and ID_PATTERN.match(row[ident])) or row[
            number
        ] != number_of(row[ident]):
            raise _damaged(path, t("bundle.bad_id", table="findings", id=row[ident]))
    for row in bundle.tables["events"]:
        try:
            expected = event_id(*(row[_EVENT[name]] for name in _EVENT_ID_PARTS))
            json.loads(row[_EVENT["data"]])
        except (TypeError, ValueError):
            expected = None
        if row[_EVENT["id"]] != expected:
            raise _damaged(path, t("bundle.bad_id", table="events", id=row[_EVENT["id"]]))
    for row in bundle.tables["round_pins"]:
        expected = content_id("pin", *(row[_PIN[name]] for name in _PIN_ID_PARTS))
        if row[_PIN["id"]] != expected:
            raise _damaged(path, t("bundle.bad_id", table="round_pins", id=row[_PIN["id"]]))
    for content_hash, text in bundle.tables["snapshots"]:
        try:
            found = content_hash_of(json.loads(text))
        except (TypeError, ValueError, KeyError):
            found = None
        if found != content_hash:
            raise _damaged(path, t("bundle.bad_id", table="snapshots", id=content_hash))
    try:
        refs = list(photo_refs(bundle.tables["findings"], bundle.tables["events"]))
    except (TypeError, ValueError, KeyError, AttributeError):
        raise _damaged(path, t("bundle.bad_rows", table="findings")) from None
    for ref in refs:
        shape = _RELPATH.match(ref.relpath) if isinstance(ref.relpath, str) else None
        if shape is None or shape.group(2) != ref.sha256:
            raise _damaged(path, t("bundle.bad_photo_ref", relpath=ref.relpath))


#: The parts of an event its id is the hash of (:func:`~qingyang_inspect.findings.ids.event_id`).
_EVENT_ID_PARTS: Final = (
    *("finding_id", "seq", "kind", "at", "entered_at", "actor", "data", "reason"),
)
#: The parts of a pin its id is the hash of (:func:`~qingyang_inspect.findings.pins.pin`).
_PIN_ID_PARTS: Final = ("round_name", "snapshot", "at", "actor", "reason")


def _not_a_bundle(path: Path, reason: str) -> BundleError:
    return BundleError(
        t("bundle.not_a_bundle", path=path, reason=reason), hint=t("bundle.not_a_bundle_hint")
    )


def _damaged(path: Path, reason: str) -> BundleError:
    return BundleError(t("bundle.damaged", path=path, reason=reason), hint=t("bundle.damaged_hint"))
