"""Reading printed pages back (the workbook converted by :func:`office.to_pdf`).

Text comes from poppler's ``pdftotext``; font sizes and photo sizes are read
from the PDF's own page content: LibreOffice writes each run of text as
``x y Td /F n size Tf``, already scaled to the printed page, and each image as
``w 0 0 h x y cm /Im Do``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

PDFTOTEXT = shutil.which("pdftotext")

#: Text below this height (points from the bottom) is the page footer (page numbers).
FOOTER_POINTS = 40.0


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, laid out."""
    assert PDFTOTEXT is not None
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@dataclass(frozen=True)
class PageContent:
    """What a printed page draws: its text runs' sizes (points) and photos' widths (cm)."""

    font_sizes: tuple[float, ...]
    image_widths_cm: tuple[float, ...]


def page_contents(pdf: Path) -> list[PageContent]:
    """The body text sizes (page footer left out) and image widths of every page, in order."""
    data = pdf.read_bytes()
    objects = _objects(data)
    order: list[int] = []
    for body in objects.values():
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            assert kids is not None
            order += [int(k) for k in re.findall(rb"(\d+) 0 R", kids.group(1))]
    pages = [n for n in order if re.search(rb"/Type\s*/Page\b", objects[n])]
    out = []
    for n in pages:
        contents = re.search(rb"/Contents\s+(\d+) 0 R", objects[n])
        assert contents is not None
        stream = _stream(objects[int(contents.group(1))]).decode("latin-1")
        sizes = [
            float(m.group(2))
            for m in re.finditer(r"([-\d.]+) [-\d.]+ Td /F\d+ ([\d.]+) Tf", stream)
        ]
        footers = [
            float(m.group(2))
            for m in re.finditer(r"[-\d.]+ ([-\d.]+) Td /F\d+ ([\d.]+) Tf", stream)
            if float(m.group(1)) < FOOTER_POINTS
        ]
        body = list(sizes)
        for size in footers:
            body.remove(size)
        widths = [
            float(m.group(1)) / 72 * 2.54
            for m in re.finditer(r"([\d.]+) 0 0 [\d.]+ [-\d.]+ [-\d.]+ cm\s*/Im\d+ Do", stream)
        ]
        out.append(PageContent(tuple(body), tuple(widths)))
    return out


def _objects(data: bytes) -> dict[int, bytes]:
    """Every ``n 0 obj … endobj`` of the file; a stream's bytes are skipped by its
    /Length (binary data may hold any bytes, ``endobj`` too)."""
    objects: dict[int, bytes] = {}
    pos = 0
    header = re.compile(rb"(\d+) 0 obj")
    while (match := header.search(data, pos)) is not None:
        start = match.end()
        stream = data.find(b"stream", start)
        end = data.find(b"endobj", start)
        if 0 <= stream < end:
            length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", data[start:stream])
            assert length is not None
            size = int(length.group(1))
            if length.group(2):  # an indirect length: the object holds the number
                ref = re.search(rb"%d 0 obj\s*(\d+)" % size, data)
                assert ref is not None
                size = int(ref.group(1))
            body_start = stream + len(b"stream")
            body_start += 2 if data[body_start : body_start + 2] == b"\r\n" else 1
            end = data.find(b"endobj", body_start + size)
        objects[int(match.group(1))] = data[start:end]
        pos = end + len(b"endobj")
    return objects


def _stream(body: bytes) -> bytes:
    start = body.find(b"stream") + len(b"stream")
    start += 2 if body[start : start + 2] == b"\r\n" else 1
    raw = body[start : body.rfind(b"endstream")]
    return zlib.decompressobj().decompress(raw) if b"FlateDecode" in body else raw


def only_footer(page: str, footer_marks: tuple[str, ...], row: str) -> bool:
    """Whether ``page`` holds a footer or signature block (a line with one of
    ``footer_marks``) and no line of the table (a line matching the regex ``row``
    without a footer mark): the page a supervisor should never have to print."""
    lines = [line for line in page.splitlines() if line.strip()]
    footer = [line for line in lines if any(mark in line for mark in footer_marks)]
    rows = [
        line
        for line in lines
        if re.search(row, line) and not any(mark in line for mark in footer_marks)
    ]
    return bool(footer) and not rows
