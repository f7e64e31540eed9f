"""Evidence photos: checked to be real images, stored once under their SHA-256.

Recording is all-or-nothing, so photos go through two steps:

1. :func:`check_photos` validates *every* photo (exists, is a readable file, at
   most :data:`MAX_PHOTO_BYTES`, decodes as an image of an accepted format) and
   hashes it. Any problem raises :class:`~qingyang_inspect.errors.RecordError`
   naming the file and how to fix it, before anything is written.
2. :func:`store_photos` copies them into the evidence folder as
   ``<sha[:2]>/<sha><ext>``. A file already stored under that name is reused,
   never replaced. Each copy is written to a temporary file in the same folder,
   flushed to disk, and only then given its final name, so a crash leaves at
   worst a stray ``.incoming-*`` file and never a half photo under a final name.

Pillow is imported inside the functions: ``inspect record`` without photos must
not pay for it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import os
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from qingyang_inspect.errors import RecordError, StoreError
from qingyang_inspect.files import FileProblem, open_regular, os_reason, read_limited
from qingyang_inspect.i18n import t
from qingyang_inspect.text import undecodable

if TYPE_CHECKING:
    from qingyang_inspect.findings.model import Photo, PhotoStage

#: Photos above this size are refused (a phone photo is 2-8 MB).
MAX_PHOTO_BYTES = 20 * 1024 * 1024

_CHUNK = 1024 * 1024

#: Pillow format name -> (media type, file extension in the evidence folder).
#: MPO is how Pillow names the multi-picture JPEGs many phone cameras write.
_FORMATS: dict[str, tuple[str, str]] = {
    "JPEG": ("image/jpeg", ".jpg"),
    "MPO": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "WEBP": ("image/webp", ".webp"),
    "GIF": ("image/gif", ".gif"),
    "BMP": ("image/bmp", ".bmp"),
    "TIFF": ("image/tiff", ".tiff"),
    "AVIF": ("image/avif", ".avif"),
    "HEIF": ("image/heic", ".heic"),
}

#: ISO-BMFF brands of HEIC/HEIF files (iPhone photos), read at bytes 8-12.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo that passed :func:`check_photos`: a real image of an accepted format."""

    path: Path
    sha256: str
    size: int
    media_type: str
    #: Extension it is stored under, from its content (not its name).
    extension: str

    @property
    def original_name(self) -> str:
        """The file name the inspector gave, kept with the finding."""
        return self.path.name


@dataclass(frozen=True)
class StoredPhoto:
    """A photo in the evidence folder, ready to be linked to a finding."""

    sha256: str
    original_name: str
    #: Path relative to the evidence folder, always with ``/``: ``ab/ab12….jpg``.
    relpath: str
    size: int
    media_type: str

    def as_photo(self, stage: PhotoStage) -> Photo:
        """The store's record of this photo taken at ``stage`` (before / after)."""
        from qingyang_inspect.findings.model import Photo

        return Photo(
            sha256=self.sha256,
            original_name=self.original_name,
            stage=stage,
            relpath=self.relpath,
        )


def supported_formats() -> tuple[str, ...]:
    """Names of the accepted image formats on this machine (HEIC only with pillow-heif)."""
    names = ["JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF"]
    if _avif_available():
        names.append("AVIF")
    if _heif_available():
        names.append("HEIC")
    return tuple(names)


def _avif_available() -> bool:
    from PIL import features

    return bool(features.check("avif"))


def _heif_available() -> bool:
    """Register pillow-heif's opener if it is installed; HEIC is optional."""
    try:
        module = importlib.import_module("pillow_heif")
    except ImportError:
        return False
    register = getattr(module, "register_heif_opener", None)
    if register is None:  # pragma: no cover - a very old pillow-heif
        return False
    register()
    return True


def check_photos(
    paths: Sequence[Path], *, stage: Literal["before", "after"] = "before"
) -> list[CheckedPhoto]:
    """Validate and hash every photo in ``paths``; :class:`RecordError` on the first bad one.

    Nothing is written. ``stage`` only words the error (problem photo or
    rectification photo).
    """
    if not paths:
        return []
    heif = _heif_available()
    optional = {"AVIF": _avif_available(), "HEIF": heif}
    # MPO files are opened by the JPEG plugin, which names them MPO.
    allowed = [name for name in _FORMATS if name != "MPO" and optional.get(name, True)]
    return [_check_one(Path(path), allowed, heif, stage) for path in paths]


