"""Thumbnails of evidence photos: made once, kept beside the evidence, reused by every report.

A photo's thumbnail is made when the photo enters the evidence store
(:func:`make_thumbnail`), so a report embeds small JPEGs without decoding
4000×3000 originals. Photos stored before thumbnails existed get theirs on
first use (:func:`thumbnail`); a read-only evidence folder makes them into a
scratch folder instead. Thumbnails live under ``thumbs/`` with the photo's own
relative path, as JPEG.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

#: Longest side of a thumbnail in pixels: sharp at 4 cm on paper (about 300 dpi).
THUMBNAIL_PX = 480
#: Thumbnails are written with this density, so a spreadsheet sizes them 1 px : 1 px.
THUMBNAIL_DPI = 96
THUMBS = "thumbs"


def thumbnail_path(evidence: Path, relpath: str) -> Path:
    """Where the thumbnail of the photo at ``relpath`` lives."""
    return evidence / THUMBS / Path(relpath).with_suffix(".jpg")


def thumbnail(evidence: Path, relpath: str, scratch: Path | None = None) -> Path | None:
    """The thumbnail of the evidence photo at ``relpath``, made now if missing.

    ``None`` when the photo is missing or unreadable. When the evidence folder
    cannot be written, the thumbnail is made under ``scratch`` (if given).
    """
    path = thumbnail_path(evidence, relpath)
    if path.is_file():
        return path
    data = make_thumbnail(evidence / relpath)
    if data is None:
        return None
    for target in (path, None if scratch is None else thumbnail_path(scratch, relpath)):
        if target is None:
            break
        try:
            _write_atomically(target, data)
            return target
        except OSError:
            continue
    return None


def make_thumbnail(source: Path, size: int = THUMBNAIL_PX) -> bytes | None:
    """A JPEG thumbnail of the image at ``source``, upright; ``None`` if it cannot be read."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(source) as img:
            img.draft("RGB", (size, size))  # decode JPEGs at a reduced scale
            upright = ImageOps.exif_transpose(img)
            rgb = upright.convert("RGB")
            rgb.thumbnail((size, size))
            out = io.BytesIO()
            rgb.save(out, format="JPEG", quality=85, dpi=(THUMBNAIL_DPI, THUMBNAIL_DPI))
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def store_thumbnail(evidence: Path, relpath: str) -> None:
    """Make the thumbnail of a photo just stored (ingest); a failure leaves it for first use."""
    path = thumbnail_path(evidence, relpath)
    if path.is_file():
        return
    data = make_thumbnail(evidence / relpath)
    if data is not None:
        with contextlib.suppress(OSError):
            _write_atomically(path, data)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".thumb-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
