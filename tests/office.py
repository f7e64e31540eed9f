"""Office files through LibreOffice, as the people who receive them print them (tests only)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(document: Path, folder: Path) -> Path:
    """Convert ``document`` (.docx, .xlsx) to PDF in ``folder`` with LibreOffice headless."""
    assert SOFFICE is not None
    profile = folder / "lo-profile"
    proc = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf = folder / "pdf" / (document.stem + ".pdf")
    assert proc.returncode == 0, proc.stderr
    assert pdf.is_file(), (proc.stdout, proc.stderr)
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def pdf_text(pdf: Path) -> str | None:
    """The PDF's text laid out as on the page (``None`` without poppler's pdftotext)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