def _check_one(path: Path, allowed: list[str], heif: bool, stage: str) -> CheckedPhoto:
    what = t(STAGE_KEYS[stage])
    hint_formats = t("evidence.formats_hint", formats=", ".join(supported_formats()))
    if undecodable(path.name):  # the name is kept with the finding: it must be text
        raise RecordError(
            t("evidence.name_not_text", what=what, path=path), hint=t("evidence.rename_hint")
        )
    try:
        # Read once, whole (a photo is a few MB): hashed and decoded from the same bytes,
        # so the file cannot change between the two.
        data = read_limited(path, MAX_PHOTO_BYTES)
    except FileProblem as problem:
        raise _refused(problem, what, path) from None
    digest = hashlib.sha256(data)
    head = data[:16]
    if not heif and head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        raise RecordError(
            t("evidence.heic_unsupported", what=what, path=path),
            hint=t("evidence.heic_hint"),
        )
    image_format = _decode(path, data, allowed, what, hint_formats)
    media_type, extension = _FORMATS[image_format]
    return CheckedPhoto(
        path=path,
        sha256=digest.hexdigest(),
        size=len(data),
        media_type=media_type,
        extension=extension,
    )


#: The message key naming each stage's photo (问题照片 / 整改照片).
STAGE_KEYS: dict[str, str] = {
    "before": "evidence.stage_before",
    "after": "evidence.stage_after",
    "any": "evidence.stage_any",
}


def _refused(problem: FileProblem, what: str, path: Path) -> RecordError:
    """A photo that cannot be read as a file, in words saying what it is and what to do."""
    if problem.problem == "missing":
        return RecordError(
            t("evidence.missing", what=what, path=path), hint=t("evidence.missing_hint")
        )
    if problem.problem == "folder":
        return RecordError(
            t("evidence.not_a_file", what=what, path=path), hint=t("evidence.not_a_file_hint")
        )
    if problem.problem == "too_large":
        return RecordError(
            t(
                "evidence.too_large",
                what=what,
                path=path,
                size_mb=f"{(problem.size or 0) / 1024 / 1024:.1f}",
                limit_mb=f"{MAX_PHOTO_BYTES / 1024 / 1024:g}",
            ),
            hint=t("evidence.too_large_hint"),
        )
    if problem.problem == "unreadable":
        return RecordError(
            t("evidence.unreadable", what=what, path=path, reason=problem.reason),
            hint=t("evidence.unreadable_hint"),
        )
    return RecordError(  # a broken or looping link, a FIFO, a device, a socket
        t("evidence.unreadable", what=what, path=path, reason=problem.reason),
        hint=t("evidence.special_hint"),
    )


def _decode(path: Path, data: bytes, allowed: list[str], what: str, hint_formats: str) -> str:
    """Open, verify and fully decode ``data``; the Pillow format name if it is a sound image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Large panoramas trip Pillow's bomb *warning*; its hard limit still applies.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=allowed) as image:
                image_format = image.format or ""
                image.verify()
            # verify() does not decode pixel data; a truncated JPEG only shows on load.
            with Image.open(io.BytesIO(data), formats=allowed) as image:
                if image.format in ("JPEG", "MPO"):
                    image.draft(image.mode, (1, 1))  # decode at 1/8 scale: same checks, faster
                image.load()
    except Image.DecompressionBombError:
        raise RecordError(
            t("evidence.too_many_pixels", what=what, path=path),
            hint=t("evidence.too_large_hint"),
        ) from None
    except UnidentifiedImageError:
        raise RecordError(
            t("evidence.not_an_image", what=what, path=path), hint=hint_formats
        ) from None
    except Exception as exc:
        # Pillow's decoders raise OSError, SyntaxError, ValueError, struct.error,
        # EOFError… on damaged data: every one of them means "not a sound image".
        raise RecordError(
            t("evidence.damaged", what=what, path=path, reason=exc),
            hint=t("evidence.damaged_hint"),
        ) from None
    if image_format not in _FORMATS:  # pragma: no cover - formats= already restricts
        raise RecordError(t("evidence.not_an_image", what=what, path=path), hint=hint_formats)
    return image_format


def store_photos(evidence_dir: Path, checked: Sequence[CheckedPhoto]) -> list[StoredPhoto]:
    """Copy checked photos into ``evidence_dir``; one entry per distinct content, input order.

    Every photo is first copied to a temporary file next to its final name
    (re-hashed while copying, so a file changed since it was checked is
    refused) and flushed to disk; only when all copies succeeded are they given
    their final names. An existing file is never replaced: if it holds the same
    content it is reused, if not the store is damaged and :class:`StoreError`
    says where.
    """
    unique: dict[str, CheckedPhoto] = {}
    for photo in checked:
        unique.setdefault(photo.sha256, photo)
    staged: list[tuple[CheckedPhoto, Path, Path | None]] = []
    try:
        for photo in unique.values():
            final = evidence_dir / photo.sha256[:2] / f"{photo.sha256}{photo.extension}"
            if final.exists():
                _check_existing(final, photo.sha256)
                staged.append((photo, final, None))
            else:
                staged.append((photo, final, _copy_to_temp(photo, final.parent)))
        for _photo, final, temp in staged:
            if temp is not None:
                _publish(temp, final)
    finally:
        for _photo, _final, temp in staged:
            if temp is not None:
                with contextlib.suppress(FileNotFoundError):
                    temp.unlink()
    return [
        StoredPhoto(
            sha256=photo.sha256,
            original_name=photo.original_name,
            relpath=final.relative_to(evidence_dir).as_posix(),
            size=photo.size,
            media_type=photo.media_type,
        )
        for photo, final, _temp in staged
    ]


def ingest_photos(
    evidence_dir: Path, paths: Sequence[Path], *, stage: Literal["before", "after"]
) -> list[StoredPhoto]:
    """Check every photo in ``paths``, store them all (see :func:`store_photos`), and make
    each one's thumbnail now, so reports never decode the full-size photo."""
    from qingyang_inspect.thumbnails import store_thumbnail

    stored = store_photos(evidence_dir, check_photos(paths, stage=stage))
    for photo in stored:
        store_thumbnail(evidence_dir, photo.relpath)
    return stored


