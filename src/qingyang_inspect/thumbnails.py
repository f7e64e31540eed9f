"""Thumbnails of evidence photos: made once, kept beside the evidence, reused by every report.

A photo's thumbnail is made when the photo enters the evidence store
(:func:`make_thumbnail`), so a report embeds small JPEGs without decoding
4000×3000 originals. Photos stored before thumbnails existed get theirs on
first use (:func:`find_thumbnail`); a read-only evidence folder makes them into a
scratch folder instead. Thumbnails live under ``thumbs/`` with the photo's own
relative path, as JPEG.

An evidence file may have gone bad since it was stored — deleted, truncated,
replaced by something that is not an image, a FIFO, a decompression bomb. A
report must not fail for one photo: :func:`find_thumbnail` raises
:class:`Unusable` saying why, so the report can name the photo and go on.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from pathlib import Path
from typing import NamedTuple

from qingyang_inspect.files import FileProblem, open_regular, read_limited, write_whole
from qingyang_inspect.i18n import t

#: Longest side of a thumbnail in pixels: sharp at 4 cm on paper (about 300 dpi).
THUMBNAIL_PX = 480
#: Thumbnails are written with this density, so a spreadsheet sizes them 1 px : 1 px.
THUMBNAIL_DPI = 96
THUMBS = "thumbs"
#: A thumbnail file larger than this is not one of ours (ours are ~30 KB).
_MAX_THUMB_BYTES = 4 * 1024 * 1024


class Unusable(Exception):
    """A photo that cannot be shown; :attr:`reason` says why, in the user's language."""

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        #: The file is not there at all (as opposed to there but unusable).
        self.missing = missing


class Thumb(NamedTuple):
    """A thumbnail file and its size in pixels."""

    path: Path
    width: int
    height: int


def thumbnail_path(evidence: Path, relpath: str) -> Path:
    """Where the thumbnail of the photo at ``relpath`` lives."""
    return evidence / THUMBS / Path(relpath).with_suffix(".jpg")


def find_thumbnail(evidence: Path, relpath: str, scratch: Path | None = None) -> Thumb:
    """The thumbnail of the evidence photo at ``relpath``, made now if missing or unreadable.

    :class:`Unusable` when the photo cannot be shown. When the evidence folder
    cannot be written, the thumbnail is made under ``scratch`` (if given).
    """
    path = thumbnail_path(evidence, relpath)
    found = _read_thumb(path)
    if found is not None:
        return found
    data = render_thumbnail(evidence / relpath)
    for target in (path, None if scratch is None else thumbnail_path(scratch, relpath)):
        if target is None:
            break
        try:
            write_whole(target, data, prefix=".thumb-")
        except OSError:
            continue
        made = _read_thumb(target)
        if made is not None:
            return made
    raise Unusable(t("photo.thumb_unwritable"))


def thumbnail(evidence: Path, relpath: str, scratch: Path | None = None) -> Path | None:
    """The thumbnail's path (:func:`find_thumbnail`); ``None`` if the photo cannot be shown."""
    try:
        return find_thumbnail(evidence, relpath, scratch).path
    except Unusable:
        return None


def render_thumbnail(source: Path, size: int = THUMBNAIL_PX) -> bytes:
    """A JPEG thumbnail of the image at ``source``, upright; :class:`Unusable` saying why not.

    The file is read only if it is a regular file within the photo size limit,
    and decoded within Pillow's pixel limit, so a hostile file cannot hang or
    exhaust the report.
    """
    from PIL import Image, ImageOps

    from qingyang_inspect.evidence import MAX_PHOTO_BYTES

    try:
        data = read_limited(source, MAX_PHOTO_BYTES)
    except FileProblem as problem:
        raise Unusable(problem.reason, missing=problem.problem == "missing") from None
    try:
        with warnings.catch_warnings():
            # As when the photo was taken in: large panoramas pass, bombs do not.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                img.draft("RGB", (size, size))  # decode JPEGs at a reduced scale
                upright = ImageOps.exif_transpose(img)
                rgb = upright.convert("RGB")
        rgb.thumbnail((size, size))
        out = io.BytesIO()
        rgb.save(out, format="JPEG", quality=85, dpi=(THUMBNAIL_DPI, THUMBNAIL_DPI))
        return out.getvalue()
    except Image.DecompressionBombError:
        raise Unusable(t("photo.too_many_pixels")) from None
    except Exception:
        # Pillow's decoders raise OSError, SyntaxError, ValueError, struct.error,
        # EOFError… on damaged data: each means the photo cannot be shown. (Their
        # English words stay out of a report in Chinese.)
        raise Unusable(t("photo.damaged")) from None


def make_thumbnail(source: Path, size: int = THUMBNAIL_PX) -> bytes | None:
    """A JPEG thumbnail of the image at ``source`` (see :func:`render_thumbnail`); ``None``
    if it cannot be shown."""
    try:
        return render_thumbnail(source, size)
    except Unusable:
        return None


def store_thumbnail(evidence: Path, relpath: str) -> None:
    """Make the thumbnail of a photo just stored (ingest); a failure leaves it for first use."""
    path = thumbnail_path(evidence, relpath)
    if path.is_file():
        return
    data = make_thumbnail(evidence / relpath)
    if data is not None:
        with contextlib.suppress(OSError):
            write_whole(path, data, prefix=".thumb-")


def _read_thumb(path: Path) -> Thumb | None:
    """The thumbnail at ``path`` if it is one (a regular, readable JPEG); else ``None``."""
    from PIL import Image

    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > _MAX_THUMB_BYTES:
                return None
            with Image.open(handle, formats=["JPEG"]) as img:  # the header: cheap
                return Thumb(path, img.width, img.height)
    except Exception:  # missing, damaged, not a JPEG: made again
        return None
