"""Photos in workbook cells: thumbnails anchored in their cells, linked to the full-size file.

A ``photos`` cell (a :class:`~qingyang_inspect.views.base.PhotoSet`) shows its
first photo's thumbnail, made once when the photo entered the evidence store
(:mod:`qingyang_inspect.thumbnails`), scaled to the column; clicking it opens
the full-size photo. With ``--photos-dir`` every photo of the workbook is
copied there under its problem number (:class:`PhotoExport`) and the links
point at the copies, relative to the workbook, so a unit receives one folder.
At most ``limit`` thumbnails go on one sheet; past it, and for photos missing
from the evidence folder, the cell names the photos instead. A photo that cannot
be shown (gone, cut short, not a file, a decompression bomb) is named in its
cell with the reason and counted (:meth:`Photos.notes`): the report goes on.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from qingyang_inspect.errors import ReportError
from qingyang_inspect.files import os_reason
from qingyang_inspect.findings.model import Photo
from qingyang_inspect.i18n import t
from qingyang_inspect.render.xlsx.book import Sheet
from qingyang_inspect.thumbnails import Thumb, Unusable, find_thumbnail
from qingyang_inspect.views.base import PhotoSet

#: Pixels between a thumbnail and its cell's left and top edges (and right, bottom).
MARGIN_PX = 4
#: Points of margin around a thumbnail in its cell (above and below together).
MARGIN_POINTS = 2 * MARGIN_PX * 0.75
#: Points for the line under a thumbnail saying how many photos the cell holds.
COUNT_LINE_POINTS = 15.0


class PhotoExport:
    """The full-size photos of a workbook, copied into ``folder`` under their given names."""

    def __init__(self, evidence: Path, folder: Path) -> None:
        self.evidence = evidence
        self.folder = folder
        self._done: dict[str, Path | None] = {}

    def copy(self, relpath: str, name: str) -> Path | None:
        """The copy of the evidence photo ``relpath`` named ``name`` (made once); ``None``
        when the photo is missing from the evidence folder."""
        if name in self._done:
            return self._done[name]
        source = self.evidence / relpath
        target: Path | None = self.folder / name
        if not source.is_file():
            target = None
        else:
            assert target is not None
            try:
                if not (target.is_file() and target.stat().st_size == source.stat().st_size):
                    shutil.copyfile(source, target)
            except OSError as exc:
                raise ReportError(
                    t("report.write_failed", path=target, reason=os_reason(exc))
                ) from None
        self._done[name] = target
        return target


class Photos:
    """Thumbnails as wide as their column anchored in cells, at most ``limit`` per sheet."""

    def __init__(
        self,
        evidence: Path | None,
        limit: int,
        scratch: Path,
        *,
        workbook_dir: Path | None = None,
        export: PhotoExport | None = None,
    ) -> None:
        self.evidence = evidence
        self.limit = limit
        self.scratch = scratch
        self.workbook_dir = workbook_dir
        self.export = export
        self._thumbs: dict[str, Thumb | Unusable | None] = {}
        self._folders: dict[Path, str] = {}
        self._embedded: dict[int, int] = {}
        #: Photos that could not be shown, by SHA-256 (each counted once).
        self.unusable: set[str] = set()

    def names(self, cell: PhotoSet) -> str | None:
        """The cell as text: the photos' names (their copies' when handed out), one a line."""
        if not cell.photos:
            return None
        lines = []
        for n, photo in enumerate(cell.photos):
            name = cell.names[n] if n < len(cell.names) else photo.relpath
            why = self._thumbs.get(photo.sha256)
            if isinstance(why, Unusable):
                lines.append(self._unusable(photo, why))
            elif self.evidence is not None and not (self.evidence / photo.relpath).is_file():
                lines.append(t("report.photo_missing", name=photo.original_name))
            elif self.export is not None:
                self.export.copy(photo.relpath, name)
                lines.append(name)
            else:
                lines.append(photo.relpath)
        return "\n".join(lines)

    def cell(
        self, sheet: Sheet, row: int, col: int, cell: PhotoSet
    ) -> tuple[str | None, float | None]:
        """Anchor the first photo's thumbnail at (row, col): the cell's text, and the row
        height (points) the thumbnail needs (``None`` when none was anchored)."""
        if not cell.photos:
            return None, None
        embedded = self._embedded.get(id(sheet), 0)
        first = cell.photos[0]
        thumb = self._thumb(first) if embedded < self.limit else None
        if not isinstance(thumb, Thumb):
            return self.names(cell), None
        path, width, height = thumb
        # The column's width in pixels (as spreadsheets count it), less a margin each side.
        column_px = int(sheet.widths[col] * 7 + 0.5) + 5 if col < len(sheet.widths) else 90
        scale = (column_px - 2 * MARGIN_PX) / width
        options: dict[str, object] = {
            "x_scale": scale,
            "y_scale": scale,
            "x_offset": MARGIN_PX,
            "y_offset": MARGIN_PX,
            "object_position": 1,
        }
        link = self._link(cell)
        if link is not None:
            options["url"] = link
            options["tip"] = t("report.photo_open")
        sheet.ws.insert_image(row, col, str(path), options)
        self._embedded[id(sheet)] = embedded + 1
        points = height * scale * 0.75 + MARGIN_POINTS
        if len(cell.photos) > 1:
            return t("report.photo_more", count=len(cell.photos)), points + COUNT_LINE_POINTS
        return None, points

    def _link(self, cell: PhotoSet) -> str | None:
        """Where clicking the photo leads: its copy, else the evidence file (relative)."""
        photo = cell.photos[0]
        if self.export is not None and cell.names:
            target = self.export.copy(photo.relpath, cell.names[0])
            for other, name in zip(cell.photos[1:], cell.names[1:], strict=False):
                self.export.copy(other.relpath, name)
            if target is None:
                return None
            return self._under(self.export.folder, cell.names[0])
        if self.evidence is not None:
            return self._under(self.evidence, photo.relpath)
        return None

    def _under(self, folder: Path, relpath: str) -> str | None:
        """A link to ``relpath`` in ``folder``, relative to the workbook's folder when it can
        be (the folder's own place worked out once per workbook)."""
        if self.workbook_dir is None:
            return None
        base = self._folders.get(folder)
        if base is None:
            try:
                base = os.path.relpath(folder.resolve(), self.workbook_dir.resolve())
                base = base.replace(os.sep, "/")
            except ValueError:  # another drive (Windows): only an absolute link reaches it
                base = str(folder.resolve())
            self._folders[folder] = base
        return "external:" + (relpath if base == "." else f"{base}/{relpath}")

    def _thumb(self, photo: Photo) -> Thumb | Unusable | None:
        """The photo's thumbnail, or why it cannot be shown (each photo looked at once)."""
        if photo.sha256 not in self._thumbs:
            found: Thumb | Unusable | None = None
            if self.evidence is not None:
                try:
                    found = find_thumbnail(self.evidence, photo.relpath, self.scratch)
                except Unusable as why:
                    found = why
            self._thumbs[photo.sha256] = found
        return self._thumbs[photo.sha256]

    def _unusable(self, photo: Photo, why: Unusable) -> str:
        self.unusable.add(photo.sha256)
        if why.missing:
            return t("report.photo_missing", name=photo.original_name)
        return t("report.photo_unusable", name=photo.original_name, reason=why.reason)

    def notes(self) -> list[str]:
        """What the command says about the photos at the end (how many were not shown)."""
        count = len(self.unusable)
        return [t("report.photos_unusable", count=count)] if count else []