def _copy_to_temp(photo: CheckedPhoto, folder: Path) -> Path:
    """Copy ``photo`` into a synced temporary file in ``folder``; its hash must not change."""
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=".incoming-", suffix=photo.extension)
    except OSError as exc:
        if made:  # leave the evidence folder as it was (a full disk, say)
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise StoreError(
            t("evidence.write_failed", path=folder, reason=os_reason(exc)),
            hint=t("evidence.write_failed_hint"),
        ) from None
    temp = Path(name)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                source = open_regular(photo.path)
            except FileProblem as problem:
                raise _refused(problem, t("evidence.stage_any"), photo.path) from None
            with source:
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); evidence is shared with the office.
        os.chmod(temp, 0o644)
    except OSError as exc:
        _discard(temp, folder if made else None)
        raise StoreError(
            t("evidence.write_failed", path=folder, reason=os_reason(exc)),
            hint=t("evidence.write_failed_hint"),
        ) from None
    except BaseException:
        _discard(temp, folder if made else None)
        raise
    if digest.hexdigest() != photo.sha256:
        _discard(temp, folder if made else None)
        raise RecordError(t("evidence.changed", path=photo.path), hint=t("evidence.changed_hint"))
    return temp


def _discard(temp: Path, folder: Path | None) -> None:
    """Remove a temporary copy, and the shard folder made for it (if still empty)."""
    temp.unlink(missing_ok=True)
    if folder is not None:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _publish(temp: Path, final: Path) -> None:
    """Give ``temp`` the name ``final`` without ever replacing an existing file."""
    try:
        try:
            # A hard link fails if ``final`` exists: no window in which a
            # concurrent writer's file could be replaced.
            os.link(temp, final)
        except FileExistsError:
            _check_existing(final, final.stem)
            return
        except OSError:
            # Filesystems without hard links: replace is atomic; two writers of
            # the same name write the same bytes, so the race is harmless.
            if final.exists():
                _check_existing(final, final.stem)
                return
            os.replace(temp, final)
        _sync_dir(final.parent)
        _sync_dir(final.parent.parent)  # the shard folder may be new too
    except OSError as exc:
        raise StoreError(
            t("evidence.write_failed", path=final.parent, reason=os_reason(exc)),
            hint=t("evidence.write_failed_hint"),
        ) from None


def _check_existing(path: Path, sha256: str) -> None:
    """An evidence file must hold the content its name promises."""
    digest = hashlib.sha256()
    try:
        with open_regular(path) as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except FileProblem as problem:
        raise StoreError(
            t("evidence.write_failed", path=path, reason=problem.reason),
            hint=t("evidence.write_failed_hint"),
        ) from None
    except OSError as exc:
        raise StoreError(
            t("evidence.write_failed", path=path, reason=os_reason(exc)),
            hint=t("evidence.write_failed_hint"),
        ) from None
    if digest.hexdigest() != sha256:
        raise StoreError(t("evidence.corrupt", path=path), hint=t("evidence.corrupt_hint"))


def _sync_dir(folder: Path) -> None:
    """Flush a folder's entries so a new name survives a power cut (POSIX only)."""
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:  # pragma: no cover - Windows cannot open folders
        return
    try:
        fd = os.open(folder, os.O_RDONLY | flags)
    except OSError:  # pragma: no cover - some network filesystems refuse
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
